import fc from "fast-check";
import type { CellValue, RangeBox, SheetGrid, WorkbookGrid } from "../../../src/core/grid";
import { readWorkbook, writeXlsx } from "../../../src/adapters/xlsx";
import { readZipDirectory, withFixedEntryTimes } from "../../../src/adapters/xlsx/zip";
import { smallGrid } from "./fixtures";

describe("writeXlsx", () => {
  it("round-trips values, errors, booleans, offsets and merges", async () => {
    const grid: WorkbookGrid = {
      sheets: [
        {
          name: "41303000",
          top: 3,
          left: 1,
          values: [
            ["参考指標名①", null, null, "単位"],
            [2011, 250, 273, null],
            [true, { error: "#DIV/0!" }, -1.25e-7, "改行\nあり"],
          ],
          merges: [{ top: 3, left: 1, bottom: 3, right: 3 }],
        },
        { name: "Sheet 2", top: 0, left: 0, values: [["x"]], merges: [] },
      ],
    };
    expect((await readWorkbook(await writeXlsx(grid))).sheets).toEqual(grid.sheets);
  });

  it("writes the same bytes for the same grid, whatever the time", async () => {
    const first = await writeXlsx(smallGrid());
    // JSZip stamps entries with `new Date()`: move the clock (Date only; timers stay real).
    jest.useFakeTimers({
      now: new Date("2031-05-05T10:11:12Z"),
      doNotFake: ["hrtime", "nextTick", "performance", "queueMicrotask", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"],
    });
    try {
      const second = await writeXlsx(smallGrid());
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it("stamps every zip entry with the fixed date (2000-01-01 00:00)", async () => {
    const bytes = await writeXlsx(smallGrid());
    const dv = new DataView(bytes.buffer, bytes.byteOffset);
    const { entries } = readZipDirectory(bytes);
    expect(entries.map((e) => e.name)).toContain("xl/worksheets/sheet1.xml");
    const dosDate = ((2000 - 1980) << 9) | (1 << 5) | 1;
    for (const e of entries) {
      expect([dv.getUint16(e.centralHeaderOffset + 12, true), dv.getUint16(e.centralHeaderOffset + 14, true)]).toEqual([0, dosDate]);
      expect([dv.getUint16(e.localHeaderOffset + 10, true), dv.getUint16(e.localHeaderOffset + 12, true)]).toEqual([0, dosDate]);
    }
    expect(withFixedEntryTimes(bytes, new Date(Date.UTC(2000, 0, 1)))).toEqual(bytes);
  });

  // Grids as readWorkbook produces them: rectangular, with a value in the first and last row and
  // column so the used area is exactly the grid.
  const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).filter((n) => !Object.is(n, -0)),
    fc.boolean(),
    fc.constantFrom<CellValue>({ error: "#DIV/0!" }, { error: "#N/A" }, { error: "#VALUE!" }, { error: "#REF!" }),
    // XML 1.0 cannot carry most control characters; Excel cannot either.
    // eslint-disable-next-line no-control-regex
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }).filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(s)),
  );
  const sheetArb: fc.Arbitrary<SheetGrid> = fc
    .record({
      top: fc.nat(30),
      left: fc.nat(30),
      height: fc.integer({ min: 1, max: 6 }),
      width: fc.integer({ min: 1, max: 6 }),
      cells: fc.array(cellValue, { minLength: 36, maxLength: 36 }),
    })
    .map(({ top, left, height, width, cells }) => {
      const values = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => cells[r * 6 + c]));
      values[0][0] = "top-left";
      values[height - 1][width - 1] = values[height - 1][width - 1] ?? 1;
      const merges: RangeBox[] =
        height >= 2 && width >= 2 ? [{ top: top + height - 2, left: left + width - 2, bottom: top + height - 1, right: left + width - 1 }] : [];
      // Only the master of a merge holds a value.
      for (const m of merges) {
        for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) values[r - top][c - left] = null;
        if (values[m.top - top][m.left - left] === null) values[m.top - top][m.left - left] = "merged";
      }
      return { name: "S", top, left, values, merges };
    });

  it("readWorkbook(writeXlsx(g)) equals g for generated grids", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheetArb, { minLength: 1, maxLength: 3 }), async (sheets) => {
        const grid: WorkbookGrid = { sheets: sheets.map((s, i) => ({ ...s, name: `S${i + 1}` })) };
        expect((await readWorkbook(await writeXlsx(grid))).sheets).toEqual(grid.sheets);
      }),
      { numRuns: 40, seed: 4242 },
    );
    // 40 write/read round trips: seconds on a loaded CI machine, and time is not what this asserts.
  }, 60_000);
});
