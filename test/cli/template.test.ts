// Template profiles in the CLI: --template, a profile saved inside the .xlsx applied
// automatically, which profile the report names, and `hyoka template show`.

import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { main, EXIT } from "../../src/cli/main";
import type { Report, TemplateShow } from "../../src/core/report";
import { validate } from "./schemaValidator";
import { captureIo, makeProfileFixtures } from "./fixtures";

const schema = JSON.parse(readFileSync(path.join(__dirname, "../../docs/report.schema.json"), "utf8"));
let dir: string;

beforeAll(async () => {
  dir = await makeProfileFixtures();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(dir);
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

async function checkJson(args: string[]): Promise<{ code: number; report: Report }> {
  const r = await run(["check", ...args, "--format", "json", "--no-model"]);
  return { code: r.code, report: JSON.parse(r.out) };
}

const rules = (report: Report, file = 0) => report.files[file].sheets.flatMap((s) => s.issues.map((i) => [i.rule, i.cell, i.path]));

describe("hyoka check with template profiles", () => {
  it("misses the renamed 評価年度 label without a profile (exit 1)", async () => {
    const { code, report } = await checkJson(["renamed.xlsx"]);
    expect(code).toBe(EXIT.findings);
    expect(report.files[0].profile).toBeNull();
    expect(rules(report)).toContainEqual(["header.field.missing", null, "header.fiscalYear"]);
    expect(report.files[0].sheets[0].summary?.fiscalYear).toBeNull();
  });

  it("applies the profile saved inside the workbook, without any flag, and names it", async () => {
    const { code, report } = await checkJson(["pinned.xlsx"]);
    expect(code).toBe(EXIT.ok);
    expect(report.files[0].profile).toEqual({ name: "環境局様式", version: 2, source: "file" });
    expect(report.files[0].sheets[0].summary?.fiscalYear).toBe(2013);
    expect(report.files[0].counts).toEqual({ error: 0, warning: 4, info: 1 });
    expect(validate(schema, report)).toEqual([]);
    const text = (await run(["check", "pinned.xlsx"])).out;
    expect(text).toContain("  テンプレート: 環境局様式 v2 (ブック内に保存)\n");
  });

  it("uses --template for every file, winning over a saved profile", async () => {
    const { code, report } = await checkJson(["renamed.xlsx", "pinned.xlsx", "--template", "pin.json"]);
    expect(code).toBe(EXIT.ok);
    expect(report.files.map((f) => [f.path, f.profile])).toEqual([
      ["pinned.xlsx", { name: "手元の様式", version: 5, source: "option" }],
      ["renamed.xlsx", { name: "手元の様式", version: 5, source: "option" }],
    ]);
    expect(report.files.map((f) => f.sheets[0].summary?.fiscalYear)).toEqual([2013, 2013]);
    expect((await run(["check", "renamed.xlsx", "--template", "pin.json", "--format", "md", "--lang", "en"])).out).toContain(
      "Template profile: 手元の様式 v5 \\(given with --template\\)\n",
    );
  });

  it("rejects an invalid --template with exit 3 and every validation message", async () => {
    const r = await run(["check", "renamed.xlsx", "--template", "bad.json"]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      "hyoka: --template: bad.json はテンプレート設定として正しくありません:\n" +
        '  unknown key "colour" (expected one of: hyokaProfile, name, version, synonyms, pins, sheets, scales, costRelations)\n' +
        '  pins["header.fiscalYear"].cell: "ZZ" is not an A1 address\n',
    );
    const missing = await run(["check", "renamed.xlsx", "--template", "nowhere.json"]);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.err).toBe("hyoka: --template: nowhere.json を読み込めません\n");
    const english = await run(["check", "renamed.xlsx", "--template", "bad.json", "--lang", "en"]);
    expect(english.err.split("\n")[0]).toBe("hyoka: --template: bad.json is not a valid template profile:");
  });

  it("reports a saved pin that no longer fits as template.pin.stale and keeps the label search result", async () => {
    const { code, report } = await checkJson(["stale.xlsx"]);
    expect(code).toBe(EXIT.ok);
    expect(report.files[0].profile).toEqual({ name: "古い様式", version: 7, source: "file" });
    expect(rules(report)).toContainEqual(["template.pin.stale", "Z90", "header.department"]);
    expect(report.files[0].sheets[0].summary?.department).toBe("環境局地球環境推進室");
    expect(report.totals.byRule.find((r) => r.rule === "template.pin.stale")).toEqual({ rule: "template.pin.stale", severity: "warning", count: 1 });
  });

  it("does not apply an invalid saved profile and says why, as a warning on the first sheet", async () => {
    const { code, report } = await checkJson(["broken-profile.xlsx", "--lang", "en"]);
    expect(code).toBe(EXIT.ok);
    expect(report.files[0].profile).toBeNull();
    const issue = report.files[0].sheets[0].issues[0];
    expect(issue).toEqual({
      rule: "template.profile.invalid",
      severity: "warning",
      sheet: "41303000",
      cell: null,
      path: "",
      message:
        'The template profile saved in this workbook is invalid and was not used; fields were found by their labels: version: expected a whole number ≥ 1; pins["header.nowhere"]: unknown model path (pinnable paths are listed in docs/templates.md)',
      raw: null,
      expected: "a profile as described in docs/templates.md",
      related: [],
    });
    expect(report.files[0].counts).toEqual({ error: 0, warning: 5, info: 1 });
    expect(report.totals.byRule.find((r) => r.rule === "template.profile.invalid")?.count).toBe(1);
  });
});

describe("hyoka template show", () => {
  it("prints every field's cell per section, marking pinned fields and fields not found", async () => {
    const r = await run(["template", "show", "pinned.xlsx"]);
    expect(r.code).toBe(EXIT.ok);
    const lines = r.out.split("\n");
    expect(lines.slice(0, 6)).toEqual([
      expect.stringMatching(/^hyoka \d+\.\d+\.\d+ — 項目の位置: pinned\.xlsx$/),
      "テンプレート: 環境局様式 v2 (ブック内に保存)",
      "",
      'シート "41303000"',
      "  基本情報",
      '    表題: A1  "施策進行管理・評価票(1)"',
    ]);
    expect(lines).toContain('    評価年度: B2 [固定]  "2013年度"');
    expect(lines).toContain('    作成課: J5  "環境局地球環境推進室"');
    expect(lines).toContain("  参考指標①");
    expect(lines).toContain("    参考指標の表(年度・計画値・実績値): A31:D35");
    expect(lines).toContain('    2012年度 実績値: C34  "428"');
    // ①'s unit has no cell of its own on this layout; only 評価年度 is pinned.
    expect(lines.slice(lines.indexOf("  参考指標①"), lines.indexOf("  参考指標①") + 6)).toContain("    単位: (見つかりません)");
    expect(lines.filter((l) => l.includes("[固定]"))).toEqual(['    評価年度: B2 [固定]  "2013年度"']);
    // Sections in sheet order.
    const sections = lines.filter((l) => /^ {2}\S/.test(l));
    expect(sections).toEqual(["  基本情報", "  実行計画", "  成果の説明", "  評価", "  参考指標①", "  参考指標②", "  参考指標③", "  事業費", "  事務事業", "  用語説明"]);
  });

  it("without a profile: nothing pinned, the missed field not found; in English", async () => {
    const r = await run(["template", "show", "renamed.xlsx", "--lang", "en"]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain("Template profile: none (found by labels)\n");
    expect(r.out).toContain("    Fiscal year: (not found)\n");
    expect(r.out).toContain("  Basic information\n");
    expect(r.out).not.toContain("[pinned]");
  });

  it("notes stale pins above the sections", async () => {
    const r = await run(["template", "show", "stale.xlsx"]);
    expect(r.out).toContain('シート "41303000"\n  ! テンプレートで固定した Z90(作成課)は空欄になっているため使わず、見出しから探した位置を使いました。テンプレートを直してください。\n  基本情報\n');
  });

  it("gives JSON with sections, fields and the profile; --template wins", async () => {
    const r = await run(["template", "show", "renamed.xlsx", "--format", "json", "--template", "pin.json"]);
    expect(r.code).toBe(EXIT.ok);
    const show: TemplateShow = JSON.parse(r.out);
    expect(show.file).toBe("renamed.xlsx");
    expect(show.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(show.profile).toEqual({ name: "手元の様式", version: 5, source: "option" });
    const sheet = show.sheets[0];
    expect(sheet).toMatchObject({ sheet: "41303000", kind: "evaluation", notes: [] });
    expect(sheet.sections[0].section).toBe("基本情報");
    expect(sheet.sections[0].fields[1]).toEqual({ path: "header.fiscalYear", label: "評価年度", cell: "B2", raw: "2013年度", pinned: true });
    const budget = sheet.sections.find((s) => s.section === "事業費")!;
    expect(budget.fields[0]).toEqual({ path: "budget.table", label: "事業費の表", cell: expect.stringMatching(/^[A-Z]+\d+:[A-Z]+\d+$/), raw: "", pinned: false });
    // The whole text in JSON, not the terminal preview.
    expect(sheet.sections.find((s) => s.section === "実行計画")!.fields.find((f) => f.path === "texts.issues")!.raw).toMatch(/^●地球温暖化.*求められています。\n●持続可能な/s);
  });

  it("exits 2 for an unreadable file and 3 for wrong usage", async () => {
    const { writeFileSync } = require("node:fs") as typeof import("node:fs");
    writeFileSync(path.join(dir, "notes.csv"), "a,b\n");
    const unreadable = await run(["template", "show", "notes.csv"]);
    expect(unreadable.code).toBe(EXIT.unreadable);
    expect(unreadable.err).toContain("hyoka: notes.csv: [csv] ");
    for (const [argv, message] of [
      [["template"], 'template: the only subcommand is "show" (hyoka template show <file.xlsx>)'],
      [["template", "list", "a.xlsx"], 'template: the only subcommand is "show" (hyoka template show <file.xlsx>)'],
      [["template", "show"], "template show: give at least one file or folder"],
      [["template", "show", "a.xlsx", "b.xlsx"], "template show: give one workbook"],
      [["template", "show", "a.xlsx", "--format", "csv"], "template show: --format must be text or json"],
      [["template", "show", "."], "template show: give one workbook (. holds 5)"], // 4 workbooks and notes.csv
    ] as const) {
      // The messages in English; their Japanese wording is pinned in main.test.ts.
      const r = await run([...argv, "--lang", "en"]);
      expect([argv, r.code]).toEqual([argv, EXIT.usage]);
      expect(r.err).toContain(`hyoka: ${message}\n`);
    }
  });
});

describe("hyoka template show on a roll-up (2)", () => {
  it("lists where its count tables, 点検結果 and listed projects were found", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const os = (await import("node:os")).default;
    const path = (await import("node:path")).default;
    const { writeXlsx } = await import("../../src/adapters/xlsx/write");
    const { familyWorkbook } = await import("../../src/samples/family41303000");
    const { main } = await import("../../src/cli/main");
    const { captureIo } = await import("./fixtures");
    const dir = mkdtempSync(path.join(os.tmpdir(), "hyoka-rollup-show-"));
    try {
      const rollup = familyWorkbook()[1];
      writeFileSync(path.join(dir, "rollup.xlsx"), await writeXlsx({ sheets: [rollup.grid] }));
      const io = captureIo(dir);
      expect(await main(["template", "show", "rollup.xlsx", "--format", "json"], io)).toBe(0);
      const show = JSON.parse(io.out());
      const sections = show.sheets[0].sections as { section: string; fields: { path: string; cell: string | null }[] }[];
      expect(sections.map((s) => s.section)).toEqual(["基本情報", "集計表", "点検結果", "事務事業"]);
      const cellOf = (p: string) => sections.flatMap((s) => s.fields).find((f) => f.path === p)?.cell;
      expect([cellOf("header.fiscalYear"), cellOf("blocks[0].total.projects"), cellOf("projects[3].name")]).toEqual([
        rollup.cellOf["header.fiscalYear"],
        rollup.cellOf["blocks[0].total.projects"],
        rollup.cellOf["projects[3].name"],
      ]);
      expect(cellOf("blocks[0]")).toBe("A5:D11");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
