// A WorkbookPort over an in-memory workbook that records what the pane asks of it.
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import type { SheetResult } from "../../src/core/engine";
import type { Finding, Language } from "../../src/core/findings";
import type { Settings } from "../../src/core/settings";
import { HiddenSheetError, type CellSelection, type HighlightOutcome, type HostCapabilities, type HostInfo, type ReadProgress, type StoredProfile, type WorkbookPort } from "../../src/port/workbookPort";

export class FakePort implements WorkbookPort {
  readonly host = "preview" as const;
  readonly calls = { readWorkbook: 0, readSheet: [] as string[], selectCell: [] as CellSelection[], writeSummary: 0, highlight: 0, clear: 0, loadProfile: 0 };
  /** Set to play an older Excel host (WorkbookPort.capabilities). */
  capabilities?: () => HostCapabilities;
  /** Set to give the workbook file's bytes (WorkbookPort.fileBytes). */
  fileBytes?: () => Promise<Uint8Array | null>;
  /** Set to play a particular host (WorkbookPort.hostInfo): Excel for Mac, Excel on the web… */
  hostInfo?: () => HostInfo;
  /** Thrown by the next readWorkbook, e.g. an Office error while a cell is edited. */
  failNextRead: unknown = null;
  /** Thrown by the next readSheet (live mode). */
  failNextReadSheet: unknown = null;
  /** Sheet name → visibility, for sheets that are not visible. */
  hidden = new Map<string, "Hidden" | "VeryHidden">();
  highlighted: Finding[] = [];
  summaryResults: SheetResult[] = [];
  summarySettings: Settings | null = null;
  private changeHandlers = new Set<(sheet: string) => void>();
  /** Resolves a pending readWorkbook: set when `holdReads` is true. */
  releaseRead: (() => void) | null = null;
  holdReads = false;
  unsubscribed = 0;

  constructor(
    public workbook: WorkbookGrid,
    private language: Language = "ja",
  ) {}

  displayLanguage(): Language {
    return this.language;
  }

  async readWorkbook(options?: { activeOnly?: boolean; onProgress?: (p: ReadProgress) => void }): Promise<WorkbookGrid> {
    this.calls.readWorkbook++;
    if (this.failNextRead !== null) {
      const error = this.failNextRead;
      this.failNextRead = null;
      throw error;
    }
    const total = this.workbook.sheets.length;
    options?.onProgress?.({ done: 0, total });
    if (this.holdReads) await new Promise<void>((resolve) => (this.releaseRead = resolve));
    options?.onProgress?.({ done: total, total });
    return { sheets: this.workbook.sheets.map(copyGrid) };
  }

  async readSheet(name: string): Promise<SheetGrid> {
    this.calls.readSheet.push(name);
    if (this.failNextReadSheet !== null) {
      const error = this.failNextReadSheet;
      this.failNextReadSheet = null;
      throw error;
    }
    const grid = this.workbook.sheets.find((s) => s.name === name);
    if (!grid) throw Object.assign(new Error(`no sheet ${name}`), { code: "ItemNotFound" });
    return copyGrid(grid);
  }

  async selectCell(sheet: string, address: string, options: { unhide?: boolean } = {}): Promise<void> {
    const visibility = this.hidden.get(sheet);
    if (visibility === "VeryHidden" || (visibility && !options.unhide)) throw new HiddenSheetError(sheet, visibility === "VeryHidden");
    this.hidden.delete(sheet);
    this.calls.selectCell.push({ sheet, address });
  }

  /** What the user selected in the workbook; else the last cell the pane selected. */
  selection: CellSelection | null = null;

  async getSelection(): Promise<CellSelection> {
    if (this.selection) return this.selection;
    return this.calls.selectCell[this.calls.selectCell.length - 1] ?? { sheet: this.workbook.sheets[0]?.name ?? "", address: "A1" };
  }

  async writeSummary(results: SheetResult[], settings: Settings): Promise<{ sheetName: string }> {
    this.calls.writeSummary++;
    this.summaryResults = results;
    this.summarySettings = settings;
    return { sheetName: "達成率サマリー" };
  }

  /** Sheets the next highlight or clear reports as protected (left alone). */
  protectedSheets: string[] = [];

  async highlightFindings(findings: Finding[]): Promise<HighlightOutcome> {
    this.calls.highlight++;
    this.highlighted = findings.filter((f) => !this.protectedSheets.includes(f.sheet));
    return { cells: new Set(this.highlighted.map((f) => `${f.sheet}!${f.cell}`)).size, protectedSheets: [...new Set(findings.filter((f) => this.protectedSheets.includes(f.sheet)).map((f) => f.sheet))] };
  }

  async clearHighlights(): Promise<HighlightOutcome> {
    this.calls.clear++;
    const n = new Set(this.highlighted.map((f) => `${f.sheet}!${f.cell}`)).size;
    this.highlighted = [];
    return { cells: n, protectedSheets: [] };
  }

  async onSheetChanged(handler: (sheet: string) => void): Promise<() => Promise<void>> {
    this.changeHandlers.add(handler);
    return async () => {
      this.unsubscribed++;
      this.changeHandlers.delete(handler);
    };
  }

  get listeners(): number {
    return this.changeHandlers.size;
  }

  /** Edits a cell (sheet coordinates, 0-based) and fires the change event as Excel would. */
  edit(sheet: string, row: number, col: number, value: SheetGrid["values"][number][number]): void {
    const grid = this.workbook.sheets.find((s) => s.name === sheet);
    if (!grid) throw new Error(`no sheet ${sheet}`);
    const r = row - grid.top;
    while (grid.values.length <= r) grid.values.push([]);
    grid.values[r][col - grid.left] = value;
    for (const handler of this.changeHandlers) handler(sheet);
  }

  /** The profile JSON kept "in the workbook", and how many copies of it there are. */
  storedProfile: string | null = null;
  storedParts = 1;
  savedProfiles: string[] = [];

  async loadProfile(): Promise<StoredProfile | null> {
    this.calls.loadProfile++;
    return this.storedProfile === null ? null : { text: this.storedProfile, parts: this.storedParts };
  }

  async saveProfile(json: string): Promise<void> {
    this.savedProfiles.push(json);
    this.storedProfile = json;
  }
}

function copyGrid(grid: SheetGrid): SheetGrid {
  return { ...grid, values: grid.values.map((row) => row.slice()), merges: grid.merges.map((m) => ({ ...m })) };
}
