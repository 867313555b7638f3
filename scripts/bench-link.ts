// Linking in `npm run bench`: a folder of 50 施策進行管理・評価票(1) and their 300 事務事業評価シート,
// one sheet per file as published, checked by the CLI linked (the default) and with --no-link.
// Every 施策 lists six projects whose 事業費 A add up to its 事業費, and every project names its
// 施策 in its 政策体系, so the linked run does all the matching and summing and finds nothing.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { writeXlsx } from "../src/adapters/xlsx/write";
import { renderSheet } from "../src/samples/layout";
import type { BudgetYearData, MeasureData } from "../src/samples/measureData";
import type { ProjectData } from "../src/samples/projectData";
import { renderProjectSheet } from "../src/samples/projectLayout";
import { COLUMNS_2011_2014, projects41303000 } from "../src/samples/projects41303000";
import { sample41303000 } from "../src/samples/sample41303000";

export interface BenchTools {
  record(measure: string, value: string, goal?: string): void;
  /** Best of `repeat` runs of a command: wall and CPU seconds. */
  run(args: string[], repeat: number): { seconds: number; cpuSeconds: number | null; status: number | null; stderr: string };
  describe(t: { seconds: number; cpuSeconds: number | null }, files: number): string;
}

const PROJECTS_PER_MEASURE = 6;

const copy = <T>(data: T): T => JSON.parse(JSON.stringify(data)) as T;

/** The i-th 施策 and its projects: the 41303000 projects in turn, renamed, its 事業費 their sums. */
export function benchFamily(i: number): { measure: MeasureData; projects: ProjectData[] } {
  const code = String(41000000 + i * 1000);
  const name = `ベンチ施策${i + 1}`;
  const projects = Array.from({ length: PROJECTS_PER_MEASURE }, (_, k) => {
    const p = copy(projects41303000[k % projects41303000.length]);
    p.projectCode = String(Number(code) + k + 1);
    p.projectName = `ベンチ事業${i + 1}-${k + 1}`;
    p.policy = p.policy.map((level) => (String(level.label).replace(/\s/g, "") === "施策課題" ? { ...level, value: `${code} ${name}` } : level));
    return p;
  });
  const sum = (column: number): number =>
    projects.reduce((n, p) => n + Number(p.rows.find((r) => r.id === "projectCost")!.values[column] ?? 0), 0);
  const at = (year: number, kind: string) => COLUMNS_2011_2014.findIndex((c) => c.year === year && c.kind === kind);
  const measure = copy(sample41303000);
  measure.measureCode = code;
  measure.measureName = name;
  measure.projects = projects.map((p) => ({ name: p.projectName, status: null }));
  measure.budget = measure.budget.map((b, y): BudgetYearData => {
    const year = 2011 + y;
    return { ...b, planned: b.planned === null ? null : sum(at(year, "plan")), budget: sum(at(year, "budget")), settlement: sum(at(year, "settlement")) };
  });
  return { measure, projects };
}

export async function linkedVersusUnlinked(tools: BenchTools, cli: string, measures: number, repeat: number): Promise<void> {
  const dir = mkdtempSync(join(os.tmpdir(), "hyoka-bench-link-"));
  try {
    let files = 0;
    for (let i = 0; i < measures; i++) {
      const { measure, projects } = benchFamily(i);
      writeFileSync(join(dir, `m${String(i).padStart(3, "0")}.xlsx`), await writeXlsx({ sheets: [renderSheet(measure, String(measure.measureCode)).grid] }));
      for (const p of projects) writeFileSync(join(dir, `p${String(p.projectCode)}.xlsx`), await writeXlsx({ sheets: [renderProjectSheet(p, String(p.projectCode)).grid] }));
      files += 1 + projects.length;
    }
    const base = [cli, "check", dir, "--format", "json", "--fail-on", "never", "-o", join(dir, "report.json")];
    const best = repeat > 1 ? `, best of ${repeat}` : "";
    const unlinked = tools.run([...base, "--no-link"], repeat);
    if (unlinked.status !== 0) throw new Error(`--no-link run failed (${unlinked.status}): ${unlinked.stderr.slice(0, 500)}`);
    const linked = tools.run(base, repeat);
    if (linked.status !== 0) throw new Error(`linked run failed (${linked.status}): ${linked.stderr.slice(0, 500)}`);
    const label = `${measures} 施策 (1) + ${measures * PROJECTS_PER_MEASURE} project sheets, one per file`;
    tools.record(`hyoka check --format json --no-link, ${label}${best}`, tools.describe(unlinked, files));
    tools.record(`hyoka check --format json (linked), ${label}${best}`, tools.describe(linked, files));
    const cpu = linked.cpuSeconds !== null && unlinked.cpuSeconds !== null ? `; CPU ${(linked.cpuSeconds / unlinked.cpuSeconds).toFixed(2)}×` : "";
    tools.record("linked wall time ÷ unlinked wall time", `${(linked.seconds / unlinked.seconds).toFixed(2)}×${cpu}`, "< 2×");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
