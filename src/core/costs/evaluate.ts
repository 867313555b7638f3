// A cost relation checked on one column of a table: which cells it used, the figure it
// expected, the difference and what that difference is worth (source rounding, an error…).
// Also the cost per 人工 of each year, from the settings or inferred from the sheets checked
// together, for relations whose factor falls back to it.

import type { CostCell, CostColumnKind, CostTable, CostUnit, ProjectSheet } from "../model";
import type { Settings } from "../settings";
import type { CostRelation, Rounding } from "./index";

/** A year's cost per 人工 and where it comes from. */
export interface UnitCost {
  value: number;
  source: "settings" | "inferred";
  /** Inferred: the number of cost columns and sheets the median was taken over. */
  columns?: number;
  sheets?: number;
}

export interface RelationTerm {
  row: string;
  sign: 1 | -1;
  /** null: the row is not in the table (an optional term, counted as 0). */
  cell: CostCell | null;
  value: number;
}

export interface RelationFactor {
  row: string;
  /** null when the value came from the year's cost per 人工. */
  cell: CostCell | null;
  value: number;
  unitCost?: UnitCost;
}

export interface RelationOutcome {
  relation: CostRelation;
  columnIndex: number;
  target: CostCell;
  terms: RelationTerm[];
  factors: RelationFactor[];
  /** The figure the relation gives (rounded as it says). */
  expected: number;
  /** The unrounded product, for a message that shows the arithmetic (70,900.5). */
  exact: number;
  actual: number;
  /** actual − expected, in the table's unit. */
  difference: number;
  /** null: the relation holds (or the difference is rounding that is not reported). */
  severity: "error" | "warning" | "info" | null;
  /** The difference is within the relation's tolerance: source rounding. */
  rounding: boolean;
}

/** Cost cells by column and row id. */
export type CostGrid = Map<number, Map<string, CostCell>>;

// One grid per table: the summary, the rules and the inference of the cost per 人工 all look
// cells up by column and row. Kept while the table keeps the same cells array and length.
const gridMemo = new WeakMap<CostTable, { cells: readonly CostCell[]; length: number; grid: CostGrid }>();

/** Cells of a table by column and row id, built once per table. */
export function cellGrid(table: CostTable): CostGrid {
  const known = gridMemo.get(table);
  if (known && known.cells === table.cells && known.length === table.cells.length) return known.grid;
  const grid = buildCellGrid(table);
  gridMemo.set(table, { cells: table.cells, length: table.cells.length, grid });
  return grid;
}

function buildCellGrid(table: CostTable): CostGrid {
  const byColumn: CostGrid = new Map();
  for (const cell of table.cells) {
    let column = byColumn.get(cell.columnIndex);
    if (!column) byColumn.set(cell.columnIndex, (column = new Map()));
    if (!column.has(cell.row)) column.set(cell.row, cell);
  }
  return byColumn;
}

function rounded(value: number, how: Rounding): number {
  // Products such as 8.25 × 8594 carry binary noise: settle it before rounding.
  const settled = Math.round(value * 1e9) / 1e9;
  if (how === "nearest") return Math.round(settled);
  if (how === "down") return Math.floor(settled);
  if (how === "up") return Math.ceil(settled);
  return settled;
}

export interface RelationInput {
  relation: CostRelation;
  columnIndex: number;
  column: { year: number | null; column: CostColumnKind };
  cells: Map<string, CostCell>;
  fiscalYear: number | null;
  unitCostFor: (year: number | null) => UnitCost | undefined;
}

