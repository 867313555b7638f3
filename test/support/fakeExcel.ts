// A fake Excel RequestContext that behaves like Office where adapters can get it wrong:
// - reading a property that was not load()ed and synced throws PropertyNotLoaded;
// - every write, load and method is queued and only applied, in order, at sync();
// - a batch is not a transaction: operations before a failing one stay applied, and a sync
//   that fails returns nothing it loaded;
// - *OrNullObject proxies know isNullObject only after a sync;
// - sync() calls are counted (Excel.run's closing flush counts too, as in Office);
// - every API above ExcelApi 1.1 is tagged with its requirement set (API_SETS, from the
//   `[Api set: ExcelApi x.y]` tags of @types/office-js) and, on a fake set to an older
//   `apiVersion`, fails the sync with ApiNotFound as Office does.
// Where Microsoft's reference pages or the office-js issue tracker say real Excel differs from
// what an adapter would assume, the fake does what they say (each place cites its source):
// cell-edit mode, fill read-backs, protected sheets, worksheet ids across a reopen, the
// merged-area limit, duplicate custom XML parts, hidden sheets, write payloads on the web,
// and how text written to a cell is parsed.
// office-addin-mock does none of this and cannot mock collections (TOOLCHAIN.md).
// Tables, charts and conditional formats are recorded, not rendered.

import { boxToA1, fromA1, type CellError, type RangeBox } from "../../src/core/grid";
import { excelInputValue, type InputLocale } from "./excelInput";

export type Scalar = string | number | boolean;

/**
 * A cell fill as Excel keeps it. No fill is a cell without `fill`. Excel reads a fill back
 * differently (office-js#4900, #6218): see `fillAsRead`.
 */
export interface FakeFill {
  /** #RRGGBB as Excel resolves it (for a theme colour, the theme's RGB). */
  color: string;
  /** Absent = "Solid". */
  pattern?: string;
  patternColor?: string | null;
  /** Absent = 0 (the colour itself). */
  tintAndShade?: number;
  patternTintAndShade?: number;
  /** A theme colour ("Accent1"…): Office.js reads its RGB and tint, never the theme link. */
  theme?: string;
}

export interface FakeCell {
  value?: Scalar | CellError | null;
  formula?: string;
  numberFormat?: string;
  fill?: FakeFill;
  note?: string;
  /** Excel locks every cell by default; false = unlocked (editable on a protected sheet). */
  locked?: false;
}

/**
 * Worksheet protection (Worksheet.protection, ExcelApi 1.2). Excel refuses a write to a
 * locked cell of a protected sheet with AccessDenied ("You cannot perform the requested
 * operation.", the message office-js#1501 and #421 show); formats only when the protection
 * allows formatting cells (WorksheetProtectionOptions.allowFormatCells).
 */
export interface FakeProtection {
  allowFormatCells?: boolean;
}

export interface FakeSheetSpec {
  name: string;
  /** A1 → value or full cell. */
  cells?: Record<string, Scalar | CellError | null | FakeCell>;
  /** Merged ranges as A1, e.g. `B2:D2`. */
  merges?: string[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protection?: FakeProtection;
}

export interface RecordedObject {
  kind: "table" | "chart" | "conditionalFormat" | "format";
  sheet: string;
  /** Address or source the object was created on. */
  address: string;
  args: unknown[];
  /** Every property set on the object or its sub-objects, by path (`title.text`). */
  props: Record<string, unknown>;
  /** Every method called on it, by path, with arguments. */
  calls: { path: string; args: unknown[] }[];
}

export class PropertyNotLoadedError extends Error {
  readonly code = "PropertyNotLoaded";
  constructor(what: string) {
    super(`The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
  }
}

export class FakeOfficeError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/**
 * Requirement set of every member the fake implements above ExcelApi 1.1 (everything else it
 * implements is 1.1): Range.values/valueTypes/formulas/numberFormat/address, RangeFill.color
 * and clear, RangeFont, tables.add, charts.add (title, legend, setPosition), Worksheet
 * name/id/visibility/position/activate/delete/getRange/getUsedRange, getActiveWorksheet,
 * getSelectedRange, Range.select/clear/getCell.
 */
export const API_SETS = {
  "Workbook.settings": "1.4",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "WorksheetCollection.getCount": "1.4",
  "WorksheetCollection.onChanged": "1.9",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Worksheet.onChanged": "1.7",
  "Workbook.customXmlParts": "1.5",
  "Range.conditionalFormats": "1.6",
  "Range.getMergedAreasOrNullObject": "1.13",
  "Range.getCellProperties": "1.9",
  "RangeFill.pattern": "1.9",
  "RangeFill.patternColor": "1.9",
  "RangeFill.tintAndShade": "1.9",
  "RangeFill.patternTintAndShade": "1.9",
  "Worksheet.protection": "1.2",
  "NamedItemCollection.add": "1.4",
  "NamedItemCollection.getItemOrNullObject": "1.4",
  "NamedItem.getRangeOrNullObject": "1.4",
  "NamedItem.delete": "1.4",
  "RangeFormat.columnWidth": "1.2",
  "RangeFormat.autofitColumns": "1.2",
  "ChartAxis.numberFormat": "1.8",
} as const;

export type TaggedApi = keyof typeof API_SETS;

/** "1.13" vs "1.9" compared as versions, not strings. */
export function compareSets(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

function apiNotFound(api: TaggedApi): FakeOfficeError {
  // Office's own wording (office_strings: L_ApiNotFoundDetails).
  return new FakeOfficeError("ApiNotFound", `The method or property ${api} is part of the ExcelApi ${API_SETS[api]} requirement set, which is not available in your version of Excel.`);
}

interface SheetData {
  id: string;
  name: string;
  visibility: string;
  cells: Map<string, FakeCell>;
  merges: RangeBox[];
  deleted: boolean;
  /** Null when the sheet is not protected. */
  protection: FakeProtection | null;
}

/**
 * Getting merged areas of a range holding more than this many fails: the reference of
 * Range.getMergedAreasOrNullObject ("if the merged areas count in this range is more than 512,
 * then this method will fail to return the result").
 */
export const MERGED_AREAS_LIMIT = 512;

/** Characters a cell can hold (Excel specifications and limits). */
export const CELL_TEXT_LIMIT = 32_767;

/** Office's message for AccessDenied (office-js#1501, #421). */
const ACCESS_DENIED = "You cannot perform the requested operation.";

/** The fill as Excel reads it back (RangeFill properties and getCellProperties alike). */
export function fillAsRead(fill: FakeFill | undefined): {
  color: string;
  pattern: string | null;
  patternColor: string;
  tintAndShade: number | null;
  patternTintAndShade: number | null;
} {
  // office-js#6218: color reads #FFFFFF for no fill. office-js#4900: pattern reads null for no fill
  // and for a solid white fill (the fake returns null for every solid fill, the strictest reading);
  // Microsoft's answer there: tintAndShade is null for no fill and a number for any fill.
  if (!fill) return { color: "#FFFFFF", pattern: null, patternColor: "#000000", tintAndShade: null, patternTintAndShade: null };
  const pattern = fill.pattern ?? "Solid";
  return {
    color: fill.color,
    pattern: pattern === "Solid" ? null : pattern,
    patternColor: fill.patternColor ?? "#000000",
    tintAndShade: fill.tintAndShade ?? 0,
    patternTintAndShade: fill.patternTintAndShade ?? 0,
  };
}

const key = (r: number, c: number) => `${r},${c}`;

function parseBox(address: string): RangeBox {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = bare.split(":");
  const p = fromA1(a);
  const q = b ? fromA1(b) : p;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** Excel quotes sheet names holding anything but letters, digits, _ and . in addresses. */
export function qualifiedAddress(sheet: string, box: RangeBox): string {
  const quoted = /^[\p{L}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${boxToA1(box)}`;
}

function isError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}

function normalizeLoad(arg: unknown): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => normalizeLoad(a));
  if (typeof arg === "object" && arg !== null && "select" in arg) return normalizeLoad((arg as { select: unknown }).select);
  return [];
}

