// What every host adapter (Excel, the browser preview) does the same way, so a user sees the
// same colours and sheet names wherever hyoka runs. Pure: no Office.js, no DOM.

import type { Severity } from "../core/findings";

/** Fill of a highlighted cell, per severity (Excel's own "bad / neutral / note" tints). */
export const HIGHLIGHT_COLORS: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** First free name: the base, else "base (2)", "base (3)"…, counting hyoka's own sheets as free. */
export function chooseSummaryName(base: string, sheets: readonly { name: string; id: string }[], hyokaIds: ReadonlySet<string>): string {
  const taken = new Set(sheets.filter((s) => !hyokaIds.has(s.id)).map((s) => s.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
