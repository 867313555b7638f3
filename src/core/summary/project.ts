// Per-project figures of a 事務事業評価シート: its cost table column by column in the report's
// shape, and per year what finance reads off it — 執行率 (決算 ÷ 予算 of 事業費 A), the 一般財源
// and 人件費 shares, 総コスト — plus its indicators' 達成率 as on a 施策 sheet.

import type { CostCell, CostColumnKind, ProjectSheet } from "../model";
import { cellGrid, type CostGrid } from "../costs/evaluate";
import type { Settings } from "../settings";
import { summarizeIndicators, type IndicatorWindow } from "./indicators";
import { ratio } from "./rates";
import type { ProjectCostSummary, ProjectFunding, ProjectSummary, ProjectYearSummary } from "./types";

/** Cost-table row ids behind the report's fixed keys. */
export const SUMMARY_ROWS = {
  projectCost: "projectCost",
  staffCost: "staffCost",
  totalCost: "totalCost",
  staffYears: "staffYears",
} as const;

export const FUNDING_ROWS: Record<keyof ProjectFunding, string> = {
  national: "national",
  prefectural: "prefectural",
  bonds: "bonds",
  other: "otherFunding",
  general: "general",
};

/** A row some forms print beside その他特財 (杉並 受益者負担分, 貝塚 使用料及び手数料): part of `other`. */
const USER_CHARGES = "userCharges";

/** The figures' sum; null when none is printed. */
const sumOf = (values: (number | null)[]): number | null => values.reduce<number | null>((total, v) => (v === null ? total : (total ?? 0) + v), null);

const NO_CELLS: ReadonlyMap<string, CostCell> = new Map();
const valueIn = (cells: ReadonlyMap<string, CostCell>, row: string): number | null => cells.get(row)?.value.value ?? null;
const addressIn = (cells: ReadonlyMap<string, CostCell>, row: string): string | null => cells.get(row)?.value.cell?.address ?? null;

function costColumns(model: ProjectSheet, grid: CostGrid): ProjectCostSummary[] {
  return model.costs.columns.map((header, i) => {
    const cells = grid.get(i) ?? NO_CELLS;
    return {
      year: header.year.value,
      column: header.column,
      forecast: header.forecast,
      projectCost: valueIn(cells, SUMMARY_ROWS.projectCost),
      staffCost: valueIn(cells, SUMMARY_ROWS.staffCost),
      totalCost: valueIn(cells, SUMMARY_ROWS.totalCost),
      staffYears: valueIn(cells, SUMMARY_ROWS.staffYears),
      funding: {
        national: valueIn(cells, FUNDING_ROWS.national),
        prefectural: valueIn(cells, FUNDING_ROWS.prefectural),
        bonds: valueIn(cells, FUNDING_ROWS.bonds),
        // その他特財, with 受益者負担 / 使用料及び手数料 where a form prints them apart.
        other: sumOf([valueIn(cells, FUNDING_ROWS.other), valueIn(cells, USER_CHARGES)]),
        general: valueIn(cells, FUNDING_ROWS.general),
      },
      cells: {
        projectCost: addressIn(cells, SUMMARY_ROWS.projectCost),
        staffCost: addressIn(cells, SUMMARY_ROWS.staffCost),
        totalCost: addressIn(cells, SUMMARY_ROWS.totalCost),
        staffYears: addressIn(cells, SUMMARY_ROWS.staffYears),
        general: addressIn(cells, FUNDING_ROWS.general),
      },
    };
  });
}

/** The first column of a year and kind that has a figure in `pick`, else the first of that kind. */
function columnOf(columns: ProjectCostSummary[], year: number, kinds: CostColumnKind[], pick: (c: ProjectCostSummary) => number | null): ProjectCostSummary | undefined {
  for (const kind of kinds) {
    const found = columns.find((c) => c.year === year && c.column === kind && pick(c) !== null);
    if (found) return found;
  }
  return undefined;
}

function yearSummaries(columns: ProjectCostSummary[]): ProjectYearSummary[] {
  const years = [...new Set(columns.map((c) => c.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  return years.map((year) => {
    const budget = columnOf(columns, year, ["budget"], (c) => c.projectCost);
    const settlement = columnOf(columns, year, ["settlement"], (c) => c.projectCost);
    // Funding is printed under 予算額 and 計画事業費 only (Kawasaki); other templates print it under 決算.
    const funded = columnOf(columns, year, ["budget", "plan", "settlement"], (c) => c.funding.general);
    const costed = columnOf(columns, year, ["settlement", "budget", "plan"], (c) => c.totalCost);
    const settlementValue = settlement?.projectCost ?? null;
    const budgetValue = budget?.projectCost ?? null;
    return {
      year,
      budget: budgetValue,
      settlement: settlementValue,
      settlementIsForecast: settlement?.forecast ?? false,
      executionRate: ratio(settlementValue, budgetValue),
      generalShare: funded ? ratio(funded.funding.general, funded.projectCost) : null,
      staffShare: costed ? ratio(costed.staffCost, costed.totalCost) : null,
      totalCost: costed?.totalCost ?? null,
    };
  });
}

/** 達成度 as the report gives it: a number on a numeric scale, the canonical text otherwise. */
function achievementValue(value: string | null): number | string | null {
  if (value === null) return null;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function policyArea(model: ProjectSheet): string | null {
  const top = model.header.policy[0];
  if (!top) return null;
  const parts = [top.code.value, top.name.value].filter((p): p is string => p !== null && p !== "");
  return parts.length ? parts.join(" ") : null;
}

/** A project's indicators are judged over every year of their table; the 基準値 is their own. */
export function projectWindow(model: ProjectSheet): IndicatorWindow {
  return { fiscalYear: model.header.fiscalYear.value, from: null, to: null };
}

/** `grid`: the table's cells by column and row, when the caller has built it already (the engine shares it with the rules). */
export function summarizeProject(model: ProjectSheet, settings: Settings, grid: CostGrid = cellGrid(model.costs)): ProjectSummary {
  const costs = costColumns(model, grid);
  return {
    projectCode: model.header.projectCode.value,
    projectName: model.header.projectName.value,
    department: model.header.department.value,
    organizationCode: model.header.organizationCode.value,
    fiscalYear: model.header.fiscalYear.value,
    policyArea: policyArea(model),
    achievement: achievementValue(model.achievement.value),
    direction: model.direction.value,
    costUnit: model.costs.unit.value,
    costs,
    years: yearSummaries(costs),
    indicators: summarizeIndicators(model.indicators, projectWindow(model), settings),
  };
}
