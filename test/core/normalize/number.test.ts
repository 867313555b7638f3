import type { CellValue } from "../../../src/core/grid";
import { parseNumber, type Parsed } from "../../../src/core/normalize";

const ok = (value: number, raw: string): Parsed<number> => ({ value, raw, status: "ok" });
const normalized = (value: number, raw: string, note: string): Parsed<number> => ({ value, raw, status: "normalized", note });
const invalid = (raw: string, note: string): Parsed<number> => ({ value: null, raw, status: "invalid", note });

describe("parseNumber", () => {
  test.each<[CellValue, Parsed<number>]>([
    // real numbers
    [43769, ok(43769, "43769")],
    [0.914, ok(0.914, "0.914")],
    [-12, ok(-12, "-12")],
    [-0, ok(0, "0")],
    [1e21, ok(1e21, "1e+21")],
    // numbers as text
    ["43,769", normalized(43769, "43,769", "thousands separator removed")],
    ["1,234,567.5", normalized(1234567.5, "1,234,567.5", "thousands separator removed")],
    ["１２３", normalized(123, "１２３", "full-width digits")],
    ["１，２３４", normalized(1234, "１，２３４", "full-width digits; thousands separator removed")],
    [" 123 ", normalized(123, " 123 ", "number stored as text")],
    ["123", normalized(123, "123", "number stored as text")],
    ["0.5", normalized(0.5, "0.5", "number stored as text")],
    ["-5", normalized(-5, "-5", "number stored as text")],
    ["△123", normalized(-123, "△123", "△ read as minus")],
    ["▲1,234", normalized(-1234, "▲1,234", "▲ read as minus; thousands separator removed")],
    ["△ 12", normalized(-12, "△ 12", "△ read as minus")],
    ["△0", normalized(0, "△0", "△ read as minus")],
    ["−7", normalized(-7, "−7", "− read as minus")],
    ["－7", normalized(-7, "－7", "full-width characters")],
    ["45.2%", normalized(45.2, "45.2%", "percent sign removed")],
    ["４５．２％", normalized(45.2, "４５．２％", "full-width digits; percent sign removed")],
    ["123※", normalized(123, "123※", "footnote mark removed")],
    ["123※1", normalized(123, "123※1", "footnote mark removed")],
    ["123*", normalized(123, "123*", "footnote mark removed")],
    ["123＊", normalized(123, "123＊", "full-width characters; footnote mark removed")],
    ["△1,234※", normalized(-1234, "△1,234※", "△ read as minus; thousands separator removed; footnote mark removed")],
    // invalid
    ["1,23,4", invalid("1,23,4", "bad thousands grouping")],
    ["12,34", invalid("12,34", "bad thousands grouping")],
    ["12-3", invalid("12-3", "expected a number")],
    ["大きい", invalid("大きい", "expected a number")],
    ["273人", invalid("273人", "expected a number")],
    ["①", invalid("①", "expected a number")],
    ["12²", invalid("12²", "expected a number")],
    ["1e5", invalid("1e5", "expected a number")],
    ["△", invalid("△", "expected a number")],
    ["--5", invalid("--5", "expected a number")],
    ["9".repeat(400), invalid("9".repeat(400), "number too large")],
    [true, invalid("TRUE", "boolean TRUE; expected a number")],
    [{ error: "#DIV/0!" }, invalid("#DIV/0!", "Excel error #DIV/0!; expected a number")],
    // A date where a number belongs (a t="d" cell, a date-formatted number) is a mistake, never a year or serial.
    [{ date: "2013-04-01" }, invalid("2013-04-01", "a date; expected a number")],
    [{ date: "2013-04-01T09:30:00" }, invalid("2013-04-01T09:30:00", "a date; expected a number")],
    [NaN, invalid("NaN", "not a finite number")],
    [Infinity, invalid("Infinity", "not a finite number")],
    [-Infinity, invalid("-Infinity", "not a finite number")],
    // blank and markers
    [null, { value: null, raw: "", status: "empty" }],
    ["", { value: null, raw: "", status: "empty" }],
    ["　", { value: null, raw: "　", status: "empty" }],
    ["－", { value: null, raw: "－", status: "no-value" }],
    ["未集計", { value: null, raw: "未集計", status: "no-value" }],
    ["集計中", { value: null, raw: "集計中", status: "no-value" }],
    ["…", { value: null, raw: "…", status: "no-value" }],
  ])("%p", (input, expected) => {
    expect(parseNumber(input)).toEqual(expected);
  });
});
