// Writes the core's summary layout (core/report/summaryLayout.ts) into the open workbook with
// live formulas, in 3 syncs on desktop: (1) sheets + which are hyoka's; (2) a new sheet under a
// temporary name, to learn its id; (3) record it as hyoka's, then replace the old sheet, rename
// and write everything. Where requests are capped (Excel on the web, ~5 MB, writes included)
// the cells go in more requests of at most `writeBudget` cell writes, tables and chart last.
// hyoka's sheets are known by a workbook-level name pointing at A1 of the summary sheet (it
// follows renames, survives save and reopen, and is not copied with a copied sheet; a cut and
// paste of that cell moves it, so it counts only while it is on A1) and, within a
// session, by worksheet id in Workbook.settings: ids change when the workbook is reopened
// (office-js-docs#297, office-js#1390). A user's sheet of the same name is never taken for
// ours, so it is left alone and "達成率サマリー (2)" is used instead.
// Office runs a batch in order and does not roll back what ran before a failing operation:
// the record comes first in batch 3, so whatever fails later (an API the host lacks, a cell
// being edited) never leaves a sheet named 達成率サマリー that hyoka no longer knows as its own
// (the next run would otherwise write "(2)").

import type { SheetResult } from "../../core/engine";
import { RATE_FORMAT } from "../../core/format/number";
import { columnLetters, toA1 } from "../../core/grid";
import type { Settings } from "../../core/settings";
import { buildSummaryLayout, withinCellLimit, type LayoutCell, type LayoutTable, type SummaryLayout } from "../../core/report/summaryLayout";
import { chooseSummaryName } from "../hostConventions";
import { syncInBatches, type WriteJob } from "./writeBatches";

export { chooseSummaryName };

export const SUMMARY_SHEETS_SETTING = "hyoka.summarySheets";

/** Workbook-level name (hidden) on A1 of hyoka's summary sheet. */
export const SUMMARY_NAME = "hyoka_summary";

/** What marks hyoka's summary sheets; queued before a sync that also loads the sheets. */
export interface SummaryRecord {
  setting: Excel.Setting;
  name: Excel.NamedItem;
}

export function queueSummaryRecord(context: Excel.RequestContext): SummaryRecord {
  return {
    setting: context.workbook.settings.getItemOrNullObject(SUMMARY_SHEETS_SETTING).load("value"),
    // NamedItem.type, value and visible (ExcelApi 1.1): "Range" and the address it refers to
    // ("Error" once its sheet is gone); hyoka's name is hidden, which Excel's UI cannot make.
    name: context.workbook.names.getItemOrNullObject(SUMMARY_NAME).load("type,value,visible"),
  };
}

/** Which of the loaded sheets are hyoka's: ids recorded this session, and the sheet the name points at. */
export function summarySheetIds(record: SummaryRecord, sheets: readonly { id: string; name: string }[]): Set<string> {
  const value: unknown = record.setting.isNullObject ? [] : record.setting.value;
  const ids = new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
  const named = !record.name.isNullObject && record.name.type === "Range" && !record.name.visible ? sheetOfAddress(String(record.name.value)) : null;
  return new Set(sheets.filter((s) => ids.has(s.id) || s.name === named).map((s) => s.id));
}

/**
 * `'My sheet'!$A$1` → My sheet; null for any other cell. A name follows its cell when the cell
 * is cut and pasted, onto another sheet too ("When you cut and paste an entire named range,
 * Excel changes the reference accordingly", Walkenbach, Excel 2007 Formulas): a name moved off
 * A1 marks the user's sheet it was pasted into, not hyoka's.
 */
function sheetOfAddress(address: string): string | null {
  const bang = address.lastIndexOf("!");
  if (address.slice(bang + 1) !== "$A$1") return null;
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("=")) sheet = sheet.slice(1);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return sheet;
}

const TABLE_STYLE = "TableStyleMedium2";


/**
 * What the summary writes for a layout cell. Excel parses a written string as if typed
 * (office-js#1559): "1E3", "５０％", "令和5年4月1日" would become a number or a date. Every text
 * therefore carries the apostrophe text prefix, which Excel does not keep in the value. A text
 * from the workbook (an indicator's name, with its number before it) can be longer than a cell
 * holds, and Excel would refuse the whole write: it is cut.
 */
export function asExcelInput(cell: LayoutCell | undefined): string | number | boolean {
  if (!cell) return "";
  if (cell.formula) return cell.formula;
  const v = cell.value;
  // A figure that is not finite (a sum past 1.8e308): Excel has no Infinity or NaN.
  if (v === null || v === "" || (typeof v === "number" && !Number.isFinite(v))) return "";
  return typeof v === "string" ? `'${withinCellLimit(v)}` : v;
}

