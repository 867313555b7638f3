// The cost table of a 事務事業評価シート (予決算表): rows found by their labels (costs.json:
// 事業費 A, 国庫支出金…, 人件費 ※ B, 総コスト, 人工, ④職員費(②×③)…), figure columns by their
// headers. Years across (a year header merged over 予算額 / 決算額 / 計画事業費 / 決算額(見込))
// or down (one row per year and column kind, the cost rows as columns). The money unit comes
// from the table's note (単位:千円 / 円) and is never assumed.

import type { RangeBox } from "../grid";
import type { CostCell, CostColumnHeader, CostRowHeader, CostTable, CostUnit, Field } from "../model";
import { columnKindOf, costRowOf, unitOf, type ColumnKindWord, type CostConfig } from "../costs";
import { normalizeText, NOTE, parseYear } from "../normalize";
import { isYearCell, numberAt, textField, yearField } from "./fields";
import { emptyField, toField, type Cell, type SheetIndex } from "./sheetIndex";

const EMPTY_TABLE = (): CostTable => ({ unit: emptyField(), orientation: "across", columns: [], rows: [], cells: [], box: null });

// Rows of one table sit together: a gap of more than this many rows ends it.
const MAX_ROW_GAP = 2;
// Headers are at most this many rows above the first row label.
const HEADER_ROWS = 4;

interface RowLabel {
  cell: Cell;
  row: string;
}

export function readCostTable(index: SheetIndex, costs: CostConfig): CostTable {
  const labels: RowLabel[] = [];
  for (const cell of index.cells) {
    if (typeof cell.value !== "string") continue;
    const row = costRowOf(costs, cell.text);
    if (row) labels.push({ cell, row });
  }
  if (labels.length === 0) return EMPTY_TABLE();
  const rows = new Set(labels.map((l) => l.cell.row)).size;
  const cols = new Set(labels.map((l) => l.cell.col)).size;
  const table = rows >= cols ? readAcross(index, costs, labels) : readDown(index, costs, labels);
  if (!table) return EMPTY_TABLE();
  const { orientation, columns, rows: rowHeaders, cells, box } = table;
  return { orientation, columns, rows: rowHeaders, cells, box, unit: readUnit(index, box) };
}

/** The longest run of label rows with small gaps (a lone 事業費 heading elsewhere is left out). */
function largestCluster(labels: RowLabel[]): RowLabel[] {
  const sorted = [...labels].sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col);
  let best: RowLabel[] = [];
  let bestRows = 0;
  let current: RowLabel[] = [];
  let currentRows = 0;
  for (const label of sorted) {
    const last = current[current.length - 1];
    if (last && label.cell.row - last.cell.box.bottom > MAX_ROW_GAP) {
      current = [];
      currentRows = 0;
    }
    // Sorted by row: a label opens a new row unless it shares the last one's.
    if (!last || current.length === 0 || last.cell.row !== label.cell.row) currentRows++;
    current.push(label);
    if (currentRows > bestRows) {
      best = [...current];
      bestRows = currentRows;
    }
  }
  return best;
}

function columnKind(costs: CostConfig, cell: Cell | null): ColumnKindWord | null {
  if (!cell || typeof cell.value !== "string") return null;
  return columnKindOf(costs, cell.text) ?? yearAndKind(costs, cell)?.kind ?? null;
}

// A header naming its year and its kind at once: R4年度予算額, 令和5年度 決算, 2023 決算見込.
const YEAR_THEN_KIND = /^((?:令和|平成|[RH])\s*(?:\d{1,2}|元)|\d{4})\s*(?:年度)?\s*([\s\S]+)$/;

function yearAndKind(costs: CostConfig, cell: Cell): { year: string; kind: ColumnKindWord } | null {
  const m = YEAR_THEN_KIND.exec(normalizeText(cell.text));
  const kind = m ? columnKindOf(costs, m[2]) : null;
  return m && kind ? { year: m[1], kind } : null;
}

