import { checkWorkbook } from "../../src/core/engine";
import { linkWorkbook } from "../../src/core/report";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { familyMistakesWorkbook, familyWorkbook, MEASURE_SHEET, ROLLUP_SHEET } from "../../src/samples/family41303000";

const linked = (sheets: ReturnType<typeof familyWorkbook>) => linkWorkbook(checkWorkbook({ sheets: sheets.map((s) => s.grid) }), DEFAULT_SETTINGS);
const isLinkOrRollup = (rule: string) => rule.startsWith("link.") || rule.startsWith("rollup.");

describe("the 41303000 family: (1), (2) and its four projects in one workbook", () => {
  const { results, groups } = linked(familyWorkbook());

  test("each sheet is read as what it is", () => {
    expect(results.map((r) => [r.sheet, r.kind])).toEqual([
      [MEASURE_SHEET, "evaluation"],
      [ROLLUP_SHEET, "rollup"],
      ["41303010", "project"],
      ["41303020", "project"],
      ["41303030", "project"],
      ["41303040", "project"],
    ]);
  });

  test("checks clean: no link or roll-up finding, and the (2) and the project sheets have none at all", () => {
    expect(results.flatMap((r) => r.findings).filter((f) => isLinkOrRollup(f.rule))).toEqual([]);
    expect(results.slice(1).map((r) => r.counts)).toEqual(new Array(5).fill({ error: 0, warning: 0, info: 0 }));
  });

  test("one group: the (1), the (2) and the four projects, listed, with their 達成度 and 方向性区分", () => {
    expect(groups).toHaveLength(1);
    const [g] = groups;
    expect([g.measureCode, g.fiscalYear, g.measureSheet, g.rollupSheet, g.policy]).toEqual([
      "41303000",
      2013,
      { file: null, sheet: MEASURE_SHEET },
      { file: null, sheet: ROLLUP_SHEET },
      "環境を守り自然と調和したまちづくり",
    ]);
    expect(g.projects.map((p) => [p.name, p.code, p.sheet, p.listed, p.achievement, p.direction])).toEqual([
      ["国際環境施策推進事業", "41303010", "41303010", true, "3", "Ⅱ"],
      ["環境総合研究推進事業", "41303020", "41303020", true, "2", "Ⅱ"],
      ["国際環境産業推進事業", "41303030", "41303030", true, "3", "Ⅰ"],
      ["アジア起業家誘致交流促進事業", "41303040", "41303040", true, "4", "Ⅳ"],
    ]);
  });

  test("the projects' 事業費 A add up to the (1)'s 事業費合計 in every year and column", () => {
    expect(groups[0].costs.map((c) => [c.year, c.column, c.forecast, c.measure, c.projectsSum, c.difference, c.projectsMissing, c.cell])).toEqual([
      [2011, "budget", false, 43769, 43769, 0, 0, "B41"],
      [2011, "settlement", false, 38182, 38182, 0, 0, "C41"],
      [2012, "plan", false, 39173, 39173, 0, 0, "D41"],
      [2012, "budget", false, 37355, 37355, 0, 0, "E41"],
      [2012, "settlement", false, 34473, 34473, 0, 0, "F41"],
      [2013, "plan", false, 38802, 38802, 0, 0, "G41"],
      [2013, "budget", false, 21959, 21959, 0, 0, "H41"],
      [2013, "settlement", true, 21165, 21165, 0, 0, "I41"],
    ]);
  });
});

describe("the family with one mistake per link and roll-up rule", () => {
  const { sheets, expected } = familyMistakesWorkbook();
  const { results } = linked(sheets);
  const found = results.flatMap((r) => r.findings).filter((f) => isLinkOrRollup(f.rule));

  test("every link and roll-up rule fires exactly once, at its planted cell, and nothing else of theirs", () => {
    expect(found.map((f) => ({ rule: f.rule, sheet: f.sheet, cell: f.cell })).sort((a, b) => a.rule.localeCompare(b.rule))).toEqual(
      [...expected].sort((a, b) => a.rule.localeCompare(b.rule)),
    );
    expect(new Set(found.map((f) => f.rule)).size).toBe(12);
  });

  test("the cost finding names the figures; link.project.missing is information in a single workbook", () => {
    const cost = found.find((f) => f.rule === "link.cost.mismatch")!;
    expect(cost.message.ja).toBe("2012年度の決算(F41)34,573が、配下の事務事業4件の事業費Aの合計 34,473 と 100 違います。");
    expect(cost.related).toEqual(["41303010!G19", "41303020!G19", "41303030!G19", "41303040!G19"]);
    expect(found.find((f) => f.rule === "link.project.missing")!.severity).toBe("info");
  });

  test("the project sheets themselves stay clean", () => {
    expect(results.filter((r) => r.kind === "project").map((r) => [r.sheet, r.counts])).toEqual(
      ["41303010", "41303020", "41303030", "41303040", "41303050"].map((s) => [s, { error: 0, warning: 0, info: 0 }]),
    );
  });
});
