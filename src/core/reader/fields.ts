// Fields read from cells of a SheetIndex: one place for "cell (or blank slot) → Field".

import type { Direction, Field } from "../model";
import type { LabelName } from "../vocabulary";
import { normalizeText, parseDirection, parseNumber, parseYear, type Parsed } from "../normalize";
import { emptyField, toField, type Cell, type SheetIndex } from "./sheetIndex";

export type Slot = { row: number; col: number } | null;

export function textField(index: SheetIndex, cell: Cell | null, slot: Slot = null): Field<string> {
  if (!cell) return emptyField(slot ? index.ref(slot.row, slot.col) : null);
  return { value: normalizeText(cell.text), raw: cell.text, cell: index.ref(cell.row, cell.col), status: "ok" };
}

/** A number at a table position; a blank position still gives its cell (the slot exists). */
export function numberAt(index: SheetIndex, row: number, col: number): Field<number> {
  const cell = index.at(row, col);
  return cell ? toField(parseNumber(cell.value), index.ref(row, col)) : emptyField(index.ref(row, col));
}

/** parseYear of a cell's value, parsed once per cell. */
export function yearOf(cell: Cell): Parsed<number> {
  if (cell.year === undefined) cell.year = parseYear(cell.value);
  return cell.year;
}

/** The year field of a cell, at the cell. */
export function yearField(index: SheetIndex, cell: Cell): Field<number> {
  return toField(yearOf(cell), index.ref(cell.row, cell.col));
}

export function yearAt(index: SheetIndex, row: number, col: number): Field<number> {
  const cell = index.at(row, col);
  return cell ? yearField(index, cell) : emptyField(index.ref(row, col));
}

export function textAt(index: SheetIndex, row: number, col: number): Field<string> {
  return textField(index, index.at(row, col), { row, col });
}

export function directionField(index: SheetIndex, cell: Cell | null, slot: Slot): Field<Direction> {
  return cell ? toField(parseDirection(cell.value), index.ref(cell.row, cell.col)) : emptyField(slot ? index.ref(slot.row, slot.col) : null);
}

const YEAR_MIN = 1989;
const YEAR_MAX = 2100;

/** A cell holding just a fiscal year (2011, ２０１１, 2011(H23)年度, H23). */
export function isYearCell(cell: Cell | null): boolean {
  if (!cell || cell.label || cell.text.length > 16) return false;
  const year = yearOf(cell).value;
  return year !== null && year >= YEAR_MIN && year <= YEAR_MAX;
}

/** Field<string> of the value next to the first label of a name. */
export function labelledText(index: SheetIndex, name: LabelName): Field<string> {
  const label = index.firstLabel(name);
  if (!label) return emptyField();
  const { cell, slot } = index.valueOf(label);
  return textField(index, cell, slot);
}

/** 施策課題: `41303000 環境技術…` in one cell, or the code and the name in neighbouring cells. */
export function readMeasure(index: SheetIndex, label: Cell): { measureCode: Field<string>; measureName: Field<string> } {
  const { cell, slot } = index.valueOf(label);
  if (!cell) return { measureCode: emptyField(slot ? index.ref(slot.row, slot.col) : null), measureName: emptyField() };
  const ref = index.ref(cell.row, cell.col);
  const normalized = normalizeText(cell.text);
  const m = /^(\d+)\s*([\s\S]*)$/.exec(normalized);
  if (!m) return { measureCode: emptyField(), measureName: textField(index, cell) };
  const measureCode: Field<string> = {
    value: m[1],
    raw: cell.text,
    cell: ref,
    status: cell.text.trim() === m[1] || typeof cell.value === "number" ? "ok" : "normalized",
  };
  if (measureCode.status === "normalized" && m[2] === "") measureCode.note = "full-width digits";
  if (m[2] !== "") return { measureCode: { ...measureCode, status: "ok" }, measureName: { value: m[2], raw: cell.text, cell: ref, status: "ok" } };
  const next = index.valueOf(cell);
  return { measureCode, measureName: textField(index, next.cell, next.slot) };
}
