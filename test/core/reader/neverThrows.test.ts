// No grid makes the reader throw, and every answer is an honest model: a sheet kind, and
// for evaluation sheets fields whose cells lie on the sheet.
import fc from "fast-check";
import type { CellValue, RangeBox, SheetGrid } from "../../../src/core/grid";
import { fromA1 } from "../../../src/core/grid";
import type { SheetModel } from "../../../src/core/model";
import { readSheet } from "../../../src/core/reader";
import { LABEL_NAMES, defaultVocabulary } from "../../../src/core/vocabulary";
import { renderSheet } from "../../../src/samples/layout";
import { sample41303000 } from "../../../src/samples/sample41303000";
import { fieldsOf } from "../../fuzz/fieldsOf";
import { fuzzParameters } from "../../fuzz/runs";

const labelWords = LABEL_NAMES.flatMap((name) => defaultVocabulary[name]);

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...labelWords, "<参考指標>", "■ 事業費", "参考指標名①", "2013年度", "H25", "AⅡ", "ａ２", "△12", "43,769", "－", "第3期実行計画(2011〜2013年度)"),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: 1990, max: 2030 }),
  fc.double(),
  fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, 1e308, Infinity, -Infinity, NaN, 45000.5),
  fc.constantFrom({ error: "#DIV/0!" }, { error: "#N/A" }, { error: "#REF!" }),
  fc.boolean(),
);

const merge: fc.Arbitrary<RangeBox> = fc.record({
  top: fc.integer({ min: -2, max: 10 }),
  left: fc.integer({ min: -2, max: 10 }),
  bottom: fc.integer({ min: -2, max: 12 }),
  right: fc.integer({ min: -2, max: 12 }),
});

const randomGrid: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.string({ maxLength: 8 }),
  top: fc.integer({ min: 0, max: 3 }),
  left: fc.integer({ min: 0, max: 3 }),
  values: fc.array(fc.array(cellValue, { maxLength: 8 }), { maxLength: 8 }),
  merges: fc.array(merge, { maxLength: 4 }),
});

function honest(model: SheetModel, grid: SheetGrid): boolean {
  if (model.sheet !== grid.name) return false;
  if (model.kind === "other") return typeof model.reason === "string" && model.reason.length > 0;
  return fieldsOf(model).every((f) => {
    if (f.cell === null) return f.status === "empty";
    const { row, col } = fromA1(f.cell.address);
    return f.cell.sheet === grid.name && row >= 0 && col >= 0 && typeof f.raw === "string";
  });
}

describe("readSheet never throws", () => {
  it("on random grids (strings with label words, huge numbers, errors, booleans, bad merges)", () => {
    fc.assert(
      fc.property(randomGrid, (grid) => {
        const model = readSheet(grid, defaultVocabulary);
        return honest(model, grid) && !(model.kind === "other" && model.reason.startsWith("could not be read"));
      }),
      fuzzParameters(),
    );
  });

  const sample = renderSheet(sample41303000, "41303000").grid;
  const rows = sample.values.length;
  const cols = sample.values[0].length;

  it("on the sample grid with random cells overwritten and random merges added", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(rows - 1), fc.nat(cols - 1), cellValue), { maxLength: 12 }),
        fc.array(merge, { maxLength: 3 }),
        (edits, merges) => {
          const values = sample.values.map((r) => [...r]);
          for (const [r, c, v] of edits) values[r][c] = v;
          const grid: SheetGrid = { ...sample, values, merges: [...sample.merges, ...merges] };
          const model = readSheet(grid, defaultVocabulary);
          return honest(model, grid) && !(model.kind === "other" && model.reason.startsWith("could not be read"));
        },
      ),
      fuzzParameters(1500),
    );
  });

  it("on malformed grids an adapter should never produce", () => {
    const broken = [
      { name: "x", top: 0, left: 0, values: [null, [1, "施策課題"], undefined], merges: null },
      { name: "y", top: 0, left: 0, values: [["評価年度", { error: 5 }]], merges: [{ top: 0, left: 0 }] },
      { name: "z", top: NaN, left: 0, values: [["施策課題", "41303000"], ["評価年度", "2013"]], merges: [] },
    ] as unknown as SheetGrid[];
    for (const grid of broken) expect(() => readSheet(grid, defaultVocabulary)).not.toThrow();
    expect(readSheet(broken[0], defaultVocabulary).kind).toBe("other");
  });
});
