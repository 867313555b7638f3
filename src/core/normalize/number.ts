// Numbers as people type them into the sheets: 43,769 / １２３ / △123 / 45.2% / 123※.

import type { CellValue } from "../grid";
import { NOTE, readAsMinusNote } from "./notes";
import { invalid, readAs, settleCommon, type Parsed } from "./parsed";
import { cellText, foldWidth, widthNotes } from "./text";

const EXPECTED = NOTE.expectedNumber;
const PLAIN = /^\d+(?:\.\d+)?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
// ※ may carry its footnote number (123※1); * is repeated for second, third footnotes.
const FOOTNOTE = /\s*(?:※\d*|\*+)$/;
const PERCENT = /\s*%$/;
const SIGN = /^([△▲\u2212+-])\s*/;

/** A finite number, with -0 read as 0 (a typed △0 means zero). */
function finite(n: number): number {
  return n === 0 ? 0 : n;
}

/**
 * Numbers: 43,769 / １２３ / "123" as text / △123 ▲123 → -123 / "45.2%" as text → 45.2 (the unit
 * column carries %) / trailing ※ * footnote marks stripped. Each with status normalized + note.
 * Real numbers → ok. Blank → empty. No-value markers → no-value. Anything else (errors,
 * booleans, words, 1,23,4) → invalid with a note.
 */
export function parseNumber(v: CellValue): Parsed<number> {
  const settled = settleCommon<number>(v, EXPECTED);
  if (settled) return settled;
  if (typeof v === "number") {
    return Number.isFinite(v)
      ? { value: finite(v), raw: cellText(v), status: "ok" }
      : invalid(cellText(v), NOTE.notFiniteNumber);
  }
  return parseNumberText(v as string);
}

function parseNumberText(raw: string): Parsed<number> {
  const folded = foldWidth(raw);
  const notes = widthNotes(raw, folded);
  let s = folded.trim();

  let footnote = false;
  if (FOOTNOTE.test(s)) {
    s = s.replace(FOOTNOTE, "");
    footnote = true;
  }
  let percent = false;
  if (PERCENT.test(s)) {
    s = s.replace(PERCENT, "");
    percent = true;
  }
  let negative = false;
  const sign = SIGN.exec(s);
  if (sign) {
    s = s.slice(sign[0].length);
    negative = sign[1] !== "+";
    if (sign[1] !== "-" && sign[1] !== "+") notes.push(readAsMinusNote(sign[1]));
  }

  let digits: string;
  if (PLAIN.test(s)) {
    digits = s;
  } else if (GROUPED.test(s)) {
    digits = s.replace(/,/g, "");
    notes.push(NOTE.thousandsSeparatorRemoved);
  } else if (/^[\d,]+(?:\.\d+)?$/.test(s)) {
    return invalid(raw, NOTE.badThousandsGrouping);
  } else {
    return invalid(raw, EXPECTED);
  }
  if (percent) notes.push(NOTE.percentSignRemoved);
  if (footnote) notes.push(NOTE.footnoteMarkRemoved);

  const magnitude = Number(digits);
  if (!Number.isFinite(magnitude)) return invalid(raw, NOTE.numberTooLarge);
  const value = finite(negative ? -magnitude : magnitude);
  return readAs(value, raw, notes.length > 0 ? notes : [NOTE.numberStoredAsText]);
}
