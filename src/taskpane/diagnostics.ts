// The diagnostics a help desk asks for (設定 → 診断): where the pane runs, which requirement
// sets the host has, and the last errors with Office's debugInfo. Pure: the pane renders it
// and copies `diagnosticsText`.

import type { Language } from "../core/findings";
import type { HostInfo } from "../port/workbookPort";
import { t } from "./i18n";

/** Errors kept for the diagnostics view, newest last. */
export const MAX_LOGGED_ERRORS = 10;

export interface LoggedError {
  /** ISO time. */
  at: string;
  code: string | null;
  message: string;
  /**
   * OfficeExtension.Error.debugInfo without `fullStatements`: Office says those may carry the
   * request's data (cell contents), and a diagnostics text travels to a help desk.
   */
  debugInfo: Record<string, unknown> | null;
}

function field(error: unknown, name: string): unknown {
  return typeof error === "object" && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/** What of a thrown error the log keeps. */
export function loggedError(error: unknown, now: Date): LoggedError {
  const code = field(error, "code");
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : String(field(error, "message") ?? error);
  const info = field(error, "debugInfo");
  let debugInfo: Record<string, unknown> | null = null;
  if (typeof info === "object" && info !== null) {
    debugInfo = { ...(info as Record<string, unknown>) };
    delete debugInfo.fullStatements;
  }
  return { at: now.toISOString(), code: typeof code === "string" && code ? code : null, message, debugInfo };
}

/** The log with one more error, the oldest dropped beyond MAX_LOGGED_ERRORS. */
export function withError(log: readonly LoggedError[], error: LoggedError): LoggedError[] {
  return [...log, error].slice(-MAX_LOGGED_ERRORS);
}

/** "ExcelApi 1.1–1.17" style summary: the supported versions of each set, as ranges. */
export function supportedSets(info: HostInfo): string[] {
  const bySet = new Map<string, string[]>();
  for (const s of info.requirementSets) if (s.supported) bySet.set(s.name, [...(bySet.get(s.name) ?? []), s.version]);
  const out: string[] = [];
  for (const [name, versions] of bySet) out.push(versions.length > 2 ? `${name} ${versions[0]}–${versions[versions.length - 1]}` : `${name} ${versions.join(", ")}`);
  return out;
}

/** The diagnostics' own labels (i18n.ts): keys of the `diag…` strings. */
export type DiagnosticsLabel = "diagTitle" | "diagTool" | "diagHost" | "diagPlatform" | "diagVersion" | "diagSets" | "diagMissing" | "diagDownloads" | "diagErrors" | "diagNone" | "diagYes" | "diagNo" | "diagUnknown";

/** Plain text for the clipboard: one fact per line, errors as JSON. */
export function diagnosticsText(info: HostInfo | null, errors: readonly LoggedError[], toolVersion: string, lang: Language): string {
  const l = (k: DiagnosticsLabel) => t(lang, k);
  const lines = [l("diagTitle"), `${l("diagTool")}: ${toolVersion}`];
  if (info) {
    lines.push(`${l("diagHost")}: ${info.host}`, `${l("diagPlatform")}: ${info.platform}`, `${l("diagVersion")}: ${info.version}`);
    lines.push(`${l("diagSets")}: ${supportedSets(info).join("; ") || l("diagNone")}`);
    const missing = info.requirementSets.filter((s) => !s.supported).map((s) => `${s.name} ${s.version}`);
    lines.push(`${l("diagMissing")}: ${missing.join(", ") || l("diagNone")}`);
    lines.push(`${l("diagDownloads")}: ${info.downloads ? l("diagYes") : l("diagNo")}`);
  } else lines.push(`${l("diagHost")}: ${l("diagUnknown")}`);
  lines.push(`${l("diagErrors")}: ${errors.length ? "" : l("diagNone")}`);
  for (const e of errors) lines.push(`- ${e.at} ${e.code ?? "-"} ${e.message}${e.debugInfo ? ` ${JSON.stringify(e.debugInfo)}` : ""}`);
  return `${lines.join("\n")}\n`;
}
