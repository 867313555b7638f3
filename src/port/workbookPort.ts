// The one port the task pane talks to. The Excel adapter (Office.js) and the browser
// preview (a workbook held in the page) both implement it; the UI never calls Excel directly.

import type { SheetGrid, WorkbookGrid } from "../core/grid";
import type { SheetResult } from "../core/engine";
import type { Finding, Language, LocalizedText } from "../core/findings";
import type { Settings } from "../core/settings";

export interface ReadProgress {
  done: number;
  total: number;
}

export interface CellSelection {
  sheet: string;
  /** A1 address or range without `$`, e.g. `C12` or `B40:E45`. */
  address: string;
}

/** What the host can do; a front end hides or explains what is missing instead of failing. */
export interface HostCapabilities {
  /** Template profiles saved in the workbook (loadProfile / saveProfile). */
  profiles: boolean;
  /** onSheetChanged. */
  liveMode: boolean;
  /** highlightFindings / clearHighlights. */
  highlights: boolean;
  /** Merged areas are read; without them fields in merged cells may be missed. */
  mergedCells: boolean;
}

/** What highlighting or clearing did. */
export interface HighlightOutcome {
  /** Cells marked (highlight) or given back their fill (clear). */
  cells: number;
  /**
   * Protected sheets left untouched: highlighting is refused there up front, and highlights
   * made before a sheet was protected stay remembered until it can be cleared.
   */
  protectedSheets: string[];
}

/** A template profile stored in the workbook. */
export interface StoredProfile {
  /** Profile JSON. */
  text: string;
  /** Copies found in the workbook: above 1, they were merged into `text` (the next save keeps one). */
  parts: number;
}

/** Where the pane runs: for the diagnostics view and for choosing how to export. */
export interface HostInfo {
  /** "Excel" in Excel; "preview" in the browser preview. */
  host: string;
  /** Office.context.platform: PC, Mac, OfficeOnline, iOS… ("browser" in the preview). */
  platform: string;
  /** Office's version (Office.context.diagnostics.version), or the browser's. */
  version: string;
  /** Requirement sets asked about and whether the host has them. */
  requirementSets: { name: string; version: string; supported: boolean }[];
  /** False where a file download from the pane does nothing (Excel for Mac and iPad). */
  downloads: boolean;
}

/** selectCell refused: the sheet is hidden. The pane offers "unhide and go" unless it is very hidden. */
export class HiddenSheetError extends Error {
  readonly code = "HiddenSheet";
  readonly text: LocalizedText;
  constructor(
    readonly sheet: string,
    readonly veryHidden: boolean,
  ) {
    const text: LocalizedText = veryHidden
      ? {
          ja: `シート「${sheet}」は非表示 (VeryHidden) のため移動できません。指摘の内容は一覧で確認してください。`,
          en: `Sheet "${sheet}" is very hidden, so the pane cannot go to it; the finding is shown in the list.`,
        }
      : { ja: `シート「${sheet}」は非表示になっています。`, en: `Sheet "${sheet}" is hidden.` };
    super(text.en);
    this.text = text;
  }
}

export function isHiddenSheetError(error: unknown): error is HiddenSheetError {
  return error instanceof HiddenSheetError;
}

export interface WorkbookPort {
  readonly host: "excel" | "preview";
  /** Office's display language (or the browser's in preview), for the initial UI language. */
  displayLanguage(): Language;
  /** Reads every worksheet (or only the active one) into grids, in a bounded number of round trips. */
  readWorkbook(options?: { activeOnly?: boolean; onProgress?: (p: ReadProgress) => void }): Promise<WorkbookGrid>;
  /** Reads one worksheet (live re-validation): waits while the user edits a cell. */
  readSheet(name: string): Promise<SheetGrid>;
  /**
   * Activates the sheet and selects the cell or range. A hidden sheet rejects with
   * HiddenSheetError unless `unhide` (the user asked to unhide it); a very hidden one always does.
   */
  selectCell(sheet: string, address: string, options?: { unhide?: boolean }): Promise<void>;
  getSelection(): Promise<CellSelection>;
  /**
   * Writes (or rebuilds) the summary sheet that hyoka owns; never touches other sheets.
   * Returns the name used (a new name when a user sheet already holds the default one).
   */
  writeSummary(results: SheetResult[], settings: Settings): Promise<{ sheetName: string }>;
  /** Marks the cells of findings; remembers each cell's previous fill. */
  highlightFindings(findings: Finding[]): Promise<HighlightOutcome>;
  /** Restores the exact previous fill of every highlighted cell. */
  clearHighlights(): Promise<HighlightOutcome>;
  /**
   * Live mode: calls back with a sheet name after its cells changed; `onError` gets what fails
   * while handling a change (nothing is left to reject unhandled). Returns an unsubscribe.
   */
  onSheetChanged(handler: (sheet: string) => void, onError?: (error: unknown) => void): Promise<() => Promise<void>>;
  /** Template profile stored in the workbook, or null. */
  loadProfile(): Promise<StoredProfile | null>;
  saveProfile(json: string): Promise<void>;
  /** What this host supports; absent = everything. */
  capabilities?(): HostCapabilities;
  /** The workbook file's bytes (for the audit report's sha256), or null when the host cannot give them. */
  fileBytes?(): Promise<Uint8Array | null>;
  /** Host, platform, version and requirement sets; absent = a host that downloads files normally. */
  hostInfo?(): HostInfo;
}
