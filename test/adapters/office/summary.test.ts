import { checkWorkbook } from "../../../src/core/engine";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { OfficeWorkbookPort } from "../../../src/adapters/office/officeWorkbookPort";
import { SUMMARY_SHEETS_SETTING, asExcelInput, chooseSummaryName } from "../../../src/adapters/office/summaryWriter";
import { writeSummaryCommand } from "../../../src/commands/writeSummary";
import { CELL_TEXT_LIMIT, FakeExcel } from "../../support/fakeExcel";
import { evaluateFormula } from "./formulaEval";
import { sampleGrid, specOf } from "./fixtures";

const USER_SHEET = { name: "達成率サマリー", cells: { A1: "職員が作った表", B2: 42 } };

function workbook(): FakeExcel {
  return new FakeExcel([specOf(sampleGrid("41303000")), specOf(sampleGrid("施策B", { rowOffset: 3, valuesAsText: true })), USER_SHEET]);
}

async function readAndSummarize(fake: FakeExcel, settings = DEFAULT_SETTINGS) {
  const port = new OfficeWorkbookPort({ run: fake.run, supports: () => true });
  const results = checkWorkbook(await port.readWorkbook(), { settings });
  fake.syncCount = 0;
  const written = await port.writeSummary(results, settings);
  return { port, results, written };
}

/** Summary rows as { header: cell } for the table whose header row holds `firstHeader`. */
function tableRows(fake: FakeExcel, sheet: string, firstHeader: string, width: number) {
  const s = fake.sheet(sheet);
  const at = (r: number, c: number) => s.cells.get(`${r},${c}`);
  let header = 0;
  while (at(header, 0)?.value !== firstHeader) header++;
  const headers = Array.from({ length: width }, (_, c) => String(at(header, c)?.value));
  const rows: { row: number; cells: Record<string, { value: unknown; formula?: string; numberFormat?: string }> }[] = [];
  for (let r = header + 1; at(r, 0)?.value !== undefined; r++)
    rows.push({ row: r, cells: Object.fromEntries(headers.map((h, c) => [h, { value: at(r, c)?.value, formula: at(r, c)?.formula, numberFormat: at(r, c)?.numberFormat }])) });
  return rows;
}

