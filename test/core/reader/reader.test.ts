import { labelOf, readSheet } from "../../../src/core/reader";
import { boxToA1, toA1, type SheetGrid } from "../../../src/core/grid";
import { defaultVocabulary, mergeVocabulary } from "../../../src/core/vocabulary";
import { renderSheet, type LayoutOptions } from "../../../src/samples/layout";
import type { MeasureData } from "../../../src/samples/measureData";
import { sample41303000 } from "../../../src/samples/sample41303000";
import { SAMPLE_FIGURES, asEvaluation, cellPairs, figuresOf } from "./readerSupport";

const read = (grid: SheetGrid) => readSheet(grid, defaultVocabulary);

describe("readSheet on the 41303000 sample, standard layout", () => {
  const { grid, cellOf } = renderSheet(sample41303000, "41303000");
  const model = asEvaluation(read(grid));

  it("reads every figure of the sheet", () => {
    expect(figuresOf(model)).toEqual(SAMPLE_FIGURES);
  });

  it("reads every text verbatim", () => {
    expect(model.header.title.value).toBe("施策進行管理・評価票(1)");
    expect(model.header.basicPolicy.value).toBe(sample41303000.basicPolicy);
    expect(model.header.basicMeasure.value).toBe(sample41303000.basicMeasure);
    expect(model.plan.label.value).toBe("第3期実行計画(2011(H23)〜2013(H25)年度)");
    for (const key of Object.keys(sample41303000.texts) as Array<keyof typeof sample41303000.texts>) {
      expect([key, model.texts[key].value]).toEqual([key, sample41303000.texts[key]]);
    }
    expect(model.evaluation.reason.value).toBe(sample41303000.evaluation.reason);
    expect(model.indicators.map((i) => i.description.value)).toEqual(sample41303000.indicators.map((i) => i.description));
  });

  it("gives each value the cell the layout put it in", () => {
    const { expected, actual } = cellPairs(model, cellOf);
    expect(actual).toEqual(expected);
    expect(model.evaluation.codes.map((c) => c.code.cell)).toEqual([
      { sheet: "41303000", address: "B18" },
      { sheet: "41303000", address: "C18" },
      { sheet: "41303000", address: "D18" },
    ]);
    expect(model.indicators[0].rows[2].actual.cell).toEqual({ sheet: "41303000", address: "C34" });
    expect(model.budget[2].settlement.cell?.address).toBe("I41");
  });

  it("marks blanks as empty with the cell where the value belongs, and absent fields with no cell", () => {
    expect(model.header.priority).toEqual({ value: null, raw: "", cell: { sheet: "41303000", address: "J7" }, status: "empty" });
    expect(model.indicators[0].unit).toEqual({ value: null, raw: "", cell: null, status: "empty" });
    expect(model.indicators[0].rows[0].unit).toEqual({ value: null, raw: "", cell: { sheet: "41303000", address: "D32" }, status: "empty" });
    // 2011 has no 計画事業費 column in the sample
    expect(model.budget[0].planned).toEqual({ value: null, raw: "", cell: null, status: "empty" });
    expect(model.projects[3].status.status).toBe("empty");
  });

  it("records the indicator tables' boxes", () => {
    expect(model.indicators.map((i) => i.table?.box)).toEqual([
      { top: 30, left: 0, bottom: 34, right: 3 },
      { top: 30, left: 4, bottom: 34, right: 7 },
      { top: 30, left: 8, bottom: 34, right: 11 },
    ]);
  });
});

