// The model paths a template profile may pin, what each holds (one cell or a table range),
// how its value is read and what it is called on screen. One catalogue for parsing,
// applying, ordering and the テンプレート view.

import type { LocalizedText } from "../findings";
import type { LabelName } from "../vocabulary";

export type PinKind = "cell" | "range";

/** How a pinned cell is read: which normalize parser turns its text into the field's value. */
export type CellReading = "text" | "title" | "year" | "measureCode" | "measureName" | "departments" | "priority" | "direction" | "period";

/** Which reader a pinned range goes through. */
export type RangeReading = "indicatorTable" | "budgetTable" | "evaluationCodes";

export interface PinTarget {
  /** The path with any indicator position replaced by `[]`: `indicators[].table`. */
  family: string;
  /** The indicator position (0-based) for `indicators[n].…`, else null. */
  index: number | null;
  kind: PinKind;
  reading: CellReading | RangeReading;
  label: LocalizedText;
  /** The vocabulary label whose synonyms find this field, when there is one. */
  labelName: LabelName | null;
}

interface FamilySpec {
  family: string;
  kind: PinKind;
  reading: CellReading | RangeReading;
  label: LocalizedText;
  labelName: LabelName | null;
}

const cell = (family: string, reading: CellReading, ja: string, en: string, labelName: LabelName | null): FamilySpec => ({
  family,
  kind: "cell",
  reading,
  label: { ja, en },
  labelName,
});

const range = (family: string, reading: RangeReading, ja: string, en: string, labelName: LabelName | null): FamilySpec => ({
  family,
  kind: "range",
  reading,
  label: { ja, en },
  labelName,
});

/** In display order; serializeProfile sorts pins by it. */
export const PIN_FAMILIES: readonly FamilySpec[] = [
  cell("header.title", "title", "表題", "Title", "title"),
  cell("header.fiscalYear", "year", "評価年度", "Fiscal year", "fiscalYear"),
  cell("header.measureCode", "measureCode", "施策課題(番号)", "Measure code", "measure"),
  cell("header.measureName", "measureName", "施策課題(名称)", "Measure name", "measure"),
  cell("header.department", "text", "作成課", "Department", "department"),
  cell("header.basicPolicy", "text", "基本政策", "Basic policy", "basicPolicy"),
  cell("header.policyDirection", "text", "政策の基本方向", "Policy direction", "policyDirection"),
  cell("header.basicMeasure", "text", "基本施策", "Basic measure", "basicMeasure"),
  cell("header.relatedDepartments", "departments", "関係課", "Related departments", "relatedDepartments"),
  cell("header.priority", "priority", "重点", "Priority", "priority"),
  cell("plan.label", "period", "実行計画(期間)", "Plan period", null),
  cell("texts.issues", "text", "解決すべき課題", "Issues to solve", "issues"),
  cell("texts.overview", "text", "施策の概要", "Overview", "overview"),
  cell("texts.goals", "text", "施策の目標", "Goals", "goals"),
  cell("texts.results", "text", "当該年度の成果", "Results of the year", "results"),
  cell("texts.remainingIssues", "text", "残された課題", "Remaining issues", "remainingIssues"),
  range("evaluation.codes", "evaluationCodes", "評価区分(表)", "Evaluation codes (table)", null),
  cell("evaluation.reason", "text", "評価区分とした理由", "Reason for the evaluation", "evaluationReason"),
  cell("texts.futureDirection", "text", "今後の方向性", "Future direction", "futureDirection"),
  cell("indicators[].name", "text", "参考指標名", "Indicator name", "indicatorName"),
  cell("indicators[].description", "text", "指標の説明", "Indicator description", "description"),
  cell("indicators[].direction", "direction", "指標の方向性", "Indicator direction", "direction"),
  range("indicators[].table", "indicatorTable", "参考指標の表(年度・計画値・実績値)", "Indicator table (year, plan, actual)", "year"),
  range("budget.table", "budgetTable", "事業費の表", "Budget table", "budget"),
  cell("texts.glossary", "text", "用語説明", "Glossary", "glossary"),
];

/** Indicator positions a profile may pin: ① … ⑳. */
export const MAX_INDICATORS = 20;

const INDEXED = /^indicators\[(\d{1,2})\]\.(\w+)$/;

/** What a pin path means, or null for a path that cannot be pinned. */
export function pinTarget(path: string): PinTarget | null {
  let family = path;
  let index: number | null = null;
  const m = INDEXED.exec(path);
  if (m) {
    index = Number(m[1]);
    // "indicators[01]" would be a second spelling of the same pin.
    if (index >= MAX_INDICATORS || String(index) !== m[1]) return null;
    family = `indicators[].${m[2]}`;
  }
  const spec = PIN_FAMILIES.find((f) => f.family === family);
  return spec ? { ...spec, index } : null;
}

/** Sort key of a pin path: catalogue order, then indicator position. */
export function pinOrder(path: string): number {
  const target = pinTarget(path);
  if (!target) return Number.MAX_SAFE_INTEGER;
  const family = PIN_FAMILIES.findIndex((f) => f.family === target.family);
  return family * 100 + (target.index ?? 0);
}

/** The vocabulary label a field is found by (for "add a synonym" in the pane), or null. */
export function labelNameOf(path: string): LabelName | null {
  return pinTarget(path)?.labelName ?? null;
}
