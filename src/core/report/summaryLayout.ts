// The summary sheet "達成率サマリー" as data: which value (and, for Excel, which live formula)
// goes in which cell. The Office adapter writes it with formulas into the checked workbook;
// the .xlsx writer and the preview write the values. The layout is anchored at A1 of the
// summary sheet: `row`/`col` are 0-based sheet coordinates, so formulas can point at the
// summary's own cells.

import type { SheetResult } from "../engine";
import type { CellRef, EvaluationSheet, Field, Indicator, IndicatorRow } from "../model";
import type { Settings } from "../settings";
import { columnLetters, toA1 } from "../grid";
import type { Grade, IndicatorSummary, IndicatorYearSummary, SheetSummary } from "../summary/types";
import { circled, gradeLabel } from "./labels";

export const SUMMARY_SHEET_NAME = "達成率サマリー";

export interface LayoutCell {
  value: string | number | boolean | null;
  /** Excel formula with its leading `=`; `value` is then the result the core computed. */
  formula?: string;
  numberFormat?: string;
  /** Why the cell holds a value where a formula was expected (also shown in 備考). */
  note?: string;
}

export interface PlacedCell {
  row: number;
  col: number;
  /** A1 address of (row, col) on the summary sheet. */
  address: string;
  cell: LayoutCell;
}

export interface LayoutTable {
  /** A valid Excel table name. */
  name: string;
  title: string;
  titleRow: number;
  headerRow: number;
  left: number;
  headers: string[];
  /** Data rows, the first at headerRow + 1. */
  rows: LayoutCell[][];
  /** Column offsets (within the table) holding fractions shown as 0.0%. */
  rateColumns: number[];
}

export interface GradeRule {
  grade: Grade;
  /**
   * Conditional-format expression for the first data cell of a rate column (relative
   * references, as Excel expects for a range's top-left cell); `{cell}` stands for it.
   */
  expression: string;
  fill: string;
  font: string;
}

export interface SummaryLayout {
  sheetName: string;
  title: PlacedCell;
  /** One line describing the formulas and thresholds used. */
  legend: PlacedCell;
  indicators: LayoutTable;
  budget: LayoutTable;
  gradeRules: GradeRule[];
  /** Every non-empty cell above, in row-major order, for adapters that write cell by cell. */
  cells: PlacedCell[];
}

export interface SummaryLayoutOptions {
  formulas: boolean;
  /** File of each result (same length as results): adds a ファイル column (CLI over many files). */
  files?: readonly string[];
}

const RATE_FORMAT = "0.0%";
const AMOUNT_FORMAT = "#,##0";

/** `'Sheet name'!D45`: always quoted, `'` doubled, as Excel accepts for any sheet name. */
export function sheetRef(ref: CellRef): string {
  return `'${ref.sheet.replace(/'/g, "''")}'!${ref.address}`;
}

/**
 * A source figure: a live reference when Excel arithmetic would read the source cell as the
 * core did (status ok), otherwise the core's number as a value and a note saying why.
 */
function sourceCell(field: Field<number> | undefined, value: number | null, formulas: boolean, numberFormat?: string): LayoutCell {
  const cell: LayoutCell = { value };
  if (numberFormat) cell.numberFormat = numberFormat;
  if (!field) return cell;
  if (field.status === "normalized") cell.note = `元セルは文字列: ${field.raw} → ${field.value ?? ""}`;
  else if (field.status === "invalid") cell.note = `元セルは数値として読めません: ${field.raw}`;
  else if (field.status === "no-value") cell.note = `元セルは値なし: ${field.raw}`;
  else if (formulas && field.status === "ok" && field.cell) cell.formula = `=${sheetRef(field.cell)}`;
  return cell;
}

/** Rate over the summary's own cells, following the settings the core used. */
function rateFormula(
  direction: Indicator["direction"]["value"],
  settings: Settings,
  plan: string,
  actual: string,
  base: { plan: string; actual: string } | null,
): string | undefined {
  const blank = `${plan}="",${actual}=""`;
  // Target indicators keep the absolute form whatever rateBasis says (as the core does).
  if (settings.rateBasis === "change-from-base" && direction !== "target") {
    if (!base || direction === null) return undefined;
    // 基準 = the base row's 実績値, its 計画値 when the actual is blank (as the core does).
    const b = `IF(${base.actual}="",${base.plan},${base.actual})`;
    return `=IF(OR(${blank},${b}=""),"",IF(${plan}=${b},"",(${actual}-${b})/(${plan}-${b})))`;
  }
  switch (direction) {
    case "higher":
      return `=IF(OR(${blank}),"",IF(${plan}=0,"",${actual}/${plan}))`;
    case "lower":
      return settings.lowerIsBetter === "two-minus"
        ? `=IF(OR(${blank}),"",IF(${plan}=0,"",2-${actual}/${plan}))`
        : `=IF(OR(${blank}),"",IF(${plan}=0,"",IF(${actual}=0,"",${plan}/${actual})))`;
    case "target":
      return `=IF(OR(${blank}),"",IF(${plan}=0,"",1-ABS(${actual}-${plan})/ABS(${plan})))`;
    default:
      return undefined;
  }
}

