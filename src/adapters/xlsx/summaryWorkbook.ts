// The summary as its own .xlsx file (CLI `hyoka summary`, the preview's download): the same
// tables as the in-Excel summary sheet (buildSummaryLayout), as values because the source
// sheets are not in this file, plus the budget-vs-results roll-up. No Node import: the
// preview loads this in the browser too.

import ExcelJS from "exceljs";
import type { SheetResult } from "../../core/engine";
import { AMOUNT_FORMAT, RATE_FORMAT } from "../../core/format/number";
import { columnLetters } from "../../core/grid";
import { FORECAST_SETTLEMENT } from "../../core/terms";
import { buildSummaryLayout, withinCellLimit, type GradeRule, type LayoutCell, type LayoutTable } from "../../core/report/summaryLayout";
import { buildLinkTable } from "../../core/report/linkTable";
import type { LinkGroup } from "../../core/link";
import type { Language } from "../../core/findings";
import type { Settings } from "../../core/settings";
import { rollUp, type ProjectRollup, type ProjectTotals, type ScaleDistribution } from "../../core/summary";
import { ROLLUP_FLAGS } from "../../core/summary/rollup";
import type { RollupFlag } from "../../core/summary/types";
import { addChart, addScatterChart, type BarChartSpec } from "./chartPart";
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
  ja: { indicators: "達成率", budget: "事業費", rollup: "全体", departments: "作成課別", projects: "事務事業", measures: "施策別" },
  en: { indicators: "Achievement rates", budget: "Project costs", rollup: "Overview", departments: "By department", projects: "Projects", measures: "By measure" },
} as const satisfies Record<Language, Record<string, string>>;

/** The Japanese names (the default language). */
export const SUMMARY_WORKBOOK_SHEETS = SUMMARY_WORKBOOK_SHEET_NAMES.ja;

type RollupKey =
  | "file" | "sheet" | "measure" | "department" | "fiscalYear" | "evaluation" | "meanRate" | "minRate"
  | "budget" | "settlement" | "forecast" | "executionRate" | "budgetToPlan" | "flags" | "errors" | "warnings";

type ProjectKey =
  | "file" | "sheet" | "project" | "department" | "policyArea" | "fiscalYear" | "unit" | "budget" | "settlement" | "forecast"
  | "executionRate" | "generalShare" | "staffShare" | "totalCost" | "achievement" | "direction" | "errors" | "warnings";

type ProjectTotalsKey = "group" | "unit" | "projects" | "unknownYear" | "budget" | "settlement" | "forecast" | "executionRate" | "totalCost";

interface ProjectWords {
  columns: Record<ProjectKey, string>;
  totals: Record<ProjectTotalsKey, string>;
  byDepartment: string;
  byPolicyArea: string;
  policyArea: string;
  achievement: string;
  direction: string;
  value: string;
  count: string;
  none: string;
  noDepartment: string;
  noPolicyArea: string;
  chartTitle: string;
}

