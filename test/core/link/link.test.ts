import { checkWorkbook } from "../../../src/core/engine";
import { measureTree } from "../../../src/core/link/tree";
import { linkSheets, type LinkDigest, type LinkInput, type ProjectDigest, type RollupDigest } from "../../../src/core/link";
import { digestsOf } from "../../../src/core/report";
import { DEFAULT_SETTINGS, withDefaults } from "../../../src/core/settings";
import { familyWorkbook } from "../../../src/samples/family41303000";
import { renderProjectSheet } from "../../../src/samples/projectLayout";
import { projects41303000 } from "../../../src/samples/projects41303000";

/** The clean family's digests: (1), (2), four projects. */
function family(): LinkDigest[] {
  return digestsOf(checkWorkbook({ sheets: familyWorkbook().map((s) => s.grid) })).filter((d): d is LinkDigest => d !== null);
}

const inputs = (digests: LinkDigest[], file: string | null = null): LinkInput[] => digests.map((digest) => ({ file, digest }));
const rules = (r: ReturnType<typeof linkSheets>) => r.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell]);

describe("linkSheets", () => {
  test("the family is one group and agrees everywhere", () => {
    const r = linkSheets(inputs(family()), DEFAULT_SETTINGS, { singleFile: true });
    expect(rules(r)).toEqual([]);
    expect(r.groups).toHaveLength(1);
  });

  test("a (1) checked alone: no link at all, and no missing project while no project sheet is checked", () => {
    const [measure] = family();
    const r = linkSheets(inputs([measure]), DEFAULT_SETTINGS, { singleFile: true });
    expect(r).toEqual({ groups: [], findings: [] });
  });

  test("project sheets in 円 are summed in the 施策's 千円", () => {
    const [measure, rollup, ...projects] = family();
    const inYen = projects.map((p) => {
      const d = p as ProjectDigest;
      return { ...d, costUnit: "円", costs: d.costs.map((c) => ({ ...c, value: c.value === null ? null : c.value * 1000 })) };
    });
    const r = linkSheets(inputs([measure, rollup, ...inYen]), DEFAULT_SETTINGS, { singleFile: true });
    expect(rules(r)).toEqual([]);
    expect(r.groups[0].costs[0]).toMatchObject({ measure: 43769, projectsSum: 43769, difference: 0 });
  });

  test("link.cost.mismatch: beyond the tolerance only, and never on a partial sum", () => {
    const [measure, rollup, first, ...others] = family() as [LinkDigest, LinkDigest, ProjectDigest, ...LinkDigest[]];
    const off = { ...first, costs: first.costs.map((c, i) => (i === 0 ? { ...c, value: (c.value as number) + 2 } : c)) };
    const strict = linkSheets(inputs([measure, rollup, off, ...others]), DEFAULT_SETTINGS, { singleFile: true });
    expect(rules(strict)).toEqual([["link.cost.mismatch", "error", "41303000(1)", "B41"]]);
    expect(strict.findings[0].message.en).toBe("The 2011 budget (B41) 43,769 differs by -2 from the sum of its 4 projects' 事業費 A, 43,771.");
    expect(rules(linkSheets(inputs([measure, rollup, off, ...others]), withDefaults({ linkCostTolerance: 2 }), { singleFile: true }))).toEqual([]);
    // A blank figure on one project: the sum is partial, not compared (and said so in links[]).
    const blank = { ...first, costs: first.costs.map((c, i) => (i === 0 ? { ...c, value: null } : c)) };
    const partial = linkSheets(inputs([measure, rollup, blank, ...others]), DEFAULT_SETTINGS, { singleFile: true });
    expect(rules(partial)).toEqual([]);
    expect(partial.groups[0].costs[0]).toMatchObject({ measure: 43769, projectsSum: 31289, difference: 12480, projectsMissing: 1 });
  });

  test("link.project.missing: a warning over several files, info for one; the listed project's costs are then not compared", () => {
    const [measure, rollup, , ...rest] = family();
    const many = linkSheets([{ file: "a.xlsx", digest: measure }, { file: "a.xlsx", digest: rollup }, ...inputs(rest, "b.xlsx")], DEFAULT_SETTINGS, { singleFile: false });
    expect(rules(many)).toEqual([["link.project.missing", "warning", "41303000(1)", "A45"]]);
    expect(many.findings[0]).toMatchObject({ file: "a.xlsx", path: "projects[0].name" });
    expect(many.groups[0].costs.every((c) => c.projectsMissing === 1)).toBe(true);
    expect(rules(linkSheets(inputs([measure, rollup, ...rest]), DEFAULT_SETTINGS, { singleFile: true }))[0][1]).toBe("info");
  });

  test("a project is found by the 施策 its 政策体系 names, by code or by name, or by its name in a list", () => {
    const [measure, , ...projects] = family() as [LinkDigest, LinkDigest, ...ProjectDigest[]];
    const byName = projects.map((p) => ({ ...p, measure: { ...p.measure!, code: null } }));
    expect(linkSheets(inputs([measure, ...byName]), DEFAULT_SETTINGS, { singleFile: true }).groups[0].projects.map((p) => p.sheet)).toEqual(["41303010", "41303020", "41303030", "41303040"]);
    const unnamed = projects.map((p) => ({ ...p, measure: null }));
    const r = linkSheets(inputs([measure, ...unnamed]), DEFAULT_SETTINGS, { singleFile: true });
    expect(r.groups[0].projects.every((p) => p.listed && p.sheet !== null)).toBe(true);
    expect(rules(r)).toEqual([]);
  });

  test("link.project.unlisted: named by its 政策体系, missing from the list", () => {
    const [measure, rollup, ...projects] = family() as [LinkDigest, RollupDigest, ...ProjectDigest[]];
    const extra = { ...projects[0], sheet: "41303050", projectCode: "41303050", projectName: "グリーン・イノベーション推進事業", key: "グリーン・イノベーション推進事業" };
    const r = linkSheets(inputs([measure, rollup, ...projects, extra]), DEFAULT_SETTINGS, { singleFile: true });
    expect(rules(r)).toEqual([["link.project.unlisted", "warning", "41303000(1)", "A45"]]);
    expect(r.findings[0].related).toEqual(["41303050!D3"]);
    // Unlisted, so left out of the sums: the costs still agree.
    expect(r.groups[0].costs.every((c) => c.difference === 0)).toBe(true);
  });

  test("link.rollup.differs: a 点検結果 letter saying another thing about resources than the 方向性区分", () => {
    const [measure, rollup, ...projects] = family() as [LinkDigest, RollupDigest, ...ProjectDigest[]];
    const expand = { ...rollup, projects: rollup.projects.map((p, i) => (i === 0 ? { ...p, inspection: "A", inspectionTag: "expand" as const } : p)) };
    const r = linkSheets(inputs([measure, expand, ...projects]), DEFAULT_SETTINGS, { singleFile: true });
    expect(rules(r)).toEqual([["link.rollup.differs", "warning", "41303000(2)", rollup.projects[0].inspectionCell]]);
    expect(r.findings[0].message.ja).toContain("点検結果 A");
  });

  test("link.rollup.differs: a list without codes — the 達成度 counts against the project sheets, one finding", () => {
    const [measure, rollup, ...projects] = family() as [LinkDigest, RollupDigest, ...ProjectDigest[]];
    const bare = { ...rollup, projects: rollup.projects.map((p) => ({ ...p, achievement: null, inspectionTag: null })) };
    const regraded = projects.map((p, i) => (i === 3 ? { ...p, achievement: "3" } : p));
    const r = linkSheets(inputs([measure, bare, ...regraded]), DEFAULT_SETTINGS, { singleFile: true });
    expect(rules(r)).toEqual([["link.rollup.differs", "warning", "41303000(2)", "C8"]]);
    expect(r.findings[0].message.en).toBe("The roll-up's achievement counts differ from the project sheets: 3 2 (C8), 3 on the sheets; 4 1 (C9), 0 on the sheets.");
  });

  test("project sheets of another evaluation year are not linked to this one", () => {
    const [measure, rollup, ...projects] = family() as [LinkDigest, LinkDigest, ...ProjectDigest[]];
    const later = projects.map((p) => ({ ...p, fiscalYear: 2014 }));
    const r = linkSheets(inputs([measure, rollup, ...later]), DEFAULT_SETTINGS, { singleFile: true });
    expect(r.groups.map((g) => [g.fiscalYear, g.measureSheet?.sheet ?? null, g.projects.filter((p) => p.sheet).length])).toEqual([
      [2013, "41303000(1)", 0],
      [2014, null, 4],
    ]);
  });

  test("a project sheet read from a real layout names 41303000 by code (施策課題, not 基本施策)", () => {
    const [digest] = digestsOf(checkWorkbook({ sheets: [renderProjectSheet(projects41303000[0], "p").grid] }));
    expect((digest as ProjectDigest).measure).toEqual({ code: "41303000", name: "環境技術を活かした国際貢献", key: "環境技術を活かした国際貢献", cell: expect.any(String) });
  });
});