const VARIANTS: Array<[string, LayoutOptions]> = [
  ["rows and columns inserted", { rowOffset: 4, colOffset: 3 }],
  ["extra blank rows", { extraBlankRows: 3 }],
  ["stacked indicator blocks", { indicatorsStacked: true }],
  ["indicator years across", { indicatorYearsAcross: true }],
  ["budget years down", { budgetYearsDown: true }],
  ["決算見込 as a column", { forecastAsColumn: true }],
  ["■ headings", { headingStyle: "square" }],
  ["plain headings", { headingStyle: "plain" }],
  ["spaced labels", { labelSpacing: true }],
  ["no merges", { noMerges: true }],
  ["numbers as text", { valuesAsText: true }],
  ["stacked + years across", { indicatorsStacked: true, indicatorYearsAcross: true }],
  ["side by side + years across + no merges", { indicatorYearsAcross: true, noMerges: true }],
  [
    "everything at once",
    {
      rowOffset: 3,
      colOffset: 2,
      extraBlankRows: 2,
      indicatorsStacked: true,
      indicatorYearsAcross: true,
      budgetYearsDown: true,
      noMerges: true,
      valuesAsText: true,
      labelSpacing: true,
      headingStyle: "square",
    },
  ],
  [
    "shifted, plain, spaced, text numbers, forecast column",
    { rowOffset: 1, colOffset: 5, headingStyle: "plain", labelSpacing: true, valuesAsText: true, forecastAsColumn: true },
  ],
];

describe.each(VARIANTS)("readSheet on layout variant: %s", (_name, options) => {
  const { grid, cellOf } = renderSheet(sample41303000, "41303000", options);
  const model = asEvaluation(read(grid));

  it("reads the same figures", () => {
    expect(figuresOf(model)).toEqual(SAMPLE_FIGURES);
  });

  it("points every value at the cell the layout put it in", () => {
    const { expected, actual } = cellPairs(model, cellOf);
    expect(actual).toEqual(expected);
  });
});

describe("readSheet statuses on text numbers", () => {
  it("marks full-width and separated numbers as normalized, keeping the raw text", () => {
    const { grid } = renderSheet(sample41303000, "41303000", { valuesAsText: true });
    const model = asEvaluation(read(grid));
    const budget2011 = model.budget[0].budget;
    expect(budget2011.value).toBe(43769);
    expect(budget2011.status).toBe("normalized");
    expect(["43,769", "４３，７６９", "43769"]).toContain(budget2011.raw);
    expect(model.indicators[0].rows[1].plan.status).toBe("normalized");
  });
});

function withIndicators(count: number): MeasureData {
  const base = sample41303000.indicators;
  const indicators = Array.from({ length: count }, (_, i) => ({
    ...base[i % base.length],
    name: `指標${i + 1}の累計`,
    rows: base[i % base.length].rows.map((r) => ({ ...r, plan: Number(r.plan) + i, actual: Number(r.actual) * 2 + i })),
  }));
  return { ...sample41303000, indicators };
}

describe.each([1, 5])("readSheet with %d indicator(s)", (count) => {
  const data = withIndicators(count);
  describe.each<[string, LayoutOptions]>([
    ["side by side", {}],
    ["stacked", { indicatorsStacked: true }],
    ["side by side, years across", { indicatorYearsAcross: true }],
  ])("%s", (_name, options) => {
    const { grid, cellOf } = renderSheet(data, "many", options);
    const model = asEvaluation(read(grid));

    it("reads every indicator with its rows", () => {
      expect(model.indicators.map((i) => [i.index, i.name.value, i.rows.map((r) => [r.year.value, r.plan.value, r.actual.value])])).toEqual(
        data.indicators.map((ind, i) => [i + 1, ind.name, ind.rows.map((r) => [r.year, r.plan, r.actual])]),
      );
      expect(figuresOf(model).budget).toEqual(SAMPLE_FIGURES.budget);
    });

    it("points at the layout's cells", () => {
      const { expected, actual } = cellPairs(model, cellOf);
      expect(actual).toEqual(expected);
    });
  });

  it("reads indicator ⑤ values exactly", () => {
    if (count !== 5) return expect(withIndicators(count).indicators).toHaveLength(1);
    const model = asEvaluation(read(renderSheet(data, "many").grid));
    // ⑤ is built from ② (index 4 % 3 = 1): plan + 4, actual × 2 + 4
    expect(model.indicators[4].rows.map((r) => [r.plan.value, r.actual.value])).toEqual([
      [41, 78],
      [44, 96],
      [94, 196],
      [134, 326],
    ]);
    expect(model.indicators[4].index).toBe(5);
  });
});

