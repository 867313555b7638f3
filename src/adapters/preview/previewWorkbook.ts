// The workbook held in the page in preview mode: the grids read from an .xlsx (or the
// bundled samples), the fills hyoka puts on cells, the selection, and the summary sheet once
// written. The grid view renders it and the PreviewWorkbookPort changes it; both listen here.

import { fromA1, toA1, type SheetGrid } from "../../core/grid";

export interface PreviewSheet {
  grid: SheetGrid;
  /** Background fills by A1 address (CSS colours); a cell absent here has no fill. */
  fills: Map<string, string>;
  /** Number formats by A1 address (e.g. `0.0%` on summary rates); absent = General. */
  numberFormats: Map<string, string>;
  /** True for a sheet hyoka wrote (the summary); such sheets are output, never checked. */
  madeByHyoka: boolean;
}

export interface PreviewSelection {
  sheet: string;
  /** A1 address or range without `$`. */
  address: string;
}

export type PreviewListener = () => void;

export class PreviewWorkbook {
  private sheetList: PreviewSheet[] = [];
  private active = "";
  private selected: PreviewSelection | null = null;
  private readonly lastSelection = new Map<string, string>();
  private readonly listeners = new Set<PreviewListener>();
  /** Bumped on every change so React can use it as a snapshot. */
  private revision = 0;

  constructor(
    /** The file name, also the key of the stored profile. */
    public name = "",
    sheets: SheetGrid[] = [],
  ) {
    this.replaceAll(name, sheets);
  }

  get sheets(): readonly PreviewSheet[] {
    return this.sheetList;
  }

  get activeSheet(): string {
    return this.active;
  }

  get selection(): PreviewSelection | null {
    return this.selected;
  }

  get version(): number {
    return this.revision;
  }

  subscribe(listener: PreviewListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The loaded file's bytes (for the audit report's sha256), or null for grids built in the page. */
  fileBytes: Uint8Array | null = null;

  /** Loads another workbook: every sheet, fill and the selection of the previous one go. */
  replaceAll(name: string, sheets: SheetGrid[], fileBytes: Uint8Array | null = null): void {
    this.name = name;
    this.fileBytes = fileBytes;
    this.sheetList = sheets.map((grid) => ({
      grid,
      fills: new Map(),
      numberFormats: new Map(),
      madeByHyoka: false,
    }));
    this.lastSelection.clear();
    this.active = sheets[0]?.name ?? "";
    const first = sheets[0];
    this.selected = first ? { sheet: first.name, address: toA1(first.top, first.left) } : null;
    this.changed();
  }

  sheet(name: string): PreviewSheet | undefined {
    return this.sheetList.find((s) => s.grid.name === name);
  }

  /** Shows another sheet with the selection it had (as Excel keeps one per sheet). */
  activate(name: string): void {
    const target = this.sheet(name);
    if (!target || this.active === name) return;
    if (this.selected) this.lastSelection.set(this.selected.sheet, this.selected.address);
    this.active = name;
    this.selected = { sheet: name, address: this.lastSelection.get(name) ?? toA1(target.grid.top, target.grid.left) };
    this.changed();
  }

  /** Activates the sheet and selects the cell or range (the grid view scrolls to it). */
  select(sheet: string, address: string): void {
    if (!this.sheet(sheet)) throw new Error(`no sheet named ${sheet}`);
    const bare = address.replace(/\$/g, "").toUpperCase();
    // Validates both ends before anything changes.
    for (const end of bare.split(":")) fromA1(end);
    this.active = sheet;
    this.selected = { sheet, address: bare };
    this.changed();
  }

  /** Sets (colour) or removes (null) the fill of one cell. */
  setFill(sheet: string, address: string, colour: string | null): void {
    const target = this.sheet(sheet);
    if (!target) throw new Error(`no sheet named ${sheet}`);
    if (colour === null) target.fills.delete(address);
    else target.fills.set(address, colour);
    this.changed();
  }

  /** Adds a sheet hyoka made, or replaces hyoka's own sheet of that name, as the last tab. */
  putHyokaSheet(grid: SheetGrid, numberFormats: Map<string, string>): void {
    const existing = this.sheetList.findIndex((s) => s.grid.name === grid.name);
    if (existing >= 0 && !this.sheetList[existing].madeByHyoka) {
      throw new Error(`sheet ${grid.name} belongs to the user`);
    }
    if (existing >= 0) this.sheetList.splice(existing, 1);
    this.sheetList.push({ grid, fills: new Map(), numberFormats, madeByHyoka: true });
    this.changed();
  }

  private changed(): void {
    this.revision++;
    for (const l of [...this.listeners]) l();
  }
}
