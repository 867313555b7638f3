// WorkbookPort over Office.js. Every method runs one Excel batch through `run` (Excel.run by
// default; tests pass a fake context's runner) and keeps its context.sync() count constant:
// the whole workbook is read in 2 syncs whatever the number of sheets.

import type { SheetGrid, WorkbookGrid } from "../../core/grid";
import type { SheetResult } from "../../core/engine";
import type { Finding, Language } from "../../core/findings";
import type { Settings } from "../../core/settings";
import type { CellSelection, ReadProgress, WorkbookPort } from "../../port/workbookPort";
import { assembleValues, blankMergedFollowers, boxOf, planRowBlocks, topLeftOf, CELL_BUDGET } from "./readPlan";
import { officeSetSupport, UnsupportedFeatureError, type Feature, type SetSupport, FEATURE_SETS } from "./requirements";
import { clearHighlights, highlightFindings } from "./highlights";
import { loadProfile, saveProfile } from "./profileStore";
import { SUMMARY_SHEETS_SETTING, writeSummarySheet } from "./summaryWriter";

/** Runs a batch against a request context; `reuse` continues an earlier context (event removal). */
export type ContextRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>, reuse?: Excel.RequestContext) => Promise<T>;

export const excelRun: ContextRunner = (batch, reuse) => (reuse ? Excel.run(reuse, batch) : Excel.run(batch));

export interface OfficeWorkbookPortOptions {
  run?: ContextRunner;
  /** ExcelApi requirement-set check; Office.context.requirements by default. */
  supports?: SetSupport;
  /** Office.context.displayLanguage by default (e.g. `ja-JP`). */
  displayLanguage?: () => string | undefined;
  /** Cells per read block (tests lower it to exercise chunking). */
  cellBudget?: number;
}

interface PendingRead {
  name: string;
  ws: Excel.Worksheet;
  used: Excel.Range;
  merges: Excel.RangeAreas | null;
}

/** Above this a used range is not read at all: an evaluation form is a few thousand cells, 2M means stray data. */
export const MAX_BLOCKED_CELLS = 2_000_000;

function tooLarge(sheet: string, address: string): { ja: string; en: string } {
  return {
    ja: `シート「${sheet}」は大きすぎて読み取れませんでした (使用範囲 ${address})。様式の外にある不要な値を削除してください。`,
    en: `Sheet "${sheet}" is too large to read (used range ${address}); remove stray values outside the form.`,
  };
}

/** `'My sheet'!B3:C4` → { sheet: "My sheet", address: "B3:C4" }. */
export function splitAddress(address: string): CellSelection {
  const bang = address.lastIndexOf("!");
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: address.slice(bang + 1).replace(/\$/g, "") };
}

export class OfficeWorkbookPort implements WorkbookPort {
  readonly host = "excel" as const;
  private readonly run: ContextRunner;
  private readonly supportsSet: SetSupport;
  private readonly language: () => string | undefined;
  private readonly cellBudget: number;
  /** Ids of the summary sheets hyoka wrote, so reads and live mode skip them. */
  private summarySheetIds = new Set<string>();

  constructor(options: OfficeWorkbookPortOptions = {}) {
    this.run = options.run ?? excelRun;
    this.supportsSet = options.supports ?? officeSetSupport();
    this.language = options.displayLanguage ?? (() => (typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined));
    this.cellBudget = options.cellBudget ?? CELL_BUDGET;
  }

  supports(feature: Feature): boolean {
    return this.supportsSet(FEATURE_SETS[feature]);
  }

  private require(feature: Feature): void {
    if (!this.supports(feature)) throw new UnsupportedFeatureError(feature);
  }

  displayLanguage(): Language {
    return /^ja/i.test(this.language() ?? "") ? "ja" : "en";
  }

  /**
   * Sync 1: the sheet list (and which sheets are hyoka's own). Sync 2: every sheet's used
   * range with its values and merged areas. A used range cannot be asked for before its
   * sheet is known, so the extents come with the values; only a sheet whose read Excel
   * refuses as too large (values null) costs a third sync, where it is read in row blocks.
   */
  async readWorkbook(options: { activeOnly?: boolean; onProgress?: (p: ReadProgress) => void } = {}): Promise<WorkbookGrid> {
    return this.run(async (context) => {
      const marker = context.workbook.settings.getItemOrNullObject(SUMMARY_SHEETS_SETTING);
      marker.load("value");
      if (options.activeOnly) {
        const ws = context.workbook.worksheets.getActiveWorksheet();
        ws.load("name,id");
        const pending = this.queueSheetRead(ws);
        await context.sync();
        this.rememberSummarySheets(marker.isNullObject ? [] : marker.value);
        return { sheets: await this.finishReads(context, [{ name: ws.name, ...pending }], options.onProgress) };
      }
      const collection = context.workbook.worksheets;
      collection.load("items/name,items/id");
      await context.sync();
      this.rememberSummarySheets(marker.isNullObject ? [] : marker.value);
      const pending = collection.items
        .filter((ws) => !this.summarySheetIds.has(ws.id))
        .map((ws) => ({ name: ws.name, ...this.queueSheetRead(ws) }));
      options.onProgress?.({ done: 0, total: pending.length });
      await context.sync();
      return { sheets: await this.finishReads(context, pending, options.onProgress) };
    });
  }

