import { checkSheet } from "../../../src/core/engine";
import type { SheetSummary } from "../../../src/core/summary/types";
import { defaultVocabulary } from "../../../src/core/vocabulary";
import { addSynonym, applyProfile, newProfile, setPin, type TemplateProfile } from "../../../src/core/profile";
import { asEvaluation, indicatorFigures, moveBlock, sampleGrid, setCell } from "./support";
import { evaluationResult } from "../../support/kinds";

function pin(profile: TemplateProfile, path: string, address: string, sheet?: string): TemplateProfile {
  const result = setPin(profile, path, address, sheet);
  if (!result.profile) throw new Error(result.error);
  return result.profile;
}

const rules = (findings: { rule: string; cell: string | null; path: string }[]) => findings.map((f) => `${f.rule} ${f.cell} ${f.path}`);

function indicatorYears(summary: SheetSummary | null, i: number) {
  return summary?.indicators[i].years.map((y) => [y.year, y.plan, y.actual, y.rate, y.grade]);
}

const THIRD_INDICATOR = {
  name: "かわさきコンパクトへの参加団体数",
  unit: "団体",
  rows: [
    [2010, 28, 28, "団体"],
    [2011, 36, 36, "団体"],
    [2012, 38, 37, "団体"],
    [2013, 40, 36, "団体"],
  ],
};

