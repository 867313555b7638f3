/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { renderSheet } from "../../src/samples/layout";
import { sample41303000 } from "../../src/samples/sample41303000";
import { kawasakiR6 } from "../../src/samples/projectKawasakiR6";
import { renderProjectSheet } from "../../src/samples/projectLayout";
import { projects41303000 } from "../../src/samples/projects41303000";
import { FakePort } from "./fakePort";
import { check, openTab } from "./paneActions";

jest.setTimeout(60000);

function projectPort() {
  return new FakePort({
    sheets: [
      renderSheet(sample41303000, "41303000").grid,
      ...projects41303000.map((p) => renderProjectSheet(p, String(p.projectCode)).grid),
      renderProjectSheet(kawasakiR6, "R6").grid,
    ],
  });
}



beforeEach(() => localStorage.clear());

describe("事務事業 tab", () => {
  it("lists each project sheet with its cost table; the relation findings sit on their cells, and a figure selects its cell", async () => {
    const port = projectPort();
    render(<App port={port} theme="light" />);
    await check();
    await openTab("事務事業");

    const sections = within(screen.getByRole("region", { name: "事務事業" })).getAllByRole("region", { name: /事業費の表$/ });
    expect(sections.map((s) => s.getAttribute("aria-label"))).toEqual(["41303010 事業費の表", "41303020 事業費の表", "41303030 事業費の表", "41303040 事業費の表", "R6 事業費の表"]);

    const r6 = screen.getByRole("table", { name: "R6 事業費の表" });
    const headers = within(r6).getAllByRole("columnheader").map((h) => h.getAttribute("aria-label") ?? h.textContent);
    expect(headers).toEqual(["区分", "2022 予算", "2022 決算", "2023 計画事業費", "2023 予算", "2023 決算", "2024 計画事業費", "2024 予算", "2024 決算見込", "2025 計画事業費", "2025 予算", "2025 決算"]);
    const total = screen.getByTestId("cost-row-R6-totalCost");
    expect(within(total).getAllByRole("cell").map((c) => c.textContent)).toEqual([
      "総コスト", "112,602", "111,268", "114,200", "114,080", "115,320", "118,401", "119,201", "118,851", "48,000", "48,600", "—",
    ]);
    // The three ±1 totals are warnings on their cells.
    const flagged = Array.from(r6.querySelectorAll("[data-severity]"), (b) => [b.getAttribute("data-cell"), b.getAttribute("data-severity")]);
    expect(flagged).toEqual([
      ["G18", "info"],
      ["H24", "warning"],
      ["I24", "warning"],
      ["J24", "warning"],
    ]);
    fireEvent.click(within(total).getByRole("button", { name: "119,201" }));
    expect(port.calls.selectCell.at(-1)).toEqual({ sheet: "R6", address: "I24" });

    expect(screen.getByTestId("cost-clean-41303010")).toHaveTextContent("事業費の表の計算はすべて合っています。");
    const finding = screen.getByTestId("cost-finding-R6-J24");
    expect(finding).toHaveTextContent("2024年度 決算見込の総コスト(J24) 118,851が");
    fireEvent.click(within(finding).getByRole("button", { name: "J24" }));
    expect(port.calls.selectCell.at(-1)).toEqual({ sheet: "R6", address: "J24" });
    expect(screen.getByTestId("project-year-41303010")).toHaveTextContent("執行率 96.4%");
  });
});

describe("全体 tab", () => {
  it("includes the projects: their evaluation year, totals by 所属 and policy area, the distributions", async () => {
    render(<App port={projectPort()} theme="light" />);
    await check();
    await openTab("全体");
    const row = screen.getByTestId("project-rollup-row-41303020");
    expect(within(row).getAllByRole("cell").map((c) => c.textContent)).toEqual(["41303020環境総合研究推進事業", "環境局環境総合研究所", "3,420", "3,301見込", "96.5%", "8,275", "2", "Ⅱ"]);
    expect(within(screen.getByTestId("project-policy-row-4 環境を守り自然と調和したまちづくり-千円")).getAllByRole("cell").map((c) => c.textContent)).toEqual([
      // 総コスト of the 2013 settlement columns: 28,579 + 8,275 + 15,270 + 3,859.
      "4 環境を守り自然と調和したまちづくり", "千円", "4", "21,959", "21,165", "96.4%", "55,983",
    ]);
    expect(screen.getByTestId("achievement-distribution")).toHaveTextContent("達成度 — 1: 0 · 2: 1 · 3: 3 · 4: 1 · 5: 0 · 未記入: 0");
    // The 施策 sheet's roll-up is still there.
    expect(screen.getByTestId("rollup-row-41303000")).toBeInTheDocument();
  });
});
