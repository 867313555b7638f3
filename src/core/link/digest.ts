// What linking needs of one sheet, and nothing more: a compact, plain object that crosses
// worker threads cheaply (the CLI's workers send one per sheet instead of the model). Codes are
// already canonical on the scales the sheet was read with; the (1)'s list statuses are read here
// with the achievement scale, and 方向性区分 / 点検結果 get their resource tags.

import type { SheetResult } from "../engine";
import type { CostColumnKind, EvaluationSheet, Field, ProjectSheet, RollupSheet } from "../model";
import { labelKey, parseScaleValue } from "../normalize";
import { resourceTagOf, type ResourceTag, type ScaleSet } from "../scales";
import { SUMMARY_ROWS } from "../summary";

/** A cell of the sheet (A1), or null when the value was not found. */
type At = string | null;

const at = (f: Field<unknown>): At => f.cell?.address ?? null;

/** A figure of a 施策's 事業費 or of a project's 事業費 A: one year and column kind. */
export interface CostFigure {
  year: number;
  column: CostColumnKind;
  forecast: boolean;
  value: number | null;
  cell: At;
}

/** A name in a list: the (1)'s <配下の事務事業一覧> or the (2)'s projects. */
export interface ListedName {
  /** Position in the model's list (`projects[index]`). */
  index: number;
  name: string;
  /** labelKey of the name: how names are matched across sheets. */
  key: string;
  cell: At;
}

export interface MeasureDigest {
  kind: "evaluation";
  sheet: string;
  measureCode: string | null;
  measureName: string | null;
  fiscalYear: number | null;
  /** 基本政策: the tree's top level. */
  policy: string | null;
  department: string | null;
  /** 評価区分 of the evaluation year, and its cell. */
  evaluationCode: string | null;
  evaluationCodeCell: At;
  /** The list heading's cell, where a project the list lacks is reported. */
  listCell: At;
  projects: (ListedName & { status: string | null; statusRaw: string; statusCell: At })[];
  /** 千円 unless the table says otherwise. */
  budgetUnit: string | null;
  budget: CostFigure[];
}

export interface RollupDigest {
  kind: "rollup";
  sheet: string;
  measureCode: string | null;
  fiscalYear: number | null;
  listCell: At;
  projects: (ListedName & { achievement: string | null; achievementCell: At; inspection: string | null; inspectionTag: ResourceTag | null; inspectionCell: At })[];
  /** The 達成度 table: code → 事業数, for comparing with the project sheets when the list prints no codes. */
  achievementRows: { code: string; projects: number | null; cell: At }[];
}

export interface ProjectDigest {
  kind: "project";
  sheet: string;
  projectCode: string | null;
  projectName: string | null;
  key: string;
  nameCell: At;
  fiscalYear: number | null;
  department: string | null;
  /** The top level of its 政策体系 (`code name`), the tree's top level when no 施策 sheet names one. */
  policy: string | null;
  /** The 施策 its 政策体系 names: an 8-digit code, else a name (labelKey in `key`). */
  measure: { code: string | null; name: string | null; key: string | null; cell: At } | null;
  achievement: string | null;
  achievementCell: At;
  direction: string | null;
  directionTag: ResourceTag | null;
  directionCell: At;
  costUnit: string | null;
  /** 事業費 A per column. */
  costs: CostFigure[];
}

export type LinkDigest = MeasureDigest | RollupDigest | ProjectDigest;

/** Names compare by their label key: width, spacing and dashes do not matter. */
export function nameKey(name: string): string {
  return labelKey(name);
}

function listed(name: Field<string>, index: number): ListedName | null {
  const text = name.value?.trim() ?? "";
  return text === "" ? null : { index, name: text, key: nameKey(text), cell: at(name) };
}