/** The relation on one column; null when it does not apply there (a row missing, a figure blank). */
export function evaluateRelation(input: RelationInput): RelationOutcome | null {
  const { relation, cells, column } = input;
  if (!relation.columns.includes(column.column)) return null;
  const target = cells.get(relation.target);
  if (!target || target.value.value === null) return null;
  const actual = target.value.value;
  const terms: RelationTerm[] = [];
  const factors: RelationFactor[] = [];
  let exact: number;
  if (relation.sum) {
    let printed = 0;
    for (const term of relation.sum) {
      const cell = cells.get(term.row) ?? null;
      if (!cell) {
        if (!term.optional) return null;
        terms.push({ row: term.row, sign: term.sign, cell: null, value: 0 });
        continue;
      }
      if (cell.value.status === "invalid") return null; // project.cost.value.not-numeric says why
      if (cell.value.value === null) {
        if (relation.blankTerms === "skip" && !term.optional) return null;
        terms.push({ row: term.row, sign: term.sign, cell, value: 0 });
        continue;
      }
      printed++;
      terms.push({ row: term.row, sign: term.sign, cell, value: cell.value.value });
    }
    if (printed === 0) return null;
    exact = terms.reduce((total, t) => total + t.sign * t.value, 0);
  } else if (relation.product) {
    for (const factor of relation.product) {
      const cell = cells.get(factor.row) ?? null;
      if (cell && cell.value.value !== null) {
        factors.push({ row: factor.row, cell, value: cell.value.value });
        continue;
      }
      if (cell && cell.value.status === "invalid") return null;
      const unitCost = factor.fallback === "yearUnitCost" ? input.unitCostFor(column.year) : undefined;
      if (!unitCost) return null;
      factors.push({ row: factor.row, cell: null, value: unitCost.value, unitCost });
    }
    // A future year's plan may carry 人件費 0: not set yet, nothing to check.
    const future = column.year !== null && input.fiscalYear !== null && column.year > input.fiscalYear;
    if (actual === 0 && future) return null;
    exact = factors[0].value * factors[1].value;
  } else return null;
  const expected = rounded(exact, relation.round);
  const difference = Math.round((actual - expected) * 1e6) / 1e6;
  const within = Math.abs(difference) <= relation.tolerance;
  const severity = difference === 0 ? null : within ? relation.roundingSeverity : relation.severity;
  return { relation, columnIndex: input.columnIndex, target, terms, factors, expected, exact: rounded(exact, "none"), actual, difference, severity, rounding: within && difference !== 0 };
}

/** The median of some numbers (they are sorted in place). */
function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

const STAFF_COST = "staffCost";
const STAFF_YEARS = "staffYears";

/**
 * Cost per 人工 by unit and year: the settings' figure (千円; × 1,000 for a table in 円), else the
 * median of 人件費 ÷ 人工 over every column of the sheets given that prints both (a handful of
 * sheets with another unit cost do not move a median), rounded to a whole number.
 */
export function unitCosts(models: readonly ProjectSheet[], settings: Settings): (unit: CostUnit | null, year: number | null) => UnitCost | undefined {
  // Inferred on first need only: most tables print their unit cost, or need none.
  let inferred: Map<string, UnitCost> | null = null;
  return (unit, year) => {
    if (year === null) return undefined;
    const given = settings.staffUnitCosts?.[String(year)];
    if (typeof given === "number" && Number.isFinite(given) && given > 0) {
      return { value: unit === "円" ? given * 1000 : given, source: "settings" };
    }
    inferred ??= inferUnitCosts(models);
    return inferred.get(`${unit}:${year}`);
  };
}

function inferUnitCosts(models: readonly ProjectSheet[]): Map<string, UnitCost> {
  const samples = new Map<string, { ratios: number[]; sheets: Set<string> }>();
  for (const model of models) {
    const unit = model.costs.unit.value;
    const grid = cellGrid(model.costs);
    model.costs.columns.forEach((column, i) => {
      const cells = grid.get(i);
      const cost = cells?.get(STAFF_COST)?.value.value ?? null;
      const years = cells?.get(STAFF_YEARS)?.value.value ?? null;
      if (column.year.value === null || cost === null || years === null || cost <= 0 || years <= 0) return;
      const key = `${unit}:${column.year.value}`;
      let sample = samples.get(key);
      if (!sample) samples.set(key, (sample = { ratios: [], sheets: new Set() }));
      sample.ratios.push(cost / years);
      sample.sheets.add(model.sheet);
    });
  }
  const inferred = new Map<string, UnitCost>();
  for (const [key, sample] of samples) {
    inferred.set(key, { value: Math.round(median(sample.ratios)), source: "inferred", columns: sample.ratios.length, sheets: sample.sheets.size });
  }
  return inferred;
}
