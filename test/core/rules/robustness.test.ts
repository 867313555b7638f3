// Rules and summaries never throw, whatever the reader hands them, and every finding is well
// formed and points where its path says. Case count and seed: test/fuzz/runs.ts (10,000 and 42
// in `npm test`, more with `npm run fuzz`).

import fc from "fast-check";
import { checkSheet } from "../../../src/core/engine";
import type { CellValue, SheetGrid } from "../../../src/core/grid";
import type { EvaluationSheet, SheetModel } from "../../../src/core/model";
import { rollUp } from "../../../src/core/summary";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { RULES } from "../../../src/core/rules";
import { renderSheet } from "../../../src/samples/layout";
import { mistakesWorkbook } from "../../../src/samples/mistakes";
import { sample41303000 } from "../../../src/samples/sample41303000";
import { fuzzParameters } from "../../fuzz/runs";
import { fieldAt } from "../reader/readerSupport";

const RULE_SEVERITY = new Map(RULES.map((r) => [r.id, r.severity]));
// The one documented exception: a missing actual marked 集計中 is a warning, not an error.
const SEVERITY_EXCEPTIONS: Record<string, string> = { "indicator.actual.missing": "warning" };
const A1 = /^[A-Z]{1,3}[1-9]\d*$/;

// The sample in two layouts and every sheet of the mistakes workbook: between them every rule fires.
const bases: SheetGrid[] = [
  renderSheet(sample41303000, "41303000").grid,
  renderSheet(sample41303000, "41303000 年度下", { budgetYearsDown: true, indicatorYearsAcross: true }).grid,
  ...mistakesWorkbook().sheets.map((s) => s.grid).filter((g) => g.name !== "目次"),
];

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(null, "", "－", "集計中", "AⅡ", "A9", "D1", "△12", "４２８", "2014", "H25", "大きいほどよい", "小さいほどよい", "累計", "決算見込", true, { error: "#DIV/0!" }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom(0, -1, 1e15, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.string({ maxLength: 8 }),
);

function pointsWherePathSays(model: SheetModel, path: string, cell: string | null): boolean {
  const target = fieldAt(model as EvaluationSheet, path);
  // A path to a Field that has a cell: the finding must name that cell (click-to-cell relies on it).
  if (target?.cell) return cell === target.cell.address;
  return true;
}

const finiteOrNull = (n: number | null): boolean => n === null || Number.isFinite(n);

test("overwriting any cells of the sample and mistakes sheets never makes the rules or roll-up throw", () => {
  fc.assert(
    fc.property(fc.nat(bases.length - 1), fc.array(fc.tuple(fc.nat(63), fc.nat(13), cellValue), { minLength: 1, maxLength: 12 }), (which, edits) => {
      const base = bases[which];
      const values = base.values.map((r) => [...r]);
      for (const [r, c, v] of edits) if (r < values.length) values[r][c] = v;
      const result = checkSheet({ ...base, values });
      const findingsOk = result.findings.every(
        (f) =>
          RULE_SEVERITY.has(f.rule) &&
          (f.severity === RULE_SEVERITY.get(f.rule) || f.severity === SEVERITY_EXCEPTIONS[f.rule]) &&
          f.sheet === base.name &&
          (f.cell === null || A1.test(f.cell)) &&
          f.message.ja.length > 0 &&
          f.message.en.length > 0 &&
          pointsWherePathSays(result.model, f.path, f.cell),
      );
      const s = result.kind === "evaluation" ? result.summary : null;
      if (s === null) return findingsOk;
      const figuresOk =
        s.indicators.every((ind) => finiteOrNull(ind.progress) && ind.years.every((y) => finiteOrNull(y.rate) && (y.rate === null) === (y.grade === null))) &&
        s.budget.every((b) => finiteOrNull(b.executionRate) && finiteOrNull(b.budgetToPlan));
      const [measure] = rollUp([result], DEFAULT_SETTINGS).measures;
      const rollupOk = finiteOrNull(measure.meanRate) && finiteOrNull(measure.minRate) && finiteOrNull(measure.executionRate);
      return findingsOk && figuresOk && rollupOk;
    }),
    fuzzParameters(),
  );
});

test("the bases are evaluation sheets (the edits start from real sheets)", () => {
  expect(bases.map((g) => checkSheet(g).kind)).toEqual(bases.map(() => "evaluation"));
  expect(bases.length).toBe(2 + mistakesWorkbook().sheets.length - 1);
});
