// The Office adapter on older Excel: the fake host is set to an ExcelApi version and fails a
// sync with ApiNotFound, as Office does, for any member of a newer set. The port is given the
// host's own isSetSupported (fake.supports), never a blanket "everything is supported".

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkWorkbook } from "../../../src/core/engine";
import { boxToA1 } from "../../../src/core/grid";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { OfficeWorkbookPort } from "../../../src/adapters/office/officeWorkbookPort";
import { FEATURE_SETS, MANIFEST_MIN_SET, UnsupportedFeatureError } from "../../../src/adapters/office/requirements";
import { SUMMARY_SHEETS_SETTING } from "../../../src/adapters/office/summaryWriter";
import { officeHostInfo } from "../../../src/adapters/office/hostInfo";
import { API_SETS, FakeExcel, FakeOfficeError, compareSets, type TaggedApi } from "../../support/fakeExcel";
import { finding, gridDifferences, sampleGrid, specOf } from "./fixtures";

const USER_SUMMARY = { name: "達成率サマリー", cells: { A1: "職員が作った表" } };

function hostAt(apiVersion: string | undefined, sheets = [specOf(sampleGrid("41303000")), USER_SUMMARY]): FakeExcel {
  const fake = new FakeExcel(sheets);
  fake.apiVersion = apiVersion;
  return fake;
}

const portOn = (fake: FakeExcel, supports: (set: string) => boolean = fake.supports) =>
  new OfficeWorkbookPort({ run: fake.run, supports, displayLanguage: () => "ja-JP", limitedPayload: () => false });

const aFinding = finding("41303000", "C5");

async function summarize(fake: FakeExcel, port = portOn(fake)) {
  const results = checkWorkbook(await portOn(fake).readWorkbook(), { settings: DEFAULT_SETTINGS });
  fake.syncCount = 0;
  return port.writeSummary(results, DEFAULT_SETTINGS);
}

