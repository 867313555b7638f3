import ExcelJS from "exceljs";
import { checkSheet, checkWorkbook } from "../../src/core/engine";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { excelText, writeSummaryWorkbook } from "../../src/adapters/xlsx/summaryWorkbook";
import { CELL_TEXT_LIMIT as EXCEL_MAX_TEXT } from "../../src/core/report/summaryLayout";
import { renderSheet } from "../../src/samples/layout";
import { mistakesWorkbook } from "../../src/samples/mistakes";
import { sample41303000 } from "../../src/samples/sample41303000";
import { linkWorkbook } from "../../src/core/report";
import { familyMistakesWorkbook, familyWorkbook } from "../../src/samples/family41303000";

const results = () => [checkSheet(renderSheet(sample41303000, "41303000").grid, { settings: DEFAULT_SETTINGS })];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe("writeSummaryWorkbook", () => {
  it("writes Excel tables with 0.0% rates, grade colours and a frozen header", async () => {
    const wb = await load(await writeSummaryWorkbook(results(), DEFAULT_SETTINGS));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["達成率", "事業費", "全体", "作成課別"]);
    const ind = wb.getWorksheet("達成率")!;
    expect(ind.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const table = ind.getTable("hyoka_indicators") as unknown as { table: { tableRef: string; columns: { name: string }[] } };
    expect(table.table.tableRef).toBe("A1:I13");
    expect(table.table.columns.map((c) => c.name)).toEqual(["シート", "施策課題", "指標", "年度", "計画値", "実績値", "達成率", "評価", "備考"]);
    // Row 4 = ① 2012 (row 2 is the base year 2010).
    expect(ind.getCell("D4").value).toBe(2012);
    expect(ind.getCell("G4").value).toBeCloseTo(428 / 600, 12);
    expect(ind.getCell("G4").numFmt).toBe("0.0%");
    expect(ind.getCell("H4").value).toBe("未達成");
    const cf = (ind as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => c.ref)).toEqual(["G2:G13"]);
    expect(cf[0].rules.map((r) => r.formulae[0])).toEqual(["AND(ISNUMBER(G2),G2>=1)", "AND(ISNUMBER(G2),G2>=0.8,G2<1)", "AND(ISNUMBER(G2),G2<0.8)"]);
    const bud = wb.getWorksheet("事業費")!;
    expect(bud.getCell("F2").value).toBe(38182);
    expect(bud.getCell("F2").numFmt).toBe("#,##0");
    expect(bud.getCell("H2").value).toBeCloseTo(38182 / 43769, 12);
    expect(bud.getCell("H2").numFmt).toBe("0.0%");
    expect(bud.getCell("G4").value).toBe("見込");
  });

  it("writes the roll-up: 評価区分, mean and minimum rate, 執行率 for the evaluation year", async () => {
    const wb = await load(await writeSummaryWorkbook(results(), DEFAULT_SETTINGS));
    const r = wb.getWorksheet("全体")!;
    expect(r.getRow(1).values).toEqual([undefined, "シート", "施策課題", "作成課", "評価年度", "評価区分", "平均達成率", "最小達成率", "予算", "決算", "決算見込", "執行率", "予算/計画", "フラグ", "エラー", "警告"]);
    expect(r.getCell("E2").value).toBe("AⅡ");
    expect(r.getCell("F2").value).toBeCloseTo((868 / 950 + 161 / 130 + 36 / 40) / 3, 12);
    expect(r.getCell("G2").value).toBeCloseTo(0.9, 12);
    expect(r.getCell("K2").value).toBeCloseTo(21165 / 21959, 12);
    const d = wb.getWorksheet("作成課別")!;
    expect(d.getRow(1).values).toEqual([undefined, "作成課", "施策数", "評価年度不明", "予算計", "決算計", "決算見込計", "執行率(見込含む)", "決算超過", "高執行・低達成", "執行率低"]);
    // 2013 is the sample's own year: its 21,165 is a forecast, so 決算計 stays blank.
    expect((d.getRow(2).values as unknown[]).slice(1, 7)).toEqual(["環境局地球環境推進室", 1, 0, 21959, undefined, 21165]);
    expect(d.getCell("G2").value).toBeCloseTo(21165 / 21959, 12);
  });

  it("over many files: a ファイル column tells identical measures apart, and the chart follows the shifted columns", async () => {
    const JSZip = (await import("jszip")).default;
    const twice = [...results(), ...results()];
    const bytes = await writeSummaryWorkbook(twice, DEFAULT_SETTINGS, { files: ["b/41303000.xlsx", "a/41303000-写し.xlsx"] });
    const r = (await load(bytes)).getWorksheet("全体")!;
    expect((r.getRow(1).values as unknown[]).slice(1, 4)).toEqual(["ファイル", "シート", "施策課題"]);
    expect([r.getCell("A2").value, r.getCell("B2").value, r.getCell("F2").value]).toEqual(["a/41303000-写し.xlsx", "41303000", "AⅡ"]);
    expect([r.getCell("A3").value, r.getCell("B3").value]).toEqual(["b/41303000.xlsx", "41303000"]);
    expect(r.getCell("L2").value).toBeCloseTo(21165 / 21959, 12);
    const chart = await (await JSZip.loadAsync(bytes)).file("xl/charts/chart1.xml")!.async("string");
    expect(chart.match(/<c:f>[^<]+<\/c:f>/g)).toEqual(["<c:f>全体!$L$2:$L$3</c:f>", "<c:f>全体!$G$2:$G$3</c:f>"]);
  });

  it("follows settings.language: English sheet names, headings, flags and chart on the 執行率 and mean-rate columns", async () => {
    const JSZip = (await import("jszip")).default;
    const english = { ...DEFAULT_SETTINGS, language: "en" as const };
    const bytes = await writeSummaryWorkbook([...results(), ...results()], english, { files: ["b/41303000.xlsx", "a/41303000.xlsx"] });
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Achievement rates", "Project costs", "Overview", "By department"]);
    expect((wb.getWorksheet("Achievement rates")!.getRow(1).values as unknown[]).slice(1, 4)).toEqual(["File", "Sheet", "Measure"]);
    const r = wb.getWorksheet("Overview")!;
    expect(r.getRow(1).values).toEqual([undefined, "File", "Sheet", "Measure", "Department", "Fiscal year", "Evaluation", "Mean achievement", "Lowest achievement", "Budget", "Settlement", "Forecast settlement", "Execution rate", "Budget/plan", "Flags", "Errors", "Warnings"]);
    expect(r.getCell("K2").value).toBe("forecast");
    expect(r.getCell("L2").value).toBeCloseTo(21165 / 21959, 12);
    expect(r.getCell("G2").value).toBeCloseTo((868 / 950 + 161 / 130 + 36 / 40) / 3, 12);
    const d = wb.getWorksheet("By department")!;
    expect(d.getRow(1).values).toEqual([undefined, "Department", "Measures", "Fiscal year unknown", "Budget total", "Settlement total", "Forecast settlement total", "Execution rate (incl. forecast)", "Overrun", "High spend, low achievement", "Under-execution"]);
    expect((d.getRow(2).values as unknown[]).slice(1, 4)).toEqual(["環境局地球環境推進室", 2, 0]);
    // Grade colours on the mean and lowest rates, found by meaning like the chart's columns.
    const cf = (r as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(cf.map((c) => c.ref)).toEqual(["G2:G3", "H2:H3"]);
    const chart = await (await JSZip.loadAsync(bytes)).file("xl/charts/chart1.xml")!.async("string");
    expect(chart.match(/<c:f>[^<]+<\/c:f>/g)).toEqual(["<c:f>Overview!$L$2:$L$3</c:f>", "<c:f>Overview!$G$2:$G$3</c:f>"]);
    for (const title of ["Execution rate vs mean achievement", "Execution rate", "Mean achievement"]) expect(chart).toContain(`<a:t>${title}</a:t>`);
    expect(chart).not.toMatch(/執行率|平均達成率/);
  });

  it("names the flags and the measures without a department in the chosen language", async () => {
    const mistakes = checkWorkbook({ sheets: mistakesWorkbook().sheets.map((s) => s.grid) });
    for (const [language, rollupSheet, departmentSheet, flags, noDepartment] of [
      ["ja", "全体", "作成課別", "決算超過、高執行・低達成", "(作成課なし)"],
      ["en", "Overview", "By department", "Overrun; High spend, low achievement", "(no department)"],
    ] as const) {
      const wb = await load(await writeSummaryWorkbook(mistakes, { ...DEFAULT_SETTINGS, language }));
      const r = wb.getWorksheet(rollupSheet)!;
      // 31201000 is over budget with a low achievement; 4130300 (41303000's figures) has no department.
      expect([r.getCell("A2").value, r.getCell("M2").value]).toEqual(["31201000", flags]);
      const d = wb.getWorksheet(departmentSheet)!;
      expect((d.getRow(6).values as unknown[]).slice(1)).toEqual([noDepartment, 1, 0, 21959, undefined, 21165, 21165 / 21959, 0, 1, 0]);
    }
  });

  it("writes cell text as text Excel reads back unchanged: no formula, no _xHHHH_ escape, nothing XML forbids, at most 32,767 characters", async () => {
    const JSZip = (await import("jszip")).default;
    const measure = (measureName: string, department: string, sheet: string) =>
      checkSheet(renderSheet({ ...structuredClone(sample41303000), measureName, department }, sheet).grid, { settings: DEFAULT_SETTINGS });
    const long = "長".repeat(40000);
    const bytes = await writeSummaryWorkbook(
      [measure('=HYPERLINK("http://example.com","x")', "_x0041_ 課\uFFFE", "=1+1"), measure(long, "@SUM(1)", "+41303000")],
      DEFAULT_SETTINGS,
      { files: ["-a.xlsx", "b.xlsx"] },
    );
    // exceljs reads as strictly as Excel: a U+FFFE in the XML would fail the load.
    const r = (await load(bytes)).getWorksheet("全体")!;
    expect(["A2", "B2", "C2", "D2"].map((a) => r.getCell(a).value)).toEqual(["-a.xlsx", "=1+1", '41303000 =HYPERLINK("http://example.com","x")', "_x0041_ 課"]);
    expect(["B3", "D3"].map((a) => r.getCell(a).value)).toEqual(["+41303000", "@SUM(1)"]);
    // Cut to Excel's limit, the cut marked.
    expect(r.getCell("C3").value).toBe(`41303000 ${long}`.slice(0, 32766) + "…");
    // Stored as shared strings, never as formulas.
    const xml = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet3.xml")!.async("string");
    expect(xml).not.toContain("<f>");
  });

  it("writes a figure that overflows (a 予算計 past 1.8e308) as blank: Excel has no Infinity", async () => {
    const JSZip = (await import("jszip")).default;
    const huge = structuredClone(sample41303000);
    for (const b of huge.budget) b.budget = 1.5e308;
    const one = checkSheet(renderSheet(huge, "41303000").grid, { settings: DEFAULT_SETTINGS });
    const bytes = await writeSummaryWorkbook([one, one], DEFAULT_SETTINGS);
    const departments = (await load(bytes)).getWorksheet("作成課別")!;
    expect([departments.getCell("A2").value, departments.getCell("B2").value, departments.getCell("D2").value]).toEqual(["環境局地球環境推進室", 2, null]);
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((f) => f.startsWith("xl/worksheets/sheet"))) {
      expect(await zip.file(name)!.async("string")).not.toMatch(/<v>(?:-?Infinity|NaN)<\/v>/);
    }
  });

  it("excelText: Excel's limit kept exactly, a cut never halves a surrogate pair, _xHHHH_ escaped whatever the case of its hex digits", () => {
    const full = "a".repeat(EXCEL_MAX_TEXT);
    expect(excelText(full)).toBe(full);
    expect(excelText(`${full}b`)).toBe(`${"a".repeat(EXCEL_MAX_TEXT - 1)}…`);
    expect(excelText(`${"a".repeat(EXCEL_MAX_TEXT - 2)}😀b`)).toBe(`${"a".repeat(EXCEL_MAX_TEXT - 2)}…`);
    expect(excelText("_x00e9_ _X0041_ _x12_ =A1")).toBe("_x005F_x00e9_ _X0041_ _x12_ =A1");
    // Escaping lengthens the text: the cut comes after it, so the limit still holds.
    expect(excelText("_x0041_".repeat(5000)).length).toBe(EXCEL_MAX_TEXT);
  });

  it("gives the same bytes for the same input and writes a header-only sheet when there is nothing", async () => {
    const a = await writeSummaryWorkbook(results(), DEFAULT_SETTINGS);
    const b = await writeSummaryWorkbook(results(), DEFAULT_SETTINGS);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const empty = await load(await writeSummaryWorkbook([], DEFAULT_SETTINGS));
    expect(empty.getWorksheet("達成率")!.getCell("A1").value).toBe("シート");
    expect(empty.getWorksheet("達成率")!.rowCount).toBe(1);
  });
});

