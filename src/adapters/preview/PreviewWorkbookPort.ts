// WorkbookPort over the workbook held in the page (browser preview). The task pane talks to
// it exactly as it talks to Excel; the grid view shows what this port changes.

import type { SheetGrid, WorkbookGrid } from "../../core/grid";
import { linkWorkbook } from "../../core/report";
import type { SheetResult } from "../../core/engine";
import { SEVERITY_ORDER, type Finding, type Language, type Severity } from "../../core/findings";
import type { Settings } from "../../core/settings";
import { SUMMARY_SHEET_NAME } from "../../core/report/summaryLayout";
import type { CellSelection, HighlightOutcome, ReadProgress, StoredProfile, WorkbookPort } from "../../port/workbookPort";
import { chooseSummaryName, HIGHLIGHT_COLORS } from "../hostConventions";
import type { PreviewWorkbook } from "./previewWorkbook";

export { SUMMARY_SHEET_NAME };

/** Fill per severity: the colours the Office adapter puts on the cells of findings in Excel. */
export const HIGHLIGHT_FILLS: Record<Severity, string> = HIGHLIGHT_COLORS;

/** What the in-page summary tab shows: values plus the number formats of its cells. */
export interface SummarySheet {
  grid: SheetGrid;
  numberFormats: Map<string, string>;
}

export type SummarySheetBuilder = (
  results: SheetResult[],
  settings: Settings,
  sheetName: string,
) => SummarySheet | Promise<SummarySheet>;

/** The subset of the Web Storage API the port needs (tests pass a Map-backed one). */
export type ProfileStorage = Pick<Storage, "getItem" | "setItem">;

export interface PreviewPortOptions {
  buildSummarySheet?: SummarySheetBuilder;
  storage?: ProfileStorage | null;
  /** The browser's language list (navigator.languages), for the initial UI language. */
  languages?: readonly string[];
}

const PROFILE_KEY_PREFIX = "hyoka.profile:";

export class PreviewWorkbookPort implements WorkbookPort {
  readonly host = "preview" as const;
  /** Previous fill of every highlighted cell: `sheet\u0000A1` → colour, or null for no fill. */
  private readonly savedFills = new Map<string, string | null>();
  private lastSummary: { results: SheetResult[]; settings: Settings; sheetName: string } | null = null;

  constructor(
    readonly workbook: PreviewWorkbook,
    private readonly options: PreviewPortOptions = {},
  ) {}

  displayLanguage(): Language {
    const first = this.options.languages?.[0] ?? "";
    return first.toLowerCase().startsWith("ja") ? "ja" : "en";
  }

  async readWorkbook(options: { activeOnly?: boolean; onProgress?: (p: ReadProgress) => void } = {}): Promise<WorkbookGrid> {
    // The summary is hyoka's output, not an evaluation sheet to check.
    const sources = this.workbook.sheets.filter((s) => !s.madeByHyoka);
    const wanted = options.activeOnly ? sources.filter((s) => s.grid.name === this.workbook.activeSheet) : sources;
    const sheets: SheetGrid[] = [];
    options.onProgress?.({ done: 0, total: wanted.length });
    for (const s of wanted) {
      sheets.push(s.grid);
      options.onProgress?.({ done: sheets.length, total: wanted.length });
    }
    return { sheets };
  }

  async readSheet(name: string): Promise<SheetGrid> {
    const found = this.workbook.sheet(name);
    if (!found) throw new Error(`no sheet named ${name}`);
    return found.grid;
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.workbook.select(sheet, address);
  }

  async getSelection(): Promise<CellSelection> {
    const sel = this.workbook.selection;
    if (!sel) throw new Error("the workbook has no sheet");
    return { ...sel };
  }

  async writeSummary(results: SheetResult[], settings: Settings): Promise<{ sheetName: string }> {
    const sheetName = this.summarySheetName();
    const build = this.options.buildSummarySheet ?? (await import("./summarySheet")).buildSummarySheet;
    const summary = await build(results, settings, sheetName);
    this.workbook.putHyokaSheet({ ...summary.grid, name: sheetName }, summary.numberFormats);
    this.workbook.activate(sheetName);
    this.lastSummary = { results, settings, sheetName };
    return { sheetName };
  }

