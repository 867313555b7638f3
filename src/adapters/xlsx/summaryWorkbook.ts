// The summary as its own .xlsx file (CLI `hyoka summary`, the preview's download): the same
// tables as the in-Excel summary sheet (buildSummaryLayout), as values because the source
// sheets are not in this file, plus the budget-vs-results roll-up. No Node import: the
// preview loads this in the browser too.

import ExcelJS from "exceljs";
import type { SheetResult } from "../../core/engine";
import { columnLetters } from "../../core/grid";
import { buildSummaryLayout, type GradeRule, type LayoutCell, type LayoutTable } from "../../core/report/summaryLayout";
import { buildLinkTable } from "../../core/report/linkTable";
import type { LinkGroup } from "../../core/link";
import type { Language } from "../../core/findings";
import type { Settings } from "../../core/settings";
import { rollUp } from "../../core/summary";
import { ROLLUP_FLAGS } from "../../core/summary/rollup";
import type { RollupFlag } from "../../core/summary/types";
import { addScatterChart } from "./chartPart";
import { FIXED_WRITE_DATE } from "./write";
import { withFixedEntryTimes } from "./zip";

export interface SummaryWorkbookOptions {
  /** File of each result, same length: adds a ファイル column. */
  files?: readonly string[];
  /** Workbook and zip-entry dates (fixed by default so the same input gives the same bytes). */
  date?: Date;
  /** The 施策 the sheets were linked into (core/link): adds the 施策別 sheet. */
  links?: readonly LinkGroup[];
}

/** The sheet names per language (settings.language picks them, like the layout's headings). */
export const SUMMARY_WORKBOOK_SHEET_NAMES = {
  ja: { indicators: "達成率", budget: "事業費", rollup: "全体", departments: "作成課別", measures: "施策別" },
  en: { indicators: "Achievement rates", budget: "Project costs", rollup: "Overview", departments: "By department", measures: "By measure" },
} as const satisfies Record<Language, Record<string, string>>;

/** The Japanese names (the default language). */
export const SUMMARY_WORKBOOK_SHEETS = SUMMARY_WORKBOOK_SHEET_NAMES.ja;

type RollupKey =
  | "file" | "sheet" | "measure" | "department" | "fiscalYear" | "evaluation" | "meanRate" | "minRate"
  | "budget" | "settlement" | "forecast" | "executionRate" | "budgetToPlan" | "flags" | "errors" | "warnings";

interface SummaryWords {
  rollup: Record<RollupKey, string>;
  departments: Record<"department" | "measures" | "unknownYear" | "budget" | "settlement" | "forecast" | "executionRate", string>;
  flags: Record<RollupFlag, string>;
  flagSeparator: string;
  forecastMark: string;
  noDepartment: string;
  chartTitle: string;
  chartSeries: string;
  widthPerChar: number;
}

/** Headings, marks and chart words of the roll-up and department sheets, per language. */
const WORDS: Record<Language, SummaryWords> = {
  ja: {
    rollup: {
      file: "ファイル",
      sheet: "シート",
      measure: "施策課題",
      department: "作成課",
      fiscalYear: "評価年度",
      evaluation: "評価区分",
      meanRate: "平均達成率",
      minRate: "最小達成率",
      budget: "予算",
      settlement: "決算",
      forecast: "決算見込",
      executionRate: "執行率",
      budgetToPlan: "予算/計画",
      flags: "フラグ",
      errors: "エラー",
      warnings: "警告",
    },
    departments: {
      department: "作成課",
      measures: "施策数",
      unknownYear: "評価年度不明",
      budget: "予算計",
      settlement: "決算計",
      forecast: "決算見込計",
      executionRate: "執行率(見込含む)",
    },
    flags: { overrun: "決算超過", "high-spend-low-achievement": "高執行・低達成", "under-execution": "執行率低" },
    flagSeparator: "、",
    forecastMark: "見込",
    noDepartment: "(作成課なし)",
    chartTitle: "執行率と平均達成率",
    chartSeries: "施策",
    // Japanese headings are full-width: about two columns of width per character.
    widthPerChar: 2,
  },
  en: {
    rollup: {
      file: "File",
      sheet: "Sheet",
      measure: "Measure",
      department: "Department",
      fiscalYear: "Fiscal year",
      evaluation: "Evaluation",
      meanRate: "Mean achievement",
      minRate: "Lowest achievement",
      budget: "Budget",
      settlement: "Settlement",
      forecast: "Forecast",
      executionRate: "Execution rate",
      budgetToPlan: "Budget/plan",
      flags: "Flags",
      errors: "Errors",
      warnings: "Warnings",
    },
    departments: {
      department: "Department",
      measures: "Measures",
      unknownYear: "Fiscal year unknown",
      budget: "Budget total",
      settlement: "Settlement total",
      forecast: "Forecast total",
      executionRate: "Execution rate (incl. forecast)",
    },
    flags: { overrun: "Overrun", "high-spend-low-achievement": "High spend, low achievement", "under-execution": "Under-execution" },
    // "; " because a label holds a comma.
    flagSeparator: "; ",
    forecastMark: "forecast",
    noDepartment: "(no department)",
    chartTitle: "Execution rate vs mean achievement",
    chartSeries: "Measures",
    widthPerChar: 1.2,
  },
};

