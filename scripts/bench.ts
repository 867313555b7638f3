// `npm run bench [-- --files 200 --sheets 3 --iterations 2000 --no-write]`
// (a) engine throughput: checkSheet on the 41303000 sample grid, one core;
// (b) the CLI on K generated workbooks beside exceljs opening the same files (both as child
//     processes, wall time and peak RSS via GNU time);
// (c) worst cases: a 300-sheet workbook and a sheet with 100,000 used rows, read + check.
// Prints a table and writes BENCHMARKS.md.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import type { SheetGrid, WorkbookGrid } from "../src/core/grid";
import { checkSheet, checkWorkbook } from "../src/core/engine";
import { readXlsx } from "../src/adapters/xlsx/read";
import { writeXlsx } from "../src/adapters/xlsx/write";
import { renderSheet, type LayoutOptions } from "../src/samples/layout";
import { sample41303000 } from "../src/samples/sample41303000";
import { sampleGrid } from "./generate-samples";

const ROOT = resolve(__dirname, "..");

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Row {
  measure: string;
  value: string;
  goal: string;
}

const rows: Row[] = [];
function record(measure: string, value: string, goal = ""): void {
  rows.push({ measure, value, goal });
  process.stdout.write(`  ${measure}: ${value}${goal ? `  (goal ${goal})` : ""}\n`);
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);
const fixed = (n: number, digits = 2) => n.toFixed(digits);

function engineThroughput(iterations: number): void {
  const sheet = sampleGrid().sheets[0];
  for (let i = 0; i < Math.min(200, iterations); i++) checkSheet(sheet); // JIT warm-up
  const started = performance.now();
  for (let i = 0; i < iterations; i++) checkSheet(sheet);
  const seconds = (performance.now() - started) / 1000;
  record(`engine: checkSheet on the 41303000 sample, ${iterations}× on one core`, `${fixed(iterations / seconds, 0)} sheets/s (${fixed((seconds * 1000) / iterations, 3)} ms/sheet)`, "≥ 5,000 sheets/s");
}

// Three layouts per workbook so files differ in shape, not only in name.
const LAYOUTS: LayoutOptions[] = [{}, { indicatorsStacked: true, rowOffset: 2 }, { budgetYearsDown: true, colOffset: 1 }];

async function writeWorkbooks(dir: string, files: number, sheetsPerFile: number): Promise<number> {
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const sheets: SheetGrid[] = [];
    for (let s = 0; s < sheetsPerFile; s++) {
      const code = String(41303000 + f * sheetsPerFile + s);
      sheets.push(renderSheet({ ...sample41303000, measureCode: code }, code, LAYOUTS[s % LAYOUTS.length]).grid);
    }
    const data = await writeXlsx({ sheets });
    bytes += data.length;
    writeFileSync(join(dir, `book-${String(f).padStart(4, "0")}.xlsx`), data);
  }
  return bytes;
}

interface Timed {
  seconds: number;
  peakRssKb: number | null;
  status: number | null;
  stderr: string;
}

