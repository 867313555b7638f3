import type { SheetGrid } from "../../../src/core/grid";
import {
  columnWidths,
  displayText,
  selectionBox,
  sheetExtent,
  windowCells,
} from "../../../src/taskpane/preview/sheetLayout";

// B2 holds a text merged over B2:D3; F4 a number; the grid starts at B2 as a used range may.
const grid: SheetGrid = {
  name: "S",
  top: 1,
  left: 1,
  values: [
    ["施策の概要", null, null, null, null],
    [null, null, null, null, null],
    [null, null, null, null, 43769],
  ],
  merges: [{ top: 1, left: 1, bottom: 2, right: 3 }],
};

describe("grid view layout", () => {
  it("shows rates as the pane does and other values as typed, markup included", () => {
    expect(displayText(0.71333, "0.0%")).toBe("71.3%");
    expect(displayText(1.2384615, "0.0%")).toBe("123.8%");
    expect(displayText(43769, "#,##0")).toBe("43,769");
    expect(displayText(43769)).toBe("43769");
    expect(displayText("<img src=x onerror=alert(1)>")).toBe("<img src=x onerror=alert(1)>");
    expect(displayText(null)).toBe("");
    expect(displayText({ error: "#DIV/0!" })).toBe("#DIV/0!");
  });

  it("spans from A1 to the last used cell or merge", () => {
    expect(sheetExtent(grid)).toEqual({ rows: 4, cols: 6 });
    expect(sheetExtent({ ...grid, merges: [{ top: 0, left: 0, bottom: 9, right: 7 }] })).toEqual({ rows: 10, cols: 8 });
    expect(sheetExtent({ name: "E", top: 0, left: 0, values: [], merges: [] })).toEqual({ rows: 1, cols: 1 });
  });

  it("draws a merge once from its master and skips the cells it covers", () => {
    const rows = windowCells(grid, 0, 3, 6);
    expect(rows.map((r) => r.map((c) => c.address))).toEqual([
      ["A1", "B1", "C1", "D1", "E1", "F1"],
      ["A2", "B2", "E2", "F2"],
      ["A3", "E3", "F3"],
      ["A4", "B4", "C4", "D4", "E4", "F4"],
    ]);
    expect(rows[1][1]).toMatchObject({ rowSpan: 2, colSpan: 3, value: "施策の概要", box: { top: 1, left: 1, bottom: 2, right: 3 } });
    expect(rows[3][5]).toMatchObject({ value: 43769, rowSpan: 1, colSpan: 1 });
  });

  it("draws a merge that starts above the window clipped from the window's first row", () => {
    const rows = windowCells(grid, 2, 3, 6);
    expect(rows[0].map((c) => c.address)).toEqual(["A3", "B2", "E3", "F3"]);
    expect(rows[0][1]).toMatchObject({ row: 2, rowSpan: 1, colSpan: 3, value: "施策の概要" });
  });

  it("survives absurd and inverted merges", () => {
    const odd: SheetGrid = { ...grid, merges: [{ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }, { top: 5, left: 5, bottom: 1, right: 1 }] };
    const rows = windowCells(odd, 0, 1, 3);
    expect(rows.map((r) => r.length)).toEqual([3, 3]);
  });

  it("sizes columns from their longest unmerged text, ignoring merged text", () => {
    const widths = columnWidths(grid, 6);
    expect(widths).toEqual([56, 56, 56, 56, 56, 56]);
    const wide = columnWidths({ ...grid, merges: [] }, 6);
    // 5 full-width characters at 13 px + 12 px padding.
    expect(wide[1]).toBe(77);
    expect(columnWidths({ name: "L", top: 0, left: 0, values: [["x".repeat(500)]], merges: [] }, 1)).toEqual([240]);
  });

  it("turns a selection into the box it covers, either way round", () => {
    expect(selectionBox("D45")).toEqual({ top: 44, left: 3, bottom: 44, right: 3 });
    expect(selectionBox("E45:B40")).toEqual({ top: 39, left: 1, bottom: 44, right: 4 });
  });
});
