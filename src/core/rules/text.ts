// Wording shared by the rule messages: how an indicator, a cell and a raw value are named.

import type { LocalizedText } from "../findings";
import { addressOf, type CellRef, type Field, type Indicator, type OtherSheet } from "../model";
import { circled } from "../format/number";
import { isNoValueMarker } from "../normalize";
import type { FindingDraft } from "./types";

/** `(D45)`, or nothing when the field was not found. */
export const at = (f: Field<unknown>): string => (f.cell ? `(${f.cell.address})` : "");

export const sheetCell = (cell: CellRef | null): string[] => (cell ? [`${cell.sheet}!${cell.address}`] : []);

/** The raw text for a message: 「…」 in Japanese, "…" in English, and a word for blank. */
export function quoted(raw: string): LocalizedText {
  const text = raw.trim();
  if (text === "") return { ja: "空欄", en: "blank" };
  return { ja: `「${text}」`, en: `"${text}"` };
}

/** `an evaluation year`, `a department`: the article by the first letter (enough for the header field names; not for `unit`). */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

/** `Settlement`: an English phrase made to start a sentence or a title. */
export function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

const INDICATOR_WORDS: Record<string, LocalizedText> = {
  reference: { ja: "参考指標", en: "Indicator" },
  activity: { ja: "活動指標", en: "Activity indicator" },
  outcome: { ja: "成果指標", en: "Outcome indicator" },
};

/** 参考指標①「name」 / indicator ① "name"; a project's 活動指標① / 成果指標①. */
export function indicatorLabel(ind: Indicator): LocalizedText {
  const name = (ind.name.value ?? ind.name.raw).trim();
  const mark = circled(ind.index);
  const kind = "kind" in ind && typeof ind.kind === "string" ? ind.kind : "reference";
  const word = INDICATOR_WORDS[kind] ?? INDICATOR_WORDS.reference;
  return name
    ? { ja: `${word.ja}${mark}「${name}」`, en: `${word.en} ${mark} "${name}"` }
    : { ja: `${word.ja}${mark}`, en: `${word.en} ${mark}` };
}

export function isBlank(f: Field<unknown>): boolean {
  return f.status === "empty" || f.status === "no-value";
}

/** A field a sheet cannot be filed without, and its name in both languages. */
export interface RequiredField {
  path: string;
  field: Field<unknown>;
  ja: string;
  en: string;
}

/** One finding per required field that is blank or was not found (header.field.missing and its project twin). */
export function missingFieldFindings(fields: readonly RequiredField[]): FindingDraft[] {
  return fields
    .filter(({ field }) => isBlank(field))
    .map(({ path, field, ja, en }) => ({
      cell: addressOf(field),
      path,
      message: field.cell ? { ja: `${ja}${at(field)}が空欄です。`, en: `The ${en} ${at(field)} is blank.` } : { ja: `${ja}が見つかりません。`, en: `The ${en} was not found.` },
      raw: field.raw,
      expected: { ja: `${ja}の記入`, en: withArticle(en) },
    }));
}

/** Free text that says something: not blank and not a bare 「－」 or 「なし」-like marker. */
export function hasText(f: Field<string>): boolean {
  const text = (f.value ?? "").trim();
  return text !== "" && !isNoValueMarker(text);
}

/** Japanese for a reason the table does not know: never the English text itself. */
export const UNKNOWN_REASON_JA = "評価票として読める見出しが見つかりませんでした";

// The reasons core/reader gives for an OtherSheet (English, stable); a test checks each of
// the reader's reasons has an entry.
const REASONS: ReadonlyArray<{ pattern: RegExp; ja: string; en?: string }> = [
  { pattern: /^empty sheet$/, ja: "空のシートです" },
  { pattern: /^no 施策課題 label$/, ja: "施策課題の見出しがありません" },
  {
    pattern: /^施策課題 found but none of 参考指標, 事業費, 評価結果, 評価年度$/,
    ja: "施策課題の見出しはありますが、参考指標・事業費・評価結果・評価年度の見出しがありません",
  },
  // The reader's guard: the error text is for the developers, in English only.
  { pattern: /^could not be read: /, ja: "読み取り中に予期しないエラーが起きました" },
];

/** Why a sheet is not an evaluation sheet, in both languages (`en` is the reader's text). */
export function localizeReason(reason: OtherSheet["reason"]): LocalizedText {
  const known = REASONS.find((r) => r.pattern.test(reason));
  return { ja: known?.ja ?? UNKNOWN_REASON_JA, en: reason };
}
