// Looks at a file's bytes before any parser does, so that the usual wrong inputs (an old .xls,
// a password-protected workbook, a renamed CSV, a truncated download, a zip bomb) get a clear
// WorkbookReadError instead of whatever exceljs or JSZip would throw.

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

function containsBytes(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  const last = bytes.length - needle.length;
  for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
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
  return { en: "first bytes are not a zip signature", ja: "先頭のバイトが zip の署名ではありません" };
}

export interface SniffLimits {
  maxBytes: number;
}

/**
 * Classifies the bytes; returns the zip directory of a plausible .xlsx and throws a
 * WorkbookReadError for everything else.
 */
export function sniffWorkbook(bytes: Uint8Array, limits: SniffLimits): ZipDirectory {
  if (bytes.length === 0) throw new WorkbookReadError("empty");
  if (startsWith(bytes, CFB_MAGIC)) {
    throw new WorkbookReadError(containsBytes(bytes, ENCRYPTED_PACKAGE) ? "encrypted" : "xls");
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new WorkbookReadError("not-zip", describeNonZip(bytes));
  if (bytes.length > limits.maxBytes) {
    throw new WorkbookReadError("too-large", {
      en: `file of ${bytes.length} bytes, limit ${limits.maxBytes}`,
      ja: `ファイルが ${bytes.length} バイトあります(上限 ${limits.maxBytes} バイト)`,
    });
  }
  let directory: ZipDirectory;
  try {
    directory = readZipDirectory(bytes);
  } catch (e) {
    if (e instanceof ZipFormatError) throw new WorkbookReadError("corrupt", e.detail);
    throw e;
  }
  if (directory.totalUncompressed > limits.maxBytes) {
    throw new WorkbookReadError(
      "too-large",
      {
        en: `${directory.totalUncompressed} bytes once uncompressed, limit ${limits.maxBytes}`,
        ja: `展開すると ${directory.totalUncompressed} バイトになります(上限 ${limits.maxBytes} バイト)`,
      },
    );
  }
  if (!directory.entries.some((e) => e.name === "xl/workbook.xml")) {
    throw new WorkbookReadError("corrupt", {
      en: "zip archive without xl/workbook.xml (not an Excel workbook)",
      ja: "xl/workbook.xml のない zip ファイルです(Excel ブックではありません)",
    });
  }
  return directory;
}
