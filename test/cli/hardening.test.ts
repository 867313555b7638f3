// Issue 11 items 5, 6 and 7 through the command itself: only regular files are read, -o never
// overwrites an input, and nothing from a file (its name, its entry names, its cells) can drive
// the terminal or become a link, image or HTML in a report. Items 4 (worker isolation and the
// time limit, which need the compiled worker) are in bin.test.ts.

import { execFileSync } from "node:child_process";
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { EXIT, main } from "../../src/cli/main";
import type { Report } from "../../src/core/report";
import { renderSheet } from "../../src/samples/layout";
import { sample41303000 } from "../../src/samples/sample41303000";
import type { MeasureData } from "../../src/samples/measureData";
import { buildZip, packageEntries } from "../adapters/xlsx/fixtures";
import { captureIo } from "./fixtures";
import { evaluationSummary } from "../support/kinds";

jest.setTimeout(60_000);

let dir: string;
let sample: Uint8Array;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hyoka-hardening-"));
  sample = await writeXlsx({ sheets: [renderSheet(sample41303000, "41303000").grid] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function folder(name: string, files: Record<string, Uint8Array | string>): string {
  const at = path.join(dir, name);
  execFileSync("mkdir", ["-p", at]);
  for (const [file, bytes] of Object.entries(files)) {
    const full = path.join(at, file);
    execFileSync("mkdir", ["-p", path.dirname(full)]);
    writeFileSync(full, bytes);
  }
  return at;
}

async function run(args: string[], cwd: string) {
  const io = captureIo(cwd);
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe("only regular files are read (item 5)", () => {
  it("a FIFO named on the command line is refused at once with a reason; the other file is checked", async () => {
    const at = folder("fifo", { "good.xlsx": sample });
    execFileSync("mkfifo", [path.join(at, "pipe.xlsx")]);
    const started = Date.now();
    const r = await run(["check", "pipe.xlsx", "good.xlsx", "--format", "json", "--no-model"], at);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(EXIT.unreadable);
    const report: Report = JSON.parse(r.out);
    expect(report.files.map((f) => [f.path, f.error?.code ?? null, f.sha256 === null])).toEqual([
      ["good.xlsx", null, false],
      ["pipe.xlsx", "not-regular-file", true],
    ]);
    expect(report.files[1].error?.message).toBe("通常のファイルではありません(FIFO、デバイス、ソケットなど)。hyoka は通常のファイルだけを読み込みます。 (FIFO)");
  });

  it("/dev/zero is refused without reading a byte", async () => {
    const r = await run(["check", "/dev/zero", "--format", "json", "--lang", "en"], dir);
    expect(r.code).toBe(EXIT.unreadable);
    expect(JSON.parse(r.out).files[0].error).toEqual({ code: "not-regular-file", message: "Not a regular file (a FIFO, device or socket): hyoka reads regular files only. (device)" });
  });

  it("a folder skips a FIFO with a workbook's name, with a note, and checks the rest", async () => {
    const at = folder("fifo-folder", { "books/good.xlsx": sample });
    execFileSync("mkfifo", [path.join(at, "books", "pipe.xlsx")]);
    const r = await run(["check", "books", "--format", "json", "--no-model"], at);
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.out).files.map((f: { path: string }) => f.path)).toEqual(["books/good.xlsx"]);
    expect(r.err).toContain("hyoka: books/pipe.xlsx は通常のファイルではない(FIFO)ので飛ばしました\n");
  });

  it("a file above the size limit is refused from its size alone (a sparse 300 MB file: nothing is read)", async () => {
    const at = folder("huge", {});
    const huge = path.join(at, "huge.xlsx");
    writeFileSync(huge, "");
    truncateSync(huge, 300 * 1024 * 1024);
    const r = await run(["check", "huge.xlsx", "--format", "json", "--lang", "en"], at);
    expect(r.code).toBe(EXIT.unreadable);
    expect(JSON.parse(r.out).files[0]).toMatchObject({
      sha256: null,
      error: { code: "too-large", message: "The workbook is too large to check safely. (file of 314572800 bytes, limit 134217728)" },
    });
  });
});

describe("-o never overwrites an input (item 6)", () => {
  it.each([
    ["check", ["--format", "json"]],
    ["summary", []],
  ])("%s x.xlsx -o x.xlsx exits 3 and leaves the workbook as it was", async (command, extra) => {
    const at = folder(`same-${command}`, { "x.xlsx": sample });
    const r = await run([command, "x.xlsx", ...extra, "-o", "x.xlsx"], at);
    expect(r.code).toBe(EXIT.output);
    expect(r.err).toBe("hyoka: -o x.xlsx は検査するファイル x.xlsx そのものです(同じパスかリンク)。入力を上書きしないよう、別の名前を指定してください\n");
    expect(new Uint8Array(readFileSync(path.join(at, "x.xlsx")))).toEqual(sample);
  });

  it("the same file through a symbolic link, a hard link, ./ or a folder input is refused too", async () => {
    const at = folder("links", { "books/x.xlsx": sample });
    symlinkSync(path.join(at, "books", "x.xlsx"), path.join(at, "sym.xlsx"));
    linkSync(path.join(at, "books", "x.xlsx"), path.join(at, "hard.xlsx"));
    for (const output of ["sym.xlsx", "hard.xlsx", "./books/../books/x.xlsx"]) {
      const r = await run(["check", "books/x.xlsx", "--lang", "en", "-o", output], at);
      expect([output, r.code]).toEqual([output, EXIT.output]);
      expect(r.err).toBe(`hyoka: -o ${output} is the input file books/x.xlsx (the same path or a link to it): give another name, so that no input is overwritten\n`);
    }
    const r = await run(["summary", "books", "-o", "books/x.xlsx"], at);
    expect(r.code).toBe(EXIT.output);
    expect(new Uint8Array(readFileSync(path.join(at, "books", "x.xlsx")))).toEqual(sample);
  });

  it("a report is written through a temporary file renamed into place: the old one is replaced whole, nothing is left over", async () => {
    const at = folder("atomic", { "x.xlsx": sample, "out/report.json": "old report" });
    const r = await run(["check", "x.xlsx", "--format", "json", "--no-model", "-o", "out/report.json"], at);
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(readFileSync(path.join(at, "out", "report.json"), "utf8")).files[0].path).toBe("x.xlsx");
    expect(readdirSync(path.join(at, "out"))).toEqual(["report.json"]);
    const s = await run(["summary", "x.xlsx", "-o", "out/summary.xlsx"], at);
    expect(s.code).toBe(EXIT.ok);
    expect(readdirSync(path.join(at, "out")).sort()).toEqual(["report.json", "summary.xlsx"]);
  });

  it("a run that fails to write leaves the existing -o file untouched and no temporary file", async () => {
    const at = folder("failing", { "x.xlsx": sample, "out/report.json": "old report" });
    // A folder where the report should go: the rename fails, the old file stays.
    execFileSync("mkdir", ["-p", path.join(at, "blocked", "report.json")]);
    const r = await run(["check", "x.xlsx", "-o", "blocked/report.json/"], at);
    expect(r.code).toBe(EXIT.output);
    expect(readFileSync(path.join(at, "out", "report.json"), "utf8")).toBe("old report");
    expect(readdirSync(path.join(at, "blocked"))).toEqual(["report.json"]);
  });
});