describe("the fake's requirement-set tags", () => {
  // Each tag must be the one @types/office-js gives the member, so the fake fails where Office would.
  const dts = readFileSync(join(__dirname, "..", "..", "..", "node_modules", "@types", "office-js", "index.d.ts"), "utf8");
  const excel = dts.slice(dts.indexOf("declare namespace Excel {"));
  const setOf = (api: string): string | null => {
    const [cls, member] = api.split(".");
    const start = excel.indexOf(`class ${cls} extends OfficeExtension.ClientObject {`);
    const end = excel.indexOf("\n    class ", start + 1);
    const body = excel.slice(start, end);
    const at = body.search(new RegExp(`\\n\\s+(readonly )?${member}[(:]`));
    if (start < 0 || at < 0) return null;
    const tags = [...body.slice(0, at).matchAll(/\[Api set: ExcelApi ([\d.]+)/g)];
    return tags.length ? tags[tags.length - 1][1] : null;
  };

  it.each(Object.entries(API_SETS))("%s is ExcelApi %s", (api, set) => {
    expect(setOf(api)).toBe(set);
  });

  it("fails the sync with Office's ApiNotFound for a member above the host's version, and not at or below it", async () => {
    const old = hostAt("1.8", [{ name: "S", cells: { A1: 1 } }]);
    const context = old.context as unknown as Excel.RequestContext;
    // getCellProperties returns a ClientResult: its value needs the sync, not a load().
    /* eslint-disable office-addins/load-object-before-read */
    const props = context.workbook.worksheets.getItem("S").getRange("A1").getCellProperties({ format: { fill: { color: true } } });
    const error = (await context.sync().catch((e: unknown) => e)) as FakeOfficeError;
    expect(error.code).toBe("ApiNotFound");
    expect(error.message).toBe(
      "The method or property Range.getCellProperties is part of the ExcelApi 1.9 requirement set, which is not available in your version of Excel.",
    );
    expect(() => props.value).toThrow(); // nothing was returned
    old.apiVersion = "1.9";
    const again = context.workbook.worksheets.getItem("S").getRange("A1").getCellProperties({ format: { fill: { color: true } } });
    await context.sync();
    expect(again.value).toEqual([[{ format: { fill: { color: "#FFFFFF" } } }]]);
    /* eslint-enable office-addins/load-object-before-read */
  });

  it("compares sets as versions", () => {
    expect(compareSets("1.13", "1.9")).toBeGreaterThan(0);
    expect(compareSets("1.4", "1.4")).toBe(0);
    expect(hostAt("1.9").supports("1.13")).toBe(false);
    expect(hostAt(undefined).supports("1.13")).toBe(true);
  });

  it("tags every set the adapter checks at run time", () => {
    const tagged = new Set<string>(Object.values(API_SETS));
    for (const set of Object.values(FEATURE_SETS)) expect(tagged.has(set)).toBe(true);
    expect(Object.keys(API_SETS).every((api) => compareSets(API_SETS[api as TaggedApi], "1.1") > 0)).toBe(true);
  });
});

describe(`an ExcelApi ${MANIFEST_MIN_SET} host (the manifest's minimum)`, () => {
  it("reads the workbook in 2 syncs, without merged areas", async () => {
    const fake = hostAt("1.4");
    const read = await portOn(fake).readWorkbook();
    expect(fake.syncCount).toBe(2);
    const [sheet] = read.sheets;
    expect(sheet.merges).toEqual([]);
    // Without merges the reader sees what Excel stores: the master cell's value only.
    expect(gridDifferences(sheet, sampleGrid("41303000"))).toEqual([]);
    expect(gridDifferences(await portOn(fake).readSheet("41303000"), sampleGrid("41303000"))).toEqual([]);
  });

  it("writes the summary in 3 syncs with no conditional formats and no chart axis format", async () => {
    const fake = hostAt("1.4");
    const before = fake.snapshot();
    const written = await summarize(fake);
    expect(written.sheetName).toBe("達成率サマリー (2)");
    expect(fake.syncCount).toBe(3);
    const records = fake.recordsOf("達成率サマリー (2)");
    expect(records.filter((r) => r.kind === "conditionalFormat")).toEqual([]);
    expect(records.filter((r) => r.kind === "table").map((t) => t.props.name)).toEqual(["hyoka_indicators", "hyoka_budget"]);
    const [chart] = records.filter((r) => r.kind === "chart");
    expect(chart.props["title.text"]).toBe("2013年度 参考指標の達成率");
    expect(chart.props["axes.valueAxis.numberFormat"]).toBeUndefined();
    // Live formulas on the source cells, as on any host.
    expect(fake.cell("達成率サマリー (2)", "E6")?.formula).toBe("='41303000'!B32");
    expect(fake.cell("達成率サマリー (2)", "M6")).toMatchObject({ formula: "=G9", numberFormat: "0.0%" });
    expect(fake.data.settings.get(SUMMARY_SHEETS_SETTING)).toEqual([fake.sheet("達成率サマリー (2)").id]);
    expect(fake.snapshot(["達成率サマリー (2)"])).toEqual(before);
  });

  it("refuses highlights, live mode and template profiles with the clear message, before any sync", async () => {
    const fake = hostAt("1.4");
    const port = portOn(fake);
    const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as UnsupportedFeatureError);
    const errors = [
      await refusal(port.highlightFindings([aFinding])),
      await refusal(port.clearHighlights()),
      await refusal(port.onSheetChanged(() => undefined)),
      await refusal(port.loadProfile()),
      await refusal(port.saveProfile("{}")),
    ];
    expect(errors.map((e) => e instanceof UnsupportedFeatureError && e.feature)).toEqual(["highlights", "highlights", "liveMode", "profiles", "profiles"]);
    expect(errors[0]!.text.en).toBe("Highlighting findings needs Excel JavaScript API 1.9 or later (e.g. Excel for Microsoft 365).");
    expect(errors[3]!.text.ja).toBe("テンプレートの保存には Excel JavaScript API 1.5 以降が必要です (Microsoft 365 版の Excel などをお使いください)。");
    expect(fake.syncCount).toBe(0);
    expect(port.capabilities()).toEqual({ profiles: false, liveMode: false, highlights: false, mergedCells: false });
  });

  it("never orphans a sheet named 達成率サマリー when a later part of the write fails", async () => {
    // A host that claims more than it has (the reviewer's case: the chart axis format on 1.4-1.7).
    const fake = hostAt("1.4", [specOf(sampleGrid("41303000"))]);
    const error = (await summarize(fake, portOn(fake, () => true)).catch((e: unknown) => e)) as FakeOfficeError;
    expect(error.code).toBe("ApiNotFound");
    const failed = fake.sheet("達成率サマリー");
    expect(fake.data.settings.get(SUMMARY_SHEETS_SETTING)).toEqual([failed.id]);
    // The next run on the honest port takes it for hyoka's and rebuilds it: no "(2)".
    const again = await summarize(fake);
    expect(again.sheetName).toBe("達成率サマリー");
    expect(fake.sheetNames()).toEqual(["41303000", "達成率サマリー"]);
    expect(fake.sheet("達成率サマリー").id).not.toBe(failed.id);
    expect(fake.data.settings.get(SUMMARY_SHEETS_SETTING)).toEqual([fake.sheet("達成率サマリー").id]);
  });

  it("keeps no id of a sheet opened from the file on record: after a reopen it may name a user's sheet", async () => {
    const fake = hostAt("1.4", [specOf(sampleGrid("41303000"))]);
    await summarize(fake);
    fake.reopen(); // the summary now has the id of the workbook's second place
    const placeTwo = fake.sheet("達成率サマリー").id;
    await summarize(fake, portOn(fake, () => true)).catch(() => undefined); // fails after replacing the old summary
    expect(fake.data.settings.get(SUMMARY_SHEETS_SETTING)).not.toContain(placeTwo);
    // The user puts a sheet of their own in second place, saves and reopens: it gets that id.
    fake.addSheet("職員メモ").cells.set("0,0", { value: "消さないで" });
    fake.data.sheets.push(fake.data.sheets.splice(fake.data.sheets.findIndex((s) => !s.deleted && s.name === "達成率サマリー"), 1)[0]);
    fake.reopen();
    expect(fake.sheet("職員メモ").id).toBe(placeTwo);
    const again = await summarize(fake);
    expect(again.sheetName).toBe("達成率サマリー");
    expect(fake.sheetNames()).toEqual(["41303000", "職員メモ", "達成率サマリー"]);
    expect(fake.cell("職員メモ", "A1")?.value).toBe("消さないで");
  });
});

