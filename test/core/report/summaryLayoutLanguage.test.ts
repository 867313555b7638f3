// The summary sheet in both languages: settings.language (or options.language) picks the
// headings, grades, legend and notes; the numbers, formulas' arithmetic and places stay.
import { checkSheet } from "../../../src/core/engine";
import { buildSummaryLayout, type LayoutCell, type SummaryLayout, type SummaryLayoutOptions } from "../../../src/core/report/summaryLayout";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/settings";
import { renderSheet } from "../../../src/samples/layout";
import type { MeasureData } from "../../../src/samples/measureData";
import { sample41303000 } from "../../../src/samples/sample41303000";

const result = checkSheet(renderSheet(sample41303000, "41303000").grid);
// 2011: 予算 typed as text, 決算 still being counted; 2012: 計画事業費 unreadable.
const mangledData: MeasureData = {
  ...sample41303000,
  budget: sample41303000.budget.map((b, i) =>
    i === 0 ? { ...b, budget: "43,769", settlement: "集計中" } : i === 1 ? { ...b, planned: "約4万" } : b,
  ),
};
const mangled = checkSheet(renderSheet(mangledData, "41303000").grid);

function layout(settings: Settings, options: SummaryLayoutOptions): SummaryLayout {
  return buildSummaryLayout([result], settings, options);
}

function at(l: SummaryLayout, address: string): LayoutCell | undefined {
  return l.cells.find((c) => c.address === address)?.cell;
}

const EN: Settings = { ...DEFAULT_SETTINGS, language: "en" };

describe("summary layout in English", () => {
  const live = layout(EN, { formulas: true });

  test("title, legend, table titles and headings", () => {
    expect(at(live, "A1")?.value).toBe("Achievement summary");
    expect(at(live, "A2")?.value).toBe(
      "Achievement rate = higher is better: actual/plan, lower is better: plan/actual; grade: 100% or more achieved, 80% or more nearly achieved, below that not achieved",
    );
    expect(live.indicators.title).toBe("Indicator achievement rates");
    expect(at(live, "A4")?.value).toBe("Indicator achievement rates");
    expect(live.indicators.headers).toEqual(["Sheet", "Measure", "Indicator", "Year", "Plan", "Actual", "Achievement rate", "Grade", "Notes"]);
    expect(live.budget.title).toBe("Project costs (thousand yen)");
    expect(live.budget.headers).toEqual([
      "Sheet", "Measure", "Year", "Planned cost", "Budget", "Settlement", "Forecast settlement", "Execution rate", "Budget/plan", "Notes",
    ]);
    expect(at(live, "A20")?.value).toBe("Sheet");
    // The sheet keeps its one name: adapters find their summary sheet by it.
    expect(live.sheetName).toBe("達成率サマリー");
  });

  test("grades, their formula, the base year and the forecast mark in English; figures unchanged", () => {
    expect(at(live, "H8")).toEqual({
      value: "not achieved",
      formula: '=IF(G8="","",IF(G8>=1,"achieved",IF(G8>=0.8,"nearly achieved","not achieved")))',
    });
    expect(at(live, "G8")).toEqual({ value: 428 / 600, formula: '=IF(OR(E8="",F8=""),"",IF(E8=0,"",F8/E8))', numberFormat: "0.0%" });
    expect(at(live, "I6")?.value).toBe("base year");
    expect(at(live, "G23")?.value).toBe("forecast");
  });

  test("the change-from-base legend", () => {
    const l = layout({ ...EN, rateBasis: "change-from-base", lowerIsBetter: "two-minus" }, { formulas: false });
    expect(at(l, "A2")?.value).toBe(
      "Achievement rate = change from the base year (actual − base)/(plan − base); grade: 100% or more achieved, 80% or more nearly achieved, below that not achieved",
    );
  });

  test("source cells read as text, no value or unreadable carry English notes; File heads the file column", () => {
    const l = buildSummaryLayout([mangled], EN, { formulas: false, files: ["a.xlsx"] });
    expect(l.indicators.headers[0]).toBe("File");
    // With the file column every budget column moves one right: F = 予算, G = 決算, K = 備考.
    expect(at(l, "F21")).toEqual({ value: 43769, numberFormat: "#,##0", note: "source cell is text: 43,769 → 43769" });
    expect(at(l, "K21")?.value).toBe("source cell is text: 43,769 → 43769; source cell has no value: 集計中");
    expect(at(l, "K22")?.value).toBe("source cell cannot be read as a number: 約4万");
  });

  test("the same cells in Japanese", () => {
    const l = buildSummaryLayout([mangled], DEFAULT_SETTINGS, { formulas: false });
    expect(at(l, "J21")?.value).toBe("元セルは文字列: 43,769 → 43769; 元セルは値なし: 集計中");
    expect(at(l, "J22")?.value).toBe("元セルは数値として読めません: 約4万");
  });
});

describe("language choice", () => {
  test("Japanese by default, from settings.language, and options.language over settings", () => {
    expect(at(layout(DEFAULT_SETTINGS, { formulas: false }), "A1")?.value).toBe("達成率サマリー");
    expect(at(layout(EN, { formulas: false }), "A1")?.value).toBe("Achievement summary");
    expect(at(layout(EN, { formulas: false, language: "ja" }), "A5")?.value).toBe("シート");
    expect(at(layout(DEFAULT_SETTINGS, { formulas: false, language: "en" }), "A5")?.value).toBe("Sheet");
  });
});
