// Just enough of the ZIP format to find the parts of a workbook without inflating anything
// (entry names, methods, where each entry's data lies) and to make written archives
// byte-identical (fixed entry times). Pure byte work: runs in Node and in the browser.

import type { ReadErrorDetail } from "./errors";

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  /** General-purpose bit flags; bit 0 = the entry is encrypted. */
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header. */
  localHeaderOffset: number;
  /** Offset of the entry's central-directory header. */
  centralHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
const U32_MAX = 0xffffffff;

/** Thrown for a structurally broken archive (truncated, bad offsets). */
export class ZipFormatError extends Error {
  readonly detail: ReadErrorDetail;

  constructor(detail: ReadErrorDetail) {
    super(detail.en);
    this.detail = detail;
  }
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(dv: DataView, at: number): number {
  // Sizes beyond 2^53 are absurd for a workbook anyway; Number keeps the comparison valid.
  return dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 0x100000000;
}

function findEndOfCentralDirectory(bytes: Uint8Array, dv: DataView): number {
  const lowest = Math.max(0, bytes.length - EOCD_MIN - MAX_COMMENT);
  for (let i = bytes.length - EOCD_MIN; i >= lowest; i--) {
    if (dv.getUint32(i, true) === SIG_EOCD) return i;
  }
  return -1;
}

const utf8 = new TextDecoder("utf-8");

const CENTRAL_ENTRY_BROKEN: ReadErrorDetail = { en: "central directory entry broken", ja: "中央ディレクトリの項目が壊れています" };
const beyondEnd = (name: string): ReadErrorDetail => ({
  en: `entry ${name} lies beyond the end of the file (truncated)`,
  ja: `${name} がファイルの終わりより後ろを指しています(ファイルが途中で切れています)`,
});
const localHeaderBroken = (name: string): ReadErrorDetail => ({
  en: `local header of ${name} broken`,
  ja: `${name} のローカルヘッダーが壊れています`,
});

/** Reads the central directory. Throws ZipFormatError when the archive is incomplete. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  if (bytes.length < EOCD_MIN) throw new ZipFormatError({ en: "archive shorter than a zip end record", ja: "zip の終端レコードより短いファイルです" });
  const dv = view(bytes);
  const eocd = findEndOfCentralDirectory(bytes, dv);
  if (eocd < 0) throw new ZipFormatError({ en: "no zip end record (the file is truncated)", ja: "zip の終端レコードがありません(ファイルが途中で切れています)" });

  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if ((count === 0xffff || cdOffset === U32_MAX) && locator >= 0 && dv.getUint32(locator, true) === SIG_ZIP64_LOCATOR) {
    const z64 = u64(dv, locator + 8);
    if (z64 + 56 > bytes.length || dv.getUint32(z64, true) !== SIG_ZIP64_EOCD) {
      throw new ZipFormatError({ en: "broken zip64 end record", ja: "zip64 の終端レコードが壊れています" });
    }
    count = u64(dv, z64 + 32);
    cdSize = u64(dv, z64 + 40);
    cdOffset = u64(dv, z64 + 48);
  }
  if (cdOffset + cdSize > bytes.length) {
    throw new ZipFormatError({
      en: "central directory lies beyond the end of the file (truncated)",
      ja: "中央ディレクトリがファイルの終わりより後ろを指しています(ファイルが途中で切れています)",
    });
  }

  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== SIG_CENTRAL) {
      throw new ZipFormatError(CENTRAL_ENTRY_BROKEN);
    }
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    let compressedSize = dv.getUint32(at + 20, true);
    let uncompressedSize = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    let localHeaderOffset = dv.getUint32(at + 42, true);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > bytes.length) throw new ZipFormatError(CENTRAL_ENTRY_BROKEN);
    const name = utf8.decode(bytes.subarray(nameStart, extraStart));
    if (uncompressedSize === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
      // Zip64 extra field (id 1) holds, in this order, only the fields that overflowed.
      for (let e = extraStart; e + 4 <= extraStart + extraLength; ) {
        const id = dv.getUint16(e, true);
        const size = dv.getUint16(e + 2, true);
        if (id === 1) {
          let p = e + 4;
          if (uncompressedSize === U32_MAX) { uncompressedSize = u64(dv, p); p += 8; }
          if (compressedSize === U32_MAX) { compressedSize = u64(dv, p); p += 8; }
          if (localHeaderOffset === U32_MAX) localHeaderOffset = u64(dv, p);
          break;
        }
        e += 4 + size;
      }
    }
    if (localHeaderOffset + 30 > bytes.length) throw new ZipFormatError(beyondEnd(name));
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset, centralHeaderOffset: at });
    at = next;
  }
  return { entries };
}

/**
 * A part name as a package means it, for lookups: `\` read as `/`, leading `/`, `.` and `..`
 * segments resolved (never above the root), compared without case (OPC part names are
 * case-insensitive). `/xl/./worksheets/sheet1.xml` and `zz/../XL/worksheets/sheet1.xml` both
 * give `xl/worksheets/sheet1.xml`.
 */
export function partKey(name: string): string {
  const segments: string[] = [];
  for (const piece of name.replace(/\\/g, "/").split("/")) {
    if (piece === "" || piece === ".") continue;
    if (piece === "..") segments.pop();
    else segments.push(piece);
  }
  return segments.join("/").toLowerCase();
}

/** The entry's compressed bytes, as stored after its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (dv.getUint32(at, true) !== SIG_LOCAL) throw new ZipFormatError(localHeaderBroken(entry.name));
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError(beyondEnd(entry.name));
  return bytes.subarray(start, end);
}

/** MS-DOS date/time of a UTC moment (2-second resolution, years 1980–2107). */
function dosDateTime(date: Date): { time: number; date: number } {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, date: day };
}

/**
 * Returns a copy whose every entry carries the given modification time, in both the local and
 * the central headers. Zip writers stamp entries with "now"; fixing it makes output reproducible.
 */
export function withFixedEntryTimes(bytes: Uint8Array, when: Date): Uint8Array {
  // A copy even for a Node Buffer, whose slice() would share memory.
  const out = new Uint8Array(bytes);
  const dv = view(out);
  const stamp = dosDateTime(when);
  for (const entry of readZipDirectory(out).entries) {
    dv.setUint16(entry.centralHeaderOffset + 12, stamp.time, true);
    dv.setUint16(entry.centralHeaderOffset + 14, stamp.date, true);
    if (dv.getUint32(entry.localHeaderOffset, true) !== SIG_LOCAL) throw new ZipFormatError(localHeaderBroken(entry.name));
    dv.setUint16(entry.localHeaderOffset + 10, stamp.time, true);
    dv.setUint16(entry.localHeaderOffset + 12, stamp.date, true);
  }
  return out;
}