describe("an ExcelApi 1.7 host", () => {
  it("watches each sheet but hyoka's summary with Worksheet.onChanged, and removes every subscription", async () => {
    const fake = hostAt("1.7", [{ name: "施策A", cells: { A1: 1 } }, { name: "施策B", cells: { A1: 2 } }, { name: "達成率サマリー" }]);
    fake.data.settings.set(SUMMARY_SHEETS_SETTING, [fake.sheet("達成率サマリー").id]);
    const port = portOn(fake);
    const changed: string[] = [];
    const unsubscribe = await port.onSheetChanged((s) => changed.push(s));
    expect(fake.syncCount).toBe(2);
    expect(fake.handlers.map((h) => [h.active, h.sheetId?.()])).toEqual([
      [true, fake.sheet("施策A").id],
      [true, fake.sheet("施策B").id],
    ]);
    await fake.userEdit("施策B", "B2", 5);
    await fake.userEdit("達成率サマリー", "A1", "x");
    await fake.userEdit("施策A", "C3", 6);
    fake.syncCount = 0;
    await unsubscribe();
    expect(fake.syncCount).toBe(1);
    expect(fake.handlers.filter((h) => h.active)).toEqual([]);
    await fake.userEdit("施策A", "B3", 7);
    expect(changed).toEqual(["施策B", "施策A"]);
  });

  it("writes conditional formats but no chart axis format, and still refuses highlights", async () => {
    const fake = hostAt("1.7");
    const written = await summarize(fake);
    const records = fake.recordsOf(written.sheetName);
    expect(records.filter((r) => r.kind === "conditionalFormat")).toHaveLength(9);
    expect(records.find((r) => r.kind === "chart")!.props["axes.valueAxis.numberFormat"]).toBeUndefined();
    expect(portOn(fake).capabilities()).toEqual({ profiles: true, liveMode: true, highlights: false, mergedCells: false });
    await expect(portOn(fake).highlightFindings([aFinding])).rejects.toBeInstanceOf(UnsupportedFeatureError);
  });
});

