// The one shape every adapter fills: a worksheet as a rectangle of cell values.
// Office.js (usedRange.values), workbook files (SheetJS) and the browser preview all produce
// this; the core never sees anything else.

/** An Excel error value such as `#DIV/0!` or `#N/A`. */
export interface CellError {
  error: string;
}

/**
 * A date (or date and time) the workbook itself says is one: a `t="d"` cell or a number with a
 * date format, read from a file. ISO 8601 without a zone, as the sheet shows it:
 * `2013-04-01` or `2013-04-01T09:30:00`. Evaluation sheets hold no dates, so wherever a
 * number, year or code is expected a date is a mistake that gets a finding (never a year).
 */
export interface CellDate {
  date: string;
}

/**
 * One cell as the core sees it. Formulas arrive as their cached result. Dates arrive as
 * CellDate from file readers; Office.js gives date-formatted cells as serial numbers.
 */
export type CellValue = string | number | boolean | null | CellError | CellDate;

/** A rectangle in sheet coordinates, 0-based, inclusive on both ends. */
export interface RangeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** Sheet coordinates (0-based) of values[0][0]: a used range may start at, say, B3. */
  top: number;
  left: number;
  /** Row-major values. Rows may be ragged; missing cells read as null. */
  values: CellValue[][];
  /**
   * Merged areas. Only the top-left cell of a merge holds the value; adapters blank the
   * others (SheetJS keeps whatever a file stores in the other cells, Office.js does not).
   */
  merges: RangeBox[];
  /** Set when the adapter could not read the sheet (e.g. Excel refused a too-large range); values are then empty. */
  readError?: { ja: string; en: string };
  /** Set when the sheet's values were read but its merged areas could not be (Excel refuses above 512). */
  mergesUnread?: true;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

export function isCellDate(v: unknown): v is CellDate {
  return typeof v === "object" && v !== null && typeof (v as CellDate).date === "string";
}

/** Value at sheet coordinates (0-based), null outside the grid. */
export function cellAt(grid: SheetGrid, row: number, col: number): CellValue {
  const r = grid.values[row - grid.top];
  if (!r) return null;
  const v = r[col - grid.left];
  return v === undefined ? null : v;
}

/** Last row / column (0-based, inclusive) covered by the grid. */
export function gridBottom(grid: SheetGrid): number {
  return grid.top + grid.values.length - 1;
}

export function gridRight(grid: SheetGrid): number {
  let width = 0;
  for (const r of grid.values) if (r.length > width) width = r.length;
  return grid.left + width - 1;
}

/** 0-based column index → letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// Every Field names its cell: the same few thousand addresses come up on every sheet.
const A1_COLUMNS = 64;
const A1_ROWS = 2048;
const a1Memo: (string | undefined)[] = new Array(A1_COLUMNS * A1_ROWS);

/** 0-based row/column → A1 address without `$`. */
export function toA1(row: number, col: number): string {
  if (row >= 0 && row < A1_ROWS && col >= 0 && col < A1_COLUMNS && Number.isInteger(row) && Number.isInteger(col)) {
    const k = row * A1_COLUMNS + col;
    return (a1Memo[k] ??= `${columnLetters(col)}${row + 1}`);
  }
  return `${columnLetters(col)}${row + 1}`;
}

/** A1 address (with or without `$`, optionally `Sheet!`) → 0-based row/column. */
export function fromA1(address: string): { row: number; col: number } {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(bare);
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** A1 range text for a box: `B3:D7`, or `B3` for a single cell. */
export function boxToA1(box: RangeBox): string {
  const a = toA1(box.top, box.left);
  const b = toA1(box.bottom, box.right);
  return a === b ? a : `${a}:${b}`;
}
