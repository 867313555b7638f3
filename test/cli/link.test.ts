// Linking end to end: the 41303000 family in one workbook, the mistakes variant, and the family
// split into one file per sheet (linked across files), with and without --no-link.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { EXIT, main } from "../../src/cli/main";
import type { Report, ReportIssue } from "../../src/core/report";
import { familyMistakesWorkbook, familyWorkbook } from "../../src/samples/family41303000";
import { captureIo } from "./fixtures";
import { validate } from "./schemaValidator";

const schema = JSON.parse(readFileSync(path.join(__dirname, "../../docs/report.schema.json"), "utf8"));
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hyoka-link-"));
  writeFileSync(path.join(dir, "family.xlsx"), await writeXlsx({ sheets: familyWorkbook().map((s) => s.grid) }));
  writeFileSync(path.join(dir, "variant.xlsx"), await writeXlsx({ sheets: familyMistakesWorkbook().sheets.map((s) => s.grid) }));
  // The family as separate files, as departments file them: one workbook per sheet.
  for (const sheet of familyMistakesWorkbook().sheets) {
    writeFileSync(path.join(dir, `split-${sheet.grid.name}.xlsx`), await writeXlsx({ sheets: [sheet.grid] }));
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(args: string[]): Promise<{ code: number; report: Report; err: string; text: string }> {
  const io = captureIo(dir);
  const code = await main(["check", "--format", "json", "--no-model", ...args], io);
  return { code, report: JSON.parse(io.out()) as Report, err: io.err(), text: io.out() };
}

const linkIssues = (report: Report): Array<[string, string, string | null, string]> =>
  report.files.flatMap((f) =>
    f.sheets.flatMap((s) => s.issues.filter((i: ReportIssue) => /^(link|rollup)\./.test(i.rule)).map((i): [string, string, string | null, string] => [f.path, i.sheet, i.cell, i.rule])),
  );

describe("hyoka check on the 41303000 family", () => {
  it("links the (1), the (2) and the four projects of one workbook: no link or roll-up finding, every sum equal", async () => {
    const { code, report } = await check(["family.xlsx"]);
    expect(code).toBe(EXIT.ok);
    expect(validate(schema, report)).toEqual([]);
    expect(linkIssues(report)).toEqual([]);
    expect(report.totals).toMatchObject({ sheets: 6, evaluationSheets: 1, rollupSheets: 1, projectSheets: 4 });
    expect(report.links).toHaveLength(1);
    const [link] = report.links;
    expect([link.measureCode, link.measureSheet, link.rollupSheet, link.costUnit]).toEqual(["41303000", { file: "family.xlsx", sheet: "41303000(1)" }, { file: "family.xlsx", sheet: "41303000(2)" }, "千円"]);
    expect(link.projects.map((p) => [p.name, p.code, p.file, p.sheet, p.listed])).toEqual([
      ["国際環境施策推進事業", "41303010", "family.xlsx", "41303010", true],
      ["環境総合研究推進事業", "41303020", "family.xlsx", "41303020", true],
      ["国際環境産業推進事業", "41303030", "family.xlsx", "41303030", true],
      ["アジア起業家誘致交流促進事業", "41303040", "family.xlsx", "41303040", true],
    ]);
    expect(link.costs.every((c) => c.difference === 0 && c.projectsMissing === 0)).toBe(true);
    expect(link.costs.map((c) => c.measure)).toEqual([43769, 38182, 39173, 37355, 34473, 38802, 21959, 21165]);
    // Every link and roll-up rule ran, zero counts included.
    expect(report.totals.byRule.filter((r) => /^(link|rollup)\./.test(r.rule)).map((r) => [r.rule, r.severity, r.count])).toEqual([
      ["link.cost.mismatch", "error", 0],
      ["rollup.matrix.mismatch", "error", 0],
      ["rollup.priority.exceeds", "error", 0],
      ["rollup.priority.inconsistent", "error", 0],
      ["rollup.projects.inconsistent", "error", 0],
      ["rollup.rows.mismatch", "error", 0],
      ["rollup.total.mismatch", "error", 0],
      ["rollup.value.invalid", "error", 0],
      ["link.achievement.differs", "warning", 0],
      ["link.project.missing", "warning", 0],
      ["link.project.unlisted", "warning", 0],
      ["link.rollup.differs", "warning", 0],
    ]);
  });

  it("reports each planted mistake of the variant at its cell; link.project.missing is info for one file", async () => {
    const { code, report } = await check(["variant.xlsx"]);
    expect(code).toBe(EXIT.findings);
    const expected = familyMistakesWorkbook().expected.map((e) => ["variant.xlsx", e.sheet, e.cell, e.rule]);
    expect(linkIssues(report).sort()).toEqual(expected.sort());
    const missing = report.files[0].sheets.flatMap((s) => s.issues).find((i) => i.rule === "link.project.missing")!;
    expect(missing.severity).toBe("info");
    expect(validate(schema, report)).toEqual([]);
  });

  it("links across files: findings on the sheets they are about, other files named in the related cells; copies do not mix", async () => {
    const { report, text } = await check(["."]);
    // One line per file entry and per link entry, each the entry's own JSON.
    const lines = text.split("\n");
    const listed = (key: string) => lines.slice(lines.indexOf(`  "${key}": [`) + 1, lines.indexOf("  ],", lines.indexOf(`  "${key}": [`)));
    expect(listed("files").map((line) => JSON.parse(line.replace(/,$/, "")))).toEqual(report.files);
    expect(listed("links").map((line) => JSON.parse(line.replace(/,$/, "")))).toEqual(report.links);
    expect(report.links.length).toBeGreaterThan(1);
    expect(linkIssues(report).filter(([file]) => file === "family.xlsx")).toEqual([]);
    const split = linkIssues(report).filter(([file]) => file.startsWith("split-"));
    expect(split.sort()).toEqual(familyMistakesWorkbook().expected.map((e) => [`split-${e.sheet}.xlsx`, e.sheet, e.cell, e.rule]).sort());
    const cost = report.files.find((f) => f.path === "split-41303000(1).xlsx")!.sheets[0].issues.find((i) => i.rule === "link.cost.mismatch")!;
    expect(cost.related).toEqual(["split-41303010.xlsx 41303010!G19", "split-41303020.xlsx 41303020!G19", "split-41303030.xlsx 41303030!G19", "split-41303040.xlsx 41303040!G19"]);
    // Many files: a listed project without a sheet is a warning.
    const missing = report.files.flatMap((f) => f.sheets.flatMap((s) => s.issues)).filter((i) => i.rule === "link.project.missing");
    expect(missing.map((i) => i.severity)).toEqual(["warning", "warning"]);
    expect(report.links.map((l) => l.measureSheet!.file)).toEqual(["family.xlsx", "split-41303000(1).xlsx", "variant.xlsx"]);
    // One group per 施策 and workbook set: family.xlsx, variant.xlsx and the split files each hold the family.
    expect(report.links.filter((l) => l.measureSheet?.file?.startsWith("split-")).map((l) => l.rollupSheet)).toEqual([{ file: "split-41303000(2).xlsx", sheet: "41303000(2)" }]);
  });

  // To a file the entries are written as they come, and a link finding rewrites the report from
  // the first entry it lands on: the file must be what standard output (written at the end) gets.
  it.each([
    ["family.xlsx then the split files and variant.xlsx, findings from the second entry on", ["."]],
    ["variant.xlsx alone, a finding on the first entry", ["variant.xlsx"]],
    ["family.xlsx alone, no link finding", ["family.xlsx"]],
  ])("-o holds the same bytes as standard output: %s", async (_what, inputs) => {
    const toStdout = captureIo(dir);
    const stdoutCode = await main(["check", "--format", "json", ...inputs], toStdout);
    const toFile = captureIo(dir);
    const name = `out/linked-${inputs[0].replace(/\W/g, "_")}.json`;
    expect(await main(["check", "--format", "json", ...inputs, "-o", name], toFile)).toBe(stdoutCode);
    const written = readFileSync(path.join(dir, name), "utf8");
    expect(written).toBe(toStdout.out());
    expect((JSON.parse(written) as Report).files.length).toBe(inputs[0] === "." ? 2 + familyMistakesWorkbook().sheets.length : 1);
  });

  it("Markdown: a section per 施策 with its sheets, its projects and its costs against their sum", async () => {
    const io = captureIo(dir);
    await main(["check", "variant.xlsx", "--format", "md"], io);
    const md = io.out();
    expect(md).toContain("## 施策別\n\n### 41303000 環境技術を活かした国際貢献 (2013年度)\n\n評価票(1): variant.xlsx 41303000\\(1\\) · 評価票(2): variant.xlsx 41303000\\(2\\)\n");
    expect(md).toContain("| 環境国際協力調査事業 |  |  | シートなし | あり |  |  |");
    expect(md).toContain("| グリーン・イノベーション推進事業 | 41303050 | variant.xlsx | 41303050 | なし | 3 | Ⅰ |");
    expect(md).toContain("| 2012 | 決算 | 34,573 | 34,473 | 100 | 0 |");
  });

  it("--no-link: no links, no link finding, no link rule in the per-rule table; roll-up rules still run", async () => {
    const { report } = await check(["variant.xlsx", "--no-link"]);
    expect(report.links).toEqual([]);
    expect(linkIssues(report).filter(([, , , rule]) => rule.startsWith("link."))).toEqual([]);
    expect(report.totals.byRule.some((r) => r.rule.startsWith("link."))).toBe(false);
    expect(linkIssues(report).filter(([, , , rule]) => rule.startsWith("rollup."))).toHaveLength(7);
  });
});

describe("hyoka summary on the family", () => {
  it("adds the 施策別 sheet from the linked sheets; --no-link leaves it out", async () => {
    const sheetsOf = async (args: string[]) => {
      const io = captureIo(dir);
      expect(await main(["summary", "family.xlsx", "-o", "out/summary.xlsx", ...args], io)).toBe(EXIT.ok);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(path.join(dir, "out/summary.xlsx")) as unknown as ExcelJS.Buffer);
      return wb;
    };
    const linked = await sheetsOf([]);
    expect(linked.worksheets.map((w) => w.name)).toEqual(["達成率", "事業費", "全体", "作成課別", "事務事業", "施策別"]);
    expect(linked.getWorksheet("施策別")!.getCell("D2").value).toBe("family.xlsx");
    expect((await sheetsOf(["--no-link"])).worksheets.map((w) => w.name)).toEqual(["達成率", "事業費", "全体", "作成課別", "事務事業"]);
  });
});

