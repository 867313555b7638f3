// The typed model of one 施策進行管理・評価票 worksheet. Every value knows the cell it came
// from, the raw text found there and what it was normalized to, so that every finding and
// every summary figure can point back at a cell.

import type { RangeBox } from "./grid";

/** A cell of a workbook: sheet name + A1 address without `$`. */
export interface CellRef {
  sheet: string;
  address: string;
}

/**
 * How a value was read.
 * - `ok`: taken as it stood.
 * - `normalized`: readable only after normalization (full-width digits, `43,769` as text,
 *   `△` negatives, era years, code variants…); `note` says what was done.
 * - `empty`: the cell was blank (or the field was not found: then `cell` is null).
 * - `no-value`: an explicit "no value yet" marker (`－`, `―`, `-`, `…`, `未集計`, `集計中`).
 * - `invalid`: text that could not be read as the expected type; `note` says why.
 */
export type ValueStatus = "ok" | "normalized" | "empty" | "no-value" | "invalid";

export interface Field<T> {
  value: T | null;
  /** The cell's text as found ('' for blank or not found). */
  raw: string;
  cell: CellRef | null;
  status: ValueStatus;
  /** What normalization did, or why the value is invalid. Japanese-neutral short text. */
  note?: string;
  /** True when a template profile pin placed this value (core/profile), not the label search. */
  pinned?: boolean;
}

export type Direction = "higher" | "lower" | "target";

/** Canonical 評価区分: letter A/B/C + numeral Ⅰ/Ⅱ. */
export type EvaluationCode = "AⅠ" | "AⅡ" | "BⅠ" | "BⅡ" | "CⅠ" | "CⅡ";

export interface SheetHeader {
  /** Title line, e.g. 施策進行管理・評価票(1). */
  title: Field<string>;
  /** 評価年度 as a western year (2013年度, H25, 平成25年度 → 2013). */
  fiscalYear: Field<number>;
  /** 8-digit 施策課題 code as a string (leading zeros matter). */
  measureCode: Field<string>;
  measureName: Field<string>;
  /** 作成課 */
  department: Field<string>;
  /** 基本政策 */
  basicPolicy: Field<string>;
  /** 政策の基本方向 */
  policyDirection: Field<string>;
  /** 基本施策 */
  basicMeasure: Field<string>;
  /** 関係課, split on 、 */
  relatedDepartments: Field<string[]>;
  /** 重点: true when a mark (○, 重点, ●…) is present. */
  priority: Field<boolean>;
}

export interface PlanPeriod {
  /** The heading or label the period was read from, e.g. 第3期実行計画(2011(H23)〜2013(H25)年度). */
  label: Field<string>;
  from: Field<number>;
  to: Field<number>;
}

export interface SheetTexts {
  /** 当該施策によって解決すべき課題 */
  issues: Field<string>;
  /** 施策の概要 */
  overview: Field<string>;
  /** 施策の目標 */
  goals: Field<string>;
  /** 解決すべき課題に対する当該年度の成果 */
  results: Field<string>;
  /** 残された課題,新たな課題,社会環境の変化等 */
  remainingIssues: Field<string>;
  /** 20XX年度以降の方向性 */
  futureDirection: Field<string>;
  /** 用語説明 */
  glossary: Field<string>;
}

export interface EvaluationCodeEntry {
  year: Field<number>;
  code: Field<EvaluationCode>;
}

export interface EvaluationResult {
  /** 評価結果及びその評価区分とした理由 */
  reason: Field<string>;
  /** One entry per plan year, in year order. */
  codes: EvaluationCodeEntry[];
}

export interface IndicatorRow {
  year: Field<number>;
  plan: Field<number>;
  actual: Field<number>;
  unit: Field<string>;
}

export interface Indicator {
  /** 1-based position: ① = 1. */
  index: number;
  name: Field<string>;
  description: Field<string>;
  direction: Field<Direction>;
  /** The unit found on any row (first non-empty), null value when none. */
  unit: Field<string>;
  /** 累計 / 累計数 in the name: values should not decrease. */
  cumulative: boolean;
  rows: IndicatorRow[];
  /** Where the table (header + rows) was found; null when no table was found. `pinned`: placed by a template profile pin. */
  table: { sheet: string; box: RangeBox; pinned?: boolean } | null;
}

export interface BudgetYear {
  year: Field<number>;
  /** 計画事業費 */
  planned: Field<number>;
  /** 予算 */
  budget: Field<number>;
  /** 決算, or 決算見込 when settlementIsForecast */
  settlement: Field<number>;
  settlementIsForecast: boolean;
}

export interface SubordinateProject {
  name: Field<string>;
  /** 第N期実行計画期間の達成状況 (text, often blank) */
  status: Field<string>;
}

export interface EvaluationSheet {
  kind: "evaluation";
  sheet: string;
  header: SheetHeader;
  plan: PlanPeriod;
  texts: SheetTexts;
  evaluation: EvaluationResult;
  indicators: Indicator[];
  /** Unit of the 事業費 table, normally 千円. */
  budgetUnit: string | null;
  budget: BudgetYear[];
  projects: SubordinateProject[];
}

/** A worksheet that is not an evaluation sheet (an index, notes…): skipped, never crashed on. */
export interface OtherSheet {
  kind: "other";
  sheet: string;
  /** Why it was not taken for an evaluation sheet (English, short). */
  reason: string;
}

export type SheetModel = EvaluationSheet | OtherSheet;
