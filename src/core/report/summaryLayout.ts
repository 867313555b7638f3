// The summary sheet "達成率サマリー" as data: which value (and, for Excel, which live formula)
// goes in which cell. The Office adapter writes it with formulas into the checked workbook;
// the .xlsx writer and the preview write the values. The layout is anchored at A1 of the
// summary sheet: `row`/`col` are 0-based sheet coordinates, so formulas can point at the
// summary's own cells.

import type { SheetResult } from "../engine";
import type { Language } from "../findings";
import type { CellRef, EvaluationSheet, Field, Indicator, IndicatorRow } from "../model";
import type { Settings } from "../settings";
import { columnLetters, toA1 } from "../grid";
import type { Grade, IndicatorBaseSummary, IndicatorSummary, SheetSummary } from "../summary/types";
import { AMOUNT_FORMAT, circled, RATE_FORMAT } from "../format/number";
import { FORECAST_SETTLEMENT } from "../terms";
import { gradeLabel } from "./labels";

/** The sheet's name in either language: adapters find their own summary sheet by it. */
export const SUMMARY_SHEET_NAME = "達成率サマリー";

/** Every word the summary sheet shows, per language. */
const WORDS = {
  ja: {
    title: SUMMARY_SHEET_NAME,
    file: "ファイル",
    sheet: "シート",
    measure: "施策課題",
    indicatorsTitle: "参考指標の達成率",
    indicator: "指標",
    year: "年度",
    plan: "計画値",
    actual: "実績値",
    rate: "達成率",
    grade: "評価",
    notes: "備考",
    baseYear: "基準年",
    budgetTitle: "事業費 (単位:千円)",
    planned: "計画事業費",
    budget: "予算",
    settlement: "決算",
    forecast: FORECAST_SETTLEMENT.heading.ja,
    forecastMark: FORECAST_SETTLEMENT.mark.ja,
    execution: "執行率",
    budgetToPlan: "予算/計画",
    sourceText: (raw: string, value: string) => `元セルは文字列: ${raw} → ${value}`,
    sourceInvalid: (raw: string) => `元セルは数値として読めません: ${raw}`,
    sourceNoValue: (raw: string) => `元セルは値なし: ${raw}`,
  },
  en: {
    title: "Achievement summary",
    file: "File",
    sheet: "Sheet",
    measure: "Measure",
    indicatorsTitle: "Indicator achievement rates",
    indicator: "Indicator",
    year: "Year",
    plan: "Plan",
    actual: "Actual",
    rate: "Achievement rate",
    grade: "Grade",
    notes: "Notes",
    baseYear: "base year",
    budgetTitle: "Project costs (thousand yen)",
    planned: "Planned cost",
    budget: "Budget",
    settlement: "Settlement",
    forecast: FORECAST_SETTLEMENT.heading.en,
    forecastMark: FORECAST_SETTLEMENT.mark.en,
    execution: "Execution rate",
    budgetToPlan: "Budget/plan",
    sourceText: (raw: string, value: string) => `source cell is text: ${raw} → ${value}`,
    sourceInvalid: (raw: string) => `source cell cannot be read as a number: ${raw}`,
    sourceNoValue: (raw: string) => `source cell has no value: ${raw}`,
  },
} as const;

type Words = (typeof WORDS)[Language];

/** The most characters an Excel cell holds ("Excel specifications and limits"). */
export const CELL_TEXT_LIMIT = 32_767;

/**
 * A text cut to what a cell holds, ending in "…" when cut, never half a surrogate pair. Both
 * summary writers need it: Excel refuses a whole Office.js write with a longer text, and
 * "repairs" (truncates) a file holding one.
 */
export function withinCellLimit(text: string): string {
  if (text.length <= CELL_TEXT_LIMIT) return text;
  const kept = text.slice(0, CELL_TEXT_LIMIT - 1);
  return `${/[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept}…`;
}

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
  /** Column offsets by meaning, so writers never look columns up by their (localized) heading. */
  columns: Record<string, number>;
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
  /** Headings, grades and notes; settings.language when not given. */
  language?: Language;
}

/** `'Sheet name'!D45`: always quoted, `'` doubled, as Excel accepts for any sheet name. */
export function sheetRef(ref: CellRef): string {
  return `'${ref.sheet.replace(/'/g, "''")}'!${ref.address}`;
}

/**
 * A source figure: a live reference when Excel arithmetic would read the source cell as the
 * core did (status ok), otherwise the core's number as a value and a note saying why.
 */
