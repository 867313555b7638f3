// A project sheet's figures in the text and Markdown reports: 達成度 and 方向性区分, the cost
// table column by column (in the table's own unit), and per year 執行率, the 一般財源 and 人件費
// shares and 総コスト. Cell text is escaped by the caller's own function (safe / mdCell).

import type { Language } from "../findings";
import type { CostColumnKind, CostUnit } from "../model";
import { formatNumber, formatRate } from "../format/number";
import { label, type LabelKey } from "./labels";
import type { ReportProjectCost, ReportProjectSummary } from "./types";

/** `(単位:千円)`, `(単位:円)`, or that the table gave none. */
export function unitWords(unit: CostUnit | null, lang: Language): string {
  return label(unit === "千円" ? "unitThousandYen" : unit === "円" ? "unitYen" : "unitUnknown", lang);
}

const KIND_LABELS: Record<CostColumnKind, LabelKey> = { plan: "planned", budget: "budgetAmount", settlement: "settlement" };

/** `予算`, `決算`, `決算見込`, `計画事業費`. */
function columnWords(cost: ReportProjectCost, lang: Language): string {
  return label(cost.forecast ? "forecast" : KIND_LABELS[cost.column], lang);
}

/** The 達成度 · 方向性区分 line. */
export function projectHeadline(s: ReportProjectSummary, lang: Language): string {
  return `${label("achievementLevel", lang)} ${s.achievement ?? "-"} · ${label("directionClass", lang)} ${s.direction ?? "-"}`;
}

/** Rows of the cost table: year, column, 事業費 A, 人件費 B, 総コスト, 人工, 一般財源. */
export function costRows(s: ReportProjectSummary, lang: Language): string[][] {
  return s.costs.map((c) => [
    c.year === null ? "?" : String(c.year),
    columnWords(c, lang),
    formatNumber(c.projectCost),
    formatNumber(c.staffCost),
    formatNumber(c.totalCost),
    formatNumber(c.staffYears),
    formatNumber(c.funding.general),
  ]);
}

export const COST_HEADERS: readonly LabelKey[] = ["year", "column", "projectCost", "staffCost", "totalCost", "staffYears", "generalRevenue"];

/** Rows per year: 予算, 決算 (見込), 執行率, 一般財源比率, 人件費比率, 総コスト. */
export function yearRows(s: ReportProjectSummary, lang: Language): string[][] {
  return s.years.map((y) => [
    String(y.year),
    formatNumber(y.budget),
    `${formatNumber(y.settlement)}${y.settlementIsForecast && y.settlement !== null ? ` (${label("forecast", lang)})` : ""}`,
    formatRate(y.executionRate),
    formatRate(y.generalShare),
    formatRate(y.staffShare),
    formatNumber(y.totalCost),
  ]);
}

export const YEAR_HEADERS: readonly LabelKey[] = ["year", "budgetAmount", "settlement", "executionRate", "generalShare", "staffShare", "totalCost"];
