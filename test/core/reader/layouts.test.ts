// Layouts of real sheets beyond the standard one: label and value in one cell
// (`評価年度：2013年度`), values under their labels, one field per line as in the published
// pages (more-sheets/01-11101000, 07-72201000), and free text that merely starts with a label word.
import type { CellValue, SheetGrid } from "../../../src/core/grid";
import type { EvaluationSheet, Field } from "../../../src/core/model";
import { checkSheet } from "../../../src/core/engine";
import { readSheet } from "../../../src/core/reader";
import { SheetIndex } from "../../../src/core/reader/sheetIndex";
import { defaultVocabulary } from "../../../src/core/vocabulary";
import { renderSheet, type LayoutOptions } from "../../../src/samples/layout";
import { sample41303000 } from "../../../src/samples/sample41303000";
import { SAMPLE_FIGURES, asEvaluation, cellPairs, figuresOf } from "./readerSupport";

const read = (grid: SheetGrid) => readSheet(grid, defaultVocabulary);
const sheet = (values: CellValue[][], name = "s"): SheetGrid => {
  const width = Math.max(...values.map((line) => line.length));
  return { name, top: 0, left: 0, values: values.map((line) => [...line, ...Array<CellValue>(width - line.length).fill(null)]), merges: [] };
};
const at = (f: Field<unknown>) => [f.value, f.raw, f.cell?.address ?? null, f.status];

const VARIANTS: Array<[string, LayoutOptions]> = [
  ["inline labels", { inlineLabels: true }],
  ["values below", { valuesBelow: true }],
  ["inline labels + values below", { inlineLabels: true, valuesBelow: true }],
  ["values below, no merges", { valuesBelow: true, noMerges: true }],
  ["inline labels, spaced labels, no merges", { inlineLabels: true, labelSpacing: true, noMerges: true }],
  ["values below, spaced labels, plain headings", { valuesBelow: true, labelSpacing: true, headingStyle: "plain" }],
  ["inline labels, stacked, years across, shifted", { inlineLabels: true, indicatorsStacked: true, indicatorYearsAcross: true, rowOffset: 2, colOffset: 1 }],
  // Two gaps found on a department's template (issue 9, Deliver 10).
  ["評価区分 listed down (年度 | 評価区分, one row per year)", { codesTable: true }],
  ["unit once per indicator (a 単位 label beside the direction, no 単位 column)", { unitOnce: true }],
  ["評価区分 down + unit once, stacked, no merges", { codesTable: true, unitOnce: true, indicatorsStacked: true, noMerges: true }],
  ["評価区分 down + unit once, inline labels, years across, text values", { codesTable: true, unitOnce: true, inlineLabels: true, indicatorYearsAcross: true, valuesAsText: true }],
  [
    "values below with everything else",
    {
      valuesBelow: true,
      rowOffset: 3,
      colOffset: 2,
      extraBlankRows: 2,
      indicatorsStacked: true,
      budgetYearsDown: true,
      noMerges: true,
      valuesAsText: true,
      labelSpacing: true,
      headingStyle: "square",
    },
  ],
  [
    "inline labels + values below with everything else",
    {
      inlineLabels: true,
      valuesBelow: true,
      rowOffset: 1,
      colOffset: 4,
      extraBlankRows: 1,
      indicatorYearsAcross: true,
      forecastAsColumn: true,
      valuesAsText: true,
      labelSpacing: true,
      headingStyle: "plain",
    },
  ],
];

/** With the unit given once per indicator, its years carry no unit of their own. */
function unitOnlyOnIndicator(figures: typeof SAMPLE_FIGURES): unknown {
  return { ...figures, indicators: figures.indicators.map((ind) => ({ ...ind, rows: ind.rows.map(([year, plan, actual]) => [year, plan, actual, null]) })) };
}

