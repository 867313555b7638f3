// Which files a run covers: explicit files as given (whatever their extension, so that a
// stray .csv is reported rather than silently skipped); folders walked for anything that looks
// like a spreadsheet, so an old .xls or a .csv in a folder is reported as unreadable instead of
// silently left out. Other files (.txt, .pdf, .docx…) in folders are ignored.

import { promises as fs } from "node:fs";
import path from "node:path";

export interface InputFile {
  /** Absolute path. */
  absolute: string;
  /** Relative to the working directory, `/` separators: what reports show. */
  display: string;
}

export interface CollectedFiles {
  files: InputFile[];
  /** Excel lock files (~$Book.xlsx) met in folders: left out, named in a note. */
  lockFiles: string[];
}

/** Read in folders: .xlsx/.xlsm are checked, the others get a clear "cannot read" reason. */
export const SPREADSHEET_EXTENSIONS: readonly string[] = [".xlsx", ".xlsm", ".xls", ".xlsb", ".csv", ".ods"];

/**
 * Excel writes ~$Book.xlsx beside a workbook while it is open (owner name only, no data); on a
 * shared drive they are everywhere, and reporting each as unreadable would fail every run.
 */
export function isLockFileName(name: string): boolean {
  return name.startsWith("~$");
}

function isSpreadsheetName(name: string): boolean {
  return SPREADSHEET_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

export function displayPath(absolute: string, cwd: string): string {
  const rel = path.relative(cwd, absolute) || path.basename(absolute);
  return rel.split(path.sep).join("/");
}

async function walk(dir: string, out: string[], locks: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, out, locks);
    else if (!e.isFile() || !isSpreadsheetName(e.name)) continue;
    else if (isLockFileName(e.name)) locks.push(full);
    else out.push(full);
  }
}

const byDisplay = (a: InputFile, b: InputFile) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0);

/**
 * Expands inputs into files, sorted by display path and without duplicates. A path that does
 * not exist is kept: reading it later gives a per-file "not-found" error. A lock file named
 * explicitly is read like any other file.
 */
export async function collectFiles(inputs: readonly string[], cwd: string): Promise<CollectedFiles> {
  const found: string[] = [];
  const locks: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = await fs.stat(absolute).catch(() => null);
    if (stat?.isDirectory()) await walk(absolute, found, locks);
    else found.push(absolute);
  }
  const files = [...new Set(found)].map((absolute) => ({ absolute, display: displayPath(absolute, cwd) })).sort(byDisplay);
  const lockFiles = [...new Set(locks)].map((absolute) => displayPath(absolute, cwd)).sort();
  return { files, lockFiles };
}
