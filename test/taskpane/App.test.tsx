/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App, LIVE_DEBOUNCE_MS } from "../../src/taskpane/App";
import { SETTINGS_KEY } from "../../src/taskpane/settingsStore";
import { renderSheet } from "../../src/samples/layout";
import { sample41303000 } from "../../src/samples/sample41303000";
import type { MeasureData } from "../../src/samples/measureData";
import { fromA1 } from "../../src/core/grid";
import { checkWorkbook } from "../../src/core/engine";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { AxeResults } from "axe-core";
import { FakePort } from "./fakePort";

const SHEET = "41303000";

function sampleWith(change: (data: MeasureData) => void): MeasureData {
  const data: MeasureData = JSON.parse(JSON.stringify(sample41303000));
  change(data);
  return data;
}

function samplePort(language: "ja" | "en" = "ja", data: MeasureData = sample41303000) {
  const rendered = renderSheet(data, SHEET);
  return { port: new FakePort({ sheets: [rendered.grid] }, language), cellOf: rendered.cellOf };
}

async function check(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: /^(検証|Check)$/ }));
  await screen.findByRole("status", {}, { timeout: 3000 }).then((s) => waitFor(() => expect(s).toHaveTextContent(/件の指摘|finding/)));
}

function openTab(name: string): void {
  fireEvent.click(screen.getByRole("tab", { name: new RegExp(`^${name}`) }));
}

/** The row of one indicator-year in the 達成率 tab. */
function rateRow(sheet: string, indicator: number, year: number): HTMLElement {
  return within(screen.getByTestId(`indicator-${sheet}-${indicator}`)).getByTestId(`rate-row-${indicator}-${year}`);
}

beforeEach(() => localStorage.clear());

describe("検証 tab", () => {
  it("shows counts and the indicator.unit.missing finding; clicking it selects the cell", async () => {
    const { port, cellOf } = samplePort();
    render(<App port={port} theme="light" />);
    expect(screen.getByText("「検証」を押すとブックを検証します。")).toBeInTheDocument();
    await check();
    expect(port.calls.readWorkbook).toBe(1);

    // The pane shows the core's own counts, overall and per sheet.
    const expected = checkWorkbook(port.workbook)[0].counts;
    const total = expected.error + expected.warning + expected.info;
    expect(expected.warning).toBeGreaterThanOrEqual(2); // unit missing on ① and ②
    expect(screen.getByRole("status")).toHaveTextContent(`${total} 件の指摘`);
    for (const severity of ["error", "warning", "info"] as const) {
      expect(screen.getAllByTestId(`count-${severity}`).map((b) => b.textContent)).toEqual([String(expected[severity]), String(expected[severity])]);
    }
    expect(screen.getByRole("tab", { name: /^検証/ })).toHaveTextContent(`検証 ${total}`);

    const unitFindings = screen.getAllByRole("button").filter((b) => b.textContent?.includes("indicator.unit.missing"));
    expect(unitFindings).toHaveLength(2);
    expect(unitFindings[0]).toHaveTextContent("①");
    expect(unitFindings[0]).toHaveTextContent("の単位");
    fireEvent.click(unitFindings[0]);
    expect(port.calls.selectCell).toEqual([{ sheet: SHEET, address: cellOf["indicators[0].rows[0].unit"] }]);

    // Enter on the second finding (②) selects its cell too.
    fireEvent.keyDown(unitFindings[1], { key: "Enter" });
    expect(port.calls.selectCell[1]).toEqual({ sheet: SHEET, address: cellOf["indicators[1].rows[0].unit"] });
  });

  it("filters by severity and by rule", async () => {
    const { port } = samplePort();
    render(<App port={port} theme="light" />);
    await check();
    fireEvent.change(screen.getByLabelText("ルール"), { target: { value: "indicator.unit.missing" } });
    const list = screen.getByRole("list", { name: `${SHEET} 警告` });
    expect(within(list).getAllByRole("button")).toHaveLength(2);
    expect(screen.queryByRole("list", { name: `${SHEET} エラー` })).toBeNull();

    fireEvent.change(screen.getByLabelText("ルール"), { target: { value: "all" } });
    fireEvent.change(screen.getByLabelText("重要度"), { target: { value: "info" } });
    expect(screen.queryByRole("list", { name: `${SHEET} 警告` })).toBeNull();
  });
});

