// The committed sample workbooks: up to date with the generators, and read back with the
// sample's published figures at their known cells.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cellAt, fromA1, gridBottom, gridRight, type SheetGrid } from "../../../src/core/grid";
import { readWorkbook } from "../../../src/adapters/xlsx";
import { renderSheet } from "../../../src/samples/layout";
import { sample41303000 } from "../../../src/samples/sample41303000";
import { buildSamples, familyGrid, familyMistakesGrid, kawasakiR6Grid, mistakesGrid, projectMistakesGrid, projectsGrid, SAMPLES_DIR, templateGrid } from "../../../scripts/generate-samples";
import { checkWorkbook } from "../../../src/core/engine";

function committed(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SAMPLES_DIR, name)));
}

/** Same value in every cell of either grid (a generated grid may be ragged, a read one is not). */
function expectSameCells(read: SheetGrid, expected: SheetGrid): void {
  expect(read.name).toBe(expected.name);
  const top = Math.min(read.top, expected.top);
  const left = Math.min(read.left, expected.left);
  const bottom = Math.max(gridBottom(read), gridBottom(expected));
  const right = Math.max(gridRight(read), gridRight(expected));
  const differences: string[] = [];
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const a = cellAt(read, r, c);
      const b = cellAt(expected, r, c);
      if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`${r},${c}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
    }
  }
  expect(differences).toEqual([]);
  const key = (m: SheetGrid["merges"][number]) => `${m.top},${m.left},${m.bottom},${m.right}`;
  expect(read.merges.map(key).sort()).toEqual(expected.merges.map(key).sort());
}

describe("committed sample workbooks", () => {
  it("are byte-identical to what `npm run samples` builds now", async () => {
    const built = await buildSamples();
    expect(Object.keys(built).sort()).toEqual([
      "41303000-2013.xlsx",
      "41303000-family-mistakes.xlsx",
      "41303000-family.xlsx",
      "41303000-projects.xlsx",
      "kawasaki-r6-project.xlsx",
      "mistakes.xlsx",
      "project-mistakes.xlsx",
      "template-blank.xlsx",
    ]);
    for (const [name, bytes] of Object.entries(built)) {
      // On failure: the generators changed; run `npm run samples` and commit the files.
      expect({ name, same: Buffer.from(committed(name)).equals(Buffer.from(bytes)) }).toEqual({ name, same: true });
    }
  });

  it("41303000-2013.xlsx holds the published figures at their cells", async () => {
    const rendered = renderSheet(sample41303000, "41303000");
    const { sheets } = await readWorkbook(committed("41303000-2013.xlsx"));
    expect(sheets).toHaveLength(1);
    const sheet = sheets[0];
    expectSameCells(sheet, rendered.grid);
    const at = (path: string) => {
      const { row, col } = fromA1(rendered.cellOf[path]);
      return cellAt(sheet, row, col);
    };
    expect(rendered.cellOf["indicators[0].rows[2].actual"]).toBe("C34");
    expect([at("indicators[0].rows[2].year"), at("indicators[0].rows[2].plan"), at("indicators[0].rows[2].actual")]).toEqual([2012, 600, 428]);
    expect([at("indicators[1].rows[3].plan"), at("indicators[1].rows[3].actual")]).toEqual([130, 161]);
    expect([at("indicators[2].rows[3].plan"), at("indicators[2].rows[3].actual"), at("indicators[2].rows[3].unit")]).toEqual([40, 36, "団体"]);
    expect([at("budget[0].budget"), at("budget[0].settlement")]).toEqual([43769, 38182]);
    expect([at("evaluation.codes[0].code"), at("evaluation.codes[1].code"), at("evaluation.codes[2].code")]).toEqual(["AⅡ", "AⅡ", "AⅡ"]);
    expect(at("header.fiscalYear")).toBe("2013年度");
  });

  it("template-blank.xlsx is the standard layout with labels only", async () => {
    const { sheets } = await readWorkbook(committed("template-blank.xlsx"));
    expectSameCells(sheets[0], templateGrid().sheets[0]);
    expect(sheets[0].name).toBe("評価票");
    const numbers = sheets[0].values.flat().filter((v) => typeof v === "number");
    // Only the laid-out years (base year 2010 and the plan years), no figures.
    expect([...new Set(numbers)].sort()).toEqual([2010, 2011, 2012, 2013]);
  });

  it("mistakes.xlsx holds every sheet of the mistakes workbook", async () => {
    const expected = mistakesGrid();
    const { sheets } = await readWorkbook(committed("mistakes.xlsx"));
    expect(sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    sheets.forEach((s, i) => expectSameCells(s, expected.sheets[i]));
  });

  it.each([
    ["41303000-projects.xlsx", projectsGrid],
    ["kawasaki-r6-project.xlsx", kawasakiR6Grid],
    ["project-mistakes.xlsx", projectMistakesGrid],
  ] as const)("%s reads back cell for cell, and as project sheets", async (name, grid) => {
    const expected = grid();
    const { sheets } = await readWorkbook(committed(name));
    expect(sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    sheets.forEach((s, i) => expectSameCells(s, expected.sheets[i]));
    expect(checkWorkbook({ sheets }).map((r) => r.kind)).toEqual(sheets.map(() => "project"));
  });

  it.each([
    ["41303000-family.xlsx", familyGrid],
    ["41303000-family-mistakes.xlsx", familyMistakesGrid],
  ])("%s holds the (1), the (2) and the project sheets as generated", async (name, grid) => {
    const expected = grid();
    const { sheets } = await readWorkbook(committed(name));
    expect(sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
    sheets.forEach((s, i) => expectSameCells(s, expected.sheets[i]));
    expect(checkWorkbook({ sheets }).map((r) => r.kind)).toEqual(["evaluation", "rollup", ...sheets.slice(2).map(() => "project")]);
  });
});
