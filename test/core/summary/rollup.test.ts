import { checkWorkbook } from "../../../src/core/engine";
import type { SheetGrid } from "../../../src/core/grid";
import { DEFAULT_SETTINGS, withDefaults } from "../../../src/core/settings";
import { rollUp } from "../../../src/core/summary";
import { renderSheet } from "../../../src/samples/layout";
import type { MeasureData } from "../../../src/samples/measureData";
import { sample41303000 } from "../../../src/samples/sample41303000";

const D = 12;

function measure(code: string, department: string, budget2013: number, settlement2013: number, actuals2013?: number[]): MeasureData {
  const data: MeasureData = structuredClone(sample41303000);
  data.measureCode = code;
  data.department = department;
  data.budget[2] = { ...data.budget[2], budget: budget2013, settlement: settlement2013 };
  actuals2013?.forEach((a, i) => (data.indicators[i].rows[3].actual = a));
  return data;
}

const index: SheetGrid = { name: "目次", top: 0, left: 0, values: [["目次"], ["41303000 環境技術を活かした国際貢献"]], merges: [] };

function results() {
  const sheets = [
    renderSheet(measure("41303000", "環境局地球環境推進室", 21959, 21165), "A").grid, // 96.4%, mean 101.7%: no flag
    renderSheet(measure("41303100", "環境局地球環境推進室", 10000, 12000), "B").grid, // overrun
    renderSheet(measure("21101000", "健康福祉局総務部", 10000, 5000), "C").grid, // under-execution (50%)
    // high spend (95%) with ① 500/950, ② 100/130, ③ 20/40 → mean 59.5%
    renderSheet(measure("21102000", "健康福祉局総務部", 10000, 9500, [500, 100, 20]), "D").grid,
    index,
  ];
  return checkWorkbook({ sheets });
}

describe("rollUp", () => {
  const r = rollUp(results(), DEFAULT_SETTINGS);

  test("one line per measure, flagged ones first, then by code", () => {
    expect(r.measures.map((m) => [m.sheet, m.measureCode, m.flags])).toEqual([
      ["B", "41303100", ["overrun"]],
      ["D", "21102000", ["high-spend-low-achievement"]],
      ["C", "21101000", ["under-execution"]],
      ["A", "41303000", []],
    ]);
    expect(r.sheets).toEqual({ evaluation: 4, rollup: 0, project: 0, other: 1 });
  });

  test("the sample's line: code, mean and minimum rate, 執行率 and 予算/計画事業費 of 2013", () => {
    const a = r.measures.find((m) => m.sheet === "A")!;
    expect(a).toMatchObject({
      measureName: "環境技術を活かした国際貢献",
      department: "環境局地球環境推進室",
      fiscalYear: 2013,
      evaluationCode: "AⅡ",
      ratedIndicators: 3,
      budget: 21959,
      settlement: 21165,
      settlementIsForecast: true,
    });
    expect(a.meanRate).toBeCloseTo((868 / 950 + 161 / 130 + 36 / 40) / 3, D);
    expect(a.minRate).toBeCloseTo(0.9, D);
    expect(a.executionRate).toBeCloseTo(21165 / 21959, D);
    expect(a.budgetToPlan).toBeCloseTo(21959 / 38802, D);
    expect(a.counts).toEqual({ error: 0, warning: 4, info: 1 });
    const d = r.measures.find((m) => m.sheet === "D")!;
    expect(d.meanRate).toBeCloseTo((500 / 950 + 100 / 130 + 20 / 40) / 3, D);
    expect(d.minRate).toBeCloseTo(0.5, D);
  });

  test("totals per department", () => {
    expect(r.departments).toEqual([
      {
        department: "健康福祉局総務部",
        measures: 2,
        unknownYear: 0,
        budget: 20000,
        // 2013 is each sheet's own year: its figures are 決算見込, kept apart from 決算.
        settlement: null,
        settlementForecast: 14500,
        executionRate: 14500 / 20000,
        flags: { overrun: 0, "high-spend-low-achievement": 1, "under-execution": 1 },
      },
      {
        department: "環境局地球環境推進室",
        measures: 2,
        unknownYear: 0,
        budget: 31959,
        settlement: null,
        settlementForecast: 33165,
        executionRate: 33165 / 31959,
        flags: { overrun: 1, "high-spend-low-achievement": 0, "under-execution": 0 },
      },
    ]);
  });

  test("finding counts across sheets, the index sheet's info included", () => {
    const all = results();
    const expected = { error: 0, warning: 0, info: 0 };
    for (const s of all) for (const f of s.findings) expected[f.severity]++;
    expect(r.findings).toEqual(expected);
    expect(r.findings.info).toBeGreaterThanOrEqual(5); // one forecast per measure + 目次
  });

  test("without files, no measure names one", () => {
    expect(r.measures.map((m) => m.file)).toEqual([null, null, null, null]);
  });

  test("thresholds come from settings", () => {
    const strict = rollUp(results(), withDefaults({ rollupUnderExecution: 0.4, rollupHighSpend: 0.96 }));
    expect(strict.measures.map((m) => [m.sheet, m.flags])).toEqual([
      ["B", ["overrun"]],
      ["C", []],
      ["D", []],
      ["A", []],
    ]);
  });
});