describe("達成率 tab", () => {
  it("shows plan, actual, rate with one decimal and grade", async () => {
    const { port } = samplePort();
    render(<App port={port} theme="light" />);
    await check();
    openTab("達成率");
    const r2012 = rateRow(SHEET, 1, 2012);
    expect(r2012).toHaveTextContent("600");
    expect(r2012).toHaveTextContent("428");
    expect(r2012).toHaveTextContent("71.3%");
    expect(r2012).toHaveTextContent("未達成");
    expect(within(r2012).getByRole("progressbar", { name: "2012 達成率 71.3%" })).toBeInTheDocument();
    expect(rateRow(SHEET, 1, 2010)).toHaveTextContent("2010745745基準年度(計画期間の前年度)");
    expect(rateRow(SHEET, 1, 2011)).toHaveTextContent("109.2%達成");
    expect(rateRow(SHEET, 1, 2013)).toHaveTextContent("91.4%概ね達成");
    expect(rateRow(SHEET, 2, 2013)).toHaveTextContent("123.8%");
    expect(rateRow(SHEET, 2, 2013)).toHaveTextContent("達成");
    // ① is cumulative: latest actual ÷ final-year plan = 868/950.
    expect(screen.getByTestId("progress-1")).toHaveTextContent("累計の進捗(最終年度計画比): 91.4%");
  });
});

describe("事業費 tab", () => {
  it("shows 執行率, marks the forecast and the plan deviation", async () => {
    const { port } = samplePort();
    render(<App port={port} theme="light" />);
    await check();
    openTab("事業費");
    const y2011 = screen.getByTestId(`budget-row-${SHEET}-2011`);
    expect(y2011).toHaveTextContent("43,769");
    expect(y2011).toHaveTextContent("38,182");
    expect(y2011).toHaveTextContent("87.2%");
    expect(y2011).not.toHaveTextContent("見込");
    const y2013 = screen.getByTestId(`budget-row-${SHEET}-2013`);
    expect(y2013).toHaveTextContent("21,165見込");
    expect(y2013).toHaveTextContent("96.4%"); // 21,165 / 21,959
    expect(y2013).toHaveTextContent("56.6%計画との乖離"); // 21,959 / 38,802
    expect(screen.getByTestId(`budget-row-${SHEET}-2012`)).toHaveTextContent("95.4%"); // 37,355 / 39,173
    expect(screen.getByTestId(`budget-row-${SHEET}-2012`)).not.toHaveTextContent("計画との乖離");
    expect(screen.queryByText("予算超過")).toBeNull();
  });

  it("highlights an overrun row", async () => {
    const { port } = samplePort("ja", sampleWith((d) => (d.budget[1].settlement = 40000)));
    render(<App port={port} theme="light" />);
    await check();
    openTab("事業費");
    const y2012 = screen.getByTestId(`budget-row-${SHEET}-2012`);
    expect(y2012).toHaveAttribute("data-overrun", "true");
    expect(y2012).toHaveTextContent("予算超過");
    expect(y2012).toHaveTextContent("107.1%"); // 40,000 / 37,355
    expect(screen.getByTestId(`budget-row-${SHEET}-2011`)).not.toHaveAttribute("data-overrun");
  });
});

describe("設定 tab", () => {
  it("switches the lower-is-better formula and the rates follow", async () => {
    const { port } = samplePort("ja", sampleWith((d) => (d.indicators[2].direction = "小さいほどよい")));
    render(<App port={port} theme="light" />);
    await check();
    openTab("達成率");
    expect(rateRow(SHEET, 3, 2013)).toHaveTextContent("111.1%"); // 40 / 36
    openTab("設定");
    fireEvent.change(screen.getByLabelText("「小さいほどよい」指標の達成率"), { target: { value: "two-minus" } });
    openTab("達成率");
    expect(rateRow(SHEET, 3, 2013)).toHaveTextContent("110.0%"); // 2 − 36/40
    expect(port.calls.readWorkbook).toBe(1); // recomputed without re-reading Excel
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY)!).lowerIsBetter).toBe("two-minus");
  });

  it("changes grade thresholds", async () => {
    const { port } = samplePort();
    render(<App port={port} theme="light" />);
    await check();
    openTab("設定");
    fireEvent.change(screen.getByLabelText("「概ね達成」とする達成率(%以上)"), { target: { value: "70" } });
    openTab("達成率");
    expect(rateRow(SHEET, 1, 2012)).toHaveTextContent("71.3%概ね達成");
  });

  it("rejects a nearly-achieved threshold above achieved", async () => {
    const { port } = samplePort();
    render(<App port={port} theme="light" />);
    openTab("設定");
    fireEvent.change(screen.getByLabelText("「概ね達成」とする達成率(%以上)"), { target: { value: "120" } });
    expect(screen.getByText("「概ね達成」は「達成」以下にしてください。")).toBeInTheDocument();
    expect(localStorage.getItem(SETTINGS_KEY)).toBeNull();
  });

  it("restores stored settings", async () => {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ language: "en", gradeNearly: 0.7, bogus: 1 }));
    const { port } = samplePort("ja");
    render(<App port={port} theme="light" />);
    await check();
    openTab("Achievement");
    expect(rateRow(SHEET, 1, 2012)).toHaveTextContent("71.3%Nearly achieved");
  });
});

