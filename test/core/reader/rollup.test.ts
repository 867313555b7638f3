import { checkSheet, type RollupResult, type SheetResult } from "../../../src/core/engine";
import type { RollupSheet, SheetModel } from "../../../src/core/model";
import { readSheet } from "../../../src/core/reader";
import { defaultVocabulary } from "../../../src/core/vocabulary";
import { renderSheet } from "../../../src/samples/layout";
import { renderRollup, type RollupData, type RollupLayoutOptions } from "../../../src/samples/rollupLayout";
import { sample41303000 } from "../../../src/samples/sample41303000";
import { published61401000, published62401000, published71102000 } from "./rollupPublished";

function rollupOf(model: SheetModel): RollupSheet {
  if (model.kind !== "rollup") throw new Error(`expected a roll-up, got ${model.kind}${model.kind === "other" ? `: ${model.reason}` : ""}`);
  return model;
}

function rollupResult(result: SheetResult): RollupResult {
  if (result.kind !== "rollup") throw new Error(`expected a roll-up, got ${result.kind}`);
  return result;
}

/** code:事業数/うち重点 per row, and the 合計, per block. */
function countsOf(model: RollupSheet) {
  return model.blocks.map((b) => ({
    id: b.id,
    role: b.role,
    rows: b.rows.map((r) => `${r.code.value}:${r.projects.value}/${r.priority.value}`),
    total: b.total ? `${b.total.projects.value}/${b.total.priority.value}` : null,
  }));
}

describe("published 評価票(2) sheets", () => {
  test("2010 series (71102000): every count with its code, the 点検結果 letters, ASCII numerals and the 当初を下回った typo", () => {
    const result = rollupResult(checkSheet(published71102000));
    const model = result.model;
    expect(model.header.fiscalYear.value).toBe(2010);
    expect(model.header.title.value).toBe("施策進行管理・評価表(2)");
    // No 施策課題 line is printed: the code comes from the sheet's name.
    expect(model.header.measureCode).toEqual({ value: null, raw: "", cell: null, status: "empty" });
    expect([model.header.sheetNameCode, result.summary.measureCode]).toEqual(["71102000", "71102000"]);
    expect(countsOf(model)).toEqual([
      { id: "achievement", role: "achievement", rows: ["1:0/0", "2:0/0", "3:2/0", "4:0/0", "5:0/0"], total: "2/0" },
      { id: "threeYear", role: "threeYearAchievement", rows: ["Ⅰ:0/0", "Ⅱ:0/0", "Ⅲ:2/0", "Ⅳ:0/0", "Ⅴ:0/0"], total: "2/0" },
    ]);
    expect(model.blocks[1].rows[3].label.value).toBe("当初を下回った");
    expect(model.blocks[0].rows[2].label).toMatchObject({ value: "目標をほぼ達成", cell: { address: "B7" } });
    expect(model.matrix!.cells.map((c) => `${c.row}${c.column}${c.letter.value}${c.count.value}@${c.count.cell!.address}`)).toEqual([
      "00A0@C13", "01B1@E13", "02C1@G13", "03D0@I13", "10E0@C14", "11F0@E14", "12G0@G14", "13H0@I14",
    ]);
    expect(model.matrix!.columns.map((c) => c.value)).toEqual(["予算・人員等の拡大", "予算・人員等の縮減", "予算・人員等の現状維持", "事業終了\n休止・中止・廃止"]);
    expect(model.matrix!.rows.map((c) => c.value)).toEqual(["事業目標どおり", "事業目標を変更"]);
    // Every block adds up: no finding at all.
    expect(result.findings).toEqual([]);
  });

  test.each([
    [published61401000, ["1:0/0", "2:1/0", "3:9/6", "4:0/0", "5:0/0"], ["5:0/0", "4:1/1", "3:9/5", "2:0/0", "1:0/0"], ["5:0/0", "4:1/0", "3:9/6", "2:0/0", "1:0/0"], ["Ⅰ:1/1", "Ⅱ:9/5", "Ⅲ:0/0", "Ⅳ:0/0"], "10/6"],
    [published62401000, ["1:0/0", "2:0/0", "3:4/0", "4:1/0", "5:0/0"], ["5:0/0", "4:0/0", "3:5/0", "2:0/0", "1:0/0"], ["5:0/0", "4:0/0", "3:5/0", "2:0/0", "1:0/0"], ["Ⅰ:0/0", "Ⅱ:5/0", "Ⅲ:0/0", "Ⅳ:0/0"], "5/0"],
  ])("2007 series (%#): 達成度 and the 3ヶ年の総括 blocks side by side, without 合計 under them", (grid, achievement, validity, effectiveness, status, total) => {
    const result = rollupResult(checkSheet(grid));
    expect(result.model.header.fiscalYear.value).toBe(2007);
    expect(countsOf(result.model)).toEqual([
      { id: "achievement", role: "achievement", rows: achievement, total },
      { id: "validity", role: "projectAssessment", rows: validity, total: null },
      { id: "effectiveness", role: "projectAssessment", rows: effectiveness, total: null },
      { id: "threeYear", role: "threeYearStatus", rows: status, total: null },
    ]);
    expect(result.model.matrix).toBeNull();
    expect(result.findings).toEqual([]);
  });
});