export class FakeClientResult<T> {
  private resolved = false;
  private v!: T;
  constructor(private readonly fake?: FakeExcel) {}
  set(v: T): void {
    this.v = v;
    this.resolved = true;
    this.fake?.undoIfSyncFails(() => (this.resolved = false));
  }
  get value(): T {
    if (!this.resolved) throw new PropertyNotLoadedError("ClientResult.value");
    return this.v;
  }
}

/** Base for proxies: load() queues a read; reads of unloaded properties throw. */
abstract class FakeObject {
  private loadedProps = new Map<string, unknown>();
  constructor(protected readonly fake: FakeExcel) {}
  get context(): FakeRequestContext {
    return this.fake.context;
  }
  load(arg?: unknown): this {
    const names = normalizeLoad(arg);
    this.fake.enqueue(() => this.applyLoad(names.length ? names : this.defaultProps()));
    return this;
  }
  /** Runs at sync time, in queue order. */
  applyLoad(names: string[]): void {
    if (this.isNull()) return; // Office loads nothing into a null object, without an error
    const nested = new Map<string, string[]>();
    for (const n of names) {
      const slash = n.indexOf("/");
      if (slash < 0) {
        const had = this.loadedProps.has(n);
        const previous = this.loadedProps.get(n);
        this.loadedProps.set(n, this.readProp(n));
        // A sync that fails returns nothing: put back what was there before.
        this.fake.undoIfSyncFails(() => (had ? this.loadedProps.set(n, previous) : this.loadedProps.delete(n)));
      }
      else {
        const head = n.slice(0, slash);
        nested.set(head, [...(nested.get(head) ?? []), n.slice(slash + 1)]);
      }
    }
    for (const [head, rest] of nested) {
      const child = this.child(head);
      if (!child) throw new FakeOfficeError("InvalidArgument", `cannot load ${head}/…`);
      child.applyLoad(rest);
    }
  }
  protected got<T>(name: string): T {
    if (!this.loadedProps.has(name)) throw new PropertyNotLoadedError(`${this.constructor.name}.${name}`);
    return this.loadedProps.get(name) as T;
  }
  protected defaultProps(): string[] {
    return [];
  }
  protected isNull(): boolean {
    return false;
  }
  protected abstract readProp(name: string): unknown;
  protected child(_name: string): FakeObject | undefined {
    return undefined;
  }
}

/** Objects obtained with *OrNullObject: isNullObject is known after a sync. */
abstract class FakeNullable extends FakeObject {
  private resolvedNull: boolean | undefined;
  protected markResolved(isNull: boolean): void {
    this.resolvedNull = isNull;
  }
  protected override isNull(): boolean {
    return this.resolvedNull === true;
  }
  get isNullObject(): boolean {
    if (this.resolvedNull === undefined) throw new PropertyNotLoadedError(`${this.constructor.name}.isNullObject`);
    return this.resolvedNull;
  }
}

// ---------------------------------------------------------------------------------------
// Ranges

const FILL_PROPS = ["color", "pattern", "patternColor", "tintAndShade", "patternTintAndShade"] as const;
type FillProp = (typeof FILL_PROPS)[number];

class FakeRangeFill extends FakeObject {
  constructor(fake: FakeExcel, private readonly range: FakeRange) {
    super(fake);
  }
  protected readProp(name: string): unknown {
    if (!(FILL_PROPS as readonly string[]).includes(name)) throw new FakeOfficeError("InvalidArgument", `RangeFill.${name}`);
    if (name !== "color") this.fake.checkApi(`RangeFill.${name}` as TaggedApi);
    // A range whose cells differ reads null ("doesn't have a uniform … setting").
    const values = this.range.cellsIn().map((c) => fillAsRead(c?.fill)[name as FillProp]);
    return values.every((v) => v === values[0]) ? values[0] : null;
  }
  /** A fill property written to every cell of the range (a format write: refused on locked cells of a protected sheet). */
  private write(apply: (cell: FakeCell) => void): void {
    this.range.writeCells("format", apply);
  }
  get color(): string {
    return this.got("color");
  }
  set color(v: string) {
    // An RGB colour replaces a theme colour; the tint and any pattern stay as they were.
    this.write((c) => {
      const fill: FakeFill = { ...(c.fill ?? { color: v }), color: v };
      delete fill.theme;
      c.fill = fill;
    });
  }
  get pattern(): string {
    return this.got("pattern");
  }
  set pattern(v: string) {
    this.fake.gate("RangeFill.pattern");
    this.write((c) => {
      if (v === "None") delete c.fill;
      else if (v === "Solid") {
        // A solid fill shows no pattern colour: kept as the plain fill it is.
        const fill: FakeFill = { ...(c.fill ?? { color: "#FFFFFF" }) };
        delete fill.pattern;
        delete fill.patternColor;
        delete fill.patternTintAndShade;
        c.fill = fill;
      } else c.fill = { ...(c.fill ?? { color: "#FFFFFF" }), pattern: v };
    });
  }
  get patternColor(): string {
    return this.got("patternColor");
  }
  set patternColor(v: string) {
    this.fake.gate("RangeFill.patternColor");
    this.write((c) => c.fill && (c.fill.patternColor = v));
  }
  get tintAndShade(): number {
    return this.got("tintAndShade");
  }
  set tintAndShade(v: number) {
    this.fake.gate("RangeFill.tintAndShade");
    this.write((c) => c.fill && (v === 0 ? delete c.fill.tintAndShade : (c.fill.tintAndShade = v)));
  }
  get patternTintAndShade(): number {
    return this.got("patternTintAndShade");
  }
  set patternTintAndShade(v: number) {
    this.fake.gate("RangeFill.patternTintAndShade");
    this.write((c) => c.fill && (v === 0 ? delete c.fill.patternTintAndShade : (c.fill.patternTintAndShade = v)));
  }
  clear(): void {
    this.write((c) => delete c.fill);
  }
}

class FakeRangeFormat extends FakeObject {
  readonly fill: FakeRangeFill;
  readonly font: Record<string, unknown>;
  constructor(fake: FakeExcel, private readonly range: FakeRange) {
    super(fake);
    this.fill = new FakeRangeFill(fake, range);
    // Fonts, widths and alignment only matter on hyoka's own sheet: recorded, not modelled.
    this.font = fake.recorder(range.formatLog, "font");
  }
  protected readProp(name: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `RangeFormat.${name}`);
  }
  protected override child(name: string): FakeObject | undefined {
    return name === "fill" ? this.fill : undefined;
  }
  set columnWidth(v: number) {
    this.fake.gate("RangeFormat.columnWidth");
    this.fake.enqueue(() => (this.range.formatLog.props.columnWidth = v));
  }
  set wrapText(v: boolean) {
    this.fake.enqueue(() => (this.range.formatLog.props.wrapText = v));
  }
  set horizontalAlignment(v: string) {
    this.fake.enqueue(() => (this.range.formatLog.props.horizontalAlignment = v));
  }
  autofitColumns(): void {
    this.fake.gate("RangeFormat.autofitColumns");
    this.fake.enqueue(() => this.range.formatLog.calls.push({ path: "autofitColumns", args: [] }));
  }
}

