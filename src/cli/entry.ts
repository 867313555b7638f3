// A checked file as the check command keeps it. No workbook library here: the main thread imports this
// while the workers read the workbooks.

import type { Language } from "../core/findings";
import type { LinkDigest } from "../core/link";
import { linkSheets, type LinkGroup } from "../core/link";
import { linkInputs, reportFileJsonBytes, toReportFile, withLinkIssues, type FileResult, type ReportFile } from "../core/report";
import type { Settings } from "../core/settings";

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
  /** Each sheet's link digest (core/link): what linking needs, instead of the models. */
  digests: (LinkDigest | null)[];
}

/**
 * UTF-8 as a Buffer with an ArrayBuffer of its own: escapedJsonBytes searches it with memchr (a
 * Uint8Array's indexOf is ~10× slower on a 180 KB entry), and the worker transfers that
 * ArrayBuffer whole. Buffer.from encodes twice as fast as TextEncoder (0.3 against 0.6 ms per
 * entry); only a short text lands in Node's shared pool, and is then copied out of it.
 */
function utf8Buffer(text: string): Uint8Array {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
  const own = new Uint8Array(bytes);
  return Buffer.from(own.buffer, 0, own.byteLength);
}

export function toCheckedEntry(result: FileResult, language: Language, options: EntryOptions): CheckedEntry {
  const full = toReportFile(result, language, options.includeModel && options.json);
  const digests = result.digests ?? [];
  if (!options.json) return { file: full, json: null, digests };
  const file = { ...full, sheets: full.sheets.map((s) => (s.model === null ? s : { ...s, model: null })) };
  return { file, json: reportFileJsonBytes(full, utf8Buffer), digests };
}

/**
 * Links the sheets of every entry by 施策 (core/link) from their digests, and adds each link
 * finding to the entry and sheet it is about — to the report entry and, for the JSON report, to
 * its serialized text (re-serialized only for the few entries a finding lands on).
 */
export function linkEntries(
  entries: readonly CheckedEntry[],
  settings: Settings,
  /** An entry's serialized text (the check command reads it back from the report it writes); null without one. */
  textOf: (index: number) => Uint8Array | null,
): { entries: CheckedEntry[]; groups: LinkGroup[] } {
  const language = settings.language;
  const inputs = linkInputs(entries.map((e) => ({ path: e.file.path, digests: e.digests })));
  const { groups, findings } = linkSheets(inputs, settings, { singleFile: entries.length <= 1 });
  if (findings.length === 0) return { entries: [...entries], groups };
  const linked = entries.map((e, index) => {
    const file = withLinkIssues(e.file, findings, language);
    if (file === e.file) return e;
    const text = textOf(index);
    const json = text === null ? null : reportFileJsonBytes(withLinkIssues(JSON.parse(new TextDecoder().decode(text)) as ReportFile, findings, language), utf8Buffer);
    return { ...e, file, json };
  });
  return { entries: linked, groups };
}
