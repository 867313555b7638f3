// Issue 11 item 1: one reader for .xlsx, .xlsm, .xlsb, .xls and .ods. Copies of the sample in
// each format, written here with SheetJS's own writer, give the same findings and figures; the
// caps hold in every format (merged ranges, hyperlinks, repeated cells, encryption).

import * as XLSX from "@e965/xlsx";
import { readWorkbook, WorkbookReadError, writeXlsx } from "../../../src/adapters/xlsx";
import { nodeInflateRaw } from "../../../src/cli/nodeInflate";
import { checkWorkbook } from "../../../src/core/engine";
import { renderSheet } from "../../../src/samples/layout";
import { sample41303000 } from "../../../src/samples/sample41303000";
import { buildZip, deflatedSpaces } from "./fixtures";

jest.setTimeout(60_000);

type BookType = "xls" | "xlsb" | "ods";

/** The sample written by SheetJS in another format (what Excel or LibreOffice would save). */
function convert(xlsx: Uint8Array, bookType: BookType | "xlsx", edit?: (wb: XLSX.WorkBook) => void): Uint8Array {
  const wb = XLSX.read(xlsx, { type: "array", cellDates: true });
  edit?.(wb);
  return new Uint8Array(XLSX.write(wb, { bookType, type: "array" }) as ArrayBuffer);
}

/** What a user sees of a checked workbook: findings (rule, cell, severity) and every figure. */
function figures(grid: Awaited<ReturnType<typeof readWorkbook>>) {
  return checkWorkbook(grid).map((r) => ({
    sheet: r.sheet,
    kind: r.kind,
    counts: r.counts,
    findings: r.findings.map((f) => [f.rule, f.cell, f.severity]),
    summary: r.kind !== "evaluation" || !r.summary ? null : { indicators: r.summary.indicators, budget: r.summary.budget, evaluation: r.summary.evaluation, measureCode: r.summary.measureCode },
  }));
}

describe("the sample as .xls, .xlsb and .ods", () => {
  let xlsx: Uint8Array;
  let expected: ReturnType<typeof figures>;
  beforeAll(async () => {
    xlsx = await writeXlsx({ sheets: [renderSheet(sample41303000, "41303000").grid] });
    expected = figures(await readWorkbook(xlsx, { inflateRaw: nodeInflateRaw }));
  });

  it("the .xlsx itself: 0 errors, 4 warnings, 1 info, 執行率 38182 / 43769", () => {
    expect(expected[0].counts).toEqual({ error: 0, warning: 4, info: 1 });
    expect(expected[0].summary?.budget[0].executionRate).toBeCloseTo(38182 / 43769, 12);
  });

  it.each(["xls", "xlsb", "ods"] as const)("%s: the same findings, cells and figures", async (bookType) => {
    const read = await readWorkbook(convert(xlsx, bookType), { inflateRaw: nodeInflateRaw });
    expect(read.format).toBe(bookType);
    expect(figures(read)).toEqual(expected);
  });

  it("an Excel 5.0/95 workbook (BIFF5) in Shift_JIS reads its Japanese text (codepage 932 through TextDecoder)", async () => {
    // SheetJS writes BIFF5 text in codepage 1252 only: write 8 ASCII bytes, then put the
    // Shift_JIS bytes of 施策課題 in their place and declare codepage 932, as old Japanese Excel did.
    const wb = sheetWith((ws) => (ws.A1 = { t: "s", v: "ABCDEFGH" }));
    const bytes = Buffer.from(XLSX.write(wb, { bookType: "biff5", type: "array" }) as ArrayBuffer);
    const codepage = bytes.indexOf(Buffer.from([0x42, 0x00, 0x02, 0x00])); // CODEPAGE record, 2 bytes
    expect(bytes.readUInt16LE(codepage + 4)).toBe(1252);
    bytes.writeUInt16LE(932, codepage + 4);
    Buffer.from([0x8e, 0x7b, 0x8d, 0xf4, 0x89, 0xdb, 0x91, 0xe8]).copy(bytes, bytes.indexOf(Buffer.from("ABCDEFGH")));
    const read = await readWorkbook(new Uint8Array(bytes));
    expect(read.sheets).toEqual([{ name: "S", top: 0, left: 0, values: [["施策課題", 41303000]], merges: [] }]);
  });

  it("a workbook saved with macros (.xlsm package) reads like the .xlsx", async () => {
    const read = await readWorkbook(convert(xlsx, "xlsx"), { inflateRaw: nodeInflateRaw });
    expect(figures(read)).toEqual(expected);
  });
});

function sheetWith(edit: (ws: XLSX.WorkSheet) => void): XLSX.WorkBook {
  const ws = XLSX.utils.aoa_to_sheet([["施策課題", 41303000]]);
  edit(ws);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "S");
  return wb;
}

