// Issue 6 "Done when": `hyoka check` over a folder mixing good workbooks with every bad kind
// exits 2, reports each bad file's reason, and still checks every good file fully.

import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { EXIT, main } from "../../src/cli/main";
import type { Report } from "../../src/core/report";
import { renderSheet } from "../../src/samples/layout";
import { sample41303000 } from "../../src/samples/sample41303000";
import { compoundFile, deflatedSpaces, patchPart } from "../adapters/xlsx/fixtures";
import { captureIo } from "./fixtures";
import { validate } from "./schemaValidator";
import { evaluationSummary } from "../support/kinds";

jest.setTimeout(120_000);

const LONG = "施".repeat(32_767);
let dir: string;
let code: number;
let report: Report;
let err: string;

async function withFormulaErrors(xlsx: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(xlsx) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  // ① 2013 actual and ② 2013 actual: formulas whose cached values are errors.
  ws.getCell("C35").value = { formula: "C34/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
  ws.getCell("G35").value = { formula: "#REF!+1", result: { error: "#REF!" } } as ExcelJS.CellValue;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function zipWith(parts: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array" });
}

/** The issue's lying part: docProps/app.xml inflating to 64 MiB of spaces, declaring 805 bytes. */
async function withLyingDocProps(xlsx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const { buildZip } = await import("../adapters/xlsx/fixtures");
  const entries = await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map(async (f) => ({ name: f.name, data: await f.async("uint8array") })),
  );
  const spaces = await deflatedSpaces(64 * 1024 * 1024);
  return buildZip(entries.map((e) => (e.name === "docProps/app.xml" ? { name: e.name, compressed: spaces, declaredSize: 805 } : e)));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hyoka-bad-folder-"));
  const books = path.join(dir, "books");
  mkdirSync(path.join(books, "odd"), { recursive: true });
  const sample = await writeXlsx({ sheets: [renderSheet(sample41303000, "41303000").grid] });
  const longText = await writeXlsx({ sheets: [renderSheet({ ...sample41303000, texts: { ...sample41303000.texts, overview: LONG } }, "41303000").grid] });
  const files: Record<string, Uint8Array | string> = {
    "41303000.xlsx": sample,
    "truncated.xlsx": sample.slice(0, Math.floor(sample.length / 2)),
    "renamed-csv.xlsx": "施策課題,予算\r\n41303000,43769\r\n",
    "damaged.xls": compoundFile("Workbook"),
    "protected.xlsx": compoundFile("EncryptedPackage"),
    "empty.xlsx": new Uint8Array(0),
    "lying-docprops.xlsx": await withLyingDocProps(sample),
    "bomb-merge.xlsx": await patchPart(sample, "xl/worksheets/sheet1.xml", (xml) => xml.replace(/<mergeCell ref="[^"]+"\/>/, '<mergeCell ref="A1:XFD1048576"/>')),
    "sheetless.xlsb": await zipWith({ "[Content_Types].xml": "<Types/>", "xl/workbook.bin": "\u0083\u0001" }),
    "sheetless.ods": await zipWith({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>" }),
    "export.csv": "年度,計画値,実績値\r\n2011,250,273\r\n",
    "odd/300-sheets.xlsx": await writeXlsx({
      sheets: Array.from({ length: 300 }, (_, i) => ({ name: `施策${String(i + 1).padStart(3, "0")}`, top: 0, left: 0, values: [["施策課題", 41303000 + i]], merges: [] })),
    }),
    "odd/100000-rows.xlsx": await writeXlsx({ sheets: [{ name: "rows", top: 0, left: 0, values: Array.from({ length: 100_000 }, (_, i) => [2000 + (i % 30), i * 3]), merges: [] }] }),
    "odd/long-cells.xlsx": longText,
    "odd/formula-errors.xlsx": await withFormulaErrors(sample),
    // Left out: a lock file (noted), unrelated files (ignored).
    "~$41303000.xlsx": "lock",
    "notes.txt": "memo",
    "minutes.pdf": "%PDF-1.4",
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(books, name), bytes);
  const io = captureIo(dir);
  code = await main(["check", "books", "--format", "json", "--no-model"], io);
  report = JSON.parse(io.out());
  err = io.err();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("hyoka check on a folder of good and bad files", () => {
  it("exits 2 and lists every spreadsheet-like file with its error code, nothing else", () => {
    expect(code).toBe(EXIT.unreadable);
    expect(report.files.map((f) => [f.path, f.error?.code ?? null])).toEqual([
      ["books/41303000.xlsx", null],
      ["books/bomb-merge.xlsx", "too-large"],
      ["books/damaged.xls", "corrupt"],
      ["books/empty.xlsx", "empty"],
      ["books/export.csv", "csv"],
      ["books/lying-docprops.xlsx", null],
      ["books/odd/100000-rows.xlsx", null],
      ["books/odd/300-sheets.xlsx", null],
      ["books/odd/formula-errors.xlsx", null],
      ["books/odd/long-cells.xlsx", null],
      ["books/protected.xlsx", "encrypted"],
      ["books/renamed-csv.xlsx", "not-zip"],
      ["books/sheetless.ods", "no-worksheets"],
      ["books/sheetless.xlsb", "no-worksheets"],
      ["books/truncated.xlsx", "corrupt"],
    ]);
    expect(report.totals).toMatchObject({ files: 15, filesUnreadable: 9, sheets: 305, evaluationSheets: 4, otherSheets: 301 });
  });

  it("validates against docs/report.schema.json, every error code included", () => {
    const schema = JSON.parse(readFileSync(path.join(__dirname, "../../docs/report.schema.json"), "utf8"));
    expect(validate(schema, report)).toEqual([]);
    const unknownCode = { ...report, files: [{ ...report.files[1], error: { code: "gremlins", message: "?" } }] };
    expect(validate(schema, unknownCode)).toEqual(['$.files[0].error.code: "gremlins" not in enum']);
  });

  it("gives each bad file's reason in the report and on stderr, and names the skipped lock file", () => {
    const reason = (p: string) => report.files.find((f) => f.path === `books/${p}`)!.error!.message;
    expect(reason("sheetless.xlsb")).toBe("読み込めるワークシートがありません(グラフシートだけか、シートがありません)。");
    expect(reason("sheetless.ods")).toBe("読み込めるワークシートがありません(グラフシートだけか、シートがありません)。");
    expect(reason("damaged.xls")).toBe("ブックが破損しているか不完全なため読み込めません。");
    expect(reason("protected.xlsx")).toBe("パスワードで保護(暗号化)されたブックです。Excel でパスワードを解除してから再度お試しください。");
    expect(reason("empty.xlsx")).toBe("ファイルが空です。");
    expect(reason("renamed-csv.xlsx")).toContain("zip 形式でも Excel 97–2003 形式でもありません");
    expect(reason("truncated.xlsx")).toContain("ブックが破損しているか不完全なため読み込めません。");
    expect(reason("bomb-merge.xlsx")).toContain("セルが 1000000 個を超えます");
    for (const f of report.files.filter((x) => x.error)) expect(err).toContain(`hyoka: ${f.path}: [${f.error!.code}] ${f.error!.message}\n`);
    expect(err).toContain("hyoka: books/~$41303000.xlsx は Excel のロックファイル(ブックを開いている間の一時ファイル)なので飛ばしました\n");
    expect(err).not.toContain("notes.txt");
    expect(err).not.toContain("minutes.pdf");
    // Every unreadable file except one that is not there still has its hash, for the audit trail.
    expect(report.files.filter((f) => f.sha256 === null)).toEqual([]);
  });

  it("checks the workbook whose docProps lie about their size like the sample: the part is never inflated", () => {
    const lying = report.files.find((f) => f.path === "books/lying-docprops.xlsx")!;
    expect(lying.sheets[0].summary).toEqual(report.files[0].sheets[0].summary);
    expect(lying.counts).toEqual(report.files[0].counts);
  });

  it("checks the good sample fully: exact rates, 執行率, forecast, codes and findings", () => {
    const s = evaluationSummary(report.files[0].sheets[0]);
    expect(s.indicators[0].years.find((y) => y.year === 2012)!.rate).toBeCloseTo(428 / 600, 12);
    expect(s.indicators[1].years.find((y) => y.year === 2013)!.rate).toBeCloseTo(161 / 130, 12);
    expect(s.indicators[2].years.find((y) => y.year === 2013)!.rate).toBeCloseTo(0.9, 12);
    expect(s.budget[0].executionRate).toBeCloseTo(38182 / 43769, 12);
    expect(s.budget.map((b) => b.settlementIsForecast)).toEqual([false, false, true]);
    expect(s.evaluation).toEqual({ "2011": "AⅡ", "2012": "AⅡ", "2013": "AⅡ" });
    expect(report.files[0].counts).toEqual({ error: 0, warning: 4, info: 1 });
  });

  it("reads the 32,767-character cell whole and checks its sheet like the sample", () => {
    const long = report.files.find((f) => f.path === "books/odd/long-cells.xlsx")!;
    expect(long.counts).toEqual({ error: 0, warning: 4, info: 1 });
    expect(long.sheets[0].summary).toEqual(report.files[0].sheets[0].summary);
  });

  it("reports the formulas' cached error values as findings at their cells, the rest as in the sample", () => {
    const f = report.files.find((x) => x.path === "books/odd/formula-errors.xlsx")!;
    const errors = f.sheets[0].issues.filter((i) => i.severity === "error").map((i) => [i.rule, i.cell, i.raw]);
    expect(errors).toEqual([
      ["indicator.value.not-numeric", "C35", "#DIV/0!"],
      ["indicator.value.not-numeric", "G35", "#REF!"],
    ]);
    const s = evaluationSummary(f.sheets[0]);
    expect(s.indicators[0].years.find((y) => y.year === 2013)!.actual).toBeNull();
    expect(s.indicators[0].years.find((y) => y.year === 2012)!.rate).toBeCloseTo(428 / 600, 12);
  });

  it("reads the 300-sheet and the 100,000-row workbooks as non-evaluation sheets", () => {
    const sheets300 = report.files.find((x) => x.path === "books/odd/300-sheets.xlsx")!;
    expect(sheets300.sheets).toHaveLength(300);
    expect(new Set(sheets300.sheets.map((s) => s.kind))).toEqual(new Set(["other"]));
    expect(sheets300.counts).toEqual({ error: 0, warning: 0, info: 300 });
    const rows = report.files.find((x) => x.path === "books/odd/100000-rows.xlsx")!;
    expect(rows.sheets.map((s) => [s.sheet, s.kind])).toEqual([["rows", "other"]]);
  });

  it("refuses the 100,000-row workbook under --max-cells 150000 (it has 200,000 cells), in English with --lang en", async () => {
    const io = captureIo(dir);
    expect(await main(["check", "books/odd/100000-rows.xlsx", "--max-cells", "150000", "--lang", "en", "--format", "json"], io)).toBe(EXIT.unreadable);
    expect(JSON.parse(io.out()).files[0].error).toEqual({ code: "too-large", message: "The workbook is too large to check safely. (more than 150000 cells)" });
  });
});
