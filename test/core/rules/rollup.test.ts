import { checkSheet } from "../../../src/core/engine";
import type { Finding } from "../../../src/core/findings";
import { renderRollup, setAt, type RollupData } from "../../../src/samples/rollupLayout";

const PROJECTS: RollupData["projects"] = [
  { name: "国際環境施策推進事業", department: "環境局地球環境推進室", overview: "-", achievement: "3", threeYear: "Ⅲ", inspection: "C", validity: "3", effectiveness: "3", priority: true },
  { name: "環境総合研究推進事業", department: "環境局環境総合研究所", overview: "-", achievement: "3", threeYear: "Ⅳ", inspection: "G", validity: "4", effectiveness: "3", priority: false },
  { name: "国際環境産業推進事業", department: "経済労働局国際経済推進室", overview: "-", achievement: "2", threeYear: "Ⅱ", inspection: "A", validity: "3", effectiveness: "4", priority: true },
  { name: "アジア起業家誘致交流促進事業", department: "経済労働局国際経済推進室", overview: "-", achievement: "4", threeYear: "Ⅲ", inspection: "C", validity: "2", effectiveness: "3", priority: false },
];

function sheet(series: RollupData["series"] = "2010", projects = PROJECTS) {
  return renderRollup({ series, title: "施策進行管理・評価票(2)", fiscalYear: "2013年度", measureCode: "41303000", measureName: "環境技術を活かした国際貢献", planYears: [2011, 2012, 2013], projects }, "評価票(2)");
}

const brief = (f: Finding) => ({ rule: f.rule, severity: f.severity, cell: f.cell });

