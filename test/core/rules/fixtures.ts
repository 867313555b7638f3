// Hand-built EvaluationSheet models (the 41303000 / 2013 sample), so rule and summary tests
// do not depend on the reader. Cells follow a fixed made-up layout: indicators ① A–D, ② E–H,
// ③ I–L with years 2010–2013 on rows 42–45; the budget across row 50.

import type { BudgetYear, EvaluationSheet, Field, Indicator, IndicatorRow, ValueStatus } from "../../../src/core/model";
import { columnLetters, fromA1 } from "../../../src/core/grid";

export const SHEET = "41303000";

export function field<T>(value: NoInfer<T> | null, address: string | null, opts: { raw?: string; status?: ValueStatus; note?: string } = {}): Field<T> {
  const raw = opts.raw ?? (value === null ? "" : Array.isArray(value) ? value.join("、") : String(value));
  const status: ValueStatus = opts.status ?? (value === null ? "empty" : "ok");
  const f: Field<T> = { value, raw, cell: address ? { sheet: SHEET, address } : null, status };
  if (opts.note) f.note = opts.note;
  return f;
}

/** Shift an A1 address by columns. */
function right(address: string, cols: number): string {
  const { row, col } = fromA1(address);
  return `${columnLetters(col + cols)}${row + 1}`;
}

function indicator(
  index: number,
  name: string,
  firstCol: string,
  rows: [number, number, number, string | null][],
): Indicator {
  const nameCell = `${firstCol}36`;
  const tableRows: IndicatorRow[] = rows.map(([year, plan, actual, unit], k) => {
    const yearCell = `${firstCol}${42 + k}`;
    return {
      year: field(year, yearCell),
      plan: field(plan, right(yearCell, 1)),
      actual: field(actual, right(yearCell, 2)),
      unit: field(unit, right(yearCell, 3)),
    };
  });
  const firstUnit = tableRows.find((r) => r.unit.value !== null)?.unit;
  return {
    index,
    name: field(name, nameCell),
    description: field(`${name}を参考指標とします。`, `${firstCol}38`),
    direction: field("higher", `${firstCol}40`, { raw: "大きいほどよい" }),
    unit: firstUnit ? { ...firstUnit } : field<string>(null, null),
    cumulative: /累計/.test(name),
    rows: tableRows,
    table: { sheet: SHEET, box: { top: 40, left: fromA1(`${firstCol}1`).col, bottom: 44, right: fromA1(`${firstCol}1`).col + 3 } },
  };
}

function budgetYear(year: number, col: string, planned: number | null, budget: number, settlement: number, forecast = false): BudgetYear {
  return {
    year: field(year, `${col}48`, { raw: `${year}(H${year - 1988})年度` , status: "normalized", note: "era year" }),
    planned: field(planned, planned === null ? null : `${col}50`, { raw: planned === null ? "" : planned.toLocaleString("en-US") }),
    budget: field(budget, right(`${col}50`, 1), { raw: budget.toLocaleString("en-US") }),
    settlement: field(settlement, right(`${col}50`, 2), { raw: settlement.toLocaleString("en-US") }),
    settlementIsForecast: forecast,
  };
}

/** The 41303000 / 2013 sample as the reader should produce it. */
export function sampleModel(): EvaluationSheet {
  return {
    kind: "evaluation",
    sheet: SHEET,
    header: {
      title: field("施策進行管理・評価票(1)", "A1"),
      fiscalYear: field(2013, "C2", { raw: "2013年度", status: "normalized", note: "fiscal year 2013年度" }),
      measureCode: field("41303000", "C4"),
      measureName: field("環境技術を活かした国際貢献", "D4"),
      department: field("環境局地球環境推進室", "J4"),
      basicPolicy: field("環境を守り自然と調和したまちづくり", "C5"),
      policyDirection: field("環境に配慮し循環型のしくみをつくる", "G5"),
      basicMeasure: field("環境配慮型社会の形成に向けた取組", "K5"),
      relatedDepartments: field(["環境局環境総合研究所", "経済労働局国際経済推進室"], "C6"),
      priority: field(false, "K6", { raw: "", status: "empty" }),
    },
    plan: {
      label: field("第3期実行計画(2011(H23)〜2013(H25)年度)", "A8"),
      from: field(2011, "A8", { raw: "第3期実行計画(2011(H23)〜2013(H25)年度)" }),
      to: field(2013, "A8", { raw: "第3期実行計画(2011(H23)〜2013(H25)年度)" }),
    },
    texts: {
      issues: field("●地球温暖化などの環境問題に国境はなく…", "C9"),
      overview: field("●川崎国際環境技術展や…", "C10"),
      goals: field("●持続可能な社会の地球規模での実現を目指し…", "C11"),
      results: field("●これまでの環境技術を活かした取組を…", "C13"),
      remainingIssues: field("●(仮称)川崎市グリーン・イノベーション推進方針を策定し…", "C14"),
      futureDirection: field("●(仮称)川崎市グリーン・イノベーション推進方針を策定し…", "C20"),
      glossary: field("国連グローバルコンパクト:…", "A60"),
    },
    evaluation: {
      reason: field("●海外からの視察・研修対応や…推進する必要があるため", "C15"),
      codes: [2011, 2012, 2013].map((year, k) => ({
        year: field(year, `${columnLetters(8 + k)}15`),
        code: field("AⅡ" as const, `${columnLetters(8 + k)}16`),
      })),
    },
    indicators: [
      indicator(1, "海外からの視察受入人数累計数", "A", [
        [2010, 745, 745, null],
        [2011, 250, 273, null],
        [2012, 600, 428, null],
        [2013, 950, 868, null],
      ]),
      indicator(2, "環境技術の国際展開を目指した研修講義累計数", "E", [
        [2010, 37, 37, null],
        [2011, 40, 46, null],
        [2012, 90, 96, null],
        [2013, 130, 161, null],
      ]),
      indicator(3, "かわさきコンパクトへの参加団体数", "I", [
        [2010, 28, 28, "団体"],
        [2011, 36, 36, "団体"],
        [2012, 38, 37, "団体"],
        [2013, 40, 36, "団体"],
      ]),
    ],
    budgetUnit: "千円",
    budget: [
      budgetYear(2011, "B", null, 43769, 38182),
      budgetYear(2012, "E", 39173, 37355, 34473),
      budgetYear(2013, "H", 38802, 21959, 21165, true),
    ],
    projects: ["国際環境施策推進事業", "環境総合研究推進事業", "国際環境産業推進事業", "アジア起業家誘致交流促進事業"].map((name, k) => ({
      name: field(name, `A${53 + k}`),
      status: field<string>(null, `D${53 + k}`),
    })),
  };
}
