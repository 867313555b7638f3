// Lays MeasureData out as a worksheet grid the way people keep 施策進行管理・評価票 in Excel,
// and records where every value went (`cellOf`: model path → A1) so tests can assert that a
// finding or a read value points at the known cell. LayoutOptions produce the variants
// departments actually use; the reader must read every one of them with the same figures.

import { toA1, type CellValue, type RangeBox, type SheetGrid } from "../core/grid";
import { circled } from "../core/format/number";
import type { Entry, IndicatorData, MeasureData } from "./measureData";

export interface LayoutOptions {
  /** Blank rows inserted above everything. */
  rowOffset?: number;
  /** Blank columns inserted left of everything. */
  colOffset?: number;
  /** Additional blank rows between sections (and between stacked indicator blocks). */
  extraBlankRows?: number;
  /** Indicator blocks one under another (label left, value right) instead of side by side. */
  indicatorsStacked?: boolean;
  /** Indicator tables with years across the columns and rows 計画値 / 実績値 / 単位. */
  indicatorYearsAcross?: boolean;
  /** 事業費 with one row per year and columns 計画事業費 / 予算 / 決算 (決算見込 always a column then). */
  budgetYearsDown?: boolean;
  /** 決算見込 as a separate column beside 決算 instead of the header of the forecast year's settlement. */
  forecastAsColumn?: boolean;
  /** Section headings as `<参考指標>` (default), `■ 参考指標` or plain `参考指標`. */
  headingStyle?: "angle" | "square" | "plain";
  /** Labels written with inner spaces and line breaks (`計 画 値`, `評　価　年　度`, `政策の\n基本方向`). */
  labelSpacing?: boolean;
  /** No merged cells at all. */
  noMerges?: boolean;
  /** Numbers written as text, some with full-width digits, amounts ≥ 10,000 with separators. */
  valuesAsText?: boolean;
  /**
   * Header fields with label and value in one cell (`評価年度：2013年度`, `施策課題\n41303000 …`),
   * the separator varying between ：, a line break, : and U+3000; a blank value as `重点：`.
   */
  inlineLabels?: boolean;
  /** Header values (unless inlineLabels) and the text sections' values in the cell under their label. */
  valuesBelow?: boolean;
  /** 評価区分 in a table of their own under the reason: a 年度 | 評価区分 header, one row per plan year. */
  codesTable?: boolean;
  /** Each indicator's unit given once, by a 単位 label beside its direction, and no 単位 column in its table. */
  unitOnce?: boolean;
}

export interface RenderedSheet {
  grid: SheetGrid;
  /** Model path (`indicators[0].rows[2].actual`) → A1 address of the cell holding it. */
  cellOf: Record<string, string>;
}

const MIN_WIDTH = 12;

