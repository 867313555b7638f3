// The project rules: the planted mistakes at their cells, the real ±1 rounding case, clean
// sheets without findings on their cost tables, the relation packs of other cities, and a
// profile that selects, adds, replaces and disables relations.
import { checkSheet, checkWorkbook, type SheetResult } from "../../../src/core/engine";
import type { Finding } from "../../../src/core/findings";
import type { SheetGrid } from "../../../src/core/grid";
import { parseProfile, type TemplateProfile } from "../../../src/core/profile";
import type { ProjectData } from "../../../src/samples/projectData";
import { kawasakiR6 } from "../../../src/samples/projectKawasakiR6";
import { renderProjectSheet } from "../../../src/samples/projectLayout";
import { projectMistakesWorkbook } from "../../../src/samples/projectMistakes";
import { projects41303000 } from "../../../src/samples/projects41303000";
import { projectResult } from "../../support/kinds";
import { kitami, mie, suginami } from "../reader/otherCities";

const COST_RULES = /^project\.cost\./;
const costFindings = (r: SheetResult): Finding[] => r.findings.filter((f) => COST_RULES.test(f.rule));
const brief = (fs: Finding[]) => fs.map((f) => [f.rule, f.severity, f.cell]);

function profile(json: object): TemplateProfile {
  const { profile: parsed, errors } = parseProfile({ hyokaProfile: 1, name: "test", version: 1, ...json });
  if (!parsed) throw new Error(errors.join("\n"));
  return parsed;
}

function r6(edit: (d: ProjectData) => void = () => {}): { grid: SheetGrid; cellOf: Record<string, string> } {
  const data = structuredClone(kawasakiR6);
  edit(data);
  return renderProjectSheet(data, "R6");
}

describe("the project mistakes workbook", () => {
  const { sheets, expected } = projectMistakesWorkbook();
  const results = checkWorkbook({ sheets: sheets.map((s) => s.grid) });
  const findings = results.flatMap((r) => r.findings);

  test("every project rule fires exactly once, at its planted cell, and nothing else but value.normalized", () => {
    for (const e of expected) {
      const hits = findings.filter((f) => f.rule === e.rule);
      expect([e.rule, hits.map((f) => [f.sheet, f.cell])]).toEqual([e.rule, [[e.sheet, e.cell === "" ? null : e.cell]]]);
    }
    const planted = new Set(expected.map((e) => e.rule));
    expect(findings.filter((f) => !planted.has(f.rule)).map((f) => [f.rule, f.sheet, f.cell])).toEqual([["value.normalized", "4130302", "C22"]]);
  });

  test("a relation finding names the target cell, relates the term cells and says the expected figure and the difference", () => {
    const total = findings.find((f) => f.rule === "project.cost.total-mismatch")!;
    expect(total).toEqual({
      rule: "project.cost.total-mismatch",
      severity: "error",
      sheet: "41303010",
      cell: "F25",
      path: "costs.cells[69].value",
      message: {
        ja: "2012年度 予算額の総コスト(F25) 32,640が、事業費A(F19) 11,860 + 人件費B(F24) 20,775 = 32,635 より5千円多くなっています。[kawasaki.total]",
        en: "2012 budget: the total cost (総コスト) (F25) 32,640 is 5 thousand yen more than project cost (事業費 A) (F19) 11,860 + staff cost (人件費 B) (F24) 20,775 = 32,635. [kawasaki.total]",
      },
      raw: "32640",
      expected: { ja: "32,635(事業費A(F19) 11,860 + 人件費B(F24) 20,775)", en: "32,635 (project cost (事業費 A) (F19) 11,860 + staff cost (人件費 B) (F24) 20,775)" },
      related: ["41303010!F19", "41303010!F24"],
    });
    const staff = findings.find((f) => f.rule === "project.cost.staff-mismatch")!;
    expect(staff.message.ja).toBe(
      "2013年度 予算額の人件費B(I24) 19,067が、人工(I26) 2.5 × 1人工あたり 8,290(推定: 3シート6列の中央値) = 20,725 より1,658千円少なくなっています。[kawasaki.staff]",
    );
    expect(staff.related).toEqual(["41303010!I26"]);
    const funding = findings.find((f) => f.rule === "project.cost.funding-mismatch")!;
    expect(funding.message.ja).toBe(
      "2011年度 予算額の事業費A(C19) 12,480が、国庫支出金(C20) 「-」(0) + 市債(C21) 「-」(0) + その他特財(C22) 500 + 一般財源(C23) 11,880 = 12,380 より100千円多くなっています。[kawasaki.funding]",
    );
    expect(funding.related).toEqual(["41303010!C20", "41303010!C21", "41303010!C22", "41303010!C23"]);
  });
});

