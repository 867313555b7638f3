// One file, start to end: bytes → SHA-256 → grid → template profile → checks. Runs in the
// main thread for a few files and inside each worker for many; never throws (a bad file is a
// result).

import { createReadStream, promises as fs } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { checkWorkbook } from "../core/engine";
import type { Language } from "../core/findings";
import { digestsOf, withInvalidProfileFinding, type FileResult, type ProfileInfo } from "../core/report";
import { parseProfileText, type TemplateProfile } from "../core/profile";
import { readProfilePart } from "../adapters/xlsx/profilePart";
import type { Settings } from "../core/settings";
import type { Vocabulary } from "../core/vocabulary";
import { readXlsx } from "../adapters/xlsx/read";
import { isWorkbookReadError, WorkbookReadError } from "../adapters/xlsx/errors";
import { readZipDirectory } from "../adapters/xlsx/zip";
import { nodeInflateRaw } from "./nodeInflate";
import { toCheckedEntry, type CheckedEntry, type EntryOptions } from "./entry";

export interface CheckFileOptions {
  settings: Settings;
  vocabulary?: Vocabulary;
  /** From --template: used for every file instead of a profile saved inside it. */
  profile?: TemplateProfile;
  /** Most cells a workbook may have (readXlsx's maxCells); the CLI's default when absent. */
  maxCells?: number;
}

/**
 * The CLI's cap on a workbook's cells, below readXlsx's own: exceljs takes about 450 bytes a
 * cell, so a million cells stay near 500 MB, within a worker's default heap limit (pool.ts).
 * A city's whole book of evaluation sheets (~5,000 cells each) is far below it.
 */
export const CLI_MAX_CELLS = 1_000_000;

interface ChosenProfile {
  profile: TemplateProfile | undefined;
  info: ProfileInfo | null;
  /** Validation messages of a saved profile that could not be used. */
  invalid: string[] | null;
}

/**
 * Profiles are saved as custom XML parts (customXml/itemN.xml). Most workbooks have none, and
 * looking for one opens the whole archive with JSZip again: skip that when no part could be one.
 */
function mayHoldProfile(bytes: Uint8Array): boolean {
  try {
    return readZipDirectory(bytes).entries.some((e) => e.name.toLowerCase().includes("customxml"));
  } catch {
    return false;
  }
}

/** --template wins; else the profile saved in the workbook, if any and valid. */
async function chooseProfile(bytes: Uint8Array, explicit: TemplateProfile | undefined): Promise<ChosenProfile> {
  const info = (p: TemplateProfile, source: ProfileInfo["source"]): ProfileInfo => ({ name: p.name, version: p.version, source });
  if (explicit) return { profile: explicit, info: info(explicit, "option"), invalid: null };
  if (!mayHoldProfile(bytes)) return { profile: undefined, info: null, invalid: null };
  const saved = await readProfilePart(bytes).catch(() => null);
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
  xlsb: {
    en: "An Excel binary workbook (.xlsb): save it as .xlsx in Excel and try again.",
    ja: "Excel バイナリ ブック(.xlsb)です。Excel で .xlsx 形式に保存し直してから再度お試しください。",
  },
  ods: {
    en: "An OpenDocument spreadsheet (.ods): save it as .xlsx and try again.",
    ja: "OpenDocument スプレッドシート(.ods)です。.xlsx 形式に保存し直してから再度お試しください。",
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

/**
 * A file whose extension says what it is (.xlsb, .ods, .csv) and that the reader could not
 * open as .xlsx gets a reason naming that format; a real .xlsx renamed .csv still reads.
 */
function formatError(display: string, readErrorCode: string, language: Language): FileResult["error"] | null {
  const ext = path.extname(display).toLowerCase().slice(1);
  if (readErrorCode !== "not-zip" && readErrorCode !== "corrupt") return null;
  return ext === "xlsb" || ext === "ods" || ext === "csv" ? fileError(ext, language) : null;
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

/** The result of a file whose worker died: still hashed, for the audit trail. */
export async function crashedResult(absolute: string, display: string, language: Language, detail: string): Promise<FileResult> {
  const sha256 = await sha256OfFile(absolute);
  return { path: display, sha256, error: fileError("worker-crashed", language, detail), sheets: [] };
}

function ioCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "not-found";
  if (code === "EISDIR") return "is-directory";
  if (code === "EACCES" || code === "EPERM") return "no-access";
  return "io";
}

/** A file's bytes or why they could not be read; never rejects, so it may be started ahead. */
export type PendingRead = Promise<{ bytes: Uint8Array } | { failure: unknown }>;

/** Starts reading a file, to overlap the read with checking the file before it. */
export function readAhead(absolute: string): PendingRead {
  return fs.readFile(absolute).then(
    (bytes) => ({ bytes }),
    (failure: unknown) => ({ failure }),
  );
}

export async function checkFile(absolute: string, display: string, options: CheckFileOptions, pending?: PendingRead): Promise<FileResult> {
  const language = options.settings.language;
  const read = await (pending ?? readAhead(absolute));
  if ("failure" in read) return { path: display, sha256: null, error: fileError(ioCode(read.failure), language), sheets: [] };
  const bytes = read.bytes;
  const sha256 = sha256Of(bytes);
  let grid;
  try {
    grid = await readXlsx(bytes, { inflateRaw: nodeInflateRaw, maxCells: options.maxCells ?? CLI_MAX_CELLS });
  } catch (e) {
    if (isWorkbookReadError(e)) {
      const error = formatError(display, e.code, language) ?? { code: e.code, message: language === "ja" ? e.messageJa : e.message };
      return { path: display, sha256, error, sheets: [] };
    }
    // exceljs throws plain errors on damage the sniffing did not catch.
    const corrupt = new WorkbookReadError("corrupt");
    const fallback = language === "ja" ? corrupt.messageJa : corrupt.message;
    return { path: display, sha256, error: { code: "corrupt", message: `${fallback} (${String((e as Error)?.message ?? e)})` }, sheets: [] };
  }
  try {
    const chosen = await chooseProfile(bytes, options.profile);
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
  pending?: PendingRead,
): Promise<FileResult | CheckedEntry> {
  const result = await checkFile(absolute, display, options, pending);
  return entry ? toCheckedEntry(result, options.settings.language, entry) : result;
}

/** checkForOutput's counterpart for a file whose worker died (see crashedResult). */
export async function crashedOutput(
  absolute: string,
  display: string,
  options: CheckFileOptions,
  entry: EntryOptions | null,
  detail: string,
): Promise<FileResult | CheckedEntry> {
  const result = await crashedResult(absolute, display, options.settings.language, detail);
  return entry ? toCheckedEntry(result, options.settings.language, entry) : result;
}
