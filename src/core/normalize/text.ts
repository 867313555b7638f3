// Text-level normalization: display text of a cell, free text, label keys, no-value markers.

import type { CellValue } from "../grid";
import { isCellDate, isCellError } from "../grid";
import { NOTE } from "./notes";

// Short texts (values, units, years, markers, labels) repeat from sheet to sheet of one
// template, and NFKC is the reader's costliest step: remember them, and what is derived from
// them. Free text is longer and rarely repeats, so it is not kept; the bound keeps a long batch
// from growing a memo without end.
const MEMO_MAX_LENGTH = 40;
const MEMO_LIMIT = 4096;

/** `compute(s)`, remembered for short texts in `memo` (cleared when full). */
function remembered<T>(memo: Map<string, T>, s: string, compute: (s: string) => T): T {
  if (s.length > MEMO_MAX_LENGTH) return compute(s);
  let known = memo.get(s);
  if (known === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    known = compute(s);
    memo.set(s, known);
  }
  return known;
}

const nfkcMemo = new Map<string, string>();

/** NFKC that cannot throw, whatever the input (lone surrogates, unassigned code points). */
export function nfkc(s: string): string {
  return remembered(nfkcMemo, s, nfkcOf);
}

function nfkcOf(s: string): string {
  try {
    return s.normalize("NFKC");
  } catch {
    return s;
  }
}

/**
 * Full-width ASCII (U+FF01–FF5E) and the ideographic space to their ASCII forms, nothing
 * else. Numbers, years and codes use this instead of NFKC, which would also read ① as 1,
 * ² as 2 or Ⅱ as II and so accept values nobody typed as digits.
 */
export function foldWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** The note for what foldWidth changed, or none; full-width digits are named as such. */
export function widthNotes(raw: string, folded: string): string[] {
  if (raw === folded) return [];
  return [/[０-９]/.test(raw) ? NOTE.fullWidthDigits : NOTE.fullWidthCharacters];
}

// Everything people use as a dash or a long-vowel mark in place of one another.
export const DASH_CHARS = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF70\uFE63\uFF0D\u2043";
const ANY_DASH = new RegExp(`[${DASH_CHARS}]`, "g");
const ANY_WAVE = /[\u301C\u223C\uFF5E~]/g;
// \s covers U+3000, NBSP, line breaks and U+FEFF; zero-width characters are added.
const ALL_SPACE = /[\s\u200B-\u200D\u2060]+/g;

/** Display text of a cell: strings as-is, numbers in plain form, booleans TRUE/FALSE, errors as `#DIV/0!`, dates as `2013-04-01`, null → ''. */
export function cellText(v: CellValue): string {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isCellError(v)) return v.error;
  if (isCellDate(v)) return v.date;
  return "";
}

const normalizedMemo = new Map<string, string>();

/** NFKC, CRLF/CR → LF, trim each end; inner line breaks kept. For free text and names. */
export function normalizeText(s: string): string {
  return remembered(normalizedMemo, s, normalizeTextOf);
}

function normalizeTextOf(s: string): string {
  return nfkc(s).replace(/\r\n?/g, "\n").trim();
}

function labelKeyStep(s: string): string {
  return nfkc(s)
    .toLowerCase()
    .replace(ALL_SPACE, "")
    .replace(ANY_DASH, "-")
    .replace(ANY_WAVE, "~")
    .replace(/評価表/g, "評価票");
}

/** Key for comparing labels: NFKC, all whitespace and line breaks removed, ー/－ variants unified, lower case; 評価表 → 評価票. */
export function labelKey(s: string): string {
  return remembered(labelKeyMemo, s, labelKeyOf);
}

const labelKeyMemo = new Map<string, string>();

function labelKeyOf(s: string): string {
  // Removing spaces can bring a combining mark next to a letter that NFKC then composes
  // (and NFKC can produce spaces, e.g. from ¨): repeat until stable so the key is idempotent.
  let key = labelKeyStep(s);
  for (let i = 0; i < 4; i++) {
    const next = labelKeyStep(key);
    if (next === key) break;
    key = next;
  }
  return key;
}

// After NFKC: … → "...", ‥ → "..", ･ → ・.
const DASH_ONLY = new RegExp(`^[${DASH_CHARS}]+$`);
const DOTS_ONLY = /^[.・]{2,}$/;
// 未定 ("not fixed yet") is read as no value: for future years that is what it means, and
// for past years the rules still report a missing value.
const NO_VALUE_WORDS = new Set(["未集計", "集計中", "未定", "n/a"]);

/** True for blank, －, ―, -, ‐, …, ・・・, 未集計, 集計中, N/A, ー (after trim/NFKC). Also 未定 and ‥. */
export function isNoValueMarker(s: string): boolean {
  if (typeof s !== "string") return false;
  return remembered(noValueMemo, s, isNoValueMarkerOf);
}

const noValueMemo = new Map<string, boolean>();

function isNoValueMarkerOf(s: string): boolean {
  const compact = nfkc(s).replace(ALL_SPACE, "");
  if (compact === "") return true;
  return DASH_ONLY.test(compact) || DOTS_ONLY.test(compact) || NO_VALUE_WORDS.has(compact.toLowerCase());
}
