import { checkSheet } from "../../../src/core/engine";
import { buildSummaryLayout, sheetRef, type LayoutCell, type SummaryLayout } from "../../../src/core/report/summaryLayout";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/settings";
import { renderSheet } from "../../../src/samples/layout";
import { sample41303000 } from "../../../src/samples/sample41303000";
import type { MeasureData } from "../../../src/samples/measureData";

function layoutOf(data: MeasureData, sheet: string, settings: Settings, formulas: boolean): SummaryLayout {
  const result = checkSheet(renderSheet(data, sheet).grid, { settings });
  return buildSummaryLayout([result], settings, { formulas });
}

/** Cell of the summary sheet at an A1 address. */
function at(layout: SummaryLayout, address: string): LayoutCell | undefined {
  return layout.cells.find((c) => c.address === address)?.cell;
}

describe("buildSummaryLayout on the 41303000 sample", () => {
  const live = layoutOf(sample41303000, "41303000", DEFAULT_SETTINGS, true);
  const values = layoutOf(sample41303000, "41303000", DEFAULT_SETTINGS, false);

  it("places title, legend and both tables at fixed rows", () => {
    expect(at(live, "A1")?.value).toBe("達成率サマリー");
    expect(at(live, "A2")?.value).toBe("達成率 = 大きいほどよい: 実績/計画, 小さいほどよい: 計画/実績; 評価: 100%以上 達成, 80%以上 概ね達成, それ未満 未達成");
    expect(live.indicators.headers).toEqual(["シート", "施策課題", "指標", "年度", "計画値", "実績値", "達成率", "評価", "備考"]);
    expect(at(live, "A5")?.value).toBe("シート");
    // 3 indicators × (base 2010 + 2011–2013) = 12 rows, then a blank row, then the budget table.
    expect(live.indicators.rows).toHaveLength(12);
    expect(live.budget.titleRow).toBe(18);
    expect(at(live, "A20")?.value).toBe("シート");
    expect(live.budget.headers).toEqual(["シート", "施策課題", "年度", "計画事業費", "予算", "決算", "決算見込", "執行率", "予算/計画", "備考"]);
    expect(live.budget.rows).toHaveLength(3);
  });

  it("writes indicator ① 2012 as live references and a rate formula over its own cells", () => {
    expect(at(live, "C8")?.value).toBe("① 海外からの視察受入人数累計数");
    expect(at(live, "D8")?.value).toBe(2012);
    expect(at(live, "E8")).toEqual({ value: 600, formula: "='41303000'!B34" });
    expect(at(live, "F8")).toEqual({ value: 428, formula: "='41303000'!C34" });
    expect(at(live, "G8")).toEqual({ value: 428 / 600, formula: '=IF(OR(E8="",F8=""),"",IF(E8=0,"",F8/E8))', numberFormat: "0.0%" });
    expect(at(live, "H8")).toEqual({ value: "未達成", formula: '=IF(G8="","",IF(G8>=1,"達成",IF(G8>=0.8,"概ね達成","未達成")))' });
  });

  it("marks the base year without a rate formula", () => {
    expect(at(live, "D6")?.value).toBe(2010);
    expect(at(live, "E6")).toEqual({ value: 745, formula: "='41303000'!B32" });
    expect(live.indicators.rows[0][6]).toEqual({ value: null, numberFormat: "0.0%" });
    expect(at(live, "G6")).toBeUndefined(); // cells lists non-empty cells only
    expect(at(live, "I6")?.value).toBe("基準年");
  });

  it("gives ② 2013 161/130 and ③ 2013 0.9", () => {
    expect(at(live, "D13")?.value).toBe(2013);
    expect(at(live, "G13")?.value).toBeCloseTo(161 / 130, 12);
    expect(at(live, "H13")?.value).toBe("達成");
    expect(at(live, "D17")?.value).toBe(2013);
    expect(at(live, "F17")).toEqual({ value: 36, formula: "='41303000'!K35" });
    expect(at(live, "G17")?.value).toBeCloseTo(0.9, 12);
    expect(at(live, "H17")?.value).toBe("概ね達成");
  });

  it("writes the budget with 執行率 and 予算/計画 formulas; the forecast marked", () => {
    expect(at(live, "C21")?.value).toBe(2011);
    expect(at(live, "D21")).toBeUndefined(); // no 計画事業費 in the plan's first year
    expect(at(live, "E21")).toEqual({ value: 43769, formula: "='41303000'!B41", numberFormat: "#,##0" });
    expect(at(live, "F21")).toEqual({ value: 38182, formula: "='41303000'!C41", numberFormat: "#,##0" });
    expect(at(live, "H21")).toEqual({ value: 38182 / 43769, formula: '=IF(OR(E21="",F21=""),"",IF(E21=0,"",F21/E21))', numberFormat: "0.0%" });
    expect(at(live, "I21")).toEqual({ value: null, formula: '=IF(OR(D21="",E21=""),"",IF(D21=0,"",E21/D21))', numberFormat: "0.0%" });
    expect(at(live, "G23")?.value).toBe("見込");
    expect(at(live, "I23")?.value).toBeCloseTo(21959 / 38802, 12);
  });

  it("writes the same values without formulas when asked", () => {
    expect(at(values, "E8")).toEqual({ value: 600 });
    expect(at(values, "G8")).toEqual({ value: 428 / 600, numberFormat: "0.0%" });
    expect(at(values, "H21")).toEqual({ value: 38182 / 43769, numberFormat: "0.0%" });
    expect(values.cells.some((c) => c.cell.formula !== undefined)).toBe(false);
  });

  it("has grade rules for conditional formatting that ignore blank rates", () => {
    expect(live.gradeRules.map((r) => r.expression)).toEqual([
      "AND(ISNUMBER({cell}),{cell}>=1)",
      "AND(ISNUMBER({cell}),{cell}>=0.8,{cell}<1)",
      "AND(ISNUMBER({cell}),{cell}<0.8)",
    ]);
  });
});

