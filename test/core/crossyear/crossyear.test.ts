import { checkSheet } from "../../../src/core/engine";
import { crossYearCheck, type CrossYearInput } from "../../../src/core/crossyear";
import type { EvaluationSheet } from "../../../src/core/model";
import { ruleById } from "../../../src/core/rules";
import { renderSheet } from "../../../src/samples/layout";
import type { MeasureData } from "../../../src/samples/measureData";
import { sample41303000 } from "../../../src/samples/sample41303000";
import type { ProjectData } from "../../../src/samples/projectData";
import { renderProjectSheet } from "../../../src/samples/projectLayout";
import { projects41303000 } from "../../../src/samples/projects41303000";

/** The 2012 book of the same measure: 2013 not yet reported, 2012's settlement a forecast. */
function book2012(): MeasureData {
  const d: MeasureData = JSON.parse(JSON.stringify(sample41303000));
  d.fiscalYear = "2012年度";
  d.evaluation.codes = ["AⅡ", "AⅡ", null];
  for (const ind of d.indicators) for (const row of ind.rows) if (row.year === 2013) row.actual = null;
  return d;
}

function model(data: MeasureData, sheet: string): { model: EvaluationSheet; cellOf: Record<string, string> } {
  const rendered = renderSheet(data, sheet);
  const result = checkSheet(rendered.grid);
  if (result.model.kind !== "evaluation") throw new Error("sample not read as an evaluation sheet");
  return { model: result.model, cellOf: rendered.cellOf };
}

describe("crossYearCheck", () => {
  it("finds nothing when the 2012 and 2013 books agree on the past", () => {
    const a = model(book2012(), "41303000");
    const b = model(sample41303000, "41303000");
    expect(crossYearCheck([{ file: "2012.xlsx", model: a.model }, { file: "2013.xlsx", model: b.model }])).toEqual([]);
  });

  it("reports a restated 2012 actual with both cells", () => {
    const older = book2012();
    older.indicators[0].rows[2].actual = 410; // 2012 published as 410, restated as 428 in 2013
    const a = model(older, "41303000");
    const b = model(sample41303000, "41303000");
    const inputs: CrossYearInput[] = [
      { file: "2013.xlsx", model: b.model },
      { file: "2012.xlsx", model: a.model },
    ];
    const findings = crossYearCheck(inputs);
    expect(findings).toHaveLength(1);
    const f = findings[0];
    expect(f).toMatchObject({
      rule: "crossyear.value.changed",
      severity: "warning",
      file: "2013.xlsx",
      sheet: "41303000",
      cell: b.cellOf["indicators[0].rows[2].actual"],
      path: "indicators[0].rows[2].actual",
      raw: "428",
      related: [`2012.xlsx 41303000!${a.cellOf["indicators[0].rows[2].actual"]}`],
    });
    expect(f.message.en).toBe(
      `Indicator 1 "海外からの視察受入人数累計数" 2012 actual is "410" in the 2012 sheet (2012.xlsx 41303000!${a.cellOf["indicators[0].rows[2].actual"]}) but "428" in the 2013 sheet.`,
    );
  });

  it("reports plans changed after the fact, rewritten codes and restated closed budgets", () => {
    const older = book2012();
    older.indicators[1].rows[1].plan = 35; // 2011 plan
    older.evaluation.codes[0] = "BⅡ"; // 2011 code
    older.budget[0].settlement = 38000; // 2011 決算
    const a = model(older, "S");
    const b = model(sample41303000, "S");
    const rules = crossYearCheck([{ file: "a", model: a.model }, { file: "b", model: b.model }]).map((f) => `${f.rule} ${f.path} ${f.cell}`);
    expect(rules).toEqual([
      `crossyear.plan.changed indicators[1].rows[1].plan ${b.cellOf["indicators[1].rows[1].plan"]}`,
      `crossyear.code.changed evaluation.codes[0].code ${b.cellOf["evaluation.codes[0].code"]}`,
      `crossyear.budget.changed budget[0].settlement ${b.cellOf["budget[0].settlement"]}`,
    ]);
  });

  it("takes each finding's rule and severity from the catalogue, where the four rules are of scope cross-year", () => {
    const older = book2012();
    older.indicators[0].rows[2].actual = 410;
    older.indicators[1].rows[1].plan = 35;
    older.evaluation.codes[0] = "BⅡ";
    older.budget[0].settlement = 38000;
    const findings = crossYearCheck([{ file: "a", model: model(older, "S").model }, { file: "b", model: model(sample41303000, "S").model }]);
    expect(findings.map((f) => [f.rule, f.severity, ruleById(f.rule)?.scope, ruleById(f.rule)?.severity])).toEqual([
      ["crossyear.value.changed", "warning", "cross-year", "warning"],
      ["crossyear.plan.changed", "warning", "cross-year", "warning"],
      ["crossyear.code.changed", "warning", "cross-year", "warning"],
      ["crossyear.budget.changed", "warning", "cross-year", "warning"],
    ]);
  });

  it("does not compare different measures or the same year twice", () => {
    const other = book2012();
    other.measureCode = 41304000;
    other.indicators[0].rows[2].actual = 1;
    const a = model(other, "x");
    const b = model(sample41303000, "x");
    expect(crossYearCheck([{ file: "a", model: a.model }, { file: "b", model: b.model }])).toEqual([]);
    expect(crossYearCheck([{ file: "a", model: b.model }, { file: "b", model: b.model }])).toEqual([]);
  });
});

