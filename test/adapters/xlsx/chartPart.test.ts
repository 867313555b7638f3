// addScatterChart: every part, relationship and content type of the added chart, the rest of
// the package untouched, and exceljs still reading the cells.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { absoluteRangeFormula, addScatterChart, ChartPartError, sheetReference, type ScatterChartSpec } from "../../../src/adapters/xlsx/chartPart";
import { SUMMARY_WORKBOOK_SHEETS, writeSummaryWorkbook } from "../../../src/adapters/xlsx/summaryWorkbook";
import { checkWorkbook } from "../../../src/core/engine";
import { DEFAULT_SETTINGS } from "../../../src/core/settings";
import { rollUp } from "../../../src/core/summary";
import { mistakesWorkbook } from "../../../src/samples/mistakes";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Throws unless the text is well-formed, namespace-correct XML. */
function assertWellFormed(xml: string, part: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let failure: Error | null = null;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.write(xml).close();
  if (failure) throw new Error(`${part}: ${(failure as Error).message}`);
}

/** A workbook with a table sheet (like the roll-up), a sheet whose name needs quotes, and a third. */
async function sourceWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const rollup = wb.addWorksheet("全体");
  rollup.addTable({
    name: "t_rollup",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "シート" }, { name: "執行率" }, { name: "平均達成率" }],
    rows: [
      ["41303000", 0.8723, 1.0521],
      ["21101000", 0.9638, 0.7133],
      ["31201000", 1.12, 0.4],
    ],
  });
  const quoted = wb.addWorksheet("O'Brien & 評価 1");
  quoted.getCell("A1").value = "x";
  quoted.getCell("B2").value = 0.5;
  quoted.getCell("C2").value = 0.75;
  wb.addWorksheet("メモ").getCell("A1").value = "そのまま";
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

const spec: ScatterChartSpec = {
  sheetName: "全体",
  title: "執行率と平均達成率",
  xTitle: "執行率",
  yTitle: "平均達成率",
  xRange: "B2:B4",
  yRange: "C2:C4",
  seriesName: "施策",
  anchor: { fromCol: 4, fromRow: 1, toCol: 12, toRow: 20 },
};

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out[name] = await zip.files[name].async("string");
  return out;
}

describe("sheet references in chart formulas", () => {
  test("plain names stay bare, anything else is quoted with apostrophes doubled", () => {
    expect(sheetReference("全体")).toBe("全体!");
    expect(sheetReference("Sheet1")).toBe("Sheet1!");
    expect(sheetReference("Sheet name")).toBe("'Sheet name'!");
    expect(sheetReference("O'Brien")).toBe("'O''Brien'!");
    expect(sheetReference("2013")).toBe("'2013'!");
    // Names that read as cell references must be quoted.
    expect(sheetReference("AB12")).toBe("'AB12'!");
    expect(sheetReference("R1C1")).toBe("'R1C1'!");
    expect(sheetReference("作成課-別")).toBe("'作成課-別'!");
  });
  test("ranges become absolute, with or without $ in the input", () => {
    expect(absoluteRangeFormula("Sheet name", "k2:K10")).toBe("'Sheet name'!$K$2:$K$10");
    expect(absoluteRangeFormula("全体", "$F$2:$F$5")).toBe("全体!$F$2:$F$5");
    expect(absoluteRangeFormula("全体", "F2")).toBe("全体!$F$2");
    expect(() => absoluteRangeFormula("全体", "F2:F3:F4")).toThrow(ChartPartError);
    expect(() => absoluteRangeFormula("全体", "全体!F2")).toThrow("not an A1 range: 全体!F2");
  });
});

