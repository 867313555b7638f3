// The project reader on Kawasaki's published layout (the four 41303000 projects, a 令和6年度
// sheet) in every layout variant, and on other cities' layouts: every figure, at its cell.
import { checkSheet, checkWorkbook } from "../../../src/core/engine";
import type { CellValue } from "../../../src/core/grid";
import type { Field, ProjectSheet, SheetModel } from "../../../src/core/model";
import { readSheet } from "../../../src/core/reader";
import { DEFAULT_SCALES } from "../../../src/core/scales";
import { defaultVocabulary } from "../../../src/core/vocabulary";
import type { Entry } from "../../../src/samples/measureData";
import { renderSheet } from "../../../src/samples/layout";
import type { ProjectData } from "../../../src/samples/projectData";
import { kawasakiR6 } from "../../../src/samples/projectKawasakiR6";
import { renderProjectSheet, type ProjectLayoutOptions } from "../../../src/samples/projectLayout";
import { COLUMNS_2011_2014, projects41303000 } from "../../../src/samples/projects41303000";
import { sample41303000 } from "../../../src/samples/sample41303000";
import { projectResult } from "../../support/kinds";
import { kitami, mie, suginami } from "./otherCities";

function asProject(model: SheetModel): ProjectSheet {
  if (model.kind !== "project") throw new Error(`expected a project sheet, got ${model.kind}: ${model.kind === "other" ? model.reason : ""}`);
  return model;
}

const read = (data: ProjectData, options: ProjectLayoutOptions = {}, name = "P") => {
  const rendered = renderProjectSheet(data, name, options);
  return { model: asProject(readSheet(rendered.grid, defaultVocabulary)), cellOf: rendered.cellOf, grid: rendered.grid };
};

/** The entry as the model should hold it: numbers, `-` and blanks as null. */
function figure(entry: Entry): number | null {
  if (entry === null || entry === "-") return null;
  return typeof entry === "number" ? entry : Number(String(entry).replace(/,/g, ""));
}

function costOf(model: ProjectSheet, row: string, column: number): Field<number> {
  const cell = model.costs.cells.find((c) => c.row === row && c.columnIndex === column);
  if (!cell) throw new Error(`no ${row}[${column}]`);
  return cell.value;
}

describe("classification by labels", () => {
  test("施策 sheets stay evaluation sheets, project sheets are projects, a contents sheet is other", () => {
    const results = checkWorkbook({
      sheets: [
        renderSheet(sample41303000, "41303000").grid,
        renderProjectSheet(projects41303000[0], "41303010").grid,
        suginami(),
        kitami(),
        mie(),
        { name: "目次", top: 0, left: 0, values: [["目次"], ["事務事業名", "所属"]], merges: [] },
      ],
    });
    expect(results.map((r) => [r.sheet, r.kind])).toEqual([
      ["41303000", "evaluation"],
      ["41303010", "project"],
      ["杉並", "project"],
      ["北見", "project"],
      ["三重", "project"],
      ["目次", "other"],
    ]);
  });

  test("a title alone, or a 事務事業名 list, does not make a project sheet", () => {
    const grid = (values: CellValue[][]) => ({ name: "x", top: 0, left: 0, values, merges: [] });
    expect(readSheet(grid([["令和6年度 事務事業評価シート"], ["備考", "なし"]]), defaultVocabulary).kind).toBe("other");
    expect(readSheet(grid([["配下の事務事業一覧"], ["事務事業名", "達成状況"], ["国際環境施策推進事業", "○"]]), defaultVocabulary).kind).toBe("other");
    // The title and a code label are enough, and so is a code label with a cost row.
    expect(readSheet(grid([["事務事業評価シート"], ["事務事業コード", "12345678"]]), defaultVocabulary).kind).toBe("project");
    expect(readSheet(grid([["事務事業コード", "12345678"], ["総コスト", 100]]), defaultVocabulary).kind).toBe("project");
  });
});