interface SummaryWords {
  projects: ProjectWords;
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
    projects: {
      columns: {
        file: "ファイル",
        sheet: "シート",
        project: "事務事業",
        department: "所属",
        policyArea: "政策分野",
        fiscalYear: "評価年度",
        unit: "単位",
        budget: "予算(事業費A)",
        settlement: "決算",
        forecast: FORECAST_SETTLEMENT.heading.ja,
        executionRate: "執行率",
        generalShare: "一般財源比率",
        staffShare: "人件費比率",
        totalCost: "総コスト",
        achievement: "達成度",
        direction: "方向性区分",
        errors: "エラー",
        warnings: "警告",
      },
      totals: {
        group: "所属",
        unit: "単位",
        projects: "事業数",
        unknownYear: "評価年度不明",
        budget: "予算計",
        settlement: "決算計",
        forecast: `${FORECAST_SETTLEMENT.heading.ja}計`,
        executionRate: `執行率(${FORECAST_SETTLEMENT.mark.ja}含む)`,
        totalCost: "総コスト計",
      },
      byDepartment: "所属別の合計(評価年度)",
      byPolicyArea: "政策分野別の合計(評価年度)",
      policyArea: "政策分野",
      achievement: "達成度の分布",
      direction: "方向性区分の分布",
      value: "値",
      count: "事業数",
      none: "(未記入・読めない)",
      noDepartment: "(所属なし)",
      noPolicyArea: "(政策分野なし)",
      chartTitle: "所属別の予算と総コスト",
    },
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
      forecast: FORECAST_SETTLEMENT.heading.ja,
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
      forecast: `${FORECAST_SETTLEMENT.heading.ja}計`,
      executionRate: `執行率(${FORECAST_SETTLEMENT.mark.ja}含む)`,
    },
    flags: { overrun: "決算超過", "high-spend-low-achievement": "高執行・低達成", "under-execution": "執行率低" },
    flagSeparator: "、",
    forecastMark: FORECAST_SETTLEMENT.mark.ja,
    noDepartment: "(作成課なし)",
    chartTitle: "執行率と平均達成率",
    chartSeries: "施策",
    // Japanese headings are full-width: about two columns of width per character.
    widthPerChar: 2,
  },
  en: {
    projects: {
      columns: {
        file: "File",
        sheet: "Sheet",
        project: "Project",
        department: "Department",
        policyArea: "Policy area",
        fiscalYear: "Fiscal year",
        unit: "Unit",
        budget: "Budget (project cost)",
        settlement: "Settlement",
        forecast: FORECAST_SETTLEMENT.heading.en,
        executionRate: "Execution rate",
        generalShare: "General revenue share",
        staffShare: "Staff cost share",
        totalCost: "Total cost",
        achievement: "Achievement level",
        direction: "Direction class",
        errors: "Errors",
        warnings: "Warnings",
      },
      totals: {
        group: "Department",
        unit: "Unit",
        projects: "Projects",
        unknownYear: "Fiscal year unknown",
        budget: "Budget total",
        settlement: "Settlement total",
        forecast: `${FORECAST_SETTLEMENT.heading.en} total`,
        executionRate: `Execution rate (incl. ${FORECAST_SETTLEMENT.mark.en})`,
        totalCost: "Total cost",
      },
      byDepartment: "Totals by department (evaluation year)",
      byPolicyArea: "Totals by policy area (evaluation year)",
      policyArea: "Policy area",
      achievement: "Achievement levels",
      direction: "Direction classes",
      value: "Value",
      count: "Projects",
      none: "(blank or unreadable)",
      noDepartment: "(no department)",
      noPolicyArea: "(no policy area)",
      chartTitle: "Budget and total cost by department",
    },
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
      forecast: FORECAST_SETTLEMENT.heading.en,
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
      forecast: `${FORECAST_SETTLEMENT.heading.en} total`,
      executionRate: `Execution rate (incl. ${FORECAST_SETTLEMENT.mark.en})`,
    },
    flags: { overrun: "Overrun", "high-spend-low-achievement": "High spend, low achievement", "under-execution": "Under-execution" },
    // "; " because a label holds a comma.
    flagSeparator: "; ",
    forecastMark: FORECAST_SETTLEMENT.mark.en,
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

/** A rate and an amount as the summary sheets show them. */
const rate = (v: number | null): LayoutCell => ({ value: v, numberFormat: RATE_FORMAT });
const amount = (v: number | null): LayoutCell => ({ value: v, numberFormat: AMOUNT_FORMAT });

/**
 * Cell text (from the checked files: hostile) as Excel will show it. exceljs writes a string as a
 * shared string — never a formula, whatever it starts with — and drops C0 controls, but passes on
 * U+FFFE/U+FFFF (not XML: the file no longer opens) and `_xHHHH_`, which Excel decodes as an
 * escape (`_x0041_` would show as A): its underscore is escaped as `_x005F_`.
 */
