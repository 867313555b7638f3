// One file, start to end: bytes → SHA-256 → grid → template profile → checks. Runs inside a
// worker thread (pool.ts), in-process only when the CLI runs from its TypeScript sources
// (tests); never throws (a bad file is a result).

import { closeSync, constants as fsConstants, createReadStream, fstatSync, openSync, readSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { checkWorkbook } from "../core/engine";
import type { Language } from "../core/findings";
import { digestsOf, withInvalidProfileFinding, type FileResult, type ProfileInfo } from "../core/report";
import { parseProfileText, type TemplateProfile } from "../core/profile";
import type { Settings } from "../core/settings";
import type { Vocabulary } from "../core/vocabulary";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_CELLS, readWorkbook } from "../adapters/xlsx/read";
import { isWorkbookReadError, WorkbookReadError } from "../adapters/xlsx/errors";
import { fileTooLarge } from "../adapters/xlsx/sniff";
import { nodeInflateRaw } from "./nodeInflate";
import { toCheckedEntry, type CheckedEntry, type EntryOptions } from "./entry";
import { specialFileKind } from "./files";

export interface CheckFileOptions {
  settings: Settings;
  vocabulary?: Vocabulary;
  /** From --template: used for every file instead of a profile saved inside it. */
  profile?: TemplateProfile;
  /** Most cells a workbook may have (readWorkbook's maxCells); the CLI's default when absent. */
  maxCells?: number;
}

/**
 * The CLI's cap on a workbook's cells (--max-cells changes it): the reader's default, within a
 * worker's default heap limit (pool.ts; figures in BENCHMARKS.md). A city's whole book of
 * evaluation sheets (~5,000 cells each) is far below it.
 */
export const CLI_MAX_CELLS = DEFAULT_MAX_CELLS;

/** Largest file read at all (its size is checked before a byte is read); the reader's default. */
export const CLI_MAX_FILE_BYTES = DEFAULT_MAX_BYTES;

interface ChosenProfile {
  profile: TemplateProfile | undefined;
  info: ProfileInfo | null;
  /** Validation messages of a saved profile that could not be used. */
  invalid: string[] | null;
}

/** --template wins; else the profile saved in the workbook (found by the reader), if any and valid. */
function chooseProfile(saved: string | null, explicit: TemplateProfile | undefined): ChosenProfile {
  const info = (p: TemplateProfile, source: ProfileInfo["source"]): ProfileInfo => ({ name: p.name, version: p.version, source });
  if (explicit) return { profile: explicit, info: info(explicit, "option"), invalid: null };
  if (saved === null) return { profile: undefined, info: null, invalid: null };
  const { profile, errors } = parseProfileText(saved);
  return profile ? { profile, info: info(profile, "file"), invalid: null } : { profile: undefined, info: null, invalid: errors };
}

/** Per-file errors of the CLI itself; the reader's own are WorkbookReadError codes. */
const FILE_MESSAGES: Record<string, { en: string; ja: string }> = {
  "not-found": { en: "File not found.", ja: "ファイルが見つかりません。" },
  "is-directory": { en: "This is a folder, not a file.", ja: "ファイルではなくフォルダです。" },
  "no-access": { en: "Permission denied.", ja: "ファイルを読む権限がありません。" },
  io: { en: "The file could not be read.", ja: "ファイルを読み込めませんでした。" },
  internal: { en: "hyoka failed on this file (a bug: please report it).", ja: "このファイルの処理中に hyoka が失敗しました(不具合です。報告してください)。" },
  "worker-crashed": {
    en: "The thread checking this file stopped (out of memory, or a crash); the other files were still checked.",
    ja: "このファイルを検査していたスレッドが停止しました(メモリ不足または異常終了)。他のファイルは検査を続けました。",
  },
  "not-regular-file": {
    en: "Not a regular file (a FIFO, device or socket): hyoka reads regular files only.",
    ja: "通常のファイルではありません(FIFO、デバイス、ソケットなど)。hyoka は通常のファイルだけを読み込みます。",
  },
  timeout: {
    en: "Checking this file took longer than the time limit; the other files were still checked.",
    ja: "このファイルの検査が制限時間を超えました。他のファイルは検査を続けました。",
  },
  csv: {
    en: "A CSV text file, not a workbook: open it in Excel and save it as .xlsx.",
    ja: "CSV テキストファイルで、ブックではありません。Excel で開いて .xlsx 形式で保存してください。",
  },
};

function fileError(code: string, language: Language, detail?: string): NonNullable<FileResult["error"]> {
  const text = FILE_MESSAGES[code][language];
  return { code, message: detail ? `${text} (${detail})` : text };
}

/** A .csv that is not a workbook gets a reason naming CSV; a real workbook renamed .csv still reads. */
function formatError(display: string, readErrorCode: string, language: Language): FileResult["error"] | null {
  const ext = path.extname(display).toLowerCase().slice(1);
  return ext === "csv" && readErrorCode === "not-zip" ? fileError(ext, language) : null;
}