describe("pins: a moved field read right again", () => {
  it("re-reads 評価年度 from its pinned cell when the label is gone", () => {
    const grid = sampleGrid();
    setCell(grid, "A2", null); // the 評価年度 label blanked: the search cannot find the value
    const before = checkSheet(grid);
    expect(asEvaluation(before.model).header.fiscalYear).toEqual({ value: null, raw: "", cell: null, status: "empty" });
    expect(rules(before.findings)).toContain("header.field.missing null header.fiscalYear");

    const after = checkSheet(grid, { profile: pin(newProfile("川崎市 環境局"), "header.fiscalYear", "B2") });
    expect(asEvaluation(after.model).header.fiscalYear).toEqual({
      value: 2013,
      raw: "2013年度",
      cell: { sheet: "評価票", address: "B2" },
      status: "ok",
      pinned: true,
    });
    expect(rules(after.findings)).not.toContain("header.field.missing null header.fiscalYear");
    expect(evaluationResult(after).summary.fiscalYear).toBe(2013);
  });

  it("reads an indicator table moved out of its block from the pinned range, every figure right", () => {
    const original = checkSheet(sampleGrid());
    const grid = sampleGrid();
    moveBlock(grid, "I31:L35", "N50"); // ③'s table below 用語説明: outside the 参考指標 area
    const before = checkSheet(grid);
    expect(indicatorFigures(asEvaluation(before.model), 2).rows).toEqual([]);
    expect(rules(before.findings)).toContain("indicator.table.missing I26 indicators[2]");

    const after = checkSheet(grid, { profile: pin(newProfile("p"), "indicators[2].table", "N50:Q54") });
    const model = asEvaluation(after.model);
    expect(indicatorFigures(model, 2)).toEqual(THIRD_INDICATOR);
    expect(model.indicators[2].table).toEqual({ sheet: "評価票", box: { top: 49, left: 13, bottom: 53, right: 16 }, pinned: true });
    expect(model.indicators[2].rows[3].actual).toEqual({ value: 36, raw: "36", cell: { sheet: "評価票", address: "P54" }, status: "ok", pinned: true });
    // 達成率 and grades exactly as on the unmoved sheet
    expect(indicatorYears(evaluationResult(after).summary, 2)).toEqual(indicatorYears(evaluationResult(original).summary, 2));
    expect(indicatorYears(evaluationResult(after).summary, 2)).toEqual([
      [2011, 36, 36, 1, "achieved"],
      [2012, 38, 37, 37 / 38, "nearly"],
      [2013, 40, 36, 0.9, "nearly"],
    ]);
    expect(rules(after.findings).filter((r) => r.includes("indicators[2]"))).toEqual([]);
    // Nothing else moved: the other indicators still come from the label search.
    expect(model.indicators[0].table?.pinned).toBeUndefined();
    expect(indicatorFigures(model, 0)).toEqual(indicatorFigures(asEvaluation(original.model), 0));
  });

  it("creates the indicator when its 参考指標名 label is gone too (name pinned, table pinned)", () => {
    const grid = sampleGrid();
    setCell(grid, "I25", null); // 参考指標名③ blanked
    setCell(grid, "I27", null);
    setCell(grid, "I29", null);
    moveBlock(grid, "I31:L35", "N50");
    expect(asEvaluation(checkSheet(grid).model).indicators).toHaveLength(2);
    let profile = pin(newProfile("p"), "indicators[2].name", "I26");
    profile = pin(profile, "indicators[2].table", "N50:Q54");
    const model = asEvaluation(applyProfile(grid, defaultVocabulary, profile).model);
    expect(model.indicators).toHaveLength(3);
    expect(model.indicators[2].index).toBe(3);
    expect(indicatorFigures(model, 2)).toEqual(THIRD_INDICATOR);
    expect(model.indicators[2].name.cell).toEqual({ sheet: "評価票", address: "I26" });
  });

  it("reads a pinned budget table and pinned 評価区分 range", () => {
    const grid = sampleGrid();
    const original = asEvaluation(checkSheet(sampleGrid()).model);
    let profile = pin(newProfile("p"), "budget.table", "A39:I41");
    profile = pin(profile, "evaluation.codes", "B17:D18");
    const model = asEvaluation(applyProfile(grid, defaultVocabulary, profile).model);
    expect(model.budget.map((y) => [y.year.value, y.planned.value, y.budget.value, y.settlement.value, y.settlementIsForecast])).toEqual([
      [2011, null, 43769, 38182, false],
      [2012, 39173, 37355, 34473, false],
      [2013, 38802, 21959, 21165, true],
    ]);
    expect(model.budget.every((y) => y.budget.pinned === true)).toBe(true);
    expect(model.budgetUnit).toBe("千円"); // (単位:千円) is outside the range: the label search's unit stays
    expect(model.evaluation.codes.map((c) => [c.year.value, c.code.value, c.code.cell?.address, c.code.pinned])).toEqual([
      [2011, "AⅡ", "B18", true],
      [2012, "AⅡ", "C18", true],
      [2013, "AⅡ", "D18", true],
    ]);
    expect(model.evaluation.reason).toEqual(original.evaluation.reason);
  });

  it("re-reads scalar fields with their parsers: 施策課題 code and name from one cell, 関係課 split, 実行計画 period", () => {
    const grid = sampleGrid();
    setCell(grid, "N1", "４１３０３０００ 環境技術を活かした国際貢献");
    setCell(grid, "N2", "環境局、経済労働局");
    setCell(grid, "N3", "第3期実行計画(2011(H23)〜2013(H25)年度)");
    let profile = pin(newProfile("p"), "header.measureCode", "N1");
    profile = pin(profile, "header.measureName", "N1");
    profile = pin(profile, "header.relatedDepartments", "N2");
    profile = pin(profile, "plan.label", "N3");
    const model = asEvaluation(applyProfile(grid, defaultVocabulary, profile).model);
    expect([model.header.measureCode.value, model.header.measureCode.status]).toEqual(["41303000", "normalized"]);
    expect(model.header.measureName.value).toBe("環境技術を活かした国際貢献");
    expect(model.header.relatedDepartments.value).toEqual(["環境局", "経済労働局"]);
    expect([model.plan.from.value, model.plan.to.value, model.plan.from.cell?.address]).toEqual([2011, 2013, "N3"]);
  });

  it("takes the value cell of a merge when the pin points inside it", () => {
    const grid = sampleGrid();
    // C5:H5 holds 施策課題名 merged; a pin on F5 reads C5.
    const model = asEvaluation(applyProfile(grid, defaultVocabulary, pin(newProfile("p"), "header.measureName", "F5")).model);
    expect(model.header.measureName).toEqual({ value: "環境技術を活かした国際貢献", raw: "環境技術を活かした国際貢献", cell: { sheet: "評価票", address: "C5" }, status: "ok", pinned: true });
  });

  it("applies sheet pins over the default pins, only on that sheet", () => {
    const profile: TemplateProfile = {
      hyokaProfile: 1,
      name: "p",
      version: 1,
      synonyms: {},
      pins: { "header.department": { cell: "J6" } },
      sheets: { 特別: { "header.department": { cell: "J5" } } },
    };
    const normal = asEvaluation(applyProfile(sampleGrid("普通"), defaultVocabulary, profile).model);
    const special = asEvaluation(applyProfile(sampleGrid("特別"), defaultVocabulary, profile).model);
    expect(normal.header.department.value).toBe("環境配慮型社会の形成に向けた取組");
    expect(special.header.department.value).toBe("環境局地球環境推進室");
  });
});

