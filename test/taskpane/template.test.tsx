/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { renderSheet } from "../../src/samples/layout";
import { sample41303000 } from "../../src/samples/sample41303000";
import { newProfile, serializeProfile, setPin } from "../../src/core/profile";
import { moveBlock, setCell } from "../core/profile/support";
import { FakePort } from "./fakePort";
import { readBlob, stubDownloads } from "./downloads";
import { check } from "./paneActions";

const SHEET = "41303000";

function samplePort() {
  const rendered = renderSheet(sample41303000, SHEET);
  return { port: new FakePort({ sheets: [rendered.grid] }), cellOf: rendered.cellOf };
}


function openTab(name: string): void {
  fireEvent.click(screen.getByRole("tab", { name: new RegExp(`^${name}`) }));
}

const fieldRow = (path: string, sheet = SHEET) => screen.getByTestId(`field-${sheet}-${path}`);

jest.setTimeout(60000);
beforeEach(() => localStorage.clear());

describe("テンプレート tab", () => {
  it("lists every field with the cell it was read from, grouped by section; a row selects its cell", async () => {
    const { port, cellOf } = samplePort();
    render(<App port={port} theme="light" />);
    await check();
    openTab("テンプレート");

    expect(cellOf["header.fiscalYear"]).toBe("B2");
    expect(fieldRow("header.fiscalYear")).toHaveTextContent(/^評価年度B22013年度/);
    expect(fieldRow("header.department")).toHaveTextContent(`作成課${cellOf["header.department"]}環境局地球環境推進室`);
    expect(fieldRow("indicators[0].rows[2].actual")).toHaveTextContent(`2012年度 実績値${cellOf["indicators[0].rows[2].actual"]}428`);
    expect(fieldRow("indicators[2].table")).toHaveTextContent("参考指標の表(年度・計画値・実績値)I31:L35");
    const sections = Array.from(screen.getByTestId(`template-sheet-${SHEET}`).querySelectorAll("h5"), (h) => h.textContent);
    expect(sections).toEqual(["基本情報", "実行計画", "成果の説明", "評価", "参考指標①", "参考指標②", "参考指標③", "事業費", "事務事業", "用語説明"]);

    fireEvent.click(within(fieldRow("header.department")).getAllByRole("button")[0]);
    expect(port.calls.selectCell).toEqual([{ sheet: SHEET, address: cellOf["header.department"] }]);
    // No profile yet: nothing to export, and the pane says how one is made.
    expect(screen.getByText("エクスポート").closest("button")).toBeDisabled();
    expect(screen.getByTestId("profile-version")).toHaveTextContent("版: —");
  });

  it("shows 見つかりません for a field whose label was blanked", async () => {
    const { port } = samplePort();
    setCell(port.workbook.sheets[0], "A2", null);
    render(<App port={port} theme="light" />);
    await check();
    openTab("テンプレート");
    const row = fieldRow("header.fiscalYear");
    expect(row).toHaveTextContent(/^評価年度見つかりません/);
    // Nothing to select, but it can be pinned.
    expect(within(row).getAllByRole("button").map((b) => b.textContent)).toEqual(["この位置を使う", "同義語を追加"]);
  });

  it("pins a moved indicator table at the selection, saves the profile and re-checks with every figure right", async () => {
    const { port } = samplePort();
    moveBlock(port.workbook.sheets[0], "I31:L35", "N50"); // ③'s table where the label search does not look
    render(<App port={port} theme="light" />);
    await check();
    openTab("達成率");
    expect(screen.queryByTestId("rate-row-3-2013")).toBeNull();
    openTab("テンプレート");
    expect(fieldRow("indicators[2].table")).toHaveTextContent("参考指標の表(年度・計画値・実績値)見つかりません");

    port.selection = { sheet: SHEET, address: "N50:Q54" };
    fireEvent.click(within(fieldRow("indicators[2].table")).getByRole("button", { name: "この位置を使う: 参考指標③の参考指標の表(年度・計画値・実績値)" }));
    expect(await screen.findByText(`固定しました: 参考指標③の参考指標の表(年度・計画値・実績値) → ${SHEET}!N50:Q54`)).toBeInTheDocument();
    expect(port.calls.readWorkbook).toBe(2); // re-read after pinning

    expect(fieldRow("indicators[2].table")).toHaveTextContent("N50:Q54固定");
    expect(fieldRow("indicators[2].rows[3].actual")).toHaveTextContent("2013年度 実績値P54固定36");
    expect(screen.getByTestId("profile-version")).toHaveTextContent("版: 2");
    expect(JSON.parse(port.storedProfile!)).toEqual({
      hyokaProfile: 1,
      name: "テンプレート",
      version: 2,
      synonyms: {},
      pins: { "indicators[2].table": { range: "N50:Q54" } },
    });
    expect(screen.getByTestId("profile-json").textContent).toBe(port.storedProfile);

    openTab("達成率");
    const rate = (year: number) => within(screen.getByTestId(`indicator-${SHEET}-3`)).getByTestId(`rate-row-3-${year}`);
    expect(rate(2011)).toHaveTextContent("3636100.0%達成");
    expect(rate(2012)).toHaveTextContent("383797.4%概ね達成"); // 37 / 38
    expect(rate(2013)).toHaveTextContent("403690.0%概ね達成");
  });

  it("refuses a single cell for a table pin, naming what to select", async () => {
    const { port } = samplePort();
    render(<App port={port} theme="light" />);
    await check();
    openTab("テンプレート");
    port.selection = { sheet: SHEET, address: "N50" };
    fireEvent.click(within(fieldRow("budget.table")).getByRole("button", { name: "この位置を使う: 事業費の表" }));
    expect(await screen.findByText("「事業費の表」には見出し行を含む表の範囲を選択してください(選択中: N50)。")).toBeInTheDocument();
    expect(port.savedProfiles).toEqual([]);
  });

  it("adds a label synonym for a field and reads the renamed label with it", async () => {
    const { port } = samplePort();
    setCell(port.workbook.sheets[0], "A2", "評価対象年度");
    render(<App port={port} theme="light" />);
    await check();
    openTab("テンプレート");
    expect(fieldRow("header.fiscalYear")).toHaveTextContent("見つかりません");

    fireEvent.click(within(fieldRow("header.fiscalYear")).getByRole("button", { name: "同義語を追加: 評価年度" }));
    expect(screen.getByLabelText("見出し")).toHaveValue("fiscalYear");
    const input = screen.getByLabelText("同義語(このブックでの見出し)");
    expect(input).toHaveFocus();
    fireEvent.change(input, { target: { value: " 評価対象年度 " } });
    fireEvent.click(within(screen.getByRole("form", { name: "同義語を追加" })).getByRole("button", { name: "追加" }));

    expect(await screen.findByText("同義語を追加しました: 評価対象年度 (fiscalYear)")).toBeInTheDocument();
    expect(fieldRow("header.fiscalYear")).toHaveTextContent(/^評価年度B22013年度/);
    expect(JSON.parse(port.storedProfile!).synonyms).toEqual({ fiscalYear: ["評価対象年度"] });
    expect(screen.getByTestId("profile-version")).toHaveTextContent("版: 2");
    expect(input).toHaveValue("");
  });

  it("renames the profile, bumping its version", async () => {
    const { port } = samplePort();
    port.storedProfile = serializeProfile(newProfile("環境局"));
    render(<App port={port} theme="light" />);
    await check();
    openTab("テンプレート");
    const name = screen.getByLabelText("テンプレート名");
    await waitFor(() => expect(name).toHaveValue("環境局"));
    fireEvent.change(name, { target: { value: "環境局 2013" } });
    fireEvent.blur(name);
    expect(await screen.findByText("テンプレート名を変更しました: 環境局 2013")).toBeInTheDocument();
    expect(JSON.parse(port.storedProfile!)).toMatchObject({ name: "環境局 2013", version: 2 });
  });
});

