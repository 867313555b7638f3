// Ribbon commands (manifest FunctionFile → commands.html). "サマリー出力" runs here without
// opening the task pane; "検証" is a ShowTaskpane action (taskpane.html?action=validate).

import { OfficeWorkbookPort } from "../adapters/office";
import { writeSummaryCommand } from "./writeSummary";

/** Settings chosen in the pane's 設定 tab, when it saved any (same-origin localStorage). */
function savedSettings(): Record<string, unknown> {
  try {
    const text = globalThis.localStorage?.getItem("hyoka.settings");
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    return {}; // unreadable settings must not block the command: defaults apply
  }
}

async function writeSummary(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await writeSummaryCommand(new OfficeWorkbookPort(), savedSettings());
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