class FakeRangeCollection extends FakeObject {
  private list: FakeRange[] | undefined;
  constructor(fake: FakeExcel, private readonly source: () => FakeRange[]) {
    super(fake);
  }
  override applyLoad(names: string[]): void {
    this.list = this.source();
    const itemProps = names.map((n) => (n.startsWith("items/") ? n.slice(6) : n)).filter((n) => n !== "items");
    for (const r of this.list) r.applyLoad(itemProps);
  }
  protected readProp(): unknown {
    return undefined;
  }
  get items(): FakeRange[] {
    if (!this.list) throw new PropertyNotLoadedError("RangeCollection.items");
    return this.list;
  }
}

class FakeRangeAreas extends FakeNullable {
  readonly areas: FakeRangeCollection;
  private merged: RangeBox[] = [];
  constructor(fake: FakeExcel, private readonly range: FakeRange) {
    super(fake);
    this.areas = new FakeRangeCollection(fake, () => this.merged.map((b) => new FakeRange(fake, () => this.range.sheet(), b)));
    fake.enqueue(() => {
      const b = this.range.box();
      const sheet = this.range.sheet();
      const merged = sheet.merges.filter((m) => m.top <= b.bottom && m.bottom >= b.top && m.left <= b.right && m.right >= b.left);
      // The reference names no error code for this failure; the fake uses Office's catch-all.
      if (merged.length > MERGED_AREAS_LIMIT)
        throw new FakeOfficeError("GeneralException", "There was an internal error while processing the request.");
      this.merged = merged;
      this.markResolved(merged.length === 0);
    });
  }
  protected readProp(name: string): unknown {
    if (name === "address") return this.merged.map((m) => qualifiedAddress(this.range.sheet().name, m)).join(", ");
    if (name === "areaCount") return this.merged.length;
    throw new FakeOfficeError("InvalidArgument", `RangeAreas.${name}`);
  }
  protected override child(name: string): FakeObject | undefined {
    return name === "areas" ? this.areas : undefined;
  }
  get address(): string {
    return this.got("address");
  }
}

export class FakeRange extends FakeNullable {
  readonly format: FakeRangeFormat;
  readonly formatLog: RecordedObject;
  private resolvedBox: RangeBox | null | undefined;
  constructor(
    fake: FakeExcel,
    readonly sheet: () => SheetData,
    box: RangeBox | (() => RangeBox | null),
  ) {
    super(fake);
    if (typeof box === "function") {
      fake.enqueue(() => {
        this.resolvedBox = box();
        this.markResolved(this.resolvedBox === null);
      });
    } else {
      this.resolvedBox = box;
      this.markResolved(false);
    }
    this.formatLog = { kind: "format", sheet: "", address: "", args: [], props: {}, calls: [] };
    this.format = new FakeRangeFormat(fake, this);
  }
  box(): RangeBox {
    if (!this.resolvedBox) throw new FakeOfficeError("InvalidOperation", "range is a null object or not yet resolved");
    return this.resolvedBox;
  }
  /** Cells of the range, created on demand (only for writes). */
  eachCell(f: (c: FakeCell) => void): void {
    const b = this.box();
    const cells = this.sheet().cells;
    for (let r = b.top; r <= b.bottom; r++)
      for (let c = b.left; c <= b.right; c++) {
        const k = key(r, c);
        const cell = cells.get(k) ?? {};
        f(cell);
        if (Object.keys(cell).length) cells.set(k, cell);
        else cells.delete(k);
      }
  }
  /** Cells in the range when its extent is already known (what a write request carries). */
  knownCells(): number {
    const b = this.resolvedBox;
    return b ? (b.bottom - b.top + 1) * (b.right - b.left + 1) : 1;
  }
  /** Refuses, before any cell changes, a write to a locked cell of a protected sheet (FakeProtection). */
  guardWrite(kind: "content" | "format"): void {
    const protection = this.sheet().protection;
    if (!protection || (kind === "format" && protection.allowFormatCells)) return;
    if (this.cellsIn().some((c) => c?.locked !== false)) throw new FakeOfficeError("AccessDenied", ACCESS_DENIED);
  }
  /** A queued write of every cell of the range. */
  writeCells(kind: "content" | "format", apply: (c: FakeCell) => void): void {
    this.fake.enqueueWrite(this.knownCells(), () => {
      this.guardWrite(kind);
      this.eachCell(apply);
    });
  }
  cellsIn(): (FakeCell | undefined)[] {
    const b = this.box();
    const out: (FakeCell | undefined)[] = [];
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) out.push(this.sheet().cells.get(key(r, c)));
    return out;
  }
  private matrix<T>(f: (c: FakeCell | undefined) => T): T[][] {
    const b = this.box();
    const cells = this.sheet().cells;
    const rows: T[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: T[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(f(cells.get(key(r, c))));
      rows.push(row);
    }
    return rows;
  }
  private writeMatrix(name: string, m: unknown[][], apply: (c: FakeCell, v: unknown) => void): void {
    const cost = m.reduce((n, row) => n + row.length, 0);
    this.fake.enqueueWrite(cost, () => {
      const b = this.box();
      const rows = b.bottom - b.top + 1;
      const cols = b.right - b.left + 1;
      if (m.length !== rows || m.some((row) => row.length !== cols))
        throw new FakeOfficeError("InvalidArgument", `${name}: ${m.length}×${m[0]?.length ?? 0} given for a ${rows}×${cols} range ${boxToA1(b)}`);
      this.guardWrite(name === "numberFormat" ? "format" : "content");
      const cells = this.sheet().cells;
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const k = key(b.top + r, b.left + c);
          const cell = cells.get(k) ?? {};
          apply(cell, m[r][c]);
          if (Object.keys(cell).length) cells.set(k, cell);
          else cells.delete(k);
        }
    });
  }
  protected readProp(name: string): unknown {
    const b = this.box();
    if (this.fake.valuesLimit !== undefined && (name === "values" || name === "valueTypes" || name === "formulas")) {
      const n = (b.bottom - b.top + 1) * (b.right - b.left + 1);
      if (n > this.fake.valuesLimit) return null; // Excel answers null when a read is too large
    }
    if (name === "values" || name === "valueTypes" || name === "formulas" || name === "numberFormat")
      this.fake.requestCells += (b.bottom - b.top + 1) * (b.right - b.left + 1);
    switch (name) {
      case "address":
        return qualifiedAddress(this.sheet().name, b);
      case "rowIndex":
        return b.top;
      case "columnIndex":
        return b.left;
      case "rowCount":
        return b.bottom - b.top + 1;
      case "columnCount":
        return b.right - b.left + 1;
      case "values":
        return this.matrix((c) => {
          const v = c?.value;
          if (v === undefined || v === null) return "";
          return isError(v) ? v.error : v;
        });
      case "valueTypes":
        return this.matrix((c) => {
          const v = c?.value;
          if (v === undefined || v === null || v === "") return "Empty";
          if (isError(v)) return "Error";
          return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
        });
      case "formulas":
        return this.matrix((c) => c?.formula ?? (c?.value === undefined || c?.value === null ? "" : isError(c.value) ? c.value.error : c.value));
      case "numberFormat":
        return this.matrix((c) => c?.numberFormat ?? "General");
      default:
        throw new FakeOfficeError("InvalidArgument", `Range.${name} is not modelled by the fake`);
    }
  }
  protected override child(name: string): FakeObject | undefined {
    return name === "format" ? this.format : undefined;
  }
  get address(): string {
    return this.got("address");
  }
  get rowIndex(): number {
    return this.got("rowIndex");
  }
  get columnIndex(): number {
    return this.got("columnIndex");
  }
  get rowCount(): number {
    return this.got("rowCount");
  }
  get columnCount(): number {
    return this.got("columnCount");
  }
  get values(): unknown[][] {
    return this.got("values");
  }
  set values(m: unknown[][]) {
    this.writeMatrix("values", m, (cell, v) => {
      delete cell.formula;
      if (v === "" || v === null || v === undefined) {
        delete cell.value;
        return;
      }
      // A string is parsed as if typed (excelInput.ts): a number, date, boolean or formula unless it is plain text.
      const stored = typeof v === "string" ? excelInputValue(v, this.fake.inputLocale) : { value: v as Scalar };
      // Excel specifications and limits (Microsoft): "Total number of characters that a cell can
      // contain: 32,767". The stored pages name no error for a longer text: InvalidArgument.
      if ("value" in stored && typeof stored.value === "string" && stored.value.length > CELL_TEXT_LIMIT)
        throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      if ("formula" in stored) {
        cell.formula = stored.formula;
        cell.value = this.fake.evaluate?.(stored.formula) ?? null;
      } else cell.value = stored.value;
    });
  }
  get valueTypes(): string[][] {
    return this.got("valueTypes");
  }
  get formulas(): unknown[][] {
    return this.got("formulas");
  }
  set formulas(m: unknown[][]) {
    this.values = m; // a formula starts with =; anything else is parsed as a typed value, as through values
  }
  get numberFormat(): string[][] {
    return this.got("numberFormat");
  }
  set numberFormat(m: string[][]) {
    this.writeMatrix("numberFormat", m, (cell, v) => {
      if (v === "General" || v === null) delete cell.numberFormat;
      else cell.numberFormat = v as string;
    });
  }
  get conditionalFormats(): { add(type: string): unknown } {
    return {
      add: (type: string) => {
        this.fake.gate("Range.conditionalFormats");
        return this.fake.record("conditionalFormat", this, [type]);
      },
    };
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.fake, this.sheet, () => {
      const b = this.box();
      return { top: b.top + row, left: b.left + col, bottom: b.top + row, right: b.left + col };
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.fake.gate("Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(this.fake, this);
  }
  getCellProperties(options: { address?: boolean; format?: { fill?: Record<string, boolean> } }): FakeClientResult<unknown[][]> {
    const result = new FakeClientResult<unknown[][]>(this.fake);
    this.fake.gate("Range.getCellProperties");
    this.fake.enqueue(() => {
      const b = this.box();
      // Each cell's properties come back in the response, as loaded values do.
      this.fake.requestCells += (b.bottom - b.top + 1) * (b.right - b.left + 1);
      const rows: unknown[][] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        const row: unknown[] = [];
        for (let c = b.left; c <= b.right; c++) {
          const f = this.sheet().cells.get(key(r, c))?.fill;
          const props: Record<string, unknown> = {};
          if (options.address) props.address = qualifiedAddress(this.sheet().name, { top: r, left: c, bottom: r, right: c });
          const want = options.format?.fill;
          if (want) {
            // The same read-back as RangeFill's properties (fillAsRead).
            const read = fillAsRead(f);
            props.format = { fill: Object.fromEntries(FILL_PROPS.filter((p) => want[p]).map((p) => [p, read[p]])) };
          }
          row.push(props);
        }
        rows.push(row);
      }
      result.set(rows);
    });
    return result;
  }
  select(): void {
    this.fake.enqueue(() => {
      const s = this.sheet();
      this.fake.refuseIfHidden(s);
      this.fake.data.activeSheetId = s.id;
      this.fake.data.selection = { sheetId: s.id, box: this.box() };
    });
  }
  clear(): void {
    this.writeCells("content", (c) => Object.keys(c).forEach((k) => delete (c as Record<string, unknown>)[k]));
  }
}

