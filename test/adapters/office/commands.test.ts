// The サマリー出力 ribbon command on the fake Excel context: it uses the template profile saved
// in the workbook (so its figures are the pane's), and shows errors in our dialog page.

import { checkWorkbook } from "../../../src/core/engine";
import { newProfile, serializeProfile, setPin } from "../../../src/core/profile";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { OfficeWorkbookPort } from "../../../src/adapters/office/officeWorkbookPort";
import { COMMAND_TIME_LIMIT_MS, runSummaryCommand, writeSummaryCommand } from "../../../src/commands/writeSummary";
import { MAX_DIALOG_TEXT, errorDialogUrl, type DialogLike, type DialogUi } from "../../../src/commands/errorDialog";
import { dialogContent } from "../../../src/commands/dialogPage";
import { FakeExcel, FakeOfficeError } from "../../support/fakeExcel";
import { moveBlock } from "../../core/profile/support";
import { sampleGrid, specOf } from "./fixtures";
import { evaluationResult } from "../../support/kinds";

const PAGE = "https://localhost:3000/commands.html";

/** Indicator ③'s table moved where the label search does not look; a profile pins it. */
function movedTableWorkbook(apiVersion?: string): FakeExcel {
  const grid = sampleGrid("41303000");
  moveBlock(grid, "I31:L35", "N50");
  const fake = new FakeExcel([specOf(grid)]);
  fake.apiVersion = apiVersion;
  return fake;
}
const PINNED = serializeProfile(setPin(newProfile("環境局"), "indicators[2].table", "N50:Q54").profile!);

const portOn = (fake: FakeExcel, run = fake.run) => new OfficeWorkbookPort({ run, supports: fake.supports, displayLanguage: () => "ja-JP" });
const indicatorTable = (fake: FakeExcel, sheet: string) => fake.recordsOf(sheet).find((r) => r.props.name === "hyoka_indicators")!.address;

class FakeUi implements DialogUi {
  opened: { url: string; options: Office.DialogOptions }[] = [];
  private handlers = new Map<string, (args: never) => void>();
  closed = 0;
  failToOpen = false;
  displayDialogAsync(url: string, options: Office.DialogOptions, callback: (result: { status: unknown; value: DialogLike; error?: { code?: number; message?: string } }) => void): void {
    this.opened.push({ url, options });
    const dialog: DialogLike = {
      addEventHandler: (type, handler) => this.handlers.set(String(type), handler as (args: never) => void),
      close: () => this.closed++,
    };
    setTimeout(() =>
      this.failToOpen
        ? callback({ status: "failed", value: undefined as unknown as DialogLike, error: { code: 12007, message: "A dialog box is already opened" } })
        : callback({ status: "succeeded", value: dialog }),
    );
  }
  /** Whether Office has called back with the dialog (its handlers are set). */
  get shown(): boolean {
    return this.handlers.has("dialogMessageReceived");
  }
  /** The dialog page's 閉じる button (messageParent). */
  clickClose(): void {
    this.handlers.get("dialogMessageReceived")!({ message: "close", origin: "https://localhost:3000" } as never);
  }
}

const tick = () => new Promise((r) => setTimeout(r, 5));

/** Waits (on the real clock) until the fake Office UI has called back with the dialog. */
async function dialogShown(ui: FakeUi): Promise<void> {
  for (let i = 0; i < 200 && !ui.shown; i++) await tick();
}

