// Which files a run covers: explicit files as given (whatever their extension, so that a
// stray .csv is reported rather than silently skipped); folders walked for anything that looks
// like a spreadsheet, so a .csv in a folder is reported as unreadable instead of silently left
// out. Other files (.txt, .pdf, .docx…) in folders are ignored; FIFOs, sockets and devices
// with a spreadsheet's name are skipped with a note (reading one would block or never end).

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
  /** FIFOs, sockets and devices met in folders: left out, named in a note with their kind. */
  specialFiles: Array<{ display: string; kind: string }>;
}

/** Read in folders: every workbook format is checked; .csv gets a clear "cannot read" reason. */
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

/** What a path that is not a regular file or folder is, for the note (null for a regular file). */
export function specialFileKind(stat: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string | null {
  if (stat.isFIFO()) return "FIFO";
  if (stat.isSocket()) return "socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "device";
  return null;
}

interface Walked {
  files: string[];
  locks: string[];
  special: Array<{ absolute: string; kind: string }>;
}

async function walk(dir: string, out: Walked): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, out);
    else if (!isSpreadsheetName(e.name)) continue;
    else if (!e.isFile() && !e.isSymbolicLink()) out.special.push({ absolute: full, kind: specialFileKind(e) ?? "special" });
    else if (isLockFileName(e.name)) out.locks.push(full);
    // A symbolic link is followed when read; checkFile refuses one that leads to a FIFO or device.
    else out.files.push(full);
  }
}

const byDisplay = (a: { display: string }, b: { display: string }) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0);

/**
 * Expands inputs into files, sorted by display path and without duplicates. A path that does
 * not exist is kept: reading it later gives a per-file "not-found" error. A lock file named
 * explicitly is read like any other file.
 */
export async function collectFiles(inputs: readonly string[], cwd: string): Promise<CollectedFiles> {
  const walked: Walked = { files: [], locks: [], special: [] };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stat = await fs.stat(absolute).catch(() => null);
    if (stat?.isDirectory()) await walk(absolute, walked);
    // Named explicitly: always read, so a FIFO or device gets its own refusal in the report.
    else walked.files.push(absolute);
  }
  const files = [...new Set(walked.files)].map((absolute) => ({ absolute, display: displayPath(absolute, cwd) })).sort(byDisplay);
  const lockFiles = [...new Set(walked.locks)].map((absolute) => displayPath(absolute, cwd)).sort();
  const specialFiles = walked.special.map((s) => ({ display: displayPath(s.absolute, cwd), kind: s.kind })).sort(byDisplay);
  return { files, lockFiles, specialFiles };
}
