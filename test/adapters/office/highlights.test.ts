import { OfficeWorkbookPort } from "../../../src/adapters/office/officeWorkbookPort";
import { HIGHLIGHTS_SETTING } from "../../../src/adapters/office/highlights";
import { UnsupportedFeatureError } from "../../../src/adapters/office/requirements";
import { FakeExcel } from "../../support/fakeExcel";
import { finding } from "./fixtures";

function workbook(): FakeExcel {
  return new FakeExcel([
    {
      name: "施策A",
      cells: {
        A1: 1, // no fill
        B2: { value: 2, fill: { color: "#123456" } },
        C3: { value: 3, fill: { color: "#00FF00", pattern: "Gray25", patternColor: "#FF0000" } },
        D4: { value: 4, fill: { color: "#FFFFFF" } }, // white, not "no fill"
        E5: "x",
        F9: { value: "untouched", fill: { color: "#ABCDEF" } },
      },
    },
    { name: "施策B", cells: { A1: "b" } },
  ]);
}

const port = (fake: FakeExcel) => new OfficeWorkbookPort({ run: fake.run, supports: () => true });

describe("highlightFindings / clearHighlights", () => {
  it("marks each finding cell with its worst severity's colour and restores every previous fill exactly", async () => {
    const fake = workbook();
    const before = fake.snapshot();
    const findings = [
      finding("施策A", "A1", "warning"),
      finding("施策A", "A1", "error"),
      finding("施策A", "B2", "info"),
      finding("施策A", "C3", "warning"),
      finding("施策A", "D4"),
      finding("施策A", "E5:E6", "warning"),
      finding("施策A", null),
      finding("削除済み", "A1"),
    ];
    expect(await port(fake).highlightFindings(findings)).toEqual({ cells: 6, protectedSheets: [] });
    expect(fake.syncCount).toBe(3);
    expect(fake.cell("施策A", "A1")?.fill).toEqual({ color: "#FFC7CE" });
    expect(fake.cell("施策A", "B2")?.fill).toEqual({ color: "#DDEBF7" });
    expect(fake.cell("施策A", "E6")?.fill).toEqual({ color: "#FFEB9C" });
    expect(fake.cell("施策A", "D4")?.fill?.color).toBe("#FFC7CE");

    fake.syncCount = 0;
    expect(await port(fake).clearHighlights()).toEqual({ cells: 6, protectedSheets: [] });
    expect(fake.syncCount).toBe(3);
    expect(fake.snapshot()).toEqual(before);
    expect(fake.data.settings.has(HIGHLIGHTS_SETTING)).toBe(false);
  });

  it("keeps the original fill when highlighting twice, and survives a reopen (memory in the workbook)", async () => {
    const fake = workbook();
    const before = fake.snapshot();
    await port(fake).highlightFindings([finding("施策A", "B2", "info")]);
    await port(fake).highlightFindings([finding("施策A", "B2", "error"), finding("施策A", "A1")]);
    expect(fake.cell("施策A", "B2")?.fill?.color).toBe("#FFC7CE");
    expect((await port(fake).clearHighlights()).cells).toBe(2); // a fresh port: nothing kept in memory
    expect(fake.snapshot()).toEqual(before);
  });

  it("leaves a cell the user re-coloured after highlighting as the user left it", async () => {
    const fake = workbook();
    await port(fake).highlightFindings([finding("施策A", "A1"), finding("施策A", "B2")]);
    fake.cell("施策A", "A1")!.fill = { color: "#0000FF" };
    expect((await port(fake).clearHighlights()).cells).toBe(1);
    expect(fake.cell("施策A", "A1")?.fill).toEqual({ color: "#0000FF" });
    expect(fake.cell("施策A", "B2")?.fill).toEqual({ color: "#123456" });
  });

  it("keeps the fill a user gave a highlighted cell when the cell is highlighted again", async () => {
    const fake = workbook();
    await port(fake).highlightFindings([finding("施策A", "A1"), finding("施策A", "B2", "info")]);
    fake.cell("施策A", "A1")!.fill = { color: "#0000FF" }; // the user re-colours a highlighted cell
    fake.cell("施策A", "B2")!.fill = { color: "#FFC7CE" }; // and one in hyoka's error colour
    await port(fake).highlightFindings([finding("施策A", "A1", "warning"), finding("施策A", "B2", "warning")]);
    expect(fake.cell("施策A", "A1")?.fill).toEqual({ color: "#FFEB9C" });
    expect((await port(fake).clearHighlights()).cells).toBe(2);
    expect(fake.cell("施策A", "A1")?.fill).toEqual({ color: "#0000FF" });
    expect(fake.cell("施策A", "B2")?.fill).toEqual({ color: "#FFC7CE" });
  });

  it("finds a remembered sheet by its name after a reopen, not by an id that now names another sheet", async () => {
    const fake = workbook();
    fake.setCell("施策B", "A1", { value: "b", fill: { color: "#FFC7CE" } }); // the user's own 「悪い」 fill
    fake.reopen();
    await port(fake).highlightFindings([finding("施策A", "A1")]);
    // The user drags 施策B in front of 施策A, saves and reopens: 施策B now has 施策A's old id.
    const idOfA = fake.sheet("施策A").id;
    fake.data.sheets.reverse();
    fake.reopen();
    expect(fake.sheet("施策B").id).toBe(idOfA);
    expect(await port(fake).clearHighlights()).toEqual({ cells: 1, protectedSheets: [] });
    expect(fake.cell("施策B", "A1")?.fill).toEqual({ color: "#FFC7CE" });
    expect(fake.cell("施策A", "A1")?.fill).toBeUndefined();
  });

  it("reads the current fills in requests within the budget where requests are capped, and splits a read Excel refuses as too large", async () => {
    const cells = Array.from({ length: 120 }, (_, i) => `A${i + 1}`);
    const findings = cells.map((a1) => finding("施策B", a1, "warning"));
    const capped = new FakeExcel([{ name: "施策B", cells: Object.fromEntries(cells.map((a1) => [a1, 1])) }]);
    capped.requestCellLimit = 50; // Excel on the web's response cap, 50 cells here
    const web = new OfficeWorkbookPort({ run: capped.run, supports: () => true, limitedPayload: () => true, writeCellBudget: 40 });
    expect(await web.highlightFindings(findings)).toEqual({ cells: 120, protectedSheets: [] });
    expect(capped.refusedSyncs).toBe(0);
    expect(cells.every((a1) => capped.cell("施策B", a1)?.fill?.color !== undefined)).toBe(true);
    expect(await web.clearHighlights()).toEqual({ cells: 120, protectedSheets: [] });
    expect(capped.refusedSyncs).toBe(0);
    expect(cells.every((a1) => capped.cell("施策B", a1)?.fill === undefined)).toBe(true);
    // Uncapped budget on a host that still refuses a large response: the read is split, not lost.
    const desktop = new FakeExcel([{ name: "施策B", cells: Object.fromEntries(cells.map((a1) => [a1, 1])) }]);
    desktop.requestCellLimit = 50;
    expect(await port(desktop).highlightFindings(findings)).toEqual({ cells: 120, protectedSheets: [] });
    expect(desktop.refusedSyncs).toBeGreaterThan(0);
    expect(cells.every((a1) => desktop.cell("施策B", a1)?.fill?.color !== undefined)).toBe(true);
  });

  it("clears nothing when nothing was highlighted", async () => {
    const fake = workbook();
    const before = fake.snapshot();
    expect(await port(fake).clearHighlights()).toEqual({ cells: 0, protectedSheets: [] });
    expect(fake.snapshot()).toEqual(before);
  });

  it("refuses below ExcelApi 1.9, where no fill and a white fill cannot be told apart", async () => {
    const fake = workbook();
    const p = new OfficeWorkbookPort({ run: fake.run, supports: (v) => v === "1.4" });
    const error = await p.highlightFindings([finding("施策A", "A1")]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFeatureError);
    expect((error as Error).message).toBe("Highlighting findings needs Excel JavaScript API 1.9 or later (e.g. Excel for Microsoft 365).");
    expect(fake.syncCount).toBe(0);
  });
});
