// A checked file as the check command keeps it. No workbook library here: the main thread imports this
// while the workers read the workbooks.

import type { Language } from "../core/findings";
import { reportFileJsonBytes, toReportFile, type FileResult, type ReportFile } from "../core/report";

/** How the check command wants each file back (see CheckedEntry). */
export interface EntryOptions {
  includeModel: boolean;
  /** The JSON report: also serialize the entry, where the file was checked. */
  json: boolean;
}

/**
 * What the check command keeps of one file: its report entry without models (enough for the
 * totals, the text, Markdown and CSV reports and the exit code) and, for the JSON report, the
 * entry's final text with the models, already UTF-8. Serializing and encoding in the worker
 * spares the main thread most of the work, and the bytes cross threads without a copy
 * (transferred, see worker.ts).
 */
export interface CheckedEntry {
  file: ReportFile;
  json: Uint8Array | null;
}

export function toCheckedEntry(result: FileResult, language: Language, options: EntryOptions): CheckedEntry {
  const full = toReportFile(result, language, options.includeModel && options.json);
  if (!options.json) return { file: full, json: null };
  const file = { ...full, sheets: full.sheets.map((s) => (s.model === null ? s : { ...s, model: null })) };
  return { file, json: reportFileJsonBytes(full) };
}
