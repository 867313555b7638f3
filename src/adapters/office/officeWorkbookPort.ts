// WorkbookPort over Office.js. Every method runs one Excel batch through `run` (Excel.run by
// default; tests pass a fake context's runner) and keeps its context.sync() count constant:
// the whole workbook is read in 2 syncs whatever the number of sheets.

import { fromA1, type CellValue, type RangeBox, type SheetGrid, type WorkbookGrid } from "../../core/grid";
import type { SheetResult } from "../../core/engine";
import type { Finding, Language } from "../../core/findings";
import type { Settings } from "../../core/settings";
import {
  HiddenSheetError,
  type CellSelection,
  type HighlightOutcome,
  type HostCapabilities,
  type HostInfo,
  type ReadProgress,
  type StoredProfile,
  type WorkbookPort,
} from "../../port/workbookPort";
import {
  assembleValues,
  batchBlocks,
  blankMergedFollowers,
  boxOf,
  halves,
  isTooLargeError,
  planRowBlocks,
  splitBatch,
  CELL_BUDGET,
  REQUEST_CELL_BUDGET,
  type SheetBlock,
} from "./readPlan";
import { officeSetSupport, UnsupportedFeatureError, type Feature, type SetSupport, FEATURE_SETS } from "./requirements";
import { clearHighlights, highlightFindings } from "./highlights";
import { loadProfile, saveProfile } from "./profileStore";
import { queueSummaryRecord, summarySheetIds, writeSummarySheet, type SummaryRecord } from "./summaryWriter";
import { readDocumentBytes, type FileDocument } from "./fileBytes";
import { officeHostInfo } from "./hostInfo";
import { WEB_WRITE_CELL_BUDGET } from "./writeBatches";

export interface RunOptions {
  /** Excel.RunOptions.delayForCellEdit: wait while the user edits a cell instead of failing. */
  delayForCellEdit?: boolean;
  /** Continue an earlier context (event removal). */
  reuse?: Excel.RequestContext;
}

/** Runs a batch against a request context (Excel.run by default; tests pass a fake's runner). */
export type ContextRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: RunOptions) => Promise<T>;

const excelRun: ContextRunner = (batch, options = {}) => {
  if (options.reuse) return Excel.run(options.reuse, batch);
  return options.delayForCellEdit ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);
};

export interface OfficeWorkbookPortOptions {
  run?: ContextRunner;
  /** ExcelApi requirement-set check; Office.context.requirements by default. */
  supports?: SetSupport;
  /** Office.context.displayLanguage by default (e.g. `ja-JP`). */
  displayLanguage?: () => string | undefined;
  /** Cells per read block (tests lower it to exercise chunking). */
  cellBudget?: number;
  /** Cells per request when values are read in blocks. */
  requestCellBudget?: number;
  /** True where Excel caps each request's payload (~5 MB: Excel on the web). */
  limitedPayload?: () => boolean;
  /** Office.context.document by default: where the file's bytes come from. */
  document?: () => FileDocument | undefined;
  /** Cell writes per request where requests are capped (limitedPayload); tests lower it. */
  writeCellBudget?: number;
  /** Host, platform and requirement sets; from Office.context by default. */
  hostInfo?: () => HostInfo;
}

interface PendingRead {
  name: string;
  ws: Excel.Worksheet;
  used: Excel.Range;
  merges: Excel.RangeAreas | null;
}

/** What a read asked for in its one-shot request. */
interface ReadShape {
  values: boolean;
  merges: boolean;
}

/**
 * Above this many sheets, on a host with a payload cap (Excel on the web, ~5 MB per request
 * and per response), values are not asked for in the one-shot read. The trade-off: a
 * workbook of more than 50 sheets there takes 3–4 syncs instead of 2 — (1) sheet list,
 * (2) used-range extents and merged areas only, (3…) values in row blocks, one sync per
 * batch of at most REQUEST_CELL_BUDGET (100,000) cells: 60 evaluation sheets of ~600 cells
 * are 1 batch (3 syncs), 300 sheets 2 batches (4 syncs). Asking for every value at once
 * would likely be refused as too large only after a full round trip, and the retry would
 * cost more than the extra syncs. Up to 50 sheets on the web, and on desktop Excel (no such
 * cap) at any size, the values come with the extents: 2 syncs. The extra cost is one or two
 * round trips per workbook, never one per sheet.
 */
