import { createSheetDebouncer, groupFindings, initialState, paneReducer, ruleIds, totalCounts, type PaneState } from "../../src/taskpane/state";
import type { SheetResult } from "../../src/core/engine";
import type { Finding, Severity } from "../../src/core/findings";
import { renderSheet } from "../../src/samples/layout";
import { sample41303000 } from "../../src/samples/sample41303000";
import { renderProjectSheet } from "../../src/samples/projectLayout";
import { kawasakiR6 } from "../../src/samples/projectKawasakiR6";
import { newProfile, setPin } from "../../src/core/profile";
import { evaluationResult } from "../support/kinds";

const gridA = renderSheet(sample41303000, "A").grid;
const gridB = renderSheet(sample41303000, "B").grid;

function checked(settings = {}): PaneState {
  return paneReducer(paneReducer(initialState(settings), { type: "checkStarted" }), { type: "checked", grids: [gridA, gridB] });
}

function rate(state: PaneState, sheet: string, indicator: number, year: number): number | null {
  const summary = evaluationResult(state.results.find((r) => r.sheet === sheet)!).summary;
  return summary.indicators[indicator - 1].years.find((y) => y.year === year)!.rate;
}

describe("paneReducer", () => {
  it("checks every grid read", () => {
    const state = checked();
    expect(state.status).toBe("ready");
    expect(state.checkCount).toBe(1);
    expect(state.results.map((r) => r.sheet)).toEqual(["A", "B"]);
    expect(rate(state, "A", 1, 2012)).toBeCloseTo(428 / 600, 10);
  });

  it("replaces only the changed sheet's result", () => {
    const before = checked();
    const editedA = { ...gridA, name: "A", values: gridA.values.map((r) => r.slice()) };
    const after = paneReducer(before, { type: "sheetChanged", grid: editedA });
    expect(after.results[1]).toBe(before.results[1]);
    expect(after.results[0]).not.toBe(before.results[0]);
    expect(after.grids[0]).toBe(editedA);
    expect(after.checkCount).toBe(2);
  });

  it("ignores a changed sheet the check did not cover", () => {
    const before = checked();
    const after = paneReducer(before, { type: "sheetChanged", grid: { name: "達成率サマリー", top: 0, left: 0, values: [], merges: [] } });
    expect(after).toBe(before);
  });

  it("re-runs the core when a figure setting changes, not for the language", () => {
    const before = checked();
    const english = paneReducer(before, { type: "settingsChanged", settings: { language: "en" } });
    expect(english.results).toBe(before.results);
    expect(english.settings.language).toBe("en");
    const stricter = paneReducer(english, { type: "settingsChanged", settings: { gradeNearly: 0.7 } });
    expect(stricter.results).not.toBe(before.results);
    const y2012 = evaluationResult(stricter.results[0]).summary.indicators[0].years.find((y) => y.year === 2012)!;
    expect(y2012.grade).toBe("nearly");
  });

  it("keeps earlier results when a later read fails", () => {
    const before = checked();
    const error = { code: "InvalidOperationInCellEditMode" };
    const failed = paneReducer(paneReducer(before, { type: "checkStarted" }), { type: "failed", error });
    expect(failed.status).toBe("ready");
    expect(failed.error).toBe(error);
    expect(failed.results).toBe(before.results);
    expect(paneReducer(failed, { type: "dismissError" }).error).toBeNull();
    expect(paneReducer(paneReducer(initialState(), { type: "checkStarted" }), { type: "failed", error }).status).toBe("idle");
  });
});

describe("finding groups", () => {
  const f = (sheet: string, severity: Severity, rule: string, cell: string): Finding => ({
    rule,
    severity,
    sheet,
    cell,
    path: "p",
    message: { ja: rule, en: rule },
  });
  const result = (sheet: string, findings: Finding[]): SheetResult =>
    ({ sheet, kind: "evaluation", model: null, findings, summary: null, counts: { error: 0, warning: 0, info: 0 } }) as unknown as SheetResult;
  const results = [
    result("S1", [f("S1", "info", "r.c", "A1"), f("S1", "error", "r.a", "B2"), f("S1", "warning", "r.b", "C3"), f("S1", "error", "r.b", "D4")]),
    result("S2", []),
    result("S3", [f("S3", "warning", "r.b", "E5")]),
  ];

  it("groups by sheet, errors first, and counts", () => {
    const groups = groupFindings(results, { severity: "all", rule: "all" });
    expect(groups.map((g) => g.sheet)).toEqual(["S1", "S3"]);
    expect(groups[0].groups.map((g) => [g.severity, g.findings.map((x) => x.cell)])).toEqual([
      ["error", ["B2", "D4"]],
      ["warning", ["C3"]],
      ["info", ["A1"]],
    ]);
    expect(groups[0].counts).toEqual({ error: 2, warning: 1, info: 1 });
    expect(totalCounts(results)).toEqual({ error: 2, warning: 2, info: 1 });
    expect(ruleIds(results)).toEqual(["r.a", "r.b", "r.c"]);
  });

  it("filters by severity and rule together", () => {
    const groups = groupFindings(results, { severity: "warning", rule: "r.b" });
    expect(groups.map((g) => [g.sheet, g.groups.flatMap((x) => x.findings.map((y) => y.cell))])).toEqual([
      ["S1", ["C3"]],
      ["S3", ["E5"]],
    ]);
    expect(groupFindings(results, { severity: "info", rule: "r.b" })).toEqual([]);
  });
});

