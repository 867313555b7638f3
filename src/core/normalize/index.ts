// Japanese data-entry normalization. CONTRACT (signatures are fixed; implementation pending).
// Every parse function takes any CellValue and never throws.

import type { CellValue } from "../grid";
import type { Direction, EvaluationCode, ValueStatus } from "../model";

export interface Parsed<T> {
  value: T | null;
  /** The cell's text as found ('' for null). */
  raw: string;
  status: ValueStatus;
  /** What was done (`full-width digits`, `thousands separator`, `△ negative`, `era year H23`…) or why invalid. */
  note?: string;
}

const pending = (): never => {
  throw new Error("normalize: not implemented yet");
};

/** Display text of a cell: strings as-is, numbers in plain form, booleans TRUE/FALSE, errors as `#DIV/0!`, null → ''. */
export function cellText(v: CellValue): string { return pending(); }
/** NFKC, CRLF/CR → LF, trim each end; inner line breaks kept. For free text and names. */
export function normalizeText(s: string): string { return pending(); }
/** Key for comparing labels: NFKC, all whitespace and line breaks removed, ー/－ variants unified, lower case; 評価表 → 評価票. */
export function labelKey(s: string): string { return pending(); }
/** True for blank, －, ―, -, ‐, …, ・・・, 未集計, 集計中, N/A, ー (after trim/NFKC). */
export function isNoValueMarker(s: string): boolean { return pending(); }
/**
 * Numbers: 43,769 / １２３ / "123" as text / △123 ▲123 → -123 / "45.2%" as text → 45.2 (the unit
 * column carries %) / trailing ※ * footnote marks stripped. Each with status normalized + note.
 * Real numbers → ok. Blank → empty. No-value markers → no-value. Anything else (errors,
 * booleans, words, 1,23,4) → invalid with a note.
 */
export function parseNumber(v: CellValue): Parsed<number> { return pending(); }
/** Fiscal years: 2011, 2011年度, H23, 平成23年度, 2011(H23)年度, R5, 令和5年度, Ｈ２３ → western year. */
export function parseYear(v: CellValue): Parsed<number> { return pending(); }
/** 評価区分: AⅡ, A Ⅱ, AII, A2, Ａ２, ＡⅡ, A-Ⅱ, aⅱ… → canonical; anything unsure → invalid. */
export function parseEvaluationCode(v: CellValue): Parsed<EvaluationCode> { return pending(); }
/** 指標の方向性: 大きいほどよい/高いほどよい/多いほどよい → higher; 小さい/低い/少ない → lower; 目標値に近いほどよい → target. */
export function parseDirection(v: CellValue): Parsed<Direction> { return pending(); }
/** A plan-period text such as 第3期実行計画(2011(H23)〜2013(H25)年度) or 平成23〜25年度 → years; null when none. */
export function parsePeriod(text: string): { from: number; to: number } | null { return pending(); }
