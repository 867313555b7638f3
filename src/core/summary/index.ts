// Per-sheet summary figures: 達成率 per indicator and year, progress of cumulative
// indicators, 執行率 and 予算/計画事業費 per budget year, the 評価区分 per year.

import type { EvaluationCode, EvaluationSheet, Field, Indicator, IndicatorRow } from "../model";
import type { Settings } from "../settings";
import { achievementRate, gradeOf, ratio, RATE_UNDEFINED_REASONS } from "./rates";
import type { BudgetYearSummary, IndicatorSummary, IndicatorYearSummary, SheetSummary } from "./types";

export { achievementRate, gradeOf, ratio, RATE_UNDEFINED_REASONS } from "./rates";
export type { RateUndefinedReason, RateResult } from "./rates";
export { rollUp } from "./rollup";

const addressOf = (f: Field<unknown>): string | null => f.cell?.address ?? null;

/** The year before the plan period, whose row holds the starting value (基準). */
export function baseYearOf(model: EvaluationSheet): number | null {
  const from = model.plan.from.value;
  return from === null ? null : from - 1;
}

/** Whether a year belongs to the plan period; every year does when the period is unknown. */
export function isPlanYear(model: EvaluationSheet, year: number): boolean {
  const from = model.plan.from.value;
  const to = model.plan.to.value;
  return (from === null || year >= from) && (to === null || year <= to);
}

/** The plan years from..to; empty when the period is unknown or absurd. */
export function planYears(model: EvaluationSheet): number[] {
  const from = model.plan.from.value;
  const to = model.plan.to.value;
  if (from === null || to === null || to < from || to - from > 50) return [];
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}

function baseRowOf(model: EvaluationSheet, indicator: Indicator): IndicatorRow | null {
  const baseYear = baseYearOf(model);
  if (baseYear === null) return null;
  return indicator.rows.find((r) => r.year.value === baseYear) ?? null;
}

function rowCells(row: IndicatorRow): IndicatorYearSummary["cells"] {
  return { year: addressOf(row.year), plan: addressOf(row.plan), actual: addressOf(row.actual) };
}

function summarizeIndicator(model: EvaluationSheet, indicator: Indicator, settings: Settings): IndicatorSummary {
  const baseRow = baseRowOf(model, indicator);
  // 基準 is the starting value: the base row's 実績値 (its 計画値 when the actual is blank).
  const baseValue = baseRow ? (baseRow.actual.value ?? baseRow.plan.value) : null;
  const direction = indicator.direction.value;

  const years: IndicatorYearSummary[] = [];
  for (const row of indicator.rows) {
    const year = row.year.value;
    if (year === null || row === baseRow || !isPlanYear(model, year)) continue;
    const plan = row.plan.value;
    const actual = row.actual.value;
    const result = achievementRate(direction, plan, actual, baseValue, settings);
    const entry: IndicatorYearSummary = {
      year,
      plan,
      actual,
      rate: result.rate,
      grade: gradeOf(result.rate, settings),
      cells: rowCells(row),
    };
    if (result.rate === null) entry.rateUndefinedReason = RATE_UNDEFINED_REASONS[result.reason].en;
    years.push(entry);
  }

  const base: IndicatorYearSummary | null = baseRow
    ? {
        year: baseRow.year.value as number,
        plan: baseRow.plan.value,
        actual: baseRow.actual.value,
        rate: null,
        grade: null,
        rateUndefinedReason: RATE_UNDEFINED_REASONS.baseYear.en,
        cells: rowCells(baseRow),
      }
    : null;

  return {
    index: indicator.index,
    name: indicator.name.value ?? "",
    direction,
    unit: indicator.unit.value,
    cumulative: indicator.cumulative,
    years,
    progress: indicator.cumulative ? cumulativeProgress(model, indicator) : null,
    base,
  };
}

/** Latest 実績値 (latest year ≤ 評価年度 with an actual) ÷ the final plan year's 計画値. */
export function cumulativeProgress(model: EvaluationSheet, indicator: Indicator): number | null {
  const fiscalYear = model.header.fiscalYear.value;
  let latest: IndicatorRow | null = null;
  for (const row of indicator.rows) {
    const year = row.year.value;
    if (year === null || row.actual.value === null) continue;
    if (fiscalYear !== null && year > fiscalYear) continue;
    if (latest === null || year > (latest.year.value as number)) latest = row;
  }
  const finalYear = model.plan.to.value ?? maxYear(indicator.rows);
  const finalRow = indicator.rows.find((r) => r.year.value !== null && r.year.value === finalYear);
  return ratio(latest?.actual.value ?? null, finalRow?.plan.value ?? null);
}

function maxYear(rows: IndicatorRow[]): number | null {
  let max: number | null = null;
  for (const r of rows) if (r.year.value !== null && (max === null || r.year.value > max)) max = r.year.value;
  return max;
}

function summarizeBudget(model: EvaluationSheet): BudgetYearSummary[] {
  const out: BudgetYearSummary[] = [];
  for (const b of model.budget) {
    if (b.year.value === null) continue;
    out.push({
      year: b.year.value,
      planned: b.planned.value,
      budget: b.budget.value,
      settlement: b.settlement.value,
      settlementIsForecast: b.settlementIsForecast,
      executionRate: ratio(b.settlement.value, b.budget.value),
      budgetToPlan: ratio(b.budget.value, b.planned.value),
      cells: { planned: addressOf(b.planned), budget: addressOf(b.budget), settlement: addressOf(b.settlement) },
    });
  }
  return out;
}

function evaluationMap(model: EvaluationSheet): Record<string, EvaluationCode> {
  const map: Record<string, EvaluationCode> = {};
  for (const entry of model.evaluation.codes) {
    if (entry.year.value !== null && entry.code.value !== null) map[String(entry.year.value)] = entry.code.value;
  }
  return map;
}

export function summarizeSheet(model: EvaluationSheet, settings: Settings): SheetSummary {
  return {
    measureCode: model.header.measureCode.value,
    measureName: model.header.measureName.value,
    department: model.header.department.value,
    fiscalYear: model.header.fiscalYear.value,
    planPeriod: { from: model.plan.from.value, to: model.plan.to.value },
    evaluation: evaluationMap(model),
    indicators: model.indicators.map((ind) => summarizeIndicator(model, ind, settings)),
    budget: summarizeBudget(model),
  };
}