// ---------------------------------------------------------------------------------------
// Worksheets

class FakeProtectionOptions extends FakeObject {
  constructor(fake: FakeExcel, private readonly sheet: () => SheetData) {
    super(fake);
  }
  protected readProp(name: string): unknown {
    if (name === "allowFormatCells") return !!this.sheet().protection?.allowFormatCells;
    throw new FakeOfficeError("InvalidArgument", `WorksheetProtectionOptions.${name}`);
  }
  get allowFormatCells(): boolean {
    return this.got("allowFormatCells");
  }
}

/** Worksheet.protection (ExcelApi 1.2): whether the sheet is protected, and what it still allows. */
class FakeWorksheetProtection extends FakeObject {
  readonly options: FakeProtectionOptions;
  constructor(fake: FakeExcel, private readonly sheet: () => SheetData) {
    super(fake);
    this.options = new FakeProtectionOptions(fake, sheet);
  }
  override applyLoad(names: string[]): void {
    this.fake.checkApi("Worksheet.protection");
    super.applyLoad(names);
  }
  protected readProp(name: string): unknown {
    if (name === "protected") return this.sheet().protection !== null;
    throw new FakeOfficeError("InvalidArgument", `WorksheetProtection.${name}`);
  }
  protected override child(name: string): FakeObject | undefined {
    return name === "options" ? this.options : undefined;
  }
  get protected(): boolean {
    return this.got("protected");
  }
}