describe("roll-up rules: one planted mistake, one finding at its cell", () => {
  test("rollup.total.mismatch: a 合計 that is not the rows' sum (and nothing else follows from it)", () => {
    const s = sheet();
    const cell = setAt(s, "blocks[1].total.projects", 5);
    const findings = checkSheet(s.grid).findings;
    expect(findings.map(brief)).toEqual([{ rule: "rollup.total.mismatch", severity: "error", cell }]);
    expect(findings[0].message).toEqual({
      ja: `「3ヵ年の事業目標に対する達成度」の表の事業数の合計(${cell})は 5 ですが、各行の和は 4 です(差 1)。`,
      en: `The total project count (事業数) of the "three-year class" table (${cell}) is 5, but its rows add up to 4 (difference 1).`,
    });
    expect(findings[0].related).toEqual([0, 1, 2, 3, 4].map((r) => `評価票(2)!${s.cellOf[`blocks[1].rows[${r}].projects`]}`));
  });

  test("rollup.priority.exceeds: うち重点 above 事業数 on a row, the sums unchanged", () => {
    const s = sheet();
    // 達成度 2: 1/1 → 1/2 and 3: 2/1 → 2/0 keeps Σ うち重点 = 2.
    const cell = setAt(s, "blocks[0].rows[1].priority", 2);
    setAt(s, "blocks[0].rows[2].priority", 0);
    const findings = checkSheet(s.grid).findings;
    expect(findings.map(brief)).toEqual([{ rule: "rollup.priority.exceeds", severity: "error", cell }]);
    expect(findings[0].message.ja).toBe(`「達成度」の表の2の行で、うち重点(${cell}) 2 が事業数(C7) 1 を上回っています。`);
  });

  test("rollup.priority.exceeds on a row whose code is blank names the row by its cell", () => {
    const s = sheet();
    const code = setAt(s, "blocks[0].rows[1].code", null);
    // Its label too: the label alone would give the code.
    setAt(s, "blocks[0].rows[1].label", null);
    const cell = setAt(s, "blocks[0].rows[1].priority", 2);
    setAt(s, "blocks[0].rows[2].priority", 0);
    const finding = checkSheet(s.grid).findings.find((f) => f.rule === "rollup.priority.exceeds")!;
    expect(finding.cell).toBe(cell);
    expect(finding.message).toEqual({
      ja: `「達成度」の表のコードのない行(${code})で、うち重点(${cell}) 2 が事業数(C7) 1 を上回っています。`,
      en: `In the "achievement" table, the row without a code (${code}): the priority count (${cell}) 2 exceeds the project count (C7) 1.`,
    });
  });

  test("rollup.priority.inconsistent: another Σ うち重点 than the 達成度 table's, its own 合計 agreeing", () => {
    const s = sheet();
    const row = setAt(s, "blocks[1].rows[3].priority", 1);
    const total = setAt(s, "blocks[1].total.priority", 3);
    const findings = checkSheet(s.grid).findings;
    expect(findings.map(brief)).toEqual([{ rule: "rollup.priority.inconsistent", severity: "error", cell: total }]);
    expect(row).toBe("D21");
    expect(findings[0].related).toEqual(["評価票(2)!D11"]);
    expect(findings[0].message.en).toBe(`The priority count (うち重点) of the "three-year class" table (${total}) adds up to 3, but the "achievement" table counts 2; every table counts the same projects.`);
  });

  test("rollup.projects.inconsistent: a table that counts another number of projects", () => {
    const s = sheet("2007");
    // 事業の妥当性: one more project under 5, so its rows add up to 5 (no 合計 printed).
    const cell = setAt(s, "blocks[1].rows[0].projects", 1);
    const findings = checkSheet(s.grid).findings;
    expect(findings.map(brief)).toEqual([
      { rule: "rollup.projects.inconsistent", severity: "error", cell: s.cellOf["blocks[1].rows[4].projects"] },
      { rule: "rollup.rows.mismatch", severity: "error", cell },
    ]);
  });

  test("rollup.matrix.mismatch: 点検結果 letters that add up to another total", () => {
    const s = sheet();
    setAt(s, "matrix.cells[3].count", 1);
    const findings = checkSheet(s.grid).findings;
    expect(findings.map(brief)).toEqual([{ rule: "rollup.matrix.mismatch", severity: "error", cell: "A13" }]);
    expect(findings[0].message.ja).toBe("点検結果(A13)の件数の和は 5 ですが、「達成度」の表の事業数は 4 です。");
    // At the heading: its text, as every finding's raw is its cell's.
    expect(findings[0].raw).toBe("点検結果");
  });

  test("rollup.rows.mismatch: a listed project's code the counts do not include, reported once per table", () => {
    const s = sheet();
    // The list says Ⅴ for the last project; the 3ヵ年 table still counts it under Ⅲ.
    const code = setAt(s, "projects[3].threeYear", "Ⅴ");
    const findings = checkSheet(s.grid).findings;
    expect(findings.map(brief)).toEqual([{ rule: "rollup.rows.mismatch", severity: "error", cell: "C20" }]);
    expect(findings[0].message.ja).toBe("「3ヵ年の事業目標に対する達成度」の表の事業数が一覧の事務事業と合いません: Ⅲ は表で 2 件(C20)、一覧で 1 件; Ⅴ は表で 0 件(C22)、一覧で 1 件。");
    expect(findings[0].related).toContain(`評価票(2)!${code}`);
  });

  test("rollup.rows.mismatch: 重点 marks and 点検結果 letters against the list", () => {
    const s = sheet();
    // The mark goes right of the project's 達成度.
    const achievement = s.cellOf["projects[1].achievement"];
    s.cellOf["projects[1].priority"] = `C${achievement.slice(1)}`;
    setAt(s, "projects[1].priority", "重点");
    setAt(s, "projects[0].inspection", "D");
    const findings = checkSheet(s.grid).findings;
    expect(findings.map(brief)).toEqual([
      { rule: "rollup.rows.mismatch", severity: "error", cell: "D11" },
      { rule: "rollup.rows.mismatch", severity: "error", cell: "G14" },
    ]);
    expect(findings[1].message.en).toBe("The inspection counts differ from the listed projects: C 2 in the table (G14), 1 listed; D 0 in the table (I14), 1 listed.");
  });

  test("rollup.value.invalid: an unreadable count or code, and the sums that need it are not guessed", () => {
    const s = sheet();
    const cell = setAt(s, "blocks[0].rows[2].projects", "二");
    setAt(s, "projects[0].achievement", "6");
    const findings = checkSheet(s.grid).findings;
    expect(findings.map(brief)).toEqual([
      { rule: "rollup.value.invalid", severity: "error", cell },
      { rule: "rollup.value.invalid", severity: "error", cell: s.cellOf["projects[0].achievement"] },
    ]);
    expect(findings[0].message.ja).toBe(`「達成度」の表の事業数(${cell})「二」を読めません。`);
    expect(findings[1].message.en).toBe(`The achievement of project "国際環境施策推進事業" (${s.cellOf["projects[0].achievement"]}) "6" cannot be read.`);
  });

  test.each([["△1"], ["1.5"], [1.5], [-1]])("rollup.value.invalid: %p is no count of projects — reported at its cell, not summed", (raw) => {
    const s = sheet();
    // 達成度 2 counts one project.
    const cell = setAt(s, "blocks[0].rows[1].projects", raw);
    const { findings, model } = checkSheet(s.grid);
    expect(model.kind === "rollup" && model.blocks[0].rows[1].projects).toEqual({ value: null, raw: String(raw), cell: { sheet: "評価票(2)", address: cell }, status: "invalid", note: "not a count (a whole number, 0 or more)" });
    expect(findings.map(brief)).toEqual([{ rule: "rollup.value.invalid", severity: "error", cell }]);
    expect(findings[0]).toMatchObject({
      raw: String(raw),
      expected: { ja: "0以上の整数(件数)", en: "a whole number of projects" },
      message: { ja: `「達成度」の表の事業数(${cell})「${raw}」を読めません。`, en: `A project count (事業数) of the "achievement" table (${cell}) "${raw}" cannot be read.` },
    });
  });

  test("rollup.value.invalid: an unreadable 点検結果 letter, where the other rows have letters, is reported and its count still counted", () => {
    const s = sheet();
    const cell = setAt(s, "matrix.cells[0].letter", "Ｘ");
    const { findings, model } = checkSheet(s.grid);
    expect(findings.map(brief)).toEqual([{ rule: "rollup.value.invalid", severity: "error", cell }]);
    expect(findings[0]).toMatchObject({ raw: "Ｘ", path: "matrix.cells[0].letter", expected: { ja: "A〜H", en: "A to H" } });
    expect(model.kind === "rollup" && model.matrix!.cells[0]).toMatchObject({ row: 0, column: 0, letter: { value: null, status: "invalid" }, count: { value: 1, cell: { address: "C14" } } });
  });

  test("a count written with its unit (2件, ２ 件) is read, noted, and adds up: no finding", () => {
    const s = sheet();
    const cell = setAt(s, "blocks[0].rows[2].projects", "２ 件");
    setAt(s, "blocks[0].total.projects", "4件");
    const { findings, model } = checkSheet(s.grid);
    expect(findings).toEqual([]);
    expect(model.kind === "rollup" && model.blocks[0].rows[2].projects).toEqual({
      value: 2, raw: "２ 件", cell: { sheet: "評価票(2)", address: cell }, status: "normalized", note: "full-width digits; unit 件 removed",
    });
  });

  test("rollup.rows.mismatch: an unreadable count is not compared with the list as if it were 0", () => {
    const s = sheet();
    // 達成度 3 counts two listed projects; its count cannot be read.
    const cell = setAt(s, "blocks[0].rows[2].projects", "二");
    expect(checkSheet(s.grid).findings.map(brief)).toEqual([{ rule: "rollup.value.invalid", severity: "error", cell }]);
  });

  test.each([
    ["the 3ヵ年 table", 16],
    ["the 達成度 table", 4],
  ])("a table that prints no うち重点 column (%s) is not compared on うち重点: no finding", (_name, headerRow) => {
    const s = sheet();
    // The header and the うち重点 of every row and of 合計 (column D) left out.
    for (let r = headerRow; r <= headerRow + 6; r++) s.grid.values[r][3] = null;
    expect(checkSheet(s.grid).findings).toEqual([]);
  });

  test("the single-year 達成度 and the 3-year class are never compared", () => {
    // A project 3 for the year and Ⅴ for the three years: consistent counts, no finding.
    const projects = PROJECTS.map((p, i) => (i === 0 ? { ...p, threeYear: "Ⅴ" } : p));
    expect(checkSheet(sheet("2010", projects).grid).findings).toEqual([]);
  });
});
