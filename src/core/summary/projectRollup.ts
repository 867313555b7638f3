// Over many 事務事業評価シート: one line per project with its evaluation year's figures, totals
// by 所属 and by policy area (never adding 千円 to 円: one total per unit), and how the 達成度 and
// 方向性区分 are distributed over their scales.

import type { ProjectResult } from "../engine";
import type { CostUnit } from "../model";
import { DEFAULT_SCALES, type Scale, type ScaleSet } from "../scales";
import { ratio } from "./rates";
import type { FindingCounts, ProjectSummary, ProjectYearSummary } from "./types";

/** One project: who it is, its evaluation year's figures (事業費 A: 予算額, 決算額 or 決算見込), its grades and findings. */
export interface ProjectRollupLine
  extends Pick<ProjectSummary, "projectCode" | "projectName" | "department" | "policyArea" | "fiscalYear" | "costUnit" | "achievement" | "direction">,
    Omit<ProjectYearSummary, "year"> {
  /** The file the sheet came from; null within one workbook. */
  file: string | null;
  sheet: string;
  counts: FindingCounts;
}

/** Totals of a group (a 所属 or a policy area) in one money unit. */
export interface ProjectTotals {
  /** The 所属 or the policy area; null when the sheets did not name one. */
  group: string | null;
  costUnit: CostUnit | null;
  projects: number;
  /** Projects whose 評価年度 is unknown: no figures to add (blank, not 0). */
  unknownYear: number;
  budget: number | null;
  /** Σ決算 of closed years only. */
  settlement: number | null;
  /** Σ決算見込, kept apart from 決算. */
  settlementForecast: number | null;
  /** (Σ決算 + Σ決算見込) ÷ Σ予算 over the projects that have both. */
  executionRate: number | null;
  totalCost: number | null;
}

/** How many projects chose each value of a scale (in the scale's order), and how many chose none readable. */
export interface ScaleDistribution {
  scale: string;
  values: Array<{ value: string; count: number }>;
  /** Blank or unreadable. */
  none: number;
}

export interface ProjectRollup {
  projects: ProjectRollupLine[];
  byDepartment: ProjectTotals[];
  byPolicyArea: ProjectTotals[];
  achievement: ScaleDistribution;
  direction: ScaleDistribution;
}

function lineOf(file: string | null, sheet: string, s: ProjectSummary, counts: FindingCounts): ProjectRollupLine {
  const year = s.years.find((y) => y.year === s.fiscalYear);
  return {
    file,
    sheet,
    projectCode: s.projectCode,
    projectName: s.projectName,
    department: s.department,
    policyArea: s.policyArea,
    fiscalYear: s.fiscalYear,
    costUnit: s.costUnit,
    budget: year?.budget ?? null,
    settlement: year?.settlement ?? null,
    settlementIsForecast: year?.settlementIsForecast ?? false,
    executionRate: year?.executionRate ?? null,
    generalShare: year?.generalShare ?? null,
    staffShare: year?.staffShare ?? null,
    totalCost: year?.totalCost ?? null,
    achievement: s.achievement,
    direction: s.direction,
    counts,
  };
}

/** A sum of nothing is blank, not 0. */
const add = (total: number | null, value: number | null): number | null => (value === null ? total : (total ?? 0) + value);

function totalsBy(lines: ProjectRollupLine[], groupOf: (l: ProjectRollupLine) => string | null): ProjectTotals[] {
  const groups = new Map<string, ProjectTotals & { paired: { budget: number; settlement: number } }>();
  for (const l of lines) {
    const key = JSON.stringify([groupOf(l), l.costUnit]);
    let t = groups.get(key);
    if (!t) {
      t = { group: groupOf(l), costUnit: l.costUnit, projects: 0, unknownYear: 0, budget: null, settlement: null, settlementForecast: null, executionRate: null, totalCost: null, paired: { budget: 0, settlement: 0 } };
      groups.set(key, t);
    }
    t.projects++;
    if (l.fiscalYear === null) t.unknownYear++;
    t.budget = add(t.budget, l.budget);
    if (l.settlementIsForecast) t.settlementForecast = add(t.settlementForecast, l.settlement);
    else t.settlement = add(t.settlement, l.settlement);
    t.totalCost = add(t.totalCost, l.totalCost);
    if (l.budget !== null && l.settlement !== null) {
      t.paired.budget += l.budget;
      t.paired.settlement += l.settlement;
    }
  }
  const order = (a: string | null, b: string | null) => (a === null ? 1 : 0) - (b === null ? 1 : 0) || (a ?? "").localeCompare(b ?? "");
  return [...groups.values()]
    .map(({ paired, ...t }) => ({ ...t, executionRate: ratio(paired.settlement, paired.budget) }))
    .sort((a, b) => order(a.group, b.group) || order(a.costUnit, b.costUnit));
}

function distribution(scale: Scale, chosen: Array<number | string | null>): ScaleDistribution {
  const values = scale.values.map((v) => ({ value: v.value, count: 0 }));
  let none = 0;
  for (const c of chosen) {
    const entry = c === null ? undefined : values.find((v) => v.value === String(c));
    if (entry) entry.count++;
    else if (c === null) none++;
    // A value of another scale (a profile's) still counts, after the configured ones.
    else values.push({ value: String(c), count: 1 });
  }
  return { scale: scale.id, values, none };
}

export interface ProjectRollupOptions {
  /** File of each result (same length as the results). */
  files?: readonly (string | null)[];
  scales?: ScaleSet;
}

export function rollUpProjects(results: readonly ProjectResult[], options: ProjectRollupOptions = {}): ProjectRollup {
  const lines = results.map((r, i) => lineOf(options.files?.[i] ?? null, r.sheet, r.summary, r.counts));
  lines.sort((a, b) => (a.projectCode ?? "\uffff").localeCompare(b.projectCode ?? "\uffff") || (a.file ?? "").localeCompare(b.file ?? "") || a.sheet.localeCompare(b.sheet));
  const scales = options.scales ?? DEFAULT_SCALES;
  return {
    projects: lines,
    byDepartment: totalsBy(lines, (l) => l.department),
    byPolicyArea: totalsBy(lines, (l) => l.policyArea),
    achievement: distribution(scales.achievement, lines.map((l) => l.achievement)),
    direction: distribution(scales.direction, lines.map((l) => l.direction)),
  };
}
