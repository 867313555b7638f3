// What the grid view draws, computed without the DOM so it can be tested: the text of each
// cell, column widths, and which cells a window of rows shows given the merged areas.

import { cellAt, fromA1, gridBottom, gridRight, toA1, type CellValue, type RangeBox, type SheetGrid } from "../../core/grid";
import { cellText } from "../../core/normalize";
import { formatNumber, formatRate } from "../i18n";

export const ROW_HEIGHT = 24;
export const ROW_HEADER_WIDTH = 44;
const MIN_COLUMN_WIDTH = 56;
const MAX_COLUMN_WIDTH = 240;

/** The cell's text as shown: formatted numbers as the pane shows them (71.3%, 43,769), the rest as typed. */
export function displayText(value: CellValue, numberFormat?: string): string {
  if (typeof value === "number" && numberFormat?.includes("%")) return formatRate(value);
  if (typeof value === "number" && numberFormat?.includes("#,##0")) return formatNumber(value);
  return cellText(value);
}

/** Rows and columns shown: from A1 (as Excel shows them) to the last used cell. */
export function sheetExtent(grid: SheetGrid): { rows: number; cols: number } {
  let rows = Math.max(gridBottom(grid) + 1, 1);
  let cols = Math.max(gridRight(grid) + 1, 1);
  for (const m of grid.merges) {
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  return { rows, cols };
}

function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0xff ? 13 : 7;
  return w;
}

/** Width of each column from its longest unmerged text, within bounds. */
export function columnWidths(grid: SheetGrid, cols: number): number[] {
  const widths = new Array<number>(cols).fill(MIN_COLUMN_WIDTH);
  const merged = mergeIndex(grid.merges);
  grid.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const col = grid.left + j;
      if (v === null || col >= cols || merged.has(`${grid.top + i},${col}`)) return;
      const longestLine = cellText(v)
        .split("\n")
        .reduce((a, line) => Math.max(a, textWidth(line)), 0);
      widths[col] = Math.min(MAX_COLUMN_WIDTH, Math.max(widths[col], longestLine + 12));
    }),
  );
  return widths;
}

/** Every cell covered by a merge, by `row,col`, mapped to its merge. */
function mergeIndex(merges: readonly RangeBox[]): Map<string, RangeBox> {
  const index = new Map<string, RangeBox>();
  for (const m of merges) {
    // A malformed or absurd merge must not hang the page.
    if (m.bottom < m.top || m.right < m.left || (m.bottom - m.top + 1) * (m.right - m.left + 1) > 100_000) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) index.set(`${r},${c}`, m);
  }
  return index;
}

export interface WindowCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The value of the merge's master cell (or of the cell itself). */
  value: CellValue;
  /** A1 of the merge's master (or of the cell). */
  address: string;
  /** The whole merged area (or the cell), to tell whether a selection falls inside it. */
  box: RangeBox;
}

/**
 * The cells to draw for rows [firstRow, lastRow] (inclusive): one entry per drawn cell, row by
 * row; a merge starting above the window is drawn clipped from its first visible row.
 */
export function windowCells(grid: SheetGrid, firstRow: number, lastRow: number, cols: number): WindowCell[][] {
  const merges = mergeIndex(grid.merges);
  const rows: WindowCell[][] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const cells: WindowCell[] = [];
    for (let c = 0; c < cols; c++) {
      const m = merges.get(`${r},${c}`);
      if (!m) {
        cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, value: cellAt(grid, r, c), address: toA1(r, c), box: { top: r, left: c, bottom: r, right: c } });
        continue;
      }
      const visibleTop = Math.max(m.top, firstRow);
      if (r !== visibleTop || c !== m.left) continue;
      cells.push({
        row: r,
        col: c,
        rowSpan: Math.min(m.bottom, lastRow) - visibleTop + 1,
        colSpan: Math.min(m.right, cols - 1) - m.left + 1,
        value: cellAt(grid, m.top, m.left),
        address: toA1(m.top, m.left),
        box: m,
      });
    }
    rows.push(cells);
  }
  return rows;
}

/** The box an A1 address or range covers (0-based). */
export function selectionBox(address: string): RangeBox {
  const [a, b = a] = address.split(":");
  const p = fromA1(a);
  const q = fromA1(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}
