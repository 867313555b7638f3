// `hyoka check --cross-year` end to end: the 2012 and 2013 books of 41303000 written as .xlsx,
// the 2012 book publishing ① 2012 actual as 410, the 2013 book restating it as 428.

import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { main, EXIT } from "../../src/cli/main";
import type { Report, ReportIssue } from "../../src/core/report";
import { RULES } from "../../src/core/rules";
import { validate } from "./schemaValidator";
import { captureIo, makeCrossYearFixtures, type CrossYearFixtures } from "./fixtures";

const schema = JSON.parse(readFileSync(path.join(__dirname, "../../docs/report.schema.json"), "utf8"));
const CROSS_YEAR_IDS = [
  "crossyear.budget.changed",
  "crossyear.code.changed",
  "crossyear.plan.changed",
  "crossyear.project.cost.changed",
  "crossyear.project.plan.changed",
  "crossyear.value.changed",
];
let fx: CrossYearFixtures;

beforeAll(async () => {
  fx = await makeCrossYearFixtures();
});
afterAll(() => rmSync(fx.dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(fx.dir);
  const code = await main(["check", ...args], io);
  return { code, out: io.out(), err: io.err() };
}

const crossYearIssues = (report: Report): Array<[string, ReportIssue]> =>
  report.files.flatMap((f) => f.sheets.flatMap((s) => s.issues.filter((i) => i.rule.startsWith("crossyear.")).map((i): [string, ReportIssue] => [f.path, i])));

describe("hyoka check --cross-year on the 2012 and 2013 books", () => {
  let report: Report;
  let code: number;
  beforeAll(async () => {
    const r = await run(["--cross-year", "41303000-2012.xlsx", "41303000-2013.xlsx", "--format", "json", "--no-model"]);
    code = r.code;
    report = JSON.parse(r.out);
  });

  it("reports the restated 2012 actual at the 2013 book's cell, with the 2012 book's cell related", () => {
    const actual = "indicators[0].rows[2].actual";
    expect(fx.cellOf2013[actual]).toBe("C34");
    expect(crossYearIssues(report)).toEqual([
      [
        "41303000-2013.xlsx",
        {
          rule: "crossyear.value.changed",
          severity: "warning",
          sheet: "41303000",
          cell: fx.cellOf2013[actual],
          path: actual,
          message: `参考指標1「海外からの視察受入人数累計数」2012年度の実績値が2012年度の評価票(41303000-2012.xlsx 41303000!${fx.cellOf2012[actual]})では「410」、2013年度の評価票では「428」です。`,
          raw: "428",
          expected: "過去年度の数値は変わらないこと",
          related: [`41303000-2012.xlsx 41303000!${fx.cellOf2012[actual]}`],
        },
      ],
    ]);
  });

  it("counts it in the later file, the totals and the per-rule table (every cross-year rule listed)", () => {
    expect(report.files.map((f) => [f.path, f.counts])).toEqual([
      ["41303000-2012.xlsx", { error: 0, warning: 4, info: 1 }],
      ["41303000-2013.xlsx", { error: 0, warning: 5, info: 1 }],
    ]);
    expect(report.files[1].sheets[0].counts).toEqual({ error: 0, warning: 5, info: 1 });
    expect(report.totals.issues).toEqual({ error: 0, warning: 9, info: 2 });
    expect(report.totals.byRule.filter((r) => r.rule.startsWith("crossyear."))).toEqual([
      { rule: "crossyear.budget.changed", severity: "warning", count: 0 },
      { rule: "crossyear.code.changed", severity: "warning", count: 0 },
      { rule: "crossyear.plan.changed", severity: "warning", count: 0 },
      { rule: "crossyear.project.cost.changed", severity: "warning", count: 0 },
      { rule: "crossyear.project.plan.changed", severity: "warning", count: 0 },
      { rule: "crossyear.value.changed", severity: "warning", count: 1 },
    ]);
    // Every rule of the catalogue, each once.
    expect(report.totals.byRule).toHaveLength(RULES.filter((r) => r.scope !== "cross-year").length + CROSS_YEAR_IDS.length);
  });

  it("exits 0 by default (warnings), 1 with --fail-on warning", async () => {
    expect(code).toBe(EXIT.ok);
    expect((await run(["--cross-year", ".", "--fail-on", "warning"])).code).toBe(EXIT.findings);
  });

  it("validates against the schema", () => {
    expect(validate(schema, report)).toEqual([]);
  });

  it("gives the same findings whatever the order of the files (a folder, or the 2013 book first)", async () => {
    const folder = JSON.parse((await run(["--cross-year", ".", "--format", "json", "--no-model"])).out) as Report;
    const reversed = JSON.parse((await run(["--cross-year", "41303000-2013.xlsx", "41303000-2012.xlsx", "--format", "json", "--no-model"])).out) as Report;
    expect(crossYearIssues(folder)).toEqual(crossYearIssues(report));
    expect(crossYearIssues(reversed)).toEqual(crossYearIssues(report));
  });

  it("finds nothing across years without --cross-year, and lists no crossyear rule", async () => {
    const plain = JSON.parse((await run([".", "--format", "json", "--no-model"])).out) as Report;
    expect(crossYearIssues(plain)).toEqual([]);
    expect(plain.totals.byRule.some((r) => r.rule.startsWith("crossyear."))).toBe(false);
    expect(plain.totals.issues).toEqual({ error: 0, warning: 8, info: 2 });
  });

  it("shows the finding with its related cell in text, Markdown and CSV", async () => {
    const text = (await run(["--cross-year", ".", "--lang", "en"])).out;
    expect(text).toContain(
      '    warning C34    crossyear.value.changed  Indicator 1 "海外からの視察受入人数累計数" 2012 actual is "410" in the 2012 sheet (41303000-2012.xlsx 41303000!C34) but "428" in the 2013 sheet.\n' +
        '           Raw: "428"  Expected: figures for past years to stay unchanged\n' +
        "           Related: 41303000-2012.xlsx 41303000!C34\n",
    );
    // In the 2013 file's section, not the 2012 file's.
    expect(text.indexOf("crossyear.value.changed")).toBeGreaterThan(text.indexOf("File: 41303000-2013.xlsx"));
    const md = (await run(["--cross-year", ".", "--format", "md"])).out;
    expect(md).toContain("| `crossyear.value.changed` | 警告 | 1 |");
    expect(md).toContain("| 428 | 過去年度の数値は変わらないこと | 41303000-2012.xlsx 41303000\\!C34 |");
    const csv = (await run(["--cross-year", ".", "--format", "csv"])).out;
    const row = csv.split("\r\n").find((l) => l.includes("crossyear.value.changed"));
    expect(row).toMatch(/^41303000-2013\.xlsx,[0-9a-f]{64},41303000,C34,crossyear\.value\.changed,warning,.*,indicators\[0\]\.rows\[2\]\.actual,428,過去年度の数値は変わらないこと,41303000-2012\.xlsx 41303000!C34$/);
  });

  it("is an option of check only", async () => {
    const io = captureIo(fx.dir);
    expect(await main(["summary", "--cross-year", ".", "-o", "s.xlsx"], io)).toBe(EXIT.usage);
    expect(io.err()).toContain("hyoka: --cross-year は check のオプションです\n");
  });
});