describe("readSheet with a five-year plan period", () => {
  const years = [2016, 2017, 2018, 2019, 2020];
  const data: MeasureData = {
    ...sample41303000,
    fiscalYear: "令和元年度",
    planLabel: "第4期実行計画(2016(H28)〜2020(R2)年度)",
    planYears: years,
    evaluation: { reason: "理由", codes: ["A2", "ＢⅠ", "A-Ⅱ", null, null] },
    indicators: sample41303000.indicators.map((ind) => ({
      ...ind,
      rows: [2015, ...years].map((year, j) => ({ year, plan: 10 * j, actual: j < 4 ? 10 * j + 1 : null, unit: ind.rows[0].unit })),
    })),
    budget: years.map((year, i) => ({
      year: `${year}年度`,
      planned: 1000 + i,
      budget: 900 + i,
      settlement: i < 3 ? 800 + i : i === 3 ? 700 : null,
      settlementIsForecast: i === 3,
    })),
  };

  it.each<[string, LayoutOptions]>([
    ["standard", {}],
    ["years across, budget down", { indicatorYearsAcross: true, budgetYearsDown: true }],
  ])("reads every year (%s)", (_name, options) => {
    const { grid, cellOf } = renderSheet(data, "five", options);
    const model = asEvaluation(read(grid));
    expect(model.header.fiscalYear.value).toBe(2019);
    expect([model.plan.from.value, model.plan.to.value]).toEqual([2016, 2020]);
    expect(model.evaluation.codes.map((c) => [c.year.value, c.code.value, c.code.status])).toEqual([
      [2016, "AⅡ", "normalized"],
      [2017, "BⅠ", "normalized"],
      [2018, "AⅡ", "normalized"],
      [2019, null, "empty"],
      [2020, null, "empty"],
    ]);
    expect(model.indicators[2].rows.map((r) => [r.year.value, r.plan.value, r.actual.value])).toEqual([
      [2015, 0, 1],
      [2016, 10, 11],
      [2017, 20, 21],
      [2018, 30, 31],
      [2019, 40, null],
      [2020, 50, null],
    ]);
    expect(model.budget.map((b) => [b.year.value, b.planned.value, b.budget.value, b.settlement.value, b.settlementIsForecast])).toEqual([
      [2016, 1000, 900, 800, false],
      [2017, 1001, 901, 801, false],
      [2018, 1002, 902, 802, false],
      [2019, 1003, 903, 700, true],
      [2020, 1004, 904, null, false],
    ]);
    const { expected, actual } = cellPairs(model, cellOf);
    expect(actual).toEqual(expected);
  });
});

function gridOf(name: string, rows: Array<Array<string | number | null>>): SheetGrid {
  return { name, top: 0, left: 0, values: rows, merges: [] };
}

describe("readSheet on sheets that are not evaluation sheets", () => {
  it("classifies an index sheet (目次 listing measures) as other", () => {
    const grid = gridOf("目次", [
      ["目次"],
      ["No.", "施策名", "作成課"],
      [1, "41303000 環境技術を活かした国際貢献", "環境局地球環境推進室"],
      [2, "41304000 環境に配慮した産業の振興", "経済労働局"],
    ]);
    expect(read(grid)).toEqual({ kind: "other", sheet: "目次", reason: "施策課題 found but none of 参考指標, 事業費, 評価結果, 評価年度" });
  });

  it("classifies a notes sheet as other", () => {
    const grid = gridOf("記入上の注意", [["記入上の注意"], ["1. 数値は半角で入力してください。"], ["2. 評価区分は A〜C と Ⅰ・Ⅱ を組み合わせます。"]]);
    expect(read(grid)).toEqual({ kind: "other", sheet: "記入上の注意", reason: "no 施策課題 label" });
  });

  it("classifies an empty sheet (no rows, or only blanks) as other", () => {
    expect(read(gridOf("空", []))).toEqual({ kind: "other", sheet: "空", reason: "empty sheet" });
    expect(read(gridOf("空白", [[null, "  "], [null, ""]]))).toEqual({ kind: "other", sheet: "空白", reason: "empty sheet" });
  });

  it("still reads a sheet whose only anchors are 施策課題 and 評価年度", () => {
    const model = asEvaluation(read(gridOf("min", [["評価年度", "H25"], ["施策課題", "41303000", "名前"]])));
    expect([model.header.fiscalYear.value, model.header.measureCode.value, model.header.measureName.value]).toEqual([2013, "41303000", "名前"]);
    expect([model.indicators, model.budget, model.evaluation.codes, model.projects]).toEqual([[], [], [], []]);
    expect(model.plan.from).toEqual({ value: null, raw: "", cell: null, status: "empty" });
  });
});

