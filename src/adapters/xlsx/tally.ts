// Counts what a spreadsheet library would build from a part before it is handed over: cells,
// the area of merged ranges, shared strings and XML elements. SheetJS (like any parser)
// allocates an object per cell, string and element, so the refusal of a too-large workbook
// must happen here, on the raw bytes, before any of them exist. The counters are tolerant on
// purpose: any whitespace, any attribute order, any namespace prefix and any part name count
// alike, so a form the library would read is never one the count missed. Pure byte work.

import { WorkbookReadError } from "./errors";

export interface ReadLimits {
  /** Most cells plus merged-area cells over all sheets; also the most shared strings. */
  maxCells: number;
  /** Most bytes the file may have, and the most bytes all its parts may inflate to together. */
  maxBytes: number;
}

/** What the parts handed to the library hold, summed over the workbook. */
export interface Tally {
  cells: number;
  /**
   * Cells covered by merged and by hyperlinked ranges: a merge over A1:XFD1048576 counts 17
   * billion. SheetJS keeps merges as one range each, but our grid spans them, and it builds a
   * stub cell for every cell under a hyperlink (.xlsx, .xlsb) or visits each (.xls).
   */
  rangeCells: number;
  strings: number;
  elements: number;
}

/**
 * Elements allowed per allowed cell. A cell is 2–4 elements (`<c>`, `<v>`, `<f>`, a row),
 * a shared string 2–6; ten leaves room for any real workbook and still refuses a part that
 * is nothing but millions of empty tags.
 */
export const ELEMENTS_PER_CELL = 10;

export function newTally(): Tally {
  return { cells: 0, rangeCells: 0, strings: 0, elements: 0 };
}

export function tooManyCells(maxCells: number): WorkbookReadError {
  return new WorkbookReadError("too-large", { en: `more than ${maxCells} cells`, ja: `セルが ${maxCells} 個を超えます` });
}

/** Throws as soon as a count is beyond the limits. */
export function checkTally(tally: Tally, limits: ReadLimits): void {
  if (tally.cells + tally.rangeCells > limits.maxCells) throw tooManyCells(limits.maxCells);
  if (tally.strings > limits.maxCells) {
    throw new WorkbookReadError("too-large", {
      en: `more than ${limits.maxCells} shared strings`,
      ja: `共有文字列が ${limits.maxCells} 個を超えます`,
    });
  }
  if (tally.elements > limits.maxCells * ELEMENTS_PER_CELL) {
    throw new WorkbookReadError("too-large", {
      en: `more than ${limits.maxCells * ELEMENTS_PER_CELL} XML elements`,
      ja: `XML の要素が ${limits.maxCells * ELEMENTS_PER_CELL} 個を超えます`,
    });
  }
}

// ---- XML ----------------------------------------------------------------------------------

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const latin1 = new TextDecoder("latin1");

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

function asciiBytes(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0));
}

/** Does the local name (after any `prefix:`) in bytes[start, end) equal `name`? */
function localNameIs(bytes: Uint8Array, start: number, end: number, name: Uint8Array): boolean {
  if (end - start < name.length) return false;
  const from = end - name.length;
  if (from > start && bytes[from - 1] !== COLON) return false;
  for (let j = 0; j < name.length; j++) if (bytes[from + j] !== name[j]) return false;
  return true;
}

const DOLLAR = 0x24;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/**
 * One A1 reference (letters then digits, each optionally after `$`, spaces around allowed)
 * in bytes[at, end): [row, column, where it stopped], or null when there is none.
 */
function cellRefAt(bytes: Uint8Array, at: number, end: number): [number, number, number] | null {
  while (at < end && isSpace(bytes[at])) at++;
  if (bytes[at] === DOLLAR) at++;
  let col = 0;
  let letters = 0;
  for (; at < end && letters < 8; at++, letters++) {
    const b = bytes[at] | 0x20; // lower case
    if (b < 0x61 || b > 0x7a) break;
    col = col * 26 + (b - 0x60);
  }
  if (bytes[at] === DOLLAR) at++;
  let row = 0;
  let digits = 0;
  for (; at < end && digits < 13; at++, digits++) {
    const b = bytes[at];
    if (b < 0x30 || b > 0x39) break;
    row = row * 10 + (b - 0x30);
  }
  while (at < end && isSpace(bytes[at])) at++;
  // A whole row (`1:1048576`) or column (`A:XFD`) has only one part; SheetJS still walks it.
  return letters === 0 && digits === 0 ? null : [Math.max(row - 1, 0), Math.max(col - 1, 0), at];
}

