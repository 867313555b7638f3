import type { CellValue } from "../../../src/core/grid";
import type { Direction } from "../../../src/core/model";
import { parseDirection, type Parsed } from "../../../src/core/normalize";

const EXPECTED = "expected 大きいほどよい, 小さいほどよい or 目標値に近いほどよい";
const ok = (value: Direction, raw: string): Parsed<Direction> => ({ value, raw, status: "ok" });
const normalized = (value: Direction, raw: string, wording: string): Parsed<Direction> => ({
  value,
  raw,
  status: "normalized",
  note: `direction ${wording} read as ${value}`,
});

describe("parseDirection", () => {
  test.each<[CellValue, Parsed<Direction>]>([
    ["大きいほどよい", ok("higher", "大きいほどよい")],
    ["小さいほどよい", ok("lower", "小さいほどよい")],
    ["目標値に近いほどよい", ok("target", "目標値に近いほどよい")],
    ["大きいほど\nよい", ok("higher", "大きいほど\nよい")],
    [" 小さい ほど よい　", ok("lower", " 小さい ほど よい　")],
    ["目標値に\r\n近いほどよい", ok("target", "目標値に\r\n近いほどよい")],
    ["大きい方がよい", normalized("higher", "大きい方がよい", "大きい方がよい")],
    ["高いほどよい", normalized("higher", "高いほどよい", "高いほどよい")],
    ["多いほどよい", normalized("higher", "多いほどよい", "多いほどよい")],
    ["大きいほど良い", normalized("higher", "大きいほど良い", "大きいほど良い")],
    ["増加", normalized("higher", "増加", "増加")],
    ["低いほどよい", normalized("lower", "低いほどよい", "低いほどよい")],
    ["少ない方が\nよい", normalized("lower", "少ない方が\nよい", "少ない方がよい")],
    ["減少", normalized("lower", "減少", "減少")],
    ["目標に近いほどよい", normalized("target", "目標に近いほどよい", "目標に近いほどよい")],
    ["よい", { value: null, raw: "よい", status: "invalid", note: EXPECTED }],
    ["大きい", { value: null, raw: "大きい", status: "invalid", note: EXPECTED }],
    ["constructor", { value: null, raw: "constructor", status: "invalid", note: EXPECTED }],
    [1, { value: null, raw: "1", status: "invalid", note: EXPECTED }],
    [false, { value: null, raw: "FALSE", status: "invalid", note: `boolean FALSE; ${EXPECTED}` }],
    [null, { value: null, raw: "", status: "empty" }],
    ["－", { value: null, raw: "－", status: "no-value" }],
  ])("%p", (input, expected) => {
    expect(parseDirection(input)).toEqual(expected);
  });
});
