// WorkbookReadError.messageJa is Japanese throughout: the detail too (detailJa), and a
// detail known only in English (a parser's own message) is left out of it.
import { WorkbookReadError } from "../../../src/adapters/xlsx";
import { readZipDirectory, ZipFormatError } from "../../../src/adapters/xlsx/zip";
import { englishIn } from "../../core/rules/japaneseText";
import { ascii, compoundFile, declareSize, patchPart, readError, smallXlsx } from "./fixtures";

/** messageJa may name file formats and zip parts, nothing else in English. */
function english(messageJa: string): string[] {
  const formats = /\b(?:zip64|zip|xlsx|xlsm|xlsb|xls|ods|OpenDocument|Office|XML|HTML|CSV|Excel|Web|xl\/[\w/.]+)\b/g;
  return englishIn(messageJa.replace(formats, ""));
}

describe("WorkbookReadError in Japanese", () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await smallXlsx();
  });

  it("a renamed CSV: the detail in Japanese", async () => {
    const e = await readError(ascii("年度,計画値,実績値\r\n2011,250,273\r\n"));
    expect(e.detail).toBe("first bytes are neither a zip nor an Excel 97–2003 signature");
    expect(e.detailJa).toBe("先頭のバイトが zip の署名でも Excel 97–2003 の署名でもありません");
    expect(e.messageJa).toBe(
      "ブック(.xlsx、.xlsm、.xlsb、.xls、.ods)ではありません(zip 形式でも Excel 97–2003 形式でもありません。CSV やテキストの拡張子を変えたものではありませんか)。(先頭のバイトが zip の署名でも Excel 97–2003 の署名でもありません)",
    );
    expect(e.message).toBe(
      "Not a workbook (.xlsx, .xlsm, .xlsb, .xls or .ods): the file is neither a zip archive nor an Excel 97–2003 file (a CSV or text file renamed?). (first bytes are neither a zip nor an Excel 97–2003 signature)",
    );
  });

  it("a truncated download: the zip reader's detail in both languages", async () => {
    const e = await readError(good.subarray(0, Math.floor(good.length / 2)));
    expect(e.code).toBe("corrupt");
    expect(e.detail).toBe("no zip end record (the file is truncated)");
    expect(e.messageJa).toBe("ブックが破損しているか不完全なため読み込めません。(zip の終端レコードがありません(ファイルが途中で切れています))");
  });

  it("a part inflating past the limit: figures kept, words Japanese", async () => {
    const big = await patchPart(good, "xl/worksheets/sheet1.xml", (xml) => xml.replace("<sheetData>", `<!--${" ".repeat(300_000)}--><sheetData>`));
    const e = await readError(declareSize(big, "xl/worksheets/sheet1.xml", 805), { maxBytes: 200_000 });
    expect(e.detailJa).toBe("展開すると 200000 バイトを超えます");
    expect(english(e.messageJa)).toEqual([]);
  });

  it("too many cells", () => {
    const e = new WorkbookReadError("too-large", { en: "more than 5000000 cells", ja: "セルが 5000000 個を超えます" });
    expect(e.messageJa).toBe("ブックが大きすぎるため、安全に検査できません。(セルが 5000000 個を超えます)");
  });

  it("a detail known only in English stays out of messageJa", () => {
    const e = new WorkbookReadError("corrupt", "End of data reached (data length = 0, asked index = 4)");
    expect(e.detail).toBe("End of data reached (data length = 0, asked index = 4)");
    expect(e.detailJa).toBeUndefined();
    expect(e.messageJa).toBe("ブックが破損しているか不完全なため読み込めません。");
    expect(e.message).toBe("The workbook is damaged or incomplete and cannot be read. (End of data reached (data length = 0, asked index = 4))");
  });

  it("every way a file fails leaves no English word in messageJa", async () => {
    const JSZip = (await import("jszip")).default;
    const notWorkbook = new JSZip();
    notWorkbook.file("word/document.xml", "<w:document/>");
    const inputs: Uint8Array[] = [
      new Uint8Array(0),
      ascii("<html><body></body></html>"),
      ascii("a,b\n1,2\n"),
      compoundFile("Workbook"),
      compoundFile("EncryptedPackage"),
      good.subarray(0, 10),
      good.subarray(0, Math.floor(good.length / 2)),
      good.subarray(0, good.length - 5),
      await notWorkbook.generateAsync({ type: "uint8array" }),
    ];
    const messages: string[] = [];
    for (const bytes of inputs) messages.push((await readError(bytes)).messageJa);
    messages.push((await readError(good, { maxBytes: 100 })).messageJa);
    expect(messages.filter((m) => english(m).length > 0)).toEqual([]);
  });

  it("ZipFormatError carries both wordings", () => {
    let caught: unknown;
    try {
      readZipDirectory(new Uint8Array(10));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ZipFormatError);
    expect((caught as ZipFormatError).message).toBe("archive shorter than a zip end record");
    expect((caught as ZipFormatError).detail).toEqual({ en: "archive shorter than a zip end record", ja: "zip の終端レコードより短いファイルです" });
  });
});
