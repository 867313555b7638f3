// The CLI's speed work must not change a byte of output: the JSON report written in pieces, the
// entries made per file, the one-shot inflate of the prescan and the profile skip.

import { deflateRawSync } from "node:zlib";
import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { readWorkbook } from "../../src/adapters/xlsx/read";
import { WorkbookReadError } from "../../src/adapters/xlsx/errors";
import { readZipDirectory } from "../../src/adapters/xlsx/zip";
import { checkWorkbook } from "../../src/core/engine";
import { buildReport, buildReportFromFiles, formatJson, jsonReportParts, reportFileJson, type FileResult } from "../../src/core/report";
import { withDefaults } from "../../src/core/settings";
import { renderSheet } from "../../src/samples/layout";
import { sample41303000 } from "../../src/samples/sample41303000";
import { checkFile } from "../../src/cli/checkFile";
import { toCheckedEntry } from "../../src/cli/entry";
import { exitCodeFor, main, EXIT } from "../../src/cli/main";
import { nodeInflateRaw } from "../../src/cli/nodeInflate";
import { declareSize, patchPart, smallXlsx } from "../adapters/xlsx/fixtures";
import { captureIo, makeFixtures, makeProfileFixtures, type Fixtures } from "./fixtures";

const settings = withDefaults({});
const reportInput = { toolVersion: "0.1.0", settings, checkedAt: "2026-11-28T10:00:00.000Z", ruleCatalogueVersion: "x", rules: [] };

function sampleResult(path: string): FileResult {
  const grid = renderSheet(sample41303000, "41303000").grid;
  return { path, sha256: "ab".repeat(32), error: null, sheets: checkWorkbook({ sheets: [grid, { ...grid, name: "写し" }] }), profile: null };
}
const unreadable: FileResult = { path: "a/broken.xlsx", sha256: null, error: { code: "corrupt", message: "壊れています\n(改行入り)" }, sheets: [] };

describe("the JSON report in pieces", () => {
  const results = [unreadable, sampleResult("b.xlsx"), sampleResult("c/ä \"q\".xlsx")];

  it.each([true, false])("head + entries + tail is formatJson's text, byte for byte (models: %s)", (includeModel) => {
    const whole = formatJson(buildReport({ ...reportInput, files: results, includeModel }));
    const entries = results.map((r) => toCheckedEntry(r, "ja", { includeModel, json: true }));
    const head = jsonReportParts(buildReportFromFiles(reportInput, [])).head;
    const { separator, tail } = jsonReportParts(buildReportFromFiles(reportInput, entries.map((e) => e.file)));
    const text = (bytes: Uint8Array | null) => new TextDecoder().decode(bytes!);
    expect(head + entries.map((e) => text(e.json)).join(separator) + tail).toBe(whole);
  });

  it("keeps the report without models and the entry's text with them", () => {
    const entry = toCheckedEntry(sampleResult("b.xlsx"), "en", { includeModel: true, json: true });
    expect(entry.file.sheets.map((s) => s.model)).toEqual([null, null]);
    expect(entry.file.counts).toEqual({ error: 0, warning: 8, info: 2 });
    const json = new TextDecoder().decode(entry.json!);
    expect(json.startsWith('{"path":"b.xlsx","sha256":')).toBe(true);
    expect(json).not.toContain("\n");
    expect(JSON.parse(json).sheets[1].model.header.measureCode.value).toBe("41303000");
    expect(reportFileJson(entry.file)).not.toContain('"model":{');
  });

  it("gives each entry's bytes an ArrayBuffer of their own, short or long, so the worker can transfer it whole", () => {
    for (const result of [unreadable, sampleResult("b.xlsx")]) {
      const json = toCheckedEntry(result, "ja", { includeModel: true, json: true }).json!;
      expect(json.byteOffset).toBe(0);
      expect(json.buffer.byteLength).toBe(json.byteLength);
      expect(JSON.parse(new TextDecoder().decode(json)).path).toBe(result.path);
    }
    // The short one is below Node's pool threshold: Buffer.from alone would hand back a view of the shared pool.
    expect(toCheckedEntry(unreadable, "ja", { includeModel: true, json: true }).json!.byteLength).toBeLessThan(Buffer.poolSize / 2);
  });

  it("makes no text for the other formats and leaves the models out", () => {
    const entry = toCheckedEntry(sampleResult("b.xlsx"), "ja", { includeModel: true, json: false });
    expect(entry.json).toBeNull();
    expect(entry.file.sheets[0].model).toBeNull();
  });
});