describe("crossYearCheck on 事務事業評価シート", () => {
  /** Project 41303010 as its 2013 sheet, and as a 2014 sheet built from it. */
  function projectPair(edit: (d: ProjectData) => void) {
    const sheet = (data: ProjectData) => {
      const rendered = renderProjectSheet(data, "41303010");
      const result = checkSheet(rendered.grid);
      if (result.model.kind !== "project") throw new Error("not read as a project sheet");
      return { model: result.model, cellOf: rendered.cellOf };
    };
    const later: ProjectData = structuredClone(projects41303000[0]);
    later.title = "平成26年度 事務事業評価シート";
    edit(later);
    return { earlier: sheet(projects41303000[0]), later: sheet(later) };
  }
  const cost = (d: ProjectData, column: number, value: number) => {
    d.rows.find((r) => r.id === "projectCost")!.values[column] = value;
  };

  it("finds nothing when the later sheet repeats the past, and the earlier sheet's own forecast may change", () => {
    const { earlier, later } = projectPair((d) => cost(d, 7, 9600)); // 2013 決算見込 9,512 → 決算 9,600
    expect(earlier.model.header.fiscalYear.value).toBe(2013);
    expect(later.model.header.fiscalYear.value).toBe(2014);
    expect(crossYearCheck([{ file: "2013.xlsx", model: earlier.model }, { file: "2014.xlsx", model: later.model }])).toEqual([]);
  });

  it("a closed 決算 restated and a plan changed after the fact, on the later sheet with the earlier cell", () => {
    // Columns: 4 = 2012 決算 (closed by 2013), 5 = 2013 計画事業費 (its year begun by 2013), 8 = 2014 計画 (not yet).
    const { earlier, later } = projectPair((d) => {
      cost(d, 4, 11100);
      cost(d, 5, 12000);
      cost(d, 8, 13000);
    });
    const found = crossYearCheck([{ file: "2014.xlsx", model: later.model }, { file: "2013.xlsx", model: earlier.model }]);
    expect(found.map((f) => [f.rule, f.file, f.cell, f.related, f.raw])).toEqual([
      ["crossyear.project.cost.changed", "2014.xlsx", "G19", [`2013.xlsx 41303010!G19`], "11100"],
      ["crossyear.project.plan.changed", "2014.xlsx", "H19", [`2013.xlsx 41303010!H19`], "12000"],
    ]);
    expect(found[0].message.ja).toBe("2012年度の決算額の事業費 Aが2013年度の事務事業評価シート(2013.xlsx 41303010!G19)では「11012」、2014年度の事務事業評価シートでは「11100」です。");
    expect(ruleById(found[1].rule)?.severity).toBe("warning");
  });
});
