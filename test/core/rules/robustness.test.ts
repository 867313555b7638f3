// Rules and summaries never throw, whatever the reader hands them, and every finding is well formed.

import fc from "fast-check";
import { checkSheet } from "../../../src/core/engine";
import type { CellValue } from "../../../src/core/grid";
import { RULES } from "../../../src/core/rules";
import { renderSheet } from "../../../src/samples/layout";
import { sample41303000 } from "../../../src/samples/sample41303000";

const RULE_IDS = new Set(RULES.map((r) => r.id));
const base = renderSheet(sample41303000, "41303000").grid;

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(null, "", "－", "集計中", "AⅡ", "A9", "△12", "４２８", "2014", "H25", "大きいほどよい", "累計", true, { error: "#DIV/0!" }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.string({ maxLength: 8 }),
);

test("overwriting any cells of the sample never makes the rules throw", () => {
  const rows = base.values.length;
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.nat(rows - 1), fc.nat(13), cellValue), { minLength: 1, maxLength: 12 }), (edits) => {
      const values = base.values.map((r) => [...r]);
      for (const [r, c, v] of edits) values[r][c] = v;
      const result = checkSheet({ ...base, values });
      for (const f of result.findings) {
        expect(RULE_IDS.has(f.rule)).toBe(true);
        expect(f.cell === null || /^[A-Z]{1,3}[1-9]\d*$/.test(f.cell)).toBe(true);
        expect(f.message.ja.length > 0 && f.message.en.length > 0).toBe(true);
      }
    }),
    { seed: 42, numRuns: 400 },
  );
});
