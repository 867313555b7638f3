// Shared shape of every parse result and the handling all parsers have in common
// (blank, no-value markers, Excel errors, booleans).

import type { CellValue } from "../grid";
import { isCellDate, isCellError } from "../grid";
import type { ValueStatus } from "../model";
import { booleanNote, excelErrorNote, joinNotes, NOTE } from "./notes";
import { cellText, isNoValueMarker } from "./text";

export interface Parsed<T> {
  value: T | null;
  /** The cell's text as found ('' for null). */
  raw: string;
  status: ValueStatus;
  /** What was done (`full-width digits`, `thousands separator`, `△ negative`, `era year H23`…) or why invalid. */
  note?: string;
}

export function invalid<T>(raw: string, note: string): Parsed<T> {
  return { value: null, raw, status: "invalid", note };
}

/** `normalized` with the notes joined, or `ok` when nothing had to be done. */
export function readAs<T>(value: T, raw: string, notes: string[]): Parsed<T> {
  return notes.length === 0
    ? { value, raw, status: "ok" }
    : { value, raw, status: "normalized", note: joinNotes(notes) };
}

/**
 * Settles the cases every parser treats alike: null → empty, blank text → empty, a no-value
 * marker → no-value, Excel errors, booleans and dates → invalid (`expected` says what was wanted).
 * Returns null for numbers and non-blank text, which the caller parses itself.
 */
export function settleCommon<T>(v: CellValue, expected: string): Parsed<T> | null {
  if (v === null || v === undefined) return { value: null, raw: "", status: "empty" };
  if (typeof v === "number") return null;
  if (typeof v === "string") {
    if (v.trim() === "") return { value: null, raw: v, status: "empty" };
    if (isNoValueMarker(v)) return { value: null, raw: v, status: "no-value" };
    return null;
  }
  const raw = cellText(v);
  if (typeof v === "boolean") return invalid(raw, joinNotes([booleanNote(raw), expected]));
  if (isCellError(v)) return invalid(raw, joinNotes([excelErrorNote(raw), expected]));
  // Every value these parsers read is a number, year, code or word: a date is a mistake (a
  // year typed as 2013/4/1, a number formatted as a date), never a silent year or serial.
  if (isCellDate(v)) return invalid(raw, joinNotes([NOTE.dateValue, expected]));
  // Not a CellValue at all (a caller's bug): still no throw.
  return invalid(raw, joinNotes([NOTE.unsupportedCellValue, expected]));
}
