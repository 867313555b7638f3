// A cell read as a value of a code scale (core/scales): 評価区分 AⅡ, 達成度 3, 方向性区分 Ⅱ… The
// scale's data says which spellings count; this file only folds them the same way on both
// sides (the scale's spellings and the cell), so the accepted set is exactly the listed one.

import type { CellValue } from "../grid";
import type { Scale, ScaleValue } from "../scales";
import { scaleValueNote } from "./notes";
import { invalid, settleCommon, type Parsed } from "./parsed";
import { cellText, DASH_CHARS, foldWidth } from "./text";

/** How a cell matched: its exact value, a listed variant, or the value's label. */
export type ScaleMatchKind = "value" | "variant" | "label";

interface CompiledScale {
  keys: Map<string, { entry: ScaleValue; kind: ScaleMatchKind }>;
  expected: string;
}

const compiled = new WeakMap<Scale, CompiledScale>();

const WHITESPACE = /[\s\u200B-\u200D\u2060]+/g;
const SEPARATORS = new RegExp(`[${DASH_CHARS}・･.·_]+`, "g");
// A maximal run of ASCII roman digits, not followed by another ASCII letter.
const ASCII_ROMAN = /[IVXivx]+(?![A-Za-z])/g;
const ROMAN: Record<string, string> = {
  I: "Ⅰ", II: "Ⅱ", III: "Ⅲ", IV: "Ⅳ", V: "Ⅴ", VI: "Ⅵ", VII: "Ⅶ", VIII: "Ⅷ", IX: "Ⅸ", X: "Ⅹ", XI: "Ⅺ", XII: "Ⅻ",
};
const SMALL_ROMAN = /[\u2170-\u217B]/g;

function romanRun(run: string): string {
  // Mixed case (Ii, iI) is too unsure to read: l for I, a typo, a word.
  if (run !== run.toUpperCase() && run !== run.toLowerCase()) return run;
  return ROMAN[run.toUpperCase()] ?? run;
}

/** The comparison key of a text under a scale's folding; the scale's own spellings go through it too. */
function scaleKey(text: string, scale: Scale): string {
  const match = scale.match ?? {};
  let key = foldWidth(text).replace(WHITESPACE, "");
  if (match.ignoreSeparators) key = key.replace(SEPARATORS, "");
  if (match.romanNumerals) key = key.replace(ASCII_ROMAN, romanRun).replace(SMALL_ROMAN, (c) => String.fromCharCode(c.charCodeAt(0) - 0x10));
  if (match.caseInsensitive) key = key.toUpperCase();
  return key;
}

function compile(scale: Scale): CompiledScale {
  const cached = compiled.get(scale);
  if (cached) return cached;
  const keys = new Map<string, { entry: ScaleValue; kind: ScaleMatchKind }>();
  // First come, first kept: a value's own spelling beats another value's label.
  const add = (text: string, entry: ScaleValue, kind: ScaleMatchKind) => {
    const key = scaleKey(text, scale);
    if (key !== "" && !keys.has(key)) keys.set(key, { entry, kind });
  };
  for (const entry of scale.values) add(entry.value, entry, "value");
  for (const entry of scale.values) for (const variant of entry.variants ?? []) add(variant, entry, "variant");
  if (scale.match?.labels) {
    for (const entry of scale.values) {
      for (const text of [entry.label.ja, ...(entry.variants ?? [])]) add(`${entry.value}${text}`, entry, "label");
      add(entry.label.ja, entry, "label");
    }
  }
  const result = { keys, expected: scale.expected?.en ?? `expected one of ${scale.values.map((v) => v.value).join(", ")}` };
  compiled.set(scale, result);
  return result;
}

/** The scale value a text stands for and how it matched, or null. */
export function matchScale(scale: Scale, text: string): { entry: ScaleValue; kind: ScaleMatchKind } | null {
  return compile(scale).keys.get(scaleKey(text, scale)) ?? null;
}

/**
 * A cell as a value of `scale`: the canonical spelling (surrounding spaces aside) → ok; a
 * listed variant, a width, case, separator or roman-numeral variant, or the label → normalized
 * with a note (`evaluation code A2 → AⅡ`); a whole number → ok when it is a value; anything
 * else → invalid with the scale's "expected" note.
 */
export function parseScaleValue(scale: Scale, v: CellValue): Parsed<string> {
  const { expected } = compile(scale);
  const settled = settleCommon<string>(v, expected);
  if (settled) return settled;
  const raw = cellText(v);
  if (typeof v === "number" && !Number.isInteger(v)) return invalid(raw, expected);
  const found = matchScale(scale, raw);
  if (!found) return invalid(raw, expected);
  const trimmed = raw.trim();
  const value = found.entry.value;
  if (trimmed === value) return { value, raw, status: "ok" };
  return { value, raw, status: "normalized", note: scaleValueNote(scale.name.en, trimmed, value) };
}