function gradeFormula(rate: string, settings: Settings): string {
  return `=IF(${rate}="","",IF(${rate}>=${settings.gradeAchieved},"${gradeLabel("achieved", "ja")}",IF(${rate}>=${settings.gradeNearly},"${gradeLabel("nearly", "ja")}","${gradeLabel("not", "ja")}")))`;
}

function legendText(settings: Settings): string {
  const lower = settings.lowerIsBetter === "two-minus" ? "2−実績/計画" : "計画/実績";
  const basis = settings.rateBasis === "change-from-base" ? "基準年からの変化 (実績−基準)/(計画−基準)" : `大きいほどよい: 実績/計画, 小さいほどよい: ${lower}`;
  return `達成率 = ${basis}; 評価: ${settings.gradeAchieved * 100}%以上 達成, ${settings.gradeNearly * 100}%以上 概ね達成, それ未満 未達成`;
}

function measureLabel(s: SheetSummary): string {
  return [s.measureCode, s.measureName].filter((x) => x).join(" ");
}

/** The model row a summary year came from (its plan cell tells duplicates apart). */
function modelRowOf(ind: Indicator, ys: IndicatorYearSummary): IndicatorRow | undefined {
  return (
    ind.rows.find((row) => row.year.value === ys.year && (row.plan.cell?.address ?? null) === ys.cells.plan) ??
    ind.rows.find((row) => row.year.value === ys.year)
  );
}

const withNote = (notes: string[]): LayoutCell => ({ value: notes.length ? notes.join("; ") : null });