describe("exit codes from the per-file counts", () => {
  const file = (error: boolean, counts: { error: number; warning: number; info: number }) => ({ error: error ? { code: "corrupt", message: "x" } : null, counts });
  it("2 for an unreadable file, 1 at the --fail-on level, else 0", () => {
    expect(exitCodeFor([file(false, { error: 0, warning: 3, info: 1 }), file(true, { error: 0, warning: 0, info: 0 })], "never")).toBe(EXIT.unreadable);
    expect(exitCodeFor([file(false, { error: 0, warning: 3, info: 1 })], "error")).toBe(EXIT.ok);
    expect(exitCodeFor([file(false, { error: 0, warning: 3, info: 1 })], "warning")).toBe(EXIT.findings);
    expect(exitCodeFor([file(false, { error: 1, warning: 0, info: 0 })], "error")).toBe(EXIT.findings);
    expect(exitCodeFor([file(false, { error: 1, warning: 0, info: 0 })], "never")).toBe(EXIT.ok);
    expect(exitCodeFor([file(false, { error: 0, warning: 0, info: 5 })], "warning")).toBe(EXIT.ok);
  });
});

describe("nodeInflateRaw, the reader's native inflate", () => {
  const text = "<c r=\"A1\"><v>1</v></c>".repeat(1000);
  const packed = deflateRawSync(Buffer.from(text));

  it("inflates within the limit, says too-large one byte beyond it, throws on damaged data", () => {
    expect(Buffer.from(nodeInflateRaw(packed, text.length) as Uint8Array).toString()).toBe(text);
    expect(nodeInflateRaw(packed, text.length - 1)).toBe("too-large");
    expect(nodeInflateRaw(deflateRawSync(Buffer.alloc(0)), 0)).toHaveLength(0);
    expect(() => nodeInflateRaw(Uint8Array.from([0xff, 0xff, 0xff, 0xff]), 100)).toThrow();
  });

  async function outcome(bytes: Uint8Array, options: Parameters<typeof readWorkbook>[1] = {}): Promise<unknown> {
    try {
      return await readWorkbook(bytes, options);
    } catch (e) {
      return e instanceof WorkbookReadError ? { code: e.code, detail: e.detail } : e;
    }
  }

  it("gives readWorkbook the same grids and errors as the browser's DecompressionStream", async () => {
    const good = await smallXlsx();
    const filler = `<!--${"x".repeat(2_000_000)}-->`;
    // Declares 1,000 bytes but inflates to 2 MB: only the inflate itself can stop it.
    const big = declareSize(await patchPart(good, "xl/worksheets/sheet1.xml", (xml) => xml.replace("<sheetData>", `${filler}<sheetData>`)), "xl/worksheets/sheet1.xml", 1000);
    const wholeSheetMerge = await patchPart(good, "xl/worksheets/sheet1.xml", (xml) => xml.replace('ref="A1:B1"', 'ref="A1:XFD1048576"'));
    const damaged = new Uint8Array(good);
    const sheet = readZipDirectory(damaged).entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    damaged.fill(0xff, sheet.localHeaderOffset + 30 + sheet.name.length, sheet.localHeaderOffset + 70 + sheet.name.length);
    const cases: Array<[Uint8Array, Parameters<typeof readWorkbook>[1]]> = [
      [good, {}],
      [big, { maxBytes: 1_000_000 }],
      [wholeSheetMerge, {}],
      [damaged, {}],
    ];
    const expected = [
      { format: "xlsx", profileJson: null, sheets: [expect.objectContaining({ values: [["評価年度", null, "2013年度"], ["予算", 43769, 38182]] })] },
      { code: "too-large", detail: "more than 1000000 bytes once uncompressed" },
      { code: "too-large", detail: "more than 1000000 cells" },
      { code: "corrupt", detail: "xl/worksheets/sheet1.xml cannot be inflated" },
    ];
    for (const [i, [bytes, options]] of cases.entries()) {
      const streamed = await outcome(bytes, options);
      expect(streamed).toEqual(expected[i]);
      expect(await outcome(bytes, { ...options, inflateRaw: nodeInflateRaw })).toEqual(streamed);
    }
  });
});