describe("the four projects of 41303000 (Kawasaki layout, years across)", () => {
  test.each(projects41303000.map((p, i) => [p.projectName as string, i]))("%s: header, texts and 政策体系 at their cells", (_name, i) => {
    const data = projects41303000[i];
    const { model, cellOf } = read(data);
    const h = model.header;
    expect([h.projectCode.value, h.projectCode.cell?.address]).toEqual([data.projectCode, cellOf["header.projectCode"]]);
    expect([h.projectName.value, h.projectName.cell?.address]).toEqual([data.projectName, cellOf["header.projectName"]]);
    expect([h.listed.value, h.listed.cell?.address]).toEqual([true, cellOf["header.listed"]]);
    expect([h.organizationCode.value, h.department.value, h.implementation.value, h.basis.value]).toEqual([data.organizationCode, data.department, "直営", "川崎市環境基本条例"]);
    expect([h.fiscalYear.value, h.fiscalYear.cell?.address, h.title.value]).toEqual([2013, "A1", "平成25年度 事務事業評価シート"]);
    expect([h.period.from.value, h.period.to.value]).toEqual([2011, null]);
    expect(h.policy.map((l) => [l.label.value, l.code.value, l.name.value])).toEqual([
      ["基本政策", "4", "環境を守り自然と調和したまちづくり"],
      ["政策の基本方向", "4-1", "環境に配慮し循環型のしくみをつくる"],
      ["基本施策", "4-1-3", "環境配慮型社会の形成に向けた取組"],
      ["施策課題", "41303000", "環境技術を活かした国際貢献"],
    ]);
    expect(model.texts.purpose.value).toBe(data.texts.purpose);
    expect(model.texts.results.cell?.address).toBe(cellOf["texts.results"]);
  });

  test.each(projects41303000.map((p, i) => [p.projectName as string, i]))("%s: every cost figure, blank as null, at its cell", (_name, i) => {
    const data = projects41303000[i];
    const { model, cellOf } = read(data);
    expect(model.costs.unit).toMatchObject({ value: "千円", cell: { address: cellOf["costs.unit"] } });
    expect(model.costs.orientation).toBe("across");
    expect(model.costs.columns.map((c) => [c.year.value, c.column, c.forecast])).toEqual(
      COLUMNS_2011_2014.map((c, k) => [c.year, c.kind, k === 7]),
    );
    expect(model.costs.rows.map((r) => r.row)).toEqual(["projectCost", "national", "bonds", "otherFunding", "general", "staffCost", "totalCost", "staffYears"]);
    for (const row of data.rows) {
      row.values.forEach((entry, k) => {
        const f = costOf(model, row.id, k);
        expect([row.id, k, f.value, f.cell?.address]).toEqual([row.id, k, figure(entry), cellOf[`costs.${row.id}[${k}]`]]);
        // `-` is "no value", never 0.
        if (entry === "-") expect(f.status).toBe("no-value");
      });
    }
  });

  test("事業費 A adds up, per year and column, to the 施策 sheet's 事業費合計", () => {
    const models = projects41303000.map((p) => read(p).model);
    const sum = (k: number) => models.reduce((total, m) => total + (costOf(m, "projectCost", k).value ?? 0), 0);
    const seed = sample41303000.budget;
    expect([sum(0), sum(1)]).toEqual([seed[0].budget, seed[0].settlement]);
    expect([sum(2), sum(3), sum(4)]).toEqual([seed[1].planned, seed[1].budget, seed[1].settlement]);
    expect([sum(5), sum(6), sum(7)]).toEqual([seed[2].planned, seed[2].budget, seed[2].settlement]);
    expect([43769, 38182, 39173, 37355, 34473, 38802, 21959, 21165]).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map(sum));
  });

  test("indicators: kind, name, unit beside the name, direction, 基準値 and every year", () => {
    const { model, cellOf } = read(projects41303000[2]);
    expect(model.indicators.map((ind) => [ind.index, ind.kind, ind.name.value, ind.unit.value, ind.direction.value, ind.base.value])).toEqual([
      [1, "outcome", "川崎国際環境技術展の出展者数", "団体", "higher", 120],
      [2, "activity", "海外展開に向けた企業ヒアリング数", "社", "higher", 0],
    ]);
    const first = model.indicators[0];
    expect(first.rows.map((r) => [r.year.value, r.plan.value, r.actual.value])).toEqual([
      [2011, 130, 133],
      [2012, 140, 146],
      [2013, 150, 157],
      [2014, 160, null],
    ]);
    expect(first.rows[2].actual.cell?.address).toBe(cellOf["indicators[0].rows[2].actual"]);
    expect(first.unit.cell?.address).toBe(cellOf["indicators[0].unit"]);
    expect(first.base.cell?.address).toBe(cellOf["indicators[0].base"]);
  });

  test("達成度 and 方向性区分: the chosen value beside the printed choices", () => {
    const { model, cellOf } = read(projects41303000[3]);
    expect(model.achievement).toEqual({ value: "4", raw: "4", cell: { sheet: "P", address: cellOf.achievement }, status: "ok" });
    expect(model.direction).toEqual({ value: "Ⅳ", raw: "Ⅳ", cell: { sheet: "P", address: cellOf.direction }, status: "ok" });
  });
});