export function buildSummaryLayout(results: readonly SheetResult[], settings: Settings, options: SummaryLayoutOptions): SummaryLayout {
  const withFile = options.files !== undefined;
  const lead = withFile ? ["ファイル"] : [];
  const evaluations = results
    .map((r, i) => ({ r, file: options.files?.[i] ?? "" }))
    .filter((x): x is { r: SheetResult & { model: EvaluationSheet; summary: SheetSummary }; file: string } =>
      x.r.kind === "evaluation" && x.r.model.kind === "evaluation" && x.r.summary !== null);

  // Indicator table: starts at row 3 (title, legend, blank above).
  const indHeaders = [...lead, "シート", "施策課題", "指標", "年度", "計画値", "実績値", "達成率", "評価", "備考"];
  const c = lead.length; // offset of シート
  const col = { plan: c + 4, actual: c + 5, rate: c + 6, grade: c + 7 };
  const indicators: LayoutTable = {
    name: "hyoka_indicators",
    title: "参考指標の達成率",
    titleRow: 3,
    headerRow: 4,
    left: 0,
    headers: indHeaders,
    rows: [],
    rateColumns: [col.rate],
  };
  for (const { r, file } of evaluations) {
    const model = r.model;
    for (const ind of model.indicators) {
      const summary: IndicatorSummary | undefined = r.summary.indicators.find((s) => s.index === ind.index);
      if (!summary) continue;
      let baseRow: { plan: string; actual: string } | null = null;
      const entries = [...(summary.base ? [{ ys: summary.base, isBase: true }] : []), ...summary.years.map((ys) => ({ ys, isBase: false }))];
      for (const { ys, isBase } of entries) {
        const row = modelRowOf(ind, ys);
        const sheetRow = indicators.headerRow + 1 + indicators.rows.length;
        const a1 = (k: number, absolute = false) => (absolute ? `$${columnLetters(k)}$${sheetRow + 1}` : toA1(sheetRow, k));
        const plan = sourceCell(row?.plan, ys.plan, options.formulas);
        const actual = sourceCell(row?.actual, ys.actual, options.formulas);
        const rate: LayoutCell = { value: ys.rate, numberFormat: RATE_FORMAT };
        const grade: LayoutCell = { value: ys.grade ? gradeLabel(ys.grade, "ja") : null };
        if (options.formulas && !isBase) {
          const f = rateFormula(ind.direction.value, settings, a1(col.plan), a1(col.actual), baseRow);
          if (f) {
            rate.formula = f;
            grade.formula = gradeFormula(a1(col.rate), settings);
          }
        }
        if (isBase) baseRow = { plan: a1(col.plan, true), actual: a1(col.actual, true) };
        const notes = [plan.note, actual.note].filter((n): n is string => !!n);
        if (isBase) notes.unshift("基準年");
        indicators.rows.push([
          ...(withFile ? [{ value: file }] : []),
          { value: r.sheet },
          { value: measureLabel(r.summary) },
          { value: `${circled(ind.index)} ${ind.name.value ?? ""}`.trim() },
          { value: ys.year },
          plan,
          actual,
          rate,
          grade,
          withNote(notes),
        ]);
      }
    }
  }

  // Budget table: two rows below the indicator table.
  const budgetTitleRow = indicators.headerRow + indicators.rows.length + 2;
  const budHeaders = [...lead, "シート", "施策課題", "年度", "計画事業費", "予算", "決算", "決算見込", "執行率", "予算/計画", "備考"];
  const bcol = { planned: c + 3, budget: c + 4, settlement: c + 5, execution: c + 7, toPlan: c + 8 };
  const budget: LayoutTable = {
    name: "hyoka_budget",
    title: "事業費 (単位:千円)",
    titleRow: budgetTitleRow,
    headerRow: budgetTitleRow + 1,
    left: 0,
    headers: budHeaders,
    rows: [],
    rateColumns: [bcol.execution, bcol.toPlan],
  };
  for (const { r, file } of evaluations) {
    for (const by of r.model.budget) {
      const year = by.year.value;
      if (year === null) continue;
      const sheetRow = budget.headerRow + 1 + budget.rows.length;
      const a1 = (k: number) => toA1(sheetRow, k);
      const bs = r.summary.budget.find((b) => b.year === year);
      const planned = sourceCell(by.planned, bs?.planned ?? by.planned.value, options.formulas, AMOUNT_FORMAT);
      const amount = sourceCell(by.budget, bs?.budget ?? by.budget.value, options.formulas, AMOUNT_FORMAT);
      const settlement = sourceCell(by.settlement, bs?.settlement ?? by.settlement.value, options.formulas, AMOUNT_FORMAT);
      const execution: LayoutCell = { value: bs?.executionRate ?? null, numberFormat: RATE_FORMAT };
      const toPlan: LayoutCell = { value: bs?.budgetToPlan ?? null, numberFormat: RATE_FORMAT };
      if (options.formulas) {
        const [p, b, s] = [a1(bcol.planned), a1(bcol.budget), a1(bcol.settlement)];
        execution.formula = `=IF(OR(${b}="",${s}=""),"",IF(${b}=0,"",${s}/${b}))`;
        toPlan.formula = `=IF(OR(${p}="",${b}=""),"",IF(${p}=0,"",${b}/${p}))`;
      }
      const notes = [planned.note, amount.note, settlement.note].filter((n): n is string => !!n);
      budget.rows.push([
        ...(withFile ? [{ value: file }] : []),
        { value: r.sheet },
        { value: measureLabel(r.summary) },
        { value: year },
        planned,
        amount,
        settlement,
        { value: by.settlementIsForecast ? "見込" : null },
        execution,
        toPlan,
        withNote(notes),
      ]);
    }
  }

  const title: PlacedCell = { row: 0, col: 0, address: "A1", cell: { value: SUMMARY_SHEET_NAME } };
  const legend: PlacedCell = { row: 1, col: 0, address: "A2", cell: { value: legendText(settings) } };
  const gradeRules: GradeRule[] = [
    { grade: "achieved", expression: `AND(ISNUMBER({cell}),{cell}>=${settings.gradeAchieved})`, fill: "FFC6EFCE", font: "FF006100" },
    { grade: "nearly", expression: `AND(ISNUMBER({cell}),{cell}>=${settings.gradeNearly},{cell}<${settings.gradeAchieved})`, fill: "FFFFEB9C", font: "FF9C5700" },
    { grade: "not", expression: `AND(ISNUMBER({cell}),{cell}<${settings.gradeNearly})`, fill: "FFFFC7CE", font: "FF9C0006" },
  ];

  const cells: PlacedCell[] = [title, legend];
  for (const t of [indicators, budget]) {
    cells.push({ row: t.titleRow, col: t.left, address: toA1(t.titleRow, t.left), cell: { value: t.title } });
    t.headers.forEach((h, k) => cells.push({ row: t.headerRow, col: t.left + k, address: toA1(t.headerRow, t.left + k), cell: { value: h } }));
    t.rows.forEach((row, i) =>
      row.forEach((cell, k) => {
        if (cell.value === null && cell.formula === undefined) return;
        const r = t.headerRow + 1 + i;
        cells.push({ row: r, col: t.left + k, address: toA1(r, t.left + k), cell });
      }),
    );
  }
  return { sheetName: SUMMARY_SHEET_NAME, title, legend, indicators, budget, gradeRules, cells };
}
