// Workbook bytes (.xlsx, .xlsm, .xlsb, .xls, .ods) → WorkbookGrid, one hardened path for the
// CLI (Node) and the browser preview, so no Node import here: bytes come in as Uint8Array /
// ArrayBuffer, reading paths is the CLI's job.
//
// Order of work, so that nothing large is ever built from a hostile file:
//   1. sniff the container (zip, compound file, anything else is refused) and its size;
//   2. find the parts Excel would open, through the relationships (package.ts), inflate each
//      within one budget for the whole read (inflate.ts) and count cells, merged and linked
//      areas, strings and elements (tally.ts), refusing past the limits;
//   3. only then hand those parts, under names we chose, to SheetJS (sheetjs.ts);
//   4. convert its sheets to grids without trusting any extent the file claims.

import type { SheetGrid, WorkbookGrid } from "../../core/grid";
import { WorkbookReadError } from "./errors";
import { inflateBudget, type InflateRaw } from "./inflate";
import { isOpenDocument, odsHandover, ooxmlHandover, ZipPackage, type Handover } from "./package";
import { profileFromXml } from "./profileXml";
import { compoundFileStreams, parseCompoundFile, parseParts, readCompoundFile, sheetToGrid, type CompoundFile, type ParsedWorkbook } from "./sheetjs";
import { mentionsEncryptedPackage, sniffWorkbook } from "./sniff";
import { newTally, tallyBiff, type ReadLimits } from "./tally";

export interface ReadWorkbookOptions {
  /** Most cells, plus cells under merged or linked ranges, over all sheets. Default 1,000,000: within a worker's heap and a browser tab (BENCHMARKS.md). */
  maxCells?: number;
  /** Most bytes the file may have, and all the parts read from it together once inflated. Default 128 MiB (peak memory measured in BENCHMARKS.md). */
  maxBytes?: number;
  /** Synchronous inflater (see InflateRaw): the CLI passes Node's zlib; else DecompressionStream. */
  inflateRaw?: InflateRaw;
}

/** The file formats read; `xlsx` includes .xlsm (the same package with macros, never run). */
export type WorkbookFormat = "xlsx" | "xlsb" | "xls" | "ods";

export interface ReadWorkbook extends WorkbookGrid {
  format: WorkbookFormat;
  /** The template profile JSON saved in the workbook (a custom XML part), or null. */
  profileJson: string | null;
}

export const DEFAULT_MAX_CELLS = 1_000_000;
export const DEFAULT_MAX_BYTES = 128 * 1024 * 1024;

function asBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/**
 * Reads every worksheet (hidden ones included; chart, dialog and macro sheets have no cells
 * and are left out). Throws WorkbookReadError for anything that is not a readable,
 * reasonably sized workbook, and when no worksheet at all could be read.
 */
export async function readWorkbook(data: Uint8Array | ArrayBuffer, options: ReadWorkbookOptions = {}): Promise<ReadWorkbook> {
  const limits: ReadLimits = { maxCells: options.maxCells ?? DEFAULT_MAX_CELLS, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES };
  const bytes = asBytes(data);
  const container = sniffWorkbook(bytes, limits);
  if (container.kind === "compound") return readCompoundWorkbook(bytes, limits);

  const pkg = new ZipPackage(bytes, container.directory, inflateBudget(limits.maxBytes), options.inflateRaw);
  const tally = newTally();
  const handover: Handover | null = isOpenDocument(pkg) ? await odsHandover(pkg, limits, tally) : await ooxmlHandover(pkg, limits, tally);
  if (handover === null) {
    throw new WorkbookReadError("corrupt", {
      en: "zip archive without a workbook part (not an Excel or OpenDocument workbook)",
      ja: "ブックのパーツがない zip ファイルです(Excel や OpenDocument のブックではありません)",
    });
  }
  const parsed = parseParts(handover.parts);
  const sheets = worksheetGrids(parsed, limits.maxCells, (i) => handover.sheets?.[i]?.worksheet ?? true);
  let profileJson: string | null = null;
  for (const xml of handover.customXml) {
    profileJson = profileFromXml(xml);
    if (profileJson !== null) break;
  }
  return { format: handover.format, sheets, profileJson };
}

async function readCompoundWorkbook(bytes: Uint8Array, limits: ReadLimits): Promise<ReadWorkbook> {
  let cfb: CompoundFile;
  try {
    cfb = readCompoundFile(bytes);
  } catch (e) {
    if (mentionsEncryptedPackage(bytes)) throw new WorkbookReadError("encrypted");
    throw e;
  }
  const streams = compoundFileStreams(cfb);
  // An encrypted .xlsx is a compound file holding the real package as EncryptedPackage.
  if (streams.has("EncryptedPackage")) throw new WorkbookReadError("encrypted");
  const stream = streams.get("Workbook") ?? streams.get("Book");
  if (!stream) {
    throw new WorkbookReadError("corrupt", {
      en: "an Office compound file without a Workbook stream (not an Excel workbook)",
      ja: "Workbook ストリームのない Office 複合ファイルです(Excel ブックではありません)",
    });
  }
  const facts = tallyBiff(stream, newTally(), limits);
  if (facts.encrypted) throw new WorkbookReadError("encrypted");
  const parsed = parseCompoundFile(cfb);
  return { format: "xls", sheets: worksheetGrids(parsed, limits.maxCells, () => true), profileJson: null };
}

/**
 * The parsed workbook's worksheets in tab order. `listedAsWorksheet(i)` says whether the
 * workbook part lists sheet i as a worksheet: such a sheet that the parser did not return
 * could not be read, which fails the file rather than leaving the sheet out unnoticed.
 */
function worksheetGrids(parsed: ParsedWorkbook, maxCells: number, listedAsWorksheet: (index: number) => boolean): SheetGrid[] {
  const names = Array.isArray(parsed.SheetNames) ? parsed.SheetNames : [];
  const seen = new Set<string>();
  const grids: SheetGrid[] = [];
  let budget = maxCells;
  names.forEach((name, i) => {
    const text = String(name);
    if (seen.has(text)) throw new WorkbookReadError("corrupt", { en: `two sheets are named "${text}"`, ja: `「${text}」という名前のシートが 2 つあります` });
    seen.add(text);
    // Own properties only: a sheet named "constructor" or "__proto__" must not find Object's.
    const sheet = Object.prototype.hasOwnProperty.call(parsed.Sheets ?? {}, text) ? parsed.Sheets[text] : undefined;
    if (!listedAsWorksheet(i)) return;
    if (sheet === undefined || sheet === null || typeof sheet !== "object") {
      throw new WorkbookReadError("corrupt", { en: `sheet "${text}" could not be read`, ja: `シート「${text}」を読み込めません` });
    }
    if (sheet["!type"] !== undefined && sheet["!type"] !== "sheet") return; // chart, dialog, macro sheet
    const grid = sheetToGrid(text, sheet, budget);
    budget -= grid.values.length * (grid.values[0]?.length ?? 0);
    grids.push(grid);
  });
  if (grids.length === 0) throw new WorkbookReadError("no-worksheets");
  return grids;
}
