// Summary figures, in the shape the JSON report documents (docs/report.md).

import type { Direction, EvaluationCode } from "../model";

export type Grade = "achieved" | "nearly" | "not";

export interface IndicatorYearSummary {
  year: number;
  plan: number | null;
  actual: number | null;
  /** A fraction, unrounded (1.092 = 109.2%); null when undefined. */
  rate: number | null;
  grade: Grade | null;
  /** Why rate is null, in English (`plan is 0`, `actual missing`…); absent when rate is set. */
  rateUndefinedReason?: string;
  /** Cells the figures came from (A1), for live formulas and click-to-cell. */
  cells: { year: string | null; plan: string | null; actual: string | null };
}

export interface IndicatorSummary {
  index: number;
  name: string;
  direction: Direction | null;
  unit: string | null;
  cumulative: boolean;
  years: IndicatorYearSummary[];
  /** Cumulative indicators: latest 実績値 ÷ final-year 計画値; null otherwise or undefined. */
  progress: number | null;
  /**
   * The base-year row (the year before the plan period), kept out of `years` so that
   * years[] holds plan years only; its rate is always null. Null/absent when there is none.
   */
  base?: IndicatorYearSummary | null;
}

export interface BudgetYearSummary {
  year: number;
  planned: number | null;
  budget: number | null;
  settlement: number | null;
  settlementIsForecast: boolean;
  /** 執行率 = 決算 ÷ 予算 */
  executionRate: number | null;
  /** 予算 ÷ 計画事業費 */
  budgetToPlan: number | null;
  cells: { planned: string | null; budget: string | null; settlement: string | null };
}

export interface SheetSummary {
  measureCode: string | null;
  measureName: string | null;
  department: string | null;
  fiscalYear: number | null;
  planPeriod: { from: number | null; to: number | null };
  /** Plan year → canonical code, e.g. { "2011": "AⅡ" }; years without a code are absent. */
  evaluation: Record<string, EvaluationCode>;
  indicators: IndicatorSummary[];
  budget: BudgetYearSummary[];
}

/** Counts of findings per severity for one sheet, file or run. */
export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

/** Roll-up flags (issue 6): thresholds in Settings. */
export type RollupFlag = "overrun" | "high-spend-low-achievement" | "under-execution";

/** One measure (evaluation sheet) of a roll-up, figures for its evaluation year. */
export interface RollupMeasure {
  /** The file the sheet came from (a roll-up over many files); null within one workbook. */
  file: string | null;
  sheet: string;
  measureCode: string | null;
  measureName: string | null;
  department: string | null;
  fiscalYear: number | null;
  /** 評価区分 of the evaluation year (valid codes only). */
  evaluationCode: EvaluationCode | null;
  /** Mean / minimum 達成率 over indicators with a rate in the evaluation year. */
  meanRate: number | null;
  minRate: number | null;
  ratedIndicators: number;
  budget: number | null;
  settlement: number | null;
  settlementIsForecast: boolean;
  executionRate: number | null;
  budgetToPlan: number | null;
  flags: RollupFlag[];
  counts: FindingCounts;
}

/** Totals per 作成課. */
export interface RollupDepartment {
  /** null when the sheets did not name one. */
  department: string | null;
  measures: number;
  /** Measures whose 評価年度 is unknown: they have no figures to add (blank, not 0). */
  unknownYear: number;
  /** Σ予算 of the evaluation years; null when no measure has one. */
  budget: number | null;
  /** Σ決算 (closed years only); null when no measure has one. */
  settlement: number | null;
  /** Σ決算見込 (forecasts, kept apart from 決算); null when no measure has one. */
  settlementForecast: number | null;
  /** (Σ決算 + Σ決算見込) ÷ Σ予算 over the measures that have both, as each measure's 執行率; null when none. */
  executionRate: number | null;
  flags: Record<RollupFlag, number>;
}

export interface Rollup {
  measures: RollupMeasure[];
  departments: RollupDepartment[];
  /** Findings per severity across every sheet (evaluation and other). */
  findings: FindingCounts;
  sheets: { evaluation: number; other: number };
}