describe("buildSummaryLayout: settings, text values, sheet names", () => {
  it("follows the lower-is-better setting (inverse and two-minus)", () => {
    const lower: MeasureData = { ...sample41303000, indicators: sample41303000.indicators.map((i) => ({ ...i, direction: "小さいほどよい" })) };
    const inverse = layoutOf(lower, "S", DEFAULT_SETTINGS, true);
    expect(at(inverse, "G8")).toEqual({ value: 600 / 428, formula: '=IF(OR(E8="",F8=""),"",IF(E8=0,"",IF(F8=0,"",E8/F8)))', numberFormat: "0.0%" });
    const twoMinus = layoutOf(lower, "S", { ...DEFAULT_SETTINGS, lowerIsBetter: "two-minus" }, true);
    expect(at(twoMinus, "G8")?.formula).toBe('=IF(OR(E8="",F8=""),"",IF(E8=0,"",2-F8/E8))');
    expect(at(twoMinus, "G8")?.value).toBeCloseTo(2 - 428 / 600, 12);
  });

  it("uses the base row's cells for change-from-base", () => {
    const l = layoutOf(sample41303000, "S", { ...DEFAULT_SETTINGS, rateBasis: "change-from-base" }, true);
    const b = 'IF($F$6="",$E$6,$F$6)';
    expect(at(l, "G8")?.formula).toBe(`=IF(OR(E8="",F8="",${b}=""),"",IF(E8=${b},"",(F8-${b})/(E8-${b})))`);
    // ③ 2012: (37 − 28)/(38 − 28)
    expect(at(l, "G16")?.formula).toBe('=IF(OR(E16="",F16="",IF($F$14="",$E$14,$F$14)=""),"",IF(E16=IF($F$14="",$E$14,$F$14),"",(F16-IF($F$14="",$E$14,$F$14))/(E16-IF($F$14="",$E$14,$F$14))))');
    expect(at(l, "G16")?.value).toBeCloseTo(9 / 10, 12);
  });

  it("writes a number stored as text as a value with a visible note", () => {
    const data: MeasureData = {
      ...sample41303000,
      budget: sample41303000.budget.map((b, i) => (i === 0 ? { ...b, budget: "43,769" } : b)),
    };
    const l = layoutOf(data, "41303000", DEFAULT_SETTINGS, true);
    expect(at(l, "E21")).toEqual({ value: 43769, numberFormat: "#,##0", note: "元セルは文字列: 43,769 → 43769" });
    expect(at(l, "J21")?.value).toBe("元セルは文字列: 43,769 → 43769");
    // The rate still follows the summary's own cells.
    expect(at(l, "H21")?.formula).toBe('=IF(OR(E21="",F21=""),"",IF(E21=0,"",F21/E21))');
  });

  it("quotes sheet names and doubles apostrophes", () => {
    expect(sheetRef({ sheet: "R5 'draft'", address: "D45" })).toBe("'R5 ''draft'''!D45");
    const l = layoutOf(sample41303000, "施策 '41'", DEFAULT_SETTINGS, true);
    expect(at(l, "E8")?.formula).toBe("='施策 ''41'''!B34");
  });

  it("adds a ファイル column when files are given and skips non-evaluation sheets", () => {
    const settings = DEFAULT_SETTINGS;
    const result = checkSheet(renderSheet(sample41303000, "41303000").grid, { settings });
    const other = checkSheet({ name: "目次", top: 0, left: 0, values: [["目次"], ["41303000 環境技術を活かした国際貢献"]], merges: [] }, { settings });
    const l = buildSummaryLayout([other, result], settings, { formulas: true, files: ["x.xlsx", "a/b.xlsx"] });
    expect(l.indicators.headers[0]).toBe("ファイル");
    expect(l.indicators.rows).toHaveLength(12);
    expect(at(l, "A8")?.value).toBe("a/b.xlsx");
    expect(at(l, "F8")).toEqual({ value: 600, formula: "='41303000'!B34" });
    expect(at(l, "H8")?.formula).toBe('=IF(OR(F8="",G8=""),"",IF(F8=0,"",G8/F8))');
  });
});
