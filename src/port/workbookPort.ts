// The one port the task pane talks to. The Excel adapter (Office.js) and the browser
// preview (a workbook held in the page) both implement it; the UI never calls Excel directly.

import type { SheetGrid, WorkbookGrid } from "../core/grid";
import type { SheetResult } from "../core/engine";
import type { Finding, Language } from "../core/findings";
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

export interface WorkbookPort {
  readonly host: "excel" | "preview";
  /** Office's display language (or the browser's in preview), for the initial UI language. */
  displayLanguage(): Language;
  /** Reads every worksheet (or only the active one) into grids, in a bounded number of round trips. */
  readWorkbook(options?: { activeOnly?: boolean; onProgress?: (p: ReadProgress) => void }): Promise<WorkbookGrid>;
  /** Reads one worksheet (live re-validation). */
  readSheet(name: string): Promise<SheetGrid>;
  /** Activates the sheet and selects the cell or range. */
  selectCell(sheet: string, address: string): Promise<void>;
  getSelection(): Promise<CellSelection>;
  /**
   * Writes (or rebuilds) the summary sheet that hyoka owns; never touches other sheets.
   * Returns the name used (a new name when a user sheet already holds the default one).
   */
  writeSummary(results: SheetResult[], settings: Settings): Promise<{ sheetName: string }>;
  /** Marks the cells of findings; remembers each cell's previous fill. Returns cells marked. */
  highlightFindings(findings: Finding[]): Promise<number>;
  /** Restores the exact previous fill of every highlighted cell. Returns cells restored. */
  clearHighlights(): Promise<number>;
  /** Live mode: calls back with a sheet name after its cells changed. Returns an unsubscribe. */
  onSheetChanged(handler: (sheet: string) => void): Promise<() => Promise<void>>;
  /** Template profile stored in the workbook (JSON text), or null. */
  loadProfile(): Promise<string | null>;
  saveProfile(json: string): Promise<void>;
  /** What this host supports; absent = everything. */
  capabilities?(): HostCapabilities;
  /** The workbook file's bytes (for the audit report's sha256), or null when the host cannot give them. */
  fileBytes?(): Promise<Uint8Array | null>;
}
