// Ribbon commands (manifest FunctionFile → commands.html). "サマリー出力" runs here without
// opening the task pane; "検証" is a ShowTaskpane action (taskpane.html?action=validate).

import { OfficeWorkbookPort } from "../adapters/office";
import { loadStoredSettings } from "../taskpane/settingsStore";
import { writeSummaryCommand } from "./writeSummary";

async function writeSummary(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // The pane's 設定 tab saved them (same-origin localStorage); its loader also drops unknown keys.
    await writeSummaryCommand(new OfficeWorkbookPort(), loadStoredSettings());
  } catch (error) {
    // A ribbon command has no UI of its own; the console is what Office's diagnostics show.
    console.error("hyoka: writing the summary failed", error);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("writeSummary", writeSummary);
});
// Older hosts look the function up on the global object instead of Office.actions.
(globalThis as Record<string, unknown>).writeSummary = writeSummary;
