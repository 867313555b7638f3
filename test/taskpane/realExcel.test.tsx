/** @jest-environment jsdom */
// The pane where Excel behaves as its documentation says (issue 12): a cell being edited during
// live mode, findings on hidden sheets, protected sheets, duplicate profiles, sheets whose merged
// areas cannot be read, exports where downloads do nothing (Excel for Mac), the ribbon's 検証 with
// the pane open, and the 設定 → 診断 view.
import "./setup";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App, LIVE_DEBOUNCE_MS } from "../../src/taskpane/App";
import { renderSheet } from "../../src/samples/layout";
import { sample41303000 } from "../../src/samples/sample41303000";
import { fromA1 } from "../../src/core/grid";
import { newProfile, serializeProfile } from "../../src/core/profile";
import { requestValidate } from "../../src/commands/ribbonBus";
import { officeHostInfo } from "../../src/adapters/office/hostInfo";
import type { HostInfo } from "../../src/port/workbookPort";
import { FakePort } from "./fakePort";
import { readBlob, stubDownloads } from "./downloads";
import { check } from "./paneActions";

jest.setTimeout(60000);

const SHEET = "41303000";

function samplePort(): { port: FakePort; cellOf: Record<string, string> } {
  const rendered = renderSheet(sample41303000, SHEET);
  return { port: new FakePort({ sheets: [rendered.grid] }), cellOf: rendered.cellOf };
}


const openTab = (name: string) => fireEvent.click(screen.getByRole("tab", { name: new RegExp(`^${name}`) }));

/** Excel for Mac as Office.context describes it (platform "Mac"). */
const MAC: HostInfo = officeHostInfo({
  platform: "Mac",
  diagnostics: { host: "Excel", platform: "Mac", version: "16.78.3" },
  requirements: { isSetSupported: (name, version) => (name === "ExcelApi" ? Number(version!.split(".")[1]) <= 17 : name === "DialogApi") },
});

beforeEach(() => localStorage.clear());

describe("live mode while the user types in the next cell", () => {
  afterEach(() => jest.useRealTimers());

  it("reads the sheet again after the debounce instead of showing Excel's cell-edit error", async () => {
    jest.useFakeTimers();
    const { port, cellOf } = samplePort();
    render(<App port={port} theme="light" />);
    await check();
    fireEvent.click(screen.getByRole("switch", { name: "ライブ検証" }));
    await waitFor(() => expect(port.listeners).toBe(1));
    port.failNextReadSheet = Object.assign(new Error("The operation isn't available while Excel is in Edit cell mode."), { code: "InvalidOperationInCellEditMode" });
    const cell = fromA1(cellOf["indicators[0].rows[2].actual"]);
    act(() => port.edit(SHEET, cell.row, cell.col, 610));
    act(() => jest.advanceTimersByTime(LIVE_DEBOUNCE_MS));
    await waitFor(() => expect(port.calls.readSheet).toEqual([SHEET]));
    await act(async () => jest.advanceTimersByTime(LIVE_DEBOUNCE_MS));
    await waitFor(() => expect(port.calls.readSheet).toEqual([SHEET, SHEET]));
    expect(screen.queryByText("Excel でエラーが発生しました")).toBeNull();
    openTab("達成率");
    await waitFor(() => expect(screen.getByTestId("rate-row-1-2012")).toHaveTextContent("101.7%"));
  });
});