describe("addScatterChart", () => {
  let before: Record<string, string>;
  let after: Record<string, string>;
  let bytes: Uint8Array;
  beforeAll(async () => {
    const source = await sourceWorkbook();
    before = await parts(source);
    bytes = await addScatterChart(source, spec);
    after = await parts(bytes);
  });

  test("adds exactly the chart, the drawing and its rels; every other part but three is unchanged", () => {
    const added = Object.keys(after).filter((p) => !(p in before)).sort();
    expect(added).toEqual(["xl/charts/chart1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/drawings/drawing1.xml"]);
    expect(Object.keys(before).filter((p) => !(p in after))).toEqual([]);
    const changed = Object.keys(before).filter((p) => before[p] !== after[p]).sort();
    expect(changed).toEqual(["[Content_Types].xml", "xl/worksheets/_rels/sheet1.xml.rels", "xl/worksheets/sheet1.xml"]);
    for (const [name, xml] of Object.entries(after)) if (name.endsWith(".xml") || name.endsWith(".rels")) assertWellFormed(xml, name);
  });

  test("the chart: one scatter series, markers only, both ranges, axis titles, 0% on both axes", () => {
    const chart = after["xl/charts/chart1.xml"];
    expect(chart.match(/<c:scatterChart>/g)).toHaveLength(1);
    expect(chart.match(/<c:ser>/g)).toHaveLength(1);
    expect(chart).toContain('<c:scatterStyle val="lineMarker"/>');
    expect(chart).toContain('<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>');
    expect(chart).toContain('<c:marker><c:symbol val="circle"/><c:size val="7"/></c:marker>');
    expect(chart).toContain("<c:xVal><c:numRef><c:f>全体!$B$2:$B$4</c:f></c:numRef></c:xVal>");
    expect(chart).toContain("<c:yVal><c:numRef><c:f>全体!$C$2:$C$4</c:f></c:numRef></c:yVal>");
    expect(chart).toContain("<c:tx><c:v>施策</c:v></c:tx>");
    expect([...chart.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1])).toEqual(["執行率と平均達成率", "執行率", "平均達成率"]);
    expect(chart.match(/<c:numFmt formatCode="0%" sourceLinked="0"\/>/g)).toHaveLength(2);
    // The two value axes cross each other.
    expect(chart).toMatch(/<c:valAx><c:axId val="500000001"\/>.*<c:axPos val="b"\/>.*<c:crossAx val="500000002"\/>/);
    expect(chart).toMatch(/<c:valAx><c:axId val="500000002"\/>.*<c:axPos val="l"\/>.*<c:crossAx val="500000001"\/>/);
  });

  test("the drawing is anchored at the given cells and points at the chart", () => {
    const drawing = after["xl/drawings/drawing1.xml"];
    expect(drawing).toContain("<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>");
    expect(drawing).toContain("<xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>");
    expect(drawing).toContain('r:id="rId1"/>');
    expect(after["xl/drawings/_rels/drawing1.xml.rels"]).toContain(`<Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/>`);
  });

  test("the sheet gets <drawing> before <tableParts> and a new rel beside its table's", () => {
    const rels = after["xl/worksheets/_rels/sheet1.xml.rels"];
    expect(rels).toContain(`<Relationship Id="rId1" Type="${REL}/table" Target="../tables/table1.xml"/>`);
    expect(rels).toContain(`<Relationship Id="rId2" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>`);
    const sheet = after["xl/worksheets/sheet1.xml"];
    expect(sheet).toContain('<drawing r:id="rId2"/><tableParts count="1">');
    expect(sheet.replace('<drawing r:id="rId2"/>', "")).toBe(before["xl/worksheets/sheet1.xml"]);
  });

  test("content types name the chart and the drawing", () => {
    const types = after["[Content_Types].xml"];
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
  });

  test("exceljs still loads the workbook with every cell value intact", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["全体", "O'Brien & 評価 1", "メモ"]);
    const rollup = wb.getWorksheet("全体")!;
    expect([2, 3, 4].map((r) => [rollup.getCell(r, 1).value, rollup.getCell(r, 2).value, rollup.getCell(r, 3).value])).toEqual([
      ["41303000", 0.8723, 1.0521],
      ["21101000", 0.9638, 0.7133],
      ["31201000", 1.12, 0.4],
    ]);
    expect(wb.getWorksheet("メモ")!.getCell("A1").value).toBe("そのまま");
  });

  test("a sheet whose name needs quotes: quoted formulas, the second chart and drawing numbered 2", async () => {
    const second = await addScatterChart(bytes, { ...spec, sheetName: "O'Brien & 評価 1", xRange: "B2", yRange: "C2", title: "A & B" });
    const p = await parts(second);
    expect(p["xl/charts/chart2.xml"]).toContain("<c:f>&apos;O&apos;&apos;Brien &amp; 評価 1&apos;!$B$2</c:f>");
    expect(p["xl/charts/chart2.xml"]).toContain("<a:t>A &amp; B</a:t>");
    expect(p["xl/worksheets/_rels/sheet2.xml.rels"]).toContain(`<Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing2.xml"/>`);
    expect(p["xl/drawings/_rels/drawing2.xml.rels"]).toContain('Target="../charts/chart2.xml"');
    expect(p["xl/worksheets/sheet2.xml"]).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    expect(p["[Content_Types].xml"].match(/drawingml\.chart\+xml/g)).toHaveLength(2);
    expect(p["xl/charts/chart1.xml"]).toBe(after["xl/charts/chart1.xml"]);
    for (const [name, xml] of Object.entries(p)) if (name.endsWith(".xml") || name.endsWith(".rels")) assertWellFormed(xml, name);
  });

  test("a second chart on the same sheet joins its drawing (a sheet has one drawing)", async () => {
    const twice = await parts(await addScatterChart(bytes, { ...spec, anchor: { fromCol: 4, fromRow: 22, toCol: 12, toRow: 40 } }));
    expect(Object.keys(twice).filter((n) => n.startsWith("xl/drawings/") && n.endsWith(".xml"))).toEqual(["xl/drawings/drawing1.xml"]);
    expect(twice["xl/drawings/drawing1.xml"].match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    expect(twice["xl/drawings/drawing1.xml"].match(/<xdr:cNvPr id="(\d+)"/g)).toEqual(['<xdr:cNvPr id="2"', '<xdr:cNvPr id="3"']);
    expect(twice["xl/drawings/_rels/drawing1.xml.rels"]).toContain(`<Relationship Id="rId2" Type="${REL}/chart" Target="../charts/chart2.xml"/>`);
    expect(twice["xl/worksheets/sheet1.xml"].match(/<drawing /g)).toHaveLength(1);
  });

  test("an unknown sheet or a package that is not a workbook is refused with a reason", async () => {
    await expect(addScatterChart(bytes, { ...spec, sheetName: "ない" })).rejects.toThrow('no sheet named "ない"');
    const notWorkbook = new JSZip();
    notWorkbook.file("hello.txt", "hi");
    const zipBytes = await notWorkbook.generateAsync({ type: "uint8array" });
    await expect(addScatterChart(zipBytes, spec)).rejects.toThrow(ChartPartError);
  });
});