const PROJECTS: RollupData["projects"] = [
  { name: "国際環境施策推進事業", department: "環境局地球環境推進室", overview: "UNEPと連携した取組", achievement: "3", threeYear: "Ⅲ", inspection: "C", validity: "3", effectiveness: "3", priority: true },
  { name: "環境総合研究推進事業", department: "環境局環境総合研究所", overview: "環境総合研究所の取組", achievement: "3", threeYear: "Ⅳ", inspection: "G", validity: "4", effectiveness: "3", priority: false },
  { name: "国際環境産業推進事業", department: "経済労働局国際経済推進室", overview: "川崎国際環境技術展", achievement: "2", threeYear: "Ⅱ", inspection: "A", validity: "3", effectiveness: "4", priority: true },
  { name: "アジア起業家誘致交流促進事業", department: "経済労働局国際経済推進室", overview: "アジア起業家の誘致", achievement: "4", threeYear: "Ⅲ", inspection: "C", validity: "2", effectiveness: "3", priority: false },
];

function data(series: RollupData["series"]): RollupData {
  return { series, title: "施策進行管理・評価票(2)", fiscalYear: "2013年度", measureCode: "41303000", measureName: "環境技術を活かした国際貢献", planYears: [2011, 2012, 2013], projects: PROJECTS };
}

const LAYOUTS: [string, RollupLayoutOptions][] = [
  ["as published", {}],
  ["ASCII numerals, code and label in one cell, the typo, header inline", { asciiRoman: true, codeWithLabel: true, typo: true, inlineHeader: true }],
  ["projects as a table, no merges", { projectsAsTable: true, noMerges: true }],
  ["moved down and right", { rowOffset: 3, colOffset: 2 }],
];

/** The field at a model path such as `blocks[0].rows[2].projects`. */
function fieldAt(model: RollupSheet, path: string): { cell: { address: string } | null } | undefined {
  let node: unknown = model;
  for (const part of path.split(/\.|\[|\]\.?/).filter((p) => p !== "")) node = (node as Record<string, unknown> | undefined)?.[part];
  return node && typeof node === "object" && "cell" in node ? (node as { cell: { address: string } | null }) : undefined;
}

describe.each(["2010", "2007"] as const)("the %s series laid out as departments keep it", (series) => {
  test.each(LAYOUTS)("%s: every value at its cell, every project with its codes, no finding", (_name, options) => {
    const rendered = renderRollup(data(series), "評価票(2)", options);
    const result = rollupResult(checkSheet(rendered.grid));
    const model = result.model;
    expect(result.findings).toEqual([]);
    const paths = Object.keys(rendered.cellOf).filter((p) => fieldAt(model, p) !== undefined);
    expect(paths.map((p) => [p, fieldAt(model, p)!.cell?.address ?? null])).toEqual(paths.map((p) => [p, rendered.cellOf[p]]));
    expect(model.header.measureCode.value).toBe("41303000");
    expect(model.header.fiscalYear.value).toBe(2013);
    expect(model.projects.map((p) => [p.name.value, p.achievement.value, p.threeYear.value, p.priority.value])).toEqual(
      PROJECTS.map((p) => [p.name, p.achievement, p.threeYear, p.priority ? true : null]),
    );
    if (series === "2010") {
      expect(model.projects.map((p) => p.inspection.value)).toEqual(["C", "G", "A", "C"]);
      expect(countsOf(model)[1].rows).toEqual(["Ⅰ:0/0", "Ⅱ:1/1", "Ⅲ:2/1", "Ⅳ:1/0", "Ⅴ:0/0"]);
    } else {
      expect(model.projects.map((p) => [p.validity.value, p.effectiveness.value])).toEqual(options.projectsAsTable ? [["3", null], ["4", null], ["3", null], ["2", null]] : [["3", "3"], ["4", "3"], ["3", "4"], ["2", "3"]]);
      expect(countsOf(model)[3].rows).toEqual(["Ⅰ:0/0", "Ⅱ:1/1", "Ⅲ:2/1", "Ⅳ:1/0"]);
    }
    expect(model.projects[1].department.value).toBe("環境局環境総合研究所");
  });
});