describe("createSheetDebouncer", () => {
  afterEach(() => jest.useRealTimers());

  it("runs once per sheet after the quiet period", () => {
    jest.useFakeTimers();
    const run = jest.fn();
    const debouncer = createSheetDebouncer(500, run);
    debouncer.trigger("A");
    jest.advanceTimersByTime(400);
    debouncer.trigger("A");
    debouncer.trigger("B");
    jest.advanceTimersByTime(499);
    expect(run).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(run.mock.calls).toEqual([["A"], ["B"]]);
    debouncer.trigger("A");
    debouncer.cancel();
    jest.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});

describe("template profile in the pane state", () => {
  const fiscalYear = (state: PaneState, sheet: string) => {
    const model = state.results.find((r) => r.sheet === sheet)!.model;
    return model.kind === "evaluation" ? [model.header.fiscalYear.value, model.header.fiscalYear.cell?.address, model.header.fiscalYear.pinned] : null;
  };

  it("re-runs the core on the held grids when the profile changes, and keeps it for live re-checks", () => {
    const blanked = { ...gridA, values: gridA.values.map((r) => r.slice()) };
    blanked.values[1][0] = null; // A2, the 評価年度 label
    const before = paneReducer(paneReducer(initialState(), { type: "checkStarted" }), { type: "checked", grids: [blanked, gridB] });
    expect(fiscalYear(before, "A")).toEqual([null, undefined, undefined]);

    const profile = setPin(newProfile("p"), "header.fiscalYear", "B2").profile!;
    const after = paneReducer(before, { type: "profileChanged", profile });
    expect(after.checkCount).toBe(before.checkCount + 1);
    expect(fiscalYear(after, "A")).toEqual([2013, "B2", true]);
    expect(fiscalYear(after, "B")).toEqual([2013, "B2", true]); // pins without a sheet apply to every sheet

    const live = paneReducer(after, { type: "sheetChanged", grid: blanked });
    expect(fiscalYear(live, "A")).toEqual([2013, "B2", true]);
  });

  it("reports a rejected profile on the first sheet, before and after a live re-check", () => {
    const state = paneReducer(checked(), { type: "profileInvalid", errors: ['missing key "name"'] });
    const rulesOf = (s: PaneState, i: number) => s.results[i].findings.map((f) => f.rule);
    expect(rulesOf(state, 0)[0]).toBe("template.profile.invalid");
    expect(state.results[0].counts.warning).toBe(checked().results[0].counts.warning + 1);
    expect(rulesOf(state, 1)).not.toContain("template.profile.invalid");
    const live = paneReducer(state, { type: "sheetChanged", grid: gridA });
    expect(rulesOf(live, 0)[0]).toBe("template.profile.invalid");
    expect(paneReducer(live, { type: "profileChanged", profile: null }).results[0].findings.map((f) => f.rule)).not.toContain("template.profile.invalid");
  });
});

describe("live re-check of a project sheet", () => {
  it("infers the cost per 人工 from the other project sheets too, as the full check does", () => {
    // Two sheets at 8,594 per 人工 and one at another unit cost: only that one is off.
    const odd = structuredClone(kawasakiR6);
    odd.rows[5].values = odd.rows[5].values.map((v, k) => (k >= 5 && k <= 7 ? 71500 : v));
    odd.rows[6].values = odd.rows[6].values.map((v, k) => (k === 5 ? 119000 : k === 6 ? 119800 : k === 7 ? 119450 : v));
    const grids = [renderProjectSheet(kawasakiR6, "a").grid, renderProjectSheet(kawasakiR6, "b").grid, renderProjectSheet(odd, "odd").grid];
    const staff = (s: PaneState) => s.results.flatMap((r) => r.findings.filter((f) => f.rule === "project.cost.staff-mismatch").map((f) => `${f.sheet}!${f.cell}`));
    const full = paneReducer(initialState(), { type: "checked", grids });
    expect(staff(full)).toEqual(["odd!H23", "odd!I23"]);
    const live = paneReducer(full, { type: "sheetChanged", grid: grids[2] });
    expect(staff(live)).toEqual(["odd!H23", "odd!I23"]);
  });
});
