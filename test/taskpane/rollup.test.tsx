/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { renderSheet } from "../../src/samples/layout";
import { sample41303000 } from "../../src/samples/sample41303000";
import type { MeasureData } from "../../src/samples/measureData";
import { checkWorkbook } from "../../src/core/engine";
import { RULES, RULE_CATALOGUE_VERSION } from "../../src/core/rules";
import { FakePort } from "./fakePort";
import { readBlob, readBlobBytes, stubDownloads } from "./downloads";
import { check, openTab } from "./paneActions";

jest.setTimeout(60000);

/** A second measure of another department, over budget in 2013 and far below plan. */
function overrunMeasure(): MeasureData {
  const data: MeasureData = JSON.parse(JSON.stringify(sample41303000));
  data.measureCode = "41304000";
  data.measureName = "国際協力の推進";
  data.department = "総務局";
  data.budget[2].settlement = 23000; // budget 21,959
  data.budget[2].settlementIsForecast = false;
  data.indicators[0].rows[3].actual = 700; // 700 / 950
  data.indicators[1].rows[3].actual = 90; // 90 / 130
  data.indicators[2].rows[3].actual = 30; // 30 / 40
  return data;
}

function twoSheetPort() {
  return new FakePort({ sheets: [renderSheet(sample41303000, "41303000").grid, renderSheet(overrunMeasure(), "41304000").grid] });
}



const cells = (row: HTMLElement) => within(row).getAllByRole("cell").map((c) => c.textContent);
const flagsOf = (row: HTMLElement) => Array.from(row.querySelectorAll("[data-flag]"), (b) => b.getAttribute("data-flag"));

beforeEach(() => localStorage.clear());

describe("全体 tab", () => {
  it("shows each measure of the evaluation year with its flags, flagged first, and totals per 作成課", async () => {
    render(<App port={twoSheetPort()} theme="light" />);
    await check();
    await openTab("全体");

    const rows = within(screen.getByRole("table", { name: "施策ごとの予算と成果" })).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.getAttribute("data-testid"))).toEqual(["rollup-row-41304000", "rollup-row-41303000"]);
    // mean (700/950 + 90/130 + 30/40) / 3 = 72.6%, min 90/130 = 69.2%, 23,000 / 21,959 = 104.7%, 21,959 / 38,802 = 56.6%
    expect(cells(rows[0])).toEqual([
      "41304000国際協力の推進",
      "AⅡ",
      "72.6%",
      "69.2%",
      "21,959",
      "23,000",
      "104.7%",
      "56.6%",
      "予算超過高執行・低達成",
    ]);
    expect(flagsOf(rows[0])).toEqual(["overrun", "high-spend-low-achievement"]);
    // mean (868/950 + 161/130 + 36/40) / 3 = 101.7%, min 36/40 = 90.0%, 21,165 / 21,959 = 96.4%
    expect(cells(rows[1])).toEqual(["41303000環境技術を活かした国際貢献", "AⅡ", "101.7%", "90.0%", "21,959", "21,165見込", "96.4%", "56.6%", ""]);
    expect(flagsOf(rows[1])).toEqual([]);

    const departments = within(screen.getByRole("table", { name: "作成課ごとの合計" })).getAllByRole("row").slice(1);
    expect(departments.map(cells)).toEqual([
      ["環境局地球環境推進室", "1", "21,959", "21,165", "96.4%", ""],
      ["総務局", "1", "21,959", "23,000", "104.7%", "予算超過 1高執行・低達成 1"],
    ]);
  });

  it("follows the language and the roll-up thresholds of 設定", async () => {
    localStorage.setItem("hyoka.settings", JSON.stringify({ language: "en", rollupUnderExecution: 0.97 }));
    render(<App port={twoSheetPort()} theme="light" />);
    fireEvent.click(screen.getByRole("button", { name: "Check" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("finding"));
    await openTab("Overview");
    // 96.4% is now below the under-execution threshold of 97%.
    expect(flagsOf(screen.getByTestId("rollup-row-41303000"))).toEqual(["under-execution"]);
    expect(screen.getByTestId("rollup-row-41303000")).toHaveTextContent("Large under-execution");
  });
});