describe("layout variants read with the same figures", () => {
  const variants: Array<[string, ProjectLayoutOptions]> = [
    ["years down", { costYearsDown: true }],
    ["no merges", { noMerges: true }],
    ["numbers as text, full width and with separators", { valuesAsText: true }],
    ["letter-spaced labels", { labelSpacing: true }],
    ["shifted", { rowOffset: 3, colOffset: 2 }],
    ["choices printed before the chosen value", { choiceStyle: "list-then-value" }],
    ["indicator years down", { indicatorYearsDown: true }],
    ["everything at once", { costYearsDown: true, valuesAsText: true, labelSpacing: true, rowOffset: 1, indicatorYearsDown: true, choiceStyle: "list-then-value" }],
  ];
  const plain = read(kawasakiR6).model;
  const figures = (m: ProjectSheet) => ({
    unit: m.costs.unit.value,
    columns: m.costs.columns.map((c) => [c.year.value, c.column, c.forecast]),
    cells: m.costs.cells.map((c) => [c.row, c.columnIndex, c.value.value]).sort((a, b) => String(a).localeCompare(String(b))),
    indicators: m.indicators.map((ind) => [ind.kind, ind.name.value, ind.unit.value, ind.direction.value, ind.base.value, ind.rows.map((r) => [r.year.value, r.plan.value, r.actual.value])]),
    header: [m.header.projectCode.value, m.header.projectName.value, m.header.department.value, m.header.fiscalYear.value],
    scales: [m.achievement.value, m.direction.value],
  });

  test.each(variants)("%s", (_name, options) => {
    const { model, cellOf } = read(kawasakiR6, options);
    expect(figures(model)).toEqual(figures(plain));
    expect(model.costs.orientation).toBe(options.costYearsDown ? "down" : "across");
    // Every figure still points at the cell the layout put it in.
    for (const cell of model.costs.cells) expect([cell.row, cell.columnIndex, cell.value.cell?.address]).toEqual([cell.row, cell.columnIndex, cellOf[`costs.${cell.row}[${cell.columnIndex}]`]]);
    expect(model.achievement.cell?.address).toBe(cellOf.achievement);
  });

  test("the 令和6年度 sheet: R4年度 … R7年度, 決算額(見込） as the R6 forecast, letter-spaced 政策 levels", () => {
    expect(plain.header.fiscalYear.value).toBe(2024);
    expect(plain.costs.columns.map((c) => `${c.year.value}${c.column[0]}${c.forecast ? "*" : ""}`).join(" ")).toBe(
      "2022b 2022s 2023p 2023b 2023s 2024p 2024b 2024s* 2025p 2025b 2025s",
    );
    expect(plain.header.policy.map((l) => [l.label.raw, l.label.value, l.code.value])).toEqual([
      ["政       策", "政策", "1-1"],
      ["施       策", "施策", "1-1-1"],
      ["直接目標", "直接目標", null],
    ]);
    expect(plain.costs.cells.filter((c) => c.row === "staffYears" && c.value.value !== null).map((c) => c.value.value)).toEqual([8, 8, 8, 8.25, 8.25, 8.25, 8.25]);
  });
});