function fullWidthDigits(s: string): string {
  return s.replace(/[0-9,]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** 43769 → 43,769; smaller numbers (and so years) stay as they are. */
function withThousands(n: number): string {
  return Math.abs(n) >= 10000 ? n.toLocaleString("en-US", { maximumFractionDigits: 20 }) : String(n);
}

/** Cells, merges and where each value went; the options' offsets, spacing and number forms applied. Shared with projectLayout and rollupLayout. */
export class SheetBuilder {
  readonly values: CellValue[][] = [];
  readonly merges: RangeBox[] = [];
  readonly cellOf: Record<string, string> = {};
  private textNumberCount = 0;
  private spacedLabelCount = 0;

  constructor(private readonly options: Pick<LayoutOptions, "rowOffset" | "colOffset" | "noMerges" | "valuesAsText" | "labelSpacing">) {}

  put(row: number, col: number, value: CellValue, path?: string): void {
    const r = row + (this.options.rowOffset ?? 0);
    const c = col + (this.options.colOffset ?? 0);
    while (this.values.length <= r) this.values.push([]);
    const line = this.values[r];
    while (line.length <= c) line.push(null);
    line[c] = value;
    if (path) this.cellOf[path] = toA1(r, c);
  }

  /** A value cell; its path is recorded even when the entry is blank (the slot exists). */
  value(row: number, col: number, entry: Entry, path: string): void {
    this.put(row, col, this.entryValue(entry), path);
  }

  label(row: number, col: number, text: string): void {
    this.put(row, col, this.labelText(text));
  }

  /** Label and value in one cell; every path given points at it. A blank value keeps the colon. */
  inline(row: number, col: number, label: string, separator: string, value: string, paths: string[]): void {
    this.put(row, col, value === "" ? `${this.labelText(label)}：` : `${this.labelText(label)}${separator}${value}`);
    for (const path of paths) this.cellOf[path] = toA1(row + (this.options.rowOffset ?? 0), col + (this.options.colOffset ?? 0));
  }

  private labelText(text: string): string {
    return this.options.labelSpacing ? this.spaced(text) : text;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (this.options.noMerges || (bottom <= top && right <= left)) return;
    const dr = this.options.rowOffset ?? 0;
    const dc = this.options.colOffset ?? 0;
    this.merges.push({ top: top + dr, left: left + dc, bottom: bottom + dr, right: right + dc });
  }

  private entryValue(entry: Entry): CellValue {
    if (typeof entry !== "number" || !this.options.valuesAsText) return entry;
    // Cycle through the text forms people actually produce.
    const form = this.textNumberCount++ % 3;
    if (form === 1) return fullWidthDigits(String(entry));
    if (form === 2) return withThousands(entry);
    return String(entry);
  }

  private spaced(text: string): string {
    if (text.includes("\n")) return text.replace("\n", " \n");
    const chars = [...text];
    if (chars.length <= 4) return chars.join(this.spacedLabelCount++ % 2 === 0 ? " " : "\u3000");
    const middle = Math.floor(chars.length / 2);
    return `${chars.slice(0, middle).join("")}\n${chars.slice(middle).join("")}`;
  }

  grid(name: string): SheetGrid {
    let width = 0;
    for (const line of this.values) width = Math.max(width, line.length);
    for (const line of this.values) while (line.length < width) line.push(null);
    return { name, top: 0, left: 0, values: this.values, merges: this.merges };
  }
}

function text(entry: Entry): string {
  return entry === null ? "" : String(entry);
}

function decorateHeading(heading: string, style: LayoutOptions["headingStyle"]): string {
  if (style === "square") return `■ ${heading}`;
  if (style === "plain") return heading;
  return `<${heading}>`;
}

/** 2014年度以降の方向性 from 評価年度 2013年度; a neutral label when the year is not western. */
function futureDirectionLabel(fiscalYear: Entry): string {
  const m = /(\d{4})/.exec(text(fiscalYear));
  return m ? `${Number(m[1]) + 1}年度以降の方向性` : "今後の方向性";
}

/** 第3期実行計画(2011(H23)〜2013(H25)年度) → 第3期実行計画 */
function planName(planLabel: Entry): string {
  const label = text(planLabel);
  const cut = label.search(/[(（]/);
  return cut > 0 ? label.slice(0, cut) : label || "実行計画";
}

interface HeaderField {
  label: string;
  /** First and last column of the field (label and value). */
  col: number;
  to: number;
  entry: Entry;
  path: string;
  /** 施策課題's name, beside its code. */
  name?: { entry: Entry; path: string };
}

// Separators people put between a label and its value in one cell.
const INLINE_SEPARATORS = ["：", "\n", ":", "\u3000"];

export function renderSheet(data: MeasureData, sheetName: string, options: LayoutOptions = {}): RenderedSheet {
  const b = new SheetBuilder(options);
  const gap = 1 + (options.extraBlankRows ?? 0);
  const across = options.indicatorYearsAcross ?? false;
  const stacked = options.indicatorsStacked ?? false;
  const maxRows = Math.max(0, ...data.indicators.map((ind) => ind.rows.length));
  const blockWidth = across ? Math.max(4, 1 + maxRows) : 4;
  const width = Math.max(MIN_WIDTH, stacked ? blockWidth : blockWidth * data.indicators.length);
  const last = width - 1;
  let r = 0;

  const heading = (title: string, path?: string): void => {
    b.put(r, 0, decorateHeading(title, options.headingStyle), path);
    b.merge(r, 0, r, last);
    r++;
  };
  const textRow = (label: string, entry: Entry, path: string): void => {
    b.label(r, 0, label);
    if (options.valuesBelow) {
      b.merge(r, 0, r, last);
      b.value(r + 1, 0, entry, path);
      b.merge(r + 1, 0, r + 1, last);
      r += 2;
      return;
    }
    b.value(r, 1, entry, path);
    b.merge(r, 1, r, last);
    r++;
  };
  /** label | value (merged from..to) */
  const pair = (row: number, col: number, label: string, entry: Entry, path: string, to: number): void => {
    b.label(row, col, label);
    b.value(row, col + 1, entry, path);
    b.merge(row, col + 1, row, to);
  };

  let inlineCount = 0;
  /** One row of header fields, laid out as the options say; `r` moves past it. */
  const headerRow = (fields: HeaderField[]): void => {
    if (options.inlineLabels) {
      for (const f of fields) {
        const value = f.name === undefined ? text(f.entry) : [text(f.entry), text(f.name.entry)].filter((v) => v !== "").join(" ");
        const paths = f.name === undefined ? [f.path] : [f.path, f.name.path];
        b.inline(r, f.col, f.label, INLINE_SEPARATORS[inlineCount++ % INLINE_SEPARATORS.length], value, paths);
        b.merge(r, f.col, r, f.to);
      }
      r++;
    } else if (options.valuesBelow) {
      for (const f of fields) {
        b.label(r, f.col, f.label);
        b.merge(r, f.col, r, f.to);
        b.value(r + 1, f.col, f.entry, f.path);
        if (f.name === undefined) b.merge(r + 1, f.col, r + 1, f.to);
        else {
          b.value(r + 1, f.col + 1, f.name.entry, f.name.path);
          b.merge(r + 1, f.col + 1, r + 1, f.to);
        }
      }
      r += 2;
    } else {
      for (const f of fields) {
        if (f.name === undefined) pair(r, f.col, f.label, f.entry, f.path, f.to);
        else {
          // 施策課題: the code and the name in cells of their own
          b.label(r, f.col, f.label);
          b.value(r, f.col + 1, f.entry, f.path);
          b.value(r, f.col + 2, f.name.entry, f.name.path);
          b.merge(r, f.col + 2, r, f.to);
        }
      }
      r++;
    }
  };

  // Title and 評価年度
  b.value(r, 0, data.title, "header.title");
  b.merge(r, 0, r, last);
  r++;
  headerRow([{ label: "評価年度", col: 0, to: 2, entry: data.fiscalYear, path: "header.fiscalYear" }]);
  r += gap;

  heading("基本情報");
  headerRow([
    { label: "施策課題", col: 0, to: 7, entry: data.measureCode, path: "header.measureCode", name: { entry: data.measureName, path: "header.measureName" } },
    { label: "作成課", col: 8, to: last, entry: data.department, path: "header.department" },
  ]);
  headerRow([
    { label: "基本政策", col: 0, to: 3, entry: data.basicPolicy, path: "header.basicPolicy" },
    { label: "政策の\n基本方向", col: 4, to: 7, entry: data.policyDirection, path: "header.policyDirection" },
    { label: "基本施策", col: 8, to: last, entry: data.basicMeasure, path: "header.basicMeasure" },
  ]);
  headerRow([
    { label: "関係課", col: 0, to: 7, entry: data.relatedDepartments, path: "header.relatedDepartments" },
    { label: "重点", col: 8, to: last, entry: data.priority, path: "header.priority" },
  ]);
  r += gap;

  heading(`${text(data.planLabel)}における施策の概要及び施策の目標`, "plan.label");
  textRow("当該施策によって\n解決すべき課題", data.texts.issues, "texts.issues");
  textRow("施策の概要", data.texts.overview, "texts.overview");
  textRow("施策の目標", data.texts.goals, "texts.goals");
  r += gap;

  heading("成果の説明");
  textRow("解決すべき課題に対する当該年度の成果", data.texts.results, "texts.results");
  textRow("残された課題,新たな課題,社会環境の変化等", data.texts.remainingIssues, "texts.remainingIssues");
  if (options.codesTable) {
    // The reason beside its label, then 年度 | 評価区分 with one row per plan year.
    textRow("評価結果及びその評価区分とした理由", data.evaluation.reason, "evaluation.reason");
    b.label(r, 0, "年度");
    b.label(r, 1, "評価区分");
    r++;
    data.planYears.forEach((year, i) => {
      b.value(r, 0, year, `evaluation.codes[${i}].year`);
      b.value(r, 1, data.evaluation.codes[i] ?? null, `evaluation.codes[${i}].code`);
      r++;
    });
  } else {
    b.label(r, 0, "評価結果及びその評価区分とした理由");
    b.merge(r, 0, r + 1, 0);
    data.planYears.forEach((year, i) => {
      b.value(r, 1 + i, year, `evaluation.codes[${i}].year`);
      b.value(r + 1, 1 + i, data.evaluation.codes[i] ?? null, `evaluation.codes[${i}].code`);
    });
    if (options.valuesBelow) {
      // The reason under the label and the codes, across the sheet.
      b.value(r + 2, 0, data.evaluation.reason, "evaluation.reason");
      b.merge(r + 2, 0, r + 2, last);
      r += 3;
    } else {
      const reasonCol = 1 + data.planYears.length;
      b.value(r, reasonCol, data.evaluation.reason, "evaluation.reason");
      b.merge(r, reasonCol, r + 1, Math.max(reasonCol, last));
      r += 2;
    }
  }
  b.put(r, 0, "A 施策が順調に推進したもの(新たな課題等 Ⅰ 無 Ⅱ 有) B 施策が一定程度推進したもの C 施策が推進していないもの");
  b.merge(r, 0, r, last);
  r += 1 + gap;

  heading("今後の取組や方向性及び改善に向けた考え方");
  textRow(futureDirectionLabel(data.fiscalYear), data.texts.futureDirection, "texts.futureDirection");
  r += gap;

  heading("参考指標");
  const unitOnce = options.unitOnce ?? false;
  r = stacked
    ? renderIndicatorsStacked(b, data.indicators, r, last, across, gap, unitOnce)
    : renderIndicatorsSideBySide(b, data.indicators, r, blockWidth, across, unitOnce);
  r += gap;

  heading("事業費");
  b.value(r, 0, data.budgetUnit === null ? null : `(単位:${text(data.budgetUnit)})`, "budgetUnit");
  r++;
  r = options.budgetYearsDown ? renderBudgetDown(b, data, r) : renderBudgetAcross(b, data, r, options.forecastAsColumn ?? false);
  r += gap;

  heading("配下の事務事業一覧");
  const statusLabel = `${planName(data.planLabel)}\n期間の達成状況`;
  for (const col of [0, 6]) {
    b.label(r, col, "事務事業名");
    b.merge(r, col, r, col + 3);
    b.label(r, col + 4, statusLabel);
    b.merge(r, col + 4, r, col === 0 ? 5 : last);
  }
  r++;
  data.projects.forEach((project, i) => {
    const row = r + Math.floor(i / 2);
    const col = i % 2 === 0 ? 0 : 6;
    b.value(row, col, project.name, `projects[${i}].name`);
    b.merge(row, col, row, col + 3);
    b.value(row, col + 4, project.status, `projects[${i}].status`);
    b.merge(row, col + 4, row, col === 0 ? 5 : last);
  });
  r += Math.ceil(data.projects.length / 2) + gap;

  heading("用語説明");
  b.value(r, 0, data.texts.glossary, "texts.glossary");
  b.merge(r, 0, r, last);

  return { grid: b.grid(sheetName), cellOf: b.cellOf };
}

function renderIndicatorsSideBySide(
  b: SheetBuilder,
  indicators: IndicatorData[],
  top: number,
  blockWidth: number,
  across: boolean,
  unitOnce: boolean,
): number {
  let bottom = top;
  indicators.forEach((indicator, i) => {
    const col = i * blockWidth;
    const right = col + blockWidth - 1;
    const mark = circled(i + 1);
    const stackedPair = (row: number, label: string, entry: Entry, path: string): void => {
      b.label(row, col, label);
      b.merge(row, col, row, right);
      b.value(row + 1, col, entry, path);
      b.merge(row + 1, col, row + 1, right);
    };
    stackedPair(top, `参考指標名${mark}`, indicator.name, `indicators[${i}].name`);
    stackedPair(top + 2, `指標の説明${mark}`, indicator.description, `indicators[${i}].description`);
    if (unitOnce) {
      // 指標の方向性 | 単位 side by side, values under them.
      const half = col + Math.floor(blockWidth / 2);
      b.label(top + 4, col, `指標の方向性${mark}`);
      b.merge(top + 4, col, top + 4, half - 1);
      b.value(top + 5, col, indicator.direction, `indicators[${i}].direction`);
      b.merge(top + 5, col, top + 5, half - 1);
      b.label(top + 4, half, "単位");
      b.merge(top + 4, half, top + 4, right);
      b.value(top + 5, half, indicatorUnit(indicator), `indicators[${i}].unit`);
      b.merge(top + 5, half, top + 5, right);
    } else stackedPair(top + 4, `指標の方向性${mark}`, indicator.direction, `indicators[${i}].direction`);
    bottom = Math.max(bottom, renderIndicatorTable(b, indicator, i, top + 6, col, across, unitOnce));
  });
  return bottom;
}

function renderIndicatorsStacked(
  b: SheetBuilder,
  indicators: IndicatorData[],
  top: number,
  last: number,
  across: boolean,
  gap: number,
  unitOnce: boolean,
): number {
  let r = top;
  indicators.forEach((indicator, i) => {
    if (i > 0) r += gap;
    const mark = circled(i + 1);
    const pair = (label: string, entry: Entry, path: string): void => {
      b.label(r, 0, label);
      b.value(r, 1, entry, path);
      b.merge(r, 1, r, last);
      r++;
    };
    pair(`参考指標名${mark}`, indicator.name, `indicators[${i}].name`);
    pair(`指標の説明${mark}`, indicator.description, `indicators[${i}].description`);
    if (unitOnce) {
      // 指標の方向性 | direction … | 単位 | unit
      b.label(r, 0, `指標の方向性${mark}`);
      b.value(r, 1, indicator.direction, `indicators[${i}].direction`);
      b.merge(r, 1, r, last - 2);
      b.label(r, last - 1, "単位");
      b.value(r, last, indicatorUnit(indicator), `indicators[${i}].unit`);
      r++;
    } else pair(`指標の方向性${mark}`, indicator.direction, `indicators[${i}].direction`);
    r = renderIndicatorTable(b, indicator, i, r, 0, across, unitOnce);
  });
  return r;
}

/** The indicator's unit: its first non-empty one. */
function indicatorUnit(indicator: IndicatorData): Entry {
  return indicator.rows.find((row) => row.unit !== null && row.unit !== "")?.unit ?? null;
}

/** Writes the 年度/計画値/実績値/単位 table at (top, col) (no 単位 column with `unitOnce`); returns the row after it. */
function renderIndicatorTable(
  b: SheetBuilder,
  indicator: IndicatorData,
  i: number,
  top: number,
  col: number,
  across: boolean,
  unitOnce = false,
): number {
  const headers = unitOnce ? (["年度", "計画値", "実績値"] as const) : (["年度", "計画値", "実績値", "単位"] as const);
  const keys = unitOnce ? (["year", "plan", "actual"] as const) : (["year", "plan", "actual", "unit"] as const);
  const firstUnit = indicator.rows.findIndex((row) => row.unit !== null && row.unit !== "");
  indicator.rows.forEach((row, j) => {
    keys.forEach((key, k) => {
      const path = `indicators[${i}].rows[${j}].${key}`;
      if (across) b.value(top + k, col + 1 + j, row[key], path);
      else b.value(top + 1 + j, col + k, row[key], path);
    });
  });
  headers.forEach((header, k) => (across ? b.label(top + k, col, header) : b.label(top, col + k, header)));
  if (firstUnit >= 0 && !unitOnce) {
    // Same cell as that row's unit: the indicator's unit is the first non-empty one.
    const unit = indicator.rows[firstUnit].unit;
    if (across) b.value(top + 3, col + 1 + firstUnit, unit, `indicators[${i}].unit`);
    else b.value(top + 1 + firstUnit, col + 3, unit, `indicators[${i}].unit`);
  }
  return across ? top + headers.length : top + 1 + indicator.rows.length;
}

function renderBudgetAcross(b: SheetBuilder, data: MeasureData, top: number, forecastAsColumn: boolean): number {
  b.label(top, 0, "年度");
  b.merge(top, 0, top + 1, 0);
  b.label(top + 2, 0, "事業費合計");
  let col = 1;
  data.budget.forEach((year, i) => {
    const columns: Array<{ header: string; entry: Entry; path: string | null }> = [];
    if (year.planned !== null) columns.push({ header: "計画事業費", entry: year.planned, path: `budget[${i}].planned` });
    columns.push({ header: "予算", entry: year.budget, path: `budget[${i}].budget` });
    if (year.settlementIsForecast && forecastAsColumn) {
      columns.push({ header: "決算", entry: null, path: null });
      columns.push({ header: "決算見込", entry: year.settlement, path: `budget[${i}].settlement` });
    } else {
      const header = year.settlementIsForecast ? "決算見込" : "決算";
      columns.push({ header, entry: year.settlement, path: `budget[${i}].settlement` });
    }
    b.value(top, col, year.year, `budget[${i}].year`);
    b.merge(top, col, top, col + columns.length - 1);
    columns.forEach((column, k) => {
      b.label(top + 1, col + k, column.header);
      if (column.path) b.value(top + 2, col + k, column.entry, column.path);
    });
    col += columns.length;
  });
  return top + 3;
}

function renderBudgetDown(b: SheetBuilder, data: MeasureData, top: number): number {
  const anyForecast = data.budget.some((year) => year.settlementIsForecast);
  const headers = ["年度", "計画事業費", "予算", "決算", ...(anyForecast ? ["決算見込"] : [])];
  headers.forEach((header, k) => b.label(top, k, header));
  data.budget.forEach((year, i) => {
    const row = top + 1 + i;
    b.value(row, 0, year.year, `budget[${i}].year`);
    b.value(row, 1, year.planned, `budget[${i}].planned`);
    b.value(row, 2, year.budget, `budget[${i}].budget`);
    b.value(row, year.settlementIsForecast ? 4 : 3, year.settlement, `budget[${i}].settlement`);
  });
  return top + 1 + data.budget.length;
}