describe("rollUp over many files", () => {
  // The same 41303000 sheet from two files (a copy kept in another folder), a 2012 book of
  // 41303100 (決算 closed) and a sheet whose 評価年度 cannot be read, in a department of its own.
  const closed = measure("41303100", "環境局地球環境推進室", 0, 0);
  closed.fiscalYear = "2012年度";
  const unknownYear = measure("21103000", "市民文化局", 5000, 4000);
  unknownYear.fiscalYear = null;
  const sheets = [
    renderSheet(measure("41303000", "環境局地球環境推進室", 21959, 21165), "41303000").grid,
    renderSheet(closed, "41303100").grid,
    renderSheet(unknownYear, "21103000").grid,
    renderSheet(measure("41303000", "環境局地球環境推進室", 21959, 21165), "41303000").grid,
  ];
  const files = ["b/評価票.xlsx", "b/評価票.xlsx", "b/評価票.xlsx", "a/評価票-写し.xlsx"];
  const r = rollUp(checkWorkbook({ sheets }), DEFAULT_SETTINGS, { files });

  test("each measure names its file; the two identical 41303000 lines are told apart and ordered by file", () => {
    expect(r.measures.map((m) => [m.file, m.sheet, m.measureCode, m.fiscalYear])).toEqual([
      ["b/評価票.xlsx", "21103000", "21103000", null],
      ["a/評価票-写し.xlsx", "41303000", "41303000", 2013],
      ["b/評価票.xlsx", "41303000", "41303000", 2013],
      ["b/評価票.xlsx", "41303100", "41303100", 2012],
    ]);
  });

  test("a department whose only measure has no 評価年度 has blank totals, not 0", () => {
    expect(r.departments.find((d) => d.department === "市民文化局")).toEqual({
      department: "市民文化局",
      measures: 1,
      unknownYear: 1,
      budget: null,
      settlement: null,
      settlementForecast: null,
      executionRate: null,
      flags: { overrun: 0, "high-spend-low-achievement": 0, "under-execution": 0 },
    });
  });

  test("決算 of a closed year and 決算見込 of the current year are totalled apart; 執行率 uses both, as each measure's does", () => {
    // 41303100's 2012: 予算 37,355 決算 34,473 (closed); 41303000's 2013 twice: 予算 21,959 決算見込 21,165.
    const d = r.departments.find((x) => x.department === "環境局地球環境推進室")!;
    expect([d.measures, d.unknownYear, d.budget, d.settlement, d.settlementForecast]).toEqual([3, 0, 37355 + 2 * 21959, 34473, 2 * 21165]);
    expect(d.executionRate).toBeCloseTo((34473 + 2 * 21165) / (37355 + 2 * 21959), D);
  });
});