/** Runs a command under GNU time (when present) for wall time and peak RSS. */
function timed(command: string, args: string[]): Timed {
  const gnuTime = existsSync("/usr/bin/time");
  const started = performance.now();
  const r = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "__PEAK_RSS_KB=%M", command, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync(command, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  const m = /__PEAK_RSS_KB=(\d+)/.exec(r.stderr ?? "");
  return { seconds, peakRssKb: m ? Number(m[1]) : null, status: r.status, stderr: (r.stderr ?? "").replace(/__PEAK_RSS_KB=\d+\s*/, "") };
}

// exceljs alone, in a fresh Node process like the CLI: read each file and load it, nothing else.
const OPEN_ONLY = `
const fs = require("node:fs"); const path = require("node:path"); const ExcelJS = require("exceljs");
(async () => {
  const dir = process.argv[1];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(".xlsx")).sort()) {
    await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(path.join(dir, name)));
  }
})().catch((e) => { console.error(e); process.exit(1); });
`;

async function cliVersusOpenOnly(files: number, sheetsPerFile: number): Promise<void> {
  const dir = mkdtempSync(join(os.tmpdir(), "hyoka-bench-"));
  try {
    const bytes = await writeWorkbooks(dir, files, sheetsPerFile);
    record(`generated ${files} workbooks × ${sheetsPerFile} sheets`, `${size(bytes)} total`);

    const open = timed(process.execPath, ["-e", OPEN_ONLY, dir]);
    if (open.status !== 0) throw new Error(`open-only run failed: ${open.stderr}`);
    record(`exceljs open-only, ${files} files (one process)`, `${fixed(open.seconds)} s, ${fixed(files / open.seconds, 1)} files/s, peak RSS ${open.peakRssKb ? mb(open.peakRssKb) : "n/a"}`);

    const cliPath = join(ROOT, "bin", "hyoka.js");
    if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) {
      record("hyoka check (CLI)", "not measured: dist/cli/main.js missing (run `npm run build:node`)");
      return;
    }
    const cli = timed(process.execPath, [cliPath, "check", dir, "--format", "json", "--fail-on", "never"]);
    // Exit 1 only means findings of severity error; 2 means a file could not be read.
    if (cli.status !== 0 && cli.status !== 1) throw new Error(`CLI exited ${cli.status}: ${cli.stderr.slice(0, 500)}`);
    record(`hyoka check --format json, ${files} files`, `${fixed(cli.seconds)} s, ${fixed(files / cli.seconds, 1)} files/s, peak RSS ${cli.peakRssKb ? mb(cli.peakRssKb) : "n/a"}`);
    record("CLI time ÷ open-only time", `${fixed(cli.seconds / open.seconds)}×`, "≤ 1.2×");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timeReadAndCheck(label: string, workbook: WorkbookGrid): Promise<void> {
  const bytes = await writeXlsx(workbook);
  let started = performance.now();
  const read = await readXlsx(bytes);
  const readSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const results = checkWorkbook(read);
  const checkSeconds = (performance.now() - started) / 1000;
  // maxRSS only grows: after the largest case it is that case's peak (KB).
  const peakRssKb = process.resourceUsage().maxRSS;
  const findings = results.reduce((n, r) => n + r.findings.length, 0);
  record(label, `read ${fixed(readSeconds)} s + check ${fixed(checkSeconds)} s (${findings} findings), bench process peak RSS ${mb(peakRssKb)} (${size(bytes.length)} file)`);
}

async function worstCases(): Promise<void> {
  const sample = sampleGrid().sheets[0];
  await timeReadAndCheck("300-sheet workbook (the sample sheet ×300)", {
    sheets: Array.from({ length: 300 }, (_, i) => ({ ...sample, name: `S${i + 1}` })),
  });
  const values = Array.from({ length: 100_000 }, (_, i) => [2000 + (i % 30), i * 3, `行${i}`]);
  await timeReadAndCheck("worst-case sheet: 100,000 used rows × 3 columns", { sheets: [{ name: "rows", top: 0, left: 0, values, merges: [] }] });
}

function machine(): string {
  const cpus = os.cpus();
  const load = os.loadavg()[0];
  return `Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? "cpu"}, ${mb(os.totalmem() / 1024)} RAM, load average ${load.toFixed(1)} at the end`;
}

function markdown(command: string): string {
  const table = ["| measure | result | goal |", "|---|---|---|", ...rows.map((r) => `| ${r.measure} | ${r.value} | ${r.goal} |`)].join("\n");
  return `# Benchmarks

Generated by \`${command}\` (scripts/bench.ts) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine()}. A load average above the core count means other jobs shared the CPU: re-run on an idle machine for figures to compare against the goals.
For the 1,000-workbook figure of issue 6: \`npm run bench -- --files 1000\`.

${table}

How each figure is taken:
- **engine**: \`checkSheet\` (reader + rules + summary) on the in-memory grid of the 41303000 sample,
  after a warm-up, single thread.
- **open-only vs CLI**: the same generated files (the sample in three layouts per workbook), each
  run as a fresh \`node\` process: open-only reads every file and calls exceljs
  \`Workbook.xlsx.load\`, nothing else; the CLI is \`node bin/hyoka.js check <dir> --format json
  --fail-on never\` (worker threads). Wall time includes process start. Peak RSS from GNU time
  (\`%M\`, the whole process including worker threads).
- **worst cases**: \`readXlsx\` then \`checkWorkbook\` in the bench process; peak RSS is the
  bench process's maximum so far (it only grows, and the cases run smallest first).
`;
}

async function main(): Promise<void> {
  const files = option("files", 200);
  const sheetsPerFile = option("sheets", 3);
  const iterations = option("iterations", 2000);
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  process.stdout.write(`hyoka bench — ${machine()}\n`);
  engineThroughput(iterations);
  await cliVersusOpenOnly(files, sheetsPerFile);
  await worstCases();
  const text = markdown(command);
  process.stdout.write(`\n${text.slice(text.indexOf("| measure"), text.indexOf("\n\nHow"))}\n`);
  if (!process.argv.includes("--no-write")) {
    writeFileSync(join(ROOT, "BENCHMARKS.md"), text);
    process.stdout.write("\nwrote BENCHMARKS.md\n");
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
