// The typed model of one worksheet: a 施策進行管理・評価票 (EvaluationSheet), its roll-up
// 評価票(2) (RollupSheet), a 事務事業評価シート (ProjectSheet) or anything else (OtherSheet). Every value knows the cell it came from, the
// raw text found there and what it was normalized to, so that every finding and every summary
// figure can point back at a cell.

import type { RangeBox } from "./grid";
import type { ScaleRole } from "./scales";

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

/** The A1 address of the cell a field was read from, or null when it was not found. */
export const addressOf = (f: Field<unknown>): string | null => f.cell?.address ?? null;

export type Direction = "higher" | "lower" | "target";

/**
 * Canonical 評価区分, as the configured scale writes it (core/scales): by default letter A/B/C +
 * numeral Ⅰ/Ⅱ (AⅠ…CⅡ); a template profile may configure another scale.
 */
export type EvaluationCode = string;

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

// ---------------------------------------------------------------------------------------------
// 事務事業評価シート: one project (事務事業) of a 施策, with its cost table.

/** A level of the policy hierarchy (政策体系) a project sits in: 政策 / 施策 / 直接目標, 政策(2層)… */
export interface PolicyLevel {
  /** The level's label as printed (letter spacing removed): 政策, 施策, 直接目標, 施策課題. */
  label: Field<string>;
  /** The leading code (`1-1`, `41303000`), when the value starts with one. */
  code: Field<string>;
  /** The name after the code, or the whole value. */
  name: Field<string>;
}

export interface ProjectHeader {
  /** Title line, e.g. 令和6年度 事務事業評価シート. */
  title: Field<string>;
  /** 評価年度 as a western year: from its label, else from the title (令和6年度 → 2024). */
  fiscalYear: Field<number>;
  /** 事務事業コード (8 digits in Kawasaki) as a string: leading zeros matter. */
  projectCode: Field<string>;
  projectName: Field<string>;
  /** 有/無 after the name: listed in the 政策体系別計画 (true) or not (false). */
  listed: Field<boolean>;
  /** 組織コード */
  organizationCode: Field<string>;
  /** 所属名 (所属, 所管課, 担当課…) */
  department: Field<string>;
  /** 実施形態 */
  implementation: Field<string>;
  /** 実施根拠 */
  basis: Field<string>;
  /** 実施期間, with its first and last fiscal year when readable (either may be open). */
  period: PlanPeriod;
  /** 政策体系, top level first. */
  policy: PolicyLevel[];
}

export interface ProjectTexts {
  /** 対象 */
  target: Field<string>;
  /** 目的 */
  purpose: Field<string>;
  /** 内容 (事業内容) */
  content: Field<string>;
  /** 実施結果 */
  results: Field<string>;
}

/** Kinds of cost column: 計画事業費, 予算額, 決算額 (決算見込 / 決算額(見込) are settlements with `forecast`). */
export type CostColumnKind = "plan" | "budget" | "settlement";

/** Money unit of a cost table, from its unit note. Figures are kept in it, never converted. */
export type CostUnit = "千円" | "円";

/**
 * A cost-table row by meaning: `projectCost` (事業費 A), `national`, `prefectural`, `bonds`,
 * `otherFunding`, `general` (財源内訳), `staffCost` (人件費 B), `totalCost` (総コスト), `staffYears`
 * (人工)… — the ids of core/costs/costs.json, or of rows a template profile adds.
 */
export type CostRowId = string;

/** One column of figures: a year and a kind, with the cells that say so. */
export interface CostColumnHeader {
  /** The year header (R4年度, 令和4年度, H25, 2022) over the column, or beside the row (years down). */
  year: Field<number>;
  column: CostColumnKind;
  /** 決算見込 / 決算額(見込): the evaluation year's settlement is a forecast. */
  forecast: boolean;
  /** The 予算額 / 決算額 / 計画事業費 header cell. */
  header: Field<string>;
}

export interface CostRowHeader {
  row: CostRowId;
  /** The row label as printed (事業費 A, 人件費 ※ B, ④職員費(②×③)…). */
  label: Field<string>;
}

/** One figure of the cost table: (year, column kind, row), blank cells included (`-` is no-value, not 0). */
export interface CostCell {
  /** Position in CostTable.columns. */
  columnIndex: number;
  year: number | null;
  column: CostColumnKind;
  forecast: boolean;
  row: CostRowId;
  value: Field<number>;
}

export interface CostTable {
  /** 千円 or 円 from the unit note (単位:千円, (円)…); value null when the table gives none. */
  unit: Field<CostUnit>;
  /** `across`: years across the columns (Kawasaki); `down`: one row per year and column kind. */
  orientation: "across" | "down";
  columns: CostColumnHeader[];
  rows: CostRowHeader[];
  /** Row by row (table order), each row's cells in column order. */
  cells: CostCell[];
  /** Where the table (headers and figures) was found; null when no table was found. */
  box: RangeBox | null;
}

/** 活動指標 (activity) or 成果指標 (outcome). */
export type IndicatorKind = "activity" | "outcome";

/**
 * A project's indicator: the 施策 sheet's shape (rows of year / 計画値 or 目標値 / 実績値), with its
 * kind and its 基準値 (the value before the period).
 */
