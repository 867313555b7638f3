// The Office adapter against what real Excel does where it differs from what the code used to
// assume (issue 12). Each behaviour of the fake is cited in test/support/fakeExcel.ts; each
// describe here failed on the adapter before issue 12 and passes after it.

import { checkWorkbook } from "../../../src/core/engine";
import { boxToA1 } from "../../../src/core/grid";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { newProfile, serializeProfile, setPin, addSynonym, parseProfileText } from "../../../src/core/profile";
import { OfficeWorkbookPort } from "../../../src/adapters/office/officeWorkbookPort";
import { HIGHLIGHTS_SETTING } from "../../../src/adapters/office/highlights";
import { profileXml } from "../../../src/adapters/office/profileStore";
import { isHiddenSheetError } from "../../../src/port/workbookPort";
import { FakeExcel, FakeOfficeError, MERGED_AREAS_LIMIT, type FakeSheetSpec } from "../../support/fakeExcel";
import { finding, sampleGrid, specOf } from "./fixtures";

const portOn = (fake: FakeExcel, extra: Partial<ConstructorParameters<typeof OfficeWorkbookPort>[0]> = {}) =>
  new OfficeWorkbookPort({ run: fake.run, supports: fake.supports, displayLanguage: () => "ja-JP", limitedPayload: () => false, ...extra });

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function summarize(fake: FakeExcel, port = portOn(fake)) {
  const results = checkWorkbook(await port.readWorkbook(), { settings: DEFAULT_SETTINGS });
  return port.writeSummary(results, DEFAULT_SETTINGS);
}

describe("cell-edit mode (Excel.RunOptions.delayForCellEdit)", () => {
  it("the fake fails a batch while a cell is edited, unless the run asked to wait", async () => {
    const fake = new FakeExcel([{ name: "S", cells: { A1: 1 } }]);
    fake.startCellEdit();
    const plain = fake.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [[2]];
      await context.sync();
    });
    await expect(plain).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(fake.cell("S", "A1")?.value).toBe(1);
    let done = false;
    const delayed = fake
      .run(
        async (context) => {
          context.workbook.worksheets.getItem("S").getRange("A1").values = [[3]];
          await context.sync();
        },
        { delayForCellEdit: true },
      )
      .then(() => (done = true));
    await tick();
    expect(done).toBe(false);
    fake.endCellEdit();
    await delayed;
    expect(fake.cell("S", "A1")?.value).toBe(3);
  });

  it("a live re-read waits while the user types in the next cell instead of failing", async () => {
    const fake = new FakeExcel([specOf(sampleGrid("41303000"))]);
    const port = portOn(fake);
    fake.startCellEdit();
    let grid: unknown = null;
    const reading = port.readSheet("41303000").then((g) => (grid = g));
    await tick();
    expect(grid).toBeNull();
    fake.endCellEdit();
    await reading;
    expect((grid as { name: string }).name).toBe("41303000");
  });

  it("the change handler never rejects: a change while the user is in the next cell still reaches the pane", async () => {
    const fake = new FakeExcel([{ name: "S", cells: { A1: 1 } }]);
    const port = portOn(fake);
    const changed: string[] = [];
    const errors: unknown[] = [];
    await port.onSheetChanged((s) => changed.push(s), (e) => errors.push(e));
    fake.startCellEdit(); // Enter committed A2, the user is already typing in A3
    const edit = fake.userEdit("S", "A2", 2);
    await tick();
    fake.endCellEdit();
    await expect(edit).resolves.toBeUndefined();
    expect(changed).toEqual(["S"]);
    expect(errors).toEqual([]);
  });
});