describe("measureTree", () => {
  test("政策 → 施策 → 事務事業 with the evaluation year's figures, each at its sheet and cell", () => {
    const r = linkSheets(inputs(family()), DEFAULT_SETTINGS, { singleFile: true });
    const tree = measureTree(r.groups);
    expect(tree.map((p) => [p.name, p.measures.map((m) => m.code)])).toEqual([["環境を守り自然と調和したまちづくり", ["41303000"]]]);
    const [m] = tree[0].measures;
    expect([m.budget, m.settlement, m.forecast, m.evaluationCode]).toEqual([
      { value: 21959, file: null, sheet: "41303000(1)", cell: "H41" },
      { value: 21165, file: null, sheet: "41303000(1)", cell: "I41" },
      true,
      { value: "AⅡ", file: null, sheet: "41303000(1)", cell: familyWorkbook()[0].cellOf["evaluation.codes[2].code"] },
    ]);
    expect(m.executionRate).toBeCloseTo(21165 / 21959, 12);
    expect([m.projectsBudget, m.budgetDifference, m.projectsSettlement, m.settlementDifference]).toEqual([21959, 0, 21165, 0]);
    const sheets = familyWorkbook().slice(2);
    expect(m.projects.map((p) => [p.name, p.budget.value, p.budget.cell, p.settlement.value, p.forecast, p.achievement.value, p.achievement.cell, p.direction.value])).toEqual([
      ["国際環境施策推進事業", 9870, "I19", 9512, true, "3", sheets[0].cellOf.achievement, "Ⅱ"],
      ["環境総合研究推進事業", 3420, "I19", 3301, true, "2", sheets[1].cellOf.achievement, "Ⅱ"],
      ["国際環境産業推進事業", 7214, "I19", 6980, true, "3", sheets[2].cellOf.achievement, "Ⅰ"],
      ["アジア起業家誘致交流促進事業", 1455, "I19", 1372, true, "4", sheets[3].cellOf.achievement, "Ⅳ"],
    ]);
    expect(m.projects[0].executionRate).toBeCloseTo(9512 / 9870, 12);
  });
});