export interface ProjectIndicator extends Indicator {
  kind: IndicatorKind | null;
  /** 基準値 */
  base: Field<number>;
}

export interface ProjectSheet {
  kind: "project";
  sheet: string;
  header: ProjectHeader;
  texts: ProjectTexts;
  costs: CostTable;
  indicators: ProjectIndicator[];
  /** 達成度: the chosen value, canonical on the configured scale (Kawasaki 1–5). */
  achievement: Field<string>;
  /** 方向性区分: the chosen value, canonical on the configured scale (Kawasaki Ⅰ–Ⅴ). */
  direction: Field<string>;
}

// ---------------------------------------------------------------------------------------------
// 施策進行管理・評価票(2): the roll-up of a 施策's projects — counts per code with うち重点, the
// 点検結果 matrix and the list of projects with their codes.

/** The blocks a roll-up prints: 達成度, the 3-year class (2010: 達成度 Ⅰ–Ⅴ, 2007: 達成状況 Ⅰ–Ⅳ), 2007's 3ヶ年の総括 pair. */
export type RollupBlockId = "achievement" | "threeYear" | "validity" | "effectiveness";

/** 事業数 and うち重点 of one row or of a 合計. */
export interface RollupCount {
  /** 事業数 */
  projects: Field<number>;
  /** うち重点 */
  priority: Field<number>;
}

export interface RollupRow extends RollupCount {
  /** The row's code, canonical on the block's scale (`1`, `Ⅲ`, `5`). */
  code: Field<string>;
  /** The code's label as printed beside or after it (目標をほぼ達成), null value when none. */
  label: Field<string>;
}

export interface RollupBlock {
  id: RollupBlockId;
  /** The block's heading as printed (達成度, 3ヵ年の事業目標に対する達成度, 事業の妥当性…). */
  name: Field<string>;
  /** The scale its codes are read with (core/scales). */
  role: ScaleRole;
  rows: RollupRow[];
  /** 合計; null when the block prints none (the 2007 series' 3ヶ年の総括 blocks). */
  total: (RollupCount & { label: Field<string> }) | null;
}

/** One cell pair of the 点検結果 matrix: the letter printed and the count beside it. */
export interface RollupMatrixCell {
  /** 0-based row of the matrix (0: 事業目標どおり, 1: 事業目標を変更). */
  row: number;
  /** 0-based column (0: 予算・人員等の拡大, 1: 縮減, 2: 現状維持, 3: 事業終了 休止・中止・廃止). */
  column: number;
  /** The letter, canonical on the inspection scale (A–H). */
  letter: Field<string>;
  count: Field<number>;
}

export interface RollupMatrix {
  /** The 点検結果 heading. */
  label: Field<string>;
  /** Row headings (事業目標どおり / 事業目標を変更) and column headings, as printed. */
  rows: Field<string>[];
  columns: Field<string>[];
  cells: RollupMatrixCell[];
}

/** A project of the roll-up's list (<配下の事務事業一覧>), with the codes printed for it. */
export interface RollupProject {
  /** 事務事業名 */
  name: Field<string>;
  /** 所管課 */
  department: Field<string>;
  /** 事務事業の概要 */
  overview: Field<string>;
  /** 達成度 of the evaluation year (achievement scale). */
  achievement: Field<string>;
  /** The 3-year class, on the scale of the sheet's 3-year block (threeYearAchievement or threeYearStatus). */
  threeYear: Field<string>;
  /** 点検結果 letter (inspection scale); 2010 series. */
  inspection: Field<string>;
  /** 事業の妥当性 and 事業の有効性・効率性・経済性 (projectAssessment scale); 2007 series. */
  validity: Field<string>;
  effectiveness: Field<string>;
  /** 重点: true when marked, null when not. */
  priority: Field<boolean>;
}

export interface RollupHeader {
  /** Title line, e.g. 施策進行管理・評価票(2). */
  title: Field<string>;
  fiscalYear: Field<number>;
  /** 施策課題 code, from its label. */
  measureCode: Field<string>;
  /**
   * An 8-digit code in the sheet's name (`41303000(2)`): the published (2) prints no 施策課題, so
   * the summary and linking fall back on it. Not a Field: it comes from no cell.
   */
  sheetNameCode: string | null;
  measureName: Field<string>;
  /** 作成課 */
  department: Field<string>;
}

export interface RollupSheet {
  kind: "rollup";
  sheet: string;
  header: RollupHeader;
  /** In the order they are printed. */
  blocks: RollupBlock[];
  /** 点検結果 (2010 series); null when the sheet prints none. */
  matrix: RollupMatrix | null;
  projects: RollupProject[];
}

/** A worksheet that is neither an evaluation nor a project sheet (an index, notes…): skipped, never crashed on. */
export interface OtherSheet {
  kind: "other";
  sheet: string;
  /** Why it was not taken for an evaluation or project sheet (English, short). */
  reason: string;
}

export type SheetModel = EvaluationSheet | RollupSheet | ProjectSheet | OtherSheet;

export type SheetKind = SheetModel["kind"];
