// `hyoka check` and `hyoka summary` on project sheets, as a new user runs them: the JSON report
// validates and gives every figure, each planted mistake is at its cell, the summary workbook
// has its 事務事業 sheet with totals and a chart.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { readWorkbook } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import type { Report } from "../../src/core/report";
import { kawasakiR6Grid, projectMistakesGrid, projectsGrid } from "../../scripts/generate-samples";
import { projectMistakesWorkbook } from "../../src/samples/projectMistakes";
import { captureIo } from "./fixtures";
import { validate } from "./schemaValidator";
import { projectSummary } from "../support/kinds";

const schema = JSON.parse(readFileSync(path.join(__dirname, "../../docs/report.schema.json"), "utf8"));
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hyoka-projects-"));
  writeFileSync(path.join(dir, "projects.xlsx"), await writeXlsx(projectsGrid()));
  writeFileSync(path.join(dir, "r6.xlsx"), await writeXlsx(kawasakiR6Grid()));
  writeFileSync(path.join(dir, "mistakes.xlsx"), await writeXlsx(projectMistakesGrid()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(args: string[]): Promise<{ code: number; out: string }> {
  const io = captureIo(dir);
  const code = await main(["check", ...args], io);
  return { code, out: io.out() };
}

describe("hyoka check --format json on project sheets", () => {
  let report: Report;
  let code: number;
  beforeAll(async () => {
    const run = await check(["projects.xlsx", "r6.xlsx", "mistakes.xlsx", "--format", "json"]);
    code = run.code;
    report = JSON.parse(run.out);
  });

  test("validates against docs/report.schema.json; sheets counted by kind; errors make exit 1", () => {
    expect(validate(schema, report)).toEqual([]);
    expect(report.totals).toMatchObject({ files: 3, sheets: 10, evaluationSheets: 0, projectSheets: 10, otherSheets: 0 });
    expect(code).toBe(1);
  });

  test("the four 41303000 projects: every figure of the contract, no finding", () => {
    const file = report.files.find((f) => f.path === "projects.xlsx")!;
    expect(file.counts).toEqual({ error: 0, warning: 0, info: 0 });
    const s = projectSummary(file.sheets[0]);
    expect([s.projectCode, s.projectName, s.department, s.fiscalYear, s.achievement, s.direction, s.costUnit]).toEqual([
      "41303010", "国際環境施策推進事業", "環境局地球環境推進室", 2013, 3, "Ⅱ", "千円",
    ]);
    expect(s.costs.map((c) => [c.year, c.column, c.forecast, c.projectCost])).toEqual([
      [2011, "budget", false, 12480],
      [2011, "settlement", false, 11205],
      [2012, "plan", false, 12100],
      [2012, "budget", false, 11860],
      [2012, "settlement", false, 11012],
      [2013, "plan", false, 12300],
      [2013, "budget", false, 9870],
      [2013, "settlement", true, 9512],
      [2014, "plan", false, 12500],
      [2014, "budget", false, 10020],
      [2014, "settlement", false, null],
    ]);
    expect(s.costs[0]).toEqual({
      year: 2011, column: "budget", forecast: false, projectCost: 12480, staffCost: 20850, totalCost: 33330, staffYears: 2.5,
      funding: { national: null, prefectural: null, bonds: null, other: 500, general: 11980 },
    });
    const sum = (k: number) => file.sheets.reduce((t, sheet) => t + (projectSummary(sheet).costs[k].projectCost ?? 0), 0);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(sum)).toEqual([43769, 38182, 39173, 37355, 34473, 38802, 21959, 21165]);
  });

  test("the 令和6年度 sheet: three 総コスト warnings at their cells, no error", () => {
    const sheet = report.files.find((f) => f.path === "r6.xlsx")!.sheets[0];
    expect(sheet.issues.filter((i) => i.severity !== "info").map((i) => [i.rule, i.severity, i.cell, i.related])).toEqual([
      ["project.cost.total-mismatch", "warning", "H24", ["10101010!H18", "10101010!H23"]],
      ["project.cost.total-mismatch", "warning", "I24", ["10101010!I18", "10101010!I23"]],
      ["project.cost.total-mismatch", "warning", "J24", ["10101010!J18", "10101010!J23"]],
    ]);
    expect(sheet.issues[0].expected).toBe("118,400(事業費A(H18) 47,500 + 人件費B(H23) 70,900)");
  });

  test("every planted mistake is reported at its cell", () => {
    const issues = report.files.find((f) => f.path === "mistakes.xlsx")!.sheets.flatMap((s) => s.issues);
    for (const e of projectMistakesWorkbook().expected) {
      expect([e.rule, issues.filter((i) => i.rule === e.rule).map((i) => [i.sheet, i.cell])]).toEqual([e.rule, [[e.sheet, e.cell === "" ? null : e.cell]]]);
    }
  });
});

test("md and text reports show the cost table and the per-year figures", async () => {
  const md = (await check(["projects.xlsx", "--format", "md"])).out;
  expect(md).toContain("#### 事業費(事務事業) (単位:千円)");
  expect(md).toContain("| 2013 | 決算見込 | 9,512 | 19,067 | 28,579 |  |  |");
  expect(md).toContain("| 2011 | 12,480 | 11,205 | 89.8% | 96.0% | 65.0% | 32,055 |");
  const text = (await check(["r6.xlsx", "--lang", "en"])).out;
  expect(text).toContain('Sheet "10101010" — Project sheets 10101010 地域防災力向上事業 2024 — error 0 · warning 3 · info 1');
  expect(text).toContain("2024  Budget 48,300  Settlement 47,950 (Forecast settlement)  Execution 99.3%");
});

test("hyoka summary: a 事務事業 sheet with the projects, totals by 所属 and policy area, distributions and a bar chart", async () => {
  const io = captureIo(dir);
  expect(await main(["summary", "projects.xlsx", "-o", "summary.xlsx"], io)).toBe(0);
  expect(io.out()).toBe("hyoka: 1 ファイルの評価票 0 シート・事務事業評価シート 4 シートの集計を summary.xlsx に書き出しました\n");
  const bytes = new Uint8Array(readFileSync(path.join(dir, "summary.xlsx")));
  const { sheets } = await readWorkbook(bytes);
  const projects = sheets.find((s) => s.name === "事務事業")!;
  const rows = projects.values.map((r) => r.filter((v) => v !== null));
  expect(rows[0]).toEqual(["ファイル", "シート", "事務事業", "所属", "政策分野", "評価年度", "単位", "予算(事業費A)", "決算", "決算見込", "執行率", "一般財源比率", "人件費比率", "総コスト", "達成度", "方向性区分", "エラー", "警告"]);
  expect(rows[1].slice(0, 9)).toEqual(["projects.xlsx", "41303010", "41303010 国際環境施策推進事業", "環境局地球環境推進室", "4 環境を守り自然と調和したまちづくり", 2013, "千円", 9870, 9512]);
  const at = (title: string) => rows.findIndex((r) => r[0] === title);
  expect(rows.slice(at("所属別の合計(評価年度)") + 2, at("所属別の合計(評価年度)") + 5)).toEqual([
    ["環境局地球環境推進室", "千円", 1, 0, 9870, 9512, 9512 / 9870, 28579],
    ["環境局環境総合研究所", "千円", 1, 0, 3420, 3301, 3301 / 3420, 8275],
    ["経済労働局国際経済推進室", "千円", 2, 0, 8669, 8352, 8352 / 8669, 15270 + 3859],
  ]);
  expect(rows[at("政策分野別の合計(評価年度)") + 2].slice(0, 6)).toEqual(["4 環境を守り自然と調和したまちづくり", "千円", 4, 0, 21959, 21165]);
  expect(rows.slice(at("達成度の分布") + 2, at("達成度の分布") + 8)).toEqual([["1", 0], ["2", 1], ["3", 2], ["4", 1], ["5", 0], ["(未記入・読めない)", 0]]);
  const zip = await JSZip.loadAsync(bytes);
  const charts = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
  const bar = charts.find((c) => c.includes("<c:barChart>"))!;
  expect(bar).toContain("所属別の予算と総コスト");
  expect(bar).toMatch(/<c:cat><c:strRef><c:f>事務事業!\$A\$\d+:\$A\$\d+<\/c:f>/);
});

test("hyoka template show lists where each field of a project sheet was found", async () => {
  const io = captureIo(dir);
  expect(await main(["template", "show", "r6.xlsx", "--lang", "en"], io)).toBe(0);
  const out = io.out();
  expect(out).toContain('  Basic information\n    Title: A1  "令和6年度 事務事業評価シート"');
  expect(out).toContain("    Project code: B3  \"10101010\"");
  expect(out).toContain("  Policy system\n    政策: C7  \"1-1 災害から生命を守る\"");
  expect(out).toContain("  Budget\n    Cost table: A16:M25\n    Unit: M15  \"（単位：千円）\"");
  expect(out).toContain("  Outcome indicator ②\n    Indicator name: B36");
  expect(out).toContain("  Evaluation\n    Achievement level: B41  \"3\"\n    Direction class: B42  \"Ⅱ\"");
});
