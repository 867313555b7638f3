import { checkWorkbook } from "../../src/core/engine";
import { fromA1 } from "../../src/core/grid";
import { RULES } from "../../src/core/rules";
import { mistakesWorkbook } from "../../src/samples/mistakes";
import { projectMistakesWorkbook } from "../../src/samples/projectMistakes";

const { sheets, expected } = mistakesWorkbook();
const results = checkWorkbook({ sheets: sheets.map((s) => s.grid) });
const findings = results.flatMap((r) => r.findings);
// The project rules are planted in a workbook of their own (src/samples/projectMistakes.ts).
const projectMistakes = projectMistakesWorkbook();

test("4–6 measures with different codes and departments, plus a 目次 sheet", () => {
  expect(results.map((r) => [r.sheet, r.kind])).toEqual([
    ["目次", "other"],
    ["41303000", "evaluation"],
    ["21101000", "evaluation"],
    ["31201000", "evaluation"],
    ["4130300", "evaluation"],
    ["51101000", "evaluation"],
  ]);
  const departments = new Set(results.map((r) => r.summary?.department).filter(Boolean));
  expect(departments.size).toBe(4);
});

test.each(expected.map((e) => [e.rule, e.sheet, e.cell] as const))("%s fires on %s at %s", (rule, sheet, cell) => {
  const hits = findings.filter((f) => f.rule === rule && f.sheet === sheet);
  expect(hits.map((f) => f.cell)).toContain(cell);
});

test("every single-sheet rule of the catalogue is expected somewhere, at a real cell where the rule points at one", () => {
  const covered = new Set([...expected, ...projectMistakes.expected].map((e) => e.rule));
  // Cross-year and template rules need several workbooks or a profile: test/cli covers them.
  const sheetRules = RULES.filter((r) => r.scope === "sheet").map((r) => r.id);
  expect(sheetRules).toContain("indicator.name.missing");
  expect(sheetRules.filter((id) => !covered.has(id))).toEqual([]);
  expect(findings.filter((f) => !sheetRules.includes(f.rule))).toEqual([]);
  // Every planted mistake has a known cell, found by the finding; only a missing cost table has none.
  expect(expected.filter((e) => !/^[A-Z]+[1-9][0-9]*$/.test(e.cell))).toEqual([]);
  expect(projectMistakes.expected.filter((e) => !/^[A-Z]+[1-9][0-9]*$/.test(e.cell)).map((e) => e.rule)).toEqual(["project.cost.table.missing"]);
});

test("sheet 51101000's plan heading has no period and is written once", () => {
  const rendered = sheets.find((s) => s.grid.name === "51101000")!;
  const { row, col } = fromA1(rendered.cellOf["plan.label"]);
  expect(rendered.grid.values[row][col]).toBe("実行計画における施策の概要及び施策の目標");
});