describe("a finding on a hidden sheet", () => {
  it("offers to unhide the sheet and go, and goes only when asked", async () => {
    const { port, cellOf } = samplePort();
    port.hidden.set(SHEET, "Hidden");
    render(<App port={port} theme="light" />);
    await check();
    fireEvent.click(screen.getAllByRole("button").find((b) => b.textContent?.includes("indicator.unit.missing"))!);
    const bar = await screen.findByTestId("hidden-sheet");
    expect(bar).toHaveTextContent(`シート「${SHEET}」は非表示になっています。`);
    expect(port.calls.selectCell).toEqual([]);
    fireEvent.click(within(bar).getByRole("button", { name: "再表示して移動" }));
    await waitFor(() => expect(port.calls.selectCell).toEqual([{ sheet: SHEET, address: cellOf["indicators[0].rows[0].unit"] }]));
    expect(screen.queryByTestId("hidden-sheet")).toBeNull();
  });

  it("shows a very hidden sheet's finding without navigation", async () => {
    const { port } = samplePort();
    port.hidden.set(SHEET, "VeryHidden");
    render(<App port={port} theme="light" />);
    await check();
    fireEvent.click(screen.getAllByRole("button").find((b) => b.textContent?.includes("indicator.unit.missing"))!);
    const bar = await screen.findByTestId("hidden-sheet");
    expect(bar).toHaveTextContent("非表示 (VeryHidden) のため移動できません");
    expect(within(bar).queryByRole("button", { name: "再表示して移動" })).toBeNull();
    expect(screen.queryByText("Excel でエラーが発生しました")).toBeNull();
  });
});

describe("what the workbook held back", () => {
  it("names the protected sheets a highlight left alone", async () => {
    const { port } = samplePort();
    port.protectedSheets = [SHEET];
    render(<App port={port} theme="light" />);
    await check();
    fireEvent.click(screen.getByRole("button", { name: "ハイライト" }));
    expect(await screen.findByText(/ハイライトしたセル数: 0。保護されたシートは変更していません: 41303000/)).toBeInTheDocument();
  });

  it("says when several copies of the template were merged", async () => {
    const { port } = samplePort();
    port.storedProfile = serializeProfile(newProfile("環境局"));
    port.storedParts = 2;
    render(<App port={port} theme="light" />);
    expect(await screen.findByText(/ブックにテンプレートが複数保存されていたため.*件数: 2/)).toBeInTheDocument();
  });

  it("names the sheets whose merged areas could not be read", async () => {
    const { port } = samplePort();
    port.workbook.sheets[0].mergesUnread = true;
    render(<App port={port} theme="light" />);
    await check();
    expect(screen.getByTestId("merges-unread")).toHaveTextContent(`結合範囲を読み取れなかったシートがあります。結合セル内の項目を読み落とすことがあります: ${SHEET}`);
  });
});

