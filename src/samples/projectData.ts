// Everything one 事務事業評価シート shows, as the entries a person types into the cells (raw:
// `"43,769"`, `"△12"`, `"-"`, `"R4年度"`), so samples and tests feed the reader exactly what real
// workbooks contain; projectLayout.ts places them. The layout follows Kawasaki's published
// 令和 series (PROJECT-SHEETS.md § 2); options give the other cities' shapes (§ 3).

import type { Entry } from "./measureData";

/** A figure column: its kind as printed (予算額, 決算額, 計画事業費, 決算額(見込）…). */
export interface ProjectCostColumnData {
  kind: "plan" | "budget" | "settlement" | "forecast";
  /** The header as printed; by default 計画事業費 / 予算額 / 決算額 / 決算額(見込）. */
  header?: string;
}

export interface ProjectCostYearData {
  /** The year header as printed: `R4年度`, `2011(H23)年度`, `令和4年度`, `H25`, `2022`. */
  year: Entry;
  columns: ProjectCostColumnData[];
}

export interface ProjectCostRowData {
  /** The row's id in core/costs (projectCost, national…, staffCost, totalCost, staffYears). */
  id: string;
  /** The label as printed: `事業費 A`, `人件費 ※ B`, `④職員費(②×③)`. */
  label: string;
  /** A group label left of the row label (財源内訳 over the funding rows). */
  group?: string;
  /** One entry per figure column, in column order (years in order, each year's columns in order). */
  values: Entry[];
}

export interface ProjectIndicatorData {
  /** 活動指標 or 成果指標 (the label printed, numbered ①, ②… by the layout). */
  kind: "活動指標" | "成果指標";
  name: Entry;
  unit: Entry;
  /** 大きいほどよい… (null: the form prints none). */
  direction: Entry;
  /** 基準値 */
  base: Entry;
  years: Entry[];
  /** 目標値 per year */
  targets: Entry[];
  /** 実績値 per year */
  actuals: Entry[];
}

export interface ProjectData {
  /** 令和6年度 事務事業評価シート */
  title: Entry;
  projectCode: Entry;
  projectName: Entry;
  /** 有 / 無: listed in the 政策体系別計画 */
  listed: Entry;
  organizationCode: Entry;
  department: Entry;
  implementation: Entry;
  basis: Entry;
  period: Entry;
  /** 政策体系: each level's label as printed (`政       策`) and its value (`4 環境を…`). */
  policy: Array<{ label: string; value: Entry }>;
  texts: { target: Entry; purpose: Entry; content: Entry; results: Entry };
  /** The unit note as printed above the table: `（単位：千円）`, `(単位:円)`; null: none. */
  unitNote: Entry;
  years: ProjectCostYearData[];
  rows: ProjectCostRowData[];
  /** The note under the table: ※ 人件費は…人工を乗じて算出. */
  staffNote: Entry;
  indicators: ProjectIndicatorData[];
  /** The chosen 達成度 as typed (`3`), and whether the choices are printed beside it. */
  achievement: Entry;
  direction: Entry;
}

export const KAWASAKI_ACHIEVEMENT_CHOICES = "1 目標を大きく上回って達成　2 目標を上回って達成　3 ほぼ目標どおり達成　4 目標を下回った　5 目標を大きく下回った";
export const KAWASAKI_DIRECTION_CHOICES = "Ⅰ 現状のまま継続　Ⅱ 改善しながら継続　Ⅲ 事業規模拡大　Ⅳ 事業規模縮小　Ⅴ 事業廃止";
export const KAWASAKI_STAFF_NOTE = "※ 人件費は、各年度の職員の平均給与等に人工を乗じて算出しています。";

/** The Kawasaki 令和 series columns: R4 予算額 決算額 | R5, R6, R7 計画事業費 予算額 決算額, R6's 決算額(見込）. */
export function kawasakiYears(headers: Entry[], forecastYear: number): ProjectCostYearData[] {
  return headers.map((year, i) => ({
    year,
    columns: [
      ...(i === 0 ? [] : [{ kind: "plan" as const }]),
      { kind: "budget" as const },
      { kind: i === forecastYear ? ("forecast" as const) : ("settlement" as const) },
    ],
  }));
}

/** Total number of figure columns. */
export function columnCount(years: ProjectCostYearData[]): number {
  return years.reduce((n, y) => n + y.columns.length, 0);
}
