// Per-sheet summary figures: 達成率 per indicator and year, progress of cumulative
// indicators, 執行率 and 予算/計画事業費 per budget year, the 評価区分 per year.

import { addressOf, type EvaluationCode, type EvaluationSheet, type Indicator } from "../model";
import type { Settings } from "../settings";
import { summarizeIndicators, windowBaseYear, windowProgress, inWindow, windowYears, type IndicatorWindow } from "./indicators";
import { ratio } from "./rates";
import type { BudgetYearSummary, SheetSummary } from "./types";


export { achievementRate, gradeOf, ratio, RATE_UNDEFINED_REASONS } from "./rates";
export type { RateUndefinedReason, RateResult } from "./rates";
export { rollUp } from "./rollup";
export { rollUpProjects, type ProjectRollup, type ProjectRollupLine, type ProjectTotals, type ScaleDistribution } from "./projectRollup";
export { summarizeProject, FUNDING_ROWS, SUMMARY_ROWS } from "./project";
export { summarizeRollupSheet } from "./rollupSheet";
export { summarizeIndicators, type IndicatorWindow } from "./indicators";

/** The plan window of a 施策 sheet: its 評価年度 and plan period. */
export function windowOf(model: EvaluationSheet): IndicatorWindow {
  return { fiscalYear: model.header.fiscalYear.value, from: model.plan.from.value, to: model.plan.to.value };
}

/** The year before the plan period, whose row holds the starting value (基準). */
export function baseYearOf(model: EvaluationSheet): number | null {
  return windowBaseYear(windowOf(model));
}

/** Whether a year belongs to the plan period; every year does when the period is unknown. */
export function isPlanYear(model: EvaluationSheet, year: number): boolean {
  return inWindow(windowOf(model), year);
}

/** The plan years from..to; empty when the period is unknown or absurd. */
export function planYears(model: EvaluationSheet): number[] {
  return windowYears(windowOf(model));
}

/** Latest 実績値 (latest year ≤ 評価年度 with an actual) ÷ the final plan year's 計画値. */
export function cumulativeProgress(model: EvaluationSheet, indicator: Indicator): number | null {
  return windowProgress(windowOf(model), indicator);
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
    indicators: summarizeIndicators(model.indicators, windowOf(model), settings),
    budget: summarizeBudget(model),
  };
}