function sourceCell(field: Field<number> | undefined, value: number | null, formulas: boolean, words: Words, numberFormat?: string): LayoutCell {
  const cell: LayoutCell = { value };
  if (numberFormat) cell.numberFormat = numberFormat;
  if (!field) return cell;
  if (field.status === "normalized") cell.note = words.sourceText(field.raw, String(field.value ?? ""));
  else if (field.status === "invalid") cell.note = words.sourceInvalid(field.raw);
  else if (field.status === "no-value") cell.note = words.sourceNoValue(field.raw);
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

function gradeFormula(rate: string, settings: Settings, language: Language): string {
  return `=IF(${rate}="","",IF(${rate}>=${settings.gradeAchieved},"${gradeLabel("achieved", language)}",IF(${rate}>=${settings.gradeNearly},"${gradeLabel("nearly", language)}","${gradeLabel("not", language)}")))`;
}

function legendText(settings: Settings, language: Language): string {
  if (language === "en") {
    const lower = settings.lowerIsBetter === "two-minus" ? "2 − actual/plan" : "plan/actual";
    const basis = settings.rateBasis === "change-from-base"
      ? "change from the base year (actual − base)/(plan − base)"
      : `higher is better: actual/plan, lower is better: ${lower}`;
    return `Achievement rate = ${basis}; grade: ${settings.gradeAchieved * 100}% or more achieved, ${settings.gradeNearly * 100}% or more nearly achieved, below that not achieved`;
  }
  const lower = settings.lowerIsBetter === "two-minus" ? "2−実績/計画" : "計画/実績";
  const basis = settings.rateBasis === "change-from-base" ? "基準年からの変化 (実績−基準)/(計画−基準)" : `大きいほどよい: 実績/計画, 小さいほどよい: ${lower}`;
  return `達成率 = ${basis}; 評価: ${settings.gradeAchieved * 100}%以上 達成, ${settings.gradeNearly * 100}%以上 概ね達成, それ未満 未達成`;
}

function measureLabel(s: SheetSummary): string {
  return [s.measureCode, s.measureName].filter((x) => x).join(" ");
}

/** The model row a summary year came from (its plan cell tells duplicates apart). */
function modelRowOf(ind: Indicator, ys: IndicatorBaseSummary): IndicatorRow | undefined {
  return (
    ind.rows.find((row) => row.year.value === ys.year && (row.plan.cell?.address ?? null) === ys.cells.plan) ??
    ind.rows.find((row) => row.year.value === ys.year)
  );
}

const withNote = (notes: string[]): LayoutCell => ({ value: notes.length ? notes.join("; ") : null });

export function buildSummaryLayout(results: readonly SheetResult[], settings: Settings, options: SummaryLayoutOptions): SummaryLayout {
  const language = options.language ?? settings.language ?? "ja";
  const words: Words = WORDS[language];
  const withFile = options.files !== undefined;
  const lead = withFile ? [words.file] : [];
  const evaluations = results
    .map((r, i) => ({ r, file: options.files?.[i] ?? "" }))
    .filter((x): x is { r: SheetResult & { model: EvaluationSheet; summary: SheetSummary }; file: string } =>
      x.r.kind === "evaluation" && x.r.model.kind === "evaluation" && x.r.summary !== null);

  // Indicator table: starts at row 3 (title, legend, blank above).
  const indHeaders = [...lead, words.sheet, words.measure, words.indicator, words.year, words.plan, words.actual, words.rate, words.grade, words.notes];
  const c = lead.length; // offset of シート
  const col = { plan: c + 4, actual: c + 5, rate: c + 6, grade: c + 7 };
  const indicators: LayoutTable = {
    name: "hyoka_indicators",
    title: words.indicatorsTitle,
    titleRow: 3,
    headerRow: 4,
    left: 0,
    headers: indHeaders,
    rows: [],
    rateColumns: [col.rate],
    columns: { sheet: c, measure: c + 1, indicator: c + 2, year: c + 3, ...col },
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
        const plan = sourceCell(row?.plan, ys.plan, options.formulas, words);
        const actual = sourceCell(row?.actual, ys.actual, options.formulas, words);
        const rate: LayoutCell = { value: ys.rate, numberFormat: RATE_FORMAT };
        const grade: LayoutCell = { value: ys.grade ? gradeLabel(ys.grade, language) : null };
        if (options.formulas && !isBase) {
          const f = rateFormula(ind.direction.value, settings, a1(col.plan), a1(col.actual), baseRow);
          if (f) {
            rate.formula = f;
            grade.formula = gradeFormula(a1(col.rate), settings, language);
          }
        }
        if (isBase) baseRow = { plan: a1(col.plan, true), actual: a1(col.actual, true) };
        const notes = [plan.note, actual.note].filter((n): n is string => !!n);
        if (isBase) notes.unshift(words.baseYear);
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
  const budHeaders = [
    ...lead, words.sheet, words.measure, words.year, words.planned, words.budget, words.settlement, words.forecast, words.execution, words.budgetToPlan, words.notes,
  ];
  const bcol = { planned: c + 3, budget: c + 4, settlement: c + 5, execution: c + 7, toPlan: c + 8 };
  const budget: LayoutTable = {
    name: "hyoka_budget",
    title: words.budgetTitle,
    titleRow: budgetTitleRow,
    headerRow: budgetTitleRow + 1,
    left: 0,
    headers: budHeaders,
    rows: [],
    rateColumns: [bcol.execution, bcol.toPlan],
    columns: { sheet: c, measure: c + 1, year: c + 2, forecast: c + 6, notes: c + 9, ...bcol },
  };
  for (const { r, file } of evaluations) {
    for (const by of r.model.budget) {
      const year = by.year.value;
      if (year === null) continue;
      const sheetRow = budget.headerRow + 1 + budget.rows.length;
      const a1 = (k: number) => toA1(sheetRow, k);
      const bs = r.summary.budget.find((b) => b.year === year);
      const planned = sourceCell(by.planned, bs?.planned ?? by.planned.value, options.formulas, words, AMOUNT_FORMAT);
      const amount = sourceCell(by.budget, bs?.budget ?? by.budget.value, options.formulas, words, AMOUNT_FORMAT);
      const settlement = sourceCell(by.settlement, bs?.settlement ?? by.settlement.value, options.formulas, words, AMOUNT_FORMAT);
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
        { value: by.settlementIsForecast ? words.forecastMark : null },
        execution,
        toPlan,
        withNote(notes),
      ]);
    }
  }

  const title: PlacedCell = { row: 0, col: 0, address: "A1", cell: { value: words.title } };
  const legend: PlacedCell = { row: 1, col: 0, address: "A2", cell: { value: legendText(settings, language) } };
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