export class FakeWorksheet extends FakeNullable {
  private data: SheetData | null | undefined;
  readonly protection: FakeWorksheetProtection;
  constructor(fake: FakeExcel, lookup: SheetData | (() => SheetData | null), orNull: boolean, what: string) {
    super(fake);
    this.protection = new FakeWorksheetProtection(fake, () => this.sheetData());
    if (typeof lookup !== "function") {
      this.data = lookup; // an item of a loaded collection: already resolved
      this.markResolved(false);
      return;
    }
    fake.enqueue(() => {
      const found = lookup();
      if (!found && !orNull) throw new FakeOfficeError("ItemNotFound", `worksheet ${what} not found`);
      this.data = found;
      this.markResolved(!found);
    });
  }
  sheetData(): SheetData {
    if (!this.data) throw new FakeOfficeError("InvalidOperation", "worksheet is a null object or not yet resolved");
    if (this.data.deleted) throw new FakeOfficeError("ItemNotFound", `worksheet ${this.data.name} was deleted`);
    return this.data;
  }
  protected override defaultProps(): string[] {
    return ["name", "id", "visibility", "position"];
  }
  protected readProp(name: string): unknown {
    const d = this.sheetData();
    if (name === "name") return d.name;
    if (name === "id") return d.id;
    if (name === "visibility") return d.visibility;
    if (name === "position") return this.fake.data.sheets.filter((s) => !s.deleted).indexOf(d);
    throw new FakeOfficeError("InvalidArgument", `Worksheet.${name}`);
  }
  protected override child(name: string): FakeObject | undefined {
    return name === "protection" ? this.protection : undefined;
  }
  get name(): string {
    return this.got("name");
  }
  set name(v: string) {
    this.fake.enqueue(() => this.fake.renameSheet(this.sheetData(), v));
  }
  get id(): string {
    return this.got("id");
  }
  get visibility(): string {
    return this.got("visibility");
  }
  set visibility(v: string) {
    this.fake.enqueue(() => (this.sheetData().visibility = v));
  }
  get position(): number {
    return this.got("position");
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.fake, () => this.sheetData(), address ? parseBox(address) : () => ({ top: 0, left: 0, bottom: 1048575, right: 16383 }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.fake.gate("Worksheet.getUsedRangeOrNullObject");
    return new FakeRange(this.fake, () => this.sheetData(), () => this.fake.usedBox(this.sheetData(), !!valuesOnly));
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.fake, () => this.sheetData(), () => this.fake.usedBox(this.sheetData(), !!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  activate(): void {
    this.fake.enqueue(() => {
      this.fake.refuseIfHidden(this.sheetData());
      this.fake.data.activeSheetId = this.sheetData().id;
    });
  }
  delete(): void {
    this.fake.enqueue(() => this.fake.deleteSheet(this.sheetData()));
  }
  get tables(): { add(address: string, hasHeaders: boolean): unknown } {
    return {
      add: (address: string, hasHeaders: boolean) => {
        const range = new FakeRange(this.fake, () => this.sheetData(), parseBox(address));
        return this.fake.record("table", range, [address, hasHeaders]);
      },
    };
  }
  get charts(): { add(type: string, source: FakeRange, seriesBy?: string): unknown } {
    return {
      add: (type: string, source: FakeRange, seriesBy?: string) => this.fake.record("chart", source, [type, seriesBy]),
    };
  }
  /** Changes on this sheet only (ExcelApi 1.7). */
  get onChanged(): { add(handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>): FakeEventRegistration } {
    return {
      add: (handler) => {
        this.fake.gate("Worksheet.onChanged");
        let sheetId = "";
        this.fake.enqueue(() => (sheetId = this.sheetData().id));
        return this.fake.addHandler(handler, () => sheetId);
      },
    };
  }
}

class FakeWorksheetCollection extends FakeObject {
  private list: FakeWorksheet[] | undefined;
  readonly onChanged = {
    add: (handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>) => {
      this.fake.gate("WorksheetCollection.onChanged");
      return this.fake.addHandler(handler, null);
    },
  };
  override applyLoad(names: string[]): void {
    this.list = this.fake.data.sheets.filter((s) => !s.deleted).map((s) => new FakeWorksheet(this.fake, s, false, s.name));
    const itemProps = names.map((n) => (n.startsWith("items/") ? n.slice(6) : n)).filter((n) => n !== "items");
    for (const ws of this.list) ws.applyLoad(itemProps.length ? itemProps : ["name", "id", "visibility", "position"]);
  }
  protected readProp(): unknown {
    return undefined;
  }
  get items(): FakeWorksheet[] {
    if (!this.list) throw new PropertyNotLoadedError("WorksheetCollection.items");
    return this.list;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.fake, () => this.fake.findSheet(key), false, key);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    this.fake.gate("WorksheetCollection.getItemOrNullObject");
    return new FakeWorksheet(this.fake, () => this.fake.findSheet(key), true, key);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.fake, () => this.fake.findSheet(this.fake.data.activeSheetId), false, "(active)");
  }
  add(name?: string): FakeWorksheet {
    let created: SheetData | null = null;
    this.fake.enqueue(() => (created = this.fake.addSheet(name)));
    return new FakeWorksheet(this.fake, () => created, false, name ?? "(new)");
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>(this.fake);
    this.fake.gate("WorksheetCollection.getCount");
    this.fake.enqueue(() => r.set(this.fake.data.sheets.filter((s) => !s.deleted).length));
    return r;
  }
}

// ---------------------------------------------------------------------------------------
// Settings and custom XML parts

class FakeSetting extends FakeNullable {
  constructor(fake: FakeExcel, readonly key: string) {
    super(fake);
    fake.enqueue(() => this.markResolved(!fake.data.settings.has(key)));
  }
  protected readProp(name: string): unknown {
    if (name === "key") return this.key;
    if (name === "value") return JSON.parse(JSON.stringify(this.fake.data.settings.get(this.key) ?? null));
    throw new FakeOfficeError("InvalidArgument", `Setting.${name}`);
  }
  get value(): unknown {
    return this.got("value");
  }
  set value(v: unknown) {
    this.fake.enqueue(() => this.fake.data.settings.set(this.key, JSON.parse(JSON.stringify(v))));
  }
  delete(): void {
    this.fake.enqueue(() => this.fake.data.settings.delete(this.key));
  }
}

class FakeSettingCollection {
  constructor(private readonly fake: FakeExcel) {}
  add(key: string, value: unknown): FakeSetting {
    this.fake.enqueue(() => this.fake.data.settings.set(key, JSON.parse(JSON.stringify(value))));
    return new FakeSetting(this.fake, key);
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.fake, key);
  }
}

interface PartData {
  id: string;
  xml: string;
  deleted: boolean;
}

const namespaceOf = (xml: string) => /<[^?!][^>]*?\sxmlns="([^"]*)"/.exec(xml)?.[1] ?? "";

class FakeCustomXmlPart extends FakeNullable {
  private readonly lookup: () => PartData | null;
  constructor(fake: FakeExcel, lookup: PartData | (() => PartData | null)) {
    super(fake);
    if (typeof lookup !== "function") {
      this.lookup = () => lookup; // an item of a loaded collection: already resolved
      this.markResolved(false);
      return;
    }
    this.lookup = lookup;
    fake.enqueue(() => this.markResolved(!lookup()));
  }
  private part(): PartData {
    const p = this.lookup();
    if (!p) throw new FakeOfficeError("ItemNotFound", "custom XML part not found");
    return p;
  }
  protected readProp(name: string): unknown {
    if (name === "id") return this.part().id;
    if (name === "namespaceUri") return namespaceOf(this.part().xml);
    throw new FakeOfficeError("InvalidArgument", `CustomXmlPart.${name}`);
  }
  getXml(): FakeClientResult<string> {
    const r = new FakeClientResult<string>(this.fake);
    this.fake.enqueue(() => r.set(this.part().xml));
    return r;
  }
  setXml(xml: string): void {
    this.fake.enqueue(() => (this.part().xml = xml));
  }
  delete(): void {
    this.fake.enqueue(() => (this.part().deleted = true));
  }
}

class FakeCustomXmlPartCollection {
  constructor(private readonly fake: FakeExcel) {}
  add(xml: string): FakeCustomXmlPart {
    let created: PartData | null = null;
    this.fake.enqueue(() => {
      created = { id: `{part-${this.fake.data.parts.length + 1}}`, xml, deleted: false };
      this.fake.data.parts.push(created);
    });
    return new FakeCustomXmlPart(this.fake, () => created);
  }
  getByNamespace(ns: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.fake, ns);
  }
}

