// Fiscal years and plan periods: 2011, 2011年度, H23, 平成23年度, 2011(H23)年度, R5, 令和元年度…

import type { CellValue } from "../grid";
import { eraOutOfRangeNote, eraYearNote, joinNotes, NOTE, yearOutOfRangeNote, yearsDisagreeNote } from "./notes";
import { invalid, readAs, settleCommon, type Parsed } from "./parsed";
import { cellText, DASH_CHARS, foldWidth, widthNotes } from "./text";

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
const EXPECTED = NOTE.expectedYear;
const OUT_OF_RANGE = yearOutOfRangeNote(MIN_YEAR, MAX_YEAR);
const NOT_WHOLE = joinNotes([NOTE.notWholeYear, EXPECTED]);

interface Era {
  name: string;
  /** Western year of era year 0: 平成n = 1988 + n. */
  offset: number;
  lastYear: number;
}

const HEISEI: Era = { name: "Heisei", offset: 1988, lastYear: 31 };
const REIWA: Era = { name: "Reiwa", offset: 2018, lastYear: MAX_YEAR - 2018 };
const SHOWA: Era = { name: "Showa", offset: 1925, lastYear: 64 };

const ERA_BY_MARK: Record<string, Era> = {
  h: HEISEI, 平成: HEISEI,
  r: REIWA, 令和: REIWA,
  s: SHOWA, 昭和: SHOWA,
};

// Regex sources shared by parseYear and parsePeriod (applied to width-folded, space-free text).
const ERA_MARK = "[HhRrSs]|平成|令和|昭和";
const ERA_NUMBER = "\\d{1,2}|元";
const SUFFIX = "(?:年度|年)?";

/** Western year of an era year (`H`, `23` → 2011), or an invalid note. */
export function eraToWestern(mark: string, number: string): { year: number } | { note: string } {
  const era = ERA_BY_MARK[mark.toLowerCase()];
  const n = number === "元" ? 1 : Number(number);
  if (!era || n < 1 || n > era.lastYear) {
    return { note: eraOutOfRangeNote(`${mark}${number}`, era) };
  }
  return { year: era.offset + n };
}

