// A workbook of several measures with deliberate mistakes, so that every rule of the
// catalogue fires at least once at a known cell (taken from renderSheet's cellOf), plus one
// sheet that is not an evaluation sheet. Used by the tests and the committed sample.

import { fromA1, toA1, type SheetGrid } from "../core/grid";
import { renderSheet, type LayoutOptions, type RenderedSheet } from "./layout";
import type { MeasureData } from "./measureData";
import { sample41303000 } from "./sample41303000";

export interface ExpectedFinding {
  rule: string;
  sheet: string;
  /** A1 address of the cell the finding points at. */
  cell: string;
}

interface Mistake {
  rule: string;
  /** Model path whose cell the finding points at (looked up in cellOf). */
  at: string;
  /** The cell this many rows above `at`'s (a table's header over its first row). */
  rowsUp?: number;
}

interface MeasureSpec {
  sheet: string;
  options?: LayoutOptions;
  edit: (d: MeasureData) => void;
  mistakes: Mistake[];
}

function measureFrom(edit: (d: MeasureData) => void): MeasureData {
  const data: MeasureData = structuredClone(sample41303000);
  edit(data);
  return data;
}

const SPECS: MeasureSpec[] = [
  {
    // The real sheet as published: its own doubtful points.
    sheet: "41303000",
    edit: () => {},
    mistakes: [
      { rule: "indicator.unit.missing", at: "indicators[0].rows[0].unit" },
      { rule: "indicator.cumulative.decrease", at: "indicators[0].rows[1].actual" },
      { rule: "budget.plan-deviation", at: "budget[2].budget" },
      { rule: "budget.settlement.forecast", at: "budget[2].settlement" },
    ],
  },
  {
    // Typing mistakes in codes and figures.
    sheet: "21101000",
    options: { indicatorsStacked: true },
    edit: (d) => {
      d.measureCode = "21101000";
      d.measureName = "地域包括ケアの推進";
      d.department = "健康福祉局地域包括ケア推進室";
      d.evaluation.codes = ["A2", "D1", null];
      d.evaluation.reason = null; // truly blank: the legend below must not be taken for it
      d.indicators[0].rows[1].plan = "２５０";
      d.indicators[0].rows[2].actual = "約400";
      d.budget[0].budget = "4万";
      d.budget[1].settlement = "△100";
    },
    mistakes: [
      { rule: "evaluation.code.normalized", at: "evaluation.codes[0].code" },
      { rule: "evaluation.code.invalid", at: "evaluation.codes[1].code" },
      { rule: "evaluation.code.missing", at: "evaluation.codes[2].code" },
      { rule: "evaluation.reason.missing", at: "evaluation.reason" },
      { rule: "value.normalized", at: "indicators[0].rows[1].plan" },
      { rule: "indicator.value.not-numeric", at: "indicators[0].rows[2].actual" },
      { rule: "budget.value.not-numeric", at: "budget[0].budget" },
      { rule: "budget.value.negative", at: "budget[1].settlement" },
    ],
  },
  {
    // Written for 2012 but with 2013 already filled in, and other inconsistencies.
    sheet: "31201000",
    options: { indicatorYearsAcross: true, rowOffset: 2 },
    edit: (d) => {
      d.fiscalYear = "2012年度";
      d.measureCode = "31201000";
      d.measureName = "市民文化活動の振興";
      d.department = "市民文化局市民文化振興室";
      d.evaluation.codes = ["BⅠ", "BⅠ", "BⅠ"];
      d.indicators[0].rows[1].plan = null;
      d.indicators[1].direction = "適正であること";
      d.indicators[1].rows[1].actual = null;
      d.indicators[2].rows[2].plan = 0;
      d.budget[1].settlement = 40000;
    },
    mistakes: [
      { rule: "evaluation.code.future", at: "evaluation.codes[2].code" },
      { rule: "indicator.actual.future", at: "indicators[0].rows[3].actual" },
      { rule: "evaluation.new-issues.inconsistent", at: "texts.remainingIssues" },
      { rule: "indicator.plan.missing", at: "indicators[0].rows[1].plan" },
      { rule: "indicator.direction.unknown", at: "indicators[1].direction" },
      { rule: "indicator.actual.missing", at: "indicators[1].rows[1].actual" },
      { rule: "indicator.rate.undefined", at: "indicators[2].rows[2].plan" },
      { rule: "budget.settlement.overrun", at: "budget[1].settlement" },
    ],
  },
  {
    // Header and table structure mistakes; an A the indicators do not support.
    sheet: "4130300",
    options: { budgetYearsDown: true, noMerges: true, headingStyle: "square" },
    edit: (d) => {
      d.measureCode = "4130300";
      d.measureName = "臨海部の国際戦略拠点の形成";
      d.department = null;
      d.indicators[0].rows[3].year = 2012;
      d.indicators[1].rows.push({ year: 2014, plan: 150, actual: null, unit: null });
      d.indicators[1].rows[3].actual = 60;
      d.indicators[2].rows[3].actual = 20;
      d.budget.splice(1, 1);
      d.planYears = [2011, 2012, 2013];
    },
    mistakes: [
      { rule: "header.measure-code.invalid", at: "header.measureCode" },
      { rule: "header.field.missing", at: "header.department" },
      { rule: "indicator.year.duplicate", at: "indicators[0].rows[3].year" },
      // No 2013 row in ①: the finding points at the table's 年度 header, right above its first year.
      { rule: "indicator.year.missing", at: "indicators[0].rows[0].year", rowsUp: 1 },
      { rule: "indicator.year.outside-plan", at: "indicators[1].rows[4].year" },
      { rule: "evaluation.letter.implausible", at: "evaluation.codes[2].code" },
      // No 2012 row: the finding points at the year after it (2013), where the row would go.
      { rule: "budget.year.missing", at: "budget[1].year" },
    ],
  },
  {
    // Unreadable year and plan period; an indicator without its table, one without its name.
    sheet: "51101000",
    options: { extraBlankRows: 1, headingStyle: "plain" },
    edit: (d) => {
      d.fiscalYear = "２０ＸＸ年度";
      d.measureCode = "51101000";
      d.measureName = "港湾物流機能の強化";
      d.department = "港湾局港湾経営部";
      d.planLabel = "実行計画"; // the heading adds における施策の概要及び施策の目標
      d.indicators[1].name = null;
      d.indicators[2].rows = [];
    },
    mistakes: [
      { rule: "header.fiscal-year.invalid", at: "header.fiscalYear" },
      // The heading is found but has no period: the finding points at the heading.
      { rule: "plan.period.missing", at: "plan.label" },
      { rule: "indicator.table.missing", at: "indicators[2].name" },
      { rule: "indicator.name.missing", at: "indicators[1].name" },
    ],
  },
];

/** A table of contents: not an evaluation sheet. */
function contentsSheet(): RenderedSheet {
  const values = [["目次"], ["施策課題", "施策名", "作成課"], ...SPECS.map((s) => [s.sheet, "施策進行管理・評価票", ""])];
  const grid: SheetGrid = { name: "目次", top: 0, left: 0, values, merges: [] };
  return { grid, cellOf: {} };
}

export function mistakesWorkbook(): { sheets: RenderedSheet[]; expected: ExpectedFinding[] } {
  const sheets: RenderedSheet[] = [contentsSheet()];
  const expected: ExpectedFinding[] = [{ rule: "sheet.not-evaluation", sheet: "目次", cell: "A1" }];
  for (const spec of SPECS) {
    const rendered = renderSheet(measureFrom(spec.edit), spec.sheet, spec.options);
    sheets.push(rendered);
    for (const m of spec.mistakes) {
      const { row, col } = fromA1(rendered.cellOf[m.at]);
      expected.push({ rule: m.rule, sheet: spec.sheet, cell: toA1(row - (m.rowsUp ?? 0), col) });
    }
  }
  return { sheets, expected };
}
