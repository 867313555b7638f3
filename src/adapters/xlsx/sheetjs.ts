// SheetJS Community Edition (the @e965/xlsx republication, see docs/architecture.md) turned
// into WorkbookGrid: the parse calls, the options, and the dense sheet → SheetGrid conversion.
// Only this module imports the library. No Node import (the browser preview uses it too).

// The "core" build: every reader hyoka needs (xlsx, xlsb, xls, ods), without the 470 KB of
// codepage tables the full build loads at start-up (~0.3 s per worker). The same file in Node
// and in the browser bundle; codepages come from the platform's TextDecoder instead (below).
import * as XLSX from "@e965/xlsx/dist/xlsx.core.min.js";
import type { CellValue, RangeBox, SheetGrid } from "../../core/grid";
import { WorkbookReadError } from "./errors";
import type { HandoverPart } from "./package";
import { tooManyCells } from "./tally";

/** One cell as SheetJS gives it (dense mode, no formulas, styles or formatted text). */
interface SheetJsCell {
  t?: string;
  v?: unknown;
  w?: unknown;
}

type SheetJsSheet = { "!data"?: unknown; "!merges"?: unknown; "!type"?: unknown };

/** The fields of a parsed workbook this module reads. */
export interface ParsedWorkbook {
  SheetNames: string[];
  Sheets: Record<string, SheetJsSheet>;
  Workbook?: { Sheets?: Array<{ id?: unknown; strRelID?: unknown }> };
}

/** Windows codepage numbers (BIFF CODEPAGE records, property sets) → WHATWG encoding labels. */
const CODEPAGES: Record<number, string> = {
  874: "windows-874",
  932: "shift_jis",
  936: "gbk",
  949: "euc-kr",
  950: "big5",
  1200: "utf-16le",
  1201: "utf-16be",
  1250: "windows-1250",
  1251: "windows-1251",
  1252: "windows-1252",
  1253: "windows-1253",
  1254: "windows-1254",
  1255: "windows-1255",
  1256: "windows-1256",
  1257: "windows-1257",
  1258: "windows-1258",
  10000: "macintosh",
  20932: "euc-jp",
  28591: "iso-8859-1",
  65001: "utf-8",
};
type Decoder = InstanceType<typeof TextDecoder>;
const decoders = new Map<number, Decoder>();

function decoderFor(codepage: number): Decoder {
  let decoder = decoders.get(codepage);
  if (!decoder) {
    try {
      decoder = new TextDecoder(CODEPAGES[codepage] ?? "windows-1252");
    } catch {
      decoder = new TextDecoder("windows-1252"); // an engine without that encoding
    }
    decoders.set(codepage, decoder);
  }
  return decoder;
}

/**
 * The codepage interface SheetJS calls (cptable's `utils`), on TextDecoder. The core build
 * otherwise installs codepage functions without a table and fails on any .xls, and an Excel
 * 5.0/95 workbook in Shift_JIS (old Japanese archives) needs 932 to read its text.
 */
XLSX.set_cptable({
  utils: {
    decode: (codepage: number, data: ArrayLike<number>) => decoderFor(codepage).decode(data instanceof Uint8Array ? data : Uint8Array.from(data)),
    // Only SheetJS's writers encode; hyoka never writes through this module.
    encode: (_codepage: number, text: string) => Array.from(new TextEncoder().encode(text)),
  },
});

// parse_zip takes a container of parts that are already inflated; the types omit it.
const parseZip = (XLSX as unknown as { parse_zip: (zip: unknown, options: XLSX.ParsingOptions) => ParsedWorkbook }).parse_zip;
// parse_xlscfb takes a compound file already read by CFB.read (XLSX.read would read it again).
const parseXlsCfb = (XLSX as unknown as { parse_xlscfb: (cfb: unknown, options: XLSX.ParsingOptions) => ParsedWorkbook }).parse_xlscfb;
const cfbUtils = (XLSX.CFB as { utils: { cfb_new(): unknown; cfb_add(cfb: unknown, name: string, data: Uint8Array, options: { unsafe: boolean }): void } }).utils;

/**
 * Values only: dense rows, dates as dates (t="d" cells and date-formatted numbers), no
 * formulas, HTML, formatted text, styles, stubs for empty cells, macros or raw files.
 * A fresh object per call: SheetJS writes its defaults into it.
 */
function readOptions(): XLSX.ParsingOptions {
  return {
    dense: true,
    cellDates: true,
    cellFormula: false,
    cellHTML: false,
    cellText: false,
    cellNF: false,
    cellStyles: false,
    sheetStubs: false, // emptyCells.ts relies on it: a cell without a value is skipped
    bookVBA: false,
    bookFiles: false,
  };
}

function parserFailed(e: unknown): WorkbookReadError {
  return new WorkbookReadError("corrupt", String((e as Error)?.message ?? e).slice(0, 300));
}

/** Parses the handed-over parts of a zip-based workbook (see package.ts); nothing is inflated here. */
export function parseParts(parts: readonly HandoverPart[]): ParsedWorkbook {
  const container = cfbUtils.cfb_new();
  for (const part of parts) cfbUtils.cfb_add(container, part.name, part.data, { unsafe: true });
  try {
    return parseZip(container, readOptions());
  } catch (e) {
    throw parserFailed(e);
  }
}

/** A compound file's directory as SheetJS's CFB reader returns it. */
export interface CompoundFile {
  FullPaths: string[];
  FileIndex: Array<{ type: number; content?: Uint8Array | number[] }>;
}