describe("fills as Excel reads them back (office-js#4900, #6218)", () => {
  const sheets = (): FakeSheetSpec[] => [
    {
      name: "施策A",
      cells: {
        A1: 1, // no fill
        B2: { value: 2, fill: { color: "#FFFFFF" } }, // white: a fill, not "no fill"
        C3: { value: 3, fill: { color: "#00FF00", pattern: "Gray25", patternColor: "#FF0000", patternTintAndShade: 0.2 } },
        D4: { value: 4, fill: { color: "#4472C4", theme: "Accent1", tintAndShade: 0.4 } },
        E5: { value: 5, fill: { color: "#123456", tintAndShade: -0.25 } },
      },
    },
  ];

  it("the fake reads no fill as #FFFFFF with a null pattern and a null tint, and a solid fill with a null pattern", async () => {
    const fake = new FakeExcel(sheets());
    const context = fake.context as unknown as Excel.RequestContext;
    const ws = context.workbook.worksheets.getItem("施策A");
    const props = ws.getRange("A1:E5").getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
    await context.sync();
    // A ClientResult: its value needs the sync above, not a load().
    const fills = props.value.map((row, i) => (row[i] as { format: { fill: unknown } }).format.fill);
    expect(fills).toEqual([
      { color: "#FFFFFF", pattern: null, tintAndShade: null },
      { color: "#FFFFFF", pattern: null, tintAndShade: 0 },
      { color: "#00FF00", pattern: "Gray25", tintAndShade: 0 },
      { color: "#4472C4", pattern: null, tintAndShade: 0.4 },
      { color: "#123456", pattern: null, tintAndShade: -0.25 },
    ]);
  });

  it("highlight then clear gives back every fill: no fill, white, hatch, tint (a theme colour keeps its colour and tint)", async () => {
    const fake = new FakeExcel(sheets());
    const port = portOn(fake);
    const cells = ["A1", "B2", "C3", "D4", "E5"];
    expect(await port.highlightFindings(cells.map((c) => finding("施策A", c)))).toEqual({ cells: 5, protectedSheets: [] });
    for (const c of cells) expect(fake.cell("施策A", c)?.fill).toEqual({ color: "#FFC7CE" }); // solid, no tint
    expect(await port.clearHighlights()).toEqual({ cells: 5, protectedSheets: [] });
    expect(fake.cell("施策A", "A1")?.fill).toBeUndefined();
    expect(fake.cell("施策A", "B2")?.fill).toEqual({ color: "#FFFFFF" });
    expect(fake.cell("施策A", "C3")?.fill).toEqual({ color: "#00FF00", pattern: "Gray25", patternColor: "#FF0000", patternTintAndShade: 0.2 });
    // Office.js cannot set a theme colour: the same RGB and tint come back, without the theme link.
    expect(fake.cell("施策A", "D4")?.fill).toEqual({ color: "#4472C4", tintAndShade: 0.4 });
    expect(fake.cell("施策A", "E5")?.fill).toEqual({ color: "#123456", tintAndShade: -0.25 });
    expect(fake.data.settings.has(HIGHLIGHTS_SETTING)).toBe(false);
  });
});

describe("protected sheets (AccessDenied after the batch's earlier operations applied)", () => {
  const workbook = (allowFormatCells = false) =>
    new FakeExcel([
      { name: "自由", cells: { A1: 1 } },
      { name: "保護", cells: { A1: 1, B2: { value: 2, locked: false } }, protection: { allowFormatCells } },
    ]);

  it("the fake refuses a write to a locked cell of a protected sheet, keeping what ran before it", async () => {
    const fake = workbook();
    const context = fake.context as unknown as Excel.RequestContext;
    context.workbook.worksheets.getItem("自由").getRange("A1").values = [[10]];
    context.workbook.worksheets.getItem("保護").getRange("A1").values = [[10]];
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.cell("自由", "A1")?.value).toBe(10);
    expect(fake.cell("保護", "A1")?.value).toBe(1);
    context.workbook.worksheets.getItem("保護").getRange("B2").values = [[20]]; // unlocked
    await context.sync();
    expect(fake.cell("保護", "B2")?.value).toBe(20);
  });

  it("highlights leave a protected sheet alone up front and say so; clearing restores the rest", async () => {
    const fake = workbook();
    const before = fake.snapshot();
    const port = portOn(fake);
    expect(await port.highlightFindings([finding("自由", "A1"), finding("保護", "A1")])).toEqual({ cells: 1, protectedSheets: ["保護"] });
    expect(fake.cell("保護", "A1")?.fill).toBeUndefined();
    expect(await port.clearHighlights()).toEqual({ cells: 1, protectedSheets: [] });
    expect(fake.snapshot()).toEqual(before);
  });

  it("highlights a protected sheet that allows formatting cells", async () => {
    const fake = workbook(true);
    expect(await portOn(fake).highlightFindings([finding("保護", "A1")])).toEqual({ cells: 1, protectedSheets: [] });
    expect(fake.cell("保護", "A1")?.fill).toEqual({ color: "#FFC7CE" });
  });

  it("keeps the memory of a sheet protected after highlighting, and restores it once unprotected", async () => {
    const fake = workbook();
    const port = portOn(fake);
    await port.highlightFindings([finding("自由", "A1")]);
    fake.sheet("自由").protection = {};
    expect(await port.clearHighlights()).toEqual({ cells: 0, protectedSheets: ["自由"] });
    expect(fake.cell("自由", "A1")?.fill).toEqual({ color: "#FFC7CE" });
    fake.sheet("自由").protection = null;
    expect(await port.clearHighlights()).toEqual({ cells: 1, protectedSheets: [] });
    expect(fake.cell("自由", "A1")?.fill).toBeUndefined();
  });
});