/** CustomXmlPartScopedCollection: the parts of one namespace (ExcelApi 1.5). */
class FakeCustomXmlPartScopedCollection extends FakeObject {
  private list: FakeCustomXmlPart[] | undefined;
  constructor(fake: FakeExcel, private readonly ns: string) {
    super(fake);
  }
  private found(): PartData[] {
    return this.fake.data.parts.filter((p) => !p.deleted && namespaceOf(p.xml) === this.ns);
  }
  override applyLoad(names: string[]): void {
    this.list = this.found().map((p) => new FakeCustomXmlPart(this.fake, p));
    const itemProps = names.map((n) => (n.startsWith("items/") ? n.slice(6) : n)).filter((n) => n !== "items");
    for (const part of this.list) part.applyLoad(itemProps.length ? itemProps : ["id"]);
  }
  protected readProp(): unknown {
    return undefined;
  }
  get items(): FakeCustomXmlPart[] {
    if (!this.list) throw new PropertyNotLoadedError("CustomXmlPartScopedCollection.items");
    return this.list;
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>(this.fake);
    this.fake.enqueue(() => r.set(this.found().length));
    return r;
  }
  /**
   * The reference: "If the collection contains exactly one item, this method returns it.
   * Otherwise, this method returns null" — a null object when two parts share the namespace
   * (two first saves racing, co-authors), not an error.
   */
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.fake, () => {
      const found = this.found();
      return found.length === 1 ? found[0] : null;
    });
  }
}

// ---------------------------------------------------------------------------------------
// Named items

interface NameData {
  name: string;
  /** The cell it refers to: a sheet's rename follows it; the sheet's deletion leaves #REF!. */
  sheet: SheetData;
  box: RangeBox;
  visible: boolean;
  deleted: boolean;
}

class FakeNamedItem extends FakeNullable {
  constructor(fake: FakeExcel, private readonly lookup: () => NameData | null) {
    super(fake);
    fake.enqueue(() => this.markResolved(!lookup()));
  }
  private item(): NameData {
    const n = this.lookup();
    if (!n) throw new FakeOfficeError("ItemNotFound", "named item not found");
    return n;
  }
  protected readProp(name: string): unknown {
    const n = this.item();
    if (name === "name") return n.name;
    if (name === "visible") return n.visible;
    if (name === "type") return n.sheet.deleted ? "Error" : "Range";
    // For a range name, value is the address it refers to (NamedItem.value reference), absolute as Excel writes it.
    const absolute = () => qualifiedAddress(n.sheet.name, n.box).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    if (name === "formula") return n.sheet.deleted ? "=#REF!" : `=${absolute()}`;
    if (name === "value") return n.sheet.deleted ? "#REF!" : absolute();
    throw new FakeOfficeError("InvalidArgument", `NamedItem.${name}`);
  }
  get name(): string {
    return this.got("name");
  }
  get type(): string {
    return this.got("type");
  }
  get value(): string {
    return this.got("value");
  }
  get formula(): string {
    return this.got("formula");
  }
  get visible(): boolean {
    return this.got("visible");
  }
  set visible(v: boolean) {
    this.fake.enqueue(() => (this.item().visible = v));
  }
  /** A null object when the name no longer refers to a range (its sheet was deleted: #REF!). */
  getRangeOrNullObject(): FakeRange {
    this.fake.gate("NamedItem.getRangeOrNullObject");
    let sheet: SheetData | null = null;
    return new FakeRange(
      this.fake,
      () => sheet!,
      () => {
        const n = this.lookup();
        sheet = n && !n.sheet.deleted ? n.sheet : null;
        return sheet ? n!.box : null;
      },
    );
  }
  delete(): void {
    this.fake.gate("NamedItem.delete");
    this.fake.enqueue(() => (this.item().deleted = true));
  }
}

class FakeNamedItemCollection {
  constructor(private readonly fake: FakeExcel) {}
  private find(name: string): NameData | null {
    return this.fake.data.names.find((n) => !n.deleted && n.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  add(name: string, reference: FakeRange): FakeNamedItem {
    this.fake.gate("NamedItemCollection.add");
    let created: NameData | null = null;
    this.fake.enqueue(() => {
      if (this.find(name)) throw new FakeOfficeError("ItemAlreadyExists", `the name ${name} exists`);
      created = { name, sheet: reference.sheet(), box: reference.box(), visible: true, deleted: false };
      this.fake.data.names.push(created);
    });
    return new FakeNamedItem(this.fake, () => created);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    this.fake.gate("NamedItemCollection.getItemOrNullObject");
    return new FakeNamedItem(this.fake, () => this.find(name));
  }
}

// ---------------------------------------------------------------------------------------

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  private readonly settingCollection: FakeSettingCollection;
  private readonly partCollection: FakeCustomXmlPartCollection;
  constructor(private readonly fake: FakeExcel) {
    this.worksheets = new FakeWorksheetCollection(fake);
    this.names = new FakeNamedItemCollection(fake);
    this.settingCollection = new FakeSettingCollection(fake);
    this.partCollection = new FakeCustomXmlPartCollection(fake);
  }
  get settings(): FakeSettingCollection {
    this.fake.gate("Workbook.settings");
    return this.settingCollection;
  }
  get customXmlParts(): FakeCustomXmlPartCollection {
    this.fake.gate("Workbook.customXmlParts");
    return this.partCollection;
  }
  getSelectedRange(): FakeRange {
    let sheet: SheetData | null = null;
    return new FakeRange(
      this.fake,
      () => sheet!,
      () => {
        const sel = this.fake.data.selection;
        sheet = this.fake.findSheet(sel.sheetId);
        return sel.box;
      },
    );
  }
}

export interface FakeEventRegistration {
  context: FakeRequestContext;
  remove(): void;
}

export interface FakeRequestContext {
  workbook: FakeWorkbook;
  sync(): Promise<void>;
  trackedObjects: { add(): void; remove(): void };
}

export interface FakeSnapshot {
  sheets: { name: string; visibility: string; merges: string[]; cells: Record<string, FakeCell> }[];
}

/** Excel.RunOptions the fake honours, and a context to continue (event removal). */
export interface FakeRunOptions {
  delayForCellEdit?: boolean;
  reuse?: unknown;
}

interface QueuedOp {
  op: () => void;
  /** Cells this operation writes (what its part of the request weighs). */
  writes: number;
}

const PAYLOAD_DOC = '"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins"';

export class FakeExcel {
  readonly data = {
    sheets: [] as SheetData[],
    settings: new Map<string, unknown>(),
    parts: [] as PartData[],
    names: [] as NameData[],
    activeSheetId: "",
    selection: { sheetId: "", box: { top: 0, left: 0, bottom: 0, right: 0 } as RangeBox },
  };
  /** Change handlers; `sheetId` null = every sheet (WorksheetCollection.onChanged). */
  readonly handlers: { handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>; active: boolean; sheetId: (() => string) | null }[] = [];
  /** The host's ExcelApi version: members of newer sets fail the sync (API_SETS). Undefined = every set. */
  apiVersion: string | undefined;
  /** Office.context.requirements.isSetSupported("ExcelApi", set) of this host, for the port's `supports`. */
  readonly supports = (set: string): boolean => this.apiVersion === undefined || compareSets(set, this.apiVersion) <= 0;
  readonly records: RecordedObject[] = [];
  readonly context: FakeRequestContext;
  syncCount = 0;
  /** Cells per read above which values come back null (Excel: "response too large"). */
  valuesLimit: number | undefined;
  /**
   * Cells a single sync may return (each loaded values / valueTypes / formulas / numberFormat
   * matrix and each getCellProperties cell counted, a stand-in for the response size): above it the sync is rejected with
   * Excel's ResponsePayloadSizeLimitExceeded and loads nothing, as on Excel on the web.
   */
  requestCellLimit: number | undefined;
  /**
   * Cells a single request may write (each cell of a values / formulas / numberFormat matrix
   * and of a fill change counted), a stand-in for Excel on the web's ~5 MB cap, which applies
   * to requests as well as responses (resource-limits-and-performance-optimization#excel-add-ins):
   * above it the request is refused with RequestPayloadSizeLimitExceeded and nothing of it applies.
   */
  requestWriteLimit: number | undefined;
  /** Cells loaded by the sync in progress. */
  requestCells = 0;
  /** Syncs rejected because of requestCellLimit or requestWriteLimit. */
  refusedSyncs = 0;
  /** Cells written by each sync that went through, in order (what `bench:syncs` prints). */
  readonly writesPerSync: number[] = [];
  /** How a string written to a cell is parsed (excelInput.ts): a Japanese user's Excel by default. */
  inputLocale: InputLocale = "ja-JP";
  private undoOnFailure: (() => void)[] = [];
  /** Optional formula evaluator used when a formula is written (else the cell's value is null). */
  evaluate: ((formula: string) => Scalar | null) | undefined;
  private queue: QueuedOp[] = [];
  private nextSheetId = 1;
  /** Set while the user types in a cell (Excel's cell-edit mode); resolved when they leave it. */
  private editing: { ended: Promise<void>; end: () => void } | null = null;
  private sessions = 1;

