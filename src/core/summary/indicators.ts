// 達成率 per indicator and year, over a span of years: the plan period of a 施策 sheet, or
// every year of a project's indicator table. The 基準 (starting value) is the base-year row
// before the span, or a project indicator's own 基準値.

import { addressOf, type Indicator, type IndicatorRow, type ProjectIndicator } from "../model";
import type { Settings } from "../settings";
import { achievementRate, gradeOf, ratio, RATE_UNDEFINED_REASONS } from "./rates";
import type { IndicatorBaseSummary, IndicatorSummary, IndicatorYearSummary } from "./types";

/** The years indicators are judged over; null ends are open. */
export interface IndicatorWindow {
  /** 評価年度: actuals are expected up to it. */
  fiscalYear: number | null;
  from: number | null;
  to: number | null;
}


/** The year before the span, whose row holds the starting value (基準); null when the span is open. */
export function windowBaseYear(span: IndicatorWindow): number | null {
  return span.from === null ? null : span.from - 1;
}

export function inWindow(span: IndicatorWindow, year: number): boolean {
  return (span.from === null || year >= span.from) && (span.to === null || year <= span.to);
}

/** The years from..to; empty when an end is open or the span is absurd. */
export function windowYears(span: IndicatorWindow): number[] {
  const { from, to } = span;
  if (from === null || to === null || to < from || to - from > 50) return [];
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}

function baseRowOf(span: IndicatorWindow, indicator: Indicator): IndicatorRow | null {
  const baseYear = windowBaseYear(span);
  if (baseYear === null) return null;
  return indicator.rows.find((r) => r.year.value === baseYear) ?? null;
}

function rowCells(row: IndicatorRow): IndicatorYearSummary["cells"] {
  return { year: addressOf(row.year), plan: addressOf(row.plan), actual: addressOf(row.actual) };
}

function isProjectIndicator(indicator: Indicator): indicator is ProjectIndicator {
  return "base" in indicator && "kind" in indicator;
}

function summarizeIndicator(span: IndicatorWindow, indicator: Indicator, settings: Settings): IndicatorSummary {
  const baseRow = baseRowOf(span, indicator);
  const ownBase = isProjectIndicator(indicator) ? indicator.base : null;
  // 基準 is the starting value: a project's 基準値, else the base row's 実績値 (its 計画値 when the actual is blank).
  const baseValue = ownBase?.value ?? (baseRow ? (baseRow.actual.value ?? baseRow.plan.value) : null);
  const direction = indicator.direction.value;

  const years: IndicatorYearSummary[] = [];
  for (const row of indicator.rows) {
    const year = row.year.value;
    if (year === null || row === baseRow || !inWindow(span, year)) continue;
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

  let base: IndicatorBaseSummary | null = null;
  if (baseRow) {
    base = {
      year: baseRow.year.value as number,
      plan: baseRow.plan.value,
      actual: baseRow.actual.value,
      rate: null,
      grade: null,
      rateUndefinedReason: RATE_UNDEFINED_REASONS.baseYear.en,
      cells: rowCells(baseRow),
    };
  } else if (ownBase && ownBase.value !== null) {
    base = {
      year: null,
      plan: null,
      actual: ownBase.value,
      rate: null,
      grade: null,
      rateUndefinedReason: RATE_UNDEFINED_REASONS.baseYear.en,
      cells: { year: null, plan: null, actual: addressOf(ownBase) },
    };
  }

  return {
    index: indicator.index,
    name: indicator.name.value ?? "",
    direction,
    unit: indicator.unit.value,
    cumulative: indicator.cumulative,
    years,
    progress: indicator.cumulative ? windowProgress(span, indicator) : null,
    base,
  };
}

export function summarizeIndicators(indicators: readonly Indicator[], span: IndicatorWindow, settings: Settings): IndicatorSummary[] {
  return indicators.map((ind) => summarizeIndicator(span, ind, settings));
}

/** Latest 実績値 (latest year ≤ 評価年度 with an actual) ÷ the final year's 計画値. */
export function windowProgress(span: IndicatorWindow, indicator: Indicator): number | null {
  const fiscalYear = span.fiscalYear;
  let latest: IndicatorRow | null = null;
  for (const row of indicator.rows) {
    const year = row.year.value;
    if (year === null || row.actual.value === null) continue;
    if (fiscalYear !== null && year > fiscalYear) continue;
    if (latest === null || year > (latest.year.value as number)) latest = row;
  }
  const finalYear = span.to ?? maxYear(indicator.rows);
  const finalRow = indicator.rows.find((r) => r.year.value !== null && r.year.value === finalYear);
  return ratio(latest?.actual.value ?? null, finalRow?.plan.value ?? null);
}

function maxYear(rows: IndicatorRow[]): number | null {
  let max: number | null = null;
  for (const r of rows) if (r.year.value !== null && (max === null || r.year.value > max)) max = r.year.value;
  return max;
}
