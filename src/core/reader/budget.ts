// 事業費: 計画事業費 / 予算 / 決算 (決算見込) per year, with years across (a merged year header
// over each year's columns, as in the sample) or down (one row per year). 決算見込 may head
// the forecast year's settlement column or be a column of its own beside 決算.

import type { BudgetYear, Field } from "../model";
import { normalizeText } from "../normalize";
import type { LabelName } from "../vocabulary";
import { isYearCell, numberAt, yearAt } from "./fields";
import { emptyField, type Cell, type SheetIndex } from "./sheetIndex";

type CostKind = "plannedCost" | "budget" | "settlement" | "settlementForecast";
const COST_KINDS: CostKind[] = ["plannedCost", "budget", "settlement", "settlementForecast"];

interface CostColumn {
  kind: CostKind;
  col: number;
}

function kindOf(cell: Cell): CostKind | null {
  return COST_KINDS.find((k) => cell.label?.names.includes(k as LabelName)) ?? null;
}

export function readBudget(index: SheetIndex): { unit: string | null; years: BudgetYear[] } {
  const section = index.firstLabel("sectionBudget");
  const from = section ? section.row : index.top;
  const budgetLabel = index.labels("budget").find((c) => c.row >= from && kindOf(c) === "budget");
  if (!budgetLabel) return { unit: readUnit(index, from, section ? from + 3 : index.bottom), years: [] };
  const headerRow = budgetLabel.row;
  const columns: CostColumn[] = index
    .row(headerRow)
    .filter((c) => kindOf(c) !== null)
    .map((c) => ({ kind: kindOf(c) as CostKind, col: c.col }));
  const unit = readUnit(index, section ? from : headerRow - 3, headerRow);
  const yearLabel = index.row(headerRow).find((c) => c.col < budgetLabel.col && c.label?.names.includes("year"));
  if (yearLabel && isYearCell(index.at(yearLabel.box.bottom + 1, yearLabel.col))) {
    return { unit, years: readYearsDown(index, yearLabel, columns) };
  }
  return { unit, years: readYearsAcross(index, headerRow, columns) };
}

const UNIT = /単位\s*[:：]\s*([^)）\s]+)/;

/** `(単位:千円)` near the table. */
function readUnit(index: SheetIndex, fromRow: number, toRow: number): string | null {
  for (let row = Math.max(fromRow, index.top); row <= Math.min(toRow, index.bottom); row++) {
    for (const cell of index.row(row)) {
      if (typeof cell.value !== "string") continue;
      const m = UNIT.exec(normalizeText(cell.text));
      if (m) return m[1];
    }
  }
  return null;
}

const columnOfKind = (columns: CostColumn[], kind: CostKind): CostColumn | undefined => columns.find((c) => c.kind === kind);

function readKind(columns: CostColumn[], kind: CostKind, at: (col: number) => Field<number>): Field<number> {
  const c = columnOfKind(columns, kind);
  return c ? at(c.col) : emptyField();
}

/** One year's figures from its columns; `at` reads the value of a column. */
function budgetYear(year: Field<number>, columns: CostColumn[], at: (col: number) => Field<number>): BudgetYear {
  const settlement = readKind(columns, "settlement", at);
  const forecast = readKind(columns, "settlementForecast", at);
  const useForecast = columnOfKind(columns, "settlementForecast") !== undefined && (forecast.status !== "empty" || !columnOfKind(columns, "settlement"));
  return {
    year,
    planned: readKind(columns, "plannedCost", at),
    budget: readKind(columns, "budget", at),
    settlement: useForecast ? forecast : settlement,
    settlementIsForecast: useForecast,
  };
}

function readYearsDown(index: SheetIndex, yearLabel: Cell, columns: CostColumn[]): BudgetYear[] {
  const years: BudgetYear[] = [];
  for (let row = yearLabel.box.bottom + 1; row <= index.bottom; row++) {
    const yearCell = index.at(row, yearLabel.col);
    const valueCells = columns.map((c) => index.at(row, c.col));
    if ((!yearCell && valueCells.every((c) => !c)) || yearCell?.label || valueCells.some((c) => c?.label)) break;
    years.push(budgetYear(yearAt(index, row, yearLabel.col), columns, (col) => numberAt(index, row, col)));
  }
  return years;
}

function readYearsAcross(index: SheetIndex, headerRow: number, columns: CostColumn[]): BudgetYear[] {
  const yearRow = findYearRow(index, headerRow, columns);
  if (yearRow === null) return [];
  const totalLabel = index.labels("budgetTotal").find((c) => c.row > headerRow);
  const valueRow = totalLabel ? totalLabel.row : headerRow + 1;
  const groups = new Map<Cell, CostColumn[]>();
  for (const column of columns) {
    const yearCell = yearCellFor(index, yearRow, column.col);
    if (!yearCell) continue;
    groups.set(yearCell, [...(groups.get(yearCell) ?? []), column]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.col - b.col)
    .map(([yearCell, cols]) =>
      budgetYear(yearAt(index, yearRow, yearCell.col), cols, (col) => numberAt(index, valueRow, col)),
    );
}

/** The row of year headers above the cost headers (a merged 年度 cell may sit between). */
function findYearRow(index: SheetIndex, headerRow: number, columns: CostColumn[]): number | null {
  for (let row = headerRow - 1; row >= Math.max(index.top, headerRow - 3); row--) {
    if (columns.some((c) => yearCellFor(index, row, c.col))) return row;
  }
  return null;
}

/** The year header over a column: the nearest cell at or left of it, if that is a year. */
function yearCellFor(index: SheetIndex, row: number, col: number): Cell | null {
  for (let c = col; c >= index.left; c--) {
    const cell = index.at(row, c);
    if (cell) return isYearCell(cell) ? cell : null;
  }
  return null;
}
