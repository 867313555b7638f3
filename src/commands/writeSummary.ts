// The "サマリー出力" ribbon command without the Office glue: read every sheet, check it with
// the core (with the template profile saved in the workbook, as the pane does, so both give
// the same figures), write the summary sheet; on failure, tell the user in a dialog. Kept
// apart from commands.ts so tests run it on a fake Excel context and a fake Office UI.

import { checkWorkbook, type CheckOptions } from "../core/engine";
import type { Language } from "../core/findings";
import { parseProfileText, type TemplateProfile } from "../core/profile";
import { withDefaults, type Settings } from "../core/settings";
import type { WorkbookPort } from "../port/workbookPort";
import { describeError } from "../taskpane/errors";
import { errorDialogUrl, showErrorDialog, type DialogUi } from "./errorDialog";

export interface SummaryCommandResult {
  sheetName: string;
  evaluationSheets: number;
  /** Name of the workbook's template profile the check used, or null. */
  profile: string | null;
}

/**
 * The profile saved in the workbook, when the host can store one. A profile that does not
 * parse is not applied, as in the pane (which also shows why; the ribbon has no room for it).
 */
async function savedProfile(port: WorkbookPort): Promise<TemplateProfile | null> {
  if (port.capabilities && !port.capabilities().profiles) return null;
  const stored = await port.loadProfile();
  return stored === null ? null : parseProfileText(stored.text).profile;
}

export async function writeSummaryCommand(port: WorkbookPort, settings: Partial<Settings> = {}): Promise<SummaryCommandResult> {
  const full = withDefaults(settings);
  const profile = await savedProfile(port);
  const options: CheckOptions = profile ? { settings: full, profile } : { settings: full };
  const results = checkWorkbook(await port.readWorkbook(), options);
  const { sheetName } = await port.writeSummary(results, full);
  return { sheetName, evaluationSheets: results.filter((r) => r.kind === "evaluation").length, profile: profile?.name ?? null };
}

const COMMAND_FAILED: Record<Language, string> = {
  ja: "サマリーを出力できませんでした",
  en: "The summary could not be written",
};

/**
 * Office ends a function command not completed 5 minutes after the click (manifest Action
 * reference: "the add-in times out after 5 minutes"). The command completes before that, with
 * half a minute to spare: an error dialog still open then is closed.
 */
export const COMMAND_TIME_LIMIT_MS = 270_000;

export interface SummaryCommandHost {
  port: WorkbookPort;
  settings: Partial<Settings>;
  /** Office.context.ui. */
  ui: DialogUi;
  /** The commands page's URL: the dialog page sits beside it (same origin, as Office requires). */
  pageUrl: string;
  /** The clock (tests replace it). */
  now?: () => number;
}

/** Runs the command; an error is shown in a dialog (Excel has no notification API for commands), within the time limit. */
export async function runSummaryCommand(host: SummaryCommandHost): Promise<SummaryCommandResult | null> {
  const now = host.now ?? Date.now;
  const started = now();
  try {
    return await writeSummaryCommand(host.port, host.settings);
  } catch (error) {
    const lang = host.settings.language ?? host.port.displayLanguage();
    const url = errorDialogUrl(host.pageUrl, lang, COMMAND_FAILED[lang], describeError(error, lang));
    await showErrorDialog(host.ui, url, error, Math.max(0, COMMAND_TIME_LIMIT_MS - (now() - started)));
    return null;
  }
}
