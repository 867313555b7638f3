// The JSON report: key order is the order buildReport writes (documented in docs/report.md).
// Layout: the top level with a two-space indent, each entry of `files` and of `links` on one
// line of its own, a final newline. One line per entry keeps a 1,000-file report greppable and
// diffable file by file, at a little over half the bytes an indent at every depth takes (the
// models are deep): 100 MB instead of 180 MB for the bench's 1,000 three-sheet workbooks, and
// the CLI's workers serialize each entry in about half the time.

import type { Report, ReportFile } from "./types";
import { escapedJsonBytes, escapeJsonText, type Utf8Encode } from "./cleanText";

const ENTRY_INDENT = "    ";
const SEPARATOR = `,\n${ENTRY_INDENT}`;
const FILES_KEY = '\n  "files": ';
const LINKS_KEY = '\n  "links": ';
const EMPTY_FILES = `${FILES_KEY}[]`;
const EMPTY_LINKS = `${LINKS_KEY}[]`;

/** A list of entries as the report writes it: `[]` when empty, else one entry per line. */
function entryList(lines: readonly string[]): string {
  return lines.length === 0 ? "[]" : `[\n${ENTRY_INDENT}${lines.join(SEPARATOR)}\n  ]`;
}

/** The report around its `files` list: everything before the list, and everything after it. */
function aroundFiles(report: Report): { before: string; after: string } {
  const links = entryList(report.links.map((link) => escapeJsonText(JSON.stringify(link))));
  // Keys below the top level are indented deeper, and strings cannot hold a raw line break:
  // each placeholder occurs exactly once. (A function, so that `$` in the links stays literal.)
  const shell = escapeJsonText(JSON.stringify({ ...report, files: [], links: [] }, null, 2)).replace(EMPTY_LINKS, () => `${LINKS_KEY}${links}`);
  const at = shell.indexOf(EMPTY_FILES);
  return { before: `${shell.slice(0, at)}${FILES_KEY}`, after: `${shell.slice(at + EMPTY_FILES.length)}\n` };
}

// Every piece goes through escapeJsonText: C1 and bidi controls as \uXXXX (same data, inert).
export function formatJson(report: Report): string {
  const { before, after } = aroundFiles(report);
  return `${before}${entryList(report.files.map(reportFileJson))}${after}`;
}

/** One entry of `files` exactly as formatJson prints it (without the line's indent). */
export function reportFileJson(file: ReportFile): string {
  return escapeJsonText(JSON.stringify(file));
}

/** reportFileJson as UTF-8 bytes, as the CLI's workers hand each entry over (see escapedJsonBytes). */
export function reportFileJsonBytes(file: ReportFile, encode?: Utf8Encode): Uint8Array {
  return escapedJsonBytes(JSON.stringify(file), encode);
}

/**
 * formatJson in pieces, so that a report over many files is written file by file:
 * `head + entries.join(separator) + tail`, with each entry from reportFileJson and at least one
 * entry, equals formatJson(report). Nothing in head depends on the files, so head can come
 * from a report built before any file was checked (with the same checkedAt).
 */
export function jsonReportParts(report: Report): { head: string; separator: string; tail: string } {
  const { before, after } = aroundFiles(report);
  return { head: `${before}[\n${ENTRY_INDENT}`, separator: SEPARATOR, tail: `\n  ]${after}` };
}
