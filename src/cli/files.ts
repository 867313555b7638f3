// Which files a run covers: explicit files as given (whatever their extension, so that a
// stray .csv is reported rather than silently skipped), folders walked for workbooks.

import { promises as fs } from "node:fs";
import path from "node:path";

export interface InputFile {
  /** Absolute path. */
  absolute: string;
  /** Relative to the working directory, `/` separators: what reports show. */
  display: string;
}

const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm"]);

/** Excel's lock files (~$Book.xlsx) sit beside open workbooks and are never workbooks. */
function isWorkbookName(name: string): boolean {
  return WORKBOOK_EXTENSIONS.has(path.extname(name).toLowerCase()) && !name.startsWith("~$");
}

export function displayPath(absolute: string, cwd: string): string {
  const rel = path.relative(cwd, absolute) || path.basename(absolute);
  return rel.split(path.sep).join("/");
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, out);
    else if (e.isFile() && isWorkbookName(e.name)) out.push(full);
  }
}

/**
 * Expands inputs into files, sorted by display path and without duplicates. A path that does
 * not exist is kept: reading it later gives a per-file "not-found" error.
 */
export async function collectFiles(inputs: readonly string[], cwd: string): Promise<InputFile[]> {
  const found: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = await fs.stat(absolute).catch(() => null);
    if (stat?.isDirectory()) await walk(absolute, found);
    else found.push(absolute);
  }
  const unique = [...new Set(found)].map((absolute) => ({ absolute, display: displayPath(absolute, cwd) }));
  return unique.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}
