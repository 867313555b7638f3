// Highlights: fill the cells of findings, remembering each cell's exact previous fill so that
// "clear" puts it back. The memory lives in the workbook's settings (Workbook.settings,
// ExcelApi 1.4): it is saved with the file, so highlights can still be cleared after the
// workbook is closed and reopened, and unlike a hidden sheet it adds nothing a user or a
// cell-for-cell comparison would ever see.
// Exactness needs RangeFill.pattern via Range.getCellProperties (ExcelApi 1.9): `color` alone
// reports #FFFFFF for both "no fill" and a white fill.

import type { Finding, Severity } from "../../core/findings";
import { SEVERITY_ORDER } from "../../core/findings";
import { toA1 } from "../../core/grid";
import { boxOf } from "./readPlan";
import { HIGHLIGHT_COLORS } from "../hostConventions";

export const HIGHLIGHTS_SETTING = "hyoka.highlights";


/** Cells per call: findings normally mark tens of cells; a runaway range must not fill a sheet. */
const MAX_HIGHLIGHTED_CELLS = 10_000;

export interface SavedFill {
  sheetId: string;
  address: string;
  /** The fill before hyoka touched the cell; pattern "None" = no fill. */
  before: { color: string; pattern: string; patternColor: string | null };
  /** The colour hyoka applied: a cell the user re-coloured since is left alone on clear. */
  applied: string;
}

export interface HighlightMemory {
  version: 1;
  cells: SavedFill[];
}

const FILL_PROPS = { format: { fill: { color: true, pattern: true, patternColor: true } } };

type CellFill = { format?: { fill?: { color?: string; pattern?: string; patternColor?: string } } };

function readMemory(setting: Excel.Setting): HighlightMemory {
  if (setting.isNullObject) return { version: 1, cells: [] };
  const v = setting.value as HighlightMemory | null;
  return v && Array.isArray(v.cells) ? v : { version: 1, cells: [] };
}

/** Sync 1 of both operations: the memory and the sheet list (name → id). */
async function loadState(context: Excel.RequestContext): Promise<{ setting: Excel.Setting; memory: HighlightMemory; idOf: Map<string, string>; ids: Set<string> }> {
  const setting = context.workbook.settings.getItemOrNullObject(HIGHLIGHTS_SETTING).load("value");
  const sheets = context.workbook.worksheets.load("items/name,items/id");
  await context.sync();
  const idOf = new Map(sheets.items.map((ws) => [ws.name, ws.id] as const));
  return { setting, memory: readMemory(setting), idOf, ids: new Set(idOf.values()) };
}

/** Finding cells (ranges expanded), worst severity per cell. */
function targetCells(findings: readonly Finding[], idOf: Map<string, string>): Map<string, { sheetId: string; address: string; severity: Severity }> {
  const out = new Map<string, { sheetId: string; address: string; severity: Severity }>();
  for (const f of findings) {
    const sheetId = idOf.get(f.sheet);
    if (!f.cell || !sheetId) continue;
    const box = boxOf(f.cell);
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        const address = toA1(r, c);
        const k = `${sheetId}!${address}`;
        const known = out.get(k);
        if (!known && out.size >= MAX_HIGHLIGHTED_CELLS) continue;
        if (!known || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[known.severity]) out.set(k, { sheetId, address, severity: f.severity });
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

const sameColor = (a: string | undefined, b: string) => (a ?? "").toUpperCase() === b.toUpperCase();

/** 3 syncs: state; previous fills of new cells; fills + memory. */
export async function highlightFindings(context: Excel.RequestContext, findings: readonly Finding[]): Promise<number> {
  const { memory, idOf } = await loadState(context);
  const targets = targetCells(findings, idOf);
  const remembered = new Map<string, SavedFill>(memory.cells.map((c) => [`${c.sheetId}!${c.address}`, c] as const));
  const rangeOf = rangeFinder(context);
  const ranges = new Map([...targets].map(([k, t]) => [k, rangeOf(t.sheetId, t.address)] as const));
  const fresh = [...targets.entries()]
    .filter(([k]) => !remembered.has(k))
    .map(([k, t]) => ({ k, t, props: ranges.get(k)!.getCellProperties(FILL_PROPS) }));
  if (fresh.length) await context.sync();
  for (const { k, t, props } of fresh) {
    const fill = (props.value[0][0] as CellFill).format?.fill ?? {};
    remembered.set(k, {
      sheetId: t.sheetId,
      address: t.address,
      before: { color: fill.color ?? "#FFFFFF", pattern: fill.pattern ?? "None", patternColor: fill.patternColor ?? null },
      applied: HIGHLIGHT_COLORS[t.severity],
    });
  }
  for (const [k, t] of targets) {
    const saved = remembered.get(k)!;
    saved.applied = HIGHLIGHT_COLORS[t.severity];
    const fill = ranges.get(k)!.format.fill;
    fill.color = saved.applied;
    fill.pattern = "Solid"; // setting a colour keeps a hatch pattern: the highlight must be a plain fill
  }
  context.workbook.settings.add(HIGHLIGHTS_SETTING, { version: 1, cells: [...remembered.values()] } satisfies HighlightMemory);
  await context.sync();
  return targets.size;
}

/** 3 syncs: state; current fills; restores + memory removal. */
export async function clearHighlights(context: Excel.RequestContext): Promise<number> {
  const { setting, memory, ids } = await loadState(context);
  const rangeOf = rangeFinder(context);
  const live = memory.cells
    .filter((c) => ids.has(c.sheetId))
    .map((saved) => {
      const range = rangeOf(saved.sheetId, saved.address);
      return { saved, range, now: range.getCellProperties(FILL_PROPS) };
    });
  if (live.length) await context.sync();
  let restored = 0;
  for (const { saved, range, now } of live) {
    const fill = (now.value[0][0] as CellFill).format?.fill ?? {};
    if (fill.pattern !== "Solid" || !sameColor(fill.color, saved.applied)) continue; // re-coloured by the user since
    const { before } = saved;
    if (before.pattern === "None") range.format.fill.clear();
    else {
      range.format.fill.color = before.color;
      if (before.pattern !== "Solid") range.format.fill.pattern = before.pattern as Excel.FillPattern;
      if (before.patternColor && before.pattern !== "Solid") range.format.fill.patternColor = before.patternColor;
    }
    restored++;
  }
  if (!setting.isNullObject) setting.delete();
  await context.sync();
  return restored;
}
