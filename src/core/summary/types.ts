// Summary figures, in the shape the JSON report documents (docs/report.md).

import type { CostColumnKind, CostUnit, Direction, EvaluationCode, RollupBlockId } from "../model";
import type { ScaleRole } from "../scales";
import type { ProjectRollup } from "./projectRollup";

export type Grade = "achieved" | "nearly" | "not";

export interface IndicatorYearSummary {
  year: number;
  plan: number | null;
  actual: number | null;
  /** A fraction, unrounded (1.092 = 109.2%); null when undefined. */
  rate: number | null;
  grade: Grade | null;
  /** Why rate is null, in English (`plan is 0`, `actual missing`…); absent when rate is set. */
  rateUndefinedReason?: string;
  /** Cells the figures came from (A1), for live formulas and click-to-cell. */
  cells: { year: string | null; plan: string | null; actual: string | null };
}

/** The starting value of an indicator: a base-year row, or a project's 基準値 (whose year may be unknown). */
export type IndicatorBaseSummary = Omit<IndicatorYearSummary, "year"> & { year: number | null };

export interface IndicatorSummary {
  index: number;
  name: string;
  direction: Direction | null;
  unit: string | null;
  cumulative: boolean;
  years: IndicatorYearSummary[];
  /** Cumulative indicators: latest 実績値 ÷ final-year 計画値; null otherwise or undefined. */
  progress: number | null;
  /**
   * The base-year row (the year before the plan period), kept out of `years` so that
   * years[] holds plan years only; its rate is always null. For a project indicator, its
   * 基準値 (year null when printed without one). Null/absent when there is none.
   */
  base?: IndicatorBaseSummary | null;
}

export interface BudgetYearSummary {
  year: number;
  planned: number | null;
  budget: number | null;
  settlement: number | null;
  settlementIsForecast: boolean;
  /** 執行率 = 決算 ÷ 予算 */
  executionRate: number | null;
  /** 予算 ÷ 計画事業費 */
  budgetToPlan: number | null;
  cells: { planned: string | null; budget: string | null; settlement: string | null };
}

export interface SheetSummary {
  measureCode: string | null;
  measureName: string | null;
  department: string | null;
  fiscalYear: number | null;
  planPeriod: { from: number | null; to: number | null };
  /** Plan year → canonical code, e.g. { "2011": "AⅡ" }; years without a code are absent. */
  evaluation: Record<string, EvaluationCode>;
  indicators: IndicatorSummary[];
  budget: BudgetYearSummary[];
}

/** 財源内訳 of a cost column (null where blank or not printed). */
export interface ProjectFunding {
  /** 国庫支出金 */
  national: number | null;
  /** 県支出金 / 都道府県支出金 */
  prefectural: number | null;
  /** 市債 */
  bonds: number | null;
  /** その他特財 */
  other: number | null;
  /** 一般財源 */
  general: number | null;
}

/** One column of a project's cost table (a year and a kind), figures in the table's costUnit. */
export interface ProjectCostSummary {
  year: number | null;
  column: CostColumnKind;
  forecast: boolean;
  /** 事業費 A */
  projectCost: number | null;
  /** 人件費 B */
  staffCost: number | null;
  /** 総コスト */
  totalCost: number | null;
  /** 人工 */
  staffYears: number | null;
  funding: ProjectFunding;
  /** Source cells (A1) of the figures above, for click-to-cell and live formulas. */
  cells: { projectCost: string | null; staffCost: string | null; totalCost: string | null; staffYears: string | null; general: string | null };
}

/** What finance reads off one year of a project. */
export interface ProjectYearSummary {
  year: number;
  /** 事業費 A under 予算額 */
  budget: number | null;
  /** 事業費 A under 決算額 (or 決算見込 when settlementIsForecast) */
  settlement: number | null;
  settlementIsForecast: boolean;
  /** 執行率 = 決算 ÷ 予算 of 事業費 A */
  executionRate: number | null;
  /** 一般財源 ÷ 事業費 A, in the column the funding is printed in (予算額, else 計画事業費, else 決算額) */
  generalShare: number | null;
  /** 人件費 ÷ 総コスト, in the settlement column (else the budget column) */
  staffShare: number | null;
  /** 総コスト, in the settlement column (else the budget column) */
  totalCost: number | null;
}