describe("レポート出力", () => {
  let downloads: ReturnType<typeof stubDownloads>;
  beforeEach(() => (downloads = stubDownloads()));
  afterEach(() => downloads.restore());

  const NOW = new Date("2026-11-28T13:28:21.259Z");

  async function renderChecked(port: FakePort) {
    // act() lets the profile load on open settle before the test goes on.
    await act(async () => {
      render(<App port={port} theme="light" source="予算.xlsx" now={() => NOW} />);
    });
    await check();
    await openTab("全体");
  }

  it("saves the Markdown audit report with the catalogue version and a count for every rule", async () => {
    const port = twoSheetPort();
    await renderChecked(port);
    fireEvent.click(within(screen.getByRole("region", { name: "レポート出力" })).getByRole("button", { name: "レポート出力" }));

    expect(downloads.files.map((f) => f.name)).toEqual(["予算-hyoka-report-20261128-132821.md"]);
    expect(downloads.files[0].blob.type).toBe("text/markdown;charset=utf-8");
    expect(await screen.findByText("レポートを保存しました: 予算-hyoka-report-20261128-132821.md")).toBeInTheDocument();
    const md = await readBlob(downloads.files[0].blob);
    expect(md).toContain(`| ${RULE_CATALOGUE_VERSION} |`);
    expect(md).toContain("| 2026-11-28T13:28:21.259Z |");
    expect(md).toContain("| 予算.xlsx |");

    // Counted here independently of the report: every rule of the catalogue has its row, zero included.
    const counts = new Map<string, number>();
    for (const f of checkWorkbook(port.workbook).flatMap((r) => r.findings)) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    expect([...counts.entries()].sort()).toEqual([
      ["budget.plan-deviation", 2],
      ["budget.settlement.forecast", 1],
      ["budget.settlement.overrun", 1],
      ["evaluation.letter.implausible", 1],
      ["indicator.cumulative.decrease", 3],
      ["indicator.unit.missing", 4],
    ]);
    // Every rule a single workbook can give is listed with its count (cross-year rules need several books).
    for (const rule of RULES.filter((r) => r.scope !== "cross-year").map((r) => r.id)) {
      expect([rule, new RegExp(`^\\| \`${rule.replace(/\./g, "\\.")}\` \\| [^|]+ \\| ${counts.get(rule) ?? 0} \\|$`, "m").test(md)]).toEqual([rule, true]);
    }
    await waitFor(() => expect(downloads.revoked).toEqual(["blob:test/1"]));
  });

  it("saves CSV with a byte-order mark and JSON with the provenance; copies to the clipboard", async () => {
    const writeText = jest.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const port = twoSheetPort();
    await renderChecked(port);
    const panel = within(screen.getByRole("region", { name: "レポート出力" }));
    expect(panel.getByText(/Excel デスクトップ版ではファイルのダウンロードが止められることがあります/)).toBeInTheDocument();

    fireEvent.click(panel.getByRole("radio", { name: "CSV (.csv)" }));
    fireEvent.click(panel.getByRole("button", { name: "レポート出力" }));
    const bytes = await readBlobBytes(downloads.files[0].blob);
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const csv = await readBlob(downloads.files[0].blob);
    expect(csv.split("\r\n")[0].replace(/^\uFEFF/, "")).toMatch(/^file,sha256,sheet,cell,rule,severity,message,path,raw,expected/);
    expect(csv.split("\r\n").filter((line) => line.startsWith("予算.xlsx,"))).toHaveLength(12);

    fireEvent.click(panel.getByRole("radio", { name: "JSON (.json)" }));
    fireEvent.click(panel.getByRole("button", { name: "レポート出力" }));
    expect(downloads.files[1].name).toBe("予算-hyoka-report-20261128-132821.json");
    const report = JSON.parse(await readBlob(downloads.files[1].blob));
    expect(report.tool).toEqual({ name: "hyoka", version: require("../../package.json").version });
    expect(report.ruleCatalogueVersion).toBe(RULE_CATALOGUE_VERSION);
    expect(report.checkedAt).toBe("2026-11-28T13:28:21.259Z");
    expect(report.settingsHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(report.files.map((f: { path: string; sha256: string | null; profile: unknown }) => [f.path, f.sha256, f.profile])).toEqual([["予算.xlsx", null, null]]);
    expect(report.totals.issues).toEqual({ error: 0, warning: 11, info: 1 });

    fireEvent.click(panel.getByRole("button", { name: "クリップボードにコピー" }));
    expect(await screen.findByText("レポートをクリップボードにコピーしました: JSON (.json)")).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(JSON.parse((writeText.mock.calls[0] as unknown as [string])[0]).checkedAt).toBe("2026-11-28T13:28:21.259Z");
    await waitFor(() => expect(downloads.revoked).toEqual(["blob:test/1", "blob:test/2"]));
  });

  it("names the workbook's profile in the report", async () => {
    const port = twoSheetPort();
    port.storedProfile = JSON.stringify({ hyokaProfile: 1, name: "環境局", version: 4, synonyms: {}, pins: {} });
    await renderChecked(port);
    const panel = within(screen.getByRole("region", { name: "レポート出力" }));
    fireEvent.click(panel.getByRole("radio", { name: "JSON (.json)" }));
    fireEvent.click(panel.getByRole("button", { name: "レポート出力" }));
    const report = JSON.parse(await readBlob(downloads.files[0].blob));
    expect(report.files[0].profile).toEqual({ name: "環境局", version: 4, source: "file" });
    await waitFor(() => expect(downloads.revoked).toEqual(["blob:test/1"]));
  });
});
