// Fields read from cells of a SheetIndex: one place for "cell (or blank slot) → Field".

import type { Direction, Field } from "../model";
import { NOTE, normalizeText, parseDirection, parseNumber, parseYear, type Parsed } from "../normalize";
import type { LabelName } from "../vocabulary";
import { emptyField, toField, type Cell, type SheetIndex } from "./sheetIndex";

export type Slot = { row: number; col: number } | null;

export function textField(index: SheetIndex, cell: Cell | null, slot: Slot = null): Field<string> {
  if (!cell) return emptyField(slot ? index.ref(slot.row, slot.col) : null);
  return { value: normalizeText(cell.text), raw: cell.text, cell: index.ref(cell.row, cell.col), status: "ok" };
}

/** Field<string> of the value next to the first label of a name. */
export function labelledText(index: SheetIndex, name: LabelName): Field<string> {
  const label = index.firstLabel(name);
  if (!label) return emptyField();
  const { cell, slot } = index.valueOf(label);
  return textField(index, cell, slot);
}

/** A leading code of digits (施策課題 41303000); project and policy codes may hold hyphens (4-1-3). */
export const DIGITS_CODE = /^(\d+)\s*([\s\S]*)$/;
export const HYPHENATED_CODE = /^(\d+(?:[-‐－.]\d+)*)\s*([\s\S]*)$/;

/**
 * A code and a name in one cell (`41303000 環境技術…`), or the code with the name in the next
 * cell; a value without a leading code is the name alone. `withName: false` reads the code only.
 */
export function codeAndName(
  index: SheetIndex,
  label: Cell,
  pattern: RegExp = DIGITS_CODE,
  withName = true,
): { code: Field<string>; name: Field<string> } {
  const { cell, slot } = index.valueOf(label);
  return codeAndNameOf(index, cell, slot, pattern, withName);
}

export function codeAndNameOf(
  index: SheetIndex,
  cell: Cell | null,
  slot: Slot,
  pattern: RegExp = DIGITS_CODE,
  withName = true,
): { code: Field<string>; name: Field<string> } {
  if (!cell) return { code: emptyField(slot ? index.ref(slot.row, slot.col) : null), name: emptyField() };
  const ref = index.ref(cell.row, cell.col);
  const normalized = normalizeText(cell.text);
  const m = pattern.exec(normalized);
  if (!m) return { code: emptyField(), name: textField(index, cell) };
  const code: Field<string> = {
    value: m[1],
    raw: cell.text,
    cell: ref,
    status: cell.text.trim() === m[1] || typeof cell.value === "number" ? "ok" : "normalized",
  };
  if (code.status === "normalized" && m[2] === "") code.note = NOTE.fullWidthDigits;
  if (m[2] !== "") return { code: { ...code, status: "ok" }, name: { value: m[2], raw: cell.text, cell: ref, status: "ok" } };
  if (!withName) return { code, name: emptyField() };
  const next = index.valueOf(cell);
  return { code, name: textField(index, next.cell, next.slot) };
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