describe("worksheet ids change when the workbook is reopened (office-js-docs#297)", () => {
  const workbook = () => new FakeExcel([specOf(sampleGrid("41303000"))]);

  it("the fake gives every sheet a new id on reopen", () => {
    const fake = workbook();
    const id = fake.sheet("41303000").id;
    fake.reopen();
    expect(fake.sheet("41303000").id).not.toBe(id);
  });

  it("rebuilds its own 達成率サマリー after a reopen instead of writing 達成率サマリー (2)", async () => {
    const fake = workbook();
    expect((await summarize(fake)).sheetName).toBe("達成率サマリー");
    fake.reopen();
    expect((await summarize(fake)).sheetName).toBe("達成率サマリー");
    expect(fake.sheetNames()).toEqual(["41303000", "達成率サマリー"]);
  });

  it("does not read its summary as data after a reopen", async () => {
    const fake = workbook();
    await summarize(fake);
    fake.reopen();
    expect((await portOn(fake).readWorkbook()).sheets.map((s) => s.name)).toEqual(["41303000"]);
  });

  it("clears highlights made before a reopen", async () => {
    const fake = workbook();
    const before = fake.snapshot();
    await portOn(fake).highlightFindings([finding("41303000", "C5")]);
    fake.reopen();
    expect(await portOn(fake).clearHighlights()).toEqual({ cells: 1, protectedSheets: [] });
    expect(fake.snapshot()).toEqual(before);
  });
});

describe(`more than ${MERGED_AREAS_LIMIT} merged areas on a sheet (Range.getMergedAreasOrNullObject)`, () => {
  // A 方眼紙-style sheet: every pair of cells of 30 rows × 40 columns merged, 600 areas.
  const grid: FakeSheetSpec = {
    name: "方眼紙",
    cells: { A1: "施策" },
    merges: Array.from({ length: 30 * 20 }, (_, i) => {
      const row = Math.floor(i / 20) + 1;
      const col = (i % 20) * 2;
      const letter = (n: number) => String.fromCharCode(65 + (n % 26)).padStart(n >= 26 ? 2 : 1, "A");
      return `${letter(col)}${row}:${letter(col + 1)}${row}`;
    }),
  };

  it("reads every other sheet with its merges and that one without, marked for a notice", async () => {
    const fake = new FakeExcel([specOf(sampleGrid("41303000")), grid]);
    const read = await portOn(fake).readWorkbook();
    const [sample, gridSheet] = read.sheets;
    expect(sample.merges.map(boxToA1).sort()).toEqual(sampleGrid("41303000").merges.map(boxToA1).sort());
    expect(sample.mergesUnread).toBeUndefined();
    expect(gridSheet.values[0][0]).toBe("施策");
    expect(gridSheet.merges).toEqual([]);
    expect(gridSheet.mergesUnread).toBe(true);
  });
});

