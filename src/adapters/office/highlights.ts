// Highlighting findings in the workbook, and giving every cell its exact previous fill back.
// What the memory must survive, from Microsoft's pages and the office-js tracker:
// - Excel reads a fill back as: no fill → color #FFFFFF (office-js#6218), pattern null for no
//   fill and for solid fills (office-js#4900), tintAndShade null only for no fill (Microsoft's
//   answer in #4900). A theme colour reads as its RGB plus tintAndShade; Office.js cannot set a
//   theme colour, so a restore gives the same colour and tint back without the theme link.
// - Worksheet ids change when the workbook is reopened (office-js-docs#297), to ids numbered by
//   place (#552): each sheet is remembered by id and by name, and found by both, else by name,
//   else by id (sheetFinder).
// - A protected sheet refuses format changes (AccessDenied) unless it allows formatting cells,
//   after the batch's earlier operations applied: such sheets are left alone up front.
// - Excel on the web caps a request at ~5 MB: writes go in requests under a budget.
// The memory is written before the fills and updated after the restores, so whatever fails
// part-way leaves every touched cell remembered; a cell already back to its previous fill is
// simply forgotten on the next clear.

import { SEVERITY_ORDER, type Finding, type Severity } from "../../core/findings";
import { toA1 } from "../../core/grid";
import type { HighlightOutcome } from "../../port/workbookPort";
import { HIGHLIGHT_COLORS } from "../hostConventions";
import { boxOf } from "./readPlan";
import { syncInBatches, type WriteJob } from "./writeBatches";

export { HIGHLIGHT_COLORS };

export const HIGHLIGHTS_SETTING = "hyoka.highlights";

/** Cells per call: findings normally mark tens of cells; a runaway range must not fill a sheet. */
const MAX_HIGHLIGHTED_CELLS = 10_000;

/** A fill as Excel reads it back, enough to write the same fill again. */
export interface FillState {
  /** No fill at all (not the same as a white fill). */
  none: boolean;
  color: string;
  /** A hatch pattern; null = solid. */
  pattern: string | null;
  patternColor: string | null;
  tintAndShade: number;
  patternTintAndShade: number;
}

/** The memory, kept in Workbook.settings: distinct fills are stored once. */
export interface HighlightMemory {
  version: 2;
  /** Sheets by the id they had and their name (ids change on reopen). */
  sheets: { id: string; name: string }[];
  fills: FillState[];
  /** [index in sheets, A1 address, index in fills (the fill before), colour hyoka applied]. */
  cells: [number, string, number, string][];
}

interface Remembered {
  sheetId: string;
  sheetName: string;
  address: string;
  before: FillState;
  applied: string;
}

interface SheetState {
  id: string;
  name: string;
  /** Protected without "format cells" allowed: no fill can change. */
  locked: boolean;
}

const FILL_PROPS = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } } };

/** Cell writes of one cell's fill (writeFill): a clear, or colour, pattern and tint, and a hatch's colour and tint. */
const writesOf = (state: FillState) => (state.none ? 1 : 3 + (state.pattern ? 2 : 0));

type CellFill = { format?: { fill?: Partial<Record<"color" | "pattern" | "patternColor", string | null> & Record<"tintAndShade" | "patternTintAndShade", number | null>> } };

/** A fill as getCellProperties returned it. */
export function fillState(props: unknown): FillState {
  const fill = (props as CellFill).format?.fill ?? {};
  const none = fill.tintAndShade === null || fill.tintAndShade === undefined || fill.pattern === "None";
  const pattern = fill.pattern && fill.pattern !== "Solid" && fill.pattern !== "None" ? fill.pattern : null;
  return {
    none,
    color: (fill.color ?? "#FFFFFF").toUpperCase(),
    pattern,
    patternColor: pattern ? (fill.patternColor ?? null) : null,
    tintAndShade: none ? 0 : (fill.tintAndShade ?? 0),
    patternTintAndShade: pattern ? (fill.patternTintAndShade ?? 0) : 0,
  };
}

const sameFill = (a: FillState, b: FillState) =>
  a.none === b.none &&
  (a.none ||
    (a.color === b.color && a.pattern === b.pattern && (a.patternColor ?? "").toUpperCase() === (b.patternColor ?? "").toUpperCase() && a.tintAndShade === b.tintAndShade && a.patternTintAndShade === b.patternTintAndShade));

/** The plain fill hyoka puts on a cell. */
const highlightFill = (color: string): FillState => ({ none: false, color: color.toUpperCase(), pattern: null, patternColor: null, tintAndShade: 0, patternTintAndShade: 0 });

function readMemory(setting: Excel.Setting): Remembered[] {
  const v = (setting.isNullObject ? null : setting.value) as HighlightMemory | null;
  if (!v || v.version !== 2 || !Array.isArray(v.cells) || !Array.isArray(v.sheets) || !Array.isArray(v.fills)) return [];
  return v.cells
    .filter(([s, address, f, applied]) => v.sheets[s] && v.fills[f] && typeof address === "string" && typeof applied === "string")
    .map(([s, address, f, applied]) => ({ sheetId: v.sheets[s].id, sheetName: v.sheets[s].name, address, before: v.fills[f], applied }));
}

