// One file, start to end: bytes → SHA-256 → grid → template profile → checks. Runs in the
// main thread for a few files and inside each worker for many; never throws (a bad file is a
// result).

import { promises as fs } from "node:fs";
import { createHash } from "node:crypto";
import { checkWorkbook } from "../core/engine";
import type { Language } from "../core/findings";
import { withInvalidProfileFinding, type FileResult, type ProfileInfo } from "../core/report";
import { parseProfileText, type TemplateProfile } from "../core/profile";
import { readProfilePart } from "../adapters/xlsx/profilePart";
import type { Settings } from "../core/settings";
import type { Vocabulary } from "../core/vocabulary";
import { readXlsx } from "../adapters/xlsx/read";
import { isWorkbookReadError } from "../adapters/xlsx/errors";
import { readZipDirectory } from "../adapters/xlsx/zip";
import { nodeInflateRaw } from "./nodeInflate";
import { toCheckedEntry, type CheckedEntry, type EntryOptions } from "./entry";

export interface CheckFileOptions {
  settings: Settings;
  vocabulary?: Vocabulary;
  /** From --template: used for every file instead of a profile saved inside it. */
  profile?: TemplateProfile;
}

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

const IO_MESSAGES: Record<string, { en: string; ja: string }> = {
  "not-found": { en: "File not found.", ja: "ファイルが見つかりません。" },
  "is-directory": { en: "This is a folder, not a file.", ja: "ファイルではなくフォルダです。" },
  "no-access": { en: "Permission denied.", ja: "ファイルを読む権限がありません。" },
  io: { en: "The file could not be read.", ja: "ファイルを読み込めませんでした。" },
  internal: { en: "hyoka failed on this file (a bug: please report it).", ja: "このファイルの処理中に hyoka が失敗しました(不具合です。報告してください)。" },
};

function ioError(code: string, language: Language, detail?: string): FileResult["error"] {
  const text = IO_MESSAGES[code][language];
  return { code, message: detail ? `${text} (${detail})` : text };
}

function ioCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "not-found";
  if (code === "EISDIR") return "is-directory";
  if (code === "EACCES" || code === "EPERM") return "no-access";
  return "io";
}

export async function checkFile(absolute: string, display: string, options: CheckFileOptions): Promise<FileResult> {
  const language = options.settings.language;
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(absolute);
  } catch (e) {
    return { path: display, sha256: null, error: ioError(ioCode(e), language), sheets: [] };
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let grid;
  try {
    grid = await readXlsx(bytes, { inflateRaw: nodeInflateRaw });
  } catch (e) {
    if (isWorkbookReadError(e)) {
      return { path: display, sha256, error: { code: e.code, message: language === "ja" ? e.messageJa : e.message }, sheets: [] };
    }
    // exceljs throws plain errors on damage the sniffing did not catch.
    const fallback = language === "ja" ? "ブックが破損しているか不完全なため読み込めません。" : "The workbook is damaged or incomplete and cannot be read.";
    return { path: display, sha256, error: { code: "corrupt", message: `${fallback} (${String((e as Error)?.message ?? e)})` }, sheets: [] };
  }
  try {
    const chosen = await chooseProfile(bytes, options.profile);
    const checked = checkWorkbook(grid, { settings: options.settings, vocabulary: options.vocabulary, profile: chosen.profile });
    const sheets = chosen.invalid ? withInvalidProfileFinding(checked, chosen.invalid) : checked;
    return { path: display, sha256, error: null, sheets, profile: chosen.info };
  } catch (e) {
    return { path: display, sha256, error: ioError("internal", language, String((e as Error)?.message ?? e)), sheets: [] };
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