export const EXTENTS_FIRST_ABOVE_SHEETS = 50;

/** Excel on the web (platform OfficeOnline) caps requests and responses at about 5 MB. */
const officeOnline = (): boolean => typeof Office !== "undefined" && String(Office.context?.platform) === "OfficeOnline";

/** Codes that say nothing of what failed: the merged areas of a sheet may be why. */
const REQUEST_FAILURE_CODES: readonly string[] = ["GeneralException", "InvalidOperation", "ApiNotFound", "UnsupportedOperation"];

function mayBeMergedAreas(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code !== "string" || REQUEST_FAILURE_CODES.includes(code);
}

/** The merged areas a loaded getMergedAreasOrNullObject found; none when it is a null object. */
function mergeBoxes(areas: Excel.RangeAreas): RangeBox[] {
  return areas.isNullObject ? [] : areas.areas.items.map((a) => boxOf(a.address));
}

/** Above this a used range is not read at all: an evaluation form is a few thousand cells, 2M means stray data. */
const MAX_BLOCKED_CELLS = 2_000_000;

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
  private readonly requestCellBudget: number;
  private readonly limitedPayload: () => boolean;
  private readonly document: () => FileDocument | undefined;
  private readonly writeCellBudget: number;
  private readonly hostInfoOf: () => HostInfo;
  /** Ids of the summary sheets hyoka wrote, so reads and live mode skip them. */
  private summarySheetIds = new Set<string>();

  constructor(options: OfficeWorkbookPortOptions = {}) {
    this.run = options.run ?? excelRun;
    this.supportsSet = options.supports ?? officeSetSupport();
    this.language = options.displayLanguage ?? (() => (typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined));
    this.cellBudget = options.cellBudget ?? CELL_BUDGET;
    this.requestCellBudget = options.requestCellBudget ?? REQUEST_CELL_BUDGET;
    this.limitedPayload = options.limitedPayload ?? officeOnline;
    this.document = options.document ?? (() => (typeof Office !== "undefined" ? Office.context?.document : undefined));
    this.writeCellBudget = options.writeCellBudget ?? WEB_WRITE_CELL_BUDGET;
    this.hostInfoOf = options.hostInfo ?? (() => officeHostInfo(typeof Office !== "undefined" ? Office.context : undefined));
  }

  hostInfo(): HostInfo {
    return this.hostInfoOf();
  }

  /** Cell writes per request: unlimited on desktop Excel, a budget where requests are capped. */
  private writeBudget(): number {
    return this.limitedPayload() ? this.writeCellBudget : Infinity;
  }

  supports(feature: Feature): boolean {
    return this.supportsSet(FEATURE_SETS[feature]);
  }

  capabilities(): HostCapabilities {
    return {
      profiles: this.supports("profiles"),
      liveMode: this.supports("liveMode"),
      highlights: this.supports("highlights"),
      mergedCells: this.supports("mergedAreas"),
    };
  }

  /** The saved-or-not workbook as Office gives it (getFileAsync, Compressed); null outside Office. */
  async fileBytes(): Promise<Uint8Array | null> {
    const document = this.document();
    return document ? readDocumentBytes(document) : null;
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
   * sheet is known, so the extents come with the values. Only when Excel refuses that
   * request as too large (a payload error, or values null for a sheet) are values read
   * again in row blocks, batched under a cell budget: sync 3 onwards. On Excel on the web
   * with many sheets, where one request is capped at ~5 MB, sync 2 asks for extents only.
   * Excel fails a whole request when one sheet holds more than 512 merged areas: then the
   * request goes again without merged areas, and those are read apart (readMergesApart).
   */
  async readWorkbook(options: { activeOnly?: boolean; onProgress?: (p: ReadProgress) => void } = {}): Promise<WorkbookGrid> {
    return this.run(async (context) => {
      if (options.activeOnly) {
        const { queued, shape } = await this.syncReads(context, (shape) => {
          const record = queueSummaryRecord(context);
          const ws = context.workbook.worksheets.getActiveWorksheet();
          ws.load("name,id");
          return { record, ws, read: this.queueSheetRead(ws, shape) };
        });
        this.rememberSummarySheets(queued.record, [queued.ws]);
        return { sheets: await this.finishReads(context, [{ name: queued.ws.name, ...queued.read }], shape, options.onProgress) };
      }
      const record = queueSummaryRecord(context);
      const collection = context.workbook.worksheets;
      collection.load("items/name,items/id");
      await context.sync();
      this.rememberSummarySheets(record, collection.items);
      const sheets = collection.items.filter((ws) => !this.summarySheetIds.has(ws.id));
      options.onProgress?.({ done: 0, total: sheets.length });
      const valuesFirst = sheets.length <= EXTENTS_FIRST_ABOVE_SHEETS || !this.limitedPayload();
      const { queued, shape } = await this.syncReads(
        context,
        (shape) => sheets.map((ws) => ({ name: ws.name, ...this.queueSheetRead(ws, shape) })),
        valuesFirst,
      );
      return { sheets: await this.finishReads(context, queued, shape, options.onProgress) };
    });
  }

  /** Live re-validation: waits while the user edits a cell (delayForCellEdit) rather than failing. */
  async readSheet(name: string): Promise<SheetGrid> {
    return this.run(
      async (context) => {
        const { queued, shape } = await this.syncReads(context, (shape) => {
          const ws = context.workbook.worksheets.getItem(name);
          ws.load("name");
          return { ws, read: this.queueSheetRead(ws, shape) };
        });
        const [grid] = await this.finishReads(context, [{ name: queued.ws.name, ...queued.read }], shape);
        return grid;
      },
      { delayForCellEdit: true },
    );
  }

  /**
   * Queues reads and syncs: values first when `valuesFirst`, merged areas where the host has
   * them. A request Excel refuses as too large loaded nothing: it is queued again without
   * values. A request with merged areas that Excel fails as a whole (the reference names no
   * code for the 512-area failure) is queued again without them; an error about something
   * else (a sheet gone, a cell being edited) is not retried.
   */
  private async syncReads<T>(context: Excel.RequestContext, queue: (shape: ReadShape) => T, valuesFirst = true): Promise<{ queued: T; shape: ReadShape }> {
    const shape: ReadShape = { values: valuesFirst, merges: this.supports("mergedAreas") };
    for (;;) {
      const queued = queue(shape);
      try {
        // At most three tries, each asking for less: the normal read takes the first.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        return { queued, shape };
      } catch (error) {
        if (isTooLargeError(error) && shape.values) shape.values = false;
        else if (shape.merges && mayBeMergedAreas(error)) shape.merges = false;
        else throw error;
      }
    }
  }

  private queueSheetRead(ws: Excel.Worksheet, shape: ReadShape): { ws: Excel.Worksheet; used: Excel.Range; merges: Excel.RangeAreas | null } {
    const used = ws.getUsedRangeOrNullObject(true);
    if (shape.values) used.load("address,rowCount,columnCount,values,valueTypes");
    else used.load("address,rowCount,columnCount");
    return { ws, used, merges: shape.merges ? this.queueMerges(ws) : null };
  }

  /** Asked on the whole sheet: a method call on a used range that may be a null object is not allowed. */
  private queueMerges(ws: Excel.Worksheet): Excel.RangeAreas {
    return ws.getRange().getMergedAreasOrNullObject().load("areas/items/address");
  }

  /** Turns synced reads into grids; sheets whose values are still missing are read in row blocks. */
  private async finishReads(context: Excel.RequestContext, reads: PendingRead[], shape: ReadShape, onProgress?: (p: ReadProgress) => void): Promise<SheetGrid[]> {
    const total = reads.length;
    const grids = reads.map((r): SheetGrid => ({ name: r.name, top: 0, left: 0, values: [], merges: [] }));
    const blocks: SheetBlock[] = [];
    reads.forEach((r, i) => {
      if (r.used.isNullObject) return;
      const grid = grids[i];
      ({ row: grid.top, col: grid.left } = fromA1(r.used.address));
      if (r.merges) grid.merges = mergeBoxes(r.merges);
      if (shape.values) {
        const values = assembleValues([{ values: r.used.values, valueTypes: r.used.valueTypes as string[][] }]);
        if (values) {
          grid.values = values;
          return;
        }
      }
      if (r.used.rowCount * r.used.columnCount > MAX_BLOCKED_CELLS) grid.readError = tooLarge(r.name, r.used.address);
      else
        // A block never exceeds a request: the batches could not be kept under budget otherwise.
        for (const block of planRowBlocks(grid.top, grid.left, r.used.rowCount, r.used.columnCount, Math.min(this.cellBudget, this.requestCellBudget)))
          blocks.push({ sheet: i, left: grid.left, columns: r.used.columnCount, block });
    });
    if (blocks.length) await this.readBlocks(context, reads, grids, blocks, onProgress);
    if (!shape.merges && this.supports("mergedAreas")) await this.readMergesApart(context, reads, grids);
    for (const grid of grids) blankMergedFollowers(grid);
    onProgress?.({ done: total, total });
    return grids;
  }

  /**
   * Merged areas after a request with them failed: asked for half of the sheets at a time
   * (all of them together already failed) until each sheet Excel still refuses (more than 512
   * merged areas) is alone. That sheet is read without them and marked, for the pane to say
   * so. Syncs only on this path, about two per refusing sheet per halving.
   */
  private async readMergesApart(context: Excel.RequestContext, reads: PendingRead[], grids: SheetGrid[]): Promise<void> {
    const sheets = reads.map((_, i) => i).filter((i) => !reads[i].used.isNullObject && !grids[i].readError);
    const queue: number[][] = halves(sheets);
    while (queue.length) {
      const group = queue.shift()!;
      if (!group.length) continue;
      const areas = group.map((i) => this.queueMerges(reads[i].ws));
      try {
        // One request per group isolates the sheet Excel refuses.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch {
        if (group.length === 1) grids[group[0]].mergesUnread = true;
        else queue.unshift(...halves(group));
        continue;
      }
      group.forEach((i, k) => (grids[i].merges = mergeBoxes(areas[k])));
    }
  }

  /**
   * One sync per batch of blocks (at most requestCellBudget cells); a batch Excel refuses as
   * too large is split and retried, so the number of syncs stays bounded by the data size.
   */
  private async readBlocks(context: Excel.RequestContext, reads: PendingRead[], grids: SheetGrid[], blocks: SheetBlock[], onProgress?: (p: ReadProgress) => void): Promise<void> {
    const parts = new Map<number, { top: number; values: CellValue[][] }[]>();
    const remaining = new Map<number, number>();
    for (const b of blocks) remaining.set(b.sheet, (remaining.get(b.sheet) ?? 0) + 1);
    const failed = new Set<number>();
    const finishBlock = (sheet: number) => remaining.set(sheet, remaining.get(sheet)! - 1);
    const queue = batchBlocks(blocks, this.requestCellBudget);
    while (queue.length) {
      const batch = queue.shift()!;
      const ranges = batch.map((b) => reads[b.sheet].ws.getRange(b.block.address).load("values,valueTypes"));
      try {
        // One request per batch is the point: together they would exceed Excel's payload cap.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (error) {
        if (!isTooLargeError(error)) throw error;
        const halves = splitBatch(batch);
        if (halves) {
          queue.unshift(...halves);
          remaining.set(batch[0].sheet, remaining.get(batch[0].sheet)! + (halves[0].length + halves[1].length - batch.length));
        } else {
          failed.add(batch[0].sheet);
          finishBlock(batch[0].sheet);
        }
        continue;
      }
      batch.forEach((b, k) => {
        const values = assembleValues([{ values: ranges[k].values, valueTypes: ranges[k].valueTypes as string[][] }]);
        if (values) parts.set(b.sheet, [...(parts.get(b.sheet) ?? []), { top: b.block.top, values }]);
        else failed.add(b.sheet);
        finishBlock(b.sheet);
      });
      const pendingSheets = [...remaining.values()].filter((n) => n > 0).length;
      if (queue.length) onProgress?.({ done: reads.length - pendingSheets, total: reads.length });
    }
    for (const sheet of remaining.keys()) {
      if (failed.has(sheet)) grids[sheet].readError = tooLarge(reads[sheet].name, reads[sheet].used.address);
      else grids[sheet].values = (parts.get(sheet) ?? []).sort((a, b) => a.top - b.top).flatMap((p) => p.values);
    }
  }

  /** 2 syncs: the sheet's visibility, then activate and select (a hidden sheet cannot be activated). */
  async selectCell(sheet: string, address: string, options: { unhide?: boolean } = {}): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.load("visibility");
      await context.sync();
      if (ws.visibility !== "Visible") {
        const veryHidden = ws.visibility === "VeryHidden";
        if (veryHidden || !options.unhide) throw new HiddenSheetError(sheet, veryHidden);
        ws.visibility = "Visible"; // the user asked for it (ExcelApi 1.2)
      }
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
    const features = { conditionalFormats: this.supports("conditionalFormats"), chartAxisFormat: this.supports("chartAxisFormat") };
    const written = await this.run((context) => writeSummarySheet(context, results, settings, features, this.writeBudget()));
    this.summarySheetIds = new Set([written.sheetId]);
    return { sheetName: written.sheetName };
  }

  async highlightFindings(findings: Finding[]): Promise<HighlightOutcome> {
    this.require("highlights");
    return this.run((context) => highlightFindings(context, findings, this.writeBudget()));
  }

  async clearHighlights(): Promise<HighlightOutcome> {
    this.require("highlights");
    return this.run((context) => clearHighlights(context, this.writeBudget()));
  }

  /**
   * One Worksheet.onChanged (ExcelApi 1.7) per sheet that exists now, hyoka's summary sheets
   * excepted, in 2 syncs; the unsubscribe removes every one of them in 1. Sheets added later
   * are not watched: the pane re-checks only sheets of its last full check anyway.
   */
  async onSheetChanged(handler: (sheet: string) => void, onError: (error: unknown) => void = () => undefined): Promise<() => Promise<void>> {
    this.require("liveMode");
    const registrations = await this.run(async (context) => {
      const record = queueSummaryRecord(context);
      const sheets = context.workbook.worksheets.load("items/id,items/name");
      await context.sync();
      this.rememberSummarySheets(record, sheets.items);
      const watched = sheets.items.filter((ws) => !this.summarySheetIds.has(ws.id));
      const added = watched.map((ws) =>
        ws.onChanged.add(async (event) => {
          // Excel calls this with nobody to catch a rejection: every failure goes to onError.
          try {
            if (this.summarySheetIds.has(event.worksheetId)) return; // became hyoka's summary since
            const name = await this.sheetNameOf(event.worksheetId);
            if (name !== null) handler(name);
          } catch (error) {
            onError(error);
          }
        }),
      );
      await context.sync();
      return added;
    });
    return async () => {
      if (!registrations.length) return;
      await this.run(
        async (context) => {
          for (const registration of registrations) registration.remove();
          await context.sync();
        },
        { reuse: registrations[0].context as Excel.RequestContext },
      );
    };
  }

  /** Right after a change the user is often typing in the next cell: wait for them (delayForCellEdit). */
  private async sheetNameOf(worksheetId: string): Promise<string | null> {
    return this.run(
      async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(worksheetId);
        ws.load("name");
        await context.sync();
        return ws.isNullObject ? null : ws.name;
      },
      { delayForCellEdit: true },
    );
  }

  async loadProfile(): Promise<StoredProfile | null> {
    this.require("profiles");
    return this.run((context) => loadProfile(context));
  }

  async saveProfile(json: string): Promise<void> {
    this.require("profiles");
    await this.run((context) => saveProfile(context, json));
  }

  private rememberSummarySheets(record: SummaryRecord, sheets: readonly { id: string; name: string }[]): void {
    this.summarySheetIds = summarySheetIds(record, sheets);
  }
}