function measureDigest(model: EvaluationSheet, scales: ScaleSet): MeasureDigest {
  const year = model.header.fiscalYear.value;
  const current = model.evaluation.codes.find((c) => c.year.value === year)?.code ?? null;
  const budget: CostFigure[] = [];
  for (const b of model.budget) {
    if (b.year.value === null) continue;
    const figure = (column: CostColumnKind, f: Field<number>, forecast = false): CostFigure => ({ year: b.year.value as number, column, forecast, value: f.value, cell: at(f) });
    budget.push(figure("plan", b.planned), figure("budget", b.budget), figure("settlement", b.settlement, b.settlementIsForecast));
  }
  const projects: MeasureDigest["projects"] = [];
  for (const [i, p] of model.projects.entries()) {
    const name = listed(p.name, i);
    if (!name) continue;
    const status = p.status.value === null ? null : parseScaleValue(scales.achievement, p.status.value).value;
    projects.push({ ...name, status, statusRaw: p.status.raw, statusCell: at(p.status) });
  }
  return {
    kind: "evaluation",
    sheet: model.sheet,
    measureCode: model.header.measureCode.value,
    measureName: model.header.measureName.value,
    fiscalYear: year,
    policy: model.header.basicPolicy.value,
    department: model.header.department.value,
    evaluationCode: current?.value ?? null,
    evaluationCodeCell: current ? at(current) : null,
    listCell: projects[0]?.cell ?? null,
    projects,
    budgetUnit: model.budgetUnit,
    budget,
  };
}

function rollupDigest(model: RollupSheet, scales: ScaleSet): RollupDigest {
  const block = model.blocks.find((b) => b.id === "achievement");
  const projects: RollupDigest["projects"] = [];
  for (const [i, p] of model.projects.entries()) {
    const name = listed(p.name, i);
    if (!name) continue;
    projects.push({
      ...name,
      achievement: p.achievement.value,
      achievementCell: at(p.achievement),
      inspection: p.inspection.value,
      inspectionTag: resourceTagOf(scales.inspection, p.inspection.value),
      inspectionCell: at(p.inspection),
    });
  }
  return {
    kind: "rollup",
    sheet: model.sheet,
    measureCode: model.header.measureCode.value ?? model.header.sheetNameCode,
    fiscalYear: model.header.fiscalYear.value,
    listCell: projects[0]?.cell ?? null,
    projects,
    achievementRows: (block?.rows ?? []).flatMap((r) => (r.code.value === null ? [] : [{ code: r.code.value, projects: r.projects.value, cell: at(r.projects) }])),
  };
}

const MEASURE_CODE = /^\d{8}$/;

/**
 * The 政策体系 level that names the 施策: the one with an 8-digit 施策課題 code, else the last level
 * labelled 施策 (施策, 施策課題, 施策(3層) — not 基本施策, a level above).
 */
function measureLevel(model: ProjectSheet): ProjectDigest["measure"] {
  const levels = model.header.policy;
  const level =
    levels.find((l) => l.code.value !== null && MEASURE_CODE.test(l.code.value)) ??
    [...levels].reverse().find((l) => (l.label.value ?? "").replace(/\s/g, "").startsWith("施策"));
  if (!level) return null;
  const code = level.code.value !== null && MEASURE_CODE.test(level.code.value) ? level.code.value : null;
  const name = level.name.value?.trim() || null;
  if (code === null && name === null) return null;
  return { code, name, key: name === null ? null : nameKey(name), cell: at(level.code.value !== null ? level.code : level.name) };
}

function projectDigest(model: ProjectSheet, scales: ScaleSet): ProjectDigest {
  const name = model.header.projectName.value?.trim() || null;
  const top = model.header.policy[0];
  const costs: CostFigure[] = [];
  for (const cell of model.costs.cells) {
    if (cell.row !== SUMMARY_ROWS.projectCost || cell.year === null) continue;
    costs.push({ year: cell.year, column: cell.column, forecast: cell.forecast, value: cell.value.value, cell: at(cell.value) });
  }
  return {
    kind: "project",
    sheet: model.sheet,
    projectCode: model.header.projectCode.value,
    projectName: name,
    key: name === null ? "" : nameKey(name),
    nameCell: at(model.header.projectName),
    fiscalYear: model.header.fiscalYear.value,
    department: model.header.department.value,
    policy: top ? [top.code.value, top.name.value].filter((p) => p !== null && p !== "").join(" ") || null : null,
    measure: measureLevel(model),
    achievement: model.achievement.value,
    achievementCell: at(model.achievement),
    direction: model.direction.value,
    directionTag: resourceTagOf(scales.direction, model.direction.value),
    directionCell: at(model.direction),
    costUnit: model.costs.unit.value,
    costs,
  };
}

/** The digest of a checked sheet; null for sheets linking has no use for. */
export function linkDigest(result: SheetResult, scales: ScaleSet): LinkDigest | null {
  switch (result.kind) {
    case "evaluation":
      return measureDigest(result.model, scales);
    case "rollup":
      return rollupDigest(result.model, scales);
    case "project":
      return projectDigest(result.model, scales);
    default:
      return null;
  }
}