export interface ProjectSummary {
  projectCode: string | null;
  projectName: string | null;
  /** 所属 */
  department: string | null;
  organizationCode: string | null;
  fiscalYear: number | null;
  /** The top level of the 政策体系 (`code name`, or the name), for totals by policy area. */
  policyArea: string | null;
  /** 達成度: a number on a numeric scale (Kawasaki 1–5), else the scale's canonical text; null when not given. */
  achievement: number | string | null;
  /** 方向性区分, canonical as the scale writes it (`Ⅱ`); null when not given. */
  direction: string | null;
  costUnit: CostUnit | null;
  costs: ProjectCostSummary[];
  years: ProjectYearSummary[];
  indicators: IndicatorSummary[];
}

/** One row of a roll-up (2) block: a code and its counts (null where blank or unreadable). */
export interface RollupRowSummary {
  /** Canonical on the block's scale (`1`, `Ⅲ`, `5`); null when unreadable. */
  code: string | null;
  label: string | null;
  /** 事業数 */
  projects: number | null;
  /** うち重点 */
  priority: number | null;
  cells: { code: string | null; projects: string | null; priority: string | null };
}

export interface RollupBlockSummary {
  id: RollupBlockId;
  /** The heading as printed. */
  name: string | null;
  /** The scale role of its codes (docs/templates.md § Code scales). */
  role: ScaleRole;
  rows: RollupRowSummary[];
  /** 合計 as printed; null when the block prints none. */
  total: { projects: number | null; priority: number | null; cells: { projects: string | null; priority: string | null } } | null;
}

/** One letter of the 点検結果 matrix and its count. */
export interface RollupMatrixEntry {
  row: number;
  column: number;
  letter: string | null;
  count: number | null;
  cells: { letter: string | null; count: string | null };
}

export interface RollupMatrixSummary {
  rows: (string | null)[];
  columns: (string | null)[];
  entries: RollupMatrixEntry[];
}

/** A project as the roll-up lists it, its codes canonical on their scales. */
export interface RollupProjectSummary {
  name: string | null;
  department: string | null;
  achievement: string | null;
  threeYear: string | null;
  inspection: string | null;
  validity: string | null;
  effectiveness: string | null;
  priority: boolean;
  cells: { name: string | null; achievement: string | null; threeYear: string | null; inspection: string | null };
}

/** A 施策進行管理・評価票(2) (docs/report.md § Roll-up sheets). */
export interface RollupSheetSummary {
  measureCode: string | null;
  measureName: string | null;
  department: string | null;
  fiscalYear: number | null;
  blocks: RollupBlockSummary[];
  matrix: RollupMatrixSummary | null;
  projects: RollupProjectSummary[];
}

/** Counts of findings per severity for one sheet, file or run. */
export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

/** Roll-up flags (issue 6): thresholds in Settings. */
export type RollupFlag = "overrun" | "high-spend-low-achievement" | "under-execution";

/** One measure (evaluation sheet) of a roll-up, figures for its evaluation year. */
export interface RollupMeasure {
  /** The file the sheet came from (a roll-up over many files); null within one workbook. */
  file: string | null;
  sheet: string;
  measureCode: string | null;
  measureName: string | null;
  department: string | null;
  fiscalYear: number | null;
  /** 評価区分 of the evaluation year (valid codes only). */
  evaluationCode: EvaluationCode | null;
  /** Mean / minimum 達成率 over indicators with a rate in the evaluation year. */
  meanRate: number | null;
  minRate: number | null;
  ratedIndicators: number;
  budget: number | null;
  settlement: number | null;
  settlementIsForecast: boolean;
  executionRate: number | null;
  budgetToPlan: number | null;
  flags: RollupFlag[];
  counts: FindingCounts;
}

/** Totals per 作成課. */
export interface RollupDepartment {
  /** null when the sheets did not name one. */
  department: string | null;
  measures: number;
  /** Measures whose 評価年度 is unknown: they have no figures to add (blank, not 0). */
  unknownYear: number;
  /** Σ予算 of the evaluation years; null when no measure has one. */
  budget: number | null;
  /** Σ決算 (closed years only); null when no measure has one. */
  settlement: number | null;
  /** Σ決算見込 (forecasts, kept apart from 決算); null when no measure has one. */
  settlementForecast: number | null;
  /** (Σ決算 + Σ決算見込) ÷ Σ予算 over the measures that have both, as each measure's 執行率; null when none. */
  executionRate: number | null;
  flags: Record<RollupFlag, number>;
}

export interface Rollup {
  measures: RollupMeasure[];
  departments: RollupDepartment[];
  /** The 事務事業評価シート among the sheets: per project, totals by 所属 and policy area, distributions. */
  projects: ProjectRollup;
  /** Findings per severity across every sheet (evaluation, project and other). */
  findings: FindingCounts;
  sheets: { evaluation: number; rollup: number; project: number; other: number };
}
