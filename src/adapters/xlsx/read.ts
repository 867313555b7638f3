// .xlsx bytes → WorkbookGrid with exceljs. Used by the CLI (Node) and the browser preview, so
// no Node import here: bytes come in as Uint8Array / ArrayBuffer, reading paths is the CLI's job.

import ExcelJS from "exceljs";
import type { CellValue, RangeBox, SheetGrid, WorkbookGrid } from "../../core/grid";
import { WorkbookReadError } from "./errors";
import { canPrescan, prescanWorkbook, tooManyCells, type InflateRaw } from "./prescan";
import { sniffWorkbook } from "./sniff";

export interface ReadXlsxOptions {
  /** Most cells (grid area, over all sheets) a read may produce. Default 5,000,000. */
  maxCells?: number;
  /** Most bytes the file, and its XML once inflated, may have. Default 512 MiB. */
  maxBytes?: number;
  /** Optional synchronous inflater for the prescan (see InflateRaw): the CLI passes Node's zlib. */
  inflateRaw?: InflateRaw;
}

export const DEFAULT_MAX_CELLS = 5_000_000;
export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

// Worksheet parts the grid never uses; skipping them makes exceljs faster. Hyperlinks are
// among them on purpose: without them a linked cell loads as its plain text.
const IGNORED_NODES = [
  "hyperlinks",
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "headerFooter",
  "pageSetup",
  "printOptions",
  "pageMargins",
  "rowBreaks",
];

const MS_PER_DAY = 86_400_000;
/** Serial number of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * exceljs turns date-formatted numbers into Dates (UTC, already shifted for 1904 workbooks);
 * undoing that gives the 1900-system serial Office.js would report.
 */
export function dateToSerial(date: Date): number | null {
  const ms = date.getTime();
  return Number.isFinite(ms) ? ms / MS_PER_DAY + UNIX_EPOCH_SERIAL : null;
}

type ExcelValue = ExcelJS.CellValue | ExcelJS.CellFormulaValue["result"] | ExcelJS.CellHyperlinkValue["text"] | undefined;

export function toCellValue(v: ExcelValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v !== "object") return null;
  if ("formula" in v || "sharedFormula" in v) return toCellValue((v as ExcelJS.CellFormulaValue).result);
  if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((run) => run.text ?? "").join("");
  if ("error" in v) return { error: String(v.error) };
  if ("hyperlink" in v || "text" in v) return toCellValue((v as ExcelJS.CellHyperlinkValue).text);
  return null;
}

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function extend(b: Bounds | null, box: RangeBox): Bounds {
  if (!b) return { ...box };
  return {
    top: Math.min(b.top, box.top),
    left: Math.min(b.left, box.left),
    bottom: Math.max(b.bottom, box.bottom),
    right: Math.max(b.right, box.right),
  };
}

function sheetMerges(ws: ExcelJS.Worksheet): RangeBox[] {
  // exceljs keeps merges as Range objects keyed by master address; `ws.model` would also give
  // them but serializes every row first.
  const ranges = (ws as unknown as { _merges?: Record<string, { model: RangeBox }> })._merges ?? {};
  return Object.values(ranges)
    .map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Converts one worksheet; `cellBudget` is what is left of maxCells for this workbook. */
function sheetToGrid(ws: ExcelJS.Worksheet, cellBudget: number): SheetGrid {
  const merges = sheetMerges(ws);
  const rows: number[] = [];
  const cols: number[] = [];
  const values: CellValue[] = [];
  let bounds: Bounds | null = null;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      // exceljs repeats a merge's value in every cell; only the master keeps it.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = toCellValue(cell.value);
      if (v === null) return;
      const r = Number(cell.row) - 1;
      const c = Number(cell.col) - 1;
      rows.push(r);
      cols.push(c);
      values.push(v);
      bounds = extend(bounds, { top: r, left: c, bottom: r, right: c });
    });
  });
  for (const m of merges) bounds = extend(bounds, m);
  const box = bounds as Bounds | null;
  if (!box) return { name: ws.name, top: 0, left: 0, values: [], merges };

  const height = box.bottom - box.top + 1;
  const width = box.right - box.left + 1;
  if (height * width > cellBudget) throw tooManyCells(cellBudget);
  // Rectangular, like Office.js usedRange.values.
  const grid: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  for (let i = 0; i < values.length; i++) grid[rows[i] - box.top][cols[i] - box.left] = values[i];
  return { name: ws.name, top: box.top, left: box.left, values: grid, merges };
}

function asBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/**
 * Reads every worksheet (hidden ones included; chartsheets have no cells and are skipped).
 * Throws WorkbookReadError for anything that is not a readable, reasonably sized .xlsx.
 */
export async function readXlsx(data: Uint8Array | ArrayBuffer, options: ReadXlsxOptions = {}): Promise<WorkbookGrid> {
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = asBytes(data);
  const directory = sniffWorkbook(bytes, { maxBytes });
  if (canPrescan()) await prescanWorkbook(bytes, directory, { maxBytes, maxCells }, options.inflateRaw);

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types say Buffer, but it hands the bytes to JSZip, which takes any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES });
  } catch (e) {
    throw new WorkbookReadError("corrupt", e instanceof Error ? e.message : String(e));
  }

  const sheets: SheetGrid[] = [];
  let budget = maxCells;
  for (const ws of workbook.worksheets) {
    const grid = sheetToGrid(ws, budget);
    budget -= grid.values.length * (grid.values[0]?.length ?? 0);
    sheets.push(grid);
  }
  return { sheets };
}
