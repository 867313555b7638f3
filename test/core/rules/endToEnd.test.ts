// The rules through the whole engine: renderSheet(sample41303000) → checkSheet, with the
// expected findings at the cells the layout says it used.

import { checkSheet } from "../../../src/core/engine";
import { renderSheet, type LayoutOptions } from "../../../src/samples/layout";
import { sample41303000 } from "../../../src/samples/sample41303000";
import { evaluationResult } from "../../support/kinds";

const LAYOUTS: [string, LayoutOptions][] = [
  ["default", {}],
  ["shifted, stacked, years across", { rowOffset: 3, colOffset: 2, indicatorsStacked: true, indicatorYearsAcross: true }],
  ["budget down, forecast column, no merges", { budgetYearsDown: true, forecastAsColumn: true, noMerges: true, headingStyle: "square" }],
];

describe.each(LAYOUTS)("the 41303000 sample, %s layout", (_name, options) => {
  const { grid, cellOf } = renderSheet(sample41303000, "41303000", options);
  const result = checkSheet(grid);
  const warningsAndErrors = result.findings.filter((f) => f.severity !== "info");

  test("warnings at the known cells, no errors", () => {
    expect(result.kind).toBe("evaluation");
    expect(warningsAndErrors.map((f) => [f.rule, f.cell, f.path])).toEqual([
      ["indicator.unit.missing", cellOf["indicators[0].rows[0].unit"], "indicators[0].unit"],
      ["indicator.unit.missing", cellOf["indicators[1].rows[0].unit"], "indicators[1].unit"],
      ["indicator.cumulative.decrease", cellOf["indicators[0].rows[1].actual"], "indicators[0].rows[1].actual"],
      ["budget.plan-deviation", cellOf["budget[2].budget"], "budget[2].budget"],
    ]);
    expect(result.counts.error).toBe(0);
  });

  test("the 2013 settlement flagged as forecast", () => {
    const forecast = result.findings.filter((f) => f.rule === "budget.settlement.forecast");
    expect(forecast.map((f) => [f.cell, f.severity])).toEqual([[cellOf["budget[2].settlement"], "info"]]);
  });

  test("summary figures", () => {
    const s = evaluationResult(result).summary;
    expect(s.indicators[0].years.map((y) => y.rate)).toEqual([273 / 250, 428 / 600, 868 / 950]);
    expect(s.indicators[1].years[2].rate).toBeCloseTo(161 / 130, 12);
    expect(s.indicators[2].years[2].rate).toBeCloseTo(0.9, 12);
    expect(s.indicators[0].progress).toBeCloseTo(868 / 950, 12);
    expect(s.budget[0].executionRate).toBeCloseTo(38182 / 43769, 12);
    expect(s.budget[2].budgetToPlan).toBeCloseTo(21959 / 38802, 12);
    expect(s.evaluation).toEqual({ "2011": "AⅡ", "2012": "AⅡ", "2013": "AⅡ" });
    expect(s.indicators[0].years[2].cells.actual).toBe(cellOf["indicators[0].rows[3].actual"]);
  });
});

test("the default layout's cumulative-decrease message names C33, 745 and 273", () => {
  const { grid } = renderSheet(sample41303000, "41303000");
  const f = checkSheet(grid).findings.find((x) => x.rule === "indicator.cumulative.decrease")!;
  expect(f.message.ja).toBe(
    "参考指標①「海外からの視察受入人数累計数」2011年度の実績値(C33)が前年度(745)より減少しています(273)。累計指標は減少しないはずです。",
  );
  expect(f.related).toEqual(["41303000!C32"]);
});
