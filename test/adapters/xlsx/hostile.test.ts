// Issue 11 items 2, 3 and 8 at the reader: sheets found as Excel finds them, caps that the
// part names, the whitespace, the attribute order and the declared sizes cannot get around,
// and dates that stay dates. Every file is built here, byte by byte.

import * as sheetjs from "../../../src/adapters/xlsx/sheetjs";
import { readWorkbook, WorkbookReadError, type WorkbookReadErrorCode } from "../../../src/adapters/xlsx";
import { nodeInflateRaw } from "../../../src/cli/nodeInflate";
import { checkWorkbook } from "../../../src/core/engine";
import { writeXlsx } from "../../../src/adapters/xlsx/write";
import { renderSheet } from "../../../src/samples/layout";
import { sample41303000 } from "../../../src/samples/sample41303000";
import { buildZip, deflatedSpaces, oneSheetPackage, packageEntries, patchPart, readError, sheetXml, type RawEntry } from "./fixtures";
import { evaluationResult } from "../../support/kinds";

jest.setTimeout(60_000);

const ROWS = '<row r="1"><c r="A1" t="inlineStr"><is><t>施策課題</t></is></c><c r="B1"><v>41303000</v></c></row>';
const VALUES = [["施策課題", 41303000]];

/** The reader with Node's inflate (as the CLI) and with DecompressionStream (as the browser): both must agree. */
async function bothWays(bytes: Uint8Array, options: Parameters<typeof readWorkbook>[1] = {}) {
  const viaZlib = await outcome(bytes, { ...options, inflateRaw: nodeInflateRaw });
  const viaStream = await outcome(bytes, options);
  expect(viaStream).toEqual(viaZlib);
  return viaZlib;
}

async function outcome(bytes: Uint8Array, options: Parameters<typeof readWorkbook>[1]) {
  try {
    return await readWorkbook(bytes, options);
  } catch (e) {
    if (e instanceof WorkbookReadError) return { code: e.code, detail: e.detail ?? null };
    throw e;
  }
}

async function refused(bytes: Uint8Array, code: WorkbookReadErrorCode, detail: string | RegExp | null, options: Parameters<typeof readWorkbook>[1] = {}) {
  const parse = jest.spyOn(sheetjs, "parseParts");
  try {
    const result = await bothWays(bytes, options);
    expect(result).toEqual({ code, detail: detail instanceof RegExp ? expect.stringMatching(detail) : detail });
    if (code === "too-large") expect(parse).not.toHaveBeenCalled(); // refused before the parser built anything
  } finally {
    parse.mockRestore();
  }
}

