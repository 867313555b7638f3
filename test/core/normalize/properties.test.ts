// Seeded property tests (issue 6: ≥ 10,000 cases each, reproducible).
import fc from "fast-check";
import type { CellValue } from "../../../src/core/grid";
import {
  cellText,
  EVALUATION_CODES,
  isNoValueMarker,
  labelKey,
  normalizeText,
  parseDirection,
  parseEvaluationCode,
  parseNumber,
  parsePeriod,
  parseYear,
} from "../../../src/core/normalize";
import { fuzzParameters } from "../../fuzz/runs";

const RUNS = fuzzParameters();

// Any UTF-16 code unit, lone surrogates included.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
// Fragments of real entries, so that random strings reach the deeper branches of the parsers.
const fragment = fc.constantFrom(
  "2011", "１２３", "H", "平成", "令和", "元", "年度", "(", ")", "（", "）", "〜", "～", "-", "－", "ー",
  "△", "▲", ",", "，", ".", "%", "※", "*", "A", "Ｂ", "c", "Ⅰ", "Ⅱ", "ⅱ", "I", "ii", "2", " ", "　", "\n",
  "大きい", "ほど", "よい", "方が", "目標値に近い", "未集計", "…", "・", "評価表", "①", "\uD800", "\u0301",
);
const anyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: codeUnit, maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: fragment, maxLength: 8 }),
);
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  anyString,
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, 2011, 40634),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("#DIV/0!", "#N/A", "#VALUE!", "#REF!").map((error) => ({ error })),
);

const STATUSES = new Set(["ok", "normalized", "empty", "no-value", "invalid"]);

describe("normalize properties", () => {
  // Plain boolean checks inside the properties: 10,000 runs of expect() would cost seconds.
  const parsers = { parseNumber, parseYear, parseEvaluationCode, parseDirection } as const;
  test.each(Object.keys(parsers) as (keyof typeof parsers)[])(
    "%s never throws and returns a well-formed result for any cell value",
    (name) => {
      const parse = parsers[name];
      fc.assert(
        fc.property(anyCell, (v) => {
          const r = parse(v);
          const hasValue = r.status === "ok" || r.status === "normalized";
          const explained = r.status === "ok" || r.status === "empty" || r.status === "no-value" || !!r.note;
          return STATUSES.has(r.status) && r.raw === cellText(v) && (r.value !== null) === hasValue && explained;
        }),
        RUNS,
      );
    },
  );

  test("parseYear only ever yields whole years 1900–2100 and parseNumber only finite numbers", () => {
    fc.assert(
      fc.property(anyCell, (v) => {
        const year = parseYear(v).value;
        const n = parseNumber(v).value;
        return (year === null || (Number.isInteger(year) && year >= 1900 && year <= 2100)) && (n === null || Number.isFinite(n));
      }),
      RUNS,
    );
  });

  test("text functions never throw, and labelKey is idempotent", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        normalizeText(s);
        isNoValueMarker(s);
        const period = parsePeriod(s);
        const key = labelKey(s);
        return (period === null || period.from <= period.to) && labelKey(key) === key && !/\s/.test(key);
      }),
      RUNS,
    );
  });

  test("an integer written with thousands separators, full-width digits or △ reads back as itself", () => {
    const toFullWidth = (s: string) => s.replace(/[0-9,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.boolean(), fc.boolean(), (n, fullWidth, triangle) => {
        let text = Math.abs(n).toLocaleString("en-US");
        if (fullWidth) text = toFullWidth(text);
        if (n < 0) text = (triangle ? "△" : "-") + text;
        const parsed = parseNumber(text);
        return Object.is(parsed.value, n === 0 ? 0 : n) && parsed.status === "normalized";
      }),
      RUNS,
    );
  });

  test("every canonical code is ok, and noise never yields a code outside the six", () => {
    for (const code of EVALUATION_CODES) expect(parseEvaluationCode(code).status).toBe("ok");
    fc.assert(
      fc.property(anyCell, (v) => {
        const r = parseEvaluationCode(v);
        return r.value === null || EVALUATION_CODES.includes(r.value);
      }),
      RUNS,
    );
  });

  test("a canonical code with any spacing or dash between letter and numeral reads as that code", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EVALUATION_CODES),
        fc.string({ unit: fc.constantFrom(" ", "　", "-", "－", "・"), maxLength: 3 }),
        (code, gap) => parseEvaluationCode(code[0] + gap + code[1]).value === code,
      ),
      RUNS,
    );
  });
});
