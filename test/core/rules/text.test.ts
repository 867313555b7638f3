import fc from "fast-check";
import { num } from "../../../src/core/rules/text";
import { fuzzParameters } from "../../fuzz/runs";

// num() groups whole numbers by hand (Intl is slow); it must read exactly like Intl en-US.
const INTL = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

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
      fc.property(fc.oneof(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.maxSafeInteger(), fc.double()), (n) => num(n) === INTL.format(n)),
      fuzzParameters(),
    );
  });
});

describe("num and Intl", () => {
  test("whole numbers never construct an Intl formatter: the browser preview's first one costs it ICU data", () => {
    jest.isolateModules(() => {
      const spy = jest.spyOn(Intl, "NumberFormat");
      try {
        const { num: fresh } = require("../../../src/core/rules/text") as typeof import("../../../src/core/rules/text");
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