describe("profile saved in the workbook", () => {
  it("is loaded on open and applied to the check", async () => {
    const { port } = samplePort();
    setCell(port.workbook.sheets[0], "A2", null);
    const pinned = setPin(newProfile("川崎市 環境局"), "header.fiscalYear", "B2");
    port.storedProfile = serializeProfile(pinned.profile!);
    render(<App port={port} theme="light" autoCheck />);
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("件の指摘"));
    openTab("テンプレート");
    await waitFor(() => expect(fieldRow("header.fiscalYear")).toHaveTextContent(/^評価年度B2固定2013年度/));
    expect(screen.getByLabelText("テンプレート名")).toHaveValue("川崎市 環境局");
    openTab("検証");
    expect(screen.queryAllByRole("button").filter((b) => b.textContent?.includes("header.field.missing"))).toEqual([]);
  });

  it("reports a saved profile that does not validate, and does not use it", async () => {
    const { port } = samplePort();
    port.storedProfile = JSON.stringify({ hyokaProfile: 1, name: "x", version: 1, pins: { "header.fiscalYear": { cel: "B2" } } });
    render(<App port={port} theme="light" autoCheck />);
    expect(await screen.findByText("ブックに保存されたテンプレートは正しくないため使っていません")).toBeInTheDocument();
    expect(screen.getByText('pins["header.fiscalYear"]: unknown key "cel" (a single field is pinned with "cell")')).toBeInTheDocument();
    // The sample's 5 findings plus the one saying the saved profile was not used (as the CLI reports it).
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("6 件の指摘"));
    expect(document.body.textContent).toContain(
      'このブックに保存されたテンプレートは正しくないため使わず、見出しから項目を探しました: pins["header.fiscalYear"]: unknown key "cel"',
    );
    expect(document.body.textContent).toContain("template.profile.invalid");
  });
});