interface SheetTable {
  name: string;
  headers: string[];
  rows: LayoutCell[][];
  rateColumns: number[];
  /** Column width per heading character (full-width Japanese needs about 2). */
  widthPerChar: number;
}

function addTableSheet(wb: ExcelJS.Workbook, sheetName: string, table: SheetTable, gradeRules: GradeRule[] | null): void {
  const ws = wb.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  if (table.rows.length === 0) {
    // exceljs writes an invalid table part for zero rows: a plain header instead.
    ws.addRow(table.headers);
  } else {
    ws.addTable({
      name: table.name,
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: table.headers.map((name) => ({ name, filterButton: true })),
      rows: table.rows.map((row) => row.map((c) => c.value)),
    });
  }
  table.rows.forEach((row, i) =>
    row.forEach((cell, k) => {
      const target = ws.getCell(i + 2, k + 1);
      if (cell.numberFormat) target.numFmt = cell.numberFormat;
      // A formula keeps the core's figure as its cached result: shown before any recalculation.
      if (cell.formula) target.value = { formula: cell.formula.replace(/^=/, ""), result: cell.value ?? undefined } as ExcelJS.CellFormulaValue;
    }),
  );
  table.headers.forEach((h, k) => {
    ws.getColumn(k + 1).width = Math.max(10, Math.min(40, Math.round(h.length * table.widthPerChar) + 4));
  });
  if (gradeRules && table.rows.length > 0) {
    for (const k of table.rateColumns) {
      const first = `${columnLetters(k)}2`;
      ws.addConditionalFormatting({
        ref: `${first}:${columnLetters(k)}${table.rows.length + 1}`,
        rules: gradeRules.map((rule, priority) => ({
          type: "expression",
          priority: priority + 1,
          formulae: [rule.expression.split("{cell}").join(first)],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: rule.fill } },
            font: { color: { argb: rule.font } },
          },
        })),
      });
    }
  }
}

