// Issue 6 item 4: every bad or odd file gives a typed WorkbookReadError or a grid, never a crash.

import ExcelJS from "exceljs";
import { cellAt, type WorkbookGrid } from "../../../src/core/grid";
import { readWorkbook, writeXlsx, WorkbookReadError, type WorkbookReadErrorCode } from "../../../src/adapters/xlsx";
import { ascii, compoundFile, declareSize, patchPart, readError, smallXlsx, withParts } from "./fixtures";

async function expectCode(bytes: Uint8Array, code: WorkbookReadErrorCode, options?: Parameters<typeof readWorkbook>[1]): Promise<WorkbookReadError> {
  const error = await readError(bytes, options);
  expect(error.code).toBe(code);
  return error;
}

describe("files that are not a readable .xlsx", () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await smallXlsx();
  });

  it("empty file → empty", async () => {
    const e = await expectCode(new Uint8Array(0), "empty");
    expect(e.message).toBe("The file is empty.");
    expect(e.messageJa).toBe("ファイルが空です。");
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("WorkbookReadError");
  });

  it("a CSV renamed .xlsx → not-zip", async () => {
    const e = await expectCode(ascii("年度,計画値,実績値\r\n2011,250,273\r\n"), "not-zip");
    expect(e.message).toContain("neither a zip archive nor an Excel 97–2003 file");
    expect(e.messageJa).toContain("zip 形式でも Excel 97–2003 形式でもありません");
  });

  it("an HTML page saved as .xlsx → not-zip, saying what it looks like", async () => {
    const e = await expectCode(ascii("<html><body><table><tr><td>1</td></tr></table></body></html>"), "not-zip");
    expect(e.detail).toBe("XML or HTML text (a web page or Excel 2003 XML saved as .xlsx?)");
  });

  it("a compound file (the .xls container) whose directory cannot be read → corrupt, with SheetJS's reason", async () => {
    const e = await expectCode(compoundFile("Workbook"), "corrupt");
    expect(e.message).toMatch(/^The workbook is damaged or incomplete and cannot be read\. \(.+\)$/);
  });

  it("a password-protected .xlsx (OLE2 with EncryptedPackage) → encrypted", async () => {
    const e = await expectCode(compoundFile("EncryptedPackage"), "encrypted");
    expect(e.messageJa).toBe("パスワードで保護(暗号化)されたブックです。Excel でパスワードを解除してから再度お試しください。");
  });

  it("a truncated zip (half a download) → corrupt", async () => {
    const e = await expectCode(good.subarray(0, Math.floor(good.length / 2)), "corrupt");
    expect(e.detail).toBe("no zip end record (the file is truncated)");
  });

  it("a zip cut just before its last bytes → corrupt", async () => {
    await expectCode(good.subarray(0, good.length - 5), "corrupt");
  });

  it("damaged compressed data inside a complete zip → corrupt", async () => {
    const zip = await import("../../../src/adapters/xlsx/zip");
    const entry = zip.readZipDirectory(good).entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    const bad = new Uint8Array(good);
    const data = zip.entryData(bad, entry);
    data.fill(0xff, 0, Math.min(40, data.length)); // entryData is a view into `bad`
    const e = await expectCode(bad, "corrupt");
    expect(e.detail).toBe("xl/worksheets/sheet1.xml cannot be inflated");
  });

  it("a zip that is not a workbook (no xl/workbook.xml) → corrupt", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const e = await expectCode(await zip.generateAsync({ type: "uint8array" }), "corrupt");
    expect(e.detail).toBe("zip archive without a workbook part (not an Excel or OpenDocument workbook)");
  });
});

describe("zip-bomb-like and oversized workbooks", () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await smallXlsx();
  });

  it("declared sizes are not trusted either way: an absurd one on a small part reads normally", async () => {
    const read = await readWorkbook(declareSize(good, "xl/worksheets/sheet1.xml", 0xfffffff0));
    expect(read.sheets[0].values).toEqual([
      ["評価年度", null, "2013年度"],
      ["予算", 43769, 38182],
    ]);
  });

  it("a part that inflates to more than declared is stopped at maxBytes", async () => {
    const filler = `<!--${"x".repeat(2_000_000)}-->`;
    const big = await patchPart(good, "xl/worksheets/sheet1.xml", (xml) => xml.replace("<sheetData>", `${filler}<sheetData>`));
    const lying = declareSize(big, "xl/worksheets/sheet1.xml", 1000);
    const e = await expectCode(lying, "too-large", { maxBytes: 1_000_000 });
    expect(e.detail).toBe("more than 1000000 bytes once uncompressed");
  });

  it("huge declared <dimension> alone is harmless: the grid is the used area", async () => {
    const bytes = await patchPart(good, "xl/worksheets/sheet1.xml", (xml) =>
      xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
    );
    const grid = await readWorkbook(bytes);
    expect(grid.sheets[0].values).toEqual([
      ["評価年度", null, "2013年度"],
      ["予算", 43769, 38182],
    ]);
  });

  it("a merge over the whole sheet → too-large without building its cells", async () => {
    const bytes = await patchPart(good, "xl/worksheets/sheet1.xml", (xml) => xml.replace('ref="A1:B1"', 'ref="A1:XFD1048576"'));
    const started = Date.now();
    const e = await expectCode(bytes, "too-large");
    expect(e.detail).toBe("more than 1000000 cells");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("two cells at opposite corners → too-large (the used area would be 17 billion cells)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = 1;
    ws.getCell("XFD1048576").value = 2;
    const e = await expectCode(new Uint8Array(await wb.xlsx.writeBuffer()), "too-large");
    expect(e.detail).toBe("more than 1000000 cells");
  });
});

