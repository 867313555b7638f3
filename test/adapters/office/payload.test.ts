// Excel's request limits: a one-shot read refused with ResponsePayloadSizeLimitExceeded falls
// back to extents, then values in batches under a cell budget; Excel on the web with many
// sheets asks for extents first. The fake rejects any sync loading more than requestCellLimit
// cells (values and valueTypes each counted), as Excel on the web rejects a response over ~5 MB.

import { OfficeWorkbookPort, EXTENTS_FIRST_ABOVE_SHEETS } from "../../../src/adapters/office/officeWorkbookPort";
import { batchBlocks, isTooLargeError, planRowBlocks, splitBatch, type SheetBlock } from "../../../src/adapters/office/readPlan";
import { FakeExcel, FakeOfficeError } from "../../support/fakeExcel";
import { gridDifferences, sampleGrid, specOf } from "./fixtures";

// The sample sheet: 49 rows × 12 columns = 588 cells; a one-shot read of 30 loads 2 × 17,640.
const SAMPLE_CELLS = 588;

function workbook(sheets: number): { fake: FakeExcel; names: string[] } {
  const spec = specOf(sampleGrid("template"));
  const names = Array.from({ length: sheets }, (_, i) => `施策${i + 1}`);
  return { fake: new FakeExcel(names.map((name) => ({ ...spec, name }))), names };
}

const portOn = (fake: FakeExcel, extra: Partial<ConstructorParameters<typeof OfficeWorkbookPort>[0]> = {}) =>
  new OfficeWorkbookPort({ run: fake.run, supports: () => true, displayLanguage: () => "ja-JP", limitedPayload: () => false, ...extra });

function expectSampleGrids(sheets: { name: string; readError?: unknown }[], names: string[]): void {
  expect(sheets.map((s) => s.name)).toEqual(names);
  const expected = sampleGrid("template");
  for (const s of sheets) {
    expect(s.readError).toBeUndefined();
    expect(gridDifferences(s as never, expected)).toEqual([]);
  }
}

describe("the fake's request limit", () => {
  it("rejects a sync loading more cells than the limit with Excel's error code, and loads nothing", async () => {
    const fake = new FakeExcel([{ name: "S", cells: { A1: 1, B2: 2 } }]);
    fake.requestCellLimit = 7; // values + valueTypes of A1:B2 = 8
    const context = fake.context as unknown as Excel.RequestContext;
    const range = context.workbook.worksheets.getItem("S").getRange("A1:B2").load("values,valueTypes");
    const error = await context.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeOfficeError);
    expect((error as FakeOfficeError).code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(isTooLargeError(error)).toBe(true);
    // The failed sync must leave it unloaded.
    expect(() => range.values).toThrow("is not available");
    range.load("values");
    await context.sync();
    expect(range.values).toEqual([[1, ""], ["", 2]]);
    expect([fake.syncCount, fake.refusedSyncs]).toEqual([2, 1]);
  });
});