function inRange(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

const WESTERN_ONLY = new RegExp(`^(\\d{4})(${SUFFIX})$`);
const ERA_ONLY = new RegExp(`^(${ERA_MARK})(${ERA_NUMBER})${SUFFIX}$`);
// 2011(H23)年度 and, less often, H23(2011)年度.
const WESTERN_THEN_ERA = new RegExp(`^(\\d{4})${SUFFIX}\\((${ERA_MARK})(${ERA_NUMBER})${SUFFIX}\\)${SUFFIX}$`);
const ERA_THEN_WESTERN = new RegExp(`^(${ERA_MARK})(${ERA_NUMBER})${SUFFIX}\\((\\d{4})${SUFFIX}\\)${SUFFIX}$`);

/**
 * Fiscal years: 2011, 2011年度, H23, 平成23年度, 2011(H23)年度, R5, 令和5年度, Ｈ２３ → western year.
 * `2011年度`, `2011年` and a consistent `2011(H23)年度` are how the form itself writes years:
 * ok. An era year alone, a year stored as text (`"2011"`) or full-width digits: normalized.
 * Western and era years that disagree, fractions and years outside 1900–2100: invalid.
 */
export function parseYear(v: CellValue): Parsed<number> {
  const settled = settleCommon<number>(v, EXPECTED);
  if (settled) return settled;
  if (typeof v === "number") {
    const raw = cellText(v);
    if (!Number.isInteger(v)) return invalid(raw, NOT_WHOLE);
    return inRange(v) ? { value: v, raw, status: "ok" } : invalid(raw, OUT_OF_RANGE);
  }
  return yearTextMemo(v as string);
}

// Year headers (R4年度, 2011(H23)年度) repeat on every sheet of a template: remember them. The
// results are frozen: callers copy what they keep (toField), nobody may change a shared one.
const YEAR_MEMO_LIMIT = 4096;
const yearMemo = new Map<string, Parsed<number>>();

function yearTextMemo(raw: string): Parsed<number> {
  if (raw.length > 24) return parseYearText(raw);
  let parsed = yearMemo.get(raw);
  if (parsed === undefined) {
    if (yearMemo.size >= YEAR_MEMO_LIMIT) yearMemo.clear();
    parsed = Object.freeze(parseYearText(raw));
    yearMemo.set(raw, parsed);
  }
  return parsed;
}

function parseYearText(raw: string): Parsed<number> {
  const folded = foldWidth(raw);
  const notes = widthNotes(raw, folded);
  const s = folded.replace(/\s+/g, "");

  const western = WESTERN_ONLY.exec(s);
  if (western) {
    const year = Number(western[1]);
    if (!inRange(year)) return invalid(raw, OUT_OF_RANGE);
    if (western[2] === "" && notes.length === 0) notes.push(NOTE.numberStoredAsText);
    return readAs(year, raw, notes);
  }

  const eraOnly = ERA_ONLY.exec(s);
  if (eraOnly) {
    const era = eraToWestern(eraOnly[1], eraOnly[2]);
    if ("note" in era) return invalid(raw, era.note);
    notes.push(eraYearNote(`${eraOnly[1]}${eraOnly[2]}`, era.year));
    return readAs(era.year, raw, notes);
  }

  const both = WESTERN_THEN_ERA.exec(s);
  const reversed = both ? null : ERA_THEN_WESTERN.exec(s);
  if (both || reversed) {
    const [westernText, mark, number] = both ? [both[1], both[2], both[3]] : [reversed![3], reversed![1], reversed![2]];
    const year = Number(westernText);
    if (!inRange(year)) return invalid(raw, OUT_OF_RANGE);
    const era = eraToWestern(mark, number);
    if ("note" in era) return invalid(raw, era.note);
    if (era.year !== year) {
      return invalid(raw, yearsDisagreeNote(year, `${mark}${number}`, era.year));
    }
    return readAs(year, raw, notes);
  }

  if (/^\d{4}(?:\.\d+)?$/.test(s)) return invalid(raw, NOT_WHOLE);
  return invalid(raw, EXPECTED);
}

// One end of a period: 2011, 2011年度, 2011(H23), H23, 平成23年度. The second end may be a bare
// era number (平成23〜25年度), which inherits the first end's era.
const PERIOD = new RegExp(
  `(?<![\\dA-Za-z])(?:(?<w1>\\d{4})${SUFFIX}(?:\\((?:${ERA_MARK})(?:${ERA_NUMBER})${SUFFIX}\\))?|(?<m1>${ERA_MARK})(?<n1>${ERA_NUMBER})${SUFFIX})` +
    `(?:[〜~${DASH_CHARS}]|から)` +
    `(?:(?<w2>\\d{4})${SUFFIX}(?:\\((?:${ERA_MARK})(?:${ERA_NUMBER})${SUFFIX}\\))?|(?<m2>${ERA_MARK})?(?<n2>${ERA_NUMBER})${SUFFIX})(?![\\d])`,
  "g",
);

/** A plan-period text such as 第3期実行計画(2011(H23)〜2013(H25)年度) or 平成23〜25年度 → years; null when none. */
export function parsePeriod(text: string): { from: number; to: number } | null {
  if (typeof text !== "string") return null;
  const s = foldWidth(text).replace(/\s+/g, "");
  for (const m of s.matchAll(PERIOD)) {
    const g = m.groups ?? {};
    const from = g.w1 ? Number(g.w1) : endYear(g.m1, g.n1);
    // A bare second number only makes sense after an era year (平成23〜25): 2011〜13 is unsure.
    const secondMark = g.m2 ?? (g.w1 ? undefined : g.m1);
    const to = g.w2 ? Number(g.w2) : secondMark ? endYear(secondMark, g.n2) : null;
    if (from !== null && to !== null && inRange(from) && inRange(to) && from <= to) return { from, to };
  }
  return null;
}

function endYear(mark: string | undefined, number: string | undefined): number | null {
  if (!mark || !number) return null;
  const era = eraToWestern(mark, number);
  return "year" in era ? era.year : null;
}
