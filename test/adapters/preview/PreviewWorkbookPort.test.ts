import type { SheetGrid } from "../../../src/core/grid";
import type { Finding } from "../../../src/core/findings";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { PreviewWorkbook } from "../../../src/adapters/preview/previewWorkbook";
import {
  HIGHLIGHT_FILLS,
  PreviewWorkbookPort,
  SUMMARY_SHEET_NAME,
  type ProfileStorage,
} from "../../../src/adapters/preview/PreviewWorkbookPort";

function grid(name: string, top = 0, left = 0): SheetGrid {
  return {
    name,
    top,
    left,
    values: [
      ["評価年度", "2013年度", null],
      ["施策課題", 41303000, "環境技術を活かした国際貢献"],
    ],
    merges: [{ top: top + 1, left: left + 2, bottom: top + 1, right: left + 4 }],
  };
}

function finding(sheet: string, cell: string | null, severity: Finding["severity"], rule = "r"): Finding {
  return { rule, severity, sheet, cell, path: "p", message: { ja: "ja", en: "en" } };
}

class MapStorage implements ProfileStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe("PreviewWorkbook", () => {
  it("starts on the first sheet with its first used cell selected", () => {
    const wb = new PreviewWorkbook("book.xlsx", [grid("A", 2, 1), grid("B")]);
    expect(wb.activeSheet).toBe("A");
    expect(wb.selection).toEqual({ sheet: "A", address: "B3" });
  });

  it("tells listeners about every change and stops after unsubscribe", () => {
    const wb = new PreviewWorkbook("book.xlsx", [grid("A"), grid("B")]);
    let calls = 0;
    const off = wb.subscribe(() => calls++);
    wb.select("B", "$c$2");
    expect(wb.selection).toEqual({ sheet: "B", address: "C2" });
    expect(wb.activeSheet).toBe("B");
    off();
    wb.activate("A");
    expect(calls).toBe(1);
    expect(wb.activeSheet).toBe("A");
  });

  it("keeps one selection per sheet, as Excel does", () => {
    const wb = new PreviewWorkbook("book.xlsx", [grid("A"), grid("B", 4, 2)]);
    wb.select("A", "D45");
    wb.activate("B");
    expect(wb.selection).toEqual({ sheet: "B", address: "C5" });
    wb.select("B", "E7");
    wb.activate("A");
    expect(wb.selection).toEqual({ sheet: "A", address: "D45" });
    wb.activate("B");
    expect(wb.selection).toEqual({ sheet: "B", address: "E7" });
  });

  it("refuses a selection on a missing sheet or a malformed address without changing anything", () => {
    const wb = new PreviewWorkbook("book.xlsx", [grid("A")]);
    expect(() => wb.select("Z", "A1")).toThrow("no sheet named Z");
    expect(() => wb.select("A", "B2:??")).toThrow("not an A1 address");
    expect(wb.selection).toEqual({ sheet: "A", address: "A1" });
  });

  it("never replaces a user's sheet with a hyoka sheet of the same name", () => {
    const wb = new PreviewWorkbook("book.xlsx", [grid("A")]);
    expect(() => wb.putHyokaSheet(grid("A"), new Map())).toThrow("belongs to the user");
    expect(wb.sheets).toHaveLength(1);
  });
});

