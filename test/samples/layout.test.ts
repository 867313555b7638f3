import { cellAt, fromA1, type SheetGrid } from "../../src/core/grid";
import { renderSheet, type LayoutOptions } from "../../src/samples/layout";
import { blankMeasureData } from "../../src/samples/measureData";
import { sample41303000 } from "../../src/samples/sample41303000";

const valueAt = (grid: SheetGrid, a1: string) => {
  const { row, col } = fromA1(a1);
  return cellAt(grid, row, col);
};

describe("renderSheet", () => {
  it("puts the sample's values at the cells cellOf names (standard layout)", () => {
    const { grid, cellOf } = renderSheet(sample41303000, "41303000");
    expect(grid.name).toBe("41303000");
    expect(valueAt(grid, cellOf["header.fiscalYear"])).toBe("2013年度");
    expect(valueAt(grid, "A2")).toBe("評価年度");
    expect(valueAt(grid, cellOf["header.measureCode"])).toBe("41303000");
    expect(cellOf["evaluation.codes[2].code"]).toBe("D18");
    expect(valueAt(grid, "D17")).toBe(2013);
    expect(cellOf["indicators[0].rows[2].actual"]).toBe("C34");
    expect(valueAt(grid, "C34")).toBe(428);
    expect(valueAt(grid, cellOf["indicators[2].unit"])).toBe("団体");
    expect(cellOf["indicators[0].unit"]).toBeUndefined();
    expect(valueAt(grid, cellOf["budget[2].settlement"])).toBe(21165);
    expect(valueAt(grid, "I40")).toBe("決算見込");
    expect(cellOf["budget[0].planned"]).toBeUndefined();
    expect(valueAt(grid, cellOf["plan.label"])).toBe("<第3期実行計画(2011(H23)〜2013(H25)年度)における施策の概要及び施策の目標>");
  });

  it("merges year headers over their columns and text cells over the row", () => {
    const { grid } = renderSheet(sample41303000, "s");
    expect(grid.merges).toContainEqual({ top: 38, left: 1, bottom: 38, right: 2 }); // 2011: 予算 決算
    expect(grid.merges).toContainEqual({ top: 38, left: 3, bottom: 38, right: 5 }); // 2012: 計画事業費 予算 決算
    expect(grid.merges).toContainEqual({ top: 9, left: 1, bottom: 9, right: 11 }); // 当該施策によって解決すべき課題
    expect(renderSheet(sample41303000, "s", { noMerges: true }).grid.merges).toEqual([]);
  });

  it("shifts every cell by rowOffset/colOffset", () => {
    const plain = renderSheet(sample41303000, "s");
    const shifted = renderSheet(sample41303000, "s", { rowOffset: 2, colOffset: 1 });
    expect(shifted.cellOf["budget[1].budget"]).toBe("F43");
    expect(plain.cellOf["budget[1].budget"]).toBe("E41");
    expect(shifted.grid.merges[0]).toEqual({ top: 2, left: 1, bottom: 2, right: 12 });
  });

  it.each<[LayoutOptions, string, string | number]>([
    [{ headingStyle: "square" }, "A24", "■ 参考指標"],
    [{ headingStyle: "plain" }, "A24", "参考指標"],
    [{}, "A24", "<参考指標>"],
    [{ labelSpacing: true }, "B31", "計 画 値"],
    [{ labelSpacing: true }, "A2", "評 価 年 度"],
    [{ labelSpacing: true }, "C31", "実\u3000績\u3000値"],
    [{ labelSpacing: true }, "E6", "政策の \n基本方向"],
    [{ valuesAsText: true }, "B41", "43769"],
    [{ valuesAsText: true }, "C41", "３８１８２"],
    [{ valuesAsText: true }, "D41", "39,173"],
    [{ indicatorYearsAcross: true }, "A32", "計画値"],
    [{ indicatorYearsAcross: true }, "C32", 250],
    [{ inlineLabels: true }, "A2", "評価年度：2013年度"],
    [{ inlineLabels: true }, "A5", "施策課題\n41303000 環境技術を活かした国際貢献"],
    [{ inlineLabels: true }, "I5", "作成課:環境局地球環境推進室"],
    [{ inlineLabels: true }, "A6", "基本政策\u3000環境を守り自然と調和したまちづくり"],
    [{ inlineLabels: true }, "I7", "重点："],
    [{ inlineLabels: true, labelSpacing: true }, "A2", "評 価 年 度：2013年度"],
    [{ valuesBelow: true }, "A2", "評価年度"],
    [{ valuesBelow: true }, "A3", "2013年度"],
    [{ valuesBelow: true }, "I6", "作成課"],
    [{ valuesBelow: true }, "I7", "環境局地球環境推進室"],
    [{ valuesBelow: true }, "A14", "当該施策によって\n解決すべき課題"],
  ])("variant %j writes %s as %j", (options, a1, expected) => {
    expect(valueAt(renderSheet(sample41303000, "s", options).grid, a1)).toBe(expected);
  });

  it("writes numbers as text in plain, full-width and separated forms", () => {
    const { grid, cellOf } = renderSheet(sample41303000, "s", { valuesAsText: true });
    const forms = sample41303000.indicators[0].rows.map((_, j) => valueAt(grid, cellOf[`indicators[0].rows[${j}].plan`]));
    expect(forms.every((v) => typeof v === "string")).toBe(true);
    expect(forms).toContain("２５０");
  });

  it("places 決算見込 in its own column with forecastAsColumn and budgetYearsDown", () => {
    const across = renderSheet(sample41303000, "s", { forecastAsColumn: true });
    expect(valueAt(across.grid, "I40")).toBe("決算");
    expect(valueAt(across.grid, "J40")).toBe("決算見込");
    expect(across.cellOf["budget[2].settlement"]).toBe("J41");
    const down = renderSheet(sample41303000, "s", { budgetYearsDown: true });
    expect(down.cellOf["budget[2].settlement"]).toBe("E42");
    expect(valueAt(down.grid, "E39")).toBe("決算見込");
  });

  it("points both 施策課題 paths at the one inline cell, and keeps the standard rows otherwise", () => {
    const inline = renderSheet(sample41303000, "s", { inlineLabels: true });
    expect([inline.cellOf["header.measureCode"], inline.cellOf["header.measureName"], inline.cellOf["texts.issues"]]).toEqual(["A5", "A5", "B10"]);
    const below = renderSheet(sample41303000, "s", { valuesBelow: true });
    expect([below.cellOf["header.measureCode"], below.cellOf["header.measureName"], below.cellOf["evaluation.reason"]]).toEqual(["A7", "B7", "A28"]);
    expect(below.grid.merges).toContainEqual({ top: 27, left: 0, bottom: 27, right: 11 }); // the reason across the sheet
  });

  it("renders a blank template with every slot and no values", () => {
    const { grid, cellOf } = renderSheet(blankMeasureData([2022, 2023, 2024, 2025]), "template");
    expect(cellOf["evaluation.codes[3].code"]).toBeDefined();
    expect(valueAt(grid, cellOf["evaluation.codes[3].year"])).toBe(2025);
    expect(valueAt(grid, cellOf["indicators[2].rows[4].actual"])).toBeNull();
    expect(valueAt(grid, cellOf["indicators[0].rows[0].year"])).toBe(2021);
  });
});