function readErrorResult(display: string, sha256: string | null, e: WorkbookReadError, language: Language): FileResult {
  const error = formatError(display, e.code, language) ?? { code: e.code, message: language === "ja" ? e.messageJa : e.message };
  return { path: display, sha256, error, sheets: [] };
}

function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Streamed: the file may be the very one that exhausted a worker's memory. */
function sha256OfFile(absolute: string): Promise<string | null> {
  return new Promise((resolve) => {
    const hash = createHash("sha256");
    createReadStream(absolute)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", () => resolve(null));
  });
}

/** Why a file gave no result in its worker: the thread died, or the file's time ran out. */
export type LostReason = "worker-crashed" | "timeout";

/** The result of a file whose worker died or was stopped: still hashed, for the audit trail. */
export async function lostResult(absolute: string, display: string, language: Language, reason: LostReason, detail: string): Promise<FileResult> {
  const sha256 = await sha256OfFile(absolute);
  return { path: display, sha256, error: fileError(reason, language, detail), sheets: [] };
}

function ioCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "not-found";
  if (code === "EISDIR") return "is-directory";
  if (code === "EACCES" || code === "EPERM") return "no-access";
  return "io";
}

/** A file's bytes, or why they could not be read. */
type FileRead = { bytes: Uint8Array } | { failure: unknown } | { refused: WorkbookReadError } | { special: string };

/**
 * Reads a regular file of at most maxBytes. Opened without blocking (a FIFO would wait for a
 * writer for ever), then fstat on the open file says what it is and how big, before any byte
 * is read: FIFOs, devices (/dev/zero never ends) and sockets are refused, and so is a file
 * above the limit. A file that grows meanwhile is read up to the size it had.
 * Synchronous: it runs on a worker thread of its own, and fs.promises' four thread-pool round
 * trips per file cost ~0.2 ms of CPU against ~0.05 ms (1,000 files of the bench).
 */
function readRegularFile(absolute: string, maxBytes: number): FileRead {
  let fd: number;
  try {
    fd = openSync(absolute, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (failure) {
    return { failure };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { failure: Object.assign(new Error("is a directory"), { code: "EISDIR" }) };
    if (!stat.isFile()) return { special: specialFileKind(stat) ?? "special" };
    if (stat.size > maxBytes) return { refused: fileTooLarge(stat.size, maxBytes) };
    const bytes = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const bytesRead = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: bytes.subarray(0, filled) };
  } catch (failure) {
    return { failure };
  } finally {
    closeSync(fd);
  }
}

export async function checkFile(absolute: string, display: string, options: CheckFileOptions): Promise<FileResult> {
  const language = options.settings.language;
  const read = readRegularFile(absolute, CLI_MAX_FILE_BYTES);
  if ("failure" in read) return { path: display, sha256: null, error: fileError(ioCode(read.failure), language), sheets: [] };
  if ("special" in read) return { path: display, sha256: null, error: fileError("not-regular-file", language, read.special), sheets: [] };
  if ("refused" in read) return readErrorResult(display, null, read.refused, language);
  const bytes = read.bytes;
  const sha256 = sha256Of(bytes);
  let grid;
  try {
    grid = await readWorkbook(bytes, { inflateRaw: nodeInflateRaw, maxCells: options.maxCells ?? CLI_MAX_CELLS, maxBytes: CLI_MAX_FILE_BYTES });
  } catch (e) {
    if (isWorkbookReadError(e)) return readErrorResult(display, sha256, e, language);
    // The reader turns the parser's failures into WorkbookReadError; anything else is damage it did not foresee.
    return readErrorResult(display, sha256, new WorkbookReadError("corrupt", String((e as Error)?.message ?? e)), language);
  }
  try {
    const chosen = chooseProfile(grid.profileJson, options.profile);
    const checked = checkWorkbook(grid, { settings: options.settings, vocabulary: options.vocabulary, profile: chosen.profile });
    const sheets = chosen.invalid ? withInvalidProfileFinding(checked, chosen.invalid) : checked;
    return { path: display, sha256, error: null, sheets, profile: chosen.info, digests: digestsOf(sheets, chosen.profile) };
  } catch (e) {
    return { path: display, sha256, error: fileError("internal", language, String((e as Error)?.message ?? e)), sheets: [] };
  }
}

/** One file as the pool hands it out: the whole result when `entry` is null, else its report entry. */
export async function checkForOutput(
  absolute: string,
  display: string,
  options: CheckFileOptions,
  entry: EntryOptions | null,
): Promise<FileResult | CheckedEntry> {
  const result = await checkFile(absolute, display, options);
  return entry ? toCheckedEntry(result, options.settings.language, entry) : result;
}

/** checkForOutput's counterpart for a file whose worker died or ran out of time (see lostResult). */
export async function lostOutput(
  absolute: string,
  display: string,
  options: CheckFileOptions,
  entry: EntryOptions | null,
  reason: LostReason,
  detail: string,
): Promise<FileResult | CheckedEntry> {
  const result = await lostResult(absolute, display, options.settings.language, reason, detail);
  return entry ? toCheckedEntry(result, options.settings.language, entry) : result;
}