/** Cells in an A1 range such as `A100:XFD1048576` held in bytes[at, end); 1 when it cannot be read. */
function rangeAreaAt(bytes: Uint8Array, at: number, end: number): number {
  const first = cellRefAt(bytes, at, end);
  if (!first) return 1;
  const second = bytes[first[2]] === COLON ? cellRefAt(bytes, first[2] + 1, end) : first;
  if (!second) return 1;
  return (Math.abs(second[0] - first[0]) + 1) * (Math.abs(second[1] - first[1]) + 1);
}

/**
 * Every value of an attribute with this local name in the start tag bytes[from, end), quoted
 * or not, wherever it appears — also inside another attribute's quotes or given twice. A
 * parser reads one of them; counting each one it could read never under-counts.
 */
function eachAttributeValue(bytes: Uint8Array, from: number, end: number, name: Uint8Array, visit: (start: number, stop: number) => void): void {
  for (let i = bytes.indexOf(name[0], from); i !== -1 && i + name.length <= end; i = bytes.indexOf(name[0], i + 1)) {
    let k = 1;
    while (k < name.length && bytes[i + k] === name[k]) k++;
    if (k < name.length) continue;
    const before = bytes[i - 1];
    if (!isSpace(before) && before !== COLON && before !== QUOTE && before !== APOSTROPHE) continue;
    let j = i + name.length;
    while (j < end && isSpace(bytes[j])) j++;
    if (bytes[j] !== 0x3d /* = */) continue;
    j++;
    while (j < end && isSpace(bytes[j])) j++;
    const quote = bytes[j];
    if (quote === QUOTE || quote === APOSTROPHE) {
      const close = bytes.indexOf(quote, j + 1);
      visit(j + 1, close === -1 || close > end ? end : close);
    } else {
      let stop = j;
      while (stop < end && !isSpace(bytes[stop]) && bytes[stop] !== QUOTE && bytes[stop] !== APOSTROPHE && bytes[stop] !== GT) stop++;
      visit(j, stop);
    }
  }
}

/** The end of the start tag whose name ends at `from` (its `>`, or the end of the part). */
function tagEnd(bytes: Uint8Array, from: number): number {
  const close = bytes.indexOf(GT, from);
  return close === -1 ? bytes.length : close;
}

const REF = asciiBytes("ref");

/** The largest area any `ref` of the tag names (1 when none can be read). */
function largestRefArea(bytes: Uint8Array, from: number, end: number): number {
  let largest = 1;
  eachAttributeValue(bytes, from, end, REF, (start, stop) => {
    largest = Math.max(largest, rangeAreaAt(bytes, start, stop));
  });
  return largest;
}

/**
 * The largest count an attribute asks to repeat (OpenDocument `number-…-repeated`): read both
 * as parseInt and as Number (SheetJS uses each, and `1e6` or `0x10` differ), at least 1.
 */
function largestRepeat(bytes: Uint8Array, from: number, end: number, name: Uint8Array): number {
  let largest = 1;
  eachAttributeValue(bytes, from, end, name, (start, stop) => {
    const text = latin1.decode(bytes.subarray(start, stop));
    for (const n of [Number.parseInt(text, 10), Number(text)]) if (n > largest) largest = n; // NaN compares false
  });
  return largest;
}

/**
 * Calls `onStart(nameStart, nameEnd)` for every start tag (and counts it as an element); end
 * tags, comments, processing instructions and declarations are skipped. The name ends at
 * whitespace, `/` or `>`, so `<c\tr="A1">` and `<x:c r="A1">` are cells too.
 */
function eachStartTag(bytes: Uint8Array, tally: Tally, limits: ReadLimits, onStart: (nameStart: number, nameEnd: number) => void): void {
  const maxElements = limits.maxCells * ELEMENTS_PER_CELL;
  for (let i = bytes.indexOf(LT); i !== -1; i = bytes.indexOf(LT, i + 1)) {
    const first = bytes[i + 1];
    if (first === SLASH || first === 0x3f /* ? */ || first === 0x21 /* ! */ || first === undefined) continue;
    let end = i + 1;
    while (end < bytes.length && !isSpace(bytes[end]) && bytes[end] !== SLASH && bytes[end] !== GT && bytes[end] !== LT) end++;
    if (++tally.elements > maxElements) checkTally(tally, limits);
    onStart(i + 1, end);
  }
}

const CELL = asciiBytes("c");
const MERGE_CELL = asciiBytes("mergeCell");
const HYPERLINK = asciiBytes("hyperlink");
const SHARED_STRING = asciiBytes("si");