describe("synonyms: a department's wording recognised", () => {
  it("fails with the renamed labels, passes once the profile adds them", () => {
    const grid = sampleGrid();
    setCell(grid, "A2", "評価対象年度");
    for (const [address, mark] of [["A25", "①"], ["E25", "②"], ["I25", "③"]]) setCell(grid, address, `成果目標名${mark}`);
    const before = checkSheet(grid);
    const beforeModel = asEvaluation(before.model);
    expect(beforeModel.header.fiscalYear.value).toBeNull();
    expect(beforeModel.indicators.map((ind) => ind.name.value)).toEqual([null, null, null]); // tables read, names not recognised
    expect(rules(before.findings)).toContain("header.field.missing null header.fiscalYear");

    let profile = addSynonym(newProfile("p"), "fiscalYear", "評価対象年度");
    profile = addSynonym(profile, "indicatorName", "成果目標名");
    expect(profile.version).toBe(3);
    const after = checkSheet(grid, { profile });
    const model = asEvaluation(after.model);
    expect([model.header.fiscalYear.value, model.header.fiscalYear.cell?.address]).toEqual([2013, "B2"]);
    expect(model.indicators.map((ind) => ind.index)).toEqual([1, 2, 3]);
    expect(indicatorFigures(model, 2)).toEqual(THIRD_INDICATOR);
    expect(after.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("stale pins: reported, never silently used", () => {
  const grid = () => sampleGrid();

  it("reports a pinned cell that is now empty and keeps the label search result", () => {
    const result = checkSheet(grid(), { profile: pin(newProfile("p"), "header.fiscalYear", "D2") });
    const stale = result.findings.filter((f) => f.rule === "template.pin.stale");
    expect(stale).toEqual([
      {
        rule: "template.pin.stale",
        severity: "warning",
        sheet: "評価票",
        cell: "D2",
        path: "header.fiscalYear",
        message: {
          ja: "テンプレートで固定した D2(評価年度)は空欄になっているため使わず、見出しから探した位置を使いました。テンプレートを直してください。",
          en: "The template pin of Fiscal year at D2 is now empty, so it was not used; the place found by the label search was used instead. Please update the template.",
        },
        expected: { ja: "評価年度の値が入ったセル", en: "a cell holding the Fiscal year value" },
      },
    ]);
    const fiscalYear = asEvaluation(result.model).header.fiscalYear;
    expect([fiscalYear.value, fiscalYear.cell?.address, fiscalYear.pinned]).toEqual([2013, "B2", undefined]);
  });

  it("reports a pinned cell that holds a label instead of a value", () => {
    const result = checkSheet(grid(), { profile: pin(newProfile("p"), "indicators[1].name", "E25") });
    const stale = result.findings.filter((f) => f.rule === "template.pin.stale");
    expect(stale.map((f) => [f.cell, f.path, f.raw, f.message.ja, f.message.en])).toEqual([
      [
        "E25",
        "indicators[1].name",
        "参考指標名②",
        "テンプレートで固定した E25(参考指標②の参考指標名)は値ではなく見出し「参考指標名②」が入っているため使わず、見出しから探した位置を使いました。テンプレートを直してください。",
        'The template pin of Indicator name of indicator ② at E25 holds the label "参考指標名②" instead of a value, so it was not used; the place found by the label search was used instead. Please update the template.',
      ],
    ]);
    expect(asEvaluation(result.model).indicators[1].name.cell?.address).toBe("E26");
  });

  it("reports a pinned range that holds no table", () => {
    let profile = pin(newProfile("p"), "indicators[0].table", "A10:D12");
    profile = pin(profile, "budget.table", "A10:D12");
    profile = pin(profile, "evaluation.codes", "A10:D12");
    const result = checkSheet(grid(), { profile });
    const stale = result.findings.filter((f) => f.rule === "template.pin.stale");
    expect(stale.map((f) => [f.cell, f.path, f.message.en.split(", so")[0]])).toEqual([
      ["A10:D12", "evaluation.codes", "The template pin of Evaluation codes (table) at A10:D12 holds no table (header row and values)"],
      ["A10:D12", "indicators[0].table", "The template pin of Indicator table (year, plan, actual) of indicator ① at A10:D12 holds no table (header row and values)"],
      ["A10:D12", "budget.table", "The template pin of Budget table at A10:D12 holds no table (header row and values)"],
    ]);
    const model = asEvaluation(result.model);
    expect(model.indicators[0].table?.box).toEqual({ top: 30, left: 0, bottom: 34, right: 3 });
    expect(model.budget).toHaveLength(3);
    expect(model.evaluation.codes).toHaveLength(3);
  });

  it("leaves sheets that are not evaluation sheets alone", () => {
    const other = { name: "目次", top: 0, left: 0, values: [["目次"]], merges: [] };
    const result = checkSheet(other, { profile: pin(newProfile("p"), "header.fiscalYear", "C2") });
    expect(result.kind).toBe("other");
    expect(result.findings.map((f) => f.rule)).toEqual(["sheet.not-evaluation"]);
  });
});
