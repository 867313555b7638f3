// The summary as its own .xlsx file (CLI `hyoka summary`, the preview's download): the same
// tables as the in-Excel summary sheet (buildSummaryLayout), as values because the source
// sheets are not in this file, plus the budget-vs-results roll-up. No Node import: the
// preview loads this in the browser too.

import ExcelJS from "exceljs";
import type { SheetResult } from "../../core/engine";
import { columnLetters } from "../../core/grid";
import { buildSummaryLayout, type GradeRule, type LayoutCell, type LayoutTable } from "../../core/report/summaryLayout";
import type { Settings } from "../../core/settings";
import { rollUp } from "../../core/summary";
import type { RollupFlag } from "../../core/summary/types";
import { addScatterChart } from "./chartPart";
import { FIXED_WRITE_DATE } from "./write";
import { withFixedEntryTimes } from "./zip";

export interface SummaryWorkbookOptions {
  /** File of each result, same length: adds a ファイル column. */
  files?: readonly string[];
  /** Workbook and zip-entry dates (fixed by default so the same input gives the same bytes). */
  date?: Date;
}

export const SUMMARY_WORKBOOK_SHEETS = { indicators: "達成率", budget: "事業費", rollup: "全体", departments: "作成課別" } as const;

const FLAG_LABELS: Record<RollupFlag, string> = {
  overrun: "決算超過",
  "high-spend-low-achievement": "高執行・低達成",
  "under-execution": "執行率低",
};

interface SheetTable {
  name: string;
  headers: string[];
  rows: LayoutCell[][];
  rateColumns: number[];
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
      if (cell.numberFormat) ws.getCell(i + 2, k + 1).numFmt = cell.numberFormat;
    }),
  );
  table.headers.forEach((h, k) => {
    ws.getColumn(k + 1).width = Math.max(10, Math.min(40, h.length * 2 + 4));
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

  const fromLayout = (t: LayoutTable): SheetTable => ({ name: t.name, headers: t.headers, rows: t.rows, rateColumns: t.rateColumns });
  addTableSheet(wb, SUMMARY_WORKBOOK_SHEETS.indicators, fromLayout(layout.indicators), layout.gradeRules);
  addTableSheet(wb, SUMMARY_WORKBOOK_SHEETS.budget, fromLayout(layout.budget), null);

  const rollup = rollUp(results, settings, { files: options.files });
  const rate = (v: number | null): LayoutCell => ({ value: v, numberFormat: "0.0%" });
  const amount = (v: number | null): LayoutCell => ({ value: v, numberFormat: "#,##0" });
  // Over many files the same measure may come twice (a copy, another year's book): name the file.
  const withFile = options.files !== undefined;
  const rollupHeaders = [
    ...(withFile ? ["ファイル"] : []),
    ...["シート", "施策課題", "作成課", "評価年度", "評価区分", "平均達成率", "最小達成率", "予算", "決算", "決算見込", "執行率", "予算/計画", "フラグ", "エラー", "警告"],
  ];
  const rollupColumn = (header: string) => rollupHeaders.indexOf(header);
  addTableSheet(
    wb,
    SUMMARY_WORKBOOK_SHEETS.rollup,
    {
      name: "hyoka_rollup",
      headers: rollupHeaders,
      rows: rollup.measures.map((m) => [
        ...(withFile ? [{ value: m.file }] : []),
        { value: m.sheet },
        { value: [m.measureCode, m.measureName].filter((x) => x).join(" ") },
        { value: m.department },
        { value: m.fiscalYear },
        { value: m.evaluationCode },
        rate(m.meanRate),
        rate(m.minRate),
        amount(m.budget),
        amount(m.settlement),
        { value: m.settlementIsForecast ? "見込" : null },
        rate(m.executionRate),
        rate(m.budgetToPlan),
        { value: m.flags.map((f) => FLAG_LABELS[f]).join("、") || null },
        { value: m.counts.error },
        { value: m.counts.warning },
      ]),
      rateColumns: [rollupColumn("平均達成率"), rollupColumn("最小達成率")],
    },
    layout.gradeRules,
  );
  // 決算見込 (forecasts of the current year) is totalled apart from 決算; 評価年度不明 counts the
  // measures whose figures could not be taken (blank totals rather than a misleading 0).
  addTableSheet(
    wb,
    SUMMARY_WORKBOOK_SHEETS.departments,
    {
      name: "hyoka_departments",
      headers: ["作成課", "施策数", "評価年度不明", "予算計", "決算計", "決算見込計", "執行率(見込含む)", ...Object.values(FLAG_LABELS)],
      rows: rollup.departments.map((d) => [
        { value: d.department ?? "(作成課なし)" },
        { value: d.measures },
        { value: d.unknownYear },
        amount(d.budget),
        amount(d.settlement),
        amount(d.settlementForecast),
        rate(d.executionRate),
        ...(Object.keys(FLAG_LABELS) as RollupFlag[]).map((f) => ({ value: d.flags[f] })),
      ]),
      rateColumns: [6],
    },
    null,
  );

  const buffer = await wb.xlsx.writeBuffer();
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
  // 執行率 against 平均達成率 of the roll-up, right of its table.
  const last = rollup.measures.length + 1;
  const x = columnLetters(rollupColumn("執行率"));
  const y = columnLetters(rollupColumn("平均達成率"));
  const fromCol = rollupHeaders.length + 1;
  const charted = last < 2 ? bytes : await addScatterChart(bytes, {
    sheetName: SUMMARY_WORKBOOK_SHEETS.rollup, title: "執行率と平均達成率", xTitle: "執行率", yTitle: "平均達成率",
    xRange: `${x}2:${x}${last}`, yRange: `${y}2:${y}${last}`, seriesName: "施策", anchor: { fromCol, fromRow: 1, toCol: fromCol + 9, toRow: 21 },
  });
  return withFixedEntryTimes(charted, date);
}