function header(index: SheetIndex, year: Field<number>, kind: ColumnKindWord, cell: Cell | null, slot: { row: number; col: number } | null): CostColumnHeader {
  const headerText = cell ? cell.text : "";
  return {
    year,
    column: kind === "forecast" ? "settlement" : kind,
    forecast: kind === "forecast" || /見込/.test(headerText),
    header: textField(index, cell, slot),
  };
}

/** Years across: row labels down a column (or two: 財源内訳 | 国庫支出金), figures right of them. */
function readAcross(index: SheetIndex, costs: CostConfig, all: RowLabel[]): Omit<CostTable, "unit"> | null {
  const cluster = largestCluster(all);
  // One label per row: the rightmost (財源内訳's sub-rows name themselves in the second column).
  const byRow = new Map<number, RowLabel>();
  for (const label of cluster) {
    const known = byRow.get(label.cell.row);
    if (!known || label.cell.col > known.cell.col) byRow.set(label.cell.row, label);
  }
  const rowLabels = [...byRow.values()].sort((a, b) => a.cell.row - b.cell.row);
  // Figures start right of the label columns (a label merged further right covers blanks only).
  const labelRight = Math.max(...rowLabels.map((l) => l.cell.col));
  const labelLeft = Math.min(...rowLabels.map((l) => l.cell.col));
  const first = rowLabels[0].cell.row;

  // The header row of column kinds, then the year row above it (or the years alone).
  let kindRow: number | null = null;
  for (let row = first - 1; row >= Math.max(index.top, first - HEADER_ROWS); row--) {
    if (index.row(row).some((c) => c.col > labelRight && columnKind(costs, c) !== null)) {
      kindRow = row;
      break;
    }
  }
  const yearSearchFrom = (kindRow ?? first) - 1;
  let yearRow: number | null = null;
  for (let row = yearSearchFrom; row >= Math.max(index.top, yearSearchFrom - HEADER_ROWS + 1); row--) {
    if (index.row(row).some((c) => c.col > labelRight && isYearCell(c))) {
      yearRow = row;
      break;
    }
  }
  const columns: { header: CostColumnHeader; col: number }[] = [];
  if (kindRow !== null) {
    for (const cell of index.row(kindRow)) {
      const kind = cell.col > labelRight ? columnKind(costs, cell) : null;
      if (!kind) continue;
      const yearCell = yearRow === null ? null : yearCellOver(index, yearRow, cell.col, labelRight);
      const own = yearAndKind(costs, cell);
      const year = own
        ? toField(parseYear(own.year), index.ref(cell.row, cell.col))
        : yearCell
          ? yearField(index, yearCell)
          : emptyField<number>(yearRow === null ? null : index.ref(yearRow, cell.col));
      columns.push({ header: header(index, year, kind, cell, null), col: cell.col });
    }
  } else if (yearRow !== null) {
    // Years without kinds (北見-style tables): each year's figures are its settlement.
    for (const cell of index.row(yearRow)) {
      if (cell.col <= labelRight || !isYearCell(cell)) continue;
      columns.push({ header: header(index, yearField(index, cell), "settlement", null, null), col: cell.col });
    }
  }
  if (columns.length === 0) return null;

  const rows: CostRowHeader[] = rowLabels.map((l) => ({ row: l.row, label: printedLabel(index, l.cell) }));
  const cells: CostCell[] = [];
  for (const label of rowLabels) {
    columns.forEach(({ header: h, col }, columnIndex) => {
      cells.push({ columnIndex, year: h.year.value, column: h.column, forecast: h.forecast, row: label.row, value: numberAt(index, label.cell.row, col) });
    });
  }
  const top = yearRow ?? kindRow ?? first;
  const last = rowLabels[rowLabels.length - 1].cell;
  const box: RangeBox = { top, left: labelLeft, bottom: last.box.bottom, right: Math.max(...columns.map((c) => c.col)) };
  return { orientation: "across", columns: columns.map((c) => c.header), rows, cells, box };
}

/** A row label as printed (①事業費 stays ①, not NFKC's 1), spaces trimmed. */
function printedLabel(index: SheetIndex, cell: Cell): Field<string> {
  return { value: cell.text.trim(), raw: cell.text, cell: index.ref(cell.row, cell.col), status: "ok" };
}

