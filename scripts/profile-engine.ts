// Profiles the engine (checkSheet: reader + rules + summary) on the generated samples, to find
// where a sheet's time goes. Run under the V8 profiler:
//   npx tsx --cpu-prof --cpu-prof-dir=/tmp/prof scripts/profile-engine.ts [projects|measures] [iterations] [--dist]
// and open the .cpuprofile in Chrome DevTools, or list the functions by self time:
//   npx tsx scripts/profile-engine.ts --top /tmp/prof/CPU.….cpuprofile [count]
// `--dist` profiles the compiled engine (`npm run build:node` first), as the CLI runs it: tsx
// compiles with esbuild's keepNames, so every named closure made per call costs an
// Object.defineProperty there, and its whole-file lines hide where in a function time goes.
// It prints sheets/s on CPU time too; the figures BENCHMARKS.md quotes come from scripts/bench.ts.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as source from "../src/core/engine";
import type { SheetGrid } from "../src/core/grid";
import { kawasakiR6Grid, projectsGrid, sampleGrid } from "./generate-samples";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Self time per function of a .cpuprofile, largest first. */
function top(file: string, count = 40): void {
  const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[] };
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = `${functionName || "(anonymous)"} ${url.replace(/^.*\/(src|scripts|node_modules)\//, "$1/")}:${lineNumber + 1}`;
    self.set(where, (self.get(where) ?? 0) + hits);
  }
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, count);
  for (const [where, hits] of rows) process.stdout.write(`${((100 * hits) / total).toFixed(1).padStart(5)} %  ${where}\n`);
}

const engine = (): typeof source => (process.argv.includes("--dist") ? (require(join(__dirname, "..", "dist", "core", "engine")) as typeof source) : source);

function run(kind: string, iterations: number): void {
  const { checkSheet } = engine();
  const sheets: SheetGrid[] = kind === "measures" ? sampleGrid().sheets : [...projectsGrid().sheets, ...kawasakiR6Grid().sheets];
  for (let i = 0; i < 500; i++) checkSheet(sheets[i % sheets.length]);
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < iterations; i++) checkSheet(sheets[i % sheets.length]);
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(`${kind}: ${((iterations * 1e6) / (cpu.user + cpu.system)).toFixed(0)} sheets/s CPU\n`);
}

if (process.argv[2] === "--top") top(process.argv[3], Number(process.argv[4] ?? 40));
else {
  const [kind = "projects", iterations = "5000"] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  run(kind, Number(iterations));
}
