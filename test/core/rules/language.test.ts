// Japanese messages are Japanese throughout (issue 2 item 5, issue 3 item 5): no English note,
// reason or word inside message.ja; English messages without article slips.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { checkSheet, checkWorkbook } from "../../../src/core/engine";
import type { Finding } from "../../../src/core/findings";
import type { CellValue, SheetGrid } from "../../../src/core/grid";
import { notEvaluationFindings } from "../../../src/core/rules";
import { localizeReason, UNKNOWN_REASON_JA, withArticle } from "../../../src/core/rules/text";
import { renderSheet } from "../../../src/samples/layout";
import { mistakesWorkbook } from "../../../src/samples/mistakes";
import { sample41303000 } from "../../../src/samples/sample41303000";
import { fuzzParameters } from "../../fuzz/runs";
import { englishIn } from "./japaneseText";

/** Every slip in the findings: English in `ja`, or `a evaluation` / `an department` in `en`. */
function slips(findings: readonly Finding[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    const english = englishIn(f.message.ja);
    if (english.length > 0) out.push(`${f.rule} ja: ${f.message.ja} (${english.join(", ")})`);
    for (const en of [f.message.en, f.expected?.en ?? ""]) {
      if (/\ba [aeio]|\ban [b-df-hj-np-tv-z]/i.test(en)) out.push(`${f.rule} en: ${en}`);
    }
  }
  return out;
}

describe("englishIn", () => {
  test.each<[string, string[]]>([
    ["セルB30の「２５０」を「250」として読みました(全角数字を半角にしました)。", []],
    ["セルC31の「abc」を読めません(D32)。indicator.direction.unknown で報告します。t-CO2、N/A、Excel", []],
    ["シート「Sheet 1」は評価票・事務事業評価シートではないため点検しませんでした(no 施策課題 label)。", ["label"]],
    ["セルB30の「２５０」を「250」として読みました(full-width digits)。", ["full", "width", "digits"]],
    ["「外「inner」側」 and", ["and"]],
    ["budget.plan-deviation で報告します(full-width)。", ["full", "width"]],
  ])("%s → %p", (ja, words) => {
    expect(englishIn(ja)).toEqual(words);
  });
});