async function code(bytes: Uint8Array, options: Parameters<typeof readWorkbook>[1] = {}): Promise<string> {
  try {
    await readWorkbook(bytes, { inflateRaw: nodeInflateRaw, ...options });
    return "read";
  } catch (e) {
    if (e instanceof WorkbookReadError) return `${e.code}: ${e.detail ?? ""}`;
    throw e;
  }
}

describe("caps in the binary and OpenDocument formats", () => {
  const wholeSheet = { s: { r: 0, c: 0 }, e: { r: 65535, c: 255 } }; // all of an .xls sheet: 16.7 million cells

  it.each(["xls", "xlsb", "ods"] as const)("%s: a merge over the whole sheet → too-large", async (bookType) => {
    const bytes = new Uint8Array(XLSX.write(sheetWith((ws) => (ws["!merges"] = [wholeSheet])), { bookType, type: "array" }) as ArrayBuffer);
    expect(await code(bytes)).toBe("too-large: more than 1000000 cells");
  });

  it("xls: more cell records than allowed → too-large; within the limit → read", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => [i]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "S");
    const bytes = new Uint8Array(XLSX.write(wb, { bookType: "xls", type: "array" }) as ArrayBuffer);
    expect(await code(bytes, { maxCells: 1000 })).toBe("too-large: more than 1000 cells");
    expect(await code(bytes, { maxCells: 2000 })).toBe("read");
  });

  it("ods: a few bytes repeating one cell over millions of rows and columns → too-large", async () => {
    const content =
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>' +
      '<table:table table:name="S"><table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"><text:p>1</text:p></table:table-cell></table:table-row></table:table>' +
      "</office:spreadsheet></office:body></office:document-content>";
    const bytes = buildZip([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", method: 0 },
      { name: "content.xml", data: content },
    ]);
    expect(await code(bytes)).toBe("too-large: more than 1000000 cells");
    // Repeats written as 1e6 (Number reads a million, parseInt 1) count as the larger.
    const exponent = content.replace('table:number-rows-repeated="1048576"', 'table:number-rows-repeated="1e6"').replace("16384", "100");
    expect(await code(buildZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", method: 0 }, { name: "content.xml", data: exponent }]))).toBe(
      "too-large: more than 1000000 cells",
    );
    // The same cell once is fine, and LibreOffice's blank rest of a row (self-closing, repeated) builds nothing.
    const once = content.replace(' table:number-rows-repeated="1048576"', "").replace(' table:number-columns-repeated="16384"', "").replace("</table:table-row>", '<table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>');
    const read = await readWorkbook(buildZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", method: 0 }, { name: "content.xml", data: once }]));
    expect(read.sheets).toEqual([{ name: "S", top: 0, left: 0, values: [[1]], merges: [] }]);
  });

  it("ods: a content.xml above its own 16 MiB cap is refused before SheetJS sees it (its parser needs ~40× the text)", async () => {
    const bytes = buildZip([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", method: 0 },
      { name: "content.xml", compressed: await deflatedSpaces(17 * 1024 * 1024), declaredSize: 805 },
    ]);
    expect(await code(bytes)).toBe("too-large: more than 16777216 bytes once uncompressed");
  });

  it("ods: an encrypted package and an OpenDocument text are refused with their reasons", async () => {
    const manifest = '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>';
    const encrypted = buildZip([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", method: 0 },
      { name: "META-INF/manifest.xml", data: manifest },
      { name: "content.xml", data: "\u0001\u0002garbage" },
    ]);
    expect(await code(encrypted)).toBe("encrypted: ");
    const text = buildZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.text", method: 0 }, { name: "content.xml", data: "<x/>" }]);
    expect(await code(text)).toBe("corrupt: an OpenDocument file that is not a spreadsheet (application/vnd.oasis.opendocument.text)");
  });

  it("xlsb: a hyperlink record over the whole sheet → too-large (SheetJS would build every linked cell)", async () => {
    const wb = sheetWith((ws) => {
      (ws.A1 as XLSX.CellObject).l = { Target: "https://example.jp/" };
    });
    const bytes = new Uint8Array(XLSX.write(wb, { bookType: "xlsb", type: "array" }) as ArrayBuffer);
    expect(await code(bytes)).toBe("read");
    // BrtHLink (494 = 0xEE 0x03) starts with its range as four u32: widen it to the whole sheet.
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(bytes);
    const sheet = await zip.file("xl/worksheets/sheet1.bin")!.async("uint8array");
    const at = sheet.findIndex((b, i) => b === 0xee && sheet[i + 1] === 0x03);
    const body = at + 2 + 1; // type (2 bytes) and a one-byte size
    new DataView(sheet.buffer, sheet.byteOffset).setUint32(body + 4, 1048575, true);
    new DataView(sheet.buffer, sheet.byteOffset).setUint32(body + 12, 16383, true);
    zip.file("xl/worksheets/sheet1.bin", sheet);
    expect(await code(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }))).toBe("too-large: more than 1000000 cells");
  });
});