describe("checkFile", () => {
  let profiles: string;
  beforeAll(async () => {
    profiles = await makeProfileFixtures();
  });
  afterAll(() => rmSync(profiles, { recursive: true, force: true }));

  it("still finds a profile saved in the workbook, and none where no custom XML part exists", async () => {
    const options = { settings };
    const pinned = await checkFile(`${profiles}/pinned.xlsx`, "pinned.xlsx", options);
    expect(pinned.profile).toEqual({ name: "環境局様式", version: 2, source: "file" });
    expect(readZipDirectory(new Uint8Array(await smallXlsx())).entries.some((e) => /customxml/i.test(e.name))).toBe(false);
    const plain = await checkFile(`${profiles}/renamed.xlsx`, "renamed.xlsx", options);
    expect(plain.profile).toBeNull();
    expect(plain.error).toBeNull();
  });
});

describe("hyoka check --format json -o", () => {
  let fx: Fixtures;
  beforeAll(async () => {
    fx = await makeFixtures();
  });
  afterAll(() => rmSync(fx.dir, { recursive: true, force: true }));

  it("writes to the file the bytes it prints", async () => {
    const printed = captureIo(fx.dir);
    expect(await main(["check", ".", "--format", "json"], printed)).toBe(EXIT.unreadable);
    const written = captureIo(fx.dir);
    expect(await main(["check", ".", "--format", "json", "-o", "out/r.json"], written)).toBe(EXIT.unreadable);
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(`${fx.dir}/out/r.json`, "utf8")).toBe(printed.out());
    expect(written.out()).toBe("");
    expect(written.err()).toBe(`${printed.err()}hyoka: レポートを out/r.json に書き出しました\n`);
    expect(printed.err()).toContain("hyoka: nested/corrupt.xlsx: [corrupt] ");
  });
});

describe("reading a file (checkFile reads it synchronously, on its worker)", () => {
  let fx: Fixtures;
  beforeAll(async () => {
    fx = await makeFixtures();
  });
  afterAll(() => rmSync(fx.dir, { recursive: true, force: true }));

  it("reads the bytes it hashes and checks", async () => {
    const result = await checkFile(fx.sample, "sample.xlsx", { settings });
    expect(result.error).toBeNull();
    expect(result.sha256).toBe(createHash("sha256").update(readFileSync(fx.sample)).digest("hex"));
    expect(result.sheets.map((s) => s.sheet)).toEqual(["41303000"]);
  });

  it("turns a file that cannot be opened, or a folder, into a result, never an exception", async () => {
    expect(await checkFile(`${fx.dir}/gone.xlsx`, "gone.xlsx", { settings })).toEqual({ path: "gone.xlsx", sha256: null, error: { code: "not-found", message: "ファイルが見つかりません。" }, sheets: [] });
    expect(await checkFile(fx.dir, "dir", { settings })).toEqual({ path: "dir", sha256: null, error: { code: "is-directory", message: "ファイルではなくフォルダです。" }, sheets: [] });
  });
});
