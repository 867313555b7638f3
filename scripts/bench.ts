// `npm run bench [-- --files 200 --sheets 3 --iterations 2000 --repeat 3 --no-write]`
// (a) engine throughput: checkSheet on the 41303000 sample grid, one core; the same on project
//     sheets (the four 41303000 projects and the 令和6年度 sheet, in turn);
// (b) the CLI on K generated workbooks beside exceljs opening the same files (both as child
//     processes; wall time, CPU time (user + sys) and peak RSS via GNU time, best of --repeat);
// (c) worst cases: a 300-sheet workbook and a sheet with 100,000 used rows, read + check;
// (d) linking: 50 施策 and their 300 project sheets, one per file, checked linked and --no-link
//     (scripts/bench-link.ts; --measures N).
// Prints a table and writes BENCHMARKS.md.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";
import type { SheetGrid, WorkbookGrid } from "../src/core/grid";
import { checkSheet, checkWorkbook } from "../src/core/engine";
import { readXlsx } from "../src/adapters/xlsx/read";
import { nodeInflateRaw } from "../src/cli/nodeInflate";
import { writeXlsx } from "../src/adapters/xlsx/write";
import { renderSheet, type LayoutOptions } from "../src/samples/layout";
import { sample41303000 } from "../src/samples/sample41303000";
import { kawasakiR6Grid, projectsGrid, sampleGrid } from "./generate-samples";
import { linkedVersusUnlinked } from "./bench-link";

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

function engineThroughput(iterations: number, what: string, sheets: SheetGrid[]): void {
  for (let i = 0; i < Math.min(500, iterations); i++) checkSheet(sheets[i % sheets.length]); // JIT warm-up
  // Best of five rounds, on wall and on CPU time: CPU time is what other jobs on a shared
  // machine disturb least, wall time is what a user waits.
  let bestWall = Infinity;
  let bestCpu = Infinity;
  for (let round = 0; round < 5; round++) {
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < iterations; i++) checkSheet(sheets[i % sheets.length]);
    const cpu = process.cpuUsage(cpu0);
    bestWall = Math.min(bestWall, (performance.now() - started) / 1000);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6);
  }
  record(
    `engine: checkSheet on ${what}, ${iterations}× on one core (best of 5)`,
    `${fixed(iterations / bestWall, 0)} sheets/s wall, ${fixed(iterations / bestCpu, 0)} sheets/s CPU (${fixed((bestCpu * 1000) / iterations, 3)} ms CPU/sheet)`,
    "≥ 5,000 sheets/s",
  );
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
  /** User + system CPU time of the process and all its threads; null without GNU time. */
  cpuSeconds: number | null;
  peakRssKb: number | null;
  status: number | null;
  stderr: string;
}

const TIME_FORMAT = "__TIMED=%e %U %S %M";