describe("two template profile parts in one namespace (CustomXmlPartScopedCollection.getOnlyItemOrNullObject)", () => {
  const older = serializeProfile(addSynonym(newProfile("環境局"), "indicatorName", "指標名称"));
  const newer = serializeProfile(setPin({ ...newProfile("環境局"), version: 3 }, "header.fiscalYear", "C3").profile!);

  const workbook = () => {
    const fake = new FakeExcel([{ name: "S", cells: { A1: 1 } }]);
    fake.data.parts.push({ id: "{a}", xml: profileXml(older), deleted: false }, { id: "{b}", xml: profileXml(newer), deleted: false });
    return fake;
  };

  it("loads both, merged: the newer profile's pins, the synonyms of both, and says how many parts there were", async () => {
    const stored = await portOn(workbook()).loadProfile();
    expect(stored?.parts).toBe(2);
    const { profile } = parseProfileText(stored!.text);
    // The newer copy is version 4 (3, then a pin): the merge is saved as version 5.
    expect(profile).toMatchObject({ name: "環境局", version: 5, pins: { "header.fiscalYear": { cell: "C3" } }, synonyms: { indicatorName: ["指標名称"] } });
  });

  it("saves into one part, removing the duplicate", async () => {
    const fake = workbook();
    await portOn(fake).saveProfile(newer);
    expect(fake.data.parts.filter((p) => !p.deleted)).toHaveLength(1);
    expect((await portOn(fake).loadProfile())?.parts).toBe(1);
  });
});

describe("hidden sheets (activate and select refused)", () => {
  const workbook = () =>
    new FakeExcel([
      { name: "表", cells: { A1: 1 } },
      { name: "隠し", cells: { B2: 2 }, visibility: "Hidden" },
      { name: "完全に隠し", cells: { B2: 2 }, visibility: "VeryHidden" },
    ]);

  it("tells the pane the sheet is hidden instead of failing, and changes nothing", async () => {
    const fake = workbook();
    const error = await portOn(fake).selectCell("隠し", "B2").catch((e: unknown) => e);
    expect(isHiddenSheetError(error)).toBe(true);
    expect(error).toMatchObject({ sheet: "隠し", veryHidden: false });
    expect(fake.sheet("隠し").visibility).toBe("Hidden");
    expect(fake.data.activeSheetId).toBe(fake.sheet("表").id);
  });

  it("unhides and goes when the user asks, never for a very hidden sheet", async () => {
    const fake = workbook();
    await portOn(fake).selectCell("隠し", "B2", { unhide: true });
    expect(fake.sheet("隠し").visibility).toBe("Visible");
    expect(fake.data.activeSheetId).toBe(fake.sheet("隠し").id);
    const error = await portOn(fake).selectCell("完全に隠し", "B2", { unhide: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ sheet: "完全に隠し", veryHidden: true });
    expect(fake.sheet("完全に隠し").visibility).toBe("VeryHidden");
  });
});

