// Ribbon commands (manifest FunctionFile → commands.html). "サマリー出力" runs here without
// opening the task pane; "検証" is a ShowTaskpane action (taskpane.html?action=validate).

import { OfficeWorkbookPort } from "../adapters/office";
import { loadStoredSettings } from "../taskpane/settingsStore";
import { runSummaryCommand } from "./writeSummary";

async function writeSummary(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await runSummaryCommand({
      port: new OfficeWorkbookPort(),
      // The pane's 設定 tab saved them (same-origin localStorage); its loader also drops unknown keys.
      settings: loadStoredSettings(),
      ui: Office.context.ui,
      pageUrl: window.location.href,
    });
  } finally {
    // After the error dialog closed: Office may unload this page once the command completes.
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("writeSummary", writeSummary);
});
// Older hosts look the function up on the global object instead of Office.actions.
(globalThis as Record<string, unknown>).writeSummary = writeSummary;