function memoryOf(cells: readonly Remembered[]): HighlightMemory {
  const sheets: { id: string; name: string }[] = [];
  const fills: FillState[] = [];
  const index = <T>(list: T[], item: T, same: (a: T, b: T) => boolean) => {
    const at = list.findIndex((x) => same(x, item));
    return at >= 0 ? at : list.push(item) - 1;
  };
  return {
    version: 2,
    sheets,
    fills,
    cells: cells.map((c) => [
      index(sheets, { id: c.sheetId, name: c.sheetName }, (a, b) => a.id === b.id && a.name === b.name),
      c.address,
      index(fills, c.before, sameFill),
      c.applied,
    ]),
  };
}

/** Sync 1 of both operations: the memory and the sheets (id, name, protection). */
async function loadState(context: Excel.RequestContext): Promise<{ setting: Excel.Setting; memory: Remembered[]; sheets: SheetState[] }> {
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHTS_SETTING).load("value");
  const sheets = context.workbook.worksheets.load("items/name,items/id,items/protection/protected,items/protection/options/allowFormatCells");
  await context.sync();
  return {
    setting,
    memory: readMemory(setting),
    sheets: sheets.items.map((ws) => ({ id: ws.id, name: ws.name, locked: ws.protection.protected && !ws.protection.options.allowFormatCells })),
  };
}

/**
 * The sheet a remembered cell is on now: the sheet with its id and name; else (after a reopen)
 * the one with its name; else (renamed in this session) the one with its id. The name comes
 * before a bare id because a reopened workbook numbers its sheets by place (office-js-docs#297,
 * office-js#552): an id from an earlier session can name another sheet once sheets moved.
 */
function sheetFinder(sheets: readonly SheetState[]): (r: { sheetId: string; sheetName: string }) => SheetState | null {
  const byId = new Map(sheets.map((s) => [s.id, s] as const));
  const byName = new Map(sheets.map((s) => [s.name, s] as const));
  return (r) => {
    const same = byId.get(r.sheetId);
    return (same?.name === r.sheetName ? same : null) ?? byName.get(r.sheetName) ?? same ?? null;
  };
}

/** Finding cells (ranges expanded) on the given sheets, worst severity per cell. */
function targetCells(findings: readonly Finding[], sheets: readonly SheetState[]): Map<string, { sheet: SheetState; address: string; severity: Severity }> {
  const byName = new Map(sheets.map((s) => [s.name, s] as const));
  const out = new Map<string, { sheet: SheetState; address: string; severity: Severity }>();
  for (const f of findings) {
    const sheet = byName.get(f.sheet);
    if (!f.cell || !sheet) continue;
    const box = boxOf(f.cell);
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        const address = toA1(r, c);
        const k = `${sheet.id}!${address}`;
        const known = out.get(k);
        if (!known && out.size >= MAX_HIGHLIGHTED_CELLS) continue;
        if (!known || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[known.severity]) out.set(k, { sheet, address, severity: f.severity });
      }
  }
  return out;
}

/** Range proxies of one batch: one Worksheet proxy per sheet, however many of its cells are touched. */
function rangeFinder(context: Excel.RequestContext): (sheetId: string, address: string) => Excel.Range {
  const sheets = new Map<string, Excel.Worksheet>();
  return (sheetId, address) => {
    let ws = sheets.get(sheetId);
    if (!ws) sheets.set(sheetId, (ws = context.workbook.worksheets.getItem(sheetId)));
    return ws.getRange(address);
  };
}

function writeFill(fill: Excel.RangeFill, state: FillState): void {
  if (state.none) {
    fill.clear();
    return;
  }
  fill.color = state.color;
  // Setting a colour keeps a hatch pattern and a tint: both are set explicitly.
  fill.pattern = (state.pattern ?? "Solid") as Excel.FillPattern;
  fill.tintAndShade = state.tintAndShade;
  if (state.pattern) {
    if (state.patternColor) fill.patternColor = state.patternColor;
    fill.patternTintAndShade = state.patternTintAndShade;
  }
}

/**
 * The fills of many single cells, read as one getCellProperties each. Where requests are capped
 * (`budget` cells per request), in as many requests as the budget needs: up to 10,000 reads
 * with their range paths are as large a request as 10,000 writes. One sync on desktop, none
 * for no cell; a request Excel still refuses as too large is split (syncInBatches).
 */
async function readFills<T extends { range: () => Excel.Range }>(
  context: Excel.RequestContext,
  cells: readonly T[],
  budget: number,
): Promise<Array<T & { props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }>> {
  // Each `props` is set when its job is queued, before the sync that fills it.
  const read = cells.map((cell) => ({ ...cell })) as Array<T & { props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }>;
  if (!read.length) return read;
  // A refused request is queued again: each job makes its read anew, and the last one made is kept.
  await syncInBatches(
    context,
    read.map((cell) => ({ cost: 1, queue: () => (cell.props = cell.range().getCellProperties(FILL_PROPS)) })),
    budget,
  );
  return read;
}

