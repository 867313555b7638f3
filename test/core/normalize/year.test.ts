import type { CellValue } from "../../../src/core/grid";
import { parsePeriod, parseYear, type Parsed } from "../../../src/core/normalize";

const ok = (value: number, raw: string): Parsed<number> => ({ value, raw, status: "ok" });
const normalized = (value: number, raw: string, note: string): Parsed<number> => ({ value, raw, status: "normalized", note });
const invalid = (raw: string, note: string): Parsed<number> => ({ value: null, raw, status: "invalid", note });
const EXPECTED = "expected a fiscal year such as 2013, 2013年度, H25 or 平成25年度";

describe("parseYear", () => {
  test.each<[CellValue, Parsed<number>]>([
    [2011, ok(2011, "2011")],
    [1900, ok(1900, "1900")],
    [2100, ok(2100, "2100")],
    // the form's own notation
    ["2011年度", ok(2011, "2011年度")],
    ["2011年", ok(2011, "2011年")],
    ["2011(H23)年度", ok(2011, "2011(H23)年度")],
    ["2013(H25)", ok(2013, "2013(H25)")],
    ["H23(2011)年度", ok(2011, "H23(2011)年度")],
    ["2019(R元)年度", ok(2019, "2019(R元)年度")],
    [" 2011 年度 ", ok(2011, " 2011 年度 ")],
    // normalized
    ["2011", normalized(2011, "2011", "number stored as text")],
    ["２０１１", normalized(2011, "２０１１", "full-width digits")],
    ["２０１１年度", normalized(2011, "２０１１年度", "full-width digits")],
    ["2011（平成23）年度", normalized(2011, "2011（平成23）年度", "full-width characters")],
    ["H23", normalized(2011, "H23", "era year H23 → 2011")],
    ["h23", normalized(2011, "h23", "era year h23 → 2011")],
    ["H23年度", normalized(2011, "H23年度", "era year H23 → 2011")],
    ["Ｈ２３", normalized(2011, "Ｈ２３", "full-width digits; era year H23 → 2011")],
    ["平成23年度", normalized(2011, "平成23年度", "era year 平成23 → 2011")],
    ["平成２３年度", normalized(2011, "平成２３年度", "full-width digits; era year 平成23 → 2011")],
    ["平成 23 年度", normalized(2011, "平成 23 年度", "era year 平成23 → 2011")],
    ["H31", normalized(2019, "H31", "era year H31 → 2019")],
    ["H元", normalized(1989, "H元", "era year H元 → 1989")],
    ["R5", normalized(2023, "R5", "era year R5 → 2023")],
    ["令和5年度", normalized(2023, "令和5年度", "era year 令和5 → 2023")],
    ["令和元年度", normalized(2019, "令和元年度", "era year 令和元 → 2019")],
    ["S63", normalized(1988, "S63", "era year S63 → 1988")],
    ["昭和63年度", normalized(1988, "昭和63年度", "era year 昭和63 → 1988")],
    // invalid
    ["2012(H23)年度", invalid("2012(H23)年度", "western year 2012 and era year H23 (2011) disagree")],
    ["2011（平成24）年度", invalid("2011（平成24）年度", "western year 2011 and era year 平成24 (2012) disagree")],
    ["H32", invalid("H32", "era year H32 out of range (Heisei 1–31)")],
    ["S65", invalid("S65", "era year S65 out of range (Showa 1–64)")],
    ["R0", invalid("R0", "era year R0 out of range (Reiwa 1–82)")],
    [2011.5, invalid("2011.5", `not a whole year; ${EXPECTED}`)],
    ["2011.5", invalid("2011.5", `not a whole year; ${EXPECTED}`)],
    [1899, invalid("1899", "year out of range 1900–2100")],
    [2101, invalid("2101", "year out of range 1900–2100")],
    ["1850年度", invalid("1850年度", "year out of range 1900–2100")],
    [40634, invalid("40634", "year out of range 1900–2100")],
    ["11年度", invalid("11年度", EXPECTED)],
    ["二〇一一年度", invalid("二〇一一年度", EXPECTED)],
    ["Ⅱ", invalid("Ⅱ", EXPECTED)],
    [NaN, invalid("NaN", `not a whole year; ${EXPECTED}`)],
    [true, invalid("TRUE", `boolean TRUE; ${EXPECTED}`)],
    [{ error: "#N/A" }, invalid("#N/A", `Excel error #N/A; ${EXPECTED}`)],
    [{ date: "2013-04-01" }, invalid("2013-04-01", `a date; ${EXPECTED}`)],
    // blank and markers
    [null, { value: null, raw: "", status: "empty" }],
    [" ", { value: null, raw: " ", status: "empty" }],
    ["―", { value: null, raw: "―", status: "no-value" }],
  ])("%p", (input, expected) => {
    expect(parseYear(input)).toEqual(expected);
  });
});

describe("parsePeriod", () => {
  test.each<[string, { from: number; to: number } | null]>([
    ["第3期実行計画(2011(H23)〜2013(H25)年度)", { from: 2011, to: 2013 }],
    ["<第3期実行計画(2011(H23)〜2013(H25)年度)における施策の概要及び施策の目標>", { from: 2011, to: 2013 }],
    ["第３期実行計画（２０１１（Ｈ２３）～２０１３（Ｈ２５）年度）", { from: 2011, to: 2013 }],
    ["2011〜2013年度", { from: 2011, to: 2013 }],
    ["2011年度〜2013年度", { from: 2011, to: 2013 }],
    ["2011～2013", { from: 2011, to: 2013 }],
    ["2011-2013", { from: 2011, to: 2013 }],
    ["2011 － 2013", { from: 2011, to: 2013 }],
    ["平成23〜25年度", { from: 2011, to: 2013 }],
    ["H23～H25", { from: 2011, to: 2013 }],
    ["H23～25", { from: 2011, to: 2013 }],
    ["令和4年度〜令和7年度", { from: 2022, to: 2025 }],
    ["令和4年度から令和7年度まで", { from: 2022, to: 2025 }],
    ["平成30年度〜令和2年度", { from: 2018, to: 2020 }],
    ["第1期実行計画(2005〜2014年度)", { from: 2005, to: 2014 }],
    ["2013〜2013年度", { from: 2013, to: 2013 }],
    // unsure or absent
    ["2011〜13年度", null],
    ["2013〜2011年度", null],
    ["第3期実行計画", null],
    ["2013年度", null],
    ["H23〜H45", null],
    ["12011〜2013", null],
    ["", null],
  ])("%p → %p", (input, expected) => {
    expect(parsePeriod(input)).toEqual(expected);
  });
});