/** Reads a compound file's directory and streams once, for compoundFileStreams and parseCompoundFile. */
export function readCompoundFile(bytes: Uint8Array): CompoundFile {
  try {
    return (XLSX.CFB as { read(data: Uint8Array, options: { type: string }): CompoundFile }).read(bytes, { type: "array" });
  } catch (e) {
    throw parserFailed(e);
  }
}

/**
 * Parses an Excel 97–2003 compound file already read by readCompoundFile (its cells were
 * counted beforehand, see tallyBiff): what XLSX.read does after its own CFB.read, for a file
 * without an EncryptedPackage stream (read.ts refuses those first).
 */
export function parseCompoundFile(cfb: CompoundFile): ParsedWorkbook {
  try {
    return parseXlsCfb(cfb, readOptions());
  } catch (e) {
    throw parserFailed(e);
  }
}

/** The streams at the top of a compound file by name (Workbook, Book, EncryptedPackage…). */
export function compoundFileStreams(cfb: CompoundFile): Map<string, Uint8Array> {
  const streams = new Map<string, Uint8Array>();
  const root = cfb.FullPaths[0] ?? ""; // "Root Entry/", whatever the file calls it
  cfb.FileIndex.forEach((entry, i) => {
    const path = cfb.FullPaths[i] ?? "";
    if (entry.type !== 2 || !entry.content || !path.startsWith(root)) return; // 2 = stream
    const name = path.slice(root.length);
    if (name.includes("/")) return; // inside a storage
    streams.set(name, entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content));
  });
  return streams;
}

// Excel error codes as SheetJS keeps them when cellText is off.
const ERROR_TEXT: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * A SheetJS date as the sheet shows it: its UTC fields hold the calendar value (SheetJS builds
 * them from the serial number, 1904 system included). `2013-04-01`, or with the time of day
 * when there is one (`2013-04-01T09:30:00`); null for an invalid date or a year beyond 0–9999.
 */
export function isoDate(date: Date): string | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const d = new Date(Math.round(ms / 1000) * 1000); // serial numbers carry float noise
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) return null;
  const day = `${pad(year, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? day : `${day}T${pad(h)}:${pad(m)}:${pad(s)}`;
}

export function toCellValue(cell: unknown): CellValue {
  if (cell === null || typeof cell !== "object") return null;
  const { t, v, w } = cell as SheetJsCell;
  switch (t) {
    case "n":
      return typeof v === "number" ? v : null;
    case "s":
      return typeof v === "string" ? v : v === undefined || v === null ? null : String(v);
    case "b":
      return v === true;
    case "e":
      return { error: (typeof v === "number" ? ERROR_TEXT[v] : undefined) ?? (typeof w === "string" ? w : "#VALUE!") };
    case "d": {
      // An unreadable date is shown by Excel as #VALUE!; it must not become a number or vanish.
      const date = v instanceof Date ? isoDate(v) : null;
      return date === null ? { error: "#VALUE!" } : { date };
    }
    default:
      return null; // "z": a stub without a value
  }
}

/** Indexes of an array's elements: a plain loop when dense, else only the ones present. */
function eachIndex(items: readonly unknown[], visit: (index: number) => void): void {
  // A row or sheet can be sparse with a huge length (one cell at XFD1048576): iterate what exists.
  if (items.length <= 1 << 16) {
    for (let i = 0; i < items.length; i++) if (items[i] !== undefined) visit(i);
    return;
  }
  for (const key in items) {
    const i = Number(key);
    if (Number.isInteger(i) && i >= 0) visit(i);
  }
}

function toBox(merge: unknown): RangeBox | null {
  const m = merge as { s?: { r?: unknown; c?: unknown }; e?: { r?: unknown; c?: unknown } } | null;
  const nums = [m?.s?.r, m?.s?.c, m?.e?.r, m?.e?.c];
  if (!nums.every((n) => typeof n === "number" && Number.isInteger(n) && n >= 0)) return null;
  const [r1, c1, r2, c2] = nums as number[];
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/**
 * One dense SheetJS sheet → SheetGrid: the rectangle that holds its values and merges (never
 * SheetJS's `!ref`, which the file claims), merged cells blanked but the top-left one.
 * `cellBudget` is what is left of the workbook's cell limit; a larger rectangle is refused
 * before it is allocated.
 */
export function sheetToGrid(name: string, sheet: SheetJsSheet, cellBudget: number): SheetGrid {
  const rows: number[] = [];
  const cols: number[] = [];
  const values: CellValue[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const data = Array.isArray(sheet["!data"]) ? (sheet["!data"] as unknown[]) : [];
  eachIndex(data, (r) => {
    const row = data[r];
    if (!Array.isArray(row)) return;
    eachIndex(row, (c) => {
      const v = toCellValue(row[c]);
      if (v === null) return;
      rows.push(r);
      cols.push(c);
      values.push(v);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  const merges = (Array.isArray(sheet["!merges"]) ? sheet["!merges"] : [])
    .map(toBox)
    .filter((m): m is RangeBox => m !== null && m.bottom - m.top + m.right - m.left > 0)
    .sort((a, b) => a.top - b.top || a.left - b.left);
  for (const m of merges) {
    top = Math.min(top, m.top);
    left = Math.min(left, m.left);
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  if (bottom < 0) return { name, top: 0, left: 0, values: [], merges };

  const height = bottom - top + 1;
  const width = right - left + 1;
  if (height * width > cellBudget) throw tooManyCells(cellBudget);
  // Rectangular, like Office.js usedRange.values.
  const grid: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  for (let i = 0; i < values.length; i++) grid[rows[i] - top][cols[i] - left] = values[i];
  // Only a merge's top-left cell holds its value (what Excel shows; SheetJS keeps any others).
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const line = grid[r - top];
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) line[c - left] = null;
    }
  }
  return { name, top, left, values: grid, merges };
}