export function excelText(text: string): string {
  // Escaped before the cut, so the written text is within the limit; a cut never completes an escape.
  return withinCellLimit(text.replace(/[\uFFFE\uFFFF]/g, "").replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1"));
}

/** A value as written: text through excelText; a figure that is not finite (a sum past 1.8e308) blank, as Excel has no Infinity or NaN. */
function excelValue(v: LayoutCell["value"]): LayoutCell["value"] {
  if (typeof v === "string") return excelText(v);
  if (typeof v === "number" && !Number.isFinite(v)) return null;
  return v;
}

/** An Excel table with its header on `top` (1-based row) at column A, number formats applied. */
function addTableAt(ws: ExcelJS.Worksheet, top: number, table: Pick<SheetTable, "name" | "headers" | "rows">): void {
  if (table.rows.length === 0) {
    // exceljs writes an invalid table part for zero rows: a plain header instead.
    table.headers.forEach((h, k) => (ws.getCell(top, k + 1).value = h));
  } else {
    ws.addTable({
      name: table.name,
      ref: `A${top}`,
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: table.headers.map((name) => ({ name, filterButton: true })),
      rows: table.rows.map((row) => row.map((c) => excelValue(c.value))),
    });
  }
  table.rows.forEach((row, i) =>
    row.forEach((cell, k) => {
      const target = ws.getCell(top + i + 1, k + 1);
      if (cell.numberFormat) target.numFmt = cell.numberFormat;
      // A formula keeps the core's figure as its cached result: shown before any recalculation.
      if (cell.formula) target.value = { formula: cell.formula.replace(/^=/, ""), result: excelValue(cell.value) ?? undefined } as ExcelJS.CellFormulaValue;
    }),
  );
}

function addTableSheet(wb: ExcelJS.Workbook, sheetName: string, table: SheetTable, gradeRules: GradeRule[] | null): void {
  const ws = wb.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  addTableAt(ws, 1, table);
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

  // 事務事業評価シート: one line per project, totals by 所属 and policy area, the distributions.
  const projectChart = rollup.sheets.project > 0 ? addProjectSheet(wb, sheetNames.projects, rollup.projects, words, withFile) : null;

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
  let charted = last < 2 ? bytes : await addScatterChart(bytes, {
    sheetName: sheetNames.rollup, title: words.chartTitle, xTitle: words.rollup.executionRate, yTitle: words.rollup.meanRate,
    xRange: `${x}2:${x}${last}`, yRange: `${y}2:${y}${last}`, seriesName: words.chartSeries, anchor: { fromCol, fromRow: 1, toCol: fromCol + 9, toRow: 21 },
  });
  if (projectChart) charted = await addChart(charted, projectChart);
  return withFixedEntryTimes(charted, date);
}

/**
 * The 事務事業 sheet: the projects (Excel table at A1), then the totals by 所属 and by policy
 * area and the 達成度 / 方向性区分 distributions, each a table of its own under a heading; the
 * chart of 予算 and 総コスト by 所属 to the right of its totals. Returns that chart, or null
 * when there are no totals to chart.
 */
function addProjectSheet(wb: ExcelJS.Workbook, sheetName: string, rollup: ProjectRollup, words: SummaryWords, withFile: boolean): BarChartSpec | null {
  const w = words.projects;
  const ws = wb.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  type Line = ProjectRollup["projects"][number];
  const columns: { key: ProjectKey; cell: (l: Line) => LayoutCell }[] = [
    ...(withFile ? [{ key: "file" as const, cell: (l: Line) => ({ value: l.file }) }] : []),
    { key: "sheet", cell: (l) => ({ value: l.sheet }) },
    { key: "project", cell: (l) => ({ value: [l.projectCode, l.projectName].filter((x) => x).join(" ") }) },
    { key: "department", cell: (l) => ({ value: l.department }) },
    { key: "policyArea", cell: (l) => ({ value: l.policyArea }) },
    { key: "fiscalYear", cell: (l) => ({ value: l.fiscalYear }) },
    { key: "unit", cell: (l) => ({ value: l.costUnit }) },
    { key: "budget", cell: (l) => amount(l.budget) },
    { key: "settlement", cell: (l) => amount(l.settlement) },
    { key: "forecast", cell: (l) => ({ value: l.settlementIsForecast ? words.forecastMark : null }) },
    { key: "executionRate", cell: (l) => rate(l.executionRate) },
    { key: "generalShare", cell: (l) => rate(l.generalShare) },
    { key: "staffShare", cell: (l) => rate(l.staffShare) },
    { key: "totalCost", cell: (l) => amount(l.totalCost) },
    { key: "achievement", cell: (l) => ({ value: l.achievement }) },
    { key: "direction", cell: (l) => ({ value: l.direction }) },
    { key: "errors", cell: (l) => ({ value: l.counts.error }) },
    { key: "warnings", cell: (l) => ({ value: l.counts.warning }) },
  ];
  addTableAt(ws, 1, { name: "hyoka_projects", headers: columns.map((c) => w.columns[c.key]), rows: rollup.projects.map((l) => columns.map((c) => c.cell(l))) });
  columns.forEach((c, k) => (ws.getColumn(k + 1).width = Math.max(10, Math.min(40, Math.round(w.columns[c.key].length * words.widthPerChar) + 4))));

  const totalsRows = (totals: ProjectTotals[], none: string): LayoutCell[][] =>
    totals.map((t) => [
      { value: t.group ?? none },
      { value: t.costUnit },
      { value: t.projects },
      { value: t.unknownYear },
      amount(t.budget),
      amount(t.settlement),
      amount(t.settlementForecast),
      rate(t.executionRate),
      amount(t.totalCost),
    ]);
  const totalsKeys: ProjectTotalsKey[] = ["group", "unit", "projects", "unknownYear", "budget", "settlement", "forecast", "executionRate", "totalCost"];
  let row = rollup.projects.length + 3;
  const section = (title: string, name: string, headers: string[], rows: LayoutCell[][]): number => {
    ws.getCell(row, 1).value = title;
    ws.getCell(row, 1).font = { bold: true };
    const top = row + 1;
    addTableAt(ws, top, { name, headers, rows });
    row = top + Math.max(1, rows.length) + 2;
    return top;
  };
  const departmentTop = section(w.byDepartment, "hyoka_project_departments", totalsKeys.map((k) => w.totals[k]), totalsRows(rollup.byDepartment, w.noDepartment));
  const policyHeaders = totalsKeys.map((k) => (k === "group" ? w.policyArea : w.totals[k]));
  section(w.byPolicyArea, "hyoka_project_policy_areas", policyHeaders, totalsRows(rollup.byPolicyArea, w.noPolicyArea));
  const distribution = (d: ScaleDistribution): LayoutCell[][] => [...d.values.map((v) => [{ value: v.value }, { value: v.count }]), [{ value: w.none }, { value: d.none }]];
  section(w.achievement, "hyoka_project_achievement", [w.value, w.count], distribution(rollup.achievement));
  section(w.direction, "hyoka_project_direction", [w.value, w.count], distribution(rollup.direction));

  const departments = rollup.byDepartment.length;
  if (departments === 0) return null;
  const first = departmentTop + 1;
  const lastRow = departmentTop + departments;
  const column = (key: ProjectTotalsKey) => columnLetters(totalsKeys.indexOf(key));
  const fromCol = columns.length + 1;
  return {
    kind: "bar",
    sheetName,
    title: w.chartTitle,
    categories: `A${first}:A${lastRow}`,
    series: [
      { name: w.totals.budget, values: `${column("budget")}${first}:${column("budget")}${lastRow}` },
      { name: w.totals.totalCost, values: `${column("totalCost")}${first}:${column("totalCost")}${lastRow}` },
    ],
    yTitle: w.totals.totalCost,
    numberFormat: AMOUNT_FORMAT,
    anchor: { fromCol, fromRow: departmentTop - 1, toCol: fromCol + 9, toRow: departmentTop + 19 },
  };
}
