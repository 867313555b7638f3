import { boxToA1 } from "../../../src/core/grid";
import { OfficeWorkbookPort, splitAddress } from "../../../src/adapters/office/officeWorkbookPort";
import { UnsupportedFeatureError } from "../../../src/adapters/office/requirements";
import { planRowBlocks } from "../../../src/adapters/office/readPlan";
import { SUMMARY_SHEETS_SETTING } from "../../../src/adapters/office/summaryWriter";
import { FakeExcel, PropertyNotLoadedError } from "../../support/fakeExcel";
import { gridDifferences, sampleGrid, specOf } from "./fixtures";

const allSets = () => true;
const portOn = (fake: FakeExcel, extra: Partial<ConstructorParameters<typeof OfficeWorkbookPort>[0]> = {}) =>
  new OfficeWorkbookPort({ run: fake.run, supports: allSets, displayLanguage: () => "ja-JP", ...extra });

describe("the fake Excel context", () => {
  it("throws on reading a property that was not loaded and synced, and applies writes at sync", async () => {
    const fake = new FakeExcel([{ name: "S", cells: { A1: 1 } }]);
    const context = fake.context as unknown as Excel.RequestContext;
    const ws = context.workbook.worksheets.getItem("S");
    /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
       reading too early on purpose: the fake must fail the way Office does */
    expect(() => ws.name).toThrow(PropertyNotLoadedError);
    ws.load("name");
    expect(() => ws.name).toThrow(PropertyNotLoadedError); // loaded but not yet synced
    /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
    ws.getRange("A1").values = [[2]];
    expect(fake.cell("S", "A1")?.value).toBe(1);
    await context.sync();
    expect(ws.name).toBe("S");
    expect(fake.cell("S", "A1")?.value).toBe(2);
    expect(fake.syncCount).toBe(1);
  });
});

describe("OfficeWorkbookPort.readWorkbook", () => {
  it("reads a 30-sheet workbook in 2 syncs with every grid equal to the source", async () => {
    const grids = Array.from({ length: 30 }, (_, i) =>
      sampleGrid(`施策${String(i + 1).padStart(2, "0")}`, { rowOffset: i % 3, colOffset: i % 2, valuesAsText: i % 5 === 0 }),
    );
    const fake = new FakeExcel(grids.map(specOf));
    const progress: string[] = [];
    const read = await portOn(fake).readWorkbook({ onProgress: (p) => progress.push(`${p.done}/${p.total}`) });
    expect(fake.syncCount).toBe(2);
    expect(read.sheets.map((s) => s.name)).toEqual(grids.map((g) => g.name));
    read.sheets.forEach((s, i) => {
      expect(gridDifferences(s, grids[i])).toEqual([]);
      expect(s.merges.map(boxToA1).sort()).toEqual(grids[i].merges.map(boxToA1).sort());
      expect(s.readError).toBeUndefined();
    });
    // The used range starts where the form starts: row offset 2, column offset 1 for sheet 6.
    expect([read.sheets[5].top, read.sheets[5].left]).toEqual([2, 1]);
    expect(progress).toEqual(["0/30", "30/30"]);
  });

  it("turns Excel's empties, errors, booleans and dates into core cell values", async () => {
    const fake = new FakeExcel([{ name: "S", cells: { B2: "x", C2: { error: "#DIV/0!" }, D2: true, E2: 41365, B3: "" } }]);
    const [grid] = (await portOn(fake).readWorkbook()).sheets;
    expect(grid).toEqual({ name: "S", top: 1, left: 1, values: [["x", { error: "#DIV/0!" }, true, 41365]], merges: [] });
  });

  it("blanks the non-master cells of a merge and degrades to no merges below ExcelApi 1.13", async () => {
    const spec = { name: "S", cells: { A1: "label", B1: "stray", A2: 1, C2: 2 }, merges: ["A1:B1"] };
    const withMerges = (await portOn(new FakeExcel([spec])).readWorkbook()).sheets[0];
    expect(withMerges.values).toEqual([["label", null, null], [1, null, 2]]);
    expect(withMerges.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    const fake = new FakeExcel([spec]);
    const old = (await portOn(fake, { supports: (v) => v !== "1.13" }).readWorkbook()).sheets[0];
    expect(old.merges).toEqual([]);
    expect(old.values[0]).toEqual(["label", "stray", null]);
    expect(fake.syncCount).toBe(2);
  });

  it("reads only the active sheet in 1 sync", async () => {
    const fake = new FakeExcel([specOf(sampleGrid("A")), specOf(sampleGrid("B"))]);
    const read = await portOn(fake).readWorkbook({ activeOnly: true });
    expect(read.sheets.map((s) => s.name)).toEqual(["A"]);
    expect(fake.syncCount).toBe(1);
  });

  it("returns an empty grid for an empty sheet and skips hyoka's own summary sheet", async () => {
    const fake = new FakeExcel([{ name: "空" }, { name: "達成率サマリー", cells: { A1: "達成率サマリー" } }, { name: "S", cells: { A1: 1 } }]);
    fake.data.settings.set(SUMMARY_SHEETS_SETTING, [fake.sheet("達成率サマリー").id]);
    const read = await portOn(fake).readWorkbook();
    expect(read.sheets).toEqual([
      { name: "空", top: 0, left: 0, values: [], merges: [] },
      { name: "S", top: 0, left: 0, values: [[1]], merges: [] },
    ]);
  });

  it("re-reads a sheet Excel refuses as too large in row blocks, with one more sync", async () => {
    const cells: Record<string, number> = {};
    for (let r = 1; r <= 100; r++) for (const c of ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]) cells[`${c}${r}`] = r * 100 + c.charCodeAt(0) - 64;
    const fake = new FakeExcel([{ name: "big", cells }, { name: "small", cells: { A1: 1 } }]);
    fake.valuesLimit = 300; // reads above 300 cells come back null
    const read = await portOn(fake, { cellBudget: 250 }).readWorkbook();
    expect(fake.syncCount).toBe(3);
    expect(read.sheets[0].values.length).toBe(100);
    expect(read.sheets[0].values[99]).toEqual([10001, 10002, 10003, 10004, 10005, 10006, 10007, 10008, 10009, 10010]);
    expect(read.sheets[0].values[37][4]).toBe(3805);
    expect(read.sheets[1].values).toEqual([[1]]);
  });

  it("reports a sheet whose blocks are still refused as a read error, not a crash", async () => {
    const fake = new FakeExcel([{ name: "big", cells: { A1: 1, J100: 2 } }]);
    fake.valuesLimit = 5;
    const [grid] = (await portOn(fake, { cellBudget: 250 }).readWorkbook()).sheets;
    expect(grid.values).toEqual([]);
    expect(grid.readError).toEqual({
      ja: "シート「big」は大きすぎて読み取れませんでした (使用範囲 big!A1:J100)。様式の外にある不要な値を削除してください。",
      en: 'Sheet "big" is too large to read (used range big!A1:J100); remove stray values outside the form.',
    });
  });
});