describe("the summary workbook carries the roll-up chart", () => {
  test("全体 gets 執行率 (column K) against mean 達成率 (column F) over every measure row", async () => {
    const sheets = mistakesWorkbook().sheets.map((s) => s.grid);
    const results = checkWorkbook({ sheets });
    const settings = DEFAULT_SETTINGS;
    const measures = rollUp(results, settings).measures.length;
    const p = await parts(await writeSummaryWorkbook(results, settings));
    const chartParts = Object.keys(p).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(chartParts).toEqual(["xl/charts/chart1.xml"]);
    const chart = p["xl/charts/chart1.xml"];
    expect(measures).toBe(5);
    expect(chart).toContain(`<c:f>全体!$K$2:$K$${measures + 1}</c:f>`);
    expect(chart).toContain(`<c:f>全体!$F$2:$F$${measures + 1}</c:f>`);
    // The ranges are the roll-up table's 執行率 and 平均達成率 columns.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeSummaryWorkbook(results, settings)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(SUMMARY_WORKBOOK_SHEETS.rollup)!;
    expect(ws.getCell("K1").value).toBe("執行率");
    expect(ws.getCell("F1").value).toBe("平均達成率");
    const rollupSheetIndex = wb.worksheets.findIndex((w) => w.name === SUMMARY_WORKBOOK_SHEETS.rollup) + 1;
    expect(p[`xl/worksheets/_rels/sheet${rollupSheetIndex}.xml.rels`]).toContain("../drawings/drawing1.xml");
  });

  test("the same results still give the same bytes", async () => {
    const results = checkWorkbook({ sheets: mistakesWorkbook().sheets.map((s) => s.grid) });
    const a = await writeSummaryWorkbook(results, DEFAULT_SETTINGS);
    const b = await writeSummaryWorkbook(results, DEFAULT_SETTINGS);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