const names = (sheets: Iterable<SheetState>) => [...new Set([...sheets].map((s) => s.name))];

/**
 * 3 syncs on desktop: state; current fills of the target cells; memory + fills. Where requests are
 * capped (`writeBudget` cells per request), the reads and the fills take as many requests as it needs.
 */
export async function highlightFindings(context: Excel.RequestContext, findings: readonly Finding[], writeBudget = Infinity): Promise<HighlightOutcome> {
  const { memory, sheets } = await loadState(context);
  const sheetOf = sheetFinder(sheets);
  const targets = targetCells(findings, sheets);
  const refused = new Set([...targets.values()].filter((t) => t.sheet.locked).map((t) => t.sheet));
  for (const [k, t] of targets) if (t.sheet.locked) targets.delete(k);

  const remembered = new Map<string, Remembered>();
  const unplaced: Remembered[] = [];
  for (const r of memory) {
    const sheet = sheetOf(r);
    if (sheet) remembered.set(`${sheet.id}!${r.address}`, { ...r, sheetId: sheet.id, sheetName: sheet.name });
    else unplaced.push(r); // a sheet not found now: kept, it may come back
  }
  const rangeOf = rangeFinder(context);
  // Every target's fill now, remembered or not: a remembered cell the user has re-coloured
  // since hyoka coloured it has the user's fill to give back, not the one from before.
  const current = await readFills(
    context,
    [...targets.entries()].map(([k, t]) => ({ k, t, range: () => rangeOf(t.sheet.id, t.address) })),
    writeBudget,
  );
  for (const { k, t, props } of current) {
    const now = fillState(props.value[0][0]);
    const known = remembered.get(k);
    if (!known || !sameFill(now, highlightFill(known.applied)))
      remembered.set(k, { sheetId: t.sheet.id, sheetName: t.sheet.name, address: t.address, before: now, applied: HIGHLIGHT_COLORS[t.severity] });
  }
  for (const [k, t] of targets) remembered.get(k)!.applied = HIGHLIGHT_COLORS[t.severity];

  // The memory goes first: if a later write fails, every cell it touched is remembered.
  const memoryJob: WriteJob = { cost: 0, queue: () => context.workbook.settings.add(HIGHLIGHTS_SETTING, memoryOf([...remembered.values(), ...unplaced])) };
  const jobs: WriteJob[] = [...targets].map(([k, t]) => {
    const fill = highlightFill(remembered.get(k)!.applied);
    return { cost: writesOf(fill), queue: () => writeFill(rangeOf(t.sheet.id, t.address).format.fill, fill) };
  });
  await syncInBatches(context, [memoryJob, ...jobs], writeBudget);
  return { cells: targets.size, protectedSheets: names(refused) };
}

/**
 * 3 syncs on desktop: state; current fills; restores + memory. A cell still showing hyoka's
 * colour gets its previous fill back; one the user re-coloured is left as it is. Cells on
 * protected sheets, and on sheets not found, stay remembered.
 */
export async function clearHighlights(context: Excel.RequestContext, writeBudget = Infinity): Promise<HighlightOutcome> {
  const { setting, memory, sheets } = await loadState(context);
  if (!memory.length) {
    if (!setting.isNullObject) {
      setting.delete(); // an unreadable memory: nothing in it can be restored
      await context.sync();
    }
    return { cells: 0, protectedSheets: [] };
  }
  const sheetOf = sheetFinder(sheets);
  const rangeOf = rangeFinder(context);
  const kept: Remembered[] = [];
  const refused = new Set<SheetState>();
  const placed: { saved: Remembered; sheet: SheetState; range: () => Excel.Range }[] = [];
  for (const saved of memory) {
    const sheet = sheetOf(saved);
    if (!sheet || sheet.locked) {
      kept.push(sheet ? { ...saved, sheetId: sheet.id, sheetName: sheet.name } : saved);
      if (sheet) refused.add(sheet);
      continue;
    }
    placed.push({ saved, sheet, range: () => rangeOf(sheet.id, saved.address) });
  }
  const live = await readFills(context, placed, writeBudget);
  const restores = live.filter(({ saved, props }) => sameFill(fillState(props.value[0][0]), highlightFill(saved.applied)));
  const jobs: WriteJob[] = restores.map(({ saved, sheet }) => ({
    cost: writesOf(saved.before),
    queue: () => writeFill(rangeOf(sheet.id, saved.address).format.fill, saved.before),
  }));
  // The memory changes only after the last restore: a failed restore leaves it as it was.
  await syncInBatches(context, jobs, writeBudget, () => {
    if (kept.length) context.workbook.settings.add(HIGHLIGHTS_SETTING, memoryOf(kept));
    else setting.delete();
  });
  return { cells: restores.length, protectedSheets: names(refused) };
}