describe("readSheet header details", () => {
  it("splits a code and name typed in one cell", () => {
    const model = asEvaluation(read(gridOf("one", [["評価年度", "2013年度"], ["施策課題", "４１３０３０００　環境技術を活かした国際貢献"]])));
    expect(model.header.measureCode).toEqual({ value: "41303000", raw: "４１３０３０００　環境技術を活かした国際貢献", cell: { sheet: "one", address: "B2" }, status: "ok" });
    expect(model.header.measureName.value).toBe("環境技術を活かした国際貢献");
  });

  it("reads a 重点 mark as priority, even when the mark is the word 重点", () => {
    const marked = asEvaluation(read(gridOf("p", [["評価年度", "2013年度"], ["施策課題", "41303000", "x", "重点", "重点"]])));
    expect([marked.header.priority.value, marked.header.priority.cell?.address]).toEqual([true, "E2"]);
    const circle = asEvaluation(read(gridOf("p", [["評価年度", "2013年度"], ["施策課題", "41303000", "x", "重点", "○"]])));
    expect([circle.header.priority.value, circle.header.priority.raw]).toEqual([true, "○"]);
  });
});

describe("vocabulary", () => {
  // A department whose template says 所管部署 for 作成課 and 成果目標値 for 計画値.
  const { grid } = renderSheet(sample41303000, "dept");
  const relabelled: SheetGrid = {
    ...grid,
    values: grid.values.map((row) => row.map((v) => (v === "作成課" ? "所管部署" : v === "計画値" ? "成果目標値" : v))),
  };

  it("does not know a department's own label by default", () => {
    const model = asEvaluation(read(relabelled));
    expect(model.header.department.value).toBeNull();
    // The table is still found by 年度/実績値, its 計画値 column is not.
    expect(model.indicators[0].rows.map((r) => [r.plan.value, r.actual.value])).toEqual([
      [null, 745],
      [null, 273],
      [null, 428],
      [null, 868],
    ]);
  });

  it("recognises a synonym added through mergeVocabulary, keeping the defaults", () => {
    const vocabulary = mergeVocabulary(defaultVocabulary, { department: ["所管部署"], plan: ["成果目標値"] });
    expect(vocabulary.department).toEqual([...defaultVocabulary.department, "所管部署"]);
    const model = asEvaluation(readSheet(relabelled, vocabulary));
    expect([model.header.department.value, model.header.department.cell?.address]).toEqual(["環境局地球環境推進室", "J5"]);
    expect(model.indicators[0].rows.map((r) => r.plan.value)).toEqual([745, 250, 600, 950]);
    expect(figuresOf(asEvaluation(readSheet(grid, vocabulary)))).toEqual(SAMPLE_FIGURES);
  });

  it("accepts a partial vocabulary as is (defaults still apply)", () => {
    const model = asEvaluation(readSheet(relabelled, { department: ["所管部署"] } as never));
    expect(model.header.department.value).toBe("環境局地球環境推進室");
    expect(model.header.fiscalYear.value).toBe(2013);
  });
});

