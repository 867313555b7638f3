// Every threshold a rule or summary uses. Defaults follow DOMAIN.md; users change them in
// the task pane's 設定 tab or with CLI flags.

import type { Language } from "./findings";

export interface Settings {
  /** 達成率 for lower-is-better indicators: 計画/実績 (`inverse`) or 2 − 実績/計画 (`two-minus`). */
  lowerIsBetter: "inverse" | "two-minus";
  /**
   * `absolute`: 実績/計画 (or the lower-is-better form).
   * `change-from-base`: (実績 − 基準)/(計画 − 基準), 基準 = the row before the plan period.
   */
  rateBasis: "absolute" | "change-from-base";
  /** Grade thresholds as fractions: ≥ achieved → 達成, ≥ nearly → 概ね達成, below → 未達成. */
  gradeAchieved: number;
  gradeNearly: number;
  /** budget.plan-deviation fires when |予算/計画事業費 − 1| exceeds this (0.2 = ±20%). */
  budgetPlanDeviation: number;
  /**
   * evaluation.letter.implausible: an A when at least this share of rated indicators is
   * below `implausibleLowRate` in the evaluation year, or a C when every rated indicator is
   * achieved.
   */
  implausibleShare: number;
  implausibleLowRate: number;
  /** Roll-up flags: high-spend-low-achievement when 執行率 ≥ this and mean 達成率 < gradeNearly. */
  rollupHighSpend: number;
  /** Roll-up flag under-execution when 執行率 < this. */
  rollupUnderExecution: number;
  /**
   * 事務事業 cost per 人工 by fiscal year (千円; "2024": 8594), for Kawasaki's 人件費 = 人工 × cost
   * per 人工. A year not given here is inferred from the sheets checked together.
   */
  staffUnitCosts: Record<string, number>;
  /**
   * project.cost.settlement-over-budget is an info finding (supplementary budgets make 決算 > 予算
   * common) and a warning past this share over the budget (0.2 = 決算 more than 120% of 予算).
   */
  settlementOverBudgetWarning: number;
  /** project.achievement.implausible: how far (as a rate) the indicators may lie outside the range a 達成度 claims. */
  achievementTolerance: number;
  /** project.code.invalid: what a 事務事業コード looks like (a regular expression; Kawasaki: 8 digits). */
  projectCodePattern: string;
  /**
   * link.cost.mismatch: how far (in the 施策's unit, 千円) its 事業費 may be from the sum of its
   * projects' 事業費 A; 0 = exactly (Kawasaki's 事業費合計 is their sum).
   */
  linkCostTolerance: number;
  language: Language;
}

export const DEFAULT_SETTINGS: Settings = {
  lowerIsBetter: "inverse",
  rateBasis: "absolute",
  gradeAchieved: 1.0,
  gradeNearly: 0.8,
  budgetPlanDeviation: 0.2,
  implausibleShare: 0.5,
  implausibleLowRate: 0.8,
  rollupHighSpend: 0.9,
  rollupUnderExecution: 0.7,
  staffUnitCosts: {},
  settlementOverBudgetWarning: 0.2,
  achievementTolerance: 0.1,
  projectCodePattern: "^[0-9]{8}$",
  linkCostTolerance: 0,
  language: "ja",
};

export function withDefaults(partial: Partial<Settings> | undefined): Settings {
  return { ...DEFAULT_SETTINGS, ...(partial ?? {}) };
}
