// Workbooks for the Office adapter tests: rendered sample sheets put into the fake Excel.

import { boxToA1, cellAt, gridBottom, gridRight, isCellDate, toA1, type SheetGrid } from "../../../src/core/grid";
import { renderSheet, type LayoutOptions } from "../../../src/samples/layout";
import { sample41303000 } from "../../../src/samples/sample41303000";
import type { Finding, Severity } from "../../../src/core/findings";
import type { FakeSheetSpec } from "../../support/fakeExcel";

/** A finding of a test rule at a cell (or range) of a sheet. */
export const finding = (sheet: string, cell: string | null, severity: Severity = "error"): Finding => ({
  rule: "test.rule",
  severity,
  sheet,
  cell,
  path: "x",
  message: { ja: "テスト", en: "test" },
});

export function specOf(grid: SheetGrid): FakeSheetSpec {
  const cells: FakeSheetSpec["cells"] = {};
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      // Office.js gives dates as serial numbers, never as CellDate (sample grids hold none).
      if (v !== null && v !== "" && !isCellDate(v)) cells[toA1(grid.top + r, grid.left + c)] = v;
    }),
  );
  return { name: grid.name, cells, merges: grid.merges.map(boxToA1) };
}

export function sampleGrid(name: string, options: LayoutOptions = {}): SheetGrid {
  return renderSheet(sample41303000, name, options).grid;
}

/** Sheet-coordinate differences between two grids ('' and null alike), as `A1: a ≠ b` lines. */
export function gridDifferences(a: SheetGrid, b: SheetGrid): string[] {
  const out: string[] = [];
  const bottom = Math.max(gridBottom(a), gridBottom(b));
  const right = Math.max(gridRight(a), gridRight(b));
  const norm = (v: unknown) => (v === "" ? null : v);
  for (let r = Math.min(a.top, b.top); r <= bottom; r++)
    for (let c = Math.min(a.left, b.left); c <= right; c++) {
      const x = norm(cellAt(a, r, c));
      const y = norm(cellAt(b, r, c));
      if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${toA1(r, c)}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`);
    }
  return out;
}
