// The notes the normalizers put on a Field. The English text is stable (the JSON report and
// tests rely on it); messages in Japanese take localizeNote's translation instead. Every note
// is built here, next to its translation, so that the table cannot drift from what is produced.

import type { LocalizedText } from "../findings";
import type { Direction } from "../model";
import { SHIPPED_SCALES } from "../scales";

/** Notes without parameters, and the "expected …" sentences of invalid values. */
export const NOTE = {
  fullWidthDigits: "full-width digits",
  fullWidthCharacters: "full-width characters",
  thousandsSeparatorRemoved: "thousands separator removed",
  percentSignRemoved: "percent sign removed",
  footnoteMarkRemoved: "footnote mark removed",
  numberStoredAsText: "number stored as text",
  badThousandsGrouping: "bad thousands grouping",
  notFiniteNumber: "not a finite number",
  numberTooLarge: "number too large",
  unsupportedCellValue: "unsupported cell value",
  dateValue: "a date",
  notWholeYear: "not a whole year",
  notACount: "not a count (a whole number, 0 or more)",
  countUnitRemoved: "unit 件 removed",
  expectedNumber: "expected a number",
  expectedYear: "expected a fiscal year such as 2013, 2013年度, H25 or 平成25年度",
  expectedCode: "expected A/B/C followed by Ⅰ or Ⅱ",
  expectedDirection: "expected 大きいほどよい, 小さいほどよい or 目標値に近いほどよい",
  expectedCostUnit: "expected 千円 or 円",
} as const;

// Written by core/profile (a pinned plan period without years); translated here with the rest.
const PINNED_PERIOD_MISSING = "no period (YYYY〜YYYY年度) in the pinned cell";

const FIXED_JA: Record<string, string> = {
  [NOTE.fullWidthDigits]: "全角数字を半角にしました",
  [NOTE.fullWidthCharacters]: "全角文字を半角にしました",
  [NOTE.thousandsSeparatorRemoved]: "桁区切りのカンマを除きました",
  [NOTE.percentSignRemoved]: "%記号を除きました",
  [NOTE.footnoteMarkRemoved]: "注記の記号(※・*)を除きました",
  [NOTE.numberStoredAsText]: "文字列として入力された数値を数値として読みました",
  [NOTE.badThousandsGrouping]: "桁区切りの位置が正しくありません",
  [NOTE.notFiniteNumber]: "有限の数値ではありません",
  [NOTE.numberTooLarge]: "数値が大きすぎます",
  [NOTE.unsupportedCellValue]: "読み取れないセルの値です",
  [NOTE.dateValue]: "日付が入力されています",
  [NOTE.notWholeYear]: "年度が整数ではありません",
  [NOTE.notACount]: "件数(0以上の整数)ではありません",
  [NOTE.countUnitRemoved]: "単位「件」を除きました",
  [NOTE.expectedNumber]: "数値が必要です",
  [NOTE.expectedYear]: "2013、2013年度、H25、平成25年度のような年度が必要です",
  [NOTE.expectedCode]: "A・B・C に Ⅰ か Ⅱ を続けた評価区分(例: AⅡ)が必要です",
  [NOTE.expectedDirection]: "大きいほどよい・小さいほどよい・目標値に近いほどよいのいずれかが必要です",
  [NOTE.expectedCostUnit]: "千円か円の単位が必要です",
  [PINNED_PERIOD_MISSING]: "固定したセルに計画期間(例: 2011〜2013年度)がありません",
  // What each shipped scale says an unreadable entry should have been.
  ...Object.fromEntries(Object.values(SHIPPED_SCALES).flatMap((scale) => (scale.expected ? [[scale.expected.en, scale.expected.ja]] : []))),
};

/** Several notes on one value, in the order the changes were made. */
export const NOTE_SEPARATOR = "; ";
export const joinNotes = (notes: readonly string[]): string => notes.join(NOTE_SEPARATOR);

const ERA_JA: Record<string, string> = { Heisei: "平成", Reiwa: "令和", Showa: "昭和" };

const DIRECTION_JA: Record<Direction, string> = {
  higher: "大きいほどよい",
  lower: "小さいほどよい",
  target: "目標値に近いほどよい",
};