describe("profile import and export", () => {
  let downloads: ReturnType<typeof stubDownloads>;
  beforeEach(() => (downloads = stubDownloads()));
  afterEach(() => downloads.restore());

  function importFile(text: string): void {
    const file = new File([text], "profile.json", { type: "application/json" });
    fireEvent.change(screen.getByTestId("profile-import"), { target: { files: [file] } });
  }

  it("shows one message naming the bad key of a malformed profile, and keeps the current one", async () => {
    const { port } = samplePort();
    render(<App port={port} theme="light" />);
    await check();
    openTab("テンプレート");
    importFile(JSON.stringify({ hyokaProfile: 1, name: "x", version: 1, synonyms: { fiscalyear: ["年度"] }, pinz: {} }));
    expect(await screen.findByText("テンプレートを読み込めません")).toBeInTheDocument();
    expect(within(screen.getByTestId("import-errors")).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      'unknown key "pinz" (expected one of: hyokaProfile, name, version, synonyms, pins, sheets, scales, costRelations)',
      'synonyms: unknown label "fiscalyear" (label names are listed in docs/templates.md)',
    ]);
    expect(port.savedProfiles).toEqual([]);

    importFile("{ not json");
    await waitFor(() => expect(screen.getByTestId("import-errors")).toHaveTextContent(/^profile: not valid JSON/));
  });

  it("imports a valid profile (applied, saved, re-checked) and exports it as the same JSON", async () => {
    const { port } = samplePort();
    setCell(port.workbook.sheets[0], "A2", null);
    render(<App port={port} theme="light" />);
    await check();
    openTab("テンプレート");
    const text = serializeProfile(setPin(newProfile("環境局"), "header.fiscalYear", "B2").profile!);
    importFile(text);
    expect(await screen.findByText("テンプレートを読み込みました: 環境局 v2")).toBeInTheDocument();
    expect(port.storedProfile).toBe(text);
    expect(fieldRow("header.fiscalYear")).toHaveTextContent("B2");

    fireEvent.click(screen.getByText("エクスポート"));
    expect(downloads.files.map((f) => f.name)).toEqual(["環境局.json"]);
    expect(await readBlob(downloads.files[0].blob)).toBe(text);
    expect(downloads.files[0].blob.type).toBe("application/json;charset=utf-8");
  });
});
