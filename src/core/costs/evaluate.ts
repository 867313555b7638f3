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

/** Cells of a table by column and row id (built once per check: the engine gives it to the summary and the rules). */
export function cellGrid(table: CostTable): CostGrid {
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
  return evaluate(input, true);
}

/**
 * The relation on one column when it has something to report (a difference with a severity);
 * null when it holds or does not apply. Lists the cells only then: most relations hold.
 */
export function relationFinding(input: RelationInput): RelationOutcome | null {
  return evaluate(input, false);
}

function evaluate(input: RelationInput, keepHolding: boolean): RelationOutcome | null {
  const { relation, cells, column } = input;
  if (!relation.columns.includes(column.column)) return null;
  const target = cells.get(relation.target);
  if (!target || target.value.value === null) return null;
  const actual = target.value.value;
  const exact = relation.sum ? sumFigure(relation.sum, relation.blankTerms, cells) : relation.product ? productFigure(relation.product, input, actual) : null;
  if (exact === null) return null;
  const expected = rounded(exact, relation.round);
  const difference = Math.round((actual - expected) * 1e6) / 1e6;
  const within = Math.abs(difference) <= relation.tolerance;
  const severity = difference === 0 ? null : within ? relation.roundingSeverity : relation.severity;
  if (severity === null && !keepHolding) return null;
  const terms = relation.sum ? sumTerms(relation.sum, cells) : [];
  const factors = relation.product ? productFactors(relation.product, input) : [];
  return { relation, columnIndex: input.columnIndex, target, terms, factors, expected, exact: rounded(exact, "none"), actual, difference, severity, rounding: within && difference !== 0 };
}

type SumSpec = NonNullable<CostRelation["sum"]>;
type ProductSpec = NonNullable<CostRelation["product"]>;

/** Σ sign × figure; null when the sum does not apply (a required row missing, a figure unreadable, a skipped blank, nothing printed). A blank term counts 0. */
function sumFigure(sum: SumSpec, blankTerms: CostRelation["blankTerms"], cells: Map<string, CostCell>): number | null {
  let total = 0;
  let printed = 0;
  for (const term of sum) {
    const cell = cells.get(term.row);
    if (!cell) {
      if (!term.optional) return null;
      continue;
    }
    if (cell.value.status === "invalid") return null; // project.cost.value.not-numeric says why
    if (cell.value.value === null) {
      if (blankTerms === "skip" && !term.optional) return null;
      continue;
    }
    printed++;
    total += term.sign * cell.value.value;
  }
  return printed === 0 ? null : total;
}

/** The terms of a sum that applies, as the finding lists them (a missing optional row or a blank as 0). */
function sumTerms(sum: SumSpec, cells: Map<string, CostCell>): RelationTerm[] {
  return sum.map((term) => {
    const cell = cells.get(term.row) ?? null;
    return { row: term.row, sign: term.sign, cell, value: cell?.value.value ?? 0 };
  });
}

/** A factor's printed figure, else the year's cost per 人工 where the factor falls back to it; null when neither. */
function factorOf(factor: ProductSpec[number], input: RelationInput): RelationFactor | null {
  const cell = input.cells.get(factor.row) ?? null;
  if (cell && cell.value.value !== null) return { row: factor.row, cell, value: cell.value.value };
  if (cell && cell.value.status === "invalid") return null;
  const unitCost = factor.fallback === "yearUnitCost" ? input.unitCostFor(input.column.year) : undefined;
  return unitCost ? { row: factor.row, cell: null, value: unitCost.value, unitCost } : null;
}

/** a × b, unrounded; null when a factor is missing, or for a future year's plan whose 人件費 is 0 (not set yet, nothing to check). */
function productFigure(product: ProductSpec, input: RelationInput, actual: number): number | null {
  const a = factorOf(product[0], input);
  const b = a && factorOf(product[1], input);
  if (!a || !b) return null;
  const { column, fiscalYear } = input;
  const future = column.year !== null && fiscalYear !== null && column.year > fiscalYear;
  if (actual === 0 && future) return null;
  return a.value * b.value;
}

function productFactors(product: ProductSpec, input: RelationInput): RelationFactor[] {
  return product.map((factor) => factorOf(factor, input)).filter((f): f is RelationFactor => f !== null);
}

/** The median of some numbers (they are sorted in place). */
function median(values: number[]): number {
  if (values.length === 1) return values[0];
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
  let inferred: InferredCosts | null = null;
  return (unit, year) => {
    if (year === null) return undefined;
    const given = settings.staffUnitCosts?.[String(year)];
    if (typeof given === "number" && Number.isFinite(given) && given > 0) {
      return { value: unit === "円" ? given * 1000 : given, source: "settings" };
    }
    inferred ??= inferUnitCosts(models);
    return inferred.get(unit)?.get(year);
  };
}

/** Per column, the first 人件費 and 人工 cells of a table (as cellGrid would find them, without building it for every sheet checked together). */
function staffCells(table: CostTable): { costs: (CostCell | undefined)[]; years: (CostCell | undefined)[] } {
  const costs: (CostCell | undefined)[] = [];
  const years: (CostCell | undefined)[] = [];
  for (const cell of table.cells) {
    if (cell.row === STAFF_COST) costs[cell.columnIndex] ??= cell;
    else if (cell.row === STAFF_YEARS) years[cell.columnIndex] ??= cell;
  }
  return { costs, years };
}

/** Inferred costs per 人工 by the table's unit (null: unknown), then by year. */
type InferredCosts = Map<CostUnit | null, Map<number, UnitCost>>;

function inferUnitCosts(models: readonly ProjectSheet[]): InferredCosts {
  const samples = new Map<CostUnit | null, Map<number, { ratios: number[]; sheets: Set<string> }>>();
  for (const model of models) {
    const unit = model.costs.unit.value;
    const { costs, years: staffYears } = staffCells(model.costs);
    model.costs.columns.forEach((column, i) => {
      const year = column.year.value;
      const cost = costs[i]?.value.value ?? null;
      const years = staffYears[i]?.value.value ?? null;
      if (year === null || cost === null || years === null || cost <= 0 || years <= 0) return;
      let byYear = samples.get(unit);
      if (!byYear) samples.set(unit, (byYear = new Map()));
      let sample = byYear.get(year);
      if (!sample) byYear.set(year, (sample = { ratios: [], sheets: new Set() }));
      sample.ratios.push(cost / years);
      sample.sheets.add(model.sheet);
    });
  }
  const inferred: InferredCosts = new Map();
  for (const [unit, byYear] of samples) {
    const costs = new Map<number, UnitCost>();
    for (const [year, sample] of byYear) {
      costs.set(year, { value: Math.round(median(sample.ratios)), source: "inferred", columns: sample.ratios.length, sheets: sample.sheets.size });
    }
    inferred.set(unit, costs);
  }
  return inferred;
}
