// 評価区分 codes: AⅡ, A Ⅱ, AII, A2, Ａ２, ＡⅡ, A-Ⅱ, aⅱ… → canonical AⅡ. The accepted spellings are
// the default 評価区分 scale's (core/scales/scales.json); a profile may configure another scale,
// which the reader then parses with parseScaleValue directly.

import type { CellValue } from "../grid";
import type { EvaluationCode } from "../model";
import { DEFAULT_SCALES } from "../scales";
import type { Parsed } from "./parsed";
import { parseScaleValue } from "./scale";

/** The default scale's codes, in its order: AⅠ, AⅡ, BⅠ, BⅡ, CⅠ, CⅡ. */
export const EVALUATION_CODES: readonly EvaluationCode[] = DEFAULT_SCALES.evaluationCode.values.map((v) => v.value);

/** 評価区分 on the default scale: AⅡ, A Ⅱ, AII, A2, Ａ２, ＡⅡ, A-Ⅱ, aⅱ… → canonical; anything unsure → invalid. Surrounding spaces alone still count as canonical. */
export function parseEvaluationCode(v: CellValue): Parsed<EvaluationCode> {
  return parseScaleValue(DEFAULT_SCALES.evaluationCode, v);
}
