// Sample sheets bent the way departments bend them: a label blanked or reworded, a table moved
// to where the label search does not look.
import { fromA1, type CellValue, type SheetGrid } from "../../../src/core/grid";
import type { EvaluationSheet, SheetModel } from "../../../src/core/model";
import { renderSheet } from "../../../src/samples/layout";
import { sample41303000 } from "../../../src/samples/sample41303000";

export function sampleGrid(name = "評価票"): SheetGrid {
  return renderSheet(sample41303000, name).grid;
}

export function asEvaluation(model: SheetModel): EvaluationSheet {
  if (model.kind !== "evaluation") throw new Error(`expected an evaluation sheet, got ${model.kind}: ${model.kind === "other" ? model.reason : model.sheet}`);
  return model;
}

export function cell(grid: SheetGrid, address: string): CellValue {
  const { row, col } = fromA1(address);
  return grid.values[row - grid.top]?.[col - grid.left] ?? null;
}

export function setCell(grid: SheetGrid, address: string, value: CellValue): void {
  const { row, col } = fromA1(address);
  while (grid.values.length <= row - grid.top) grid.values.push([]);
  const line = grid.values[row - grid.top];
  while (line.length <= col - grid.left) line.push(null);
  line[col - grid.left] = value;
}

/** Moves the cells of `from` (A1:D5) so that its top-left lands at `to`; the old place is left blank. */
export function moveBlock(grid: SheetGrid, from: string, to: string): void {
  const [a, b] = from.split(":").map(fromA1);
  const target = fromA1(to);
  const values: CellValue[][] = [];
  for (let r = a.row; r <= b.row; r++) {
    const line: CellValue[] = [];
    for (let c = a.col; c <= b.col; c++) {
      const address = `${String.fromCharCode(65 + c)}${r + 1}`;
      line.push(cell(grid, address));
      setCell(grid, address, null);
    }
    values.push(line);
  }
  values.forEach((line, i) =>
    line.forEach((v, j) => {
      const col = target.col + j;
      const letters = col < 26 ? String.fromCharCode(65 + col) : `A${String.fromCharCode(65 + col - 26)}`;
      setCell(grid, `${letters}${target.row + i + 1}`, v);
    }),
  );
}

/** The figures of one indicator, cell positions aside. */
export function indicatorFigures(model: EvaluationSheet, i: number) {
  const indicator = model.indicators[i];
  return {
    name: indicator?.name.value ?? null,
    unit: indicator?.unit.value ?? null,
    rows: (indicator?.rows ?? []).map((r) => [r.year.value, r.plan.value, r.actual.value, r.unit.value]),
  };
}
