// value.normalized: every Field the normalizer had to rewrite, wherever it sits in the model.

import type { EvaluationSheet, Field, Indicator, ProjectHeader, ProjectSheet, ProjectTexts, SheetHeader, SheetTexts } from "../model";
import { localizeNote } from "../normalize";
import type { FindingDraft, Rule } from "./types";

type AnyField = Field<unknown>;

/** A normalized Field and its model path (`indicators[0].rows[2].actual`). */
export interface NormalizedField {
  path: string;
  field: AnyField;
}

// In model.ts order, which is also the reader's: the first path of a cell shared by two fields
// (an indicator's unit and the row it came from) is the one reported.
const HEADER_KEYS: readonly (keyof SheetHeader)[] = [
  "title", "fiscalYear", "measureCode", "measureName", "department",
  "basicPolicy", "policyDirection", "basicMeasure", "relatedDepartments", "priority",
];
const PLAN_KEYS = ["label", "from", "to"] as const;
const TEXT_KEYS: readonly (keyof SheetTexts)[] = ["issues", "overview", "goals", "results", "remainingIssues", "futureDirection", "glossary"];
const INDICATOR_KEYS = ["name", "description", "direction", "unit"] as const;
const ROW_KEYS = ["year", "plan", "actual", "unit"] as const;
const BUDGET_KEYS = ["year", "planned", "budget", "settlement"] as const;
const PROJECT_KEYS = ["name", "status"] as const;
const PROJECT_HEADER_KEYS: readonly (keyof ProjectHeader)[] = [
  "title", "fiscalYear", "projectCode", "projectName", "listed", "organizationCode", "department", "implementation", "basis",
];
const PROJECT_TEXT_KEYS: readonly (keyof ProjectTexts)[] = ["target", "purpose", "content", "results"];

/**
 * Every normalized Field of the model with its path, in model order. A typed walk of the known
 * shape: this rule runs on every sheet, and a generic walk with a path string per step cost
 * a tenth of checkSheet. Path strings are built only for the (few) normalized fields.
 * Evaluation codes are left out: evaluation.code.normalized reports them in its own words.
 */
export function normalizedFieldsOf(model: EvaluationSheet): NormalizedField[] {
  const out: NormalizedField[] = [];
  const { header, plan, texts, evaluation } = model;
  for (const key of HEADER_KEYS) if (header[key].status === "normalized") out.push({ path: `header.${key}`, field: header[key] });
  for (const key of PLAN_KEYS) if (plan[key].status === "normalized") out.push({ path: `plan.${key}`, field: plan[key] });
  for (const key of TEXT_KEYS) if (texts[key].status === "normalized") out.push({ path: `texts.${key}`, field: texts[key] });
  if (evaluation.reason.status === "normalized") out.push({ path: "evaluation.reason", field: evaluation.reason });
  evaluation.codes.forEach((entry, i) => {
    if (entry.year.status === "normalized") out.push({ path: `evaluation.codes[${i}].year`, field: entry.year });
  });
  indicatorFields(model.indicators, out);
  model.budget.forEach((year, i) => {
    for (const key of BUDGET_KEYS) if (year[key].status === "normalized") out.push({ path: `budget[${i}].${key}`, field: year[key] });
  });
  model.projects.forEach((project, i) => {
    for (const key of PROJECT_KEYS) if (project[key].status === "normalized") out.push({ path: `projects[${i}].${key}`, field: project[key] });
  });
  return out;
}

/** `keys`: the row fields to look at (a project's year headers are the form's print, like its cost table's). */
function indicatorFields(indicators: readonly Indicator[], out: NormalizedField[], keys: readonly (typeof ROW_KEYS)[number][] = ROW_KEYS): void {
  indicators.forEach((ind, i) => {
    for (const key of INDICATOR_KEYS) if (ind[key].status === "normalized") out.push({ path: `indicators[${i}].${key}`, field: ind[key] });
    if ("base" in ind && (ind.base as Field<unknown>).status === "normalized") out.push({ path: `indicators[${i}].base`, field: ind.base as Field<unknown> });
    ind.rows.forEach((row, j) => {
      for (const key of keys) if (row[key].status === "normalized") out.push({ path: `indicators[${i}].rows[${j}].${key}`, field: row[key] });
    });
  });
}

/**
 * The same for a project sheet: header, texts, cost figures and indicators. The year headers of
 * its tables (R4年度, printed by the form) and 達成度 / 方向性区分 (project.scale.normalized) are
 * left out.
 */
export function normalizedProjectFieldsOf(model: ProjectSheet): NormalizedField[] {
  const out: NormalizedField[] = [];
  const { header, texts } = model;
  for (const key of PROJECT_HEADER_KEYS) {
    const field = header[key] as Field<unknown>;
    if (field.status === "normalized") out.push({ path: `header.${key}`, field });
  }
  for (const key of PROJECT_TEXT_KEYS) if (texts[key].status === "normalized") out.push({ path: `texts.${key}`, field: texts[key] });
  model.costs.cells.forEach((cell, k) => {
    if (cell.value.status === "normalized") out.push({ path: `costs.cells[${k}].value`, field: cell.value });
  });
  indicatorFields(model.indicators, out, ["plan", "actual", "unit"]);
  return out;
}

function shown(value: unknown): string {
  if (Array.isArray(value)) return value.join("、");
  return String(value);
}

export const valueRules: Rule[] = [
  {
    id: "value.normalized",
    severity: "info",
    scope: "sheet",
    title: { ja: "値を正規化して読み取り", en: "Value normalized" },
    description: {
      ja: "全角数字・桁区切り・文字列の数値・△・和暦などを正規化して読みました(セルごとに1回)。",
      en: "A value was read after normalization (full-width digits, separators, numbers as text, △, era years…), once per cell.",
    },
    check: ({ model }) => normalizedFindings(normalizedFieldsOf(model)),
    checkProject: ({ model }) => normalizedFindings(normalizedProjectFieldsOf(model)),
  },
];

/** One finding per normalized cell (the first path of a cell shared by two fields). */
function normalizedFindings(fields: NormalizedField[]): FindingDraft[] {
  const seen = new Set<string>();
  const out: FindingDraft[] = [];
  for (const { path, field } of fields) {
    const key = field.cell ? `${field.cell.sheet}!${field.cell.address}` : path;
    if (seen.has(key)) continue;
    seen.add(key);
    const value = shown(field.value);
    const note = field.note ? localizeNote(field.note) : null;
    out.push({
      cell: field.cell?.address ?? null,
      path,
      message: {
        ja: `セル${field.cell?.address ?? ""}の「${field.raw}」を「${value}」として読みました${note ? `(${note.ja})` : ""}。`,
        en: `Cell ${field.cell?.address ?? ""} "${field.raw}" was read as "${value}"${note ? ` (${note.en})` : ""}.`,
      },
      raw: field.raw,
      expected: { ja: `「${value}」`, en: `"${value}"` },
    });
  }
  return out;
}