describe.each(VARIANTS)("readSheet on layout variant: %s", (_name, options) => {
  const { grid, cellOf } = renderSheet(sample41303000, "41303000", options);
  const model = asEvaluation(read(grid));

  it("reads every figure of 41303000", () => {
    expect(figuresOf(model)).toEqual(options.unitOnce ? unitOnlyOnIndicator(SAMPLE_FIGURES) : SAMPLE_FIGURES);
  });

  it("gives the findings of the standard layout, rule for rule (numbers typed as text aside)", () => {
    const rules = (g: SheetGrid) => checkSheet(g).findings.map((f) => f.rule).filter((r) => r !== "value.normalized");
    expect(rules(grid)).toEqual(rules(renderSheet(sample41303000, "41303000").grid));
  });

  it("reads every text verbatim", () => {
    expect(model.header.basicPolicy.value).toBe(sample41303000.basicPolicy);
    expect(model.header.basicMeasure.value).toBe(sample41303000.basicMeasure);
    for (const key of Object.keys(sample41303000.texts) as Array<keyof typeof sample41303000.texts>) {
      expect([key, model.texts[key].value]).toEqual([key, sample41303000.texts[key]]);
    }
    expect(model.evaluation.reason.value).toBe(sample41303000.evaluation.reason);
  });

  it("points every value at the cell the layout put it in", () => {
    const { expected, actual } = cellPairs(model, cellOf);
    expect(actual).toEqual(expected);
  });
});

describe("label and value in one cell (inlineLabels)", () => {
  const { grid } = renderSheet(sample41303000, "41303000", { inlineLabels: true });
  const model = asEvaluation(read(grid));

  it("reads the inline part, at the label's own cell", () => {
    expect(grid.values[1][0]).toBe("評価年度：2013年度");
    expect(at(model.header.fiscalYear)).toEqual([2013, "2013年度", "A2", "ok"]);
    expect(grid.values[4][0]).toBe("施策課題\n41303000 環境技術を活かした国際貢献");
    expect(at(model.header.measureCode)).toEqual(["41303000", "41303000 環境技術を活かした国際貢献", "A5", "ok"]);
    expect(at(model.header.measureName)).toEqual(["環境技術を活かした国際貢献", "41303000 環境技術を活かした国際貢献", "A5", "ok"]);
    expect(at(model.header.department)).toEqual(["環境局地球環境推進室", "環境局地球環境推進室", "I5", "ok"]);
    expect(at(model.header.basicPolicy)).toEqual(["環境を守り自然と調和したまちづくり", "環境を守り自然と調和したまちづくり", "A6", "ok"]);
    expect(model.header.relatedDepartments.value).toEqual(["環境局環境総合研究所", "経済労働局国際経済推進室"]);
  });

  it("takes a label ending in a colon as a blank value in that cell", () => {
    expect(grid.values[6][8]).toBe("重点：");
    expect(model.header.priority).toEqual({ value: null, raw: "", cell: { sheet: "41303000", address: "I7" }, status: "empty" });
  });
});

describe("values under their labels (valuesBelow)", () => {
  const { grid } = renderSheet(sample41303000, "41303000", { valuesBelow: true, noMerges: true });
  const model = asEvaluation(read(grid));

  it("reads 作成課 from under its label, with 施策課題's code and name under theirs", () => {
    expect([grid.values[5][8], grid.values[6][8]]).toEqual(["作成課", "環境局地球環境推進室"]);
    expect(grid.values[5][9]).toBeNull();
    expect(at(model.header.department)).toEqual(["環境局地球環境推進室", "環境局地球環境推進室", "I7", "ok"]);
    expect(at(model.header.measureCode)).toEqual(["41303000", "41303000", "A7", "ok"]);
  });

  it("puts a blank value's slot under its label when the row's other values are under theirs", () => {
    expect(model.header.priority).toEqual({ value: null, raw: "", cell: { sheet: "41303000", address: "I11" }, status: "empty" });
  });

  it("reads the reason under the label and its codes", () => {
    expect(model.evaluation.reason.cell?.address).toBe("A28");
    expect(model.evaluation.codes.map((c) => [c.year.cell?.address, c.code.cell?.address, c.code.value])).toEqual([
      ["B26", "B27", "AⅡ"],
      ["C26", "C27", "AⅡ"],
      ["D26", "D27", "AⅡ"],
    ]);
  });
});