  constructor(sheets: FakeSheetSpec[] = []) {
    for (const spec of sheets) {
      const s = this.addSheet(spec.name);
      s.visibility = spec.visibility ?? "Visible";
      s.protection = spec.protection ? { ...spec.protection } : null;
      for (const [a1, v] of Object.entries(spec.cells ?? {})) {
        const { row, col } = fromA1(a1);
        const cell: FakeCell = typeof v === "object" && v !== null && !isError(v) ? { ...v } : { value: v };
        if (cell.value !== null && cell.value !== undefined || cell.fill || cell.formula || cell.numberFormat || cell.locked === false) s.cells.set(key(row, col), cell);
      }
      s.merges = (spec.merges ?? []).map(parseBox);
    }
    this.data.activeSheetId = this.data.sheets[0]?.id ?? "";
    this.data.selection = { sheetId: this.data.activeSheetId, box: { top: 0, left: 0, bottom: 0, right: 0 } };
    this.context = this.contextFor({});
  }

  private contextFor(options: FakeRunOptions): FakeRequestContext {
    return { workbook: this.context?.workbook ?? new FakeWorkbook(this), sync: () => this.sync(options), trackedObjects: { add() {}, remove() {} } };
  }

  /**
   * The context runner adapters take instead of Excel.run(options, batch); flushes a forgotten
   * queue like Excel.run. The run's syncs honour `delayForCellEdit`.
   */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>, options: FakeRunOptions = {}): Promise<T> => {
    const context = options.reuse ? this.context : this.contextFor(options);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (this.queue.length) await context.sync();
    return result;
  };

  enqueue(op: () => void): void {
    this.queue.push({ op, writes: 0 });
  }

  /** A queued write of `cells` cells (counted against requestWriteLimit). */
  enqueueWrite(cells: number, op: () => void): void {
    this.queue.push({ op, writes: cells });
  }

  /** A call of a tagged member: on an older host, the batch it is in fails at sync with ApiNotFound. */
  gate(api: TaggedApi): void {
    if (!this.supports(API_SETS[api])) this.enqueue(() => this.checkApi(api));
  }

  /** The same check where the fake already runs at sync time (loads). */
  checkApi(api: TaggedApi): void {
    if (!this.supports(API_SETS[api])) throw apiNotFound(api);
  }

  addHandler(handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>, sheetId: (() => string) | null): FakeEventRegistration {
    const registration = { handler, active: false, sheetId };
    this.enqueue(() => {
      registration.active = true;
      this.handlers.push(registration);
    });
    return { context: this.context, remove: () => this.enqueue(() => (registration.active = false)) };
  }

