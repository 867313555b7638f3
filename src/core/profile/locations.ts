// Where every field of a model was read from, grouped by section: the task pane's
// テンプレート view and `hyoka template show` both list this.

import { boxToA1, fromA1, type RangeBox } from "../grid";
import type { LocalizedText } from "../findings";
import type { EvaluationSheet, Field } from "../model";
import { circled } from "../rules/text";
import { pinTarget } from "./paths";

export interface FieldLocation {
  /** Section heading as on the sheet: 基本情報, 実行計画, …, 参考指標①, 事業費, 事務事業, 用語説明. */
  section: string;
  /** Model path as in findings; tables as `indicators[0].table`, `budget.table`, `evaluation.codes`. */
  path: string;
  label: LocalizedText;
  /** A1 address (a range for tables), null when not found. */
  cell: string | null;
  raw: string;
  pinned: boolean;
}

/** English names of the sections, for the English UI and reports. */
export function sectionTitle(section: string): LocalizedText {
  const indicator = /^参考指標(.+)$/.exec(section);
  if (indicator) return { ja: section, en: `Indicator ${indicator[1]}` };
  const en: Record<string, string> = {
    基本情報: "Basic information",
    実行計画: "Plan",
    成果の説明: "Results",
    評価: "Evaluation",
    事業費: "Budget",
    事務事業: "Projects",
    用語説明: "Glossary",
  };
  return { ja: section, en: en[section] ?? section };
}

const label = (ja: string, en: string): LocalizedText => ({ ja, en });

/** Catalogue label of a pinnable path; `fallback` for the rest. */
function labelOf(path: string, fallback?: LocalizedText): LocalizedText {
  return pinTarget(path)?.label ?? fallback ?? { ja: path, en: path };
}

/** The smallest box around some fields' cells (tables the model keeps no box for). */
function boundingBox(fields: Field<unknown>[]): RangeBox | null {
  let box: RangeBox | null = null;
  for (const f of fields) {
    if (!f.cell) continue;
    const { row, col } = fromA1(f.cell.address);
    box = box
      ? { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) }
      : { top: row, left: col, bottom: row, right: col };
  }
  return box;
}

export function fieldLocations(model: EvaluationSheet): FieldLocation[] {
  const out: FieldLocation[] = [];
  const field = (section: string, path: string, f: Field<unknown>, fallback?: LocalizedText, name?: LocalizedText): void => {
    out.push({ section, path, label: name ?? labelOf(path, fallback), cell: f.cell?.address ?? null, raw: f.raw, pinned: f.pinned === true });
  };
  const table = (section: string, path: string, fields: Field<unknown>[], box: RangeBox | null, pinned: boolean, name?: LocalizedText): void => {
    const found = box ?? boundingBox(fields);
    out.push({ section, path, label: name ?? labelOf(path), cell: found ? boxToA1(found) : null, raw: "", pinned });
  };
  const allPinned = (fields: Field<unknown>[]) => fields.length > 0 && fields.every((f) => f.pinned === true);

  const h = model.header;
  const basic = "基本情報";
  for (const key of ["title", "fiscalYear", "measureCode", "measureName", "department", "basicPolicy", "policyDirection", "basicMeasure", "relatedDepartments", "priority"] as const) {
    field(basic, `header.${key}`, h[key]);
  }

  const plan = "実行計画";
  field(plan, "plan.label", model.plan.label);
  field(plan, "plan.from", model.plan.from, label("計画期間(開始年度)", "Plan start year"));
  field(plan, "plan.to", model.plan.to, label("計画期間(終了年度)", "Plan end year"));
  for (const key of ["issues", "overview", "goals"] as const) field(plan, `texts.${key}`, model.texts[key]);

  const results = "成果の説明";
  field(results, "texts.results", model.texts.results);
  field(results, "texts.remainingIssues", model.texts.remainingIssues);

  const evaluation = "評価";
  const codeFields = model.evaluation.codes.flatMap((c) => [c.year, c.code]);
  table(evaluation, "evaluation.codes", codeFields, null, allPinned(codeFields));
  model.evaluation.codes.forEach((entry, i) => {
    const year = entry.year.value;
    field(evaluation, `evaluation.codes[${i}].year`, entry.year, undefined, label(`評価区分の年度(${i + 1})`, `Evaluation year (${i + 1})`));
    field(
      evaluation,
      `evaluation.codes[${i}].code`,
      entry.code,
      undefined,
      year === null ? label(`評価区分(${i + 1})`, `Evaluation code (${i + 1})`) : label(`${year}年度の評価区分`, `Evaluation code ${year}`),
    );
  });
  field(evaluation, "evaluation.reason", model.evaluation.reason);
  field(evaluation, "texts.futureDirection", model.texts.futureDirection);

  model.indicators.forEach((indicator, i) => {
    const section = `参考指標${circled(i + 1)}`;
    const at = `indicators[${i}]`;
    field(section, `${at}.name`, indicator.name);
    field(section, `${at}.description`, indicator.description);
    field(section, `${at}.direction`, indicator.direction);
    field(section, `${at}.unit`, indicator.unit, label("単位", "Unit"));
    table(section, `${at}.table`, [], indicator.table?.box ?? null, indicator.table?.pinned === true);
    indicator.rows.forEach((row, j) => {
      const year = row.year.value ?? `(${j + 1})`;
      const rowPath = `${at}.rows[${j}]`;
      field(section, `${rowPath}.year`, row.year, undefined, label(`年度(${j + 1}行目)`, `Year (row ${j + 1})`));
      field(section, `${rowPath}.plan`, row.plan, undefined, label(`${year}年度 計画値`, `${year} plan`));
      field(section, `${rowPath}.actual`, row.actual, undefined, label(`${year}年度 実績値`, `${year} actual`));
      field(section, `${rowPath}.unit`, row.unit, undefined, label(`${year}年度 単位`, `${year} unit`));
    });
  });

  const budget = "事業費";
  const budgetFields = model.budget.flatMap((y) => [y.year, y.planned, y.budget, y.settlement]);
  table(budget, "budget.table", budgetFields, null, allPinned(budgetFields));
  model.budget.forEach((entry, j) => {
    const year = entry.year.value ?? `(${j + 1})`;
    const at = `budget[${j}]`;
    field(budget, `${at}.year`, entry.year, undefined, label(`年度(${j + 1}列目)`, `Year (${j + 1})`));
    field(budget, `${at}.planned`, entry.planned, undefined, label(`${year}年度 計画事業費`, `${year} planned cost`));
    field(budget, `${at}.budget`, entry.budget, undefined, label(`${year}年度 予算`, `${year} budget`));
    field(
      budget,
      `${at}.settlement`,
      entry.settlement,
      undefined,
      entry.settlementIsForecast ? label(`${year}年度 決算見込`, `${year} settlement (forecast)`) : label(`${year}年度 決算`, `${year} settlement`),
    );
  });

  const projects = "事務事業";
  model.projects.forEach((project, j) => {
    field(projects, `projects[${j}].name`, project.name, undefined, label(`事務事業名(${j + 1})`, `Project name (${j + 1})`));
    field(projects, `projects[${j}].status`, project.status, undefined, label(`達成状況(${j + 1})`, `Project status (${j + 1})`));
  });

  field("用語説明", "texts.glossary", model.texts.glossary);
  return out;
}
