import type { CellValue } from "../../../src/core/grid";
import type { EvaluationCode } from "../../../src/core/model";
import { EVALUATION_CODES, parseEvaluationCode, type Parsed } from "../../../src/core/normalize";

const EXPECTED = "expected A/B/C followed by Ⅰ or Ⅱ";
const normalized = (value: EvaluationCode, raw: string): Parsed<EvaluationCode> => ({
  value,
  raw,
  status: "normalized",
  note: `evaluation code ${raw.trim()} → ${value}`,
});
const invalid = (raw: string, note = EXPECTED): Parsed<EvaluationCode> => ({ value: null, raw, status: "invalid", note });

describe("parseEvaluationCode", () => {
  test.each(EVALUATION_CODES)("canonical %s → ok", (code) => {
    expect(parseEvaluationCode(code)).toEqual({ value: code, raw: code, status: "ok" });
  });

  test("surrounding spaces around a canonical code stay ok", () => {
    expect(parseEvaluationCode(" BⅠ　")).toEqual({ value: "BⅠ", raw: " BⅠ　", status: "ok" });
  });

  test.each<[string, EvaluationCode]>([
    ["A Ⅱ", "AⅡ"],
    ["A　Ⅱ", "AⅡ"],
    ["A Ⅱ  ", "AⅡ"],
    ["A\nⅡ", "AⅡ"],
    ["AII", "AⅡ"],
    ["Aii", "AⅡ"],
    ["A2", "AⅡ"],
    ["Ａ２", "AⅡ"],
    ["ＡⅡ", "AⅡ"],
    ["ＡＩＩ", "AⅡ"],
    ["A-Ⅱ", "AⅡ"],
    ["A－Ⅱ", "AⅡ"],
    ["A・Ⅱ", "AⅡ"],
    ["aⅱ", "AⅡ"],
    ["a2", "AⅡ"],
    ["Aⅱ", "AⅡ"],
    ["AI", "AⅠ"],
    ["Ai", "AⅠ"],
    ["Aⅰ", "AⅠ"],
    ["A1", "AⅠ"],
    ["A１", "AⅠ"],
    ["bⅰ", "BⅠ"],
    ["B 2", "BⅡ"],
    ["Ｃ－１", "CⅠ"],
    ["c ii", "CⅡ"],
  ])("%p → %s (normalized)", (input, code) => {
    expect(parseEvaluationCode(input)).toEqual(normalized(code, input));
  });

  test.each(["Al", "AⅢ", "AIII", "A3", "D", "DⅡ", "A", "Ⅱ", "II", "2", "AB2", "good", "A①", "AⅠI", "AIi", "A Ⅱ Ⅱ", "AⅡ AⅡ", "ΑⅡ"])(
    "%p → invalid",
    (input) => {
      expect(parseEvaluationCode(input)).toEqual(invalid(input));
    },
  );

  test.each<[CellValue, Parsed<EvaluationCode>]>([
    [2, invalid("2")],
    [true, invalid("TRUE", `boolean TRUE; ${EXPECTED}`)],
    [{ error: "#VALUE!" }, invalid("#VALUE!", `Excel error #VALUE!; ${EXPECTED}`)],
    [null, { value: null, raw: "", status: "empty" }],
    ["  ", { value: null, raw: "  ", status: "empty" }],
    ["－", { value: null, raw: "－", status: "no-value" }],
    ["未定", { value: null, raw: "未定", status: "no-value" }],
  ])("%p", (input, expected) => {
    expect(parseEvaluationCode(input)).toEqual(expected);
  });
});