describe("readSheet on a blank 評価結果 reason", () => {
  const blank: MeasureData = { ...sample41303000, evaluation: { ...sample41303000.evaluation, reason: null } };

  it.each<[string, LayoutOptions]>([
    ["standard", {}],
    ["no merges, shifted", { noMerges: true, rowOffset: 2, colOffset: 1 }],
    ["spaced labels, stacked", { labelSpacing: true, indicatorsStacked: true }],
  ])("gives an empty reason at the reason's cell, never the legend below (%s)", (_name, options) => {
    const { grid, cellOf } = renderSheet(blank, "blank", options);
    const model = asEvaluation(read(grid));
    expect(model.evaluation.reason).toEqual({ value: null, raw: "", cell: { sheet: "blank", address: cellOf["evaluation.reason"] }, status: "empty" });
    expect(model.evaluation.codes.map((c) => c.code.value)).toEqual(["AⅡ", "AⅡ", "AⅡ"]);
  });

  it("is E17 in the standard layout, right of the 2011–2013 years", () => {
    const model = asEvaluation(read(renderSheet(blank, "blank").grid));
    expect(model.evaluation.reason.cell?.address).toBe("E17");
  });

  it("does not take a legend split over cells, or written with another letter mark, for the reason", () => {
    const { grid } = renderSheet(blank, "split");
    const legendRow = grid.values.findIndex((row) => typeof row[0] === "string" && row[0].startsWith("A 施策が順調"));
    expect(legendRow).toBe(18);
    const split: SheetGrid = {
      ...grid,
      values: grid.values.map((row, i) =>
        i === legendRow ? ["Ａ：施策が順調に推進したもの(新たな課題等 Ⅰ 無 Ⅱ 有)", null, null, null, "B 施策が一定程度推進したもの", ...row.slice(5)] : row,
      ),
      merges: grid.merges.filter((m) => m.top !== legendRow),
    };
    expect(asEvaluation(read(split)).evaluation.reason.status).toBe("empty");
  });

  it("still reads a long reason written right below the label", () => {
    const grid = gridOf("below", [
      ["評価年度", "2013年度"],
      ["施策課題", "41303000 環境技術を活かした国際貢献"],
      ["評価結果及びその評価区分とした理由", 2011, 2012, 2013],
      [null, "AⅡ", "AⅡ", "AⅡ"],
      ["●国際貢献を着実に推進してきましたが、より一層発展・拡大する必要があるため"],
      ["A 施策が順調に推進したもの(新たな課題等 Ⅰ 無 Ⅱ 有) B 施策が一定程度推進したもの C 施策が推進していないもの"],
    ]);
    const reason = asEvaluation(read(grid)).evaluation.reason;
    expect([reason.value, reason.cell?.address]).toEqual(["●国際貢献を着実に推進してきましたが、より一層発展・拡大する必要があるため", "A5"]);
  });

  it("knows the legend as the evaluationLegend label, but not a reason that merely quotes one phrase", () => {
    const legend = "A 施策が順調に推進したもの(新たな課題等 Ⅰ 無 Ⅱ 有) B 施策が一定程度推進したもの C 施策が推進していないもの";
    expect(labelOf(legend, defaultVocabulary)?.names).toEqual(["evaluationLegend"]);
    expect(labelOf("施策が推進していないもの", defaultVocabulary)?.names).toEqual(["evaluationLegend"]);
    expect(labelOf("●目標を上回り、施策が順調に推進したものと考えます。", defaultVocabulary)).toBeNull();
  });
});

describe("readSheet on a plan heading without a readable period", () => {
  it("keeps the heading's cell, with no period", () => {
    const data: MeasureData = { ...sample41303000, planLabel: "実行計画" };
    const { grid, cellOf } = renderSheet(data, "noperiod", { rowOffset: 1 });
    const model = asEvaluation(read(grid));
    expect(cellOf["plan.label"]).toBe("A10");
    expect(model.plan.label).toEqual({
      value: "実行計画",
      raw: "<実行計画における施策の概要及び施策の目標>",
      cell: { sheet: "noperiod", address: "A10" },
      status: "ok",
    });
    expect([model.plan.from, model.plan.to]).toEqual([
      { value: null, raw: "", cell: null, status: "empty" },
      { value: null, raw: "", cell: null, status: "empty" },
    ]);
  });

  it("does not take another field's label (実行計画期間の達成状況) for the heading", () => {
    const grid = gridOf("labels", [
      ["評価年度", "2013年度"],
      ["施策課題", "41303000 環境技術を活かした国際貢献"],
      ["事務事業名", "実行計画期間の達成状況"],
      ["国際環境施策推進事業", "達成"],
    ]);
    const model = asEvaluation(read(grid));
    expect(model.plan.label).toEqual({ value: null, raw: "", cell: null, status: "empty" });
    expect(model.projects.map((p) => [p.name.value, p.status.value])).toEqual([["国際環境施策推進事業", "達成"]]);
  });
});