describe("clean sheets", () => {
  test("the four 41303000 projects: no finding at all", () => {
    const results = checkWorkbook({ sheets: projects41303000.map((p, i) => renderProjectSheet(p, `P${i}`).grid) });
    expect(results.flatMap((r) => r.findings)).toEqual([]);
  });

  test("the real ±1 rounding case: a warning on each of the three R6 総コスト cells, no error, no 人件費 finding", () => {
    const { grid, cellOf } = r6();
    const result = checkSheet(grid);
    expect(brief(costFindings(result))).toEqual([
      ["project.cost.total-mismatch", "warning", cellOf["costs.totalCost[5]"]],
      ["project.cost.total-mismatch", "warning", cellOf["costs.totalCost[6]"]],
      ["project.cost.total-mismatch", "warning", cellOf["costs.totalCost[7]"]],
      ["project.cost.settlement-over-budget", "info", cellOf["costs.projectCost[4]"]],
    ]);
    expect(result.counts.error).toBe(0);
    expect(costFindings(result)[1].message).toEqual({
      ja: "2024年度 予算額の総コスト(I24) 119,201が、事業費A(I18) 48,300 + 人件費B(I23) 70,900 = 119,200 より1千円多くなっています(差が±1以内: 元の端数処理とみられます)。[kawasaki.total]",
      en: "2024 budget: the total cost (総コスト) (I24) 119,201 is 1 thousand yen more than project cost (事業費 A) (I18) 48,300 + staff cost (人件費 B) (I23) 70,900 = 119,200 (within ±1: source rounding). [kawasaki.total]",
    });
  });

  test("other cities' sheets whose figures hold: no error on their cost tables, with the pack their rows select", () => {
    for (const grid of [suginami(), kitami(), mie()]) {
      const result = checkSheet(grid);
      expect([grid.name, costFindings(result).filter((f) => f.severity !== "info")]).toEqual([grid.name, []]);
    }
  });
});

