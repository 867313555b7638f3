import { readSheet } from "../../../src/core/reader";
import { defaultVocabulary } from "../../../src/core/vocabulary";
import { applyProfile, fieldLocations, newProfile, sectionTitle, setPin, type TemplateProfile } from "../../../src/core/profile";
import { asEvaluation, moveBlock, sampleGrid } from "./support";

describe("fieldLocations", () => {
  const model = asEvaluation(readSheet(sampleGrid(), defaultVocabulary));
  const rows = fieldLocations(model);
  const row = (path: string) => rows.find((r) => r.path === path);

  it("lists every field by section, in sheet order", () => {
    const sections = [...new Set(rows.map((r) => r.section))];
    expect(sections).toEqual(["基本情報", "実行計画", "成果の説明", "評価", "参考指標①", "参考指標②", "参考指標③", "事業費", "事務事業", "用語説明"]);
    expect(rows.filter((r) => r.section === "基本情報").map((r) => [r.path, r.cell])).toEqual([
      ["header.title", "A1"],
      ["header.fiscalYear", "B2"],
      ["header.measureCode", "B5"],
      ["header.measureName", "C5"],
      ["header.department", "J5"],
      ["header.basicPolicy", "B6"],
      ["header.policyDirection", "F6"],
      ["header.basicMeasure", "J6"],
      ["header.relatedDepartments", "B7"],
      ["header.priority", "J7"],
    ]);
    // 3 indicators × (5 + 4 rows × 4) + 1 + 3 × 2 + … : every field appears once
    expect(rows).toHaveLength(10 + 6 + 2 + (1 + 3 * 2 + 2) + 3 * (5 + 4 * 4) + (1 + 3 * 4) + 4 * 2 + 1);
    expect(new Set(rows.map((r) => r.path)).size).toBe(rows.length);
  });

  it("gives each row its label, cell or range, raw text and pin state", () => {
    expect(row("header.fiscalYear")).toEqual({
      section: "基本情報",
      path: "header.fiscalYear",
      label: { ja: "評価年度", en: "Fiscal year" },
      cell: "B2",
      raw: "2013年度",
      pinned: false,
    });
    expect(row("header.priority")).toMatchObject({ cell: "J7", raw: "" }); // blank 重点: the slot is still shown
    expect(row("evaluation.codes")).toMatchObject({ cell: "B17:D18", pinned: false });
    expect(row("evaluation.codes[2].code")).toMatchObject({ label: { ja: "2013年度の評価区分", en: "Evaluation code 2013" }, cell: "D18", raw: "AⅡ" });
    expect(row("indicators[2].table")).toMatchObject({ section: "参考指標③", cell: "I31:L35", raw: "" });
    expect(row("indicators[2].rows[3].actual")).toMatchObject({ label: { ja: "2013年度 実績値", en: "2013 actual" }, cell: "K35", raw: "36" });
    expect(row("budget.table")).toMatchObject({ cell: "B39:I41" });
    expect(row("budget[2].settlement")).toMatchObject({ label: { ja: "2013年度 決算見込", en: "2013 forecast settlement" }, cell: "I41", raw: "21165" });
    expect(row("projects[3].name")).toMatchObject({ section: "事務事業", cell: "G46", raw: "アジア起業家誘致交流促進事業" });
  });

  it("shows a field that was not found with a null cell", () => {
    const grid = sampleGrid();
    grid.values[1][0] = null; // 評価年度 label
    expect(fieldLocations(asEvaluation(readSheet(grid, defaultVocabulary))).find((r) => r.path === "header.fiscalYear")).toMatchObject({ cell: null, raw: "" });
  });

  it("marks pinned fields and tables", () => {
    const grid = sampleGrid();
    moveBlock(grid, "I31:L35", "N50");
    let profile = setPin(newProfile("p"), "indicators[2].table", "N50:Q54").profile as TemplateProfile;
    profile = setPin(profile, "header.fiscalYear", "B2").profile as TemplateProfile;
    const pinned = fieldLocations(asEvaluation(applyProfile(grid, defaultVocabulary, profile).model)).filter((r) => r.pinned);
    expect(pinned.map((r) => `${r.path} ${r.cell}`)).toEqual([
      "header.fiscalYear B2",
      "indicators[2].unit Q51",
      "indicators[2].table N50:Q54",
      ...[0, 1, 2, 3].flatMap((j) => ["year", "plan", "actual", "unit"].map((k, c) => `indicators[2].rows[${j}].${k} ${"NOPQ"[c]}${51 + j}`)),
    ]);
  });

  it("names sections in English too", () => {
    expect(sectionTitle("参考指標②")).toEqual({ ja: "参考指標②", en: "Indicator ②" });
    expect(sectionTitle("事業費")).toEqual({ ja: "事業費", en: "Budget" });
  });
});
