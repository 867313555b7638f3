// Workbooks for CLI tests, written to a temporary folder from the sample data (so the tests
// do not depend on committed binaries): the 41303000 sample, a hostile copy whose cells start
// with spreadsheet formulas, a truncated workbook and a CSV.

import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import { writeProfilePart } from "../../src/adapters/xlsx/profilePart";
import { serializeProfile, type TemplateProfile } from "../../src/core/profile";
import { renderSheet } from "../../src/samples/layout";
import { sample41303000 } from "../../src/samples/sample41303000";
import type { MeasureData } from "../../src/samples/measureData";
import type { CliIo } from "../../src/cli/main";

export const HOSTILE_ACTUAL = '=HYPERLINK("http://evil.example","x")';

export const hostileData: MeasureData = {
  ...sample41303000,
  indicators: sample41303000.indicators.map((ind, i) =>
    i === 0 ? { ...ind, rows: ind.rows.map((r, k) => (k === 2 ? { ...r, actual: HOSTILE_ACTUAL } : r)) } : ind,
  ),
};

export interface Fixtures {
  dir: string;
  sample: string;
  hostile: string;
  corrupt: string;
  csv: string;
}

/** dir/sample.xlsx, dir/nested/hostile.xlsx, dir/nested/corrupt.xlsx, dir/notes.csv (not walked), dir/~$sample.xlsx (lock file, not walked). */
export async function makeFixtures(): Promise<Fixtures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hyoka-cli-"));
  mkdirSync(path.join(dir, "nested"));
  const sampleBytes = await writeXlsx({ sheets: [renderSheet(sample41303000, "41303000").grid] });
  const hostileBytes = await writeXlsx({ sheets: [renderSheet(hostileData, "41303000").grid] });
  const f: Fixtures = {
    dir,
    sample: path.join(dir, "sample.xlsx"),
    hostile: path.join(dir, "nested", "hostile.xlsx"),
    corrupt: path.join(dir, "nested", "corrupt.xlsx"),
    csv: path.join(dir, "notes.csv"),
  };
  writeFileSync(f.sample, sampleBytes);
  writeFileSync(f.hostile, hostileBytes);
  writeFileSync(f.corrupt, sampleBytes.slice(0, Math.floor(sampleBytes.length / 2)));
  writeFileSync(f.csv, "施策課題,予算\n41303000,43769\n");
  writeFileSync(path.join(dir, "~$sample.xlsx"), "lock");
  return f;
}

export interface CapturedIo extends CliIo {
  out: () => string;
  err: () => string;
}

export function captureIo(cwd: string, options: { tty?: boolean; at?: string } = {}): CapturedIo {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (err += s), isTTY: options.tty ?? false },
    cwd,
    env: {},
    now: () => new Date(options.at ?? "2026-11-28T10:00:00.000Z"),
    out: () => out,
    err: () => err,
  };
}

/** The 2012 book of 41303000: 2013 not yet reported, and ① 2012 actual published as 410 (restated as 428 in the 2013 book). */
export function book2012Data(): MeasureData {
  const d: MeasureData = JSON.parse(JSON.stringify(sample41303000));
  d.fiscalYear = "2012年度";
  d.evaluation.codes = ["AⅡ", "AⅡ", null];
  for (const ind of d.indicators) for (const row of ind.rows) if (row.year === 2013) row.actual = null;
  d.indicators[0].rows[2].actual = 410;
  return d;
}

export interface CrossYearFixtures {
  dir: string;
  /** Model path → A1 in each book. */
  cellOf2012: Record<string, string>;
  cellOf2013: Record<string, string>;
}

/** dir/41303000-2012.xlsx and dir/41303000-2013.xlsx. */
export async function makeCrossYearFixtures(): Promise<CrossYearFixtures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hyoka-crossyear-"));
  const b2012 = renderSheet(book2012Data(), "41303000");
  const b2013 = renderSheet(sample41303000, "41303000");
  writeFileSync(path.join(dir, "41303000-2012.xlsx"), await writeXlsx({ sheets: [b2012.grid] }));
  writeFileSync(path.join(dir, "41303000-2013.xlsx"), await writeXlsx({ sheets: [b2013.grid] }));
  return { dir, cellOf2012: b2012.cellOf, cellOf2013: b2013.cellOf };
}

/** A profile pinning 評価年度 to B2: what staff save for the renamed-label template. */
export const pinFiscalYear = { hyokaProfile: 1, name: "環境局様式", version: 2, synonyms: {}, pins: { "header.fiscalYear": { cell: "B2" } } };

/**
 * dir/renamed.xlsx: the sample with the 評価年度 label renamed 対象年度 (the label search misses
 * it); dir/pinned.xlsx: the same with pinFiscalYear saved inside; dir/stale.xlsx: the sample
 * with a saved pin of 作成課 to the empty Z90; dir/broken-profile.xlsx: a saved profile that
 * does not validate; dir/pin.json (valid, "手元の様式" v5) and dir/bad.json (two mistakes).
 */
export async function makeProfileFixtures(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hyoka-profile-"));
  const renamed = renderSheet(sample41303000, "41303000").grid;
  renamed.values[1][0] = "対象年度";
  const renamedBytes = await writeXlsx({ sheets: [renamed] });
  const sampleBytes = await writeXlsx({ sheets: [renderSheet(sample41303000, "41303000").grid] });
  const stale = { hyokaProfile: 1, name: "古い様式", version: 7, synonyms: {}, pins: { "header.department": { cell: "Z90" } } };
  const broken = { hyokaProfile: 1, name: "壊れた様式", version: 0, pins: { "header.nowhere": { cell: "B2" } } };
  writeFileSync(path.join(dir, "renamed.xlsx"), renamedBytes);
  writeFileSync(path.join(dir, "pinned.xlsx"), await writeProfilePart(renamedBytes, serializeProfile(pinFiscalYear as TemplateProfile)));
  writeFileSync(path.join(dir, "stale.xlsx"), await writeProfilePart(sampleBytes, JSON.stringify(stale)));
  writeFileSync(path.join(dir, "broken-profile.xlsx"), await writeProfilePart(sampleBytes, JSON.stringify(broken)));
  writeFileSync(path.join(dir, "pin.json"), JSON.stringify({ ...pinFiscalYear, name: "手元の様式", version: 5 }));
  writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ ...pinFiscalYear, colour: "red", pins: { "header.fiscalYear": { cell: "ZZ" } } }));
  return dir;
}