describe("writeSummary", () => {
  it("leaves a user's 達成率サマリー alone, writes 達成率サマリー (2) in 3 syncs, and changes no other cell", async () => {
    const fake = workbook();
    const before = fake.snapshot();
    const { written } = await readAndSummarize(fake);
    expect(written.sheetName).toBe("達成率サマリー (2)");
    expect(fake.syncCount).toBe(3);
    expect(fake.snapshot(["達成率サマリー (2)"])).toEqual(before);
    expect(fake.sheetNames()).toEqual(["41303000", "施策B", "達成率サマリー", "達成率サマリー (2)"]);
    expect(fake.data.settings.get(SUMMARY_SHEETS_SETTING)).toEqual([fake.sheet("達成率サマリー (2)").id]);
  });

  it("writes live formulas on the source cells whose values match the core's figures", async () => {
    const fake = workbook();
    const { results, written } = await readAndSummarize(fake);
    const rows = tableRows(fake, written.sheetName, "シート", 9);
    const core = results.filter((r) => r.kind === "evaluation").flatMap((r) =>
      r.summary!.indicators.flatMap((ind) => ind.years.map((y) => ({ sheet: r.sheet, index: ind.index, ...y }))),
    );
    const yearRows = rows.filter((r) => !String(r.cells["備考"].value ?? "").startsWith("基準年"));
    expect(yearRows).toHaveLength(core.length);
    expect(core).toHaveLength(18); // 2 sheets × 3 indicators × 2011–2013 (2010 is the base row)
    yearRows.forEach((row, k) => {
      const c = core[k];
      const sheet = String(row.cells["シート"].value);
      expect(sheet).toBe(c.sheet);
      const plan = row.cells["計画値"];
      if (sheet === "41303000") {
        // Numbers typed as numbers: live references to exactly the cells the core read.
        expect(plan.formula).toBe(`='41303000'!${c.cells.plan}`);
        expect(row.cells["実績値"].formula).toBe(`='41303000'!${c.cells.actual}`);
      }
      const evalCell = (h: string) => {
        const cell = row.cells[h];
        return cell.formula ? evaluateFormula(fake, written.sheetName, cell.formula) : cell.value;
      };
      expect(evalCell("計画値")).toBe(c.plan);
      expect(evalCell("実績値")).toBe(c.actual);
      const rate = evalCell("達成率");
      if (c.rate === null) expect(rate).toBe("");
      else expect(rate).toBeCloseTo(c.rate, 12);
      expect(row.cells["達成率"].numberFormat).toBe("0.0%");
      expect(evalCell("評価")).toBe(c.grade === null ? "" : { achieved: "達成", nearly: "概ね達成", not: "未達成" }[c.grade]);
    });
    // The worked example of DOMAIN.md: indicator ① of 41303000, 2011–2013.
    const first = yearRows.slice(0, 3).map((r) => Number(evaluateFormula(fake, written.sheetName, r.cells["達成率"].formula!).toString().slice(0, 6)));
    expect(first).toEqual([1.092, 0.7133, 0.9136]);
  });

  it("adds both tables, 3 conditional formats per rate column and a chart of the latest year", async () => {
    const fake = workbook();
    const { written } = await readAndSummarize(fake);
    const records = fake.recordsOf(written.sheetName);
    const tables = records.filter((r) => r.kind === "table");
    expect(tables.map((t) => [t.props.name, t.address, t.args[1]])).toEqual([
      ["hyoka_indicators", "A5:I29", true],
      ["hyoka_budget", "A32:J38", true],
    ]);
    const cfs = records.filter((r) => r.kind === "conditionalFormat");
    expect(cfs.map((c) => c.address)).toEqual([...Array(3).fill("G6:G29"), ...Array(3).fill("H33:H38"), ...Array(3).fill("I33:I38")]);
    expect(cfs[0].props["custom.rule.formula"]).toBe("=AND(ISNUMBER(G6),G6>=1)");
    expect(cfs[0].props["custom.format.fill.color"]).toBe("#C6EFCE");
    const [chart] = records.filter((r) => r.kind === "chart");
    expect(chart.args).toEqual(["ColumnClustered", "Columns"]);
    expect(chart.address).toBe("L5:M11");
    expect(chart.props["title.text"]).toBe("2013年度 参考指標の達成率");
    expect(fake.cell(written.sheetName, "M6")?.formula).toBe("=G9");
  });

  it("finds the chart's columns by meaning, not by heading: the English summary has its chart too", async () => {
    const fake = workbook();
    const { written } = await readAndSummarize(fake, { ...DEFAULT_SETTINGS, language: "en" });
    const [chart] = fake.recordsOf(written.sheetName).filter((r) => r.kind === "chart");
    expect(chart.address).toBe("L5:M11");
    expect(chart.props["title.text"]).toBe("Indicator achievement rates, 2013");
    expect(fake.cell(written.sheetName, "M6")?.formula).toBe("=G9");
  });

  it("rebuilds only its own sheet on a re-run, and takes the plain name once the user's sheet is gone", async () => {
    const fake = workbook();
    await readAndSummarize(fake);
    const userBefore = fake.snapshot().sheets.find((s) => s.name === "達成率サマリー");
    const again = await readAndSummarize(fake);
    expect(again.written.sheetName).toBe("達成率サマリー (2)");
    expect(fake.sheetNames()).toEqual(["41303000", "施策B", "達成率サマリー", "達成率サマリー (2)"]);
    expect(fake.snapshot().sheets.find((s) => s.name === "達成率サマリー")).toEqual(userBefore);
    fake.data.sheets.find((s) => s.name === "達成率サマリー")!.deleted = true;
    const third = await readAndSummarize(fake);
    expect(third.written.sheetName).toBe("達成率サマリー");
    expect(fake.sheetNames()).toEqual(["41303000", "施策B", "達成率サマリー"]);
  });

  it("writes an indicator name longer than a cell can hold cut to 32,767 characters, not a failed summary", async () => {
    const fake = workbook();
    const { written } = await readAndSummarize(fake);
    const shown = String(tableRows(fake, written.sheetName, "シート", 9)[0].cells["指標"].value); // "① name"
    const source = [...fake.sheet("41303000").cells.values()].find((c) => c.value === shown.slice(2))!;
    source.value = "長".repeat(40_000);
    const again = await readAndSummarize(fake);
    const name = String(tableRows(fake, again.written.sheetName, "シート", 9)[0].cells["指標"].value);
    expect(name).toHaveLength(CELL_TEXT_LIMIT);
    expect(name).toBe(`① ${"長".repeat(CELL_TEXT_LIMIT - 3)}…`);
    // The chart's label joins the sheet's name to it: cut too.
    expect(fake.cell(again.written.sheetName, "L6")?.value).toBe(`41303000 ① ${"長".repeat(CELL_TEXT_LIMIT - 12)}…`);
  });

  it("does not take a user's sheet for its own when the user cut its A1 (and the hidden name with it) into that sheet", async () => {
    const fake = workbook();
    const { written } = await readAndSummarize(fake);
    fake.userCutPaste(written.sheetName, "A1", "達成率サマリー", "D9"); // the title, pasted into the user's own table
    const userBefore = fake.snapshot().sheets.find((s) => s.name === "達成率サマリー");
    fake.reopen(); // hyoka's sheet is now known by the name only
    const again = await readAndSummarize(fake);
    expect(fake.snapshot().sheets.find((s) => s.name === "達成率サマリー")).toEqual(userBefore);
    expect(again.written.sheetName).toBe("達成率サマリー (3)");
    expect(fake.sheetNames()).toEqual(["41303000", "施策B", "達成率サマリー", "達成率サマリー (2)", "達成率サマリー (3)"]);
  });

  it("runs as the ribbon command: read, check, write", async () => {
    const fake = workbook();
    const port = new OfficeWorkbookPort({ run: fake.run, supports: () => true });
    expect(await writeSummaryCommand(port)).toEqual({ sheetName: "達成率サマリー (2)", evaluationSheets: 2, profile: null });
    expect(fake.syncCount).toBe(6); // saved profile 1, read 2, write 3
  });
});