  /** The last written summary as an .xlsx file (exceljs is loaded only now), or null. */
  async summaryWorkbookBytes(): Promise<{ fileName: string; bytes: Uint8Array } | null> {
    if (!this.lastSummary) return null;
    const { writeSummaryWorkbook } = await import("../xlsx/summaryWorkbook");
    const { results, settings } = this.lastSummary;
    // The 施策別 sheet: the workbook's sheets linked by 施策, as the pane links them.
    const { groups } = linkWorkbook(results, settings);
    const bytes = await writeSummaryWorkbook(results, settings, { links: groups });
    const base = this.workbook.name.replace(/\.xls[xm]?$/i, "") || "hyoka";
    return { fileName: `${base}-summary.xlsx`, bytes };
  }

  async highlightFindings(findings: Finding[]): Promise<HighlightOutcome> {
    const worst = new Map<string, { sheet: string; cell: string; severity: Severity }>();
    for (const f of findings) {
      if (!f.cell || !this.workbook.sheet(f.sheet)) continue;
      // A range finding marks its first cell, as Excel shows the active cell of a range.
      const cell = f.cell.split(":")[0];
      const key = cellKey(f.sheet, cell);
      const prev = worst.get(key);
      if (!prev || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[prev.severity]) {
        worst.set(key, { sheet: f.sheet, cell, severity: f.severity });
      }
    }
    for (const [key, { sheet, cell, severity }] of worst) {
      // Only the first highlight remembers the fill: re-highlighting must not save our own colour.
      if (!this.savedFills.has(key)) this.savedFills.set(key, this.workbook.sheet(sheet)!.fills.get(cell) ?? null);
      this.workbook.setFill(sheet, cell, HIGHLIGHT_FILLS[severity]);
    }
    return { cells: worst.size, protectedSheets: [] };
  }

  async clearHighlights(): Promise<HighlightOutcome> {
    let restored = 0;
    for (const [key, previous] of this.savedFills) {
      const [sheet, cell] = key.split("\u0000");
      if (this.workbook.sheet(sheet)) {
        this.workbook.setFill(sheet, cell, previous);
        restored++;
      }
    }
    this.savedFills.clear();
    return { cells: restored, protectedSheets: [] };
  }

  /** The bytes of the file the page loaded, hashed into the audit report as the CLI does. */
  async fileBytes(): Promise<Uint8Array | null> {
    return this.workbook.fileBytes;
  }

  async onSheetChanged(_handler: (sheet: string) => void): Promise<() => Promise<void>> {
    // The preview is read-only: no sheet ever changes, so there is nothing to listen to.
    return async () => undefined;
  }

  async loadProfile(): Promise<StoredProfile | null> {
    const text = this.storage()?.getItem(PROFILE_KEY_PREFIX + this.workbook.name) ?? null;
    return text === null ? null : { text, parts: 1 };
  }

  async saveProfile(json: string): Promise<void> {
    const storage = this.storage();
    if (!storage) throw new Error("this browser keeps no local storage: the profile cannot be saved");
    storage.setItem(PROFILE_KEY_PREFIX + this.workbook.name, json);
  }

  private storage(): ProfileStorage | null {
    if (this.options.storage !== undefined) return this.options.storage;
    try {
      return typeof localStorage === "undefined" ? null : localStorage;
    } catch {
      // Some browsers throw on localStorage access when storage is blocked.
      return null;
    }
  }

  /** hyoka's own sheet keeps its name; a user sheet of that name is left alone (as in Excel). */
  private summarySheetName(): string {
    // The preview knows its own sheets by name (madeByHyoka), where Excel needs worksheet ids.
    const sheets = this.workbook.sheets.map((s) => ({ name: s.grid.name, id: s.grid.name }));
    const hyokaSheets = new Set(this.workbook.sheets.filter((s) => s.madeByHyoka).map((s) => s.grid.name));
    return chooseSummaryName(SUMMARY_SHEET_NAME, sheets, hyokaSheets);
  }
}

function cellKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}