interface ChartBlock {
  top: number;
  left: number;
  year: number;
  rows: { label: string; rate: string; value: number | null }[];
}

/** The latest year's rates, as a two-column block referencing the indicator table's rate cells. */
function chartBlock(table: LayoutTable, left: number): ChartBlock | null {
  const { sheet: sheetCol, indicator: indicatorCol, year: yearCol } = table.columns;
  const rateCol = table.rateColumns[0];
  const rated = table.rows
    .map((row, i) => ({ row, sheetRow: table.headerRow + 1 + i }))
    .filter(({ row }) => row[rateCol]?.formula !== undefined || typeof row[rateCol]?.value === "number");
  if (!rated.length || yearCol === undefined) return null;
  const year = Math.max(...rated.map(({ row }) => Number(row[yearCol].value)));
  const rows = rated
    .filter(({ row }) => Number(row[yearCol].value) === year)
    .map(({ row, sheetRow }) => ({
      label: `${row[sheetCol]?.value ?? ""} ${row[indicatorCol]?.value ?? ""}`.trim(),
      rate: `=${toA1(sheetRow, table.left + rateCol)}`,
      value: typeof row[rateCol].value === "number" ? (row[rateCol].value as number) : null,
    }));
  return { top: table.headerRow, left, year, rows };
}

/** The whole sheet as two matrices (inputs and number formats) from A1 to the last cell. */
function sheetMatrices(layout: SummaryLayout, chart: ChartBlock | null): { inputs: (string | number | boolean)[][]; formats: string[][] } {
  const placed = layout.cells.map((p) => ({ row: p.row, col: p.col, input: asExcelInput(p.cell), format: p.cell.numberFormat }));
  if (chart) {
    placed.push({ row: chart.top, col: chart.left, input: asExcelInput({ value: "最新年度の達成率" }), format: undefined });
    placed.push({ row: chart.top, col: chart.left + 1, input: asExcelInput({ value: `${chart.year}年度` }), format: undefined });
    chart.rows.forEach((r, i) => {
      placed.push({ row: chart.top + 1 + i, col: chart.left, input: asExcelInput({ value: r.label }), format: undefined });
      placed.push({ row: chart.top + 1 + i, col: chart.left + 1, input: r.rate, format: RATE_FORMAT });
    });
  }
  const bottom = Math.max(...placed.map((p) => p.row));
  const right = Math.max(...placed.map((p) => p.col));
  const inputs = Array.from({ length: bottom + 1 }, () => Array<string | number | boolean>(right + 1).fill(""));
  const formats = Array.from({ length: bottom + 1 }, () => Array<string>(right + 1).fill("General"));
  for (const p of placed) {
    inputs[p.row][p.col] = p.input;
    if (p.format) formats[p.row][p.col] = p.format;
  }
  return { inputs, formats };
}

function tableAddress(t: LayoutTable): string {
  const lastRow = t.headerRow + Math.max(1, t.rows.length); // Excel gives a header-only table one blank row
  return `${toA1(t.headerRow, t.left)}:${toA1(lastRow, t.left + t.headers.length - 1)}`;
}

/** What the host supports beyond the manifest's ExcelApi 1.4 (requirements.ts). */
export interface SummaryFeatures {
  /** Range.conditionalFormats, ExcelApi 1.6: grade colours on the rates. */
  conditionalFormats: boolean;
  /** ChartAxis.numberFormat, ExcelApi 1.8: 0.0% on the chart's value axis. */
  chartAxisFormat: boolean;
}