/** A worksheet part (SpreadsheetML): `<c>` elements, `<mergeCell ref>` and `<hyperlink ref>` areas. */
export function tallySheetXml(bytes: Uint8Array, tally: Tally, limits: ReadLimits): void {
  eachStartTag(bytes, tally, limits, (start, end) => {
    if (localNameIs(bytes, start, end, CELL)) {
      if (++tally.cells + tally.rangeCells > limits.maxCells) checkTally(tally, limits);
    } else if (localNameIs(bytes, start, end, MERGE_CELL) || localNameIs(bytes, start, end, HYPERLINK)) {
      tally.rangeCells += largestRefArea(bytes, end, tagEnd(bytes, end));
      checkTally(tally, limits);
    }
  });
  checkTally(tally, limits);
}

/** The shared-strings part: one string per `<si>`. */
export function tallySharedStringsXml(bytes: Uint8Array, tally: Tally, limits: ReadLimits): void {
  eachStartTag(bytes, tally, limits, (start, end) => {
    if (localNameIs(bytes, start, end, SHARED_STRING) && ++tally.strings > limits.maxCells) checkTally(tally, limits);
  });
  checkTally(tally, limits);
}

/** Any other XML part handed over (workbook, styles): elements only. */
export function tallyXml(bytes: Uint8Array, tally: Tally, limits: ReadLimits): void {
  eachStartTag(bytes, tally, limits, () => undefined);
  checkTally(tally, limits);
}

const TABLE_ROW = asciiBytes("table-row");
const TABLE_CELL = asciiBytes("table-cell");
const ROWS_REPEATED = asciiBytes("number-rows-repeated");
const COLUMNS_REPEATED = asciiBytes("number-columns-repeated");
const ROWS_SPANNED = asciiBytes("number-rows-spanned");
const COLUMNS_SPANNED = asciiBytes("number-columns-spanned");

/**
 * An OpenDocument content.xml. A cell with content is built once per repetition
 * (`number-columns-repeated` × its row's `number-rows-repeated`), so a few bytes can ask for
 * billions; spans (`number-columns-spanned` × `number-rows-spanned`) are merged areas. An empty
 * self-closing cell, as LibreOffice writes for the blank rest of a row, builds nothing.
 */
export function tallyOdsContent(bytes: Uint8Array, tally: Tally, limits: ReadLimits): void {
  let rowsRepeated = 1;
  eachStartTag(bytes, tally, limits, (start, end) => {
    if (localNameIs(bytes, start, end, TABLE_ROW)) {
      rowsRepeated = largestRepeat(bytes, end, tagEnd(bytes, end), ROWS_REPEATED);
    } else if (localNameIs(bytes, start, end, TABLE_CELL)) {
      const close = tagEnd(bytes, end);
      const selfClosing = bytes[close - 1] === SLASH;
      tally.cells += selfClosing ? 1 : rowsRepeated * largestRepeat(bytes, end, close, COLUMNS_REPEATED);
      const span = largestRepeat(bytes, end, close, ROWS_SPANNED) * largestRepeat(bytes, end, close, COLUMNS_SPANNED);
      if (span > 1) tally.rangeCells += span;
      checkTally(tally, limits);
    }
  });
  checkTally(tally, limits);
}

// ---- Excel 97–2003 (BIFF2–8) --------------------------------------------------------------

/**
 * BIFF records that put one value in one cell (BIFF2–4 numbers first, then BIFF5–8). Blank
 * cells (BLANK, MULBLANK: formatting only) are left out: SheetJS builds nothing for them.
 */
const BIFF_CELL_RECORDS = new Set([
  0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0206, 0x0406, // INTEGER NUMBER LABEL BOOLERR FORMULA (BIFF2–4)
  0x0203, 0x0204, 0x0205, 0x00fd, 0x027e, 0x00d6, // NUMBER LABEL BOOLERR LABELSST RK RSTRING
]);
const BIFF_MULRK = 0x00bd;
const BIFF_MERGECELLS = 0x00e5;
const BIFF_HLINK = 0x01b8;
const BIFF_SST = 0x00fc;
const BIFF_FILEPASS = 0x002f;
const BIFF_BOF = [0x0009, 0x0209, 0x0409, 0x0809];

export interface BiffFacts {
  /** A FILEPASS record: the workbook is encrypted. */
  encrypted: boolean;
  /** BIFF version of the first BOF record (0x0600 for Excel 97–2003, 0x0500 for Excel 5/95). */
  version: number;
}