describe("an ExcelApi 1.9 host", () => {
  it("formats the chart axis, highlights and clears, and reads no merged areas (1.13)", async () => {
    const fake = hostAt("1.9");
    const written = await summarize(fake);
    expect(fake.recordsOf(written.sheetName).find((r) => r.kind === "chart")!.props["axes.valueAxis.numberFormat"]).toBe("0.0%");
    const port = portOn(fake);
    expect((await port.highlightFindings([aFinding])).cells).toBe(1);
    expect(fake.cell("41303000", "C5")?.fill).toEqual({ color: "#FFC7CE" });
    expect((await port.clearHighlights()).cells).toBe(1);
    expect(fake.cell("41303000", "C5")?.fill).toBeUndefined();
    expect((await port.readWorkbook()).sheets[0].merges).toEqual([]);
    expect(port.capabilities()).toEqual({ profiles: true, liveMode: true, highlights: true, mergedCells: false });
  });

  it("reads merged areas from ExcelApi 1.13", async () => {
    const fake = hostAt("1.13");
    const [sheet] = (await portOn(fake).readWorkbook()).sheets;
    expect(sheet.merges.map(boxToA1).sort()).toEqual(sampleGrid("41303000").merges.map(boxToA1).sort());
    expect(portOn(fake).capabilities().mergedCells).toBe(true);
  });
});

describe("the host as Office.context describes it (diagnostics, export path)", () => {
  it("reads host, platform and version, asks for each requirement set, and tells where downloads save nothing", () => {
    const asked: string[] = [];
    const pc = officeHostInfo({
      platform: "PC",
      diagnostics: { host: "Excel", platform: "PC", version: "16.0.19822.20000" },
      requirements: {
        isSetSupported: (name, version) => {
          asked.push(`${name} ${version}`);
          if (name === "RibbonApi") throw new Error("unknown set"); // an older office.js
          return name === "ExcelApi" ? Number(version!.split(".")[1]) <= 19 : name === "SharedRuntime";
        },
      },
    });
    expect([pc.host, pc.platform, pc.version, pc.downloads]).toEqual(["Excel", "PC", "16.0.19822.20000", true]);
    expect(asked).toEqual([...Array.from({ length: 20 }, (_, i) => `ExcelApi 1.${i + 1}`), "SharedRuntime 1.1", "DialogApi 1.1", "DialogApi 1.2", "RibbonApi 1.1"]);
    expect(pc.requirementSets.filter((s) => !s.supported).map((s) => `${s.name} ${s.version}`)).toEqual(["ExcelApi 1.20", "DialogApi 1.1", "DialogApi 1.2", "RibbonApi 1.1"]);
    expect(officeHostInfo({ platform: "Mac" }).downloads).toBe(false);
    expect(officeHostInfo({ platform: "iOS" }).downloads).toBe(false);
    expect(officeHostInfo({ platform: "OfficeOnline" }).downloads).toBe(true);
    expect(officeHostInfo(undefined)).toMatchObject({ host: "Excel", platform: "unknown", version: "unknown", downloads: true });
  });
});