/** The year header over a column: the nearest cell at or left of it (a merged header's value sits left). */
function yearCellOver(index: SheetIndex, row: number, col: number, left: number): Cell | null {
  for (let c = col; c > left; c--) {
    const cell = index.at(row, c);
    if (cell) return isYearCell(cell) ? cell : null;
  }
  return null;
}

/** Years down: the cost rows are column headers on one row; each row below is a year and a column kind. */
function readDown(index: SheetIndex, costs: CostConfig, all: RowLabel[]): Omit<CostTable, "unit"> | null {
  const counts = new Map<number, number>();
  for (const l of all) counts.set(l.cell.row, (counts.get(l.cell.row) ?? 0) + 1);
  const headerRow = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  const headers = all.filter((l) => l.cell.row === headerRow).sort((a, b) => a.cell.col - b.cell.col);
  const firstCostCol = headers[0].cell.col;
  const headerBottom = Math.max(...headers.map((h) => h.cell.box.bottom));
  const leftCells = index.row(headerRow).filter((c) => c.col < firstCostCol);
  const yearHeader = leftCells.find((c) => c.label?.names.includes("year")) ?? leftCells[0] ?? null;
  const yearCol = yearHeader ? yearHeader.col : null;

  const columns: CostColumnHeader[] = [];
  const dataRows: number[] = [];
  let year: Field<number> = emptyField();
  for (let row = headerBottom + 1; row <= index.bottom; row++) {
    const line = index.row(row);
    const yearCell = yearCol === null ? null : index.at(row, yearCol);
    const kindCell = line.find((c) => c.col < firstCostCol && c.col !== yearCol && columnKind(costs, c) !== null) ?? null;
    const figures = headers.map((h) => index.at(row, h.cell.col));
    // A row of the table has a year, a kind or a figure (a future settlement may have only its kind).
    if (line.length === 0 || (!kindCell && figures.every((c) => c === null) && !(yearCell && isYearCell(yearCell)))) break;
    // A year merged down over its kinds (or written once) holds for the rows under it.
    if (yearCell && isYearCell(yearCell)) year = yearField(index, yearCell);
    else if (yearCell) break;
    const kind = columnKind(costs, kindCell) ?? "settlement";
    columns.push(header(index, year, kind, kindCell, null));
    dataRows.push(row);
  }
  if (columns.length === 0) return null;
  const rows: CostRowHeader[] = headers.map((h) => ({ row: h.row, label: printedLabel(index, h.cell) }));
  const cells: CostCell[] = [];
  for (const h of headers) {
    dataRows.forEach((row, columnIndex) => {
      const c = columns[columnIndex];
      cells.push({ columnIndex, year: c.year.value, column: c.column, forecast: c.forecast, row: h.row, value: numberAt(index, row, h.cell.col) });
    });
  }
  const left = Math.min(yearCol ?? firstCostCol, firstCostCol);
  const box: RangeBox = { top: headerRow, left, bottom: dataRows[dataRows.length - 1], right: headers[headers.length - 1].cell.box.right };
  return { orientation: "down", columns, rows, cells, box };
}

/** The unit note: within the table's header and row labels, or a few rows above or just below it. */
function readUnit(index: SheetIndex, box: RangeBox | null): Field<CostUnit> {
  if (!box) return emptyField();
  for (let row = Math.max(index.top, box.top - 3); row <= Math.min(index.bottom, box.bottom + 1); row++) {
    for (const cell of index.row(row)) {
      if (typeof cell.value !== "string" || cell.text.length > 40) continue;
      const { unit, found } = unitOf(cell.text);
      if (!found) continue;
      const ref = index.ref(cell.row, cell.col);
      return unit
        ? { value: unit, raw: cell.text, cell: ref, status: "ok" }
        : { value: null, raw: cell.text, cell: ref, status: "invalid", note: NOTE.expectedCostUnit };
    }
  }
  return emptyField();
}
