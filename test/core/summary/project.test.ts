// Per-project figures and the roll-up over many project sheets.
import { checkWorkbook, type ProjectResult } from "../../../src/core/engine";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { rollUp } from "../../../src/core/summary";
import { renderSheet } from "../../../src/samples/layout";
import { kawasakiR6 } from "../../../src/samples/projectKawasakiR6";
import { renderProjectSheet } from "../../../src/samples/projectLayout";
import { projects41303000 } from "../../../src/samples/projects41303000";
import { sample41303000 } from "../../../src/samples/sample41303000";

const results = checkWorkbook({ sheets: projects41303000.map((p) => renderProjectSheet(p, String(p.projectCode)).grid) }) as ProjectResult[];

test("per project and year: 執行率 of 事業費 A, 一般財源 share, 人件費 share, 総コスト", () => {
  const years = results[0].summary.years;
  expect(years.map((y) => y.year)).toEqual([2011, 2012, 2013, 2014]);
  const y2011 = years[0];
  expect(y2011).toEqual({
    year: 2011,
    budget: 12480,
    settlement: 11205,
    settlementIsForecast: false,
    executionRate: 11205 / 12480,
    // 一般財源 under 予算額: 12,480 − 500.
    generalShare: 11980 / 12480,
    // 人件費 ÷ 総コスト under 決算額: 20,850 ÷ (11,205 + 20,850).
    staffShare: 20850 / 32055,
    totalCost: 32055,
  });
  expect(years[2]).toMatchObject({ year: 2013, budget: 9870, settlement: 9512, settlementIsForecast: true, totalCost: 9512 + 19067 });
  // The future year: no settlement yet; the figures of its budget column.
  expect(years[3]).toMatchObject({ year: 2014, settlement: null, executionRate: null, totalCost: 10020 + 19067 });
});

test("the JSON contract's fields: code as a string, achievement a number, direction as the scale writes it", () => {
  const s = results[1].summary;
  expect([s.projectCode, s.projectName, s.department, s.fiscalYear, s.achievement, s.direction, s.costUnit, s.policyArea]).toEqual([
    "41303020", "環境総合研究推進事業", "環境局環境総合研究所", 2013, 2, "Ⅱ", "千円", "4 環境を守り自然と調和したまちづくり",
  ]);
  expect(s.costs[0]).toEqual({
    year: 2011,
    column: "budget",
    forecast: false,
    projectCost: 18306,
    staffCost: 15012,
    totalCost: 33318,
    staffYears: 1.8,
    funding: { national: 4000, prefectural: null, bonds: 5000, other: 1250, general: 8056 },
    cells: { projectCost: "C19", staffCost: "C24", totalCost: "C25", staffYears: "C26", general: "C23" },
  });
  // Funding and 人工 are printed under 予算額 and 計画事業費 only: null, not 0, under 決算額.
  expect(s.costs[1]).toMatchObject({ column: "settlement", staffYears: null, funding: { national: null, prefectural: null, bonds: null, other: null, general: null } });
  expect(s.indicators[0]).toMatchObject({ index: 1, name: "環境技術の国際展開を目指した研修講義数", base: { year: null, actual: 37, rate: null } });
  expect(s.indicators[0].years.find((y) => y.year === 2013)?.rate).toBeCloseTo(65 / 40, 12);
});

test("the roll-up: one line per project, totals by 所属 and policy area for the evaluation year, the distributions", () => {
  const rollup = rollUp(
    [...checkWorkbook({ sheets: [renderSheet(sample41303000, "41303000").grid] }), ...results],
    DEFAULT_SETTINGS,
  );
  expect(rollup.sheets).toEqual({ evaluation: 1, rollup: 0, project: 4, other: 0 });
  const p = rollup.projects;
  expect(p.projects.map((l) => [l.projectCode, l.budget, l.settlement, l.settlementIsForecast])).toEqual([
    ["41303010", 9870, 9512, true],
    ["41303020", 3420, 3301, true],
    ["41303030", 7214, 6980, true],
    ["41303040", 1455, 1372, true],
  ]);
  expect(p.byDepartment.map((t) => [t.group, t.costUnit, t.projects, t.budget, t.settlement, t.settlementForecast])).toEqual([
    ["環境局地球環境推進室", "千円", 1, 9870, null, 9512],
    ["環境局環境総合研究所", "千円", 1, 3420, null, 3301],
    ["経済労働局国際経済推進室", "千円", 2, 7214 + 1455, null, 6980 + 1372],
  ]);
  // The 施策 sheet's 2013 予算 and 決算見込: the four projects add up to it.
  expect(p.byPolicyArea).toEqual([
    {
      group: "4 環境を守り自然と調和したまちづくり",
      costUnit: "千円",
      projects: 4,
      unknownYear: 0,
      budget: 21959,
      settlement: null,
      settlementForecast: 21165,
      executionRate: 21165 / 21959,
      totalCost: 28579 + 3301 + 4974 + 6980 + 8290 + 1372 + 2487,
    },
  ]);
  expect(p.achievement).toEqual({ scale: "achievement-1to5", values: [{ value: "1", count: 0 }, { value: "2", count: 1 }, { value: "3", count: 2 }, { value: "4", count: 1 }, { value: "5", count: 0 }], none: 0 });
  expect(p.direction.values.filter((v) => v.count > 0)).toEqual([{ value: "Ⅰ", count: 1 }, { value: "Ⅱ", count: 2 }, { value: "Ⅳ", count: 1 }]);
});

test("千円 and 円 are never added together: one total per unit", () => {
  const yen = structuredClone(kawasakiR6);
  yen.unitNote = "(単位:円)";
  yen.projectCode = "10101020";
  const both = checkWorkbook({ sheets: [renderProjectSheet(kawasakiR6, "a").grid, renderProjectSheet(yen, "b").grid] });
  const totals = rollUp(both, DEFAULT_SETTINGS).projects.byDepartment;
  expect(totals.map((t) => [t.group, t.costUnit, t.projects, t.budget])).toEqual([
    ["危機管理本部危機管理部", "円", 1, 48300],
    ["危機管理本部危機管理部", "千円", 1, 48300],
  ]);
});

test("杉並: 受益者負担分 joins その他 in the funding; 一般財源 as printed", async () => {
  const { suginami } = await import("../reader/otherCities");
  const [result] = checkWorkbook({ sheets: [suginami()] }) as ProjectResult[];
  expect(result.summary.costs[0].funding).toEqual({ national: 20000, prefectural: null, bonds: null, other: 800 + 1500, general: 79000 - 22300 });
});