describe("reading past Excel's payload limit", () => {
  it("falls back to extents, then values in batches of the request budget, when the one-shot read is refused", async () => {
    const { fake, names } = workbook(30);
    fake.requestCellLimit = 30_000;
    const progress: string[] = [];
    const read = await portOn(fake, { requestCellBudget: 10 * SAMPLE_CELLS }).readWorkbook({ onProgress: (p) => progress.push(`${p.done}/${p.total}`) });
    // list, refused one-shot, extents, 3 batches of 10 sheets (2 × 5,880 cells each)
    expect([fake.syncCount, fake.refusedSyncs]).toEqual([6, 1]);
    expectSampleGrids(read.sheets, names);
    expect(read.sheets[0].merges).toHaveLength(sampleGrid("template").merges.length);
    expect(progress).toEqual(["0/30", "10/30", "20/30", "30/30"]);
  });

  it("splits a batch Excel still refuses in halves until each is accepted", async () => {
    const { fake, names } = workbook(30);
    fake.requestCellLimit = 30_000;
    const read = await portOn(fake).readWorkbook();
    // list, refused one-shot, extents, refused batch of 30 sheets, 2 batches of 15
    expect([fake.syncCount, fake.refusedSyncs]).toEqual([6, 2]);
    expectSampleGrids(read.sheets, names);
  });

  it("splits one refused block by rows, and reports a sheet whose single row is still refused", async () => {
    const cells: Record<string, number> = {};
    for (let r = 1; r <= 8; r++) for (const c of ["A", "B", "C", "D"]) cells[`${c}${r}`] = r * 10 + c.charCodeAt(0) - 64;
    const fake = new FakeExcel([{ name: "tall", cells }, { name: "wide", cells: { A1: 1, L1: 2 } }]);
    fake.requestCellLimit = 20; // 10 cells per sync (values + valueTypes)
    const read = await portOn(fake).readWorkbook();
    const [tall, wide] = read.sheets;
    expect(tall.readError).toBeUndefined();
    expect(tall.values).toHaveLength(8);
    expect(tall.values[7]).toEqual([81, 82, 83, 84]);
    expect(tall.values[2][1]).toBe(32);
    expect(wide.values).toEqual([]);
    expect(wide.readError?.en).toBe('Sheet "wide" is too large to read (used range wide!A1:L1); remove stray values outside the form.');
    // list, refused one-shot, extents, refused [tall 8 rows + wide], refused tall, 2 × (refused
    // 4 rows, 2 × 2 rows accepted), refused wide (a single row, given up)
    expect([fake.syncCount, fake.refusedSyncs]).toEqual([12, 6]);
  });

  it("reads the active sheet and a named sheet when their one-shot read is refused", async () => {
    const { fake } = workbook(2);
    fake.requestCellLimit = SAMPLE_CELLS + 24; // half a sheet fits: 25 of its 49 rows = 2 × 300 cells
    const active = await portOn(fake).readWorkbook({ activeOnly: true });
    expect(active.sheets.map((s) => s.name)).toEqual(["施策1"]);
    expect(gridDifferences(active.sheets[0], sampleGrid("template"))).toEqual([]);
    expect([fake.syncCount, fake.refusedSyncs]).toEqual([5, 2]); // refused one-shot, extents, refused sheet, 2 halves
    fake.syncCount = 0;
    fake.refusedSyncs = 0;
    fake.requestCellLimit = 2 * SAMPLE_CELLS - 1;
    const named = await portOn(fake, { requestCellBudget: SAMPLE_CELLS / 2 }).readSheet("施策2");
    expect(gridDifferences(named, sampleGrid("template"))).toEqual([]);
    // refused one-shot, extents, then blocks of 24, 24 and 1 rows (≤ 294 cells each), one per request
    expect([fake.syncCount, fake.refusedSyncs]).toEqual([5, 1]);
  });

  it("lets other Excel errors through instead of retrying", async () => {
    const { fake } = workbook(1);
    const error = await portOn(fake).readSheet("ない").catch((e: unknown) => e);
    expect((error as FakeOfficeError).code).toBe("ItemNotFound");
    expect(fake.syncCount).toBe(1);
  });
});

describe("Excel on the web (a ~5 MB cap per request)", () => {
  it(`reads extents first above ${EXTENTS_FIRST_ABOVE_SHEETS} sheets, then values in batches, with no refused request`, async () => {
    const { fake, names } = workbook(60);
    fake.requestCellLimit = 2 * 100_000; // the default request budget fits
    const read = await portOn(fake, { limitedPayload: () => true }).readWorkbook();
    // list, extents, one batch of 60 × 588 = 35,280 cells
    expect([fake.syncCount, fake.refusedSyncs]).toEqual([3, 0]);
    expectSampleGrids(read.sheets, names);
  });

  it(`keeps the one-shot read for ${EXTENTS_FIRST_ABOVE_SHEETS} sheets, and for any number off the web`, async () => {
    const web = workbook(EXTENTS_FIRST_ABOVE_SHEETS);
    await portOn(web.fake, { limitedPayload: () => true }).readWorkbook();
    expect(web.fake.syncCount).toBe(2);
    const desktop = workbook(300);
    expectSampleGrids((await portOn(desktop.fake).readWorkbook()).sheets, desktop.names);
    expect(desktop.fake.syncCount).toBe(2);
  });
});

describe("batch planning", () => {
  const block = (sheet: number, rows: number, columns = 10): SheetBlock => ({ sheet, left: 1, columns, block: planRowBlocks(4, 1, rows, columns)[0] });

  it("groups blocks in order under the cell budget, a larger block alone", () => {
    const batches = batchBlocks([block(0, 30), block(1, 50), block(2, 30), block(3, 200), block(4, 10)], 1000);
    expect(batches.map((b) => b.map((x) => x.sheet))).toEqual([[0, 1], [2], [3], [4]]);
  });

  it("splits a batch in halves, a lone block by rows, and gives up on a single row", () => {
    const [a, b] = splitBatch([block(0, 5), block(1, 5), block(2, 5)])!;
    expect([a.map((x) => x.sheet), b.map((x) => x.sheet)]).toEqual([[0, 1], [2]]);
    const [upper, lower] = splitBatch([block(7, 5)])!;
    expect([upper[0].block, lower[0].block]).toEqual([
      { address: "B5:K7", top: 4, rows: 3 },
      { address: "B8:K9", top: 7, rows: 2 },
    ]);
    expect(upper[0].sheet).toBe(7);
    expect(splitBatch([block(0, 1)])).toBeNull();
  });

  it("recognises Excel's too-large error codes only", () => {
    expect(["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded", "RangeExceedsLimit"].map((code) => isTooLargeError({ code }))).toEqual([true, true, true]);
    expect([isTooLargeError({ code: "ItemNotFound" }), isTooLargeError(new Error("x")), isTooLargeError(null)]).toEqual([false, false, false]);
  });
});
