// One row per finding (and one per unreadable file), for spreadsheets. UTF-8 with BOM so
// Excel opens Japanese text correctly; RFC 4180 quoting and CRLF; cells that a spreadsheet
// would run as a formula are neutralized, because cell text comes from untrusted workbooks.

import type { Report } from "./types";
import { cleanText } from "./cleanText";

export const CSV_COLUMNS = ["file", "sha256", "sheet", "cell", "rule", "severity", "message", "path", "raw", "expected", "related"] as const;

const BOM = "\ufeff";

/** A leading =, +, -, @, tab or CR makes Excel/LibreOffice evaluate the cell: prefix `'`. */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180: quote when the field holds a comma, quote, CR or LF; double inner quotes. Control
 * and bidi characters are escaped first (cleanText): the CSV may be viewed in a terminal too.
 */
export function csvField(value: string | null): string {
  const text = neutralizeFormula(cleanText(value ?? ""));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(report: Report): string {
  const rows: Array<Array<string | null>> = [[...CSV_COLUMNS]];
  for (const file of report.files) {
    if (file.error) {
      rows.push([file.path, file.sha256, null, null, `file.${file.error.code}`, "error", file.error.message, null, null, null, null]);
      continue;
    }
    for (const sheet of file.sheets)
      for (const i of sheet.issues)
        rows.push([file.path, file.sha256, i.sheet, i.cell, i.rule, i.severity, i.message, i.path, i.raw, i.expected, i.related.join("; ")]);
  }
  return BOM + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