  async readSheet(name: string): Promise<SheetGrid> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(name);
      ws.load("name");
      const pending = this.queueSheetRead(ws);
      await context.sync();
      const [grid] = await this.finishReads(context, [{ name: ws.name, ...pending }]);
      return grid;
    });
  }

  private queueSheetRead(ws: Excel.Worksheet): { ws: Excel.Worksheet; used: Excel.Range; merges: Excel.RangeAreas | null } {
    const used = ws.getUsedRangeOrNullObject(true).load("address,rowCount,columnCount,values,valueTypes");
    // Asked on the whole sheet: a method call on a used range that may be a null object is not allowed.
    const merges = this.supports("mergedAreas") ? ws.getRange().getMergedAreasOrNullObject().load("areas/items/address") : null;
    return { ws, used, merges };
  }

  /** Turns synced reads into grids; re-reads refused (too large) sheets in row blocks with one more sync. */
  private async finishReads(context: Excel.RequestContext, reads: PendingRead[], onProgress?: (p: ReadProgress) => void): Promise<SheetGrid[]> {
    const total = reads.length;
    const grids = reads.map((r): SheetGrid => ({ name: r.name, top: 0, left: 0, values: [], merges: [] }));
    const retry: { index: number; blocks: Excel.Range[] }[] = [];
    reads.forEach((r, i) => {
      if (r.used.isNullObject) return;
      const grid = grids[i];
      ({ row: grid.top, col: grid.left } = topLeftOf(r.used.address));
      if (r.merges && !r.merges.isNullObject) grid.merges = r.merges.areas.items.map((a) => boxOf(a.address));
      const values = assembleValues([{ values: r.used.values, valueTypes: r.used.valueTypes as string[][] }]);
      if (values) grid.values = values;
      else if (r.used.rowCount * r.used.columnCount > MAX_BLOCKED_CELLS) grid.readError = tooLarge(r.name, r.used.address);
      else {
        const blocks = planRowBlocks(grid.top, grid.left, r.used.rowCount, r.used.columnCount, this.cellBudget).map((b) =>
          r.ws.getRange(b.address).load("values,valueTypes"),
        );
        retry.push({ index: i, blocks });
      }
    });
    if (retry.length) {
      await context.sync();
      for (const { index, blocks } of retry) {
        const values = assembleValues(blocks.map((b) => ({ values: b.values, valueTypes: b.valueTypes as string[][] })));
        if (values) grids[index].values = values;
        else grids[index].readError = tooLarge(reads[index].name, reads[index].used.address);
      }
    }
    for (const grid of grids) blankMergedFollowers(grid);
    onProgress?.({ done: total, total });
    return grids;
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  async getSelection(): Promise<CellSelection> {
    return this.run(async (context) => {
      const range = context.workbook.getSelectedRange().load("address");
      await context.sync();
      return splitAddress(range.address);
    });
  }

  async writeSummary(results: SheetResult[], settings: Settings): Promise<{ sheetName: string }> {
    const written = await this.run((context) => writeSummarySheet(context, results, settings, this.supports("conditionalFormats")));
    this.summarySheetIds = new Set([written.sheetId]);
    return { sheetName: written.sheetName };
  }

  async highlightFindings(findings: Finding[]): Promise<number> {
    this.require("highlights");
    return this.run((context) => highlightFindings(context, findings));
  }

  async clearHighlights(): Promise<number> {
    this.require("highlights");
    return this.run((context) => clearHighlights(context));
  }

  async onSheetChanged(handler: (sheet: string) => void): Promise<() => Promise<void>> {
    this.require("liveMode");
    const registration = await this.run(async (context) => {
      const result = context.workbook.worksheets.onChanged.add(async (event) => {
        if (this.summarySheetIds.has(event.worksheetId)) return; // our own summary writes
        const name = await this.sheetNameOf(event.worksheetId);
        if (name !== null) handler(name);
      });
      await context.sync();
      return result;
    });
    return async () => {
      await this.run(async (context) => {
        registration.remove();
        await context.sync();
      }, registration.context as Excel.RequestContext);
    };
  }

  private async sheetNameOf(worksheetId: string): Promise<string | null> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(worksheetId);
      ws.load("name");
      await context.sync();
      return ws.isNullObject ? null : ws.name;
    });
  }

  async loadProfile(): Promise<string | null> {
    this.require("profiles");
    return this.run((context) => loadProfile(context));
  }

  async saveProfile(json: string): Promise<void> {
    this.require("profiles");
    await this.run((context) => saveProfile(context, json));
  }

  private rememberSummarySheets(value: unknown): void {
    this.summarySheetIds = new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
  }
}
