// Everything one 施策進行管理・評価票 shows, as the entries a person types into the cells.
// Entries stay raw (`"４２８"`, `"43,769"`, `"△12"`, `"A2"`, `"H23"`) so that samples and
// tests can feed the reader exactly what real workbooks contain; layout.ts places them.

export type Entry = string | number | null;

export interface IndicatorRowData {
  year: Entry;
  plan: Entry;
  actual: Entry;
  unit: Entry;
}

export interface IndicatorData {
  name: Entry;
  description: Entry;
  /** 指標の方向性, e.g. 大きいほどよい */
  direction: Entry;
  rows: IndicatorRowData[];
}

export interface BudgetYearData {
  /** As written in the year header, e.g. `2011(H23)年度`. */
  year: Entry;
  /** 計画事業費 (null: the sheet has no 計画事業費 column for that year) */
  planned: Entry;
  /** 予算 */
  budget: Entry;
  /** 決算, or 決算見込 when settlementIsForecast */
  settlement: Entry;
  settlementIsForecast: boolean;
}

export interface ProjectData {
  name: Entry;
  /** 第N期実行計画期間の達成状況 */
  status: Entry;
}

export interface MeasureTexts {
  /** 当該施策によって解決すべき課題 */
  issues: Entry;
  /** 施策の概要 */
  overview: Entry;
  /** 施策の目標 */
  goals: Entry;
  /** 解決すべき課題に対する当該年度の成果 */
  results: Entry;
  /** 残された課題,新たな課題,社会環境の変化等 */
  remainingIssues: Entry;
  /** 20XX年度以降の方向性 */
  futureDirection: Entry;
  /** 用語説明 */
  glossary: Entry;
}

export interface MeasureData {
  /** 施策進行管理・評価票(1) */
  title: Entry;
  /** 評価年度, e.g. `2013年度` */
  fiscalYear: Entry;
  measureCode: Entry;
  measureName: Entry;
  /** 作成課 */
  department: Entry;
  /** 基本政策 */
  basicPolicy: Entry;
  /** 政策の基本方向 */
  policyDirection: Entry;
  /** 基本施策 */
  basicMeasure: Entry;
  /** 関係課 as written (、-separated) */
  relatedDepartments: Entry;
  /** 重点 mark (null: blank) */
  priority: Entry;
  /** 第3期実行計画(2011(H23)〜2013(H25)年度) */
  planLabel: Entry;
  /** The plan years as written above the 評価区分 codes. */
  planYears: Entry[];
  texts: MeasureTexts;
  evaluation: {
    /** 評価結果及びその評価区分とした理由 */
    reason: Entry;
    /** One code per plan year (same order as planYears); null for blank. */
    codes: Entry[];
  };
  /** 1–5 参考指標 */
  indicators: IndicatorData[];
  /** 事業費 unit, normally 千円 */
  budgetUnit: Entry;
  budget: BudgetYearData[];
  projects: ProjectData[];
}

/** An empty sheet for the given plan years: the blank template people fill in. */
export function blankMeasureData(planYears: number[], indicatorCount = 3): MeasureData {
  const baseYear = planYears.length > 0 ? planYears[0] - 1 : null;
  const tableYears = baseYear === null ? [] : [baseYear, ...planYears];
  return {
    title: "施策進行管理・評価票",
    fiscalYear: null,
    measureCode: null,
    measureName: null,
    department: null,
    basicPolicy: null,
    policyDirection: null,
    basicMeasure: null,
    relatedDepartments: null,
    priority: null,
    planLabel: planYears.length > 0 ? `実行計画(${planYears[0]}〜${planYears[planYears.length - 1]}年度)` : "実行計画",
    planYears: [...planYears],
    texts: {
      issues: null,
      overview: null,
      goals: null,
      results: null,
      remainingIssues: null,
      futureDirection: null,
      glossary: null,
    },
    evaluation: { reason: null, codes: planYears.map(() => null) },
    indicators: Array.from({ length: indicatorCount }, () => ({
      name: null,
      description: null,
      direction: null,
      rows: tableYears.map((year) => ({ year, plan: null, actual: null, unit: null })),
    })),
    budgetUnit: "千円",
    budget: planYears.map((year) => ({
      year: `${year}年度`,
      planned: null,
      budget: null,
      settlement: null,
      settlementIsForecast: false,
    })),
    projects: [],
  };
}
