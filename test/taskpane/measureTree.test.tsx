/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { familyMistakesWorkbook, familyWorkbook } from "../../src/samples/family41303000";
import { initialState, paneReducer } from "../../src/taskpane/state";
import { setAt } from "../../src/samples/rollupLayout";
import { FakePort } from "./fakePort";
import { check, openTab } from "./paneActions";

jest.setTimeout(60000);



beforeEach(() => localStorage.clear());

describe("全体 tab: the 施策 and their projects", () => {
  it("shows 政策 → 施策 → 事務事業 with money, 執行率 and grades; each figure selects its cell", async () => {
    const port = new FakePort({ sheets: familyWorkbook().map((s) => s.grid) });
    render(<App port={port} theme="light" />);
    await check();
    await openTab("全体");
    const tree = screen.getByTestId("measure-tree");
    expect(within(tree).getByText("環境を守り自然と調和したまちづくり")).toBeInTheDocument();
    const measure = within(tree).getByTestId("tree-measure-41303000");
    expect(measure).toHaveTextContent("41303000 環境技術を活かした国際貢献");
    expect(within(measure).getByTestId("tree-sum-41303000")).toHaveTextContent("事務事業の合計: 予算 21,959 · 決算 21,165");
    const row = within(measure).getByTestId("tree-project-41303040");
    expect(within(row).getAllByRole("cell").map((c) => c.textContent)).toEqual(["アジア起業家誘致交流促進事業", "1,455", "1,372見込", "94.3%", "4", "Ⅳ"]);

    fireEvent.click(within(row).getByRole("button", { name: "1,455" }));
    fireEvent.click(within(row).getByRole("button", { name: "4" }));
    fireEvent.click(within(measure).getByRole("button", { name: "21,959" }));
    expect(port.calls.selectCell).toEqual([
      { sheet: "41303040", address: "I19" },
      { sheet: "41303040", address: familyWorkbook()[5].cellOf.achievement },
      { sheet: "41303000(1)", address: "H41" },
    ]);
  });

  it("the variant: the projects not listed or without a sheet are marked, and the link findings are on the 検証 tab", async () => {
    render(<App port={new FakePort({ sheets: familyMistakesWorkbook().sheets.map((s) => s.grid) })} theme="light" />);
    await check();
    expect(screen.getAllByText(/link\.cost\.mismatch/).length).toBeGreaterThan(0);
    await openTab("全体");
    const measure = screen.getByTestId("tree-measure-41303000");
    expect(within(measure).getByTestId("tree-project-環境国際協力調査事業")).toHaveTextContent("シートなし");
    expect(within(measure).getByTestId("tree-project-41303050")).toHaveTextContent("一覧にない");
  });
});

describe("pane state", () => {
  it("links again after a live change to one sheet: a restated figure adds its link finding, putting it back removes it", () => {
    const family = familyWorkbook();
    const grids = family.map((s) => s.grid);
    let state = paneReducer(initialState(), { type: "checked", grids });
    expect(state.links).toHaveLength(1);
    const linkFindings = () => state.results.flatMap((r) => r.findings).filter((f) => f.rule.startsWith("link."));
    expect(linkFindings()).toEqual([]);

    const changed = JSON.parse(JSON.stringify(family[0])) as (typeof family)[0];
    setAt(changed, "budget[1].settlement", 34573);
    state = paneReducer(state, { type: "sheetChanged", grid: changed.grid });
    expect(linkFindings().map((f) => [f.rule, f.sheet, f.cell])).toEqual([["link.cost.mismatch", "41303000(1)", "F41"]]);
    // Another sheet's live change keeps the link finding once (made again, not added twice).
    state = paneReducer(state, { type: "sheetChanged", grid: grids[3] });
    expect(linkFindings()).toHaveLength(1);
    state = paneReducer(state, { type: "sheetChanged", grid: grids[0] });
    expect(linkFindings()).toEqual([]);
    expect(state.links[0].costs.every((c) => c.difference === 0)).toBe(true);
  });
});