describe("the relations", () => {
  test("a difference beyond ±1 on a total is an error; a funding breakdown must hold exactly", () => {
    const { grid, cellOf } = r6((d) => {
      d.rows[6].values[0] = 112604; // 45,210 + 67,392 = 112,602
      d.rows[4].values[3] = 29601; // 15,000 + 1,280 + 29,601 ≠ 45,880
    });
    const result = checkSheet(grid);
    expect(brief(costFindings(result).filter((f) => f.severity === "error"))).toEqual([
      ["project.cost.total-mismatch", "error", cellOf["costs.totalCost[0]"]],
      ["project.cost.funding-mismatch", "error", cellOf["costs.projectCost[3]"]],
    ]);
  });

  test("人件費 against 人工 × the settings' cost per 人工: a deviation is a warning that says where the cost came from", () => {
    const { grid, cellOf } = r6();
    const result = checkSheet(grid, { settings: { staffUnitCosts: { "2024": 8600 } } });
    const staff = result.findings.filter((f) => f.rule === "project.cost.staff-mismatch");
    expect(brief(staff)).toEqual([
      ["project.cost.staff-mismatch", "warning", cellOf["costs.staffCost[5]"]],
      ["project.cost.staff-mismatch", "warning", cellOf["costs.staffCost[6]"]],
    ]);
    expect(staff[0].message.ja).toBe("2024年度 計画事業費の人件費B(H23) 70,900が、人工(H25) 8.25 × 1人工あたり 8,600(設定値) = 70,950 より50千円少なくなっています。[kawasaki.staff]");
  });

  test("the cost per 人工 is inferred from the sheets checked together: one sheet with another unit cost is the odd one out", () => {
    const odd = r6((d) => {
      d.projectCode = "10101020";
      d.rows[5].values = d.rows[5].values.map((v, k) => (k === 5 || k === 6 || k === 7 ? 71500 : v));
      d.rows[6].values = d.rows[6].values.map((v, k) => (k === 5 ? 119000 : k === 6 ? 119800 : k === 7 ? 119450 : v));
    });
    const sheets = [r6().grid, { ...r6().grid, name: "R6b" }, { ...odd.grid, name: "odd" }];
    const results = checkWorkbook({ sheets });
    const staff = results.flatMap((r) => r.findings.filter((f) => f.rule === "project.cost.staff-mismatch"));
    expect(staff.map((f) => [f.sheet, f.cell])).toEqual([
      ["odd", odd.cellOf["costs.staffCost[5]"]],
      ["odd", odd.cellOf["costs.staffCost[6]"]],
    ]);
    expect(staff[0].message.en).toContain("the cost per 人工 8,594 (inferred: median of 6 columns of 3 sheets)");
  });

  test("a future plan's 人件費 0 (not set yet) is not a staff mismatch", () => {
    const result = checkSheet(r6().grid, { settings: { staffUnitCosts: { "2025": 8700 } } });
    expect(result.findings.filter((f) => f.rule === "project.cost.staff-mismatch")).toEqual([]);
  });

  test("北見: ④ = ② × ③ exactly, in 円; 三重: 概算人件費 rounded down, so a rounded-up figure is an error", () => {
    const wrongKitami = kitami();
    wrongKitami.values[8][2] = 4076000;
    wrongKitami.values[9][2] = 5386000;
    expect(brief(costFindings(checkSheet(wrongKitami)))).toEqual([["project.cost.staff-mismatch", "error", "C9"]]);
    const roundedUp = mie();
    roundedUp.values[7][4] = 5311;
    roundedUp.values[7][2] = 25311;
    const findings = costFindings(checkSheet(roundedUp));
    expect(brief(findings)).toEqual([["project.cost.staff-mismatch", "error", "E8"]]);
    expect(findings[0].message.ja).toBe("2022年度 予算額の人件費B(E8) 5,311が、所要時間(F8) 1,235 × 人件費単価(G8) 4.3 = 5,310.5 → 5,310 より1千円多くなっています。[mie.staff]");
  });

  test("杉並: 一般財源 = 総事業費 − 特定財源 and 特定財源 = ① + ② + ③", () => {
    const grid = suginami();
    grid.values[15][1] = 56699; // 差引：一般財源 one off
    grid.values[14][4] = 22399; // 特定財源 one off
    expect(brief(costFindings(checkSheet(grid)))).toEqual([
      ["project.cost.funding-mismatch", "error", "E15"],
      ["project.cost.funding-mismatch", "error", "B16"],
      // The wrong 特定財源 also makes its column's 一般財源 disagree.
      ["project.cost.funding-mismatch", "error", "E16"],
    ]);
  });
});