export async function writeSummaryWorkbook(
  results: readonly SheetResult[],
  settings: Settings,
  options: SummaryWorkbookOptions = {},
): Promise<Uint8Array> {
  const date = options.date ?? FIXED_WRITE_DATE;
  const layout = buildSummaryLayout(results, settings, { formulas: false, files: options.files });
  const wb = new ExcelJS.Workbook();
  wb.creator = "hyoka";
  wb.lastModifiedBy = "hyoka";
  wb.created = date;
  wb.modified = date;
  wb.description = String(layout.legend.cell.value ?? "");

  const words = WORDS[settings.language];
  const sheetNames = SUMMARY_WORKBOOK_SHEET_NAMES[settings.language];
  const fromLayout = (t: LayoutTable): SheetTable => ({
    name: t.name,
    headers: t.headers,
    rows: t.rows,
    rateColumns: t.rateColumns,
    widthPerChar: words.widthPerChar,
  });
  addTableSheet(wb, sheetNames.indicators, fromLayout(layout.indicators), layout.gradeRules);
  addTableSheet(wb, sheetNames.budget, fromLayout(layout.budget), null);

  const rollup = rollUp(results, settings, { files: options.files });
  const rate = (v: number | null): LayoutCell => ({ value: v, numberFormat: "0.0%" });
  const amount = (v: number | null): LayoutCell => ({ value: v, numberFormat: "#,##0" });
  type Measure = (typeof rollup.measures)[number];
  // Over many files the same measure may come twice (a copy, another year's book): name the file.
  const withFile = options.files !== undefined;
  // Columns are found by key, never by heading text, so the chart and the colours follow any language.
  const rollupColumns: { key: RollupKey; cell: (m: Measure) => LayoutCell }[] = [
    ...(withFile ? [{ key: "file" as const, cell: (m: Measure) => ({ value: m.file }) }] : []),
    { key: "sheet", cell: (m) => ({ value: m.sheet }) },
    { key: "measure", cell: (m) => ({ value: [m.measureCode, m.measureName].filter((x) => x).join(" ") }) },
    { key: "department", cell: (m) => ({ value: m.department }) },
    { key: "fiscalYear", cell: (m) => ({ value: m.fiscalYear }) },
    { key: "evaluation", cell: (m) => ({ value: m.evaluationCode }) },
    { key: "meanRate", cell: (m) => rate(m.meanRate) },
    { key: "minRate", cell: (m) => rate(m.minRate) },
    { key: "budget", cell: (m) => amount(m.budget) },
    { key: "settlement", cell: (m) => amount(m.settlement) },
    { key: "forecast", cell: (m) => ({ value: m.settlementIsForecast ? words.forecastMark : null }) },
    { key: "executionRate", cell: (m) => rate(m.executionRate) },
    { key: "budgetToPlan", cell: (m) => rate(m.budgetToPlan) },
    { key: "flags", cell: (m) => ({ value: m.flags.map((f) => words.flags[f]).join(words.flagSeparator) || null }) },
    { key: "errors", cell: (m) => ({ value: m.counts.error }) },
    { key: "warnings", cell: (m) => ({ value: m.counts.warning }) },
  ];
  const rollupColumn = (key: RollupKey) => rollupColumns.findIndex((c) => c.key === key);
  addTableSheet(
    wb,
    sheetNames.rollup,
    {
      name: "hyoka_rollup",
      headers: rollupColumns.map((c) => words.rollup[c.key]),
      rows: rollup.measures.map((m) => rollupColumns.map((c) => c.cell(m))),
      rateColumns: [rollupColumn("meanRate"), rollupColumn("minRate")],
      widthPerChar: words.widthPerChar,
    },
    layout.gradeRules,
  );
  // 決算見込 (forecasts of the current year) is totalled apart from 決算; 評価年度不明 counts the
  // measures whose figures could not be taken (blank totals rather than a misleading 0).
  const dept = words.departments;
  addTableSheet(
    wb,
    sheetNames.departments,
    {
      name: "hyoka_departments",
      headers: [dept.department, dept.measures, dept.unknownYear, dept.budget, dept.settlement, dept.forecast, dept.executionRate, ...ROLLUP_FLAGS.map((f) => words.flags[f])],
      rows: rollup.departments.map((d) => [
        { value: d.department ?? words.noDepartment },
        { value: d.measures },
        { value: d.unknownYear },
        amount(d.budget),
        amount(d.settlement),
        amount(d.settlementForecast),
        rate(d.executionRate),
        ...ROLLUP_FLAGS.map((f) => ({ value: d.flags[f] })),
      ]),
      rateColumns: [6],
      widthPerChar: words.widthPerChar,
    },
    null,
  );

  if (options.links && options.links.length > 0) {
    const table = buildLinkTable(options.links, settings.language);
    addTableSheet(wb, sheetNames.measures, { name: "hyoka_measures", headers: table.headers, rows: table.rows, rateColumns: [], widthPerChar: words.widthPerChar }, null);
  }

  const buffer = await wb.xlsx.writeBuffer();
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
  // 執行率 against 平均達成率 of the roll-up, right of its table.
  const last = rollup.measures.length + 1;
  const x = columnLetters(rollupColumn("executionRate"));
  const y = columnLetters(rollupColumn("meanRate"));
  const fromCol = rollupColumns.length + 1;
  const charted = last < 2 ? bytes : await addScatterChart(bytes, {
    sheetName: sheetNames.rollup, title: words.chartTitle, xTitle: words.rollup.executionRate, yTitle: words.rollup.meanRate,
    xRange: `${x}2:${x}${last}`, yRange: `${y}2:${y}${last}`, seriesName: words.chartSeries, anchor: { fromCol, fromRow: 1, toCol: fromCol + 9, toRow: 21 },
  });
  return withFixedEntryTimes(charted, date);
}