describe("summary writer helpers", () => {
  it("chooses the first name not held by a user sheet", () => {
    const sheets = [{ name: "達成率サマリー", id: "u" }, { name: "達成率サマリー (2)", id: "h" }];
    expect(chooseSummaryName("達成率サマリー", sheets, new Set())).toBe("達成率サマリー (3)");
    expect(chooseSummaryName("達成率サマリー", sheets, new Set(["h"]))).toBe("達成率サマリー (2)");
    expect(chooseSummaryName("達成率サマリー", sheets, new Set(["u"]))).toBe("達成率サマリー");
  });
  it("writes every text with the apostrophe text prefix: Excel never converts it", () => {
    expect(asExcelInput({ value: "01303000" })).toBe("'01303000");
    expect(asExcelInput({ value: "=A1" })).toBe("'=A1");
    expect(asExcelInput({ value: "TRUE" })).toBe("'TRUE");
    expect(asExcelInput({ value: "1E3" })).toBe("'1E3");
    expect(asExcelInput({ value: "41303000 環境技術" })).toBe("'41303000 環境技術");
    expect(asExcelInput({ value: 41303000 })).toBe(41303000);
    expect(asExcelInput({ value: 0.5, formula: "=B1" })).toBe("=B1");
    expect(asExcelInput({ value: null })).toBe("");
    expect(asExcelInput({ value: `${"a".repeat(32_766)}😀` })).toBe(`'${"a".repeat(32_766)}…`); // never half a surrogate pair
    expect(asExcelInput({ value: "a".repeat(32_767) })).toBe(`'${"a".repeat(32_767)}`);
  });
  it("writes a figure that is not finite (a sum past 1.8e308) as an empty cell: Excel has no Infinity or NaN", () => {
    expect([Infinity, -Infinity, Number.NaN].map((value) => asExcelInput({ value }))).toEqual(["", "", ""]);
  });
});