describe("reasons a sheet is not an evaluation sheet", () => {
  // The reader's reasons, read from its source: a reason added there fails here until translated.
  const readerDir = join(__dirname, "../../../src/core/reader");
  const reasons = readdirSync(readerDir)
    .filter((f) => f.endsWith(".ts"))
    .flatMap((f) => [...readFileSync(join(readerDir, f), "utf8").matchAll(/\breason: (?:"([^"]+)"|`([^`]+)`)/g)])
    .map((m) => (m[1] ?? m[2]).replace(/\$\{[^}]*\}/g, "x"));

  test("every reason the reader gives has a Japanese wording", () => {
    expect(reasons).toEqual(expect.arrayContaining(["empty sheet", "no 施策課題 label", "could not be read: x"]));
    expect(reasons.length).toBeGreaterThanOrEqual(4);
    expect(reasons.filter((r) => localizeReason(r).ja === UNKNOWN_REASON_JA)).toEqual([]);
  });

  test.each<[string, string]>([
    ["empty sheet", "空のシートです"],
    ["no 施策課題 label", "施策課題の見出しがありません"],
    ["施策課題 found but none of 参考指標, 事業費, 評価結果, 評価年度", "施策課題の見出しはありますが、参考指標・事業費・評価結果・評価年度の見出しがありません"],
    ["could not be read: Cannot read properties of undefined (reading 'row')", "読み取り中に予期しないエラーが起きました"],
    ["a reason added later", UNKNOWN_REASON_JA],
  ])("%s → %s", (reason, ja) => {
    expect(localizeReason(reason)).toEqual({ ja, en: reason });
  });

  test("an unknown reason stays out of the Japanese message and in the English one", () => {
    const [finding] = notEvaluationFindings({ kind: "other", sheet: "Notes", reason: "a reason added later" });
    expect(finding.message).toEqual({
      ja: "シート「Notes」は評価票・事務事業評価シートではないため点検しませんでした(評価票として読める見出しが見つかりませんでした)。",
      en: 'Sheet "Notes" is neither an evaluation sheet nor a project sheet and was skipped (a reason added later).',
    });
  });
});

test("withArticle", () => {
  expect(withArticle("evaluation year (評価年度)")).toBe("an evaluation year (評価年度)");
  expect(withArticle("measure code (施策課題)")).toBe("a measure code (施策課題)");
});

describe("findings on the mistakes workbook", () => {
  const results = checkWorkbook({ sheets: mistakesWorkbook().sheets.map((s) => s.grid) });
  const findings = results.flatMap((r) => r.findings);

  test("every rule of the workbook speaks Japanese in ja and has no article slip in en", () => {
    expect(new Set(findings.map((f) => f.rule)).size).toBeGreaterThanOrEqual(30);
    expect(slips(findings)).toEqual([]);
  });

  test("header.field.missing expects an evaluation year, not 'a evaluation year'", () => {
    const grid = renderSheet(sample41303000, "S").grid;
    const blanked = grid.values.map((row) => row.map((v) => (v === "2013年度" ? null : v)));
    const missing = checkSheet({ ...grid, values: blanked }).findings.find((f) => f.rule === "header.field.missing");
    expect(missing?.expected).toEqual({ ja: "評価年度の記入", en: "an evaluation year (評価年度)" });
  });

  test("budget.year.missing names the year, not a column (the table may run down)", () => {
    expect(findings.find((f) => f.rule === "budget.year.missing")?.message).toEqual({
      ja: "事業費の表に2012年度がありません。",
      en: "The project-cost table has no entry for 2012.",
    });
  });

  test("value.normalized carries its note in Japanese on the ja side, in English on the en side", () => {
    const f = findings.find((x) => x.rule === "value.normalized" && x.raw === "△100");
    expect(f?.message).toEqual({
      ja: "セルF56の「△100」を「-100」として読みました(「△」をマイナスとして読みました)。",
      en: 'Cell F56 "△100" was read as "-100" (△ read as minus).',
    });
  });
});

describe("findings on fuzzed sheets", () => {
  const bases: SheetGrid[] = [
    renderSheet(sample41303000, "41303000").grid,
    renderSheet(sample41303000, "Sheet1", { indicatorYearsAcross: true, budgetYearsDown: true }).grid,
  ];
  // Entries that make the normalizers write notes and the rules quote raw text.
  const entry: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constantFrom<CellValue>(
      "H23", "平成24年度", "Ｈ２５", "R5", "H40", "2011(H24)年度", "２０１３", "2013", "A2", "aii", "ＡⅡ", "D1", "X",
      "△12", "▲1,234", "１，２３４", "45.2%", "123※", "1,23,4", "約400", "abc", "TRUE", "N/A", "未集計", "集計中", "－",
      "高いほどよい", "減少", "適正", "千円", "t-CO2", "Excel", "累計", "", null, true, false, 0, -5, 1e21, 2014,
      { error: "#DIV/0!" }, { error: "#N/A" },
    ),
    fc.string({ maxLength: 6 }),
    fc.integer({ min: -100, max: 3000 }),
  );
  const overwrite = fc.record({ row: fc.nat(60), col: fc.nat(14), value: entry });

  test("message.ja has no English and message.en no article slip", () => {
    const found = new Set<string>();
    const rules = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(overwrite, { minLength: 1, maxLength: 12 }), (base, edits) => {
        const values = base.values.map((row) => [...row]);
        for (const { row, col, value } of edits) if (row < values.length && col < values[row].length) values[row][col] = value;
        const { findings } = checkSheet({ ...base, values });
        for (const f of findings) rules.add(f.rule);
        for (const slip of slips(findings)) found.add(slip);
      }),
      fuzzParameters(400),
    );
    expect([...found].slice(0, 10)).toEqual([]);
    // The edits reach the rules that quote raw text and notes, so the check means something.
    expect([...rules]).toEqual(expect.arrayContaining(["value.normalized", "indicator.value.not-numeric", "evaluation.code.invalid"]));
  });
});
