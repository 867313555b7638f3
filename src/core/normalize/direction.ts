// 指標の方向性: the wording of "higher / lower is better" or "closer to the target is better".

import type { CellValue } from "../grid";
import type { Direction } from "../model";
import { directionNote, NOTE } from "./notes";
import { invalid, settleCommon, type Parsed } from "./parsed";
import { cellText, nfkc } from "./text";

const EXPECTED = NOTE.expectedDirection;

// A Map, not an object literal: cell text such as "constructor" must not hit a prototype key.
const CANONICAL = new Map<string, Direction>([
  ["大きいほどよい", "higher"],
  ["小さいほどよい", "lower"],
  ["目標値に近いほどよい", "target"],
]);

const BETTER = "(?:ほど|方が|ほうが)(?:よい|良い|いい)";
const WORDINGS: Array<[RegExp, Direction]> = [
  [new RegExp(`^(?:(?:大きい|高い|多い)${BETTER}|増加)$`), "higher"],
  [new RegExp(`^(?:(?:小さい|低い|少ない)${BETTER}|減少)$`), "lower"],
  [new RegExp(`^目標値?に近い${BETTER}$`), "target"],
];

/**
 * 指標の方向性: 大きいほどよい/高いほどよい/多いほどよい → higher; 小さい/低い/少ない → lower; 目標値に近いほどよい → target.
 * The three canonical wordings → ok, even with spaces or line breaks inside (cell wrapping);
 * other recognised wordings (…方がよい, …良い, 増加, 減少) → normalized; anything else → invalid.
 */
export function parseDirection(v: CellValue): Parsed<Direction> {
  const settled = settleCommon<Direction>(v, EXPECTED);
  if (settled) return settled;
  if (typeof v === "number") return invalid(cellText(v), EXPECTED);
  const raw = v as string;
  const compact = nfkc(raw).replace(/\s+/g, "");
  const canonical = CANONICAL.get(compact);
  if (canonical) return { value: canonical, raw, status: "ok" };
  for (const [pattern, direction] of WORDINGS) {
    if (pattern.test(compact)) {
      return { value: direction, raw, status: "normalized", note: directionNote(compact, direction) };
    }
  }
  return invalid(raw, EXPECTED);
}
