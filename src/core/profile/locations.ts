// Where every field of a model was read from, grouped by section: the task pane's
// テンプレート view and `hyoka template show` both list this.

import { boxToA1, fromA1, type RangeBox } from "../grid";
import type { LocalizedText } from "../findings";
import type { EvaluationSheet, Field, ProjectSheet, RollupSheet } from "../model";
import { circled } from "../format/number";
import { FORECAST_SETTLEMENT } from "../terms";
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
  const projectIndicator = /^(活動|成果)指標(.+)$/.exec(section);
  if (projectIndicator) return { ja: section, en: `${projectIndicator[1] === "活動" ? "Activity" : "Outcome"} indicator ${projectIndicator[2]}` };
  const en: Record<string, string> = {
    基本情報: "Basic information",
    実行計画: "Plan",
    成果の説明: "Results",
    評価: "Evaluation",
    事業費: "Budget",
    事務事業: "Projects",
    用語説明: "Glossary",
    政策体系: "Policy system",
    事業の内容: "The project",
    集計表: "Count tables",
    点検結果: "Inspection results",
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

/** The two kinds of row a location list has: a field at its cell, a table at its range. */
function locationList(out: FieldLocation[]) {
  const field = (section: string, path: string, f: Field<unknown>, fallback?: LocalizedText, name?: LocalizedText): void => {
    out.push({ section, path, label: name ?? labelOf(path, fallback), cell: f.cell?.address ?? null, raw: f.raw, pinned: f.pinned === true });
  };
  const table = (section: string, path: string, fields: Field<unknown>[], box: RangeBox | null, pinned: boolean, name?: LocalizedText): void => {
    const found = box ?? boundingBox(fields);
    out.push({ section, path, label: name ?? labelOf(path), cell: found ? boxToA1(found) : null, raw: "", pinned });
  };
  return { field, table };
}

/** Where every field of a project sheet was read from (read only: pins apply to 施策 sheets). */
export function projectFieldLocations(model: ProjectSheet): FieldLocation[] {
  const out: FieldLocation[] = [];
  const { field, table } = locationList(out);
  const h = model.header;
  const basic = "基本情報";
  const headerNames: Record<string, LocalizedText> = {
    title: label("表題", "Title"),
    fiscalYear: label("評価年度", "Fiscal year"),
    projectCode: label("事務事業コード", "Project code"),
    projectName: label("事務事業名", "Project name"),
    listed: label("計画掲載(有/無)", "Listed in the plan"),
    organizationCode: label("組織コード", "Organization code"),
    department: label("所属", "Department"),
    implementation: label("実施形態", "Implementation"),
    basis: label("実施根拠", "Basis"),
  };
  for (const [key, name] of Object.entries(headerNames)) field(basic, `header.${key}`, h[key as keyof typeof headerNames & keyof typeof h] as Field<unknown>, undefined, name);
  field(basic, "header.period.label", h.period.label, undefined, label("実施期間", "Period"));
  h.policy.forEach((level, i) => field("政策体系", `header.policy[${i}].name`, level.name.cell ? level.name : level.code, undefined, label(level.label.value ?? `(${i + 1})`, level.label.value ?? `Level ${i + 1}`)));
  const texts: Record<keyof ProjectSheet["texts"], LocalizedText> = {
    target: label("対象", "Target"),
    purpose: label("目的", "Purpose"),
    content: label("内容", "Content"),
    results: label("実施結果", "Results"),
  };
  for (const [key, name] of Object.entries(texts)) field("事業の内容", `texts.${key}`, model.texts[key as keyof typeof texts], undefined, name);
  const costs = "事業費";
  table(costs, "costs", [], model.costs.box, false, label("事業費の表", "Cost table"));
  field(costs, "costs.unit", model.costs.unit, undefined, label("単位", "Unit"));
  model.costs.rows.forEach((row, i) => field(costs, `costs.rows[${i}]`, row.label, undefined, label(row.label.value ?? row.row, row.row)));
  model.indicators.forEach((indicator, i) => {
    const section = `${indicator.kind === "activity" ? "活動指標" : "成果指標"}${circled(indicator.index)}`;
    field(section, `indicators[${i}].name`, indicator.name, undefined, label("指標名", "Indicator name"));
    field(section, `indicators[${i}].unit`, indicator.unit, undefined, label("単位", "Unit"));
    field(section, `indicators[${i}].direction`, indicator.direction, undefined, label("方向性", "Direction"));
    field(section, `indicators[${i}].base`, indicator.base, undefined, label("基準値", "Base value"));
    table(section, `indicators[${i}].table`, [], indicator.table?.box ?? null, false, label("指標の表", "Indicator table"));
  });
  field("評価", "achievement", model.achievement, undefined, label("達成度", "Achievement level"));
  field("評価", "direction", model.direction, undefined, label("方向性区分", "Direction class"));
  return out;
}

export function fieldLocations(model: EvaluationSheet): FieldLocation[] {
  const out: FieldLocation[] = [];
  const { field, table } = locationList(out);
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
      entry.settlementIsForecast ? label(`${year}年度 ${FORECAST_SETTLEMENT.inText.ja}`, `${year} ${FORECAST_SETTLEMENT.inText.en}`) : label(`${year}年度 決算`, `${year} settlement`),
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

/** Where every field of a roll-up (2) was read from: its header, each count table (and 合計), 点検結果, the listed projects. */
export function rollupFieldLocations(model: RollupSheet): FieldLocation[] {
  const out: FieldLocation[] = [];
  const { field, table } = locationList(out);
  const h = model.header;
  field("基本情報", "header.title", h.title, undefined, label("表題", "Title"));
  field("基本情報", "header.fiscalYear", h.fiscalYear, undefined, label("評価年度", "Fiscal year"));
  field("基本情報", "header.measureCode", h.measureCode, undefined, label("施策課題", "Measure"));
  model.blocks.forEach((block, i) => {
    const name = label(block.name.value ?? block.id, block.id);
    const fields = [block.name, ...block.rows.flatMap((r) => [r.code, r.projects, r.priority]), ...(block.total ? [block.total.projects, block.total.priority] : [])];
    table("集計表", `blocks[${i}]`, fields, null, false, name);
    if (block.total) field("集計表", `blocks[${i}].total.projects`, block.total.projects, undefined, label(`${name.ja} 合計`, `${block.id} total`));
  });
  if (model.matrix) {
    table("点検結果", "matrix", [model.matrix.label, ...model.matrix.cells.flatMap((c) => [c.letter, c.count])], null, false, label("点検結果", "Inspection matrix"));
  }
  model.projects.forEach((p, i) => field("事務事業", `projects[${i}].name`, p.name, undefined, label("事務事業名", "Project name")));
  return out;
}
