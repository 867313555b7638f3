// WorkbookReadError.messageJa is Japanese throughout: the detail too (detailJa), and a
// detail known only in English (a parser's own message) is left out of it.
import { WorkbookReadError } from "../../../src/adapters/xlsx";
import { readZipDirectory, ZipFormatError } from "../../../src/adapters/xlsx/zip";
import { englishIn } from "../../core/rules/japaneseText";
import { ascii, compoundFile, declareSize, readError, smallXlsx } from "./fixtures";

/** messageJa may name file formats and zip parts, nothing else in English. */
function english(messageJa: string): string[] {
  const formats = /\b(?:zip64|zip|xlsx|xls|XML|HTML|CSV|Excel|Web|xl\/[\w/.]+)\b/g;
  return englishIn(messageJa.replace(formats, ""));
}

describe("WorkbookReadError in Japanese", () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await smallXlsx();
  });

  it("a renamed CSV: the detail in Japanese", async () => {
    const e = await readError(ascii("年度,計画値,実績値\r\n2011,250,273\r\n"));
    expect(e.detail).toBe("first bytes are not a zip signature");
    expect(e.detailJa).toBe("先頭のバイトが zip の署名ではありません");
    expect(e.messageJa).toBe(
      "Excel の .xlsx ブックではありません(zip 形式ではありません。CSV やテキストの拡張子を変えたものではありませんか)。(先頭のバイトが zip の署名ではありません)",
    );
    expect(e.message).toBe(
      "Not an Excel .xlsx workbook (the file is not a zip archive; a CSV or text file renamed .xlsx?). (first bytes are not a zip signature)",
    );
  });

  it("a truncated download: the zip reader's detail in both languages", async () => {
    const e = await readError(good.subarray(0, Math.floor(good.length / 2)));
    expect(e.code).toBe("corrupt");
    expect(e.detail).toBe("no zip end record (the file is truncated)");
    expect(e.messageJa).toBe("ブックが破損しているか不完全なため読み込めません。(zip の終端レコードがありません(ファイルが途中で切れています))");
  });

  it("a declared zip bomb: figures kept, words Japanese", async () => {
    const e = await readError(declareSize(good, "xl/worksheets/sheet1.xml", 0xfffffff0));
    expect(e.detailJa).toMatch(/^展開すると \d+ バイトになります\(上限 536870912 バイト\)$/);
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
      declareSize(good, "xl/worksheets/sheet1.xml", 0xfffffff0),
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
