// The linked 施策 as a tree for the views: 政策 → 施策 → 事務事業, each with the figures of its
// evaluation year (予算, 決算 or 決算見込, 執行率) and its grades, every figure with the sheet and
// cell it came from so a view can take the user there.

import { ratio } from "../summary/rates";
import { projectFigure, type LinkGroup } from "./index";

/** A figure and where it is (sheet and cell null when it was not found). */
export interface TreeFigure {
  value: number | string | null;
  file: string | null;
  sheet: string | null;
  cell: string | null;
}

export interface TreeProject {
  name: string;
  code: string | null;
  listed: boolean;
  /** No sheet was checked for a listed project. */
  missing: boolean;
  budget: TreeFigure;
  settlement: TreeFigure;
  forecast: boolean;
  executionRate: number | null;
  achievement: TreeFigure;
  direction: TreeFigure;
}

export interface TreeMeasure {
  code: string | null;
  name: string | null;
  fiscalYear: number | null;
  measureSheet: { file: string | null; sheet: string } | null;
  rollupSheet: { file: string | null; sheet: string } | null;
  budget: TreeFigure;
  settlement: TreeFigure;
  forecast: boolean;
  executionRate: number | null;
  evaluationCode: TreeFigure;
  /** Σ 事業費 A of the projects (in the 施策's unit) for the same year, and the difference to the 施策's. */
  projectsBudget: number | null;
  budgetDifference: number | null;
  projectsSettlement: number | null;
  settlementDifference: number | null;
  projects: TreeProject[];
}

export interface TreePolicy {
  /** 基本政策 (or the projects' top level); null when no sheet names one. */
  name: string | null;
  measures: TreeMeasure[];
}

const none: TreeFigure = { value: null, file: null, sheet: null, cell: null };

export function measureTree(groups: readonly LinkGroup[]): TreePolicy[] {
  const policies: TreePolicy[] = [];
  for (const g of groups) {
    const year = g.fiscalYear;
    const cost = (column: "budget" | "settlement") => (year === null ? undefined : g.costs.find((c) => c.year === year && c.column === column));
    const measureFigure = (column: "budget" | "settlement"): TreeFigure => {
      const c = cost(column);
      return c && g.measureSheet ? { value: c.measure, file: g.measureSheet.file, sheet: g.measureSheet.sheet, cell: c.cell } : none;
    };
    const budget = measureFigure("budget");
    const settlement = measureFigure("settlement");
    const projects: TreeProject[] = g.projects.map((p) => {
      const figure = (column: "budget" | "settlement"): TreeFigure => {
        const f = year === null ? undefined : p.costs.find((c) => c.year === year && c.column === column);
        return p.sheet === null || !f ? none : { value: projectFigure(p, year as number, column, p.costUnit), file: p.file, sheet: p.sheet, cell: f.cell };
      };
      const pb = figure("budget");
      const ps = figure("settlement");
      const at = (value: string | null, cell: string | null): TreeFigure => (p.sheet === null ? none : { value, file: p.file, sheet: p.sheet, cell });
      return {
        name: p.name,
        code: p.code,
        listed: p.listed,
        missing: p.sheet === null,
        budget: pb,
        settlement: ps,
        forecast: year !== null && p.costs.some((c) => c.year === year && c.column === "settlement" && c.forecast),
        executionRate: ratio(typeof ps.value === "number" ? ps.value : null, typeof pb.value === "number" ? pb.value : null),
        achievement: at(p.achievement, p.cells.achievement),
        direction: at(p.direction, p.cells.direction),
      };
    });
    const measure: TreeMeasure = {
      code: g.measureCode,
      name: g.measureName,
      fiscalYear: year,
      measureSheet: g.measureSheet,
      rollupSheet: g.rollupSheet,
      budget,
      settlement,
      forecast: cost("settlement")?.forecast ?? false,
      executionRate: ratio(typeof settlement.value === "number" ? settlement.value : null, typeof budget.value === "number" ? budget.value : null),
      evaluationCode: g.measureSheet ? { value: g.evaluationCode, file: g.measureSheet.file, sheet: g.measureSheet.sheet, cell: g.evaluationCodeCell } : none,
      projectsBudget: cost("budget")?.projectsSum ?? null,
      budgetDifference: cost("budget")?.difference ?? null,
      projectsSettlement: cost("settlement")?.projectsSum ?? null,
      settlementDifference: cost("settlement")?.difference ?? null,
      projects,
    };
    let policy = policies.find((x) => x.name === g.policy);
    if (!policy) policies.push((policy = { name: g.policy, measures: [] }));
    policy.measures.push(measure);
  }
  return policies;
}