describe("サマリー出力 (ribbon)", () => {
  it("applies the workbook's saved template profile, so the summary has the pane's figures", async () => {
    const fake = movedTableWorkbook();
    await portOn(fake).saveProfile(PINNED);
    fake.syncCount = 0;
    const ui = new FakeUi();
    const result = await runSummaryCommand({ port: portOn(fake), settings: {}, ui, pageUrl: PAGE });
    expect(result).toEqual({ sheetName: "達成率サマリー", evaluationSheets: 1, profile: "環境局" });
    expect(fake.syncCount).toBe(7); // saved profile 2 (the part, its XML), read 2, write 3
    expect(ui.opened).toEqual([]);
    // ③'s four rows (2010–2013) are there only with the profile.
    expect(indicatorTable(fake, "達成率サマリー")).toBe("A5:I17");
    const without = movedTableWorkbook();
    await writeSummaryCommand(portOn(without));
    expect(indicatorTable(without, "達成率サマリー")).toBe("A5:I13");
    const paneRows = evaluationResult(checkWorkbook((await portOn(fake).readWorkbook()), { settings: DEFAULT_SETTINGS, profile: JSON.parse(PINNED) })[0]).summary.indicators.map((i) => i.years.length);
    expect(paneRows).toEqual([3, 3, 3]);
  });

  it("skips the profile on a host without custom XML parts (ExcelApi 1.4) and still writes the summary", async () => {
    const fake = movedTableWorkbook("1.4");
    expect(await writeSummaryCommand(portOn(fake))).toEqual({ sheetName: "達成率サマリー", evaluationSheets: 1, profile: null });
    expect(fake.syncCount).toBe(5);
  });

  it("ignores a saved profile that does not parse, as the pane does", async () => {
    const fake = movedTableWorkbook();
    await portOn(fake).saveProfile('{"hyokaProfile": 1, "name": "x", "pinz": {}}');
    expect((await writeSummaryCommand(portOn(fake))).profile).toBeNull();
    expect(indicatorTable(fake, "達成率サマリー")).toBe("A5:I13");
  });

  it("shows an Excel error in our dialog, in the user's language, and finishes only when it is closed", async () => {
    const fake = movedTableWorkbook();
    const editing = async () => {
      throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    };
    const ui = new FakeUi();
    let finished = false;
    const running = runSummaryCommand({ port: portOn(fake, editing), settings: {}, ui, pageUrl: PAGE }).then((r) => {
      finished = true;
      return r;
    });
    await dialogShown(ui);
    expect(ui.opened).toHaveLength(1);
    const { url, options } = ui.opened[0];
    expect(url.startsWith("https://localhost:3000/dialog.html?")).toBe(true);
    expect(options).toEqual({ height: 30, width: 40, displayInIframe: true });
    expect(dialogContent(new URL(url).search)).toEqual({
      lang: "ja",
      title: "サマリーを出力できませんでした",
      message: "セルを編集中です。Enter キーを押してから、もう一度お試しください。",
      ok: "閉じる",
    });
    expect(finished).toBe(false);
    ui.clickClose();
    expect(await running).toBeNull();
    expect(ui.closed).toBe(1);
  });

  it("never waits past Office's 5-minute limit for a command: an error dialog left open is closed in time", async () => {
    jest.useFakeTimers();
    try {
      const fake = movedTableWorkbook();
      const failing = async () => {
        throw new FakeOfficeError("AccessDenied", "You cannot perform the requested operation.");
      };
      const ui = new FakeUi();
      let clock = 1_000_000;
      let finished = false;
      // The clock moves 10 s between the start and the failure: 4 min 20 s remain for the dialog.
      const running = runSummaryCommand({ port: portOn(fake, failing), settings: {}, ui, pageUrl: PAGE, now: () => (clock += 10_000) }).then(() => (finished = true));
      await jest.advanceTimersByTimeAsync(1);
      expect(ui.opened).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(COMMAND_TIME_LIMIT_MS - 10_000 - 2);
      expect(finished).toBe(false);
      expect(ui.closed).toBe(0);
      await jest.advanceTimersByTimeAsync(2);
      expect(finished).toBe(true);
      expect(await running).toBe(true);
      expect(ui.closed).toBe(1);
      expect(COMMAND_TIME_LIMIT_MS).toBeLessThan(5 * 60_000);
    } finally {
      jest.useRealTimers();
    }
  });

  it("uses the pane's language setting, and falls back to the console when no dialog can open", async () => {
    const fake = movedTableWorkbook("1.4");
    const ui = new FakeUi();
    ui.failToOpen = true;
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    // A host that claims custom XML parts it lacks: Office's own ApiNotFound.
    const port = new OfficeWorkbookPort({ run: fake.run, supports: () => true, displayLanguage: () => "ja-JP" });
    expect(await runSummaryCommand({ port, settings: { language: "en" }, ui, pageUrl: PAGE })).toBeNull();
    expect(dialogContent(new URL(ui.opened[0].url).search)).toEqual({
      lang: "en",
      title: "The summary could not be written",
      message: "This version of Excel lacks a feature the add-in needs — please update Excel.",
      ok: "Close",
    });
    expect(logged).toHaveBeenCalledTimes(1);
    expect((logged.mock.calls[0][2] as FakeOfficeError).code).toBe("ApiNotFound");
    logged.mockRestore();
  });

  it("keeps the dialog URL on the page's origin and cuts a long message", () => {
    const url = new URL(errorDialogUrl("https://addins.city.example.lg.jp/hyoka/commands.html?x=1", "ja", "題", "あ".repeat(5000)));
    expect(url.origin + url.pathname).toBe("https://addins.city.example.lg.jp/hyoka/dialog.html");
    const content = dialogContent(url.search);
    expect(content.message).toHaveLength(MAX_DIALOG_TEXT);
    expect(content.message.endsWith("…")).toBe(true);
    expect(dialogContent("?lang=fr&message=<b>x</b>")).toEqual({ lang: "ja", title: "hyoka", message: "<b>x</b>", ok: "閉じる" });
  });
});
