import fc from "fast-check";
import { circled, formatNumber, formatRate, num } from "../../../src/core/format/number";
import { fuzzParameters } from "../../fuzz/runs";

// num() groups whole numbers by hand (Intl is slow); it must read exactly like Intl en-US.
const INTL = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });
/** Figures as the sheets hold them, the edges of safe integers, and any double (NaN, ±0, ±Infinity included). */
const anyNumber = fc.oneof(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.maxSafeInteger(), fc.double());

describe("num", () => {
  test.each<[number | null, string]>([
    [null, "-"],
    [0, "0"],
    [-0, "-0"],
    [7, "7"],
    [999, "999"],
    [1000, "1,000"],
    [-1000, "-1,000"],
    [43769, "43,769"],
    [-43769, "-43,769"],
    [123456, "123,456"],
    [1234567, "1,234,567"],
    [Number.MAX_SAFE_INTEGER, "9,007,199,254,740,991"],
    [1e21, "1,000,000,000,000,000,000,000"],
    [0.9, "0.9"],
    [1234.5678912, "1,234.567891"],
    [NaN, "NaN"],
  ])("%p → %p", (n, text) => {
    expect(num(n)).toBe(text);
  });

  test("reads like Intl en-US for any number", () => {
    fc.assert(
      fc.property(anyNumber, (n) => num(n) === INTL.format(n)),
      fuzzParameters(),
    );
  });
});

describe("num and Intl", () => {
  test("whole numbers never construct an Intl formatter: the browser preview's first one costs it ICU data", () => {
    jest.isolateModules(() => {
      const spy = jest.spyOn(Intl, "NumberFormat");
      try {
        const { num: fresh } = require("../../../src/core/format/number") as typeof import("../../../src/core/format/number");
        expect([fresh(43769), fresh(-1000), fresh(0)]).toEqual(["43,769", "-1,000", "0"]);
        expect(spy).not.toHaveBeenCalled();
        expect(fresh(1234.5)).toBe("1,234.5");
        expect(fresh(0.25)).toBe("0.25");
        expect(spy).toHaveBeenCalledTimes(1); // made once, on the first fraction, then kept
      } finally {
        spy.mockRestore();
      }
    });
  });
});

describe("formatNumber (reports)", () => {
  // What the reports wrote before groupThousands served them too: a regex over String(|n|).
  const byRegex = (n: number | null): string => {
    if (n === null || !Number.isFinite(n)) return "";
    const [int, frac] = String(Math.abs(n)).split(".");
    return `${n < 0 ? "-" : ""}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac ? `.${frac}` : ""}`;
  };

  test.each<[number | null, string]>([
    [null, ""],
    [NaN, ""],
    [Infinity, ""],
    [-0, "0"],
    [43769, "43,769"],
    [-1234.5, "-1,234.5"],
    [1234.5678912, "1,234.5678912"],
    [1e21, "1e+21"],
    [-1.5e300, "-1.5e+300"],
    [1e-7, "1e-7"],
    [123456789.123, "123,456,789.123"],
  ])("%p → %p", (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });

  test("writes what the regex wrote, for any number", () => {
    fc.assert(
      fc.property(anyNumber, (n) => formatNumber(n) === byRegex(n)),
      fuzzParameters(),
    );
  });
});

describe("groupedNumber", () => {
  test("reads like Intl en-US at the precision asked, one formatter per precision", () => {
    jest.isolateModules(() => {
      const spy = jest.spyOn(Intl, "NumberFormat");
      try {
        const { groupedNumber: fresh } = require("../../../src/core/format/number") as typeof import("../../../src/core/format/number");
        expect([fresh(1234.56789, 3), fresh(1234.56789, 6), fresh(0.0005, 3), fresh(2.5, 3)]).toEqual(["1,234.568", "1,234.56789", "0.001", "2.5"]);
        expect(spy).toHaveBeenCalledTimes(2);
      } finally {
        spy.mockRestore();
      }
    });
  });
});

describe("formatRate", () => {
  test("rounds halves away from zero, as Excel's 0.0% shows them", () => {
    expect([formatRate(23 / 80), formatRate(-23 / 80), formatRate(0.71333), formatRate(-0.00004), formatRate(0), formatRate(null), formatRate(Number.NaN)]).toEqual([
      "28.8%",
      "-28.8%",
      "71.3%",
      "0.0%",
      "0.0%",
      "",
      "",
    ]);
  });
});

describe("circled", () => {
  test("①–⑳, then the number in brackets", () => {
    expect([circled(1), circled(20), circled(21), circled(0)]).toEqual(["①", "⑳", "(21)", "(0)"]);
  });
});