/** `△ read as minus` (also ▲ and −). */
export const readAsMinusNote = (sign: string): string => `${sign} read as minus`;
export const booleanNote = (raw: string): string => `boolean ${raw}`;
export const excelErrorNote = (raw: string): string => `Excel error ${raw}`;
export const yearOutOfRangeNote = (min: number, max: number): string => `year out of range ${min}–${max}`;
/** `era year H23 → 2011`; `era` is the mark and number as typed (H23, 平成23, R元). */
export const eraYearNote = (era: string, year: number): string => `era year ${era} → ${year}`;
export const eraOutOfRangeNote = (era: string, known: { name: string; lastYear: number } | undefined): string =>
  `era year ${era} out of range (${known ? `${known.name} 1–${known.lastYear}` : "unknown era"})`;
export const yearsDisagreeNote = (western: number, era: string, eraYear: number): string =>
  `western year ${western} and era year ${era} (${eraYear}) disagree`;
/** `evaluation code A2 → AⅡ`, `achievement ３ → 3`: a code read as a value of its scale (the scale's English name first). */
export const scaleValueNote = (scaleName: string, typed: string, value: string): string => `${scaleName} ${typed} → ${value}`;
export const directionNote = (typed: string, direction: Direction): string => `direction ${typed} read as ${direction}`;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** scaleValueNote read back, for every shipped scale's name (a profile's own scale falls to UNKNOWN_NOTE_JA). */
function scaleNoteTemplates(): Array<{ pattern: RegExp; ja: (m: RegExpExecArray) => string }> {
  const names = new Map<string, string>();
  for (const scale of Object.values(SHIPPED_SCALES)) names.set(scale.name.en, scale.name.ja);
  // Longer names first: "three-year achievement" before "achievement".
  return [...names.entries()]
    .sort(([a], [b]) => b.length - a.length)
    .map(([en, ja]) => ({ pattern: new RegExp(`^${escapeRegExp(en)} (.+) → (.+)$`), ja: (m: RegExpExecArray) => `${ja}「${m[1]}」を ${m[2]} と読みました` }));
}

/** The parameterised notes above read back into Japanese; patterns mirror the builders. */
const TEMPLATES: ReadonlyArray<{ pattern: RegExp; ja: (m: RegExpExecArray) => string | null }> = [
  { pattern: /^(.+) read as minus$/, ja: (m) => `「${m[1]}」をマイナスとして読みました` },
  { pattern: /^boolean (.+)$/, ja: (m) => `真偽値「${m[1]}」です` },
  { pattern: /^Excel error (.+)$/, ja: (m) => `Excel のエラー値「${m[1]}」です` },
  { pattern: /^year out of range (\d+)–(\d+)$/, ja: (m) => `年度が${m[1]}〜${m[2]}の範囲外です` },
  { pattern: /^era year (.+) → (\d+)$/, ja: (m) => `和暦 ${m[1]} を ${m[2]} と読みました` },
  {
    pattern: /^era year (.+) out of range \((?:(\w+) 1–(\d+)|unknown era)\)$/,
    ja: (m) => {
      if (m[2] === undefined) return `和暦 ${m[1]} の元号が分かりません`;
      const era = ERA_JA[m[2]];
      return era ? `和暦 ${m[1]} は範囲外です(${era}は1〜${m[3]}年)` : null;
    },
  },
  {
    pattern: /^western year (\d+) and era year (.+) \((\d+)\) disagree$/,
    ja: (m) => `西暦 ${m[1]} 年と和暦 ${m[2]}(${m[3]}年)が一致しません`,
  },
  ...scaleNoteTemplates(),
  { pattern: /^expected one of (.+)$/, ja: (m) => `${m[1]} のいずれかが必要です` },
  {
    pattern: /^direction (.+) read as (higher|lower|target)$/,
    ja: (m) => `方向性「${m[1]}」を「${DIRECTION_JA[m[2] as Direction]}」と読みました`,
  },
];

/** Japanese for a note part no table entry knows: never the English text itself. */
export const UNKNOWN_NOTE_JA = "値の読み方に注記があります";

function noteJa(part: string): string | null {
  const fixed = FIXED_JA[part];
  if (fixed !== undefined) return fixed;
  for (const { pattern, ja } of TEMPLATES) {
    const m = pattern.exec(part);
    if (m) return ja(m);
  }
  return null;
}

/**
 * A Field note in both languages: `en` is the note as stored, `ja` its translation, parts
 * joined with 、. A part the table does not know reads as UNKNOWN_NOTE_JA (once).
 */
export function localizeNote(note: string): LocalizedText {
  const parts = note.split(NOTE_SEPARATOR).map(noteJa);
  const known = parts.filter((p): p is string => p !== null);
  if (known.length < parts.length) known.push(UNKNOWN_NOTE_JA);
  return { ja: known.join("、"), en: note };
}
