import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { main, EXIT, unexpectedFailure } from "../../src/cli/main";
import { parseArgs } from "../../src/cli/args";
import type { Report } from "../../src/core/report";
import { RULE_CATALOGUE_VERSION, RULES } from "../../src/core/rules";
import { readWorkbook } from "../../src/adapters/xlsx/read";
import { validate } from "./schemaValidator";
import { captureIo, HOSTILE_ACTUAL, makeFixtures, type Fixtures } from "./fixtures";
import { evaluationSummary } from "../support/kinds";

const schema = JSON.parse(readFileSync(path.join(__dirname, "../../docs/report.schema.json"), "utf8"));
let fx: Fixtures;

beforeAll(async () => {
  fx = await makeFixtures();
});
afterAll(() => rmSync(fx.dir, { recursive: true, force: true }));

async function runJson(args: string[], at?: string): Promise<{ code: number; report: Report; text: string; err: string }> {
  const io = captureIo(fx.dir, { at });
  const code = await main(["check", ...args, "--format", "json"], io);
  return { code, report: JSON.parse(io.out()), text: io.out(), err: io.err() };
}

describe("hyoka check on the 41303000 sample", () => {
  let report: Report;
  let code: number;
  beforeAll(async () => {
    ({ report, code } = await runJson(["sample.xlsx"]));
  });

  it("exits 0: the sample has warnings, no errors", () => {
    expect(code).toBe(EXIT.ok);
    expect(report.totals.issues).toEqual({ error: 0, warning: 4, info: 1 });
  });

  it("gives the exact rates, execution rate, forecast and codes", () => {
    const s = evaluationSummary(report.files[0].sheets[0]);
    expect(s.measureCode).toBe("41303000");
    expect(s.fiscalYear).toBe(2013);
    expect(s.planPeriod).toEqual({ from: 2011, to: 2013 });
    expect(s.evaluation).toEqual({ "2011": "AⅡ", "2012": "AⅡ", "2013": "AⅡ" });
    const rate = (ind: number, year: number) => s.indicators[ind].years.find((y) => y.year === year)!;
    expect(rate(0, 2012).rate).toBeCloseTo(428 / 600, 12);
    expect(rate(0, 2012).grade).toBe("not");
    expect(rate(1, 2013).rate).toBeCloseTo(161 / 130, 12);
    expect(rate(2, 2013).rate).toBeCloseTo(0.9, 12);
    expect(s.indicators.map((i) => i.unit)).toEqual([null, null, "団体"]);
    expect(s.budget[0].executionRate).toBeCloseTo(38182 / 43769, 12);
    expect(s.budget.map((b) => b.settlementIsForecast)).toEqual([false, false, true]);
  });

  it("reports unit.missing for ① and ②, cumulative.decrease for ①, with cells", () => {
    const issues = report.files[0].sheets[0].issues.map((i) => [i.rule, i.cell, i.path]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["indicator.unit.missing", "D32", "indicators[0].unit"],
        ["indicator.unit.missing", "H32", "indicators[1].unit"],
        ["indicator.cumulative.decrease", "C33", "indicators[0].rows[1].actual"],
        ["budget.settlement.forecast", "I41", "budget[2].settlement"],
      ]),
    );
  });

  it("carries provenance: file hash, tool, rule catalogue, settings hash, time", () => {
    const { createHash } = require("node:crypto") as typeof import("node:crypto");
    expect(report.files[0].sha256).toBe(createHash("sha256").update(readFileSync(fx.sample)).digest("hex"));
    expect(report.tool.name).toBe("hyoka");
    expect(report.tool.version).toBe(JSON.parse(readFileSync(path.join(__dirname, "../../package.json"), "utf8")).version);
    expect(report.ruleCatalogueVersion).toBe(RULE_CATALOGUE_VERSION);
    expect(report.settingsHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(report.checkedAt).toBe("2026-11-28T10:00:00.000Z");
    // The catalogue's sheet and template rules (profiles are always looked for), each once; no crossyear rule without --cross-year.
    expect(report.totals.byRule).toHaveLength(RULES.filter((r) => r.scope !== "cross-year").length);
    expect(report.totals.byRule.filter((r) => r.rule.startsWith("template."))).toEqual([
      { rule: "template.pin.stale", severity: "warning", count: 0 },
      { rule: "template.profile.invalid", severity: "warning", count: 0 },
    ]);
    expect(report.files[0].profile).toBeNull();
    expect(report.totals.byRule.find((r) => r.rule === "indicator.unit.missing")).toEqual({ rule: "indicator.unit.missing", severity: "warning", count: 2 });
  });

  it("validates against docs/report.schema.json", () => {
    expect(validate(schema, report)).toEqual([]);
    // The validator is not a rubber stamp.
    expect(validate(schema, { ...report, tool: { name: "other", version: 1 } })).toEqual(['$.tool.name: expected "hyoka"', "$.tool.version: expected string, got integer"]);
    const sheet = report.files[0].sheets[0];
    const badSummary = { ...evaluationSummary(sheet), budget: [{ ...evaluationSummary(sheet).budget[0], executionRate: "87%" }] };
    const bad = { ...report, files: [{ ...report.files[0], sheets: [{ ...sheet, summary: badSummary }] }] };
    expect(validate(schema, bad)).toEqual([
      // The kind says which summary it must be, so the bad figure is named…
      "$.files[0].sheets[0].summary.budget[0].executionRate: expected number|null, got string",
      // …and it fits none of the summaries.
      "$.files[0].sheets[0].summary: matches 0 of oneOf",
    ]);
  });

  it("fails on warnings with --fail-on warning, never with never", async () => {
    expect(await main(["check", "sample.xlsx", "--fail-on", "warning"], captureIo(fx.dir))).toBe(EXIT.findings);
    expect(await main(["check", "sample.xlsx", "--fail-on", "never"], captureIo(fx.dir))).toBe(EXIT.ok);
  });

  it("speaks English with --lang en", async () => {
    const io = captureIo(fx.dir);
    await main(["check", "sample.xlsx", "--lang", "en"], io);
    expect(io.out()).toContain("2012  Plan 600  Actual 428  Rate 71.3% not achieved");
    expect(io.out()).toContain("warning D32    indicator.unit.missing");
  });
});

