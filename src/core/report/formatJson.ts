// The JSON report: key order is the order buildReport writes (documented in docs/report.md),
// two-space indent, final newline.

import type { Report, ReportFile } from "./types";
import { escapedJsonBytes, escapeJsonText, type Utf8Encode } from "./cleanText";

const EMPTY_FILES = '\n  "files": []';
// An entry of `files` sits two levels deep; stringifying it at that depth indents it as the
// whole report would, without re-indenting every line afterwards.
const NESTED_OPEN = '{\n  "files": [\n';
const NESTED_CLOSE = "\n  ]\n}";

// Every piece goes through escapeJsonText: C1 and bidi controls as \uXXXX (same data, inert).
export function formatJson(report: Report): string {
  return `${escapeJsonText(JSON.stringify(report, null, 2))}\n`;
}

function nestedFileJson(file: ReportFile): string {
  const nested = JSON.stringify({ files: [file] }, null, 2);
  return nested.slice(NESTED_OPEN.length, nested.length - NESTED_CLOSE.length);
}

/** One entry of `files` exactly as formatJson prints it. */
export function reportFileJson(file: ReportFile): string {
  return escapeJsonText(nestedFileJson(file));
}

/** reportFileJson as UTF-8 bytes, as the CLI's workers hand each entry over (see escapedJsonBytes). */
export function reportFileJsonBytes(file: ReportFile, encode?: Utf8Encode): Uint8Array {
  return escapedJsonBytes(nestedFileJson(file), encode);
}

/**
 * formatJson in pieces, so that a report over many files is written file by file:
 * `head + entries.join(",\n") + tail`, with each entry from reportFileJson and at least one
 * entry, equals formatJson(report). Nothing in head depends on the files, so head can come
 * from a report built before any file was checked (with the same checkedAt).
 */
export function jsonReportParts(report: Report): { head: string; separator: string; tail: string } {
  const shell = escapeJsonText(JSON.stringify({ ...report, files: [] }, null, 2));
  // Keys below the top level are indented deeper, and strings cannot hold a raw line break:
  // this text occurs exactly once.
  const at = shell.indexOf(EMPTY_FILES);
  return {
    head: `${shell.slice(0, at)}\n  "files": [\n`,
    separator: ",\n",
    tail: `\n  ]${shell.slice(at + EMPTY_FILES.length)}\n`,
  };
}