describe("a department's relations in its profile, without code", () => {
  test("packs: Kawasaki's relations on a 杉並 sheet miss its other staff row", () => {
    const result = checkSheet(suginami(), { profile: profile({ costRelations: { packs: ["kawasaki"] } }) });
    expect(costFindings(result).filter((f) => f.rule === "project.cost.total-mismatch")).toHaveLength(6);
  });

  test("a relation replaced by id (no rounding tolerance), another disabled, one added", () => {
    const strict = profile({
      costRelations: {
        relations: [
          { id: "kawasaki.total", check: "total", target: "totalCost", sum: ["projectCost", "staffCost"], tolerance: 0 },
          { id: "city.staff-budget", check: "staff", target: "staffCost", product: ["staffYears", { row: "unitStaffCost", else: "yearUnitCost" }], columns: ["budget"], round: "down", severity: "error" },
        ],
        disable: ["kawasaki.staff"],
      },
    });
    const { grid, cellOf } = r6();
    const findings = costFindings(checkSheet(grid, { profile: strict, settings: { staffUnitCosts: { "2024": 8594 } } }));
    expect(brief(findings.filter((f) => f.rule !== "project.cost.settlement-over-budget"))).toEqual([
      ["project.cost.total-mismatch", "error", cellOf["costs.totalCost[5]"]],
      ["project.cost.total-mismatch", "error", cellOf["costs.totalCost[6]"]],
      ["project.cost.total-mismatch", "error", cellOf["costs.totalCost[7]"]],
    ]);
    // 8.25 × 8,594 = 70,900.5, rounded down 70,900: the added relation holds under 予算額.
    expect(findings.some((f) => f.message.en.includes("[city.staff-budget]"))).toBe(false);
  });

  test("a row of the department's own, labelled in the profile, in a relation", () => {
    // A 委託料 row under 事業費 A, part of it.
    const { grid } = r6((d) => d.rows.splice(1, 0, { id: "contracted", label: "うち委託料", values: [30000, null, 30000, 30000, null, 30000, 30000, null, 30000, 30000, null] }));
    const own = profile({
      costRelations: {
        rows: { contracted: { kind: "money", labels: ["うち委託料"] } },
        relations: [{ id: "city.contracted", check: "funding", target: "contracted", sum: ["projectCost", "-general", "-national", "-otherFunding"], severity: "warning" }],
      },
    });
    const result = projectResult(checkSheet(grid, { profile: own }));
    expect(result.model.costs.rows.map((r) => r.row)).toContain("contracted");
    const added = result.findings.filter((f) => f.message.en.includes("[city.contracted]"));
    expect(added.map((f) => f.severity)).toEqual(["warning", "warning", "warning", "warning", "warning", "warning", "warning"]);
  });

  test("mistakes in costRelations are named, and such a profile is not used", () => {
    expect(
      parseProfile({
        hyokaProfile: 1,
        name: "x",
        version: 1,
        costRelations: { packs: ["osaka"], relations: [{ id: "a", check: "sum", target: "nowhere", sum: ["projectCost", "-"] }], rows: { staffCost: { kind: "yen", labels: [] } } },
      }).errors,
    ).toEqual([
      "costRelations.rows.staffCost: expected an array of labels, or { \"kind\": \"money\" | \"count\", \"labels\": […] }",
      'costRelations.rows.staffCost.kind: expected "money" or "count"',
      'costRelations.packs: unknown pack "osaka" (shipped: kawasaki, suginami, mie, kitami, kaizuka, suita)',
      "costRelations.relations[0].check: expected one of total, funding, staff",
      'costRelations.relations[0].target: unknown row "nowhere"',
      'costRelations.relations[0].sum[1]: expected a row id, "-row" or "row?" (e.g. "projectCost", "-specificFunding", "prefectural?")',
    ]);
  });
});

describe("settlement over budget, 達成度 against the indicators", () => {
  test("決算 over 予算 is info, a warning past the setting's share", () => {
    const { grid, cellOf } = r6((d) => (d.rows[0].values[4] = 55200)); // 120.3% of 45,880
    const over = (settings = {}) => checkSheet(grid, { settings }).findings.filter((f) => f.rule === "project.cost.settlement-over-budget");
    expect(brief(over())).toEqual([["project.cost.settlement-over-budget", "warning", cellOf["costs.projectCost[4]"]]]);
    expect(brief(over({ settlementOverBudgetWarning: 0.25 }))).toEqual([["project.cost.settlement-over-budget", "info", cellOf["costs.projectCost[4]"]]]);
  });

  test("an evaluation year without its 決算額(見込） column: named as a settlement or forecast settlement column", () => {
    const { grid } = r6((d) => {
      d.years[2].columns.pop(); // R6's 決算額(見込）, the 8th figure column
      for (const row of d.rows) row.values.splice(7, 1);
    });
    const missing = checkSheet(grid).findings.filter((f) => f.rule === "project.cost.year.missing");
    expect(missing.map((f) => [f.cell, f.message, f.expected])).toEqual([
      [
        "H16",
        { ja: "評価年度(2024年度)(H16)に決算額(見込)の列がありません。", en: "The evaluation year 2024 (H16) has no settlement or forecast settlement column." },
        { ja: "2024年度の決算額(見込)", en: "the settlement for 2024" },
      ],
    ]);
  });

  test("達成度 2 (above target) against indicators at 99.4%: within the tolerance; at 80%: implausible", () => {
    const implausible = (rates: number[]) =>
      checkSheet(
        r6((d) => {
          d.achievement = 2;
          d.indicators.forEach((ind, i) => (ind.actuals[2] = Math.round((ind.targets[2] as number) * rates[i])));
        }).grid,
      ).findings.filter((f) => f.rule === "project.achievement.implausible");
    expect(implausible([0.993, 0.995])).toEqual([]);
    const found = implausible([0.8, 0.8]);
    expect(found.map((f) => [f.cell, f.message.ja])).toEqual([[r6().cellOf.achievement, `達成度(${r6().cellOf.achievement})は「2(目標を上回って達成)」ですが、2024年度の指標の平均達成率は80.0%(2件)です。`]]);
  });
});