describe("hyoka check on a folder with bad files", () => {
  it("walks folders, reports unreadable files with exit 2 and still checks the others", async () => {
    const io = captureIo(fx.dir);
    const code = await main(["check", ".", "notes.csv", "missing.xlsx", "--format", "json", "--no-model"], io);
    expect(code).toBe(EXIT.unreadable);
    const report: Report = JSON.parse(io.out());
    expect(report.files.map((f) => [f.path, f.error?.code ?? null])).toEqual([
      ["missing.xlsx", "not-found"],
      ["nested/corrupt.xlsx", "corrupt"],
      ["nested/hostile.xlsx", null],
      ["notes.csv", "csv"],
      ["sample.xlsx", null],
    ]);
    expect(report.files[0].sha256).toBeNull();
    expect(report.files[3].error?.message).toBe("CSV テキストファイルで、ブックではありません。Excel で開いて .xlsx 形式で保存してください。");
    expect(evaluationSummary(report.files[4].sheets[0]).indicators[0].years[1].rate).toBeCloseTo(428 / 600, 12);
    expect(io.err()).toContain("hyoka: nested/corrupt.xlsx: [corrupt] ブックが破損しているか不完全なため読み込めません。");
    expect(io.err()).toContain("hyoka: missing.xlsx: [not-found] ファイルが見つかりません。");
    expect(validate(schema, report)).toEqual([]);
  });

  it("flags the hostile cell as not numeric and neutralizes it in CSV (UTF-8 BOM)", async () => {
    const io = captureIo(fx.dir);
    const code = await main(["check", "nested/hostile.xlsx", "--format", "csv"], io);
    expect(code).toBe(EXIT.findings);
    const csv = io.out();
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const row = csv.split("\r\n").find((l) => l.includes("indicator.value.not-numeric"))!;
    expect(row.startsWith("nested/hostile.xlsx,")).toBe(true);
    expect(row).toContain(`,C34,indicator.value.not-numeric,error,`);
    expect(row).toContain(`"'${HOSTILE_ACTUAL.replace(/"/g, '""')}"`);
    // No field of any row starts with a formula character once unquoted.
    for (const line of csv.slice(1).split("\r\n").filter(Boolean))
      for (const field of line.match(/("([^"]|"")*"|[^,]*)/g)!.filter((x) => x !== "")) expect(field.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("writes the report to --output and the same bytes on a second run apart from checkedAt", async () => {
    const a = await runJson([".", "--no-model"], "2026-11-28T10:00:00.000Z");
    const b = await runJson([".", "--no-model"], "2027-01-01T00:00:00.000Z");
    expect(a.text).not.toBe(b.text);
    expect(b.text.replace("2027-01-01T00:00:00.000Z", "2026-11-28T10:00:00.000Z")).toBe(a.text);
  });

  it("writes md to a file (creating its folder)", async () => {
    const io = captureIo(fx.dir);
    expect(await main(["check", "sample.xlsx", "--format", "md", "-o", "reports/report.md"], io)).toBe(EXIT.ok);
    expect(io.out()).toBe("");
    expect(io.err()).toBe("hyoka: レポートを reports/report.md に書き出しました\n");
    const md = readFileSync(path.join(fx.dir, "reports/report.md"), "utf8");
    expect(md).toContain("| `indicator.unit.missing` | 警告 | 2 |");
    expect(md).toContain("| ① 海外からの視察受入人数累計数 | 大きいほどよい | 2012 | 600 | 428 | 71.3% | 未達成 |");
  });
});

describe("terminal behaviour", () => {
  it("colours the text report and shows progress only on a TTY (NO_COLOR respected)", async () => {
    const tty = captureIo(fx.dir, { tty: true });
    await main(["check", ".", "--fail-on", "never"], tty);
    expect(tty.out()).toContain("\u001b[33m警告\u001b[0m");
    // notes.csv is found in the folder too (reported as unreadable); the lock file is skipped with a note.
    // An unreadable file's line erases the progress line instead of running on from it.
    const csvLine = "hyoka: notes.csv: [csv] CSV テキストファイルで、ブックではありません。Excel で開いて .xlsx 形式で保存してください。\n";
    expect(tty.err()).toContain(`\rhyoka: 1/4 ファイル\rhyoka: 2/4 ファイル\r\u001b[K${csvLine}\rhyoka: 3/4 ファイル\rhyoka: 4/4 ファイル\n`);
    expect(tty.err()).toContain("hyoka: ~$sample.xlsx は Excel のロックファイル(ブックを開いている間の一時ファイル)なので飛ばしました\n");
    const english = captureIo(fx.dir, { tty: true });
    await main(["check", ".", "--lang", "en"], english);
    expect(english.err()).toContain("\rhyoka: 1/4 files\rhyoka: 2/4 files\r\u001b[Khyoka: notes.csv: [csv] A CSV text file, not a workbook: open it in Excel and save it as .xlsx.\n\rhyoka: 3/4 files\rhyoka: 4/4 files\n");
    expect(english.err()).toContain("hyoka: skipped ~$sample.xlsx: an Excel lock file (present while the workbook is open)\n");
    const noColor = captureIo(fx.dir, { tty: true });
    noColor.env = { NO_COLOR: "1" };
    await main(["check", "sample.xlsx"], noColor);
    expect(noColor.out()).not.toContain("\u001b[");
    const piped = captureIo(fx.dir);
    await main(["check", ".", "--fail-on", "never"], piped);
    expect(piped.out()).not.toContain("\u001b[");
    expect(piped.err()).not.toContain("ファイル\n");
    expect(piped.err()).not.toMatch(/\d\/4/);
  });
});

describe("hyoka check on the committed samples (assets/samples)", () => {
  const repo = path.join(__dirname, "..", "..");
  it("reads 41303000-2013.xlsx with the sample's figures", async () => {
    const io = captureIo(repo);
    expect(await main(["check", "assets/samples/41303000-2013.xlsx", "--format", "json", "--no-model"], io)).toBe(EXIT.ok);
    const report: Report = JSON.parse(io.out());
    const s = evaluationSummary(report.files[0].sheets[0]);
    expect(report.files[0].path).toBe("assets/samples/41303000-2013.xlsx");
    expect(s.indicators[0].years[1].rate).toBeCloseTo(428 / 600, 12);
    expect(s.indicators[1].years[2].rate).toBeCloseTo(161 / 130, 12);
    expect(s.indicators[2].years[2].rate).toBeCloseTo(0.9, 12);
    expect(s.budget[0].executionRate).toBeCloseTo(38182 / 43769, 12);
    expect(s.budget[2].settlementIsForecast).toBe(true);
    expect(Object.values(s.evaluation)).toEqual(["AⅡ", "AⅡ", "AⅡ"]);
    expect(report.files[0].sheets[0].issues.filter((i) => i.rule === "indicator.unit.missing").map((i) => i.path)).toEqual(["indicators[0].unit", "indicators[1].unit"]);
    expect(report.files[0].sheets[0].issues.filter((i) => i.rule === "indicator.cumulative.decrease").map((i) => i.path)).toEqual(["indicators[0].rows[1].actual"]);
  });

  it("exits 1 on the mistakes workbook, whose 目次 sheet is kind other", async () => {
    const io = captureIo(repo);
    expect(await main(["check", "assets/samples/mistakes.xlsx", "--format", "json", "--no-model"], io)).toBe(EXIT.findings);
    const report: Report = JSON.parse(io.out());
    expect(report.files[0].sheets[0].kind).toBe("other");
    expect(report.totals.issues.error).toBeGreaterThan(0);
    expect(validate(schema, report)).toEqual([]);
  });
});

describe("hyoka summary", () => {
  it("writes a workbook with the achievement, budget and roll-up tables", async () => {
    const io = captureIo(fx.dir);
    const code = await main(["summary", "sample.xlsx", "-o", "out/summary.xlsx"], io);
    expect(code).toBe(EXIT.ok);
    expect(io.out()).toBe("hyoka: 1 ファイルの評価票 1 シートの集計を out/summary.xlsx に書き出しました\n");
    const grid = await readWorkbook(readFileSync(path.join(fx.dir, "out/summary.xlsx")));
    expect(grid.sheets.map((s) => s.name)).toEqual(["達成率", "事業費", "全体", "作成課別"]);
    const ind = grid.sheets[0].values;
    expect(ind[0]).toEqual(["ファイル", "シート", "施策課題", "指標", "年度", "計画値", "実績値", "達成率", "評価", "備考"]);
    expect(ind[3]).toEqual(["sample.xlsx", "41303000", "41303000 環境技術を活かした国際貢献", "① 海外からの視察受入人数累計数", 2012, 600, 428, 428 / 600, "未達成", null]);
    const bud = grid.sheets[1].values;
    expect(bud[1].slice(3, 9)).toEqual([2011, null, 43769, 38182, null, 38182 / 43769]);
    expect(bud[3][7]).toBe("見込");
    expect(grid.sheets[2].values[0].slice(0, 3)).toEqual(["ファイル", "シート", "施策課題"]);
    expect(grid.sheets[2].values[1].slice(0, 6)).toEqual(["sample.xlsx", "41303000", "41303000 環境技術を活かした国際貢献", "環境局地球環境推進室", 2013, "AⅡ"]);
    const en = captureIo(fx.dir);
    expect(await main(["summary", "sample.xlsx", "-o", "out/summary-en.xlsx", "--lang", "en"], en)).toBe(EXIT.ok);
    expect(en.out()).toBe("hyoka: summary of 1 evaluation sheet(s) from 1 file(s) written to out/summary-en.xlsx\n");
    const english = await readWorkbook(readFileSync(path.join(fx.dir, "out/summary-en.xlsx")));
    expect(english.sheets.map((s) => s.name)).toEqual(["Achievement rates", "Project costs", "Overview", "By department"]);
    expect(english.sheets[2].values[0].slice(0, 3)).toEqual(["File", "Sheet", "Measure"]);
  });
});

describe("arguments", () => {
  it("prints the help in Japanese by default: every command, option and exit code", async () => {
    for (const argv of [["--help"], ["-h"], [], ["help"], ["check", "--help"], ["--help", "--lang", "ja"]]) {
      const io = captureIo(fx.dir);
      expect(await main(argv, io)).toBe(EXIT.ok);
      expect(io.out()).toMatch(/^hyoka — 施策進行管理・評価票のブックを検証します\n\n使い方:\n/);
      expect(io.err()).toBe("");
    }
    const io = captureIo(fx.dir);
    await main(["--help"], io);
    for (const line of [
      "  hyoka check <ファイル|フォルダ…> [オプション]      ブックを検証してレポートを表示する",
      "  hyoka check --cross-year <ファイル|フォルダ…>    同じ施策課題・事務事業を年度間でも比較する",
      "  hyoka summary <ファイル|フォルダ…> -o out.xlsx   達成率・事業費・全体集計の表を書き出す",
      "  hyoka template show <file.xlsx> [--lang ja|en] [--format text|json] [--template <p.json>]",
      "  -f, --format text|json|csv|md   レポートの形式(既定 text。template show は text|json)",
      "      --fail-on error|warning|never  終了コードを 1 にする指摘の重要度(既定 error)",
      "  2  読み込めないファイルが 1 つ以上ある(他のファイルは検証済み)",
      "  70 予期しないエラー(不具合): 標準エラーに 1 行表示。HYOKA_DEBUG=1 でスタックトレースも表示",
    ])
      expect(io.out().split("\n")).toContain(line);
    for (const text of ["(crossyear.value.changed)", "(crossyear.plan.changed)", "(crossyear.code.changed)", "(crossyear.budget.changed)", "(crossyear.project.cost.changed)", "(crossyear.project.plan.changed)", "--no-link", "link.*", "ブック内に保存された設定をそのブックに使う", "~$Book.xlsx"])
      expect(io.out()).toContain(text);
  });

  it("prints the help in English with --lang en", async () => {
    for (const argv of [["--help", "--lang", "en"], ["--lang=en", "-h"], ["help", "--lang", "en"]]) {
      const io = captureIo(fx.dir);
      expect(await main(argv, io)).toBe(EXIT.ok);
      expect(io.out()).toMatch(/^hyoka — checks 施策進行管理・評価票 workbooks\n\nUsage:\n/);
    }
    const io = captureIo(fx.dir);
    await main(["--help", "--lang", "en"], io);
    for (const usage of [
      "hyoka check <files|folders…> [options]",
      "hyoka check --cross-year <files|folders…>",
      "hyoka summary <files|folders…> -o out.xlsx",
      "hyoka template show <file.xlsx> [--lang ja|en] [--format text|json] [--template <p.json>]",
      "--cross-year ",
      "(crossyear.value.changed)",
      "(crossyear.plan.changed)",
      "(crossyear.code.changed)",
      "(crossyear.budget.changed)",
      "--template <profile.json> ",
      "a profile saved inside a workbook is used",
      "  70 an unexpected failure (a bug): one line on stderr; HYOKA_DEBUG=1 adds the stack trace",
    ])
      expect(io.out()).toContain(usage);
  });

  it("has the same options and exit codes in both help texts", async () => {
    const helpIn = async (lang: string) => {
      const io = captureIo(fx.dir);
      await main(["--help", "--lang", lang], io);
      return io.out();
    };
    const ja = await helpIn("ja");
    const en = await helpIn("en");
    const options = (text: string) => [...new Set(text.match(/(?<![\w-])--?[a-z][a-z-]*/g))].sort();
    const exitCodes = (text: string) => text.match(/^ {2}\d+ +/gm);
    const ruleIds = (text: string) => text.match(/[a-z]+(?:\.[a-z]+){2,}|[a-z]+-[a-z]+(?=\))/g);
    expect(options(ja)).toEqual(options(en));
    expect(options(en)).toEqual(["--color", "--cross-year", "--fail-on", "--file-timeout", "--format", "--help", "--jobs", "--lang", "--max-cells", "--no-color", "--no-link", "--no-model", "--output", "--progress", "--settings", "--template", "--version", "--vocabulary", "--worker-memory", "-f", "-j", "-o"]);
    expect(exitCodes(ja)).toEqual(exitCodes(en));
    expect(exitCodes(en)).toEqual(["  0  ", "  1  ", "  2  ", "  3  ", "  70 "]);
    expect(ruleIds(ja)).toEqual(ruleIds(en));
    expect(ruleIds(en)).toEqual([
      "crossyear.value.changed",
      "crossyear.plan.changed",
      "crossyear.code.changed",
      "crossyear.budget.changed",
      "crossyear.project.cost.changed",
      "crossyear.project.plan.changed",
      "too-large",
      "worker-crashed",
    ]);
  });

  it("prints the version", async () => {
    const v = captureIo(fx.dir);
    expect(await main(["--version"], v)).toBe(EXIT.ok);
    expect(v.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("rejects wrong usage with exit 3 and a message in Japanese, or English with --lang en", async () => {
    for (const [argv, ja, en] of [
      [["check"], "check: ファイルまたはフォルダを 1 つ以上指定してください", "check: give at least one file or folder"],
      [["check", "x.xlsx", "--format", "xml"], "--format は text, json, csv, md のいずれかです", "--format must be one of text, json, csv, md"],
      [["check", "x.xlsx", "--bogus"], "不明なオプション --bogus です", "unknown option --bogus"],
      [["summary", "x.xlsx"], "summary: 書き出すブックを -o out.xlsx で指定してください", "summary: give the workbook to write with -o out.xlsx"],
      [["frobnicate"], "不明なコマンド「frobnicate」です(check、summary、template show のいずれかを指定してください)", 'unknown command "frobnicate" (use check, summary or template show)'],
      [["check", "x.xlsx", "--jobs", "0"], "--jobs は 1 以上の整数です", "--jobs must be a whole number ≥ 1"],
      [["check", "x.xlsx", "--max-cells", "10"], "--max-cells は 1000 以上の整数です", "--max-cells must be a whole number ≥ 1000"],
      [["check", "x.xlsx", "--worker-memory"], "--worker-memory には値が必要です", "--worker-memory needs a value"],
    ] as const) {
      const io = captureIo(fx.dir);
      expect(await main(argv, io)).toBe(EXIT.usage);
      expect(io.err()).toBe(`hyoka: ${ja}\n使い方は「hyoka --help」で表示されます。\n`);
      const english = captureIo(fx.dir);
      expect(await main([argv[0], "--lang=en", ...argv.slice(1)], english)).toBe(EXIT.usage);
      expect(english.err()).toBe(`hyoka: ${en}\nRun "hyoka --help" for usage.\n`);
    }
  });

  it("reports a wrong --settings file and a wrong HYOKA_WORKER_MEMORY_MB in the chosen language, exit 3", async () => {
    const ja = captureIo(fx.dir);
    expect(await main(["check", "sample.xlsx", "--settings", "nowhere.json"], ja)).toBe(EXIT.usage);
    expect(ja.err()).toBe("hyoka: --settings: nowhere.json を読み込めません\n");
    const en = captureIo(fx.dir);
    en.env = { HYOKA_WORKER_MEMORY_MB: "lots" };
    expect(await main(["check", "sample.xlsx", "--lang", "en"], en)).toBe(EXIT.usage);
    expect(en.err()).toBe("hyoka: environment variable HYOKA_WORKER_MEMORY_MB=lots is not a whole number ≥ 64\n");
  });

  it("parses --flag=value and -o", () => {
    expect(parseArgs(["check", "a", "--format=csv", "-o", "r.csv", "--fail-on=never", "-j", "2"])).toEqual({
      kind: "run",
      args: expect.objectContaining({ inputs: ["a"], format: "csv", output: "r.csv", failOn: "never", jobs: 2 }),
    });
  });

  it("loads a vocabulary and hashes it; a bad one is a usage error naming the key", async () => {
    const { writeFileSync } = require("node:fs") as typeof import("node:fs");
    writeFileSync(path.join(fx.dir, "vocab.json"), JSON.stringify({ department: ["所管課"] }));
    writeFileSync(path.join(fx.dir, "bad-vocab.json"), JSON.stringify({ nonsense: ["x"] }));
    const { report, code } = await runJson(["sample.xlsx", "--vocabulary", "vocab.json", "--no-model"]);
    expect(code).toBe(EXIT.ok);
    expect(report.vocabularyHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const io = captureIo(fx.dir);
    expect(await main(["check", "sample.xlsx", "--vocabulary", "bad-vocab.json"], io)).toBe(EXIT.usage);
    expect(io.err()).toContain('unknown label "nonsense"');
  });

  it("says so when a folder holds no workbook", async () => {
    const io = captureIo(fx.dir);
    expect(await main(["check", "nested/../nested/.."], io)).not.toBe(EXIT.usage); // the fixture folder has workbooks
    const empty = captureIo(path.join(fx.dir, "out"));
    const { mkdirSync } = require("node:fs") as typeof import("node:fs");
    mkdirSync(path.join(fx.dir, "empty"), { recursive: true });
    expect(await main(["check", "../empty"], empty)).toBe(EXIT.usage);
    expect(empty.err()).toBe("hyoka: ../empty に表計算ファイル(.xlsx、.xlsm、.xls、.xlsb、.csv、.ods)が見つかりません\n");
    const english = captureIo(path.join(fx.dir, "out"));
    expect(await main(["check", "../empty", "--lang", "en"], english)).toBe(EXIT.usage);
    expect(english.err()).toBe("hyoka: no spreadsheet file (.xlsx, .xlsm, .xls, .xlsb, .csv, .ods) found in ../empty\n");
  });
});

describe("output that cannot be written, and unexpected failures", () => {
  it("an -o that is a folder: exit 3 before any file is checked, in either language", async () => {
    const { mkdirSync } = require("node:fs") as typeof import("node:fs");
    mkdirSync(path.join(fx.dir, "reports-folder"), { recursive: true });
    const check = captureIo(fx.dir);
    expect(await main(["check", "sample.xlsx", "-o", "reports-folder"], check)).toBe(EXIT.output);
    expect(check.err()).toBe("hyoka: -o reports-folder はフォルダです。書き出すファイルの名前を指定してください(例: -o reports-folder/report.json)\n");
    expect(check.out()).toBe("");
    const summary = captureIo(fx.dir);
    expect(await main(["summary", ".", "-o", "reports-folder/", "--lang", "en", "--progress"], summary)).toBe(EXIT.output);
    // Refused up front: no file was checked (no progress, no unreadable-file line).
    expect(summary.err()).toBe("hyoka: -o reports-folder/ is a folder: give the name of the file to write (e.g. -o reports-folder/summary.xlsx)\n");
  });

  it("an -o under a plain file: exit 3 naming the file and the system's reason", async () => {
    const check = captureIo(fx.dir);
    expect(await main(["check", "sample.xlsx", "-o", "sample.xlsx/report.md"], check)).toBe(EXIT.output);
    expect(check.err()).toMatch(/^hyoka: sample\.xlsx\/report\.md に書き出せません\((EEXIST|ENOTDIR)\)\n$/);
    const summary = captureIo(fx.dir);
    expect(await main(["summary", "sample.xlsx", "-o", "sample.xlsx/summary.xlsx", "--lang", "en"], summary)).toBe(EXIT.output);
    expect(summary.err()).toMatch(/^hyoka: cannot write sample\.xlsx\/summary\.xlsx \((EEXIST|ENOTDIR)\)\n$/);
  });

  it("prints an unexpected failure on one line, with the stack only when HYOKA_DEBUG=1", () => {
    const e = new Error("boom");
    expect(unexpectedFailure(e, "ja", {})).toBe("hyoka: 予期しないエラーで停止しました: boom(HYOKA_DEBUG=1 で詳細を表示します。不具合として報告してください)\n");
    expect(unexpectedFailure(e, "en", { HYOKA_DEBUG: "0" })).toBe("hyoka: stopped on an unexpected error: boom (HYOKA_DEBUG=1 shows the details; please report it as a bug)\n");
    const debug = unexpectedFailure(e, "en", { HYOKA_DEBUG: "1" });
    expect(debug.split("\n")[1]).toBe("Error: boom");
    expect(debug).toContain("main.test.ts");
    expect(EXIT.unexpected).toBe(70);
  });
});