describe("clean text on the terminal and in reports (item 7)", () => {
  const ESC = "\u001b";
  // What must never reach a terminal raw (ESC and the other controls, bidi overrides).
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
  // eslint-disable-next-line no-control-regex -- as above
  const ESC_OR_BIDI = /[\u001b\u202a-\u202e]/;
  const OSC_TITLE = `${ESC}]0;PWNED\u0007`;
  const CLEAR = `${ESC}[2J`;

  it("a file name that would set the title, clear the screen and forge a line is escaped on stderr and in the text report", async () => {
    const name = `evil${OSC_TITLE}${CLEAR}\nhyoka: forged.xlsx`;
    const at = folder("names", { [name]: "not a workbook" });
    const r = await run(["check", ".", "--lang", "en"], at);
    expect(r.code).toBe(EXIT.unreadable);
    for (const text of [r.err, r.out]) {
      expect(text).not.toMatch(CONTROLS);
      expect(text).toContain("evil\\x1B]0;PWNED\\x07\\x1B[2J ⏎ hyoka: forged.xlsx");
    }
    expect(r.err.split("\n").filter((l) => l.startsWith("hyoka: forged"))).toEqual([]);
  });

  it("zip entry names in a parser's message cannot drive the terminal either", async () => {
    const entry = `xl/${OSC_TITLE}${CLEAR}\nx.xml`;
    const bytes = buildZip(
      packageEntries([{ name: "S", entry, xml: "" }]).map((e) => (e.name === entry ? { name: entry, compressed: Uint8Array.from([0xff, 0xff, 0xff]) } : e)),
    );
    const at = folder("entries", { "book.xlsx": bytes });
    const r = await run(["check", "book.xlsx", "--lang", "en"], at);
    expect(r.code).toBe(EXIT.unreadable);
    expect(r.err).toBe("hyoka: book.xlsx: [corrupt] The workbook is damaged or incomplete and cannot be read. (xl/\\x1B]0;PWNED\\x07\\x1B[2J ⏎ x.xml cannot be inflated)\n");
  });

  it("cell text is never a link, image, emphasis, code or HTML in the md report, and control/bidi characters are escaped everywhere", async () => {
    const data: MeasureData = {
      ...sample41303000,
      measureName: "![i](http://host/img.png) *x* `y` <b>z</b> \u202Eevil",
      indicators: sample41303000.indicators.map((ind, i) =>
        i === 0 ? { ...ind, rows: ind.rows.map((row, k) => (k === 2 ? { ...row, actual: "[l](javascript:alert(1))" } : row)) } : ind,
      ),
    };
    const at = folder("cells", { "book.xlsx": await writeXlsx({ sheets: [renderSheet(data, "41303000\u202Ec").grid] }) });
    const md = await run(["check", "book.xlsx", "--format", "md"], at);
    expect(md.out).toContain("\\!\\[i\\]\\(http://host/img.png\\) \\*x\\* \\`y\\` &lt;b&gt;z&lt;/b&gt; \\\\u202Eevil");
    expect(md.out).toContain("\\[l\\]\\(javascript:alert\\(1\\)\\)");
    expect(md.out).not.toMatch(/!\[|\]\(|<b>/);
    expect(md.out).not.toMatch(ESC_OR_BIDI);
    const text = await run(["check", "book.xlsx"], at);
    expect(text.out).toContain('シート "41303000\\u202Ec"');
    expect(text.out).not.toMatch(ESC_OR_BIDI);
    const csv = await run(["check", "book.xlsx", "--format", "csv"], at);
    expect(csv.out).not.toMatch(ESC_OR_BIDI);
    const json = await run(["check", "book.xlsx", "--format", "json", "--no-model"], at);
    expect(json.out).not.toMatch(ESC_OR_BIDI);
    const report: Report = JSON.parse(json.out);
    // JSON keeps the exact value (escaped as \u001b, \u202e): the data is not changed.
    expect(report.files[0].sheets[0].sheet).toBe("41303000\u202Ec");
    expect(json.out).toContain('"sheet":"41303000\\u202ec"');
    expect(evaluationSummary(report.files[0].sheets[0]).measureName).toBe("![i](http://host/img.png) *x* `y` <b>z</b> \u202Eevil");
    expect(existsSync(path.join(at, "book.xlsx"))).toBe(true);
  });
});