describe("entries as people type them", () => {
  function withCosts(edit: (d: ProjectData) => void): ProjectSheet {
    const data = structuredClone(kawasakiR6);
    edit(data);
    return read(data).model;
  }

  test("－ and ― are blanks like -, △ and ▲ are negatives, full-width and text numbers are read", () => {
    const model = withCosts((d) => {
      d.rows[1].values[0] = "－";
      d.rows[1].values[2] = "―";
      d.rows[2].values[0] = "△1,000";
      d.rows[2].values[2] = "▲５００";
      d.rows[0].values[1] = "４３，８７６";
      d.rows[0].values[3] = "45880";
    });
    expect([costOf(model, "national", 0).status, costOf(model, "national", 0).value]).toEqual(["no-value", null]);
    expect([costOf(model, "national", 2).status, costOf(model, "national", 2).value]).toEqual(["no-value", null]);
    expect([costOf(model, "bonds", 0).value, costOf(model, "bonds", 2).value]).toEqual([-1000, -500]);
    expect([costOf(model, "projectCost", 1).value, costOf(model, "projectCost", 1).status]).toEqual([43876, "normalized"]);
    expect([costOf(model, "projectCost", 3).value, costOf(model, "projectCost", 3).note]).toEqual([45880, "number stored as text"]);
  });

  test("years written R4年度, 令和4年度, H25 and 2022 all read", () => {
    for (const headers of [["R4年度", "R5年度", "R6年度", "R7年度"], ["令和4年度", "令和5年度", "令和6年度", "令和7年度"], ["2022", "2023", "2024", "2025"], [2022, 2023, 2024, 2025]]) {
      const model = withCosts((d) => d.years.forEach((y, i) => (y.year = headers[i])));
      expect(model.costs.columns.map((c) => c.year.value)).toEqual([2022, 2022, 2023, 2023, 2023, 2024, 2024, 2024, 2025, 2025, 2025]);
    }
    const heisei = withCosts((d) => d.years.forEach((y, i) => (y.year = `H${25 + i}`)));
    expect(heisei.costs.columns.map((c) => c.year.value)[0]).toBe(2013);
  });

  test("money in 円 stays in 円 (never converted); a table without a unit note has none", () => {
    expect(withCosts((d) => (d.unitNote = "(単位:円)")).costs.unit.value).toBe("円");
    expect(withCosts((d) => (d.unitNote = "単位 千円")).costs.unit.value).toBe("千円");
    expect(withCosts((d) => (d.unitNote = null)).costs.unit).toEqual({ value: null, raw: "", cell: null, status: "empty" });
    expect(withCosts((d) => (d.unitNote = "(単位:百万円)")).costs.unit).toMatchObject({ value: null, status: "invalid", note: "expected 千円 or 円" });
    expect(costOf(withCosts((d) => (d.unitNote = "(単位:円)")), "projectCost", 0).value).toBe(45210);
  });

  test("codes typed in full width or as text, 達成度 and 方向性区分 in their variants", () => {
    const model = withCosts((d) => {
      d.projectCode = "１０１０１０１０";
      d.organizationCode = 10300;
      d.achievement = "３";
      d.direction = "II";
    });
    expect([model.header.projectCode.value, model.header.projectCode.status]).toEqual(["10101010", "normalized"]);
    expect(model.header.organizationCode.value).toBe("10300");
    expect([model.achievement.value, model.achievement.status, model.achievement.note]).toEqual(["3", "normalized", "achievement ３ → 3"]);
    expect([model.direction.value, model.direction.status]).toEqual(["Ⅱ", "normalized"]);
  });

  test("a chosen value given as its printed choice, or marked ○ beside one printed choice", () => {
    const grid = (row: CellValue[]) => ({ name: "x", top: 0, left: 0, values: [["事務事業評価シート"], ["事務事業コード", "12345678"], row], merges: [] });
    const achievement = (row: CellValue[]) => asProject(readSheet(grid(row), defaultVocabulary)).achievement;
    expect(achievement(["達成度", "3 ほぼ目標どおり達成"]).value).toBe("3");
    expect(achievement(["達成度", "1 目標を大きく上回って達成", "2 目標を上回って達成", "○", "3 ほぼ目標どおり達成"])).toMatchObject({ value: "2", cell: { address: "C3" } });
    // Only the choices printed: the field is the label itself.
    expect(achievement(["達成度", "1 目標を大きく上回って達成", "2 目標を上回って達成"])).toMatchObject({ value: null, status: "empty", cell: { address: "A3" } });
    expect(achievement(["達成度", "ア", "1 目標を大きく上回って達成 2 目標を上回って達成 3 ほぼ目標どおり達成"])).toMatchObject({ value: null, status: "invalid", raw: "ア" });
  });

  test("a staff-only project (事業費 0 in every column) and a 1千円 placeholder budget read as figures", () => {
    const staffOnly = withCosts((d) => {
      d.rows[0].values = d.rows[0].values.map((v) => (v === null ? null : 0));
    });
    expect(staffOnly.costs.cells.filter((c) => c.row === "projectCost" && c.value.value !== null).map((c) => c.value.value)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const placeholder = withCosts((d) => (d.rows[0].values[9] = 1));
    expect(costOf(placeholder, "projectCost", 9).value).toBe(1);
  });
});

describe("other cities' layouts", () => {
  test("杉並区: 予算額 / 実績額 (執行率 is not a figure column), the staff rows, ①–③ and 特定財源, 差引：一般財源", () => {
    const model = asProject(readSheet(suginami(), defaultVocabulary));
    expect(model.costs.columns.map((c) => [c.year.value, c.column])).toEqual([
      [2021, "budget"], [2021, "settlement"], [2022, "budget"], [2022, "settlement"], [2023, "budget"], [2023, "settlement"],
    ]);
    expect(model.costs.rows.map((r) => r.row)).toEqual([
      "projectCost", "staffCost", "staffCostOther", "totalCost", "userCharges", "national", "otherFunding", "specificFunding", "general",
    ]);
    expect(costOf(model, "totalCost", 0).value).toBe(52000 + 24000 + 3000);
    expect(costOf(model, "general", 5).value).toBe(53220 + 24600 + 3200 - (1590 + 20500 + 900));
    expect([model.header.projectCode.value, model.header.projectName.value, model.header.department.value]).toEqual(["0304-05", "地域の見守り活動支援", "保健福祉部高齢者在宅支援課"]);
    expect(model.costs.unit.value).toBe("千円");
  });

  test("北見市: 円, one column per year, ①–⑤ with their formulas, full-width and text figures", () => {
    const model = asProject(readSheet(kitami(), defaultVocabulary));
    expect(model.costs.unit.value).toBe("円");
    expect(model.costs.columns.map((c) => [c.year.value, c.column])).toEqual([[2021, "settlement"], [2022, "settlement"], [2023, "settlement"]]);
    expect(model.costs.rows.map((r) => [r.row, r.label.value])).toEqual([
      ["projectCost", "①事業費"],
      ["unitStaffCost", "②平均職員費"],
      ["staffYears", "③人員(人工)"],
      ["staffCost", "④職員費(②×③)"],
      ["totalCost", "⑤総事業費(①+④)"],
    ]);
    expect([0, 1, 2].map((k) => costOf(model, "projectCost", k).value)).toEqual([1234567, 1310000, 1402300]);
    expect(costOf(model, "staffYears", 1).value).toBe(0.5);
    expect([model.header.projectCode.value, model.header.projectCode.note]).toEqual(["20105", "full-width digits"]);
  });

  test("三重県-style years down: the year merged down over 予算 / 決算 (決算見込), hours and unit cost", () => {
    const model = asProject(readSheet(mie(), defaultVocabulary));
    expect(model.costs.orientation).toBe("down");
    expect(model.costs.columns.map((c) => [c.year.value, c.column, c.forecast, c.header.value])).toEqual([
      [2022, "budget", false, "予算"],
      [2022, "settlement", false, "決算"],
      [2023, "budget", false, "予算"],
      [2023, "settlement", true, "決算見込"],
    ]);
    expect(model.costs.rows.map((r) => r.row)).toEqual(["totalCost", "projectCost", "staffCost", "hours", "unitStaffCost"]);
    expect(costOf(model, "staffCost", 0)).toMatchObject({ value: 5310, cell: { address: "E8" } });
    expect(costOf(model, "totalCost", 3)).toMatchObject({ value: 26214, cell: { address: "C11" } });
  });

  test("a profile's scale reads the 達成度 B of a S/A/B/C/D form", () => {
    const plain = checkSheet(mie());
    expect(projectResult(plain).model.achievement).toMatchObject({ value: null, status: "invalid", raw: "B" });
    const profiled = checkSheet(mie(), { profile: { hyokaProfile: 1, name: "三重", version: 1, synonyms: {}, pins: {}, scales: { achievement: "achievement-sabcd" } } });
    expect(projectResult(profiled).model.achievement).toMatchObject({ value: "B", status: "ok" });
    expect(DEFAULT_SCALES.achievement.id).toBe("achievement-1to5");
  });
});

describe("more layouts never seen before", () => {
  const grid = (values: CellValue[][], merges: { top: number; left: number; bottom: number; right: number }[] = []) => ({ name: "x", top: 0, left: 0, values, merges });

  test("code and name in one cell, letter-spaced row labels, the unit in the row label, no title", () => {
    const model = asProject(
      readSheet(
        grid([
          ["事務事業名", "地域猫対策事業", "", "達成度", "３"],
          ["事務事業コード・事務事業名", "12345678 地域猫対策事業"],
          ["区分", "令和5年度", null, "令和6年度"],
          [null, "予算額", "決算額", "予算額", "決算額(見込）"],
          ["事 業 費 （千円）", "１，２００", "1,180", 1300, 1250],
          ["人 件 費", 4250, 4250, 4300, 4300],
          ["総 コ ス ト", 5450, 5430, 5600, 5550],
          ["人 工", "0.5", 0.5, 0.5, 0.5],
        ], [{ top: 2, left: 1, bottom: 2, right: 2 }, { top: 2, left: 3, bottom: 2, right: 4 }]),
        defaultVocabulary,
      ),
    );
    expect([model.header.projectCode.value, model.header.projectName.value]).toEqual(["12345678", "地域猫対策事業"]);
    expect(model.costs.unit.value).toBe("千円");
    expect(model.costs.rows.map((r) => r.row)).toEqual(["projectCost", "staffCost", "totalCost", "staffYears"]);
    expect(model.costs.cells.filter((c) => c.row === "projectCost").map((c) => c.value.value)).toEqual([1200, 1180, 1300, 1250]);
    expect(model.costs.columns.map((c) => [c.year.value, c.column, c.forecast])).toEqual([[2023, "budget", false], [2023, "settlement", false], [2024, "budget", false], [2024, "settlement", true]]);
    expect(model.achievement.value).toBe("3");
  });

  test("a 事務事業名 with a cost table and a 達成度 is a project sheet even without title or code", () => {
    const kind = readSheet(
      grid([
        ["事務事業名", "図書館運営事業"],
        ["方向性区分", "Ⅰ"],
        [null, "2023年度"],
        [null, "決算額"],
        ["事業費", 120000],
        ["総コスト", 150000],
      ]),
      defaultVocabulary,
    ).kind;
    expect(kind).toBe("project");
  });
});

test("headers naming year and kind at once (R4年度予算額, 令和5年度 決算, 2024決算見込)", () => {
  const model = asProject(
    readSheet(
      {
        name: "x",
        top: 0,
        left: 0,
        values: [
          ["事務事業評価シート"],
          ["事務事業コード", "87654321"],
          ["(単位:千円)", "R4年度予算額", "令和4年度 決算", "2024決算見込"],
          ["事業費", 500, 480, 510],
          ["総コスト", 900, 880, 910],
        ],
        merges: [],
      },
      defaultVocabulary,
    ),
  );
  expect(model.costs.columns.map((c) => [c.year.value, c.column, c.forecast, c.year.cell?.address])).toEqual([
    [2022, "budget", false, "B3"],
    [2022, "settlement", false, "C3"],
    [2024, "settlement", true, "D3"],
  ]);
  expect(model.costs.cells.map((c) => c.value.value)).toEqual([500, 480, 510, 900, 880, 910]);
});