describe("the reviewer's one-cell forms", () => {
  const withYear = (cell: string) =>
    sheet([["施策進行管理・評価票(1)"], [cell], ["施策課題", "41303000 環境技術を活かした国際貢献"], ["参考指標"]]);

  it.each([
    ["評価年度:2011年度", 2011, "2011年度"],
    ["評価年度：2013年度", 2013, "2013年度"],
    ["評価年度 2013年度", 2013, "2013年度"],
    ["評価年度\u30002013年度", 2013, "2013年度"],
    ["評価年度\n2013年度", 2013, "2013年度"],
    ["評価年度 ： H25年度", 2013, "H25年度"],
    // As the published page prints it: the value glued to its label.
    ["評価年度2013年度", 2013, "2013年度"],
    ["評価年度平成25年度", 2013, "平成25年度"],
  ])("%j gives the fiscal year", (cell, year, raw) => {
    const model = asEvaluation(read(withYear(cell)));
    expect(at(model.header.fiscalYear)).toEqual([year, raw, "A2", /^(H|平成)/.test(raw) ? "normalized" : "ok"]);
  });

  it("reads a code glued to 施策課題, but never cuts other labels before a digit", () => {
    const model = asEvaluation(read(sheet([["評価年度", "2013年度"], ["施策課題41303000 環境技術を活かした国際貢献"], ["作成課2課", "x"]])));
    expect(at(model.header.measureCode)).toEqual(["41303000", "41303000 環境技術を活かした国際貢献", "A2", "ok"]);
    // 作成課 takes no glued value: the cell is not its label, so the department is not found.
    expect(model.header.department.cell).toBeNull();
  });

  it("reads 施策課題：code name in one cell, and the sheet is an evaluation sheet", () => {
    const model = read(sheet([["評価年度", "2013年度"], ["施策課題：41303000 環境技術を活かした国際貢献", null, "作成課", "環境局地球環境推進室"]]));
    const evaluation = asEvaluation(model);
    expect(at(evaluation.header.measureCode)).toEqual(["41303000", "41303000 環境技術を活かした国際貢献", "A2", "ok"]);
    expect(evaluation.header.measureName.value).toBe("環境技術を活かした国際貢献");
    expect(at(evaluation.header.department)).toEqual(["環境局地球環境推進室", "環境局地球環境推進室", "D2", "ok"]);
  });

  it("reads the reason typed under an unmerged label, with the codes beside it", () => {
    const model = asEvaluation(
      read(
        sheet([
          ["評価年度", "2013年度"],
          ["施策課題", "41303000"],
          ["評価結果及びその評価区分とした理由", 2011, 2012, 2013],
          ["順調に推進した", "AⅡ", "A2", "BⅠ"],
        ]),
      ),
    );
    expect(at(model.evaluation.reason)).toEqual(["順調に推進した", "順調に推進した", "A4", "ok"]);
    expect(model.evaluation.codes.map((c) => [c.year.value, c.code.value, c.code.cell?.address])).toEqual([
      [2011, "AⅡ", "B4"],
      [2012, "AⅡ", "C4"],
      [2013, "BⅠ", "D4"],
    ]);
  });
});

describe("a sheet shaped like more-sheets/01-11101000 (one field per line)", () => {
  const lines = [
    "施策進行管理・評価票(1)",
    "評価年度:2011年度",
    null,
    "<基本情報>",
    "施策課題 11101000 安全な地域社会の確立",
    "作成課 市民・こども局市民生活部地域安全推進課",
    "基本政策 安全で快適に暮らすまちづくり",
    "政策の基本方向 暮らしの安全を守る",
    "基本施策 身近な安全の確保",
    "関係課 教育委員会事務局学校教育部健康教育課、市民・こども局こども本部こども青少年部青少年育成課",
    "重点",
    null,
    "<第3期実行計画(2011(H23)〜2013(H25)年度)における施策の概要及び施策の目標>",
    "当該施策によって解決すべき課題 ●防犯・交通安全・路上喫煙が課題です。",
    "施策の概要 ●安全・安心まちづくり推進協議会を中心とした連携パトロールを行います。",
    // Free text opening with a label word but no separator: a value, not 施策の目標's label.
    "施策の目標を達成するため、地域の連携を進めます。",
  ];
  const model = asEvaluation(read(sheet(lines.map((line) => [line]), "11101000")));
  const value = (f: Field<unknown>) => [f.value, f.cell?.address ?? null];

  it("is an evaluation sheet with every header field", () => {
    expect(value(model.header.title)).toEqual(["施策進行管理・評価票(1)", "A1"]);
    expect(at(model.header.fiscalYear)).toEqual([2011, "2011年度", "A2", "ok"]);
    expect(value(model.header.measureCode)).toEqual(["11101000", "A5"]);
    expect(value(model.header.measureName)).toEqual(["安全な地域社会の確立", "A5"]);
    expect(value(model.header.department)).toEqual(["市民・こども局市民生活部地域安全推進課", "A6"]);
    expect(value(model.header.basicPolicy)).toEqual(["安全で快適に暮らすまちづくり", "A7"]);
    expect(value(model.header.policyDirection)).toEqual(["暮らしの安全を守る", "A8"]);
    expect(value(model.header.basicMeasure)).toEqual(["身近な安全の確保", "A9"]);
    expect(value(model.header.relatedDepartments)).toEqual([["教育委員会事務局学校教育部健康教育課", "市民・こども局こども本部こども青少年部青少年育成課"], "A10"]);
    // 重点 alone on its line, nothing under it: blank, at the cell under the label.
    expect(at(model.header.priority)).toEqual([null, "", "A12", "empty"]);
  });

  it("reads the plan period and the text fields from their lines", () => {
    expect([model.plan.label.value, model.plan.from.value, model.plan.to.value]).toEqual(["第3期実行計画(2011(H23)〜2013(H25)年度)", 2011, 2013]);
    expect(value(model.texts.issues)).toEqual(["●防犯・交通安全・路上喫煙が課題です。", "A14"]);
    expect(value(model.texts.overview)).toEqual(["●安全・安心まちづくり推進協議会を中心とした連携パトロールを行います。", "A15"]);
    expect(at(model.texts.goals)).toEqual([null, "", null, "empty"]);
  });
});