describe("large but legitimate workbooks", () => {
  jest.setTimeout(120_000);

  it("a 300-sheet workbook gives 300 grids", async () => {
    const grid: WorkbookGrid = {
      sheets: Array.from({ length: 300 }, (_, i) => ({
        name: `施策${String(i + 1).padStart(3, "0")}`,
        top: 0,
        left: 0,
        values: [["施策課題", 41303000 + i]],
        merges: [],
      })),
    };
    const read = await readWorkbook(await writeXlsx(grid));
    expect(read.sheets).toHaveLength(300);
    expect(read.sheets[299]).toEqual({ name: "施策300", top: 0, left: 0, values: [["施策課題", 41303299]], merges: [] });
  });

  describe("a sheet with 100,000 used rows", () => {
    let bytes: Uint8Array;
    beforeAll(async () => {
      const values = Array.from({ length: 100_000 }, (_, i) => [2000 + (i % 30), i * 3]);
      bytes = await writeXlsx({ sheets: [{ name: "rows", top: 0, left: 0, values, merges: [] }] });
    });

    it("is read whole", async () => {
      const read = await readWorkbook(bytes);
      const s = read.sheets[0];
      expect(s.values).toHaveLength(100_000);
      expect(s.values[99_999]).toEqual([2009, 299_997]);
    });

    it("is refused as too-large under a 150,000-cell cap (it has 200,000)", async () => {
      const e = await expectCode(bytes, "too-large", { maxCells: 150_000 });
      expect(e.message).toBe("The workbook is too large to check safely. (more than 150000 cells)");
    });
  });

  it("cells of 32,767 characters (Excel's limit) come back whole", async () => {
    const long = "施".repeat(32_767);
    const read = await readWorkbook(await writeXlsx({ sheets: [{ name: "long", top: 0, left: 0, values: [[long, `${"a".repeat(32_766)}b`]], merges: [] }] }));
    expect((read.sheets[0].values[0][0] as string).length).toBe(32_767);
    expect(read.sheets[0].values[0][0]).toBe(long);
    expect((read.sheets[0].values[0][1] as string).endsWith("ab")).toBe(true);
  });

  it("formulas whose cached values are errors read as errors", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("errors");
    const kinds = ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"];
    kinds.forEach((error, i) => {
      ws.getCell(i + 1, 1).value = { formula: `A${i + 10}/0`, result: { error } } as ExcelJS.CellValue;
    });
    const read = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(read.sheets[0].values).toEqual(kinds.map((error) => [{ error }]));
  });
});

describe("odd parts", () => {
  it("a workbook whose parts are stored uncompressed reads the same", async () => {
    const JSZip = (await import("jszip")).default;
    const good = await smallXlsx();
    const stored = await (await JSZip.loadAsync(good)).generateAsync({ type: "uint8array", compression: "STORE" });
    const zip = await import("../../../src/adapters/xlsx/zip");
    expect(new Set(zip.readZipDirectory(stored).entries.map((e) => e.method))).toEqual(new Set([0]));
    expect(await readWorkbook(stored)).toEqual(await readWorkbook(good));
  });

  it("a chartsheet beside a worksheet does not crash; the worksheet is read", async () => {
    const good = await smallXlsx();
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(good);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    const relsXml = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const typesXml = await zip.file("[Content_Types].xml")!.async("string");
    const bytes = await withParts(good, {
      "xl/workbook.xml": workbookXml.replace("</sheets>", '<sheet name="Chart1" sheetId="9" r:id="rIdChart"/></sheets>'),
      "xl/_rels/workbook.xml.rels": relsXml.replace(
        "</Relationships>",
        '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
      ),
      "[Content_Types].xml": typesXml.replace(
        "</Types>",
        '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>',
      ),
      "xl/chartsheets/sheet1.xml":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
    });
    const read = await readWorkbook(bytes);
    const sheet = read.sheets.find((s) => s.name === "Sheet1")!;
    expect(cellAt(sheet, 1, 1)).toBe(43769);
  });
});