describe("the 施策別 sheet", () => {
  const family = async (sheets = familyWorkbook(), language: "ja" | "en" = "ja") => {
    const settings = { ...DEFAULT_SETTINGS, language };
    const { results: linked, groups } = linkWorkbook(checkWorkbook({ sheets: sheets.map((s) => s.grid) }), settings);
    return load(await writeSummaryWorkbook(linked, settings, { links: groups }));
  };

  /**
   * A cell's number: its value, or the cached result of its formula — through `cell.result`:
   * exceljs's `value` drops a cached result of 0 when it copies the formula.
   */
  const numberOf = (ws: ExcelJS.Worksheet, address: string): number | null => {
    const v = ws.getCell(address).value as unknown;
    if (typeof v === "object" && v !== null && "formula" in v) return (ws.getCell(address).result as number | undefined) ?? null;
    if (v === null || v === undefined || v === "") return null;
    return v as number;
  };

  it("per 施策: its projects' 事業費 A, their SUM, the 施策's 事業費 and the difference, totals equal to the cells they sum", async () => {
    const wb = await family();
    expect(wb.worksheets.map((w) => w.name)).toEqual(["達成率", "事業費", "全体", "作成課別", "事務事業", "施策別"]);
    const ws = wb.getWorksheet("施策別")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      "施策課題", "区分", "事務事業", "ファイル", "シート",
      "2011 予算", "2011 決算", "2012 計画", "2012 予算", "2012 決算", "2013 計画", "2013 予算", "2013 決算見込",
      "達成度", "方向性区分", "備考",
    ]);
    expect([2, 3, 4, 5, 6, 7, 8].map((r) => [ws.getCell(`B${r}`).value, ws.getCell(`C${r}`).value])).toEqual([
      ["事務事業", "国際環境施策推進事業"],
      ["事務事業", "環境総合研究推進事業"],
      ["事務事業", "国際環境産業推進事業"],
      ["事務事業", "アジア起業家誘致交流促進事業"],
      ["事務事業計", null],
      ["施策の事業費", null],
      ["差(施策−計)", null],
    ]);
    // The 施策's columns: 2014 is a project's plan only.
    expect([2, 3, 4, 5].map((r) => [ws.getCell(`N${r}`).value, ws.getCell(`O${r}`).value])).toEqual([["3", "Ⅱ"], ["2", "Ⅱ"], ["3", "Ⅰ"], ["4", "Ⅳ"]]);
    // Every 事務事業計 is a SUM of the four project cells above it, and its cached figure is that sum.
    for (let col = 6; col <= 13; col++) {
      const letter = String.fromCharCode(64 + col);
      expect((ws.getCell(`${letter}6`).value as { formula: string }).formula).toBe(`SUM(${letter}2:${letter}5)`);
      const cells = [2, 3, 4, 5].map((r) => numberOf(ws, `${letter}${r}`)).filter((n): n is number => n !== null);
      expect(numberOf(ws, `${letter}6`)).toBe(cells.length ? cells.reduce((a, b) => a + b, 0) : null);
    }
    // The 施策's own figures (the published 事業費合計) and zero differences where it has one.
    expect(["F", "G", "H", "I", "J", "K", "L", "M"].map((c) => numberOf(ws, `${c}7`))).toEqual([43769, 38182, 39173, 37355, 34473, 38802, 21959, 21165]);
    expect(["F", "G", "H", "I", "J", "K", "L", "M"].map((c) => [numberOf(ws, `${c}8`), numberOf(ws, `${c}6`)])).toEqual(
      [43769, 38182, 39173, 37355, 34473, 38802, 21959, 21165].map((n) => [0, n]),
    );
    expect((ws.getCell("F8").value as { formula: string }).formula).toBe('IF(OR(F7="",F6=""),"",F7-F6)');
    expect(ws.getCell("F2").numFmt).toBe("#,##0");
  });

  it("the variant: the restated 2012 決算 shows as a difference of 100; the unlisted and the unsheeted projects below, not summed", async () => {
    const wb = await family(familyMistakesWorkbook().sheets);
    const ws = wb.getWorksheet("施策別")!;
    expect(numberOf(ws, "J7")).toBe(34573);
    expect(numberOf(ws, "J6")).toBe(34473);
    expect(numberOf(ws, "J8")).toBe(100);
    expect([9, 10].map((r) => [ws.getCell(`C${r}`).value, ws.getCell(`P${r}`).value])).toEqual([
      ["環境国際協力調査事業", "シートなし"],
      ["グリーン・イノベーション推進事業", "一覧にない事務事業(合計に含めない)"],
    ]);
  });

  it("in English with --lang en", async () => {
    const wb = await family(familyWorkbook(), "en");
    const ws = wb.getWorksheet("By measure")!;
    expect((ws.getRow(1).values as unknown[]).slice(1, 8)).toEqual(["Measure", "Line", "Project", "File", "Sheet", "2011 budget", "2011 settlement"]);
    expect(ws.getCell("B6").value).toBe("projects total");
  });
});