describe("a sheet shaped like more-sheets/07-72201000 (a compound heading)", () => {
  const model = asEvaluation(
    read(
      sheet([
        ["施策進行管理・評価票(1)"],
        ["評価年度:2009年度"],
        ["施策課題 72201000 区における市民活動支援の推進"],
        ["<成果の説明>"],
        ["評価結果 (1)解決すべき課題に対する当該年度の成果"],
        ["●協働推進窓口で協働に関する相談を市民から12件、庁内から2件受けました。"],
      ]),
    ),
  );

  it("takes 評価結果 (1)解決すべき課題に対する当該年度の成果 for the 成果 label, not 評価結果 with a value", () => {
    expect([model.texts.results.value, model.texts.results.cell?.address]).toEqual(["●協働推進窓口で協働に関する相談を市民から12件、庁内から2件受けました。", "A6"]);
    expect(at(model.evaluation.reason)).toEqual([null, "", null, "empty"]);
    expect(model.header.fiscalYear.value).toBe(2009);
    expect(model.header.measureCode.value).toBe("72201000");
  });
});

describe("free text that starts with a label word", () => {
  const build = (results: string, extra: string): EvaluationSheet =>
    asEvaluation(
      read(
        sheet([
          ["評価年度", "2013年度"],
          ["施策課題", "41303000"],
          ["施策の目標", "●環境技術を活かした国際貢献を進めます。"],
          ["解決すべき課題に対する当該年度の成果", results],
          [extra],
        ]),
      ),
    );

  it("is the value of the label on its left, not a label of its own", () => {
    const model = build("施策の目標 の達成に向け、フォーラムを開催しました。", "");
    expect(at(model.texts.results)).toEqual(["施策の目標 の達成に向け、フォーラムを開催しました。", "施策の目標 の達成に向け、フォーラムを開催しました。", "B4", "ok"]);
    expect(model.texts.goals.value).toBe("●環境技術を活かした国際貢献を進めます。");
  });

  it("needs a colon after a two-character label (成果, 概要, 目標)", () => {
    const model = build("●フォーラムを開催しました。", "概要 については別紙のとおりです。");
    expect(at(model.texts.overview)).toEqual([null, "", null, "empty"]);
    const withColon = build("●フォーラムを開催しました。", "概要：別紙のとおり");
    expect(at(withColon.texts.overview)).toEqual(["別紙のとおり", "別紙のとおり", "A5", "ok"]);
  });

  it("never takes table headers or section headings with text after them for labels with values", () => {
    const index = new SheetIndex(sheet([["年度 2013"], ["予算 43,769"], ["参考指標 海外からの視察"], ["評価年度：2013年度"]]), defaultVocabulary);
    expect([0, 1, 2, 3].map((row) => index.at(row, 0)?.label?.names ?? null)).toEqual([null, null, null, ["fiscalYear"]]);
  });
});
