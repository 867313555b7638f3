// The words for the summary's own concepts — grades, indicator directions, why a rate is
// missing — in both languages, once for every front end (task pane, reports, CLI).
// Lower case: they stand inside lines ("Rate 71.3% not achieved"); a front end that shows one
// on its own capitalizes it.

import type { Language, LocalizedText } from "../findings";
import type { Direction } from "../model";
import type { Grade } from "./types";
import { RATE_UNDEFINED_REASONS } from "./rates";

export const GRADE_LABELS: Record<Grade, LocalizedText> = {
  achieved: { ja: "達成", en: "achieved" },
  nearly: { ja: "概ね達成", en: "nearly achieved" },
  not: { ja: "未達成", en: "not achieved" },
};

export function gradeLabel(grade: Grade, language: Language): string {
  return GRADE_LABELS[grade][language];
}

export const DIRECTION_LABELS: Record<Direction, LocalizedText> = {
  higher: { ja: "大きいほどよい", en: "higher is better" },
  lower: { ja: "小さいほどよい", en: "lower is better" },
  target: { ja: "目標値に近いほどよい", en: "closer to target is better" },
};

export function directionLabel(direction: Direction, language: Language): string {
  return DIRECTION_LABELS[direction][language];
}

/** Summaries carry a rate's missing reason in English (`plan is 0`); this finds both wordings. */
export function rateUndefinedReasonOf(reasonEn: string | undefined): LocalizedText | undefined {
  return reasonEn ? Object.values(RATE_UNDEFINED_REASONS).find((r) => r.en === reasonEn) : undefined;
}

/** The reason in `language`; a reason this version does not know, as it came. */
export function rateReasonLabel(reasonEn: string, language: Language): string {
  return rateUndefinedReasonOf(reasonEn)?.[language] ?? reasonEn;
}
