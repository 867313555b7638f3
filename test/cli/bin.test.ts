// The real command: bin/hyoka.js on the compiled dist/ (as after `npm ci`), with worker threads.

import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Report } from "../../src/core/report";
import { makeCrossYearFixtures, makeFixtures, makeProfileFixtures, type Fixtures } from "./fixtures";
import { evaluationSummary } from "../support/kinds";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "hyoka.js");
let fx: Fixtures;

function hyoka(args: string[], cwd = fx.dir, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", timeout: 60_000, env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  // `npm run prepare` does this after npm ci; other parts' type errors must not stop the emit.
  spawnSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.node.json")], { cwd: root, timeout: 110_000 });
  if (!existsSync(path.join(root, "dist/cli/main.js")) || !existsSync(path.join(root, "dist/cli/worker.js"))) throw new Error("dist/cli was not built");
  fx = await makeFixtures();
}, 120_000);
afterAll(() => rmSync(fx.dir, { recursive: true, force: true }));

describe("bin/hyoka.js", () => {
  it("checks a folder on worker threads: exit 2 for the corrupt file, the others checked, same report as one thread", () => {
    const pooled = hyoka(["check", ".", "notes.csv", "--format", "json", "--no-model", "--jobs", "2", "--progress"]);
    expect(pooled.code).toBe(2);
    expect(pooled.err).toContain("hyoka: nested/corrupt.xlsx: [corrupt] ");
    expect(pooled.err).toContain("hyoka: notes.csv: [csv] ");
    expect(pooled.err).toContain("hyoka: 4/4 ファイル\n");
    const report: Report = JSON.parse(pooled.out);
    expect(report.files.map((f) => f.path)).toEqual(["nested/corrupt.xlsx", "nested/hostile.xlsx", "notes.csv", "sample.xlsx"]);
    expect(evaluationSummary(report.files[3].sheets[0]).budget[0].executionRate).toBeCloseTo(38182 / 43769, 12);

    const single = hyoka(["check", ".", "notes.csv", "--format", "json", "--no-model", "--jobs", "1"]);
    const stamp = /"checkedAt": "[^"]+"/;
    expect(single.out.replace(stamp, "")).toBe(pooled.out.replace(stamp, ""));
  }, 60_000);

  it("shares the files between worker threads: every format as on one thread, JSON with models", () => {
    const many = mkdtempSync(path.join(os.tmpdir(), "hyoka-many-"));
    try {
      for (let i = 0; i < 9; i++) copyFileSync(i === 4 ? fx.corrupt : i % 2 ? fx.hostile : fx.sample, path.join(many, `book-${i}.xlsx`));
      const stamp = /"checkedAt": "[^"]+"|\| 検証日時 \| [^|]+ \|/;
      for (const format of ["json", "text", "md", "csv"]) {
        const pooled = hyoka(["check", ".", "--format", format, "--jobs", "3", "--progress"], many);
        const single = hyoka(["check", ".", "--format", format, "--jobs", "1"], many);
        expect([pooled.code, single.code]).toEqual([2, 2]);
        expect(pooled.out.replace(stamp, "")).toBe(single.out.replace(stamp, ""));
        expect(pooled.err.split("\n").filter((l) => /^hyoka: \d+\/9 ファイル$/.test(l))).toEqual(
          Array.from({ length: 9 }, (_, i) => `hyoka: ${i + 1}/9 ファイル`),
        );
        expect(pooled.err).toContain("hyoka: book-4.xlsx: [corrupt] ");
      }
      const report: Report = JSON.parse(hyoka(["check", ".", "--format", "json", "--jobs", "2"], many).out);
      expect(report.files.map((f) => [f.path, f.counts.error])).toEqual(
        Array.from({ length: 9 }, (_, i) => [`book-${i}.xlsx`, i === 4 ? 0 : i % 2 ? 1 : 0]),
      );
      expect(report.files[0].sheets[0].model).not.toBeNull();
    } finally {
      rmSync(many, { recursive: true, force: true });
    }
  }, 60_000);

  it("prints the text report on the sample with exit 0, no colour when piped", () => {
    const r = hyoka(["check", "sample.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("2012  計画値 600  実績値 428  達成率 71.3% 未達成");
    expect(r.out).toContain("2011  計画事業費 -  予算 43,769  決算 38,182  執行率 87.2%  予算/計画 -");
    expect(r.out).not.toContain("\u001b[");
  });

  it("compares years and applies saved profiles on worker threads, as on one thread", async () => {
    const cross = await makeCrossYearFixtures();
    const profiles = await makeProfileFixtures();
    try {
      copyFileSync(path.join(profiles, "pinned.xlsx"), path.join(cross.dir, "pinned.xlsx"));
      const pooled = hyoka(["check", "--cross-year", ".", "--format", "json", "--no-model", "--jobs", "2"], cross.dir);
      expect(pooled.code).toBe(0);
      const report: Report = JSON.parse(pooled.out);
      expect(report.files.map((f) => [f.path, f.profile?.name ?? null, f.counts.warning])).toEqual([
        ["41303000-2012.xlsx", null, 4],
        ["41303000-2013.xlsx", null, 5],
        // Also a 2013 book of 41303000 (read through its pin): it restates 2012 too.
        ["pinned.xlsx", "環境局様式", 5],
      ]);
      expect(report.files[2].sheets[0].issues.filter((i) => i.rule.startsWith("crossyear.")).map((i) => [i.rule, i.cell, i.related])).toEqual([
        ["crossyear.value.changed", "C34", ["41303000-2012.xlsx 41303000!C34"]],
      ]);
      const restated = report.files[1].sheets[0].issues.find((i) => i.rule === "crossyear.value.changed");
      expect([restated?.cell, restated?.related]).toEqual(["C34", ["41303000-2012.xlsx 41303000!C34"]]);
      const single = hyoka(["check", "--cross-year", ".", "--format", "json", "--no-model", "--jobs", "1"], cross.dir);
      const stamp = /"checkedAt": "[^"]+"/;
      expect(single.out.replace(stamp, "")).toBe(pooled.out.replace(stamp, ""));
    } finally {
      rmSync(cross.dir, { recursive: true, force: true });
      rmSync(profiles, { recursive: true, force: true });
    }
  }, 60_000);

  describe("a worker that dies fails only its file; a fresh worker takes the rest", () => {
    let many: string;
    beforeAll(() => {
      many = mkdtempSync(path.join(os.tmpdir(), "hyoka-crash-"));
      for (let i = 0; i < 5; i++) copyFileSync(fx.sample, path.join(many, `book-${i}.xlsx`));
    });
    afterAll(() => rmSync(many, { recursive: true, force: true }));

    // With --jobs 2 two workers start, each taking two files: book-0 and book-1 go to the first,
    // so book-0 is the file it dies on and book-1 is handed on to a fresh worker.
    const run = (fault: string, extra: string[] = [], env: Record<string, string> = {}) =>
      hyoka(["check", ".", "--format", "json", "--no-model", "--jobs", "2", "--progress", ...extra], many, { HYOKA_TEST_WORKER_FAULT: `${fault}:book-0.xlsx`, ...env });

    const expectOthersChecked = (report: Report) => {
      expect(report.files.map((f) => [f.path, f.error?.code ?? null])).toEqual([
        ["book-0.xlsx", "worker-crashed"],
        ["book-1.xlsx", null],
        ["book-2.xlsx", null],
        ["book-3.xlsx", null],
        ["book-4.xlsx", null],
      ]);
      for (const f of report.files.slice(1)) expect(evaluationSummary(f.sheets[0]).budget[0].executionRate).toBeCloseTo(38182 / 43769, 12);
      // Still hashed for the audit trail: the same bytes as the others.
      expect(report.files[0].sha256).toBe(report.files[1].sha256);
    };

    it("out of memory under the heap limit (HYOKA_WORKER_MEMORY_MB): exit 2, the file's reason, the others checked", () => {
      const r = run("oom", [], { HYOKA_WORKER_MEMORY_MB: "128" });
      expect(r.code).toBe(2);
      const report: Report = JSON.parse(r.out);
      expectOthersChecked(report);
      expect(report.files[0].error?.message).toBe(
        "このファイルを検査していたスレッドが停止しました(メモリ不足または異常終了)。他のファイルは検査を続けました。 (メモリ上限 128 MB を超えました。--worker-memory で上限を変えられます)",
      );
      expect(r.err).toContain("hyoka: book-0.xlsx: [worker-crashed] ");
      expect(r.err).toContain("hyoka: 5/5 ファイル\n");
    }, 60_000);

    it("an exit without a result and an uncaught error, in English; --worker-memory wins over the environment", () => {
      const exited = run("exit", ["--lang", "en", "--worker-memory", "256"], { HYOKA_WORKER_MEMORY_MB: "lots" });
      expect(exited.code).toBe(2);
      const report: Report = JSON.parse(exited.out);
      expectOthersChecked(report);
      expect(report.files[0].error?.message).toBe(
        "The thread checking this file stopped (out of memory, or a crash); the other files were still checked. (the thread exited without a result (exit code 3))",
      );
      const thrown: Report = JSON.parse(run("throw", ["--lang", "en"]).out);
      expectOthersChecked(thrown);
      expect(thrown.files[0].error?.message).toMatch(/\(thread error: test fault\)$/);
    }, 60_000);

    it("a single file is parsed on a worker too: its out-of-memory fails the file (exit 2), never the process", () => {
      const r = hyoka(["check", "book-0.xlsx", "--format", "json", "--no-model"], many, { HYOKA_TEST_WORKER_FAULT: "oom:book-0.xlsx", HYOKA_WORKER_MEMORY_MB: "128" });
      expect(r.code).toBe(2);
      const report: Report = JSON.parse(r.out);
      expect(report.files.map((f) => [f.path, f.error?.code])).toEqual([["book-0.xlsx", "worker-crashed"]]);
      expect(r.err).toBe(
        "hyoka: book-0.xlsx: [worker-crashed] このファイルを検査していたスレッドが停止しました(メモリ不足または異常終了)。他のファイルは検査を続けました。 (メモリ上限 128 MB を超えました。--worker-memory で上限を変えられます)\n",
      );
    }, 60_000);

    it("a file over the time limit is stopped (timeout, exit 2); the others are checked", () => {
      const started = Date.now();
      const r = run("hang", ["--file-timeout", "2", "--lang", "en"]);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(r.code).toBe(2);
      const report: Report = JSON.parse(r.out);
      expect(report.files.map((f) => [f.path, f.error?.code ?? null])).toEqual([
        ["book-0.xlsx", "timeout"],
        ["book-1.xlsx", null],
        ["book-2.xlsx", null],
        ["book-3.xlsx", null],
        ["book-4.xlsx", null],
      ]);
      expect(report.files[0].error?.message).toBe(
        "Checking this file took longer than the time limit; the other files were still checked. (over the time limit of 2 s, see --file-timeout)",
      );
    }, 60_000);
  });

  it("a folder of .xlsx, .xls, .xlsb and .ods copies of the sample reports the same figures for each (issue 11)", async () => {
    const XLSX = await import("@e965/xlsx");
    const dir = mkdtempSync(path.join(os.tmpdir(), "hyoka-formats-"));
    try {
      const wb = XLSX.read(readFileSync(fx.sample), { type: "buffer", cellDates: true });
      copyFileSync(fx.sample, path.join(dir, "sample.xlsx"));
      for (const bookType of ["xls", "xlsb", "ods"] as const) writeFileSync(path.join(dir, `sample.${bookType}`), XLSX.write(wb, { bookType, type: "buffer" }) as Buffer);
      const r = hyoka(["check", ".", "--format", "json", "--no-model"], dir);
      expect(r.code).toBe(0);
      const report: Report = JSON.parse(r.out);
      expect(report.files.map((f) => f.path)).toEqual(["sample.ods", "sample.xls", "sample.xlsb", "sample.xlsx"]);
      const figures = (f: Report["files"][number]) => ({ counts: f.counts, rules: f.sheets[0].issues.map((i) => [i.rule, i.cell]), summary: { ...f.sheets[0].summary } });
      for (const f of report.files) expect(figures(f)).toEqual(figures(report.files[3]));
      expect(evaluationSummary(report.files[3].sheets[0]).budget[0].executionRate).toBeCloseTo(38182 / 43769, 12);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("a folder holding the issue's crafted files: no abort, exit 2, every other file fully reported", async () => {
    const { oneSheetPackage, deflatedSpaces, sheetXml } = await import("../adapters/xlsx/fixtures");
    const dir = mkdtempSync(path.join(os.tmpdir(), "hyoka-crafted-"));
    try {
      const row = '<row r="1"><c r="A1"><v>1</v></c></row>';
      const files: Record<string, Uint8Array> = {
        "a-merge-tab.xlsx": oneSheetPackage(row, { after: '<mergeCells><mergeCell\tref="A100:XFD1048576"/></mergeCells>' }),
        "b-merge-path.xlsx": oneSheetPackage(row, { entry: "zz/../xl/worksheets/sheet1.xml", after: '<mergeCells><mergeCell ref="A100:XFD1048576"/></mergeCells>' }),
        "c-bak.xlsx": oneSheetPackage(row, { extra: [{ name: "xl/worksheets/sheet1.xml.bak", data: sheetXml("", '<mergeCells><mergeCell ref="A100:XFD1048576"/></mergeCells>') }] }),
        "d-lying-docprops.xlsx": oneSheetPackage(row, { extra: [{ name: "docProps/app.xml", compressed: await deflatedSpaces(1024 * 1024 * 1024), declaredSize: 805 }] }),
        "e-data-part.xlsx": oneSheetPackage(row, { entry: "xl/worksheets/data.xml" }),
      };
      for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
      copyFileSync(fx.sample, path.join(dir, "z-sample.xlsx"));
      const r = hyoka(["check", ".", "--format", "json", "--no-model", "--lang", "en"], dir);
      expect(r.code).toBe(2);
      const report: Report = JSON.parse(r.out);
      expect(report.files.map((f) => [f.path, f.error?.code ?? null, f.sheets.length])).toEqual([
        ["a-merge-tab.xlsx", "too-large", 0],
        ["b-merge-path.xlsx", "too-large", 0],
        ["c-bak.xlsx", null, 1],
        ["d-lying-docprops.xlsx", null, 1],
        ["e-data-part.xlsx", null, 1],
        ["z-sample.xlsx", null, 1],
      ]);
      expect(evaluationSummary(report.files[5].sheets[0]).budget[0].executionRate).toBeCloseTo(38182 / 43769, 12);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("an -o that is a folder: exit 3 with one line, no stack trace", () => {
    const r = hyoka(["check", "sample.xlsx", "-o", os.tmpdir()]);
    expect(r.code).toBe(3);
    expect(r.err).toBe(`hyoka: -o ${os.tmpdir()} はフォルダです。書き出すファイルの名前を指定してください(例: -o ${os.tmpdir()}/report.json)\n`);
    expect(r.out).toBe("");
  });

  it("answers --version and --help", () => {
    expect(hyoka(["--version"]).out).toMatch(/^\d+\.\d+\.\d+\n$/);
    const ja = hyoka(["--help"]);
    expect(ja.code).toBe(0);
    expect(ja.out.split("\n")[0]).toBe("hyoka — 施策進行管理・評価票のブックを検証します");
    const en = hyoka(["--help", "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.out.split("\n")[0]).toBe("hyoka — checks 施策進行管理・評価票 workbooks");
  });

  it("links files checked on worker threads from the digests they send back: the same report as on one thread", async () => {
    const { writeFileSync } = await import("node:fs");
    const { writeXlsx } = await import("../../src/adapters/xlsx/write");
    const { familyMistakesWorkbook } = await import("../../src/samples/family41303000");
    const dir = mkdtempSync(path.join(os.tmpdir(), "hyoka-link-bin-"));
    try {
      const { sheets, expected } = familyMistakesWorkbook();
      for (const sheet of sheets) writeFileSync(path.join(dir, `${sheet.grid.name}.xlsx`), await writeXlsx({ sheets: [sheet.grid] }));
      const stamp = /"checkedAt": "[^"]+"/;
      const pooled = hyoka(["check", ".", "--format", "json", "--jobs", "2"], dir);
      const single = hyoka(["check", ".", "--format", "json", "--jobs", "1"], dir);
      expect([pooled.code, single.code]).toEqual([1, 1]);
      expect(pooled.out.replace(stamp, "")).toBe(single.out.replace(stamp, ""));
      const report: Report = JSON.parse(pooled.out);
      const found = report.files.flatMap((f) => f.sheets.flatMap((s) => s.issues.filter((i) => /^(link|rollup)\./.test(i.rule)).map((i) => [i.rule, i.sheet, i.cell])));
      expect(found.sort()).toEqual(expected.map((e) => [e.rule, e.sheet, e.cell]).sort());
      expect(report.links.map((l) => [l.measureCode, l.projects.length])).toEqual([["41303000", 6]]);
      // The models stay in the entries' JSON (linking used the digests only).
      expect(report.files.every((f) => f.sheets.every((s) => s.model !== null))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