describe("PreviewWorkbookPort", () => {
  it("reads every sheet with progress, or only the active one", async () => {
    const wb = new PreviewWorkbook("book.xlsx", [grid("A"), grid("B"), grid("C")]);
    const port = new PreviewWorkbookPort(wb);
    const progress: string[] = [];
    const all = await port.readWorkbook({ onProgress: (p) => progress.push(`${p.done}/${p.total}`) });
    expect(all.sheets.map((s) => s.name)).toEqual(["A", "B", "C"]);
    expect(progress).toEqual(["0/3", "1/3", "2/3", "3/3"]);
    wb.activate("B");
    const active = await port.readWorkbook({ activeOnly: true });
    expect(active.sheets.map((s) => s.name)).toEqual(["B"]);
    expect(active.sheets[0].merges).toEqual([{ top: 1, left: 2, bottom: 1, right: 4 }]);
    await expect(port.readSheet("C")).resolves.toBe(wb.sheet("C")!.grid);
    await expect(port.readSheet("Q")).rejects.toThrow("no sheet named Q");
  });

  it("selects a cell or range and reports it as the selection", async () => {
    const wb = new PreviewWorkbook("book.xlsx", [grid("A"), grid("B")]);
    const port = new PreviewWorkbookPort(wb);
    await port.selectCell("B", "D45");
    expect(await port.getSelection()).toEqual({ sheet: "B", address: "D45" });
    expect(wb.activeSheet).toBe("B");
    await port.selectCell("A", "B40:E45");
    expect(await port.getSelection()).toEqual({ sheet: "A", address: "B40:E45" });
  });

  it("highlights each cell once with its most severe finding and restores every previous fill exactly", async () => {
    const wb = new PreviewWorkbook("book.xlsx", [grid("A"), grid("B")]);
    wb.setFill("A", "C2", "#123456");
    const port = new PreviewWorkbookPort(wb);
    const marked = await port.highlightFindings([
      finding("A", "C2", "info"),
      finding("A", "C2", "error"),
      finding("A", "B1", "warning"),
      finding("B", "A1:C1", "info"),
      finding("A", null, "error"),
      finding("Missing", "A1", "error"),
    ]);
    expect(marked).toEqual({ cells: 3, protectedSheets: [] });
    expect(wb.sheet("A")!.fills.get("C2")).toBe(HIGHLIGHT_FILLS.error);
    expect(wb.sheet("A")!.fills.get("B1")).toBe(HIGHLIGHT_FILLS.warning);
    expect(wb.sheet("B")!.fills.get("A1")).toBe(HIGHLIGHT_FILLS.info);
    // A second highlight must not remember hyoka's own colour as the original.
    expect((await port.highlightFindings([finding("A", "C2", "warning")])).cells).toBe(1);
    expect((await port.clearHighlights()).cells).toBe(3);
    expect([...wb.sheet("A")!.fills]).toEqual([["C2", "#123456"]]);
    expect(wb.sheet("B")!.fills.size).toBe(0);
    expect((await port.clearHighlights()).cells).toBe(0);
  });

  it("writes the summary as a new last tab, rebuilds it in place, and leaves a user's sheet of that name alone", async () => {
    const wb = new PreviewWorkbook("book.xlsx", [grid(SUMMARY_SHEET_NAME), grid("B")]);
    const calls: string[] = [];
    const port = new PreviewWorkbookPort(wb, {
      buildSummarySheet: (results, settings, sheetName) => {
        calls.push(`${sheetName}:${results.length}:${settings.lowerIsBetter}`);
        return {
          grid: { name: "ignored", top: 0, left: 0, values: [["達成率"], [0.71333]], merges: [] },
          numberFormats: new Map([["A2", "0.0%"]]),
        };
      },
    });
    const first = await port.writeSummary([], DEFAULT_SETTINGS);
    expect(first).toEqual({ sheetName: `${SUMMARY_SHEET_NAME} (2)` });
    expect(wb.sheets.map((s) => s.grid.name)).toEqual([SUMMARY_SHEET_NAME, "B", `${SUMMARY_SHEET_NAME} (2)`]);
    expect(wb.activeSheet).toBe(`${SUMMARY_SHEET_NAME} (2)`);
    expect(wb.sheet(`${SUMMARY_SHEET_NAME} (2)`)!.numberFormats.get("A2")).toBe("0.0%");
    await port.writeSummary([], { ...DEFAULT_SETTINGS, lowerIsBetter: "two-minus" });
    expect(wb.sheets).toHaveLength(3);
    expect(calls).toEqual([`${SUMMARY_SHEET_NAME} (2):0:inverse`, `${SUMMARY_SHEET_NAME} (2):0:two-minus`]);
    // The summary is output: checking the workbook again does not read it.
    const read = await port.readWorkbook();
    expect(read.sheets.map((s) => s.name)).toEqual([SUMMARY_SHEET_NAME, "B"]);
  });

  it("keeps profiles per workbook name in storage", async () => {
    const storage = new MapStorage();
    const wb = new PreviewWorkbook("a.xlsx", [grid("A")]);
    const port = new PreviewWorkbookPort(wb, { storage });
    expect(await port.loadProfile()).toBeNull();
    await port.saveProfile('{"labels":{}}');
    expect(storage.items.get("hyoka.profile:a.xlsx")).toBe('{"labels":{}}');
    expect(await port.loadProfile()).toEqual({ text: '{"labels":{}}', parts: 1 });
    wb.replaceAll("b.xlsx", [grid("A")]);
    expect(await port.loadProfile()).toBeNull();
    const noStorage = new PreviewWorkbookPort(wb, { storage: null });
    await expect(noStorage.saveProfile("{}")).rejects.toThrow("no local storage");
  });

  it("takes the UI language from the browser and never reports sheet changes", async () => {
    const wb = new PreviewWorkbook("a.xlsx", [grid("A")]);
    expect(new PreviewWorkbookPort(wb, { languages: ["ja-JP", "en"] }).displayLanguage()).toBe("ja");
    expect(new PreviewWorkbookPort(wb, { languages: ["en-US"] }).displayLanguage()).toBe("en");
    expect(new PreviewWorkbookPort(wb, {}).displayLanguage()).toBe("en");
    const port = new PreviewWorkbookPort(wb);
    const handler = jest.fn();
    const off = await port.onSheetChanged(handler);
    wb.select("A", "B2");
    await off();
    expect(handler).not.toHaveBeenCalled();
  });
});

describe("the preview's summary download", () => {
  it("adds the 施策別 sheet when the workbook's sheets link (the 41303000 family)", async () => {
    const { familyWorkbook } = await import("../../../src/samples/family41303000");
    const { checkWorkbook } = await import("../../../src/core/engine");
    const { readWorkbook } = await import("../../../src/adapters/xlsx/read");
    const sheets = familyWorkbook().map((s) => s.grid);
    const port = new PreviewWorkbookPort(new PreviewWorkbook("family.xlsx", sheets));
    await port.writeSummary(checkWorkbook({ sheets }), DEFAULT_SETTINGS);
    const download = await port.summaryWorkbookBytes();
    const book = await readWorkbook(download!.bytes);
    expect(book.sheets.map((s) => s.name)).toContain("施策別");
    const measures = book.sheets.find((s) => s.name === "施策別")!;
    expect(measures.values[5].slice(1, 3)).toEqual(["事務事業計", null]);
  });
});
