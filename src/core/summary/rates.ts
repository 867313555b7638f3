// 達成率 and grades. The formula choices are settings (DOMAIN.md § 達成率); each undefined
// rate carries a reason so that a report can say why there is no figure.

import type { Direction } from "../model";
import type { Settings } from "../settings";
import type { Grade } from "./types";

/** Reasons a rate is undefined (English, as in IndicatorYearSummary.rateUndefinedReason) with their Japanese wording. */
export const RATE_UNDEFINED_REASONS = {
  directionUnknown: { en: "direction unknown", ja: "指標の方向性が不明" },
  planMissing: { en: "plan missing", ja: "計画値がない" },
  actualMissing: { en: "actual missing", ja: "実績値がない" },
  planZero: { en: "plan is 0", ja: "計画値が0" },
  actualZero: { en: "actual is 0", ja: "実績値が0(計画値÷実績値が計算できない)" },
  baseMissing: { en: "base year value missing", ja: "基準年度の値がない" },
  planEqualsBase: { en: "plan equals base value", ja: "計画値が基準値と同じ" },
  baseYear: { en: "base year (before the plan period)", ja: "基準年度(計画期間の前年度)" },
  notFinite: { en: "values out of range", ja: "値が極端で計算できない" },
} as const;

export type RateUndefinedReason = keyof typeof RATE_UNDEFINED_REASONS;

export type RateResult = { rate: number; reason?: undefined } | { rate: null; reason: RateUndefinedReason };

/**
 * One 達成率 (a fraction, unrounded).
 * - higher: 実績/計画; lower: 計画/実績 (`inverse`) or 2 − 実績/計画 (`two-minus`);
 * - target (目標値に近いほどよい): 1 − |実績 − 計画| / |計画|, so hitting the target is 100%
 *   and every 1% off in either direction costs 1% — whatever rateBasis says, because a
 *   "share of the way from the base" has no meaning when overshooting is as bad as falling short;
 * - rateBasis `change-from-base` (higher and lower): (実績 − 基準)/(計画 − 基準).
 */
export function achievementRate(
  direction: Direction | null,
  plan: number | null,
  actual: number | null,
  base: number | null,
  settings: Settings,
): RateResult {
  const result = rawAchievementRate(direction, plan, actual, base, settings);
  // 1e308 ÷ 0.1 or 273 ÷ 5e-324: Infinity would print as "Infinity%" and grade as achieved.
  if (result.rate !== null && !Number.isFinite(result.rate)) return { rate: null, reason: "notFinite" };
  return result;
}

function rawAchievementRate(
  direction: Direction | null,
  plan: number | null,
  actual: number | null,
  base: number | null,
  settings: Settings,
): RateResult {
  if (direction === null) return { rate: null, reason: "directionUnknown" };
  if (plan === null) return { rate: null, reason: "planMissing" };
  if (actual === null) return { rate: null, reason: "actualMissing" };
  if (direction !== "target" && settings.rateBasis === "change-from-base") {
    if (base === null) return { rate: null, reason: "baseMissing" };
    if (plan === base) return { rate: null, reason: "planEqualsBase" };
    return { rate: (actual - base) / (plan - base) };
  }
  if (plan === 0) return { rate: null, reason: "planZero" };
  if (direction === "higher") return { rate: actual / plan };
  if (direction === "target") return { rate: 1 - Math.abs(actual - plan) / Math.abs(plan) };
  if (settings.lowerIsBetter === "two-minus") return { rate: 2 - actual / plan };
  if (actual === 0) return { rate: null, reason: "actualZero" };
  return { rate: plan / actual };
}

/** Grade of an unrounded rate (thresholds from settings). */
export function gradeOf(rate: number | null, settings: Settings): Grade | null {
  if (rate === null) return null;
  if (rate >= settings.gradeAchieved) return "achieved";
  if (rate >= settings.gradeNearly) return "nearly";
  return "not";
}

/** a ÷ b, null when either is missing, b is 0 or the quotient overflows. */
export function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0) return null;
  const q = a / b;
  return Number.isFinite(q) ? q : null;
}
