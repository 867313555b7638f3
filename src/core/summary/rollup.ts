// Budget-vs-results roll-up over many sheets (issue 6 item 1): one line per measure for its
// evaluation year, flagged for finance, plus totals per 作成課 and finding counts.

import type { ProjectResult, SheetResult } from "../engine";
import type { ScaleSet } from "../scales";
import { rollUpProjects } from "./projectRollup";
import type { Settings } from "../settings";
import { ratio } from "./rates";
import type { FindingCounts, Rollup, RollupDepartment, RollupFlag, RollupMeasure, SheetSummary } from "./types";

/** Flag order: the first is the most urgent, and measures sort by it. */
export const ROLLUP_FLAGS: readonly RollupFlag[] = ["overrun", "high-spend-low-achievement", "under-execution"];

function measureOf(file: string | null, sheet: string, summary: SheetSummary, counts: FindingCounts, settings: Settings): RollupMeasure {
  const year = summary.fiscalYear;
  const rates: number[] = [];
  for (const ind of summary.indicators) {
    const entry = ind.years.find((y) => y.year === year);
    if (entry && entry.rate !== null) rates.push(entry.rate);
  }
  const meanRate = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
  const minRate = rates.length ? Math.min(...rates) : null;
  const budgetYear = summary.budget.find((b) => b.year === year);
  const budget = budgetYear?.budget ?? null;
  const settlement = budgetYear?.settlement ?? null;
  const executionRate = budgetYear?.executionRate ?? null;

  const flags: RollupFlag[] = [];
  if (budget !== null && settlement !== null && settlement > budget) flags.push("overrun");
  if (executionRate !== null && executionRate >= settings.rollupHighSpend && meanRate !== null && meanRate < settings.gradeNearly) {
    flags.push("high-spend-low-achievement");
  }
  if (executionRate !== null && executionRate < settings.rollupUnderExecution) flags.push("under-execution");

  return {
    file,
    sheet,
    measureCode: summary.measureCode,
    measureName: summary.measureName,
    department: summary.department,
    fiscalYear: year,
    evaluationCode: year === null ? null : (summary.evaluation[String(year)] ?? null),
    meanRate,
    minRate,
    ratedIndicators: rates.length,
    budget,
    settlement,
    settlementIsForecast: budgetYear?.settlementIsForecast ?? false,
    executionRate,
    budgetToPlan: budgetYear?.budgetToPlan ?? null,
    flags,
    counts,
  };
}

// Flagged measures first (most urgent flag, then more flags), then by code; sheets without a code last.
function compareMeasures(a: RollupMeasure, b: RollupMeasure): number {
  const rank = (m: RollupMeasure) => (m.flags.length ? ROLLUP_FLAGS.indexOf(m.flags[0]) : ROLLUP_FLAGS.length);
  return (
    rank(a) - rank(b) ||
    b.flags.length - a.flags.length ||
    (a.measureCode === null ? 1 : 0) - (b.measureCode === null ? 1 : 0) ||
    (a.measureCode ?? "").localeCompare(b.measureCode ?? "") ||
    (a.file ?? "").localeCompare(b.file ?? "") ||
    a.sheet.localeCompare(b.sheet)
  );
}

/** Null stays null until a figure comes: a sum of nothing is blank, not 0. */
function add(total: number | null, value: number | null): number | null {
  return value === null ? total : (total ?? 0) + value;
}

function departmentTotals(measures: RollupMeasure[]): RollupDepartment[] {
  const byName = new Map<string | null, RollupDepartment & { paired: { budget: number; settlement: number } }>();
  for (const m of measures) {
    let d = byName.get(m.department);
    if (!d) {
      d = {
        department: m.department,
        measures: 0,
        unknownYear: 0,
        budget: null,
        settlement: null,
        settlementForecast: null,
        executionRate: null,
        flags: { overrun: 0, "high-spend-low-achievement": 0, "under-execution": 0 },
        paired: { budget: 0, settlement: 0 },
      };
      byName.set(m.department, d);
    }
    d.measures++;
    if (m.fiscalYear === null) d.unknownYear++;
    d.budget = add(d.budget, m.budget);
    if (m.settlementIsForecast) d.settlementForecast = add(d.settlementForecast, m.settlement);
    else d.settlement = add(d.settlement, m.settlement);
    // 執行率 only from measures with both figures, so a missing 決算 does not look like under-execution.
    if (m.budget !== null && m.settlement !== null) {
      d.paired.budget += m.budget;
      d.paired.settlement += m.settlement;
    }
    for (const f of m.flags) d.flags[f]++;
  }
  return [...byName.values()]
    .map(({ paired, ...d }) => ({ ...d, executionRate: ratio(paired.settlement, paired.budget) }))
    .sort((a, b) => (a.department === null ? 1 : 0) - (b.department === null ? 1 : 0) || (a.department ?? "").localeCompare(b.department ?? ""));
}

export interface RollupOptions {
  /** File of each result (same length): names it on each measure, e.g. two copies of 41303000. */
  files?: readonly string[];
  /** Scales the 達成度 and 方向性区分 distributions are counted on (the defaults when absent). */
  scales?: ScaleSet;
}

export function rollUp(results: readonly SheetResult[], settings: Settings, options: RollupOptions = {}): Rollup {
  const findings: FindingCounts = { error: 0, warning: 0, info: 0 };
  const measures: RollupMeasure[] = [];
  const projects: ProjectResult[] = [];
  const projectFiles: (string | null)[] = [];
  let other = 0;
  let rollups = 0;
  for (const [i, r] of results.entries()) {
    findings.error += r.counts.error;
    findings.warning += r.counts.warning;
    findings.info += r.counts.info;
    if (r.kind === "evaluation") measures.push(measureOf(options.files?.[i] ?? null, r.sheet, r.summary, r.counts, settings));
    else if (r.kind === "project") {
      projects.push(r);
      projectFiles.push(options.files?.[i] ?? null);
    } else if (r.kind === "rollup") rollups++;
    else other++;
  }
  measures.sort(compareMeasures);
  return {
    measures,
    departments: departmentTotals(measures),
    projects: rollUpProjects(projects, { files: projectFiles, scales: options.scales }),
    findings,
    sheets: { evaluation: measures.length, rollup: rollups, project: projects.length, other },
  };
}
