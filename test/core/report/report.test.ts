import { buildReport, csvField, formatCsv, formatJson, formatMarkdown, formatText, neutralizeFormula } from "../../../src/core/report";
import { formatRate, formatNumber } from "../../../src/core/format/number";
import { contentHash } from "../../../src/core/report/hash";
import type { Finding } from "../../../src/core/findings";
import type { FileResult } from "../../../src/core/report";
import { files, RULES_FIXTURE, settings, sheetResult } from "./fixtures";
import { evaluationSummary } from "../../support/kinds";

const input = (overrides: Partial<Parameters<typeof buildReport>[0]> = {}) =>
  buildReport({ files: files(), toolVersion: "0.1.0", settings, checkedAt: "2026-11-28T10:00:00.000Z", ruleCatalogueVersion: "2026.11.1", rules: RULES_FIXTURE, ...overrides });

describe("buildReport", () => {
  const report = input();

  it("has the documented top-level keys in order, with provenance", () => {
    expect(Object.keys(report)).toEqual(["tool", "ruleCatalogueVersion", "settingsHash", "vocabularyHash", "checkedAt", "language", "settings", "files", "links", "totals"]);
    expect(report.tool).toEqual({ name: "hyoka", version: "0.1.0" });
    expect(report.ruleCatalogueVersion).toBe("2026.11.1");
    expect(report.settingsHash).toBe(contentHash(settings));
    expect(report.settingsHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(report.vocabularyHash).toBeNull();
    expect(input({ customVocabulary: { department: ["所管課"] } }).vocabularyHash).toBe(contentHash({ department: ["所管課"] }));
  });

  it("changes the settings hash when a threshold changes", () => {
    expect(input({ settings: { ...settings, gradeNearly: 0.7 } }).settingsHash).not.toBe(report.settingsHash);
  });

  it("sorts files by path and keeps the unreadable file's error", () => {
    expect(report.files.map((f) => f.path)).toEqual(["a/sample.xlsx", "b/broken.xlsx"]);
    expect(report.files[1]).toEqual({ path: "b/broken.xlsx", sha256: "ab".repeat(32), error: { code: "not-zip", message: "Not an Excel .xlsx workbook." }, profile: null, counts: { error: 0, warning: 0, info: 0 }, sheets: [] });
  });

  it("writes issues with the message in the chosen language", () => {
    const issue = report.files[0].sheets[0].issues[0];
    expect(issue).toEqual({
      rule: "indicator.unit.missing",
      severity: "warning",
      sheet: "41303000",
      cell: "F30",
      path: "indicators[0].unit",
      message: "参考指標①の単位(F30)がありません。",
      raw: null,
      expected: "人、回などの単位",
      related: [],
    });
    expect(input({ settings: { ...settings, language: "en" } }).files[0].sheets[0].issues[0].message).toBe("Indicator ① has no unit (F30).");
  });

  it("writes the summary in the issue's shape with evaluation years sorted", () => {
    const s = evaluationSummary(report.files[0].sheets[0]);
    expect(Object.keys(s.evaluation)).toEqual(["2011", "2012", "2013"]);
    expect(s.indicators[0].years[1]).toEqual({ year: 2012, plan: 600, actual: 428, rate: 428 / 600, grade: "not", rateUndefinedReason: null });
    expect(s.indicators[0].base?.rateUndefinedReason).toBe("base year (before the plan period)");
    expect(s.budget[0]).toEqual({ year: 2011, planned: null, budget: 43769, settlement: 38182, settlementIsForecast: false, executionRate: 38182 / 43769, budgetToPlan: null });
  });

  it("totals files, sheets and findings, with a per-rule table including zero counts", () => {
    expect(report.totals).toEqual({
      files: 2,
      filesUnreadable: 1,
      sheets: 1,
      evaluationSheets: 1,
      rollupSheets: 0,
      projectSheets: 0,
      otherSheets: 0,
      issues: { error: 1, warning: 1, info: 1 },
      byRule: [
        { rule: "budget.value.negative", severity: "error", count: 0 },
        { rule: "indicator.value.not-numeric", severity: "error", count: 1 },
        { rule: "indicator.unit.missing", severity: "warning", count: 1 },
        { rule: "budget.settlement.forecast", severity: "info", count: 1 },
      ],
    });
  });

  it("leaves the model out on request", () => {
    expect(input({ includeModel: false }).files[0].sheets[0].model).toBeNull();
    expect(report.files[0].sheets[0].model).toEqual({ kind: "evaluation", sheet: "41303000" });
  });
});

describe("formatJson", () => {
  it("indents the top level by two spaces, writes each file and link entry on one line, ends with a newline and is identical for the same input", () => {
    const a = formatJson(input());
    expect(a.startsWith('{\n  "tool": {\n    "name": "hyoka",\n')).toBe(true);
    expect(a.endsWith("}\n")).toBe(true);
    const lines = a.split("\n");
    const filesAt = lines.indexOf('  "files": [');
    const entries = lines.slice(filesAt + 1, lines.indexOf("  ],", filesAt));
    expect(entries).toHaveLength(input().files.length);
    for (const [i, line] of entries.entries()) {
      expect(line.startsWith('    {"path":')).toBe(true);
      expect(line.endsWith(i < entries.length - 1 ? "}," : "}")).toBe(true);
    }
    expect(JSON.parse(a)).toEqual(JSON.parse(JSON.stringify(input())));
    expect(formatJson(input({ files: files().reverse() }))).toBe(a);
  });

  it("writes an empty list as []", () => {
    const text = formatJson(input({ files: [] }));
    expect(text).toContain('\n  "files": [],\n  "links": [],\n  "totals": {\n');
    expect(JSON.parse(text).files).toEqual([]);
  });
});

describe("CSV", () => {
  it("neutralizes formula starts", () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a=b", "１"].map(neutralizeFormula)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "a=b", "１"]);
  });
  it("quotes per RFC 4180", () => {
    expect(csvField('say "hi", now')).toBe('"say ""hi"", now"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("plain")).toBe("plain");
    expect(csvField(null)).toBe("");
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  });
  it("writes a BOM, a header, one row per finding and one per unreadable file, CRLF", () => {
    const csv = formatCsv(input());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toEqual([
      "file,sha256,sheet,cell,rule,severity,message,path,raw,expected,related",
      `a/sample.xlsx,${"0f".repeat(32)},41303000,F30,indicator.unit.missing,warning,参考指標①の単位(F30)がありません。,indicators[0].unit,,人、回などの単位,`,
      `a/sample.xlsx,${"0f".repeat(32)},41303000,D33,indicator.value.not-numeric,error,"数値ではありません: =HYPERLINK(""http://x"",""y"")",indicators[0].rows[1].actual,"'=HYPERLINK(""http://x"",""y"")",,`,
      `a/sample.xlsx,${"0f".repeat(32)},41303000,I60,budget.settlement.forecast,info,2013年度の決算は見込です。,budget[2].settlement,"21,165",,`,
      `b/broken.xlsx,${"ab".repeat(32)},,,file.not-zip,error,Not an Excel .xlsx workbook.,,,,`,
      "",
    ]);
  });
});

describe("formatText", () => {
  const text = formatText(input());
  it("shows files, sheets, findings with cells, raw and expected, and figures", () => {
    expect(text).toContain("ファイル: a/sample.xlsx");
    expect(text).toContain(`sha256 ${"0f".repeat(32)}`);
    expect(text).toContain('シート "41303000" — 41303000 環境技術を活かした国際貢献 2013年度 — エラー 1 · 警告 1 · 情報 1');
    expect(text).toContain("警告   F30    indicator.unit.missing  参考指標①の単位(F30)がありません。");
    expect(text).toContain("期待値: 人、回などの単位");
    expect(text).toContain('入力値: "21,165"');
    expect(text).toContain("2012  計画値 600  実績値 428  達成率 71.3% 未達成");
    expect(text).toContain("最終年度計画に対する進捗 91.4%");
    expect(text).toContain("2011  計画事業費 -  予算 43,769  決算 38,182  執行率 87.2%  予算/計画 -");
    expect(text).toContain("2013  計画事業費 38,802  予算 21,959  決算見込 21,165  執行率 96.4%  予算/計画 56.6%");
    expect(text).toContain("エラー [not-zip] 読み込めません: Not an Excel .xlsx workbook.");
    expect(text).not.toContain("\u001b[");
  });
  it("puts errors before warnings before info in a sheet", () => {
    expect(text.indexOf("indicator.value.not-numeric")).toBeLessThan(text.indexOf("indicator.unit.missing"));
    expect(text.indexOf("indicator.unit.missing")).toBeLessThan(text.indexOf("budget.settlement.forecast"));
  });
  it("colours only when asked", () => {
    expect(formatText(input(), { color: true })).toContain("\u001b[33m警告\u001b[0m");
  });
  it("speaks English with --lang en", () => {
    const en = formatText(input({ settings: { ...settings, language: "en" } }));
    expect(en).toContain("warning F30    indicator.unit.missing  Indicator ① has no unit (F30).");
    expect(en).toContain("2012  Plan 600  Actual 428  Rate 71.3% not achieved");
  });
});

describe("formatMarkdown", () => {
  const md = formatMarkdown(input());
  it("starts with provenance and has a per-rule table", () => {
    expect(md.startsWith("# 施策評価票 検証レポート\n\n## 検証の記録\n")).toBe(true);
    expect(md).toContain("| ルールカタログ版 | 2026.11.1 |");
    expect(md).toContain(`| 設定のハッシュ | ${contentHash(settings)} |`);
    expect(md).toContain("| 検証日時 | 2026-11-28T10:00:00.000Z |");
    expect(md).toContain(`| a/sample.xlsx | ${"0f".repeat(32)} | 1 | 1 | 1 | 1 |`);
    expect(md).toContain("| `budget.value.negative` | エラー | 0 |");
    expect(md).toContain("| `indicator.unit.missing` | 警告 | 1 |");
  });
  it("escapes table cells and shows figures", () => {
    // Cell text: parentheses escaped (never a link), the rule ID as code.
    expect(md).toContain("| エラー | D33 | `indicator.value.not-numeric` | 数値ではありません: =HYPERLINK\\(\"http://x\",\"y\"\\) |");
    expect(md).toContain("| ① 海外からの視察受入人数累計数 | 大きいほどよい | 2012 | 600 | 428 | 71.3% | 未達成 |");
    expect(md).toContain("| 2013 | 38,802 | 21,959 | 21,165 \\(決算見込\\) | 96.4% | 56.6% |");
  });
});

describe("number formats", () => {
  it("rounds rates to one decimal and groups thousands", () => {
    expect([428 / 600, 161 / 130, 0.9, 38182 / 43769, null].map(formatRate)).toEqual(["71.3%", "123.8%", "90.0%", "87.2%", ""]);
    expect([43769, -1234.5, 0, null].map(formatNumber)).toEqual(["43,769", "-1,234.5", "0", ""]);
  });
});

describe("related cells and template profiles in every format", () => {
  const restated: Finding = {
    rule: "crossyear.value.changed",
    severity: "warning",
    sheet: "41303000",
    cell: "C34",
    path: "indicators[0].rows[2].actual",
    raw: "428",
    related: ["2012/book.xlsx 41303000!C34", "41303000!C33"],
    message: { ja: "2012年度の実績値が変わりました。", en: "The 2012 actual changed." },
  };
  const withProfile = (): FileResult[] => [
    { path: "a/sample.xlsx", sha256: "0f".repeat(32), error: null, sheets: [sheetResult([restated])], profile: { name: "環境局", version: 3, source: "file" } },
    { path: "c/plain.xlsx", sha256: "cd".repeat(32), error: null, sheets: [sheetResult([])] },
  ];
  const report = (language: "ja" | "en" = "ja") => input({ files: withProfile(), settings: { ...settings, language } });

  it("keeps the profile per file in the JSON, null when none", () => {
    expect(report().files.map((f) => f.profile)).toEqual([{ name: "環境局", version: 3, source: "file" }, null]);
    expect(Object.keys(report().files[0])).toEqual(["path", "sha256", "error", "profile", "counts", "sheets"]);
  });

  it("shows related cells and the profile in text", () => {
    const text = formatText(report());
    expect(text).toContain("  テンプレート: 環境局 v3 (ブック内に保存)\n");
    expect(text).toContain('    警告   C34    crossyear.value.changed  2012年度の実績値が変わりました。\n           入力値: "428"\n           関連: 2012/book.xlsx 41303000!C34, 41303000!C33\n');
    // A file read without a profile gets no profile line.
    expect(text.split("テンプレート").length).toBe(2);
    const en = formatText(report("en"));
    expect(en).toContain("  Template profile: 環境局 v3 (saved in the workbook)\n");
    expect(en).toContain("           Related: 2012/book.xlsx 41303000!C34, 41303000!C33\n");
  });

  it("shows related cells and the profile (or none) in Markdown", () => {
    const md = formatMarkdown(report());
    expect(md).toContain("| 重要度 | セル | ルール | 内容 | 入力値 | 期待値 | 関連 |");
    expect(md).toContain("| 警告 | C34 | `crossyear.value.changed` | 2012年度の実績値が変わりました。 | 428 |  | 2012/book.xlsx 41303000\\!C34, 41303000\\!C33 |");
    expect(md).toContain("テンプレート: 環境局 v3 \\(ブック内に保存\\)\n");
    expect(md).toContain("テンプレート: なし\\(見出しから検索\\)\n");
    expect(formatMarkdown(input({ files: [{ ...withProfile()[0], profile: { name: "x", version: 1, source: "option" } }], settings: { ...settings, language: "en" } }))).toContain(
      "Template profile: x v1 \\(given with --template\\)\n",
    );
  });

  it("joins related cells with '; ' in the CSV's last column", () => {
    const lines = formatCsv(report()).slice(1).split("\r\n");
    expect(lines[1]).toBe(`a/sample.xlsx,${"0f".repeat(32)},41303000,C34,crossyear.value.changed,warning,2012年度の実績値が変わりました。,indicators[0].rows[2].actual,428,,2012/book.xlsx 41303000!C34; 41303000!C33`);
  });
});