describe("odd rows and columns in the count tables", () => {
  test("a blank row between a table's rows (a spacer someone inserted) does not end the table", () => {
    const rendered = renderRollup(data("2010"), "評価票(2)", { noMerges: true });
    // Under 達成度 2 (row 7): the rows after it move down by one.
    rendered.grid.values.splice(7, 0, Array(9).fill(null));
    const result = rollupResult(checkSheet(rendered.grid));
    expect(countsOf(result.model)[0]).toEqual({ id: "achievement", role: "achievement", rows: ["1:0/0", "2:1/1", "3:2/1", "4:1/0", "5:0/0"], total: "4/2" });
    expect(result.model.blocks[0].rows[2].projects.cell?.address).toBe("C9");
    expect(result.model.blocks[0].total?.projects.cell?.address).toBe("C12");
    expect(result.findings).toEqual([]);
  });
});

describe("the listed projects", () => {
  test("in a table, a dash under 重点 (－, -: blank as the forms write it) is no 重点 mark", () => {
    const rendered = renderRollup(data("2010"), "評価票(2)", { projectsAsTable: true });
    // 重点 in column F, the projects from row 27; the 2nd and 4th are not 重点.
    rendered.grid.values[27][5] = "－";
    rendered.grid.values[29][5] = "-";
    const result = rollupResult(checkSheet(rendered.grid));
    expect(result.model.projects.map((p) => p.priority)).toEqual([
      { value: true, raw: "○", cell: { sheet: "評価票(2)", address: "F27" }, status: "ok" },
      { value: null, raw: "－", cell: { sheet: "評価票(2)", address: "F28" }, status: "no-value" },
      { value: true, raw: "○", cell: { sheet: "評価票(2)", address: "F29" }, status: "ok" },
      { value: null, raw: "-", cell: { sheet: "評価票(2)", address: "F30" }, status: "no-value" },
    ]);
    expect(result.findings).toEqual([]);
  });

  test("in a table, a project whose name is merged over two rows is followed by the next project, not the end of the list", () => {
    const rendered = renderRollup(data("2010"), "評価票(2)", { projectsAsTable: true, noMerges: true });
    // The first project (row 27) gets a second row, its name merged over A27:A28.
    rendered.grid.values.splice(27, 0, Array(9).fill(null));
    rendered.grid.merges.push({ top: 26, left: 0, bottom: 27, right: 0 });
    const result = rollupResult(checkSheet(rendered.grid));
    expect(result.model.projects.map((p) => `${p.name.value}@${p.name.cell?.address}`)).toEqual(PROJECTS.map((p, i) => `${p.name}@A${i === 0 ? 27 : 28 + i}`));
    expect(result.findings).toEqual([]);
  });
});

describe("what is a roll-up", () => {
  test("a titled (2) with 施策課題 and 評価年度 is a roll-up, not an evaluation sheet; a (1) stays one", () => {
    expect(readSheet(renderRollup(data("2010"), "x").grid, defaultVocabulary).kind).toBe("rollup");
    expect(readSheet(renderSheet(sample41303000, "41303000").grid, defaultVocabulary).kind).toBe("evaluation");
  });

  test("untitled: a counts table with 事業数 and うち重点 and no section of the (1)", () => {
    const rendered = renderRollup({ ...data("2010"), title: "" }, "counts");
    expect(rollupOf(readSheet(rendered.grid, defaultVocabulary)).blocks).toHaveLength(2);
  });

  test("a (2) without 施策課題 takes the code from its sheet name, or has none", () => {
    const noCode = { ...data("2007"), measureCode: null, measureName: null };
    expect(rollupOf(readSheet(renderRollup(noCode, "41303000(2)").grid, defaultVocabulary)).header.sheetNameCode).toBe("41303000");
    expect(rollupResult(checkSheet(renderRollup(noCode, "41303000(2)").grid)).summary.measureCode).toBe("41303000");
    expect(rollupOf(readSheet(renderRollup(noCode, "評価票(2)").grid, defaultVocabulary)).header.sheetNameCode).toBeNull();
  });
});
