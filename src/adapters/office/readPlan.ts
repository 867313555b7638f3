// Pure helpers of the Office.js reader: how a used range is split into reads, and how what
// Excel returns becomes a SheetGrid. No Office.js calls here, so they test without a host.

import { fromA1, toA1, type CellValue, type RangeBox, type SheetGrid } from "../../core/grid";

/**
 * Cells per read. Excel refuses reads above 5,000,000 cells and Excel on the web payloads
 * above ~5 MB; evaluation sheets hold long Japanese paragraphs (a few hundred bytes per
 * cell at worst), so 20,000 cells keeps one block near or under that size.
 */
export const CELL_BUDGET = 20_000;

export interface RowBlock {
  /** A1 range of the block on its sheet, e.g. `A1:T1000`. */
  address: string;
  top: number;
  rows: number;
}

/** Splits a used range (sheet coordinates) into row blocks of at most `budget` cells. */
export function planRowBlocks(top: number, left: number, rowCount: number, columnCount: number, budget = CELL_BUDGET): RowBlock[] {
  const rowsPerBlock = Math.max(1, Math.floor(budget / Math.max(1, columnCount)));
  const right = left + columnCount - 1;
  const blocks: RowBlock[] = [];
  for (let start = 0; start < rowCount; start += rowsPerBlock) {
    const rows = Math.min(rowsPerBlock, rowCount - start);
    const first = top + start;
    blocks.push({ address: `${toA1(first, left)}:${toA1(first + rows - 1, right)}`, top: first, rows });
  }
  return blocks;
}

/** A range address Excel returned (`Sheet1!B3:D4`, quoted names allowed) → box. */
export function boxOf(address: string): RangeBox {
  const bare = address.slice(address.lastIndexOf("!") + 1);
  const [a, b] = bare.split(":");
  const p = fromA1(a);
  const q = b ? fromA1(b) : p;
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/**
 * One value as the core wants it: "" (Excel's empty) → null, error types → {error}.
 * Dates already arrive as serial numbers from Range.values.
 */
export function toCellValue(value: unknown, valueType: string | undefined): CellValue {
  if (valueType === "Error") return { error: String(value) };
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** Excel already leaves non-master cells of a merge empty; this makes sure of it for the core. */
export function blankMergedFollowers(grid: SheetGrid): void {
  for (const m of grid.merges) {
    for (let r = Math.max(m.top, grid.top); r <= m.bottom; r++) {
      const row = grid.values[r - grid.top];
      if (!row) continue;
      for (let c = Math.max(m.left, grid.left); c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        if (c - grid.left < row.length) row[c - grid.left] = null;
      }
    }
  }
}

/** Converts the blocks read for one sheet into its values matrix (null when a block was too large). */
export function assembleValues(blocks: { values: unknown[][] | null; valueTypes: string[][] | null }[]): CellValue[][] | null {
  const out: CellValue[][] = [];
  for (const b of blocks) {
    if (!b.values) return null;
    b.values.forEach((row, i) => out.push(row.map((v, j) => toCellValue(v, b.valueTypes?.[i]?.[j]))));
  }
  return out;
}

/**
 * Cells per request when values are read in batches (after Excel refused the one-shot read,
 * or up front on Excel on the web with many sheets). Excel on the web caps a response at
 * about 5 MB; 100,000 cells of ordinary entries stay well under it, and a batch Excel still
 * refuses is split in halves.
 */
export const REQUEST_CELL_BUDGET = 100_000;

/**
 * Error codes Excel gives when one request asks for too much: the ~5 MB payload cap of
 * Excel on the web (OfficeExtension.ErrorCodes / Excel.ErrorCodes) and the 5,000,000-cell cap
 * of a range read. All mean "ask again in smaller pieces".
 */
const TOO_LARGE_ERROR_CODES: readonly string[] = ["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded", "RangeExceedsLimit"];

export function isTooLargeError(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && TOO_LARGE_ERROR_CODES.includes(code);
}

/** One row block of one sheet, as queued for a batched read. */
export interface SheetBlock {
  /** Index of the sheet in the read. */
  sheet: number;
  left: number;
  columns: number;
  block: RowBlock;
}

const blockCells = (b: SheetBlock): number => b.block.rows * b.columns;

/** Groups blocks, in order, into requests of at most `budget` cells (a larger block goes alone). */
export function batchBlocks(blocks: SheetBlock[], budget = REQUEST_CELL_BUDGET): SheetBlock[][] {
  const batches: SheetBlock[][] = [];
  let current: SheetBlock[] = [];
  let cells = 0;
  for (const b of blocks) {
    if (current.length && cells + blockCells(b) > budget) {
      batches.push(current);
      current = [];
      cells = 0;
    }
    current.push(b);
    cells += blockCells(b);
  }
  if (current.length) batches.push(current);
  return batches;
}

/** A list Excel refused in one request, in two for sending again; the first half the larger. */
export function halves<T>(items: readonly T[]): [T[], T[]] {
  const mid = Math.ceil(items.length / 2);
  return [items.slice(0, mid), items.slice(mid)];
}

/**
 * A batch Excel refused, as two smaller batches: its halves, or a lone block's two row
 * halves. Null for a single row, which cannot be split further.
 */
export function splitBatch(batch: SheetBlock[]): [SheetBlock[], SheetBlock[]] | null {
  if (batch.length > 1) return halves(batch);
  const [b] = batch;
  if (!b || b.block.rows < 2) return null;
  const upper = Math.ceil(b.block.rows / 2);
  const [first, second] = [
    planRowBlocks(b.block.top, b.left, upper, b.columns, Number.MAX_SAFE_INTEGER)[0],
    planRowBlocks(b.block.top + upper, b.left, b.block.rows - upper, b.columns, Number.MAX_SAFE_INTEGER)[0],
  ];
  return [[{ ...b, block: first }], [{ ...b, block: second }]];
}