/** Cells in a BIFF Ref8 (first row, last row, first column, last column; u16 each). */
function biffRangeArea(dv: DataView, at: number): number {
  const rows = Math.abs(dv.getUint16(at + 2, true) - dv.getUint16(at, true)) + 1;
  const cols = Math.abs(dv.getUint16(at + 6, true) - dv.getUint16(at + 4, true)) + 1;
  return rows * cols;
}

/** The Workbook (or Book) stream of an .xls: records of type, length and payload. */
export function tallyBiff(stream: Uint8Array, tally: Tally, limits: ReadLimits): BiffFacts {
  const dv = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const facts: BiffFacts = { encrypted: false, version: 0 };
  for (let at = 0; at + 4 <= stream.length; ) {
    const type = dv.getUint16(at, true);
    const length = dv.getUint16(at + 2, true);
    const body = at + 4;
    at = body + length;
    tally.elements++;
    if (BIFF_CELL_RECORDS.has(type)) tally.cells++;
    else if (type === BIFF_MULRK && length >= 6) tally.cells += Math.floor((length - 6) / 6);
    else if (type === BIFF_MERGECELLS && body + 2 <= stream.length) {
      const count = dv.getUint16(body, true);
      for (let m = 0; m < count && body + 2 + m * 8 + 8 <= stream.length; m++) tally.rangeCells += biffRangeArea(dv, body + 2 + m * 8);
    } else if (type === BIFF_HLINK && body + 8 <= stream.length) tally.rangeCells += biffRangeArea(dv, body);
    else if (type === BIFF_SST && body + 8 <= stream.length) tally.strings += dv.getUint32(body + 4, true);
    else if (type === BIFF_FILEPASS) facts.encrypted = true;
    else if (facts.version === 0 && BIFF_BOF.includes(type) && body + 2 <= stream.length) facts.version = dv.getUint16(body, true);
    if (tally.cells + tally.rangeCells > limits.maxCells || tally.strings > limits.maxCells) checkTally(tally, limits);
  }
  checkTally(tally, limits);
  return facts;
}

// ---- Excel binary workbook (.xlsb, BIFF12) ------------------------------------------------

/**
 * BrtCellRk … BrtShortIsst (2–18) and BrtCellRString (62); the blank cells BrtCellBlank (1)
 * and BrtShortBlank (12) are left out, as SheetJS builds nothing for them.
 */
function isBiff12Cell(type: number): boolean {
  return (type >= 2 && type <= 18 && type !== 12) || type === 62;
}
const BRT_MERGE_CELL = 176;
const BRT_HLINK = 494;
const BRT_SST_ITEM = 19;

/**
 * The records of a BIFF12 part (.xlsb): type (1–2 bytes) and size (1–4 bytes) are 7-bit
 * varints, then the body. `visit(type, body)` gets where the body starts; a size running past
 * the end just ends the walk.
 */
export function eachBiff12Record(bytes: Uint8Array, visit: (type: number, body: number, size: number) => void): void {
  let at = 0;
  const varint = (maxBytes: number): number => {
    let value = 0;
    for (let i = 0; i < maxBytes && at < bytes.length; i++) {
      const b = bytes[at++];
      value += (b & 0x7f) * 2 ** (7 * i);
      if ((b & 0x80) === 0) break;
    }
    return value;
  };
  while (at < bytes.length) {
    const type = varint(2);
    const size = varint(4);
    const body = at;
    at = body + size;
    visit(type, body, size);
  }
}

/** A BIFF12 part: cell, shared-string, merge and hyperlink records. */
export function tallyBiff12(bytes: Uint8Array, tally: Tally, limits: ReadLimits): void {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  eachBiff12Record(bytes, (type, body) => {
    tally.elements++;
    if (isBiff12Cell(type)) tally.cells++;
    else if (type === BRT_SST_ITEM) tally.strings++;
    else if ((type === BRT_MERGE_CELL || type === BRT_HLINK) && body + 16 <= bytes.length) {
      // An RfX: first row, last row, first column, last column (u32 each).
      const rows = Math.abs(dv.getUint32(body + 4, true) - dv.getUint32(body, true)) + 1;
      const cols = Math.abs(dv.getUint32(body + 12, true) - dv.getUint32(body + 8, true)) + 1;
      tally.rangeCells += rows * cols;
    }
    if (tally.cells + tally.rangeCells > limits.maxCells || tally.strings > limits.maxCells) checkTally(tally, limits);
  });
  checkTally(tally, limits);
}