describe("the linking bench's data (scripts/bench-link.ts)", () => {
  it("links cleanly: each 施策 with its six projects, every sum equal, no finding but the 施策 sheet's own", async () => {
    const { benchFamily } = await import("../../scripts/bench-link");
    const { renderSheet } = await import("../../src/samples/layout");
    const { renderProjectSheet } = await import("../../src/samples/projectLayout");
    const { checkWorkbook } = await import("../../src/core/engine");
    const { linkWorkbook } = await import("../../src/core/report");
    const { DEFAULT_SETTINGS } = await import("../../src/core/settings");
    const { measure, projects } = benchFamily(7);
    const sheets = [renderSheet(measure, String(measure.measureCode)).grid, ...projects.map((p) => renderProjectSheet(p, String(p.projectCode)).grid)];
    const { results, groups } = linkWorkbook(checkWorkbook({ sheets }), DEFAULT_SETTINGS);
    expect(results.flatMap((r) => r.findings).filter((f) => f.rule.startsWith("link."))).toEqual([]);
    expect(results.slice(1).every((r) => r.kind === "project" && r.counts.error === 0)).toBe(true);
    expect(groups.map((g) => [g.measureCode, g.projects.filter((p) => p.sheet !== null).length, g.costs.every((c) => c.difference === 0)])).toEqual([["41007000", 6, true]]);
  });
});