  async sync(options: FakeRunOptions = {}): Promise<void> {
    this.syncCount++;
    const ops = this.queue;
    this.queue = [];
    if (this.editing) {
      // Excel.RunOptions.delayForCellEdit (reference): without it, a batch processed while the
      // user edits a cell "automatically fails"; with it, the batch waits until they leave the cell.
      if (!options.delayForCellEdit)
        throw new FakeOfficeError(
          "InvalidOperationInCellEditMode",
          "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the Enter or Tab keys, or by selecting another cell, and then try again.",
        );
      await this.editing.ended;
    }
    const writes = ops.reduce((n, o) => n + o.writes, 0);
    if (this.requestWriteLimit !== undefined && writes > this.requestWriteLimit) {
      this.refusedSyncs++;
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit. Please refer to the documentation: ${PAYLOAD_DOC}.`);
    }
    this.requestCells = 0;
    this.undoOnFailure = [];
    try {
      for (const { op } of ops) op(); // an op that throws rejects this sync; the ones before it stay applied
    } catch (error) {
      this.undoLoads();
      throw error;
    }
    if (this.requestCellLimit !== undefined && this.requestCells > this.requestCellLimit) {
      this.undoLoads();
      this.refusedSyncs++;
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit. Please refer to the documentation: ${PAYLOAD_DOC}.`);
    }
    this.writesPerSync.push(writes);
  }

  /** A sync that fails returns nothing: what it loaded is unloaded again. */
  private undoLoads(): void {
    for (const undo of this.undoOnFailure.reverse()) undo();
    this.undoOnFailure = [];
  }

  undoIfSyncFails(undo: () => void): void {
    this.undoOnFailure.push(undo);
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  /** The user starts typing in a cell (and stays in it until endCellEdit). */
  startCellEdit(): void {
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.editing = { ended, end };
  }

  /** The user presses Enter: batches delayed for cell edit go ahead. */
  endCellEdit(): void {
    const editing = this.editing;
    this.editing = null;
    editing?.end();
  }

  /**
   * Saves, closes and opens the workbook again. Worksheet ids are stable within a session only
   * (office-js-docs#297, Microsoft: the id "remains constant within a single session but will
   * change between sessions"; office-js#1390 across Excel versions, #552 on the web): every
   * sheet gets a new id. The new ids are not random: a sheet opened from the file gets an id
   * made from its place in the workbook (#297: a sheet added as {040E0F18-…} reads
   * {00000000-0001-0000-0000-000000000000} after a reopen; #552: every new workbook's first
   * sheet has that id), so an id remembered from an earlier session can name another sheet
   * once sheets were moved, added or deleted. Sheets added in a session get random-looking ids.
   * Event subscriptions end with the session; cells, fills, settings, custom XML parts and
   * names are in the file and stay.
   */
  reopen(): void {
    this.sessions++;
    const ids = new Map<string, string>();
    let place = 0;
    for (const s of this.data.sheets) {
      const id = s.deleted ? `{gone-${this.sessions}-${this.nextSheetId++}}` : `{00000000-0001-0000-${(place++).toString(16).padStart(2, "0")}00-000000000000}`;
      ids.set(s.id, id);
      s.id = id;
    }
    this.data.activeSheetId = ids.get(this.data.activeSheetId) ?? "";
    this.data.selection = { ...this.data.selection, sheetId: ids.get(this.data.selection.sheetId) ?? "" };
    this.handlers.length = 0;
    this.queue = [];
    this.endCellEdit();
  }

  /**
   * A hidden or very hidden sheet cannot be the active sheet, so Worksheet.activate and
   * Range.select on it fail. Source: issue 12's review of the adapter; the stored Microsoft
   * pages name no error for it, so the fake uses InvalidOperation.
   */
  refuseIfHidden(s: SheetData): void {
    if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", `The worksheet ${s.name} is hidden and cannot be activated.`);
  }

  findSheet(nameOrId: string): SheetData | null {
    const live = this.data.sheets.filter((s) => !s.deleted);
    return live.find((s) => s.id === nameOrId) ?? live.find((s) => s.name.toLowerCase() === nameOrId.toLowerCase()) ?? null;
  }

  addSheet(name?: string): SheetData {
    const live = this.data.sheets.filter((s) => !s.deleted);
    const finalName = name ?? `Sheet${live.length + 1}`;
    if (live.some((s) => s.name.toLowerCase() === finalName.toLowerCase()))
      throw new FakeOfficeError("ItemAlreadyExists", `a sheet named ${finalName} exists`);
    const s: SheetData = { id: `{sheet-${this.nextSheetId++}}`, name: finalName, visibility: "Visible", cells: new Map(), merges: [], deleted: false, protection: null };
    this.data.sheets.push(s);
    return s;
  }

  renameSheet(s: SheetData, name: string): void {
    if (this.data.sheets.some((o) => o !== s && !o.deleted && o.name.toLowerCase() === name.toLowerCase()))
      throw new FakeOfficeError("ItemAlreadyExists", `a sheet named ${name} exists`);
    s.name = name;
  }

  deleteSheet(s: SheetData): void {
    if (this.data.sheets.filter((o) => !o.deleted).length === 1) throw new FakeOfficeError("InvalidOperation", "cannot delete the only sheet");
    s.deleted = true;
    for (const r of this.records) if (r.sheet === s.id) r.sheet = "(deleted)";
    if (this.data.activeSheetId === s.id) this.data.activeSheetId = this.data.sheets.find((o) => !o.deleted)!.id;
  }

  usedBox(s: SheetData, valuesOnly: boolean): RangeBox | null {
    let box: RangeBox | null = null;
    for (const [k, c] of s.cells) {
      const has = valuesOnly ? (c.value !== undefined && c.value !== null && c.value !== "") || !!c.formula : true;
      if (!has) continue;
      const [r, col] = k.split(",").map(Number);
      box = box
        ? { top: Math.min(box.top, r), left: Math.min(box.left, col), bottom: Math.max(box.bottom, r), right: Math.max(box.right, col) }
        : { top: r, left: col, bottom: r, right: col };
    }
    return box;
  }

  /** Records a table / chart / conditional format: any property set or method called on it is logged. */
  record(kind: RecordedObject["kind"], range: FakeRange, args: unknown[]): unknown {
    const rec: RecordedObject = { kind, sheet: "", address: "", args, props: {}, calls: [] };
    this.enqueue(() => {
      rec.sheet = range.sheet().id;
      rec.address = boxToA1(range.box());
      this.records.push(rec);
    });
    return this.recorder(rec, "");
  }

  recorder(rec: RecordedObject, path: string): Record<string, unknown> {
    const fake = this;
    const target = function () {} as unknown as Record<string, unknown>;
    return new Proxy(target, {
      get(_t, prop) {
        if (typeof prop === "symbol" || prop === "then") return undefined;
        if (prop === "load") return () => undefined;
        return fake.recorder(rec, path ? `${path}.${prop}` : prop);
      },
      set(_t, prop, value) {
        const p = path ? `${path}.${String(prop)}` : String(prop);
        if (rec.kind === "chart" && /^axes\.\w+\.numberFormat$/.test(p)) fake.gate("ChartAxis.numberFormat");
        fake.enqueue(() => (rec.props[p] = value));
        return true;
      },
      apply(_t, _this, args) {
        fake.enqueue(() => rec.calls.push({ path, args }));
        return fake.recorder(rec, `${path}()`);
      },
    });
  }

  // ---- test helpers (no sync involved) ----

  sheetNames(): string[] {
    return this.data.sheets.filter((s) => !s.deleted).map((s) => s.name);
  }

  sheet(name: string): SheetData {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  cell(sheet: string, a1: string): FakeCell | undefined {
    const { row, col } = fromA1(a1);
    return this.sheet(sheet).cells.get(key(row, col));
  }

  setCell(sheet: string, a1: string, cell: FakeCell): void {
    const { row, col } = fromA1(a1);
    this.sheet(sheet).cells.set(key(row, col), cell);
  }

  /** Records of one sheet (tables, charts, conditional formats). */
  recordsOf(sheetName: string): RecordedObject[] {
    const id = this.sheet(sheetName).id;
    return this.records.filter((r) => r.sheet === id);
  }

  /** Everything a user could see, cell by cell, except the named sheets. */
  snapshot(exceptSheets: string[] = []): FakeSnapshot {
    return {
      sheets: this.data.sheets
        .filter((s) => !s.deleted && !exceptSheets.includes(s.name))
        .map((s) => ({
          name: s.name,
          visibility: s.visibility,
          merges: s.merges.map(boxToA1),
          cells: Object.fromEntries(
            [...s.cells.entries()]
              .map(([k, c]) => {
                const [r, col] = k.split(",").map(Number);
                return [boxToA1({ top: r, left: col, bottom: r, right: col }), JSON.parse(JSON.stringify(c))] as const;
              })
              .sort(([a], [b]) => a.localeCompare(b)),
          ),
        })),
    };
  }

  /**
   * The user cuts one cell and pastes it elsewhere (another sheet too). A name referring to
   * exactly the cut cells moves with them ("When you cut and paste an entire named range, Excel
   * changes the reference accordingly": J. Walkenbach, Excel 2007 Formulas, "How Excel Maintains
   * Cell and Range Names"). Formulas, merges and events are not modelled.
   */
  userCutPaste(fromSheet: string, fromA1: string, toSheet: string, toA1: string): void {
    const [from, to] = [this.sheet(fromSheet), this.sheet(toSheet)];
    const [p, q] = [fromA1, toA1].map(parseBox);
    const cell = from.cells.get(key(p.top, p.left));
    from.cells.delete(key(p.top, p.left));
    if (cell) to.cells.set(key(q.top, q.left), cell);
    else to.cells.delete(key(q.top, q.left));
    for (const n of this.data.names)
      if (!n.deleted && n.sheet === from && boxToA1(n.box) === boxToA1(p)) {
        n.sheet = to;
        n.box = q;
      }
  }

  /** A user edit: changes the cell and fires that sheet's and the collection's onChanged like Excel. */
  async userEdit(sheet: string, a1: string, value: Scalar | null): Promise<void> {
    const s = this.sheet(sheet);
    const { row, col } = fromA1(a1);
    if (value === null) s.cells.delete(key(row, col));
    else s.cells.set(key(row, col), { ...s.cells.get(key(row, col)), value });
    const args = { worksheetId: s.id, address: a1, changeType: "RangeEdited", source: "Local", type: "WorksheetChanged" } as unknown as Excel.WorksheetChangedEventArgs;
    for (const h of this.handlers.filter((x) => x.active && (x.sheetId === null || x.sheetId() === s.id))) await h.handler(args);
  }
}
