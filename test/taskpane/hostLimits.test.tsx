/** @jest-environment jsdom */
// The pane on older Excel (WorkbookPort.capabilities) and the audit report's file hash
// (WorkbookPort.fileBytes).
import "./setup";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App, hostLimitTexts } from "../../src/taskpane/App";
import { renderSheet } from "../../src/samples/layout";
import { sample41303000 } from "../../src/samples/sample41303000";
import type { HostCapabilities } from "../../src/port/workbookPort";
import { FakePort } from "./fakePort";
import { readBlob, stubDownloads } from "./downloads";

const NONE: HostCapabilities = { profiles: false, liveMode: false, highlights: false, mergedCells: false };
const ALL: HostCapabilities = { profiles: true, liveMode: true, highlights: true, mergedCells: true };

function portWith(capabilities?: HostCapabilities, language: "ja" | "en" = "ja"): FakePort {
  const port = new FakePort({ sheets: [renderSheet(sample41303000, "41303000").grid] }, language);
  if (capabilities) port.capabilities = () => capabilities;
  return port;
}

async function open(port: FakePort): Promise<void> {
  await act(async () => {
    render(<App port={port} theme="light" source="評価票.xlsx" now={() => new Date("2026-11-28T13:28:21.259Z")} />);
  });
}

async function check(label = "検証"): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: label }));
  await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/件の指摘|finding/));
}

beforeEach(() => localStorage.clear());

describe("the pane on an older Excel", () => {
  it("does not ask an ExcelApi 1.4 host for the saved profile, shows no error, and says quietly what is missing", async () => {
    const port = portWith(NONE);
    port.storedProfile = "{ not read }";
    await open(port);
    expect(port.calls.loadProfile).toBe(0);
    expect(screen.queryByText("Excel でエラーが発生しました")).toBeNull();
    expect(screen.getByTestId("host-limits")).toHaveTextContent(
      "この Excel ではテンプレートをブックに保存・読み込みできません (ExcelApi 1.5 が必要)。" +
        "この Excel ではライブ検証を使えません (ExcelApi 1.7 が必要)。" +
        "この Excel では指摘セルの強調表示を使えません (ExcelApi 1.9 が必要)。" +
        "この Excel では結合セルを読み取れません (ExcelApi 1.13 が必要)。結合セル内の項目を読み落とすことがあります。",
    );
    await check();
    expect(screen.getByRole("button", { name: "ハイライト" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "ハイライト解除" })).toBeDisabled();
    expect(screen.getByRole("switch", { name: "ライブ検証" })).toBeDisabled();
  });

  it("names only what the host lacks, in English too", async () => {
    const port = portWith({ ...ALL, mergedCells: false }, "en");
    await open(port);
    expect(port.calls.loadProfile).toBe(1);
    expect(screen.getByTestId("host-limits").textContent).toBe(
      "merged cells cannot be read on this Excel version (ExcelApi 1.13 needed); fields in merged cells may be missed.",
    );
    await check("Check");
    expect(screen.getByRole("switch", { name: "Live check" })).toBeEnabled();
  });

  it("shows no notice on a host with every feature, or one that does not say (the preview)", async () => {
    expect(hostLimitTexts(ALL, "ja")).toEqual([]);
    expect(hostLimitTexts(null, "en")).toEqual([]);
    await open(portWith());
    expect(screen.queryByTestId("host-limits")).toBeNull();
  });
});

describe("the audit report's sha256", () => {
  let downloads: ReturnType<typeof stubDownloads>;
  beforeEach(() => (downloads = stubDownloads()));
  afterEach(() => downloads.restore());

  async function saveJson(port: FakePort): Promise<void> {
    await open(port);
    await check();
    fireEvent.click(screen.getByRole("tab", { name: /^全体/ }));
    const panel = within(screen.getByRole("region", { name: "レポート出力" }));
    fireEvent.click(panel.getByRole("radio", { name: "JSON (.json)" }));
    fireEvent.click(panel.getByRole("button", { name: "レポート出力" }));
  }

  it("is the hash of the bytes the host gives for the workbook file", async () => {
    const port = portWith(ALL);
    port.fileBytes = async () => Uint8Array.from([0x61, 0x62, 0x63]) // "abc";
    await saveJson(port);
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    const report = JSON.parse(await readBlob(downloads.files[0].blob));
    expect(report.files[0].path).toBe("評価票.xlsx");
    expect(report.files[0].sha256).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("is null where the host gives no bytes, and a failure to read them is shown, not swallowed", async () => {
    const port = portWith(ALL);
    port.fileBytes = async () => null;
    await saveJson(port);
    await waitFor(() => expect(downloads.files).toHaveLength(1));
    expect(JSON.parse(await readBlob(downloads.files[0].blob)).files[0].sha256).toBeNull();

    port.fileBytes = async () => {
      throw Object.assign(new Error("getFileAsync: Internal Error"), { code: "5001" });
    };
    fireEvent.click(within(screen.getByRole("region", { name: "レポート出力" })).getByRole("button", { name: "レポート出力" }));
    expect(await screen.findByText("操作に失敗しました (5001): getFileAsync: Internal Error")).toBeInTheDocument();
    expect(downloads.files).toHaveLength(1);
  });
});
