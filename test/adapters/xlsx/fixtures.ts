// Hostile and odd inputs for the xlsx reader, generated in the tests (no committed binaries).

import JSZip from "jszip";
import { createDeflateRaw, deflateRawSync } from "node:zlib";
import type { WorkbookGrid } from "../../../src/core/grid";
import { writeXlsx } from "../../../src/adapters/xlsx/write";
import { readWorkbook } from "../../../src/adapters/xlsx/read";
import { WorkbookReadError } from "../../../src/adapters/xlsx/errors";

export function ascii(s: string): Uint8Array {
  return Uint8Array.from(Buffer.from(s, "utf8"));
}

/** A small valid workbook: Sheet1 with a label, a number and a merge. */
export function smallGrid(): WorkbookGrid {
  return {
    sheets: [
      {
        name: "Sheet1",
        top: 0,
        left: 0,
        values: [
          ["評価年度", null, "2013年度"],
          ["予算", 43769, 38182],
        ],
        merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
      },
    ],
  };
}

export async function smallXlsx(): Promise<Uint8Array> {
  return writeXlsx(smallGrid());
}

/** Rewrites one part of an .xlsx (string replace on its XML) and re-zips it. */
export async function patchPart(xlsx: Uint8Array, part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const file = zip.file(part);
  if (!file) throw new Error(`no part ${part}`);
  zip.file(part, edit(await file.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Adds or replaces parts and re-zips. */
export async function withParts(xlsx: Uint8Array, parts: Record<string, string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The header of an OLE2 compound file, followed by a directory entry named `stream` (UTF-16LE). */
export function compoundFile(stream: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  bytes.set(Buffer.from("Root Entry", "utf16le"), 1024);
  bytes.set(Buffer.from(stream, "utf16le"), 1024 + 128);
  return bytes;
}

/** Overwrites the declared uncompressed size of every central-directory entry named `part`. */
export function declareSize(xlsx: Uint8Array, part: string, size: number): Uint8Array {
  const out = new Uint8Array(xlsx); // a copy, also for a Node Buffer
  const dv = new DataView(out.buffer);
  const name = Buffer.from(part, "utf8");
  for (let i = 0; i + 46 < out.length; i++) {
    if (dv.getUint32(i, true) !== 0x02014b50) continue;
    const len = dv.getUint16(i + 28, true);
    if (Buffer.from(out.subarray(i + 46, i + 46 + len)).equals(name)) dv.setUint32(i + 24, size, true);
  }
  return out;
}

/** The WorkbookReadError a read must end in; fails the test when it gives a grid. */
export async function readError(bytes: Uint8Array, options?: Parameters<typeof readWorkbook>[1]): Promise<WorkbookReadError> {
  try {
    await readWorkbook(bytes, options);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error("expected a WorkbookReadError, got a grid");
}

// ---- Raw packages: every byte chosen by the test (names, methods, sizes, order) ------------

export interface RawEntry {
  name: string;
  /** The entry's content; compressed here unless `method` is 0 or `compressed` is given. */
  data?: Uint8Array | string;
  /** Pre-compressed bytes (deflate-raw) written as they are. */
  compressed?: Uint8Array;
  /** 0 = stored, 8 = deflate (default), anything else as given. */
  method?: number;
  /** The uncompressed size written in the headers; the real one by default. */
  declaredSize?: number;
  /** General-purpose flags (bit 0 = encrypted). */
  flags?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const bytesOf = (data: Uint8Array | string | undefined) => (typeof data === "string" ? new Uint8Array(Buffer.from(data, "utf8")) : (data ?? new Uint8Array(0)));

/** A zip archive written entry by entry, in the given order, with whatever names and sizes. */
export function buildZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = bytesOf(e.data);
    const method = e.method ?? 8;
    const body = e.compressed ?? (method === 8 ? deflateRawSync(raw) : raw);
    const name = Buffer.from(e.name, "utf8");
    const size = e.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(e.flags ?? 0x0800, 8);
    head.writeUInt16LE(method, 10);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(body.length, 20);
    head.writeUInt32LE(size >>> 0, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(body));
    central.push(head, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cd, end]));
}

/** Deflate-raw bytes of `count` spaces, made in pieces so the spaces never sit in memory at once. */
export async function deflatedSpaces(count: number): Promise<Uint8Array> {
  const piece = Buffer.alloc(Math.min(count, 16 * 1024 * 1024), 0x20);
  const deflate = createDeflateRaw({ level: 1 });
  const parts: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => parts.push(chunk));
  const done = new Promise<void>((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  for (let left = count; left > 0; left -= piece.length) {
    const chunk = left >= piece.length ? piece : piece.subarray(0, left);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return new Uint8Array(Buffer.concat(parts));
}

export const SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A worksheet part around `<sheetData>` rows (and whatever follows it, e.g. mergeCells). */
export function sheetXml(sheetData: string, after = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${SPREADSHEET_NS}" xmlns:r="${REL_NS}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

export interface PackageSheet {
  name: string;
  /** Where the part lives, as its zip entry name. */
  entry: string;
  /** The relationship target that names it (relative to xl/ or absolute); the entry name by default. */
  target?: string;
  xml: string;
}

/** The entries of a minimal .xlsx (content types, package and workbook relationships, sheets). */
export function packageEntries(sheets: readonly PackageSheet[], extra: readonly RawEntry[] = []): RawEntry[] {
  const workbook =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${SPREADSHEET_NS}" xmlns:r="${REL_NS}"><sheets>` +
    sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    "</sheets></workbook>";
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="${s.target ?? `/${s.entry}`}"/>`).join("") +
    "</Relationships>";
  const types =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.map((s) => `<Override PartName="/${s.entry.replace(/^\/+/, "")}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
    "</Types>";
  return [
    { name: "[Content_Types].xml", data: types },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    { name: "xl/workbook.xml", data: workbook },
    { name: "xl/_rels/workbook.xml.rels", data: rels },
    ...sheets.map((s) => ({ name: s.entry, data: s.xml })),
    ...extra,
  ];
}

/** One sheet named S with these `<row>` elements (inline strings and numbers keep it self-contained). */
export function oneSheetPackage(sheetData: string, options: { entry?: string; target?: string; after?: string; extra?: RawEntry[] } = {}): Uint8Array {
  const entry = options.entry ?? "xl/worksheets/sheet1.xml";
  return buildZip(packageEntries([{ name: "S", entry, target: options.target, xml: sheetXml(sheetData, options.after) }], options.extra));
}