/** Runs a command under GNU time (when present) for wall time, CPU time and peak RSS. */
function timedOnce(command: string, args: string[]): Timed {
  const gnuTime = existsSync("/usr/bin/time");
  const started = performance.now();
  const r = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", TIME_FORMAT, command, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync(command, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 });
  const seconds = (performance.now() - started) / 1000;
  const m = /__TIMED=([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? "");
  return {
    seconds,
    cpuSeconds: m ? Number(m[2]) + Number(m[3]) : null,
    peakRssKb: m ? Number(m[4]) : null,
    status: r.status,
    stderr: (r.stderr ?? "").replace(/__TIMED=.*\n?/, ""),
  };
}

/**
 * Best of `repeat` runs: other jobs on a shared machine only ever add time, so the minimum
 * is the closest to the program's own cost. Wall and CPU minima are taken separately; peak
 * RSS is the largest seen.
 */
function timed(command: string, args: string[], repeat: number): Timed {
  const runs = Array.from({ length: Math.max(1, repeat) }, () => timedOnce(command, args));
  const failed = runs.find((r) => r.status !== 0 && r.status !== 1);
  if (failed) return failed;
  const cpu = runs.map((r) => r.cpuSeconds).filter((c): c is number => c !== null);
  const rss = runs.map((r) => r.peakRssKb).filter((k): k is number => k !== null);
  return {
    seconds: Math.min(...runs.map((r) => r.seconds)),
    cpuSeconds: cpu.length ? Math.min(...cpu) : null,
    peakRssKb: rss.length ? Math.max(...rss) : null,
    status: runs[0].status,
    stderr: runs[0].stderr,
  };
}

const load = () => os.loadavg()[0].toFixed(1);

function describe(t: Timed, files: number): string {
  const cpu = t.cpuSeconds === null ? "" : `, CPU ${fixed(t.cpuSeconds)} s`;
  return `wall ${fixed(t.seconds)} s (${fixed(files / t.seconds, 1)} files/s)${cpu}, peak RSS ${t.peakRssKb ? mb(t.peakRssKb) : "n/a"}`;
}

const notes: string[] = [];

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

async function cliVersusOpenOnly(files: number, sheetsPerFile: number, repeat: number): Promise<void> {
  const dir = mkdtempSync(join(os.tmpdir(), "hyoka-bench-"));
  try {
    const bytes = await writeWorkbooks(dir, files, sheetsPerFile);
    record(`generated ${files} workbooks × ${sheetsPerFile} sheets`, `${size(bytes)} total`);
    const best = repeat > 1 ? `, best of ${repeat}` : "";

    let loadBefore = load();
    const open = timed(process.execPath, ["-e", OPEN_ONLY, dir], repeat);
    if (open.status !== 0) throw new Error(`open-only run failed: ${open.stderr}`);
    record(`exceljs open-only, ${files} files (one process, one thread${best})`, `${describe(open, files)}; load ${loadBefore} → ${load()}`);

    const cliPath = join(ROOT, "bin", "hyoka.js");
    if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) {
      record("hyoka check (CLI)", "not measured: dist/cli/main.js missing (run `npm run build:node`)");
      return;
    }
    // The report goes to a file, as a user keeps it, rather than ~180 MB through a pipe into
    // this process, which decodes it on a core the CLI needs.
    const cliArgs = [cliPath, "check", dir, "--format", "json", "--fail-on", "never", "-o", join(dir, "report.json")];
    const threads = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
    loadBefore = load();
    const cli = timed(process.execPath, cliArgs, repeat);
    // Exit 1 only means findings of severity error; 2 means a file could not be read.
    if (cli.status !== 0 && cli.status !== 1) throw new Error(`CLI exited ${cli.status}: ${cli.stderr.slice(0, 500)}`);
    record(`hyoka check --format json, ${files} files (${threads} threads: main + ${threads - 1} worker${threads === 2 ? "" : "s"}${best})`, `${describe(cli, files)}; load ${loadBefore} → ${load()}`);
    loadBefore = load();
    const single = timed(process.execPath, [...cliArgs, "--jobs", "1"], repeat);
    record(`hyoka check --format json --jobs 1, ${files} files (one thread${best})`, `${describe(single, files)}; load ${loadBefore} → ${load()}`);

    const ratio = cli.seconds / open.seconds;
    record("CLI wall time ÷ open-only wall time", `${fixed(ratio)}×`, "≤ 1.2×");
    if (cli.cpuSeconds !== null && open.cpuSeconds !== null && single.cpuSeconds !== null) {
      record("CLI CPU time ÷ open-only CPU time (all threads; one thread)", `${fixed(cli.cpuSeconds / open.cpuSeconds)}×; ${fixed(single.cpuSeconds / open.cpuSeconds)}×`);
      if (ratio > 1.2) {
        // With n threads the wall time cannot drop below CPU ÷ n; when it stays far above, the
        // threads waited for a core, i.e. other jobs held them.
        const floor = cli.cpuSeconds / threads;
        notes.push(
          `The ${files}-file CLI run missed the 1.2× goal by ${fixed(ratio - 1.2)}× (${fixed(ratio)}×). ` +
            `Its CPU time was ${fixed(cli.cpuSeconds)} s on ${threads} threads, so on an idle machine its wall time could be about ` +
            `${fixed(floor)} s (${fixed(floor / open.seconds)}× open-only) but was ${fixed(cli.seconds)} s: ` +
            `the threads waited for a core, held by other jobs or by V8's own helper threads (see "Why two threads gain little" below; load average ${load()} on ${os.cpus().length} cores). ` +
            `Beyond opening, each file costs the engine (reader, rules, summaries), the prescan, and serializing its report entry.`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timeReadAndCheck(label: string, workbook: WorkbookGrid): Promise<void> {
  const bytes = await writeXlsx(workbook);
  let started = performance.now();
  const read = await readXlsx(bytes, { inflateRaw: nodeInflateRaw }); // as the CLI reads
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
  after a warm-up, single thread; then on project sheets (事務事業評価シート: the four 41303000
  projects and the 令和6年度 sheet with its ±1 rounding case, in turn — classification, header,
  cost table, indicators, the relation packs, the cost per 人工 inferred from the sheet, every
  project rule and the summary), in the same process after the 施策 sheets.
- **open-only vs CLI**: the same generated files (the sample in three layouts per workbook), each
  run as a fresh \`node\` process, best of \`--repeat\` runs (default 3; other jobs only add time):
  open-only reads every file and calls exceljs \`Workbook.xlsx.load\`, nothing else, on one
  thread — "the xlsx library alone"; the CLI is \`node bin/hyoka.js check <dir> --format json
  --fail-on never -o <dir>/report.json\` (by default one thread per core: the main thread and
  workers share one queue of files), and again with \`--jobs 1\`. Wall time includes process
  start and writing the report file (~180 KB of JSON per file, models included; until
  2026-11-28 it was piped to the bench process instead). CPU time is user + sys from GNU time
  (\`%U + %S\`, all threads, V8's own helper threads included): much less sensitive to other jobs
  than wall time, it shows the work done. Peak RSS from GNU time (\`%M\`, the whole process).
  "load a → b" is the 1-minute load average before and after the measurement.
- **linking**: 50 generated 施策 sheets, each listing six projects, and those 300 project sheets
  (the four 41303000 projects in turn, renamed, each naming its 施策 in its 政策体系; the 施策's
  事業費 their sums), one sheet per file in one folder; \`hyoka check <dir> --format json
  --fail-on never -o <dir>/report.json\`, linked (the default: entries are kept until every file
  is checked, then grouped by 施策 from the digests the workers send back) and with \`--no-link\`
  (entries written as they come), best of \`--repeat\`.
- **worst cases**: \`readXlsx\` then \`checkWorkbook\` in the bench process; peak RSS is the
  bench process's maximum so far (it only grows; the cases run smallest first, before the
  many workbooks are generated).
${notes.length ? `\n## Notes on this run\n\n${notes.map((n) => `- ${n}`).join("\n")}\n` : ""}
## Where the CLI's time goes beyond opening (profiled with \`node --cpu-prof\`, 200 files)

- **exceljs** itself (unzip with pako, SAX parse, cell objects) is most of the time, as in open-only.
- **Engine**: reader + rules + summaries, about 0.6 ms per sheet.
- **Report entry**: each file's entry is serialized (\`JSON.stringify\`, 2-space indent) where the
  file was checked, and crosses to the main thread as one string; the main thread writes the
  report file by file, so neither the models nor the whole text sit in its memory.
- **Prescan** (zip-bomb guard, \`src/adapters/xlsx/prescan.ts\`): inflates every XML part before
  exceljs does. The CLI passes Node's \`zlib.inflateRawSync\` (parts up to 32 MB); the
  browser's \`DecompressionStream\` path cost ~3 ms per file in stream overhead.
- **Threads**: each worker loads exceljs and the core again (~0.4 s CPU) and warms up its own JIT,
  so the CPU time with workers exceeds one thread's; the main thread checks files too, so on two
  cores one worker is started, not two beside an idle main thread (re-measured on a quiet
  machine, 300 files, median of 3, twice: main + 1 worker 3.01–3.04 s wall / 5.75 s CPU, two
  workers beside an idle main thread 3.14–3.24 s / 5.97–6.18 s).
- **Why two threads gain little on two cores**: one thread alone already keeps about 1.4 cores
  busy (V8's garbage collector and compiler run on helper threads: 300 files take 2.58 s CPU in
  1.83 s wall), so a second thread mostly competes with those helpers; two separate \`--jobs 1\`
  processes on half the files each gain no more (2.8 s wall, 5.5 s CPU in all). On two cores the wall
  time cannot drop much below (CPU ÷ 2); the 1.2× goal needs less CPU per file, not more threads.
- **Tried and kept**: each thread reads the next file while checking the current one (−4–7 %
  wall with \`--jobs 1\`, 1–8 % with two threads); the workers start before the main thread loads exceljs.
- **Tried and dropped**: a larger young generation for the workers (\`maxYoungGenerationSizeMb\`
  96: +6 % wall); serializing each entry without indentation and re-indenting it (2.5× slower
  than \`JSON.stringify(…, null, 2)\`), or indenting and then shifting every line (1.6× slower).

History (same machine kind, 200 files, load average 5–9 from other jobs): before this work the
CLI took 4.0 s CPU on one thread and 5.0 s with two workers against 2.05 s for open-only (best of
4), 1.35–3.0× the open-only wall time; after it 3.0 s and 4.3 s. 1000 files on a quiet machine,
2026-11-28: before the read-ahead and with the report piped to the bench, open-only 4.54 s wall /
5.40 s CPU, CLI 8.14 s / 13.50 s, \`--jobs 1\` 11.53 s / 12.83 s (1.79×); after both, see the table.
Little of that drop is this pass's own: on 1000 copied files (median of 3, report to a file), the
read-ahead took \`--jobs 1\` from 8.78 to 8.17 s wall and the default from 7.24 to 7.14 s (noise
±0.4 s), and piping instead of a file made no clear difference (8.3–9.0 s against 8.3–8.7 s, \`--jobs 1\`).
`;
}

async function main(): Promise<void> {
  const files = option("files", 200);
  const repeat = option("repeat", 3);
  const sheetsPerFile = option("sheets", 3);
  const iterations = option("iterations", 2000);
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  process.stdout.write(`hyoka bench — ${machine()}\n`);
  engineThroughput(iterations, "the 41303000 sample", sampleGrid().sheets);
  // Project sheets in a process of their own would be faster still (V8 tunes for one kind of
  // sheet): measured after the 施策 sheets, as a mixed batch runs.
  engineThroughput(iterations, "project sheets (the four 41303000 projects and the 令和6年度 sheet in turn)", [...projectsGrid().sheets, ...kawasakiR6Grid().sheets]);
  // Worst cases first: their peak RSS is the bench process's maximum so far, which generating
  // the many workbooks would otherwise set.
  await worstCases();
  await cliVersusOpenOnly(files, sheetsPerFile, repeat);
  if (existsSync(join(ROOT, "dist", "cli", "main.js"))) {
    const run = (args: string[], times: number) => timed(process.execPath, args, times);
    await linkedVersusUnlinked({ record, run, describe }, join(ROOT, "bin", "hyoka.js"), option("measures", 50), repeat);
  }
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