describe("exports where a download does nothing (Excel for Mac)", () => {
  let downloads: ReturnType<typeof stubDownloads>;
  beforeEach(() => (downloads = stubDownloads()));
  afterEach(() => downloads.restore());

  it("shows the report in the pane to copy instead of a download that saves nothing", async () => {
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { port } = samplePort();
    port.hostInfo = () => MAC;
    render(<App port={port} theme="light" source="評価票.xlsx" now={() => new Date("2026-12-01T09:00:00Z")} />);
    await check();
    openTab("全体");
    const panel = within(screen.getByRole("region", { name: "レポート出力" }));
    expect(panel.queryByText(/ダウンロードが止められることがあります/)).toBeNull();
    fireEvent.click(panel.getByRole("button", { name: "画面に表示" }));
    const view = await screen.findByTestId("export-view");
    const text = within(view).getByRole("textbox") as HTMLTextAreaElement;
    expect(text.value).toContain("# 施策評価票 検証レポート");
    expect(text.value).toContain(SHEET);
    expect(within(view).getByText(/評価票-hyoka-report-20261201-090000\.md/)).toBeInTheDocument();
    expect(downloads.files).toEqual([]);
    fireEvent.click(within(view).getByRole("button", { name: "クリップボードにコピー" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(text.value));
  });

  it("shows the template JSON instead of downloading it", async () => {
    const { port } = samplePort();
    port.hostInfo = () => MAC;
    port.storedProfile = serializeProfile(newProfile("環境局"));
    render(<App port={port} theme="light" />);
    await check();
    openTab("テンプレート");
    fireEvent.click(await screen.findByRole("button", { name: "エクスポート" }));
    const view = await screen.findByTestId("export-view");
    expect(JSON.parse((within(view).getByRole("textbox") as HTMLTextAreaElement).value)).toMatchObject({ name: "環境局", version: 1 });
    expect(downloads.files).toEqual([]);
  });

  it("still downloads on Windows, and can show the report there too", async () => {
    const { port } = samplePort();
    render(<App port={port} theme="light" />);
    await check();
    openTab("全体");
    const panel = within(screen.getByRole("region", { name: "レポート出力" }));
    fireEvent.click(panel.getByRole("button", { name: "レポート出力" }));
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    expect(await readBlob(downloads.files[0].blob)).toContain("# 施策評価票 検証レポート");
    fireEvent.click(panel.getByRole("button", { name: "画面に表示" }));
    expect(await screen.findByTestId("export-view")).toBeInTheDocument();
  });
});

describe("the ribbon's 検証 with the pane already open (shared runtime)", () => {
  it("starts a check each time it is clicked", async () => {
    const { port } = samplePort();
    render(<App port={port} theme="light" />);
    await act(async () => requestValidate());
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("件の指摘"));
    expect(port.calls.readWorkbook).toBe(1);
    await act(async () => requestValidate());
    await waitFor(() => expect(port.calls.readWorkbook).toBe(2));
  });
});

describe("設定 → 診断", () => {
  it("shows host, platform, Office version and requirement sets, and the last errors with their debugInfo, copyable", async () => {
    const writeText = jest.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { port } = samplePort();
    port.hostInfo = () => MAC;
    port.failNextRead = Object.assign(new Error("You cannot perform the requested operation."), {
      code: "AccessDenied",
      debugInfo: { code: "AccessDenied", message: "You cannot perform the requested operation.", errorLocation: "Range.values", fullStatements: ["secret cell text"] },
    });
    render(<App port={port} theme="light" now={() => new Date("2026-12-01T09:00:00Z")} />);
    fireEvent.click(screen.getByRole("button", { name: "検証" }));
    await screen.findByText("ブックが保護されているか、読み取り専用のため操作できません。");
    openTab("設定");
    const diagnostics = within(screen.getByTestId("diagnostics"));
    expect(diagnostics.getByText("Mac")).toBeInTheDocument();
    expect(diagnostics.getByText("16.78.3")).toBeInTheDocument();
    expect(diagnostics.getByText("ExcelApi 1.1–1.17; DialogApi 1.1, 1.2")).toBeInTheDocument();
    expect(diagnostics.getByText("不可 (内容を表示してコピー)")).toBeInTheDocument();
    const errors = diagnostics.getByTestId("diagnostics-errors");
    expect(errors).toHaveTextContent('2026-12-01T09:00:00.000Z AccessDenied You cannot perform the requested operation. {"code":"AccessDenied","message":"You cannot perform the requested operation.","errorLocation":"Range.values"}');
    expect(errors).not.toHaveTextContent("secret cell text");
    fireEvent.click(diagnostics.getByRole("button", { name: "診断情報をコピー" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const copied = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(copied.split("\n").slice(0, 8)).toEqual([
      "hyoka 診断情報",
      expect.stringMatching(/^hyoka のバージョン: \d+\.\d+\.\d+$/),
      "ホスト: Excel",
      "プラットフォーム: Mac",
      "Office のバージョン: 16.78.3",
      "対応する要件セット: ExcelApi 1.1–1.17; DialogApi 1.1, 1.2",
      "対応していない要件セット: ExcelApi 1.18, ExcelApi 1.19, ExcelApi 1.20, SharedRuntime 1.1, RibbonApi 1.1",
      "ファイルのダウンロード: 不可 (内容を表示してコピー)",
    ]);
    expect(copied).not.toContain("secret cell text");
  });

  it("says so outside Office (the preview has no host information)", async () => {
    const { port } = samplePort();
    render(<App port={port} theme="light" />);
    openTab("設定");
    expect(within(screen.getByTestId("diagnostics")).getByText("不明 (Office の外)")).toBeInTheDocument();
    expect(within(screen.getByTestId("diagnostics")).getByText("なし")).toBeInTheDocument();
  });
});