export async function writeSummarySheet(
  context: Excel.RequestContext,
  results: readonly SheetResult[],
  settings: Settings,
  features: SummaryFeatures,
  writeBudget = Infinity,
): Promise<{ sheetName: string; sheetId: string }> {
  const layout = buildSummaryLayout(results, settings, { formulas: true });

  // Sync 1: the sheets and which of them hyoka made.
  const record = queueSummaryRecord(context);
  const sheets = context.workbook.worksheets.load("items/name,items/id");
  await context.sync();
  const existing = sheets.items.map((ws) => ({ name: ws.name, id: ws.id }));
  const ourIds = summarySheetIds(record, existing);
  const ours = existing.filter((s) => ourIds.has(s.id));
  const sheetName = chooseSummaryName(layout.sheetName, existing, ourIds);

  // Sync 2: a fresh sheet under a temporary name (adding it before deleting the old one never
  // leaves the workbook without a sheet), for its id.
  const ws = context.workbook.worksheets.add(`hyoka-${Date.now().toString(36)}`);
  ws.load("id");
  await context.sync();

  const tablesRight = Math.max(...[layout.indicators, layout.budget].map((t) => t.left + t.headers.length - 1));
  const chart = chartBlock(layout.indicators, tablesRight + 2);
  const { inputs, formats } = sheetMatrices(layout, chart);
  const columns = inputs[0].length;

  // Sync 3, first of all: the new sheet is hyoka's. The old ids stay listed only until their
  // sheets are gone, in this same request: the setting is saved with the file, and a sheet
  // opened from the file has an id numbered by place (office-js-docs#297, office-js#552) that
  // after a reopen can be a user's sheet's. Only ids of sheets added this session stay on record.
  const preamble: WriteJob = {
    cost: 0,
    queue: () => {
      context.workbook.settings.add(SUMMARY_SHEETS_SETTING, [ws.id, ...ours.map((s) => s.id)]);
      for (const old of ours) context.workbook.worksheets.getItem(old.id).delete();
      context.workbook.settings.add(SUMMARY_SHEETS_SETTING, [ws.id]);
      // A visible name of that spelling is the user's: left as it is (the session's ids still mark the sheet).
      const usersName = !record.name.isNullObject && record.name.visible;
      if (!record.name.isNullObject && !usersName) record.name.delete();
      if (!usersName) context.workbook.names.add(SUMMARY_NAME, ws.getRange("A1")).visible = false;
      ws.name = sheetName;
    },
  };
  // The cells, in row blocks of at most writeBudget cell writes (a value and a format per cell).
  const rowsPerBlock = Math.max(1, Math.floor(writeBudget / (2 * columns)));
  const blocks: WriteJob[] = [];
  for (let top = 0; top < inputs.length; top += rowsPerBlock) {
    const rows = Math.min(rowsPerBlock, inputs.length - top);
    blocks.push({
      cost: 2 * rows * columns,
      queue: () => {
        const range = ws.getRange(`${toA1(top, 0)}:${toA1(top + rows - 1, columns - 1)}`);
        range.numberFormat = formats.slice(top, top + rows);
        range.formulas = inputs.slice(top, top + rows);
      },
    });
  }
  await syncInBatches(context, [preamble, ...blocks], writeBudget, () => {
    const titleFont = ws.getRange(layout.title.address).format.font;
    titleFont.bold = true;
    titleFont.size = 14;
    addTables(ws, layout, features);
    if (chart && chart.rows.length) addChart(ws, chart, settings, features);
    // Not from A1: the long title and legend lines would widen column A.
    ws.getRange(`A${layout.indicators.headerRow + 1}:${toA1(inputs.length - 1, columns - 1)}`).format.autofitColumns();
    ws.activate();
  });
  return { sheetName, sheetId: ws.id };
}

function addTables(ws: Excel.Worksheet, layout: SummaryLayout, features: SummaryFeatures): void {
  for (const t of [layout.indicators, layout.budget]) {
    ws.getRange(toA1(t.titleRow, t.left)).format.font.bold = true;
    const table = ws.tables.add(tableAddress(t), true);
    table.name = t.name;
    table.style = TABLE_STYLE;
    if (!features.conditionalFormats || t.rows.length === 0) continue;
    for (const rateCol of t.rateColumns) {
      const first = t.headerRow + 1;
      const colLetters = columnLetters(t.left + rateCol);
      const range = ws.getRange(`${colLetters}${first + 1}:${colLetters}${first + t.rows.length}`);
      for (const rule of layout.gradeRules) {
        const cf = range.conditionalFormats.add("Custom");
        cf.custom.rule.formula = `=${rule.expression.replace(/\{cell\}/g, `${colLetters}${first + 1}`)}`;
        cf.custom.format.fill.color = `#${rule.fill.slice(-6)}`;
        cf.custom.format.font.color = `#${rule.font.slice(-6)}`;
      }
    }
  }
}

function addChart(ws: Excel.Worksheet, chart: ChartBlock, settings: Settings, features: SummaryFeatures): void {
  const source = ws.getRange(`${toA1(chart.top, chart.left)}:${toA1(chart.top + chart.rows.length, chart.left + 1)}`);
  const c = ws.charts.add("ColumnClustered", source, "Columns");
  c.title.text = settings.language === "en" ? `Indicator achievement rates, ${chart.year}` : `${chart.year}年度 参考指標の達成率`;
  c.legend.visible = false;
  if (features.chartAxisFormat) c.axes.valueAxis.numberFormat = RATE_FORMAT;
  c.setPosition(toA1(chart.top + chart.rows.length + 2, chart.left), toA1(chart.top + chart.rows.length + 20, chart.left + 7));
}