describe("language", () => {
  it("starts in Office's display language and switches", async () => {
    const { port } = samplePort("en");
    render(<App port={port} theme="light" />);
    expect(screen.getByRole("button", { name: "Check" })).toBeInTheDocument();
    await check();
    expect(screen.getByRole("status")).toHaveTextContent(/^\d+ findings?$/);
    expect(screen.getAllByRole("button").some((b) => b.textContent?.includes("has no unit"))).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "日本語" }));
    expect(screen.getByRole("button", { name: "検証" })).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: /^達成率/ })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent(/^\d+ 件の指摘$/);
    expect(screen.getAllByRole("button").some((b) => b.textContent?.includes("単位"))).toBe(true);
    expect(screen.getAllByRole("button").some((b) => b.textContent?.includes("has no unit"))).toBe(false);
  });
});

describe("errors from Excel", () => {
  it("shows one clear message and keeps it until dismissed", async () => {
    const { port } = samplePort();
    port.failNextRead = Object.assign(new Error("The operation is not allowed in cell-edit mode."), { code: "InvalidOperationInCellEditMode" });
    render(<App port={port} theme="light" />);
    fireEvent.click(screen.getByRole("button", { name: "検証" }));
    expect(await screen.findByText("セルを編集中です。Enter キーを押してから、もう一度お試しください。")).toBeInTheDocument();
    expect(screen.getByText("Excel でエラーが発生しました")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByText("A cell is being edited — press Enter and try again.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByText("A cell is being edited — press Enter and try again.")).toBeNull();
  });

  it("reports a failing selectCell", async () => {
    const { port } = samplePort();
    port.selectCell = () => Promise.reject(Object.assign(new Error("gone"), { code: "ItemNotFound" }));
    render(<App port={port} theme="light" />);
    await check();
    fireEvent.click(screen.getAllByRole("button").find((b) => b.textContent?.includes("indicator.unit.missing"))!);
    expect(await screen.findByText(/シートまたはセルが見つかりません/)).toBeInTheDocument();
  });
});

describe("actions", () => {
  it("writes the summary, highlights and clears", async () => {
    const { port } = samplePort();
    render(<App port={port} theme="light" />);
    expect(screen.getByRole("button", { name: "サマリー出力" })).toBeDisabled();
    await check();
    fireEvent.click(screen.getByRole("button", { name: "サマリー出力" }));
    expect(await screen.findByText("サマリーを書き出しました: 達成率サマリー")).toBeInTheDocument();
    expect(port.summaryResults.map((r) => r.sheet)).toEqual([SHEET]);
    expect(port.summarySettings?.lowerIsBetter).toBe("inverse");

    fireEvent.click(screen.getByRole("button", { name: "ハイライト" }));
    await screen.findByText(/^ハイライトしたセル数: \d+$/);
    expect(port.highlighted.length).toBeGreaterThan(0);
    expect(port.highlighted.every((f) => f.cell !== null)).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "ハイライト解除" }));
    await screen.findByText(/^元に戻したセル数: \d+$/);
    expect(port.calls.clear).toBe(1);
  });

  it("shows a progress bar while reading and checks on open when asked", async () => {
    const { port } = samplePort();
    port.holdReads = true;
    render(<App port={port} theme="light" autoCheck />);
    expect(await screen.findByRole("progressbar", { name: "ブックを読み込み中" })).toBeInTheDocument();
    expect(screen.getByText("0 / 1 シート")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "検証" })).toBeDisabled();
    await act(async () => port.releaseRead!());
    await waitFor(() => expect(screen.queryByRole("progressbar", { name: "ブックを読み込み中" })).toBeNull());
    expect(port.calls.readWorkbook).toBe(1);
  });

  it("renders in the dark theme", () => {
    const { port } = samplePort();
    const { container, unmount } = render(<App port={port} theme="dark" />);
    expect(container.querySelector("[data-theme='dark']")).not.toBeNull();
    // FluentProvider inserts its theme's CSS variables as rules, not as text.
    const css = () =>
      Array.from(document.styleSheets)
        .flatMap((sheet) => Array.from(sheet.cssRules).map((rule) => rule.cssText))
        .join("\n");
    expect(css()).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1};`);
    unmount();
    render(<App port={port} theme="light" />);
    expect(css()).toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1};`);
    expect(css()).not.toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1};`);
  });

  it("follows Office's dark theme when no theme is given", () => {
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { officeTheme: { bodyBackgroundColor: "#262626" } } };
    try {
      const { port } = samplePort();
      const { container } = render(<App port={port} />);
      expect(container.querySelector("[data-theme='dark']")).not.toBeNull();
    } finally {
      delete g.Office;
    }
  });
});

describe("live mode", () => {
  afterEach(() => jest.useRealTimers());

  it("re-checks only the changed sheet, after the debounce", async () => {
    jest.useFakeTimers();
    const a = renderSheet(sample41303000, "A");
    const b = renderSheet(sample41303000, "B");
    const port = new FakePort({ sheets: [a.grid, b.grid] });
    render(<App port={port} theme="light" />);
    await check();
    fireEvent.click(screen.getByRole("switch", { name: "ライブ検証" }));
    await waitFor(() => expect(port.listeners).toBe(1));

    const cell = fromA1(a.cellOf["indicators[0].rows[2].actual"]);
    act(() => port.edit("A", cell.row, cell.col, 600));
    act(() => jest.advanceTimersByTime(300));
    act(() => port.edit("A", cell.row, cell.col, 610)); // typing again restarts the wait
    act(() => jest.advanceTimersByTime(LIVE_DEBOUNCE_MS - 1));
    expect(port.calls.readSheet).toEqual([]);
    act(() => jest.advanceTimersByTime(1));
    await waitFor(() => expect(port.calls.readSheet).toEqual(["A"]));
    expect(port.calls.readWorkbook).toBe(1);

    openTab("達成率");
    await waitFor(() => expect(rateRow("A", 1, 2012)).toHaveTextContent("101.7%")); // 610 / 600
    expect(rateRow("B", 1, 2012)).toHaveTextContent("71.3%");

    // A sheet the last check did not cover (the summary hyoka writes) is not re-read.
    port.workbook.sheets.push({ name: "達成率サマリー", top: 0, left: 0, values: [["x"]], merges: [] });
    act(() => port.edit("達成率サマリー", 0, 0, "y"));
    act(() => jest.advanceTimersByTime(LIVE_DEBOUNCE_MS));
    expect(port.calls.readSheet).toEqual(["A"]);

    fireEvent.click(screen.getByRole("switch", { name: "ライブ検証" }));
    await waitFor(() => expect(port.unsubscribed).toBe(1));
    expect(port.listeners).toBe(0);
  });
});

describe("safety and accessibility", () => {
  it("shows cell text as text, never as HTML", async () => {
    const payload = "<img src=x onerror=alert(1)>";
    const { port } = samplePort("ja", sampleWith((d) => (d.indicators[0].rows[2].actual = payload)));
    const { container } = render(<App port={port} theme="light" />);
    await check();
    const finding = screen.getAllByRole("button").find((b) => b.textContent?.includes(payload));
    expect(finding).toBeDefined();
    expect(finding).toHaveTextContent(`入力値: 「${payload}」`);
    expect(container.querySelector("img")).toBeNull();
  });

  it("activates a finding with Space as well", async () => {
    const { port, cellOf } = samplePort();
    render(<App port={port} theme="light" />);
    await check();
    const finding = screen.getAllByRole("button").find((b) => b.textContent?.includes("indicator.unit.missing"))!;
    expect(finding.tagName).toBe("BUTTON"); // focusable, in the tab order
    fireEvent.keyDown(finding, { key: " " });
    expect(port.calls.selectCell).toEqual([{ sheet: SHEET, address: cellOf["indicators[0].rows[0].unit"] }]);
  });

  it("has no serious axe violation on any tab", async () => {
    const axe = (await import("axe-core")).default;
    const { port } = samplePort();
    const { container } = render(<App port={port} theme="light" />);
    await check();
    for (const tab of ["検証", "達成率", "事業費", "全体", "テンプレート", "設定"]) {
      openTab(tab);
      // color-contrast needs layout, which jsdom does not do (the e2e run checks it in Chromium).
      let report!: AxeResults;
      await act(async () => {
        report = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
      });
      const serious = report.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect([tab, serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)]).toEqual([tab, []]);
    }
  }, 90000);
});
