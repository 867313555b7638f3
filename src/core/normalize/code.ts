// 評価区分 codes: AⅡ, A Ⅱ, AII, A2, Ａ２, ＡⅡ, A-Ⅱ, aⅱ… → canonical AⅡ.

import type { CellValue } from "../grid";
import type { EvaluationCode } from "../model";
import { evaluationCodeNote, NOTE } from "./notes";
import { invalid, settleCommon, type Parsed } from "./parsed";
import { cellText, DASH_CHARS, foldWidth } from "./text";

export const EVALUATION_CODES: readonly EvaluationCode[] = ["AⅠ", "AⅡ", "BⅠ", "BⅡ", "CⅠ", "CⅡ"];
const EXPECTED = NOTE.expectedCode;

// Matched on width-folded text only (no NFKC, which would turn ① into 1 or Ⅲ into III and
// so let doubtful entries through). Mixed-case II/Ii and l for I are too unsure to accept.
const CODE = new RegExp(`^([ABCabc])[\\s${DASH_CHARS}・･.·_]*(Ⅰ|ⅰ|I|i|1|Ⅱ|ⅱ|II|ii|2)$`);
const NUMERAL_ONE = new Set(["Ⅰ", "ⅰ", "I", "i", "1"]);

function isCanonical(s: string): s is EvaluationCode {
  return (EVALUATION_CODES as readonly string[]).includes(s);
}

/** 評価区分: AⅡ, A Ⅱ, AII, A2, Ａ２, ＡⅡ, A-Ⅱ, aⅱ… → canonical; anything unsure → invalid. Surrounding spaces alone still count as canonical. */
export function parseEvaluationCode(v: CellValue): Parsed<EvaluationCode> {
  const settled = settleCommon<EvaluationCode>(v, EXPECTED);
  if (settled) return settled;
  if (typeof v === "number") return invalid(cellText(v), EXPECTED);
  const raw = v as string;
  const trimmed = raw.trim();
  if (isCanonical(trimmed)) return { value: trimmed, raw, status: "ok" };
  const m = CODE.exec(foldWidth(trimmed));
  if (!m) return invalid(raw, EXPECTED);
  const code = `${m[1].toUpperCase()}${NUMERAL_ONE.has(m[2]) ? "Ⅰ" : "Ⅱ"}`;
  if (!isCanonical(code)) return invalid(raw, EXPECTED);
  return { value: code, raw, status: "normalized", note: evaluationCodeNote(trimmed, code) };
}