describe("Excel on the web's payload cap applies to writes too", () => {
  const WRITE_LIMIT = 4_000;

  it("the fake refuses a request writing more cells than the cap, before applying any of it", async () => {
    const fake = new FakeExcel([{ name: "S", cells: { A1: 1 } }]);
    fake.requestWriteLimit = 3;
    const context = fake.context as unknown as Excel.RequestContext;
    context.workbook.worksheets.getItem("S").getRange("A1:B2").values = [[5, 6], [7, 8]];
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.cell("S", "A1")?.value).toBe(1);
  });

  it("writes the summary in requests under the cap, with the same cells as in one request", async () => {
    const names = Array.from({ length: 30 }, (_, i) => `施策${i + 1}`);
    const sheets = names.map((name) => ({ ...specOf(sampleGrid("template")), name }));
    const whole = new FakeExcel(sheets);
    await summarize(whole);
    const web = new FakeExcel(sheets);
    web.requestWriteLimit = WRITE_LIMIT;
    const port = portOn(web, { limitedPayload: () => true, writeCellBudget: WRITE_LIMIT });
    expect((await summarize(web, port)).sheetName).toBe("達成率サマリー");
    expect(web.refusedSyncs).toBe(0);
    expect(Math.max(...web.writesPerSync)).toBeLessThanOrEqual(WRITE_LIMIT);
    expect(web.snapshot()).toEqual(whole.snapshot());
    expect(web.recordsOf("達成率サマリー").map((r) => [r.kind, r.address])).toEqual(whole.recordsOf("達成率サマリー").map((r) => [r.kind, r.address]));
  });

  it("highlights and clears 10,000 cells in requests under the cap", async () => {
    const fake = new FakeExcel([{ name: "S", cells: { A1: 1 } }]);
    fake.requestWriteLimit = WRITE_LIMIT;
    const before = fake.snapshot();
    const port = portOn(fake, { limitedPayload: () => true, writeCellBudget: WRITE_LIMIT });
    expect(await port.highlightFindings([finding("S", "A1:J1000", "warning")])).toEqual({ cells: 10_000, protectedSheets: [] });
    expect(fake.cell("S", "J1000")?.fill).toEqual({ color: "#FFEB9C" });
    expect(await port.clearHighlights()).toEqual({ cells: 10_000, protectedSheets: [] });
    expect(fake.refusedSyncs).toBe(0);
    expect(fake.snapshot()).toEqual(before);
  });

  it("splits a write request Excel still refuses and sends it again, memory included", async () => {
    const fake = new FakeExcel([{ name: "S", cells: { A1: 1 } }]);
    fake.requestWriteLimit = WRITE_LIMIT; // below the port's own budget: Excel refuses, the port splits
    const before = fake.snapshot();
    const port = portOn(fake, { limitedPayload: () => true });
    expect(await port.highlightFindings([finding("S", "A1:J1000")])).toEqual({ cells: 10_000, protectedSheets: [] });
    expect(fake.refusedSyncs).toBeGreaterThan(0);
    expect(await port.clearHighlights()).toEqual({ cells: 10_000, protectedSheets: [] });
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("text written to the summary is never converted (office-js#1559: values and formulas are parsed as if typed)", () => {
  it("the fake turns typed-looking text into numbers and dates", async () => {
    const fake = new FakeExcel([{ name: "S" }]);
    const context = fake.context as unknown as Excel.RequestContext;
    context.workbook.worksheets.getItem("S").getRange("A1:E1").formulas = [["1E3", "５０％", "－５", "令和5年4月1日", "'1E3"]];
    await context.sync();
    expect(["A1", "B1", "C1", "D1", "E1"].map((a) => fake.cell("S", a)?.value)).toEqual([1000, 0.5, -5, 45017, "1E3"]);
  });

  it("keeps sheet names like 1E3, ５０％ and 令和5年4月1日 as text in the summary", async () => {
    const names = ["1E3", "５０％", "令和5年4月1日", "￥1,000"];
    const fake = new FakeExcel(names.map((name) => specOf(sampleGrid(name))));
    await summarize(fake);
    const sheetColumn = [...fake.sheet("達成率サマリー").cells.entries()]
      .filter(([k]) => k.endsWith(",0"))
      .map(([, c]) => c.value)
      .filter((v) => names.includes(String(v)) || typeof v === "number");
    expect(new Set(sheetColumn)).toEqual(new Set(names));
  });
});

describe("the fake's own failures keep their Office codes", () => {
  it("rejects with a FakeOfficeError carrying Office's code", async () => {
    const fake = new FakeExcel([{ name: "S", visibility: "Hidden" }, { name: "T" }]);
    const context = fake.context as unknown as Excel.RequestContext;
    context.workbook.worksheets.getItem("S").activate();
    const error = await context.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeOfficeError);
    expect((error as FakeOfficeError).code).toBe("InvalidOperation");
  });
});

describe("a name of the user's called like hyoka's marker", () => {
  it("is not taken for hyoka's: the user's sheet it points at is left alone", async () => {
    const fake = new FakeExcel([specOf(sampleGrid("41303000")), { name: "集計", cells: { A1: "職員の表" } }]);
    const context = fake.context as unknown as Excel.RequestContext;
    context.workbook.names.add("hyoka_summary", context.workbook.worksheets.getItem("集計").getRange("A1")); // visible, as the UI makes names
    await context.sync();
    const before = fake.snapshot(["達成率サマリー"]);
    await summarize(fake);
    expect(fake.sheetNames()).toEqual(["41303000", "集計", "達成率サマリー"]);
    expect(fake.snapshot(["達成率サマリー"])).toEqual(before);
    expect(fake.data.names.filter((n) => !n.deleted).map((n) => [n.name, n.sheet.name, n.visible])).toEqual([["hyoka_summary", "集計", true]]);
    expect((await summarize(fake)).sheetName).toBe("達成率サマリー"); // still known this session, by id
  });
});