describe("readSheet on 評価区分 years listed down a column", () => {
  const rows: Array<Array<string | number | null>> = [
    ["評価年度", "2013年度"],
    ["施策課題", "41303000 環境技術を活かした国際貢献"],
    ["評価結果及びその評価区分とした理由", "2011(H23)年度", "AⅡ", "●国際貢献を着実に推進してきました。"],
    [null, "H24", "A2"],
    [null, 2013, null],
    ["A 施策が順調に推進したもの(新たな課題等 Ⅰ 無 Ⅱ 有) B 施策が一定程度推進したもの C 施策が推進していないもの"],
  ];
  const grid: SheetGrid = { ...gridOf("down", rows), merges: [{ top: 2, left: 0, bottom: 4, right: 0 }] };
  const model = asEvaluation(read(grid));

  it("reads each code beside its year, a blank one at its slot", () => {
    expect(model.evaluation.codes.map((c) => [c.year.value, c.year.cell?.address, c.code.value, c.code.status, c.code.cell?.address])).toEqual([
      [2011, "B3", "AⅡ", "ok", "C3"],
      [2012, "B4", "AⅡ", "normalized", "C4"],
      [2013, "B5", null, "empty", "C5"],
    ]);
  });

  it("reads the reason right of the codes", () => {
    expect([model.evaluation.reason.value, model.evaluation.reason.cell?.address]).toEqual(["●国際貢献を着実に推進してきました。", "D3"]);
  });

  it("gives a blank reason the cell right of the codes", () => {
    const blank = asEvaluation(read({ ...grid, values: rows.map((row, i) => (i === 2 ? row.slice(0, 3) : row)) }));
    expect(blank.evaluation.reason).toEqual({ value: null, raw: "", cell: { sheet: "down", address: "D3" }, status: "empty" });
  });
});

describe("readSheet on a 参考指標 section with tables but no 参考指標名 labels", () => {
  /** The sample with every 参考指標名 label and the name under (or beside) it blanked. */
  function withoutNames(options: LayoutOptions): SheetGrid {
    const { grid, cellOf } = renderSheet(sample41303000, "nameless", options);
    const blanked = new Set(sample41303000.indicators.map((_, i) => cellOf[`indicators[${i}].name`]));
    const values = grid.values.map((row, r) =>
      row.map((v, c) => (blanked.has(toA1(r, c)) || (typeof v === "string" && v.startsWith("参考指標名")) ? null : v)),
    );
    return { ...grid, values };
  }

  it.each<[string, LayoutOptions, string[]]>([
    ["side by side", {}, ["A31:D35", "E31:H35", "I31:L35"]],
    ["stacked, years across", { indicatorsStacked: true, indicatorYearsAcross: true }, ["A28:E31", "A36:E39", "A44:E47"]],
  ])("reads each table as an indicator without a name (%s)", (_name, options, boxes) => {
    const model = asEvaluation(read(withoutNames(options)));
    expect(model.indicators.map((i) => [i.index, i.name])).toEqual([1, 2, 3].map((n) => [n, { value: null, raw: "", cell: null, status: "empty" }]));
    expect(model.indicators.map((i) => i.table && boxToA1(i.table.box))).toEqual(boxes);
    expect(model.indicators.map((i) => i.rows.map((r) => [r.year.value, r.plan.value, r.actual.value]))).toEqual(
      sample41303000.indicators.map((ind) => ind.rows.map((r) => [r.year, r.plan, r.actual])),
    );
    expect(model.indicators.map((i) => i.unit.value)).toEqual([null, null, "団体"]);
    expect(model.budget.map((b) => b.year.value)).toEqual([2011, 2012, 2013]);
  });

  it("finds no indicator when the section has no table either", () => {
    const grid = gridOf("empty", [["評価年度", "2013年度"], ["施策課題", "41303000 x"], ["<参考指標>"], ["該当なし"], ["<事業費>"], ["年度", "予算"], [2013, 100]]);
    expect(asEvaluation(read(grid)).indicators).toEqual([]);
  });
});
