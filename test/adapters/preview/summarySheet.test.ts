import { checkWorkbook } from "../../../src/core/engine";
import { cellAt, toA1 } from "../../../src/core/grid";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { renderSheet } from "../../../src/samples/layout";
import { sample41303000 } from "../../../src/samples/sample41303000";
import { buildSummarySheet } from "../../../src/adapters/preview/summarySheet";
import { displayText } from "../../../src/taskpane/preview/sheetLayout";

describe("the preview's summary tab", () => {
  const results = checkWorkbook({ sheets: [renderSheet(sample41303000, "41303000").grid] });
  const { grid, numberFormats } = buildSummarySheet(results, DEFAULT_SETTINGS, "達成率サマリー");

  function rowWith(...parts: (string | number)[]): number {
    const r = grid.values.findIndex((row) => parts.every((p) => row.some((v) => (typeof p === "string" ? typeof v === "string" && v.startsWith(p) : v === p))));
    if (r < 0) throw new Error(`no row with ${parts.join(", ")}`);
    return r;
  }

  it("holds the layout's values, with the rates shown as the pane shows them", () => {
    expect(grid.name).toBe("達成率サマリー");
    expect(cellAt(grid, 0, 0)).toBe("達成率サマリー");
    const r2012 = rowWith("①", 2012);
    const rateCol = grid.values[r2012].findIndex((v) => typeof v === "number" && v > 0 && v < 1);
    expect(grid.values[r2012][rateCol]).toBeCloseTo(428 / 600, 12);
    expect(numberFormats.get(toA1(r2012, rateCol))).toBe("0.0%");
    expect(displayText(grid.values[r2012][rateCol], numberFormats.get(toA1(r2012, rateCol)))).toBe("71.3%");
    const r2013 = rowWith("②", 2013);
    expect(displayText(grid.values[r2013][rateCol], numberFormats.get(toA1(r2013, rateCol)))).toBe("123.8%");
  });

  it("shows the 2011 execution rate and the amounts with separators", () => {
    const r = rowWith(2011, 43769);
    const shown = grid.values[r].map((v, c) => displayText(v, numberFormats.get(toA1(r, c))));
    expect(shown).toContain("43,769");
    expect(shown).toContain("38,182");
    expect(shown).toContain("87.2%");
  });
});