describe("sheets are found as Excel finds them (workbook → relationships → parts)", () => {
  it.each([
    ["xl/worksheets/data.xml", undefined],
    ["xl/worksheets/sheet1.xml", "worksheets/sheet1.xml"],
    ["/xl/worksheets/sheet1.xml", undefined],
    ["xl/./worksheets/sheet1.xml", undefined],
    ["zz/../xl/worksheets/sheet1.xml", undefined],
    ["XL/Worksheets/Sheet1.XML", "worksheets/sheet1.xml"],
    ["xl\\worksheets\\sheet1.xml", "worksheets/sheet1.xml"],
    // A percent-encoded target names the decoded part, as OPC says.
    ["xl/worksheets/評価.xml", "worksheets/%E8%A9%95%E4%BE%A1.xml"],
  ])("zip entry %s (target %s) is read", async (entry, target) => {
    const read = await bothWays(oneSheetPackage(ROWS, { entry, target }));
    expect(read).toEqual({ format: "xlsx", profileJson: null, sheets: [{ name: "S", top: 0, left: 0, values: VALUES, merges: [] }] });
  });

  it("a valid workbook whose sheet is xl/worksheets/data.xml is checked, not passed as 'Sheets 0'", async () => {
    const read = await readWorkbook(oneSheetPackage(ROWS, { entry: "xl/worksheets/data.xml" }));
    expect(checkWorkbook(read).map((r) => [r.sheet, r.kind])).toEqual([["S", "other"]]);
  });

  it("an unlinked part is never inflated nor parsed: a .bak beside the sheet holding a whole-sheet merge and damaged data", async () => {
    const bak: RawEntry = { name: "xl/worksheets/sheet1.xml.bak", compressed: Uint8Array.from([0xff, 0xff, 0xff, 0xff]), declaredSize: 805 };
    const merge: RawEntry = { name: "xl/worksheets/sheet2.xml", data: sheetXml("", '<mergeCells><mergeCell ref="A100:XFD1048576"/></mergeCells>') };
    const read = await bothWays(oneSheetPackage(ROWS, { extra: [bak, merge] }));
    expect(read).toMatchObject({ sheets: [{ name: "S", values: VALUES }] });
  });

  it("docProps/app.xml inflating to 64 MiB while declaring 805 bytes is never inflated (the read takes the sheet alone)", async () => {
    const app: RawEntry = { name: "docProps/app.xml", compressed: await deflatedSpaces(64 * 1024 * 1024), declaredSize: 805 };
    const read = await bothWays(oneSheetPackage(ROWS, { extra: [app] }), { maxBytes: 1024 * 1024 });
    expect(read).toMatchObject({ sheets: [{ values: VALUES }] });
  });

  it("a workbook with no worksheet that can be read is an error, never a silent pass", async () => {
    const chartOnly = buildZip(
      packageEntries([]).map((e) =>
        e.name === "xl/workbook.xml"
          ? { ...e, data: `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Chart1" sheetId="1" r:id="rId9"/></sheets></workbook>` }
          : e.name === "xl/_rels/workbook.xml.rels"
            ? { ...e, data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>' }
            : e,
      ),
    );
    await refused(chartOnly, "no-worksheets", null);
    const noSheets = buildZip(packageEntries([]));
    const e = await readError(noSheets);
    expect([e.code, e.message, e.messageJa]).toEqual([
      "no-worksheets",
      "The workbook has no worksheet that could be read (only chart sheets, or none at all).",
      "読み込めるワークシートがありません(グラフシートだけか、シートがありません)。",
    ]);
  });

  it("a listed worksheet whose part is missing fails the file, naming the sheet", async () => {
    const entries = packageEntries([{ name: "施策", entry: "xl/worksheets/sheet1.xml", xml: sheetXml(ROWS) }]).filter((e) => e.name !== "xl/worksheets/sheet1.xml");
    await refused(buildZip(entries), "corrupt", 'sheet "施策" could not be read');
  });

  it("two zip entries that are the same part make the file ambiguous (corrupt), whichever comes first", async () => {
    const twice = oneSheetPackage(ROWS, { extra: [{ name: "XL/worksheets/sheet1.xml", data: sheetXml("") }] });
    await refused(twice, "corrupt", "2 zip entries are the same part xl/worksheets/sheet1.xml");
  });

  it("sheets named like Object's own properties are read as sheets, and nothing is polluted", async () => {
    const names = ["constructor", "toString", "hasOwnProperty"];
    const bytes = buildZip(packageEntries(names.map((name, i) => ({ name, entry: `xl/worksheets/s${i}.xml`, xml: sheetXml(ROWS) }))));
    const read = await readWorkbook(bytes);
    expect(read.sheets.map((s) => [s.name, s.values])).toEqual(names.map((n) => [n, VALUES]));
    const proto = buildZip(packageEntries([{ name: "__proto__", entry: "xl/worksheets/s.xml", xml: sheetXml(ROWS) }]));
    await expect(readWorkbook(proto)).rejects.toMatchObject({ code: "corrupt" });
    expect(({} as Record<string, unknown>).S).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("!data");
  });

  it("zip-level encryption and unknown compression methods get their own reasons", async () => {
    const encrypted = buildZip(packageEntries([{ name: "S", entry: "xl/worksheets/sheet1.xml", xml: sheetXml(ROWS) }]).map((e) => (e.name.endsWith("sheet1.xml") ? { ...e, flags: 1 } : e)));
    await refused(encrypted, "encrypted", "xl/worksheets/sheet1.xml is encrypted in the zip");
    const bzip = buildZip(packageEntries([{ name: "S", entry: "xl/worksheets/sheet1.xml", xml: sheetXml(ROWS) }]).map((e) => (e.name.endsWith("sheet1.xml") ? { ...e, method: 12 } : e)));
    await refused(bzip, "corrupt", "xl/worksheets/sheet1.xml: unsupported zip compression method 12");
  });
});

describe("caps that hold whatever the XML looks like", () => {
  const WHOLE = "A100:XFD1048576";
  it.each([
    ["a tab", `<mergeCell\tref="${WHOLE}"/>`],
    ["a line break and spaces around =", `<mergeCell\n  ref = "${WHOLE}" />`],
    ["another attribute first", `<mergeCell xr:uid="{1}" ref="${WHOLE}"/>`],
    ["single quotes", `<mergeCell ref='${WHOLE}'/>`],
    ["a namespace prefix", `<x:mergeCell ref="${WHOLE}"/>`],
    ["absolute references", `<mergeCell ref="$A$100:$XFD$1048576"/>`],
    ["a decoy ref inside another attribute's quotes", `<mergeCell foo=" ref='A1:B2'" ref="${WHOLE}"/>`],
  ])("a merge over the whole sheet written with %s → too-large before parsing", async (_, merge) => {
    await refused(oneSheetPackage(ROWS, { after: `<mergeCells count="1">${merge}</mergeCells>` }), "too-large", "more than 1000000 cells");
  });

  it.each(["/xl/worksheets/sheet1.xml", "xl/./worksheets/sheet1.xml", "zz/../xl/worksheets/sheet1.xml", "xl/worksheets/data.xml"])(
    "the merge is found in a sheet stored as %s",
    async (entry) => {
      await refused(oneSheetPackage(ROWS, { entry, after: `<mergeCells><mergeCell\tref="${WHOLE}"/></mergeCells>` }), "too-large", "more than 1000000 cells");
    },
  );

  it.each([
    ["quoted", `<hyperlink ref="${WHOLE}" location="'S'!A1"/>`],
    ["unquoted", `<hyperlink ref=${WHOLE} location="S!A1"/>`],
    ["given twice, the parser taking the last", `<hyperlink ref="A1" location="S!A1" ref="${WHOLE}"/>`],
    ["as whole rows", `<hyperlink ref="1:1048576" location="S!A1"/>`],
  ])("a hyperlink over the whole sheet, %s (SheetJS would build a cell under every linked cell) → too-large", async (_, link) => {
    await refused(oneSheetPackage(ROWS, { after: `<hyperlinks>${link}</hyperlinks>` }), "too-large", "more than 1000000 cells");
  });

  it("cells are counted in any spelling: tab after <c, prefixed x:c, attributes in any order", async () => {
    const cells = (n: number, tag: (i: number) => string) => `<row r="1">${Array.from({ length: n }, (_, i) => tag(i)).join("")}</row>`;
    const tab = cells(1200, (i) => `<c\tr="A${i + 1}"><v>${i}</v></c>`);
    const prefixed = cells(1200, (i) => `<x:c s="0" r="A${i + 1}"><x:v>${i}</x:v></x:c>`);
    for (const rows of [tab, prefixed]) await refused(oneSheetPackage(rows), "too-large", "more than 1000 cells", { maxCells: 1000 });
    const fine = await readWorkbook(oneSheetPackage(cells(900, (i) => `<c r="A${i + 1}"><v>${i}</v></c>`)), { maxCells: 1000 });
    expect(fine.sheets[0].values).toHaveLength(900);
  });

  it("a part that inflates past the budget is stopped there, whatever it declares", async () => {
    const filler = await deflatedSpaces(8 * 1024 * 1024);
    const lying: RawEntry = { name: "xl/worksheets/sheet1.xml", compressed: filler, declaredSize: 805 };
    const bytes = buildZip(packageEntries([{ name: "S", entry: "xl/worksheets/sheet1.xml", xml: "" }]).map((e) => (e.name === lying.name ? lying : e)));
    await refused(bytes, "too-large", "more than 1048576 bytes once uncompressed", { maxBytes: 1024 * 1024 });
  });

  it("stored (method 0) parts are read by their real length, whatever size they declare", async () => {
    const entries = packageEntries([{ name: "S", entry: "xl/worksheets/sheet1.xml", xml: sheetXml(ROWS) }]).map((e) => ({ ...e, method: 0, declaredSize: 1 }));
    expect(await bothWays(buildZip(entries))).toMatchObject({ sheets: [{ values: VALUES }] });
  });

  it("a file above the size limit is refused before its zip directory is read", async () => {
    await refused(oneSheetPackage(ROWS + " ".repeat(10)), "too-large", /^file of \d+ bytes, limit 500$/, { maxBytes: 500 });
  });

  it("a shared-strings part above its own 32 MiB cap is refused (SheetJS keeps each string two or three times)", async () => {
    const sst: RawEntry = { name: "xl/sharedStrings.xml", compressed: await deflatedSpaces(33 * 1024 * 1024), declaredSize: 805 };
    const entries = packageEntries([{ name: "S", entry: "xl/worksheets/sheet1.xml", xml: sheetXml(ROWS) }], [sst]).map((e) =>
      e.name === "xl/_rels/workbook.xml.rels"
        ? { ...e, data: String(e.data).replace("</Relationships>", '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>') }
        : e,
    );
    await refused(buildZip(entries), "too-large", "more than 33554432 bytes once uncompressed");
  });

  it("more than 1,000 sheets are refused before parsing (SheetJS's part lookups grow with the square of the count)", async () => {
    const sheets = Array.from({ length: 1001 }, (_, i) => ({ name: `S${i}`, entry: "xl/worksheets/sheet1.xml", xml: sheetXml(ROWS) }));
    // Every sheet names the same part: the zip stays small, the workbook lists 1,001 sheets.
    const entries = packageEntries(sheets).filter((e, i, all) => all.findIndex((o) => o.name === e.name) === i);
    await refused(buildZip(entries), "too-large", "more than 1000 sheets (1001)");
  });

  it("millions of empty elements and more shared strings than cells allowed are refused too", async () => {
    await refused(oneSheetPackage(ROWS + "<x/>".repeat(20_001)), "too-large", "more than 20000 XML elements", { maxCells: 2000 });
    const sst = { name: "xl/sharedStrings.xml", data: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${"<si><t>a</t></si>".repeat(2001)}</sst>` };
    const entries = packageEntries([{ name: "S", entry: "xl/worksheets/sheet1.xml", xml: sheetXml(ROWS) }], [sst]).map((e) =>
      e.name === "xl/_rels/workbook.xml.rels"
        ? { ...e, data: String(e.data).replace("</Relationships>", '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>') }
        : e,
    );
    await refused(buildZip(entries), "too-large", "more than 2000 shared strings", { maxCells: 2000 });
  });

  it("a huge <dimension> and a lone cell far out cost nothing: the grid is the used area", async () => {
    const read = await readWorkbook(oneSheetPackage('<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>', { after: "" }).slice());
    expect(read.sheets[0]).toEqual({ name: "S", top: 1048575, left: 16383, values: [[7]], merges: [] });
    const withDimension = sheetXml(ROWS).replace("<sheetData>", '<dimension ref="A1:XFD1048576"/><sheetData>');
    const read2 = await readWorkbook(buildZip(packageEntries([{ name: "S", entry: "xl/worksheets/sheet1.xml", xml: withDimension }])));
    expect(read2.sheets[0].values).toEqual(VALUES);
  });
});

describe("dates (item 8)", () => {
  const styles = {
    name: "xl/styles.xml",
    data:
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts>' +
      '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
  };
  const withStyles = (rows: string) =>
    buildZip(
      packageEntries([{ name: "S", entry: "xl/worksheets/sheet1.xml", xml: sheetXml(rows) }], [styles]).map((e) =>
        e.name === "xl/_rels/workbook.xml.rels"
          ? { ...e, data: String(e.data).replace("</Relationships>", '<Relationship Id="rIdY" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>') }
          : e,
      ),
    );

  it('a t="d" cell and date-formatted numbers are dates; plain numbers stay numbers', async () => {
    const rows =
      '<row r="1"><c r="A1" t="d"><v>2013-04-01T00:00:00Z</v></c><c r="B1" s="1"><v>41365</v></c><c r="C1" s="2"><v>41365.5</v></c><c r="D1"><v>2013</v></c></row>';
    const read = await readWorkbook(withStyles(rows));
    expect(read.sheets[0].values).toEqual([[{ date: "2013-04-01" }, { date: "2013-04-01" }, { date: "2013-04-01T12:00:00" }, 2013]]);
  });

  it.each([
    ["a t=\"d\" cell", '<c r="C35" t="d"><v>2013-04-01T00:00:00Z</v></c>'],
    ["a date-formatted number", '<c r="C35" s="9"><v>41365</v></c>'],
  ])("%s as the 2013 actual of indicator ① is a not-numeric finding at C35 (it read as the year 2,013 before)", async (_, cell) => {
    const sample = await writeXlsx({ sheets: [renderSheet(sample41303000, "41303000").grid] });
    let bytes = await patchPart(sample, "xl/worksheets/sheet1.xml", (xml) => xml.replace(/<c r="C35"[^>]*?(?:\/>|>.*?<\/c>)/, cell));
    // Style 9: a cellXfs entry with the built-in date format 14 (m/d/yyyy).
    bytes = await patchPart(bytes, "xl/styles.xml", (xml) => xml.replace(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/, (_m, n, xfs) => {
      const list = xfs.match(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) as string[];
      while (list.length < 9) list.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
      list[9] = '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>';
      return `<cellXfs count="${list.length}">${list.join("")}</cellXfs>`;
    }));
    const [result] = checkWorkbook(await readWorkbook(bytes));
    const finding = result.findings.find((f) => f.cell === "C35");
    expect(finding).toMatchObject({
      rule: "indicator.value.not-numeric",
      severity: "error",
      sheet: "41303000",
      raw: "2013-04-01",
      message: { ja: "参考指標①「海外からの視察受入人数累計数」2013年度の実績値(C35)「2013-04-01」を数値として読めません。" },
    });
    expect(finding?.expected?.en).toMatch(/number/);
    expect(evaluationResult(result).summary?.indicators[0].years.find((y) => y.year === 2013)?.actual).toBeNull();
  });
});