describe("planRowBlocks", () => {
  it("splits 1000×20 cells with a 5000-cell budget into 4 blocks of 250 rows", () => {
    expect(planRowBlocks(2, 1, 1000, 20, 5000)).toEqual([
      { address: "B3:U252", top: 2, rows: 250 },
      { address: "B253:U502", top: 252, rows: 250 },
      { address: "B503:U752", top: 502, rows: 250 },
      { address: "B753:U1002", top: 752, rows: 250 },
    ]);
  });
  it("keeps one row per block when a single row exceeds the budget", () => {
    expect(planRowBlocks(0, 0, 2, 30, 10).map((b) => b.address)).toEqual(["A1:AD1", "A2:AD2"]);
  });
});

describe("readSheet, selection and language", () => {
  it("reads one sheet in 1 sync", async () => {
    const fake = new FakeExcel([{ name: "A", cells: { A1: 1 } }, { name: "B", cells: { C3: "b" } }]);
    expect(await portOn(fake).readSheet("B")).toEqual({ name: "B", top: 2, left: 2, values: [["b"]], merges: [] });
    expect(fake.syncCount).toBe(1);
  });

  it("selects a cell on another sheet and reads the selection back, quoted sheet names included", async () => {
    const fake = new FakeExcel([{ name: "A" }, { name: "施策 (2)" }]);
    const port = portOn(fake);
    await port.selectCell("施策 (2)", "C12");
    expect(fake.data.activeSheetId).toBe(fake.sheet("施策 (2)").id);
    expect(await port.getSelection()).toEqual({ sheet: "施策 (2)", address: "C12" });
    expect(splitAddress("'It''s'!$B$40:$E$45")).toEqual({ sheet: "It's", address: "B40:E45" });
  });

  it("maps Office's display language to ja / en", () => {
    const fake = new FakeExcel([{ name: "A" }]);
    expect(portOn(fake, { displayLanguage: () => "ja-JP" }).displayLanguage()).toBe("ja");
    expect(portOn(fake, { displayLanguage: () => "en-US" }).displayLanguage()).toBe("en");
    expect(portOn(fake, { displayLanguage: () => undefined }).displayLanguage()).toBe("en");
  });
});

describe("live mode", () => {
  it("reports the changed sheet by name until unsubscribed, ignoring hyoka's summary sheet", async () => {
    const fake = new FakeExcel([{ name: "施策A", cells: { A1: 1 } }, { name: "達成率サマリー" }]);
    fake.data.settings.set(SUMMARY_SHEETS_SETTING, [fake.sheet("達成率サマリー").id]);
    const port = portOn(fake);
    await port.readWorkbook(); // learns which sheet is hyoka's
    const changed: string[] = [];
    const unsubscribe = await port.onSheetChanged((s) => changed.push(s));
    await fake.userEdit("施策A", "B2", 5);
    await fake.userEdit("達成率サマリー", "A1", "x");
    await unsubscribe();
    await fake.userEdit("施策A", "B3", 6);
    expect(changed).toEqual(["施策A"]);
  });

  it("refuses live mode below ExcelApi 1.7 with a clear bilingual message", async () => {
    const port = portOn(new FakeExcel([{ name: "A" }]), { supports: (v) => Number(v.split(".")[1]) < 7 });
    const error = await port.onSheetChanged(() => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFeatureError);
    expect((error as UnsupportedFeatureError).text.ja).toBe(
      "ライブ検証には Excel JavaScript API 1.7 以降が必要です (Microsoft 365 版の Excel などをお使いください)。",
    );
  });
});

describe("template profiles", () => {
  it("round-trips JSON through one custom XML part, replacing it on save", async () => {
    const fake = new FakeExcel([{ name: "A" }]);
    const port = portOn(fake);
    expect(await port.loadProfile()).toBeNull();
    await port.saveProfile('{"name":"<環境局> & co","v":1}');
    await port.saveProfile('{"name":"<環境局> & co","v":2}');
    expect(fake.data.parts.filter((p) => !p.deleted)).toHaveLength(1);
    expect(fake.data.parts[0].xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><profile xmlns="urn:hyoka:template-profile:1">{"name":"&lt;環境局&gt; &amp; co","v":2}</profile>',
    );
    // A new port (the workbook reopened) reads it back.
    expect(await portOn(fake).loadProfile()).toEqual({ text: '{"name":"<環境局> & co","v":2}', parts: 1 });
  });
});
