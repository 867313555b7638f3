// Looks at a file's bytes before any parser does, so that the usual wrong inputs (a renamed
// CSV, a web page, a truncated download, an oversized file) get a clear WorkbookReadError
// instead of whatever a parser would make of them. Only two containers go further: a zip
// (.xlsx, .xlsm, .xlsb, .ods) and an Office compound file (.xls, or an encrypted .xlsx).

import { WorkbookReadError, type ReadErrorDetail } from "./errors";
import { readZipDirectory, ZipFormatError, type ZipDirectory } from "./zip";

/** OLE2 / Compound File Binary: both .xls and encrypted OOXML (an "EncryptedPackage" stream). */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b]; // "PK"

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

function utf16le(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(ch.charCodeAt(0), 0);
  return out;
}

// CFB directory entries store stream names in UTF-16LE; the directory may sit anywhere.
const ENCRYPTED_PACKAGE = utf16le("EncryptedPackage");

/**
 * True when the bytes hold the name of an encrypted package's stream anywhere: what is left to
 * go by when a compound file is too damaged (or too odd) for its directory to be read.
 */
export function mentionsEncryptedPackage(bytes: Uint8Array): boolean {
  const first = ENCRYPTED_PACKAGE[0];
  const last = bytes.length - ENCRYPTED_PACKAGE.length;
  for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < ENCRYPTED_PACKAGE.length && bytes[i + j] === ENCRYPTED_PACKAGE[j]) j++;
    if (j === ENCRYPTED_PACKAGE.length) return true;
  }
  return false;
}

function describeNonZip(bytes: Uint8Array): ReadErrorDetail {
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 64)).trimStart().toLowerCase();
  if (head.startsWith("<?xml") || head.startsWith("<html") || head.startsWith("<!doctype") || head.startsWith("<table")) {
    return {
      en: "XML or HTML text (a web page or Excel 2003 XML saved as .xlsx?)",
      ja: "XML または HTML のテキストです。Web ページや Excel 2003 XML を .xlsx として保存したものではありませんか",
    };
  }
  return { en: "first bytes are neither a zip nor an Excel 97–2003 signature", ja: "先頭のバイトが zip の署名でも Excel 97–2003 の署名でもありません" };
}

export interface SniffLimits {
  maxBytes: number;
}

export type Container = { kind: "zip"; directory: ZipDirectory } | { kind: "compound" };

/** The file-size refusal, also used by the CLI before it reads a file at all. */
export function fileTooLarge(size: number, maxBytes: number): WorkbookReadError {
  return new WorkbookReadError("too-large", {
    en: `file of ${size} bytes, limit ${maxBytes}`,
    ja: `ファイルが ${size} バイトあります(上限 ${maxBytes} バイト)`,
  });
}

/**
 * Classifies the bytes: a zip (with its directory read) or a compound file; throws a
 * WorkbookReadError for everything else and for a file above maxBytes.
 */
export function sniffWorkbook(bytes: Uint8Array, limits: SniffLimits): Container {
  if (bytes.length === 0) throw new WorkbookReadError("empty");
  const compound = startsWith(bytes, CFB_MAGIC);
  if (!compound && !startsWith(bytes, ZIP_MAGIC)) throw new WorkbookReadError("not-zip", describeNonZip(bytes));
  if (bytes.length > limits.maxBytes) throw fileTooLarge(bytes.length, limits.maxBytes);
  if (compound) return { kind: "compound" };
  try {
    return { kind: "zip", directory: readZipDirectory(bytes) };
  } catch (e) {
    if (e instanceof ZipFormatError) throw new WorkbookReadError("corrupt", e.detail);
    throw e;
  }
}
