// The ribbon's functions (manifest ExecuteFunction). Registered by whichever page Office loads
// as the FunctionFile: commands.html in the classic manifest, taskpane.html in the shared
// runtime (manifest <Runtimes>, SharedRuntime 1.1), where they run beside the pane.

import { OfficeWorkbookPort } from "../adapters/office";
import { loadStoredSettings } from "../taskpane/settingsStore";
import { requestValidate } from "./ribbonBus";
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
    // After the error dialog closed (or timed out): Office may unload this page once the command completes.
    event.completed();
  }
}

/**
 * 検証 in the shared runtime: shows the pane (Office.addin, SharedRuntime 1.1) and asks it for a
 * check — also when it is already open, which a ShowTaskpane button cannot do.
 */
async function validate(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch (error) {
    console.error("hyoka: the pane could not be shown", error);
  }
  requestValidate();
  event.completed();
}

export const RIBBON_FUNCTIONS = { writeSummary, validate } as const;

// Older hosts look the functions up on the global object, possibly before Office.onReady.
for (const [name, run] of Object.entries(RIBBON_FUNCTIONS)) (globalThis as Record<string, unknown>)[name] = run;

/** Office.actions.associate for every function (call it in Office.onReady). */
export function registerRibbonCommands(): void {
  for (const [name, run] of Object.entries(RIBBON_FUNCTIONS)) Office.actions?.associate(name, run);
}
