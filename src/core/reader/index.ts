// The label-anchored reader: SheetGrid → SheetModel. Fields are found by their labels (with
// the vocabulary's synonyms), never by fixed addresses, so inserted rows, moved blocks,
// merged or unmerged cells, stacked or side-by-side indicators and tables in either
// orientation all read the same. The reader never emits findings and never throws.

import type { SheetGrid } from "../grid";
import type {
  EvaluationCodeEntry,
  EvaluationResult,
  EvaluationSheet,
  Field,
  PlanPeriod,
  SheetHeader,
  SheetModel,
  SheetTexts,
  SubordinateProject,
} from "../model";
import { normalizeText, parsePeriod, parseScaleValue, type Parsed } from "../normalize";
import { DEFAULT_SCALES, type Scale, type ScaleSet } from "../scales";
import { costRowOf, DEFAULT_COSTS, type CostConfig } from "../costs";
import { isProjectSheet, readProject } from "./project";
import type { LabelName, Vocabulary } from "../vocabulary";
import { readBudget } from "./budget";
import { readIndicators } from "./indicators";
import { isRollupSheet, readRollup } from "./rollup";
import { codeAndName, isYearCell, labelledText, textField, yearField } from "./fields";
import { emptyField, isHeading, toField, type Cell, SheetIndex } from "./sheetIndex";

export { labelOf, type LabelMatch } from "./sheetIndex";

/** Labels that mark a worksheet as an evaluation sheet (besides 施策課題). */
const CORE_ANCHORS: LabelName[] = ["sectionIndicators", "indicatorName", "sectionBudget", "evaluationReason", "fiscalYear"];

export interface ReadOptions {
  /** Code scales for 評価区分, 達成度, 方向性区分 (core/scales); the defaults when absent. */
  scales?: ScaleSet;
  /** Cost-table rows and headers (core/costs); the shipped ones when absent. */
  costs?: CostConfig;
}

export function readSheet(grid: SheetGrid, vocabulary: Vocabulary, options: ReadOptions = {}): SheetModel {
  const sheet = typeof grid?.name === "string" ? grid.name : "";
  try {
    return readGuarded(grid, vocabulary, options.scales ?? DEFAULT_SCALES, options.costs ?? DEFAULT_COSTS);
  } catch (error) {
    // A reader bug must not stop a batch of hundreds of workbooks; say so instead.
    const message = error instanceof Error ? error.message : String(error);
    return { kind: "other", sheet, reason: `could not be read: ${message}` };
  }
}

function readGuarded(grid: SheetGrid, vocabulary: Vocabulary, scales: ScaleSet, costs: CostConfig): SheetModel {
  const index = new SheetIndex(grid, vocabulary);
  if (index.cells.length === 0) return { kind: "other", sheet: grid.name, reason: "empty sheet" };
  if (isRollupSheet(index)) return readRollup(index, grid, scales);
  // A project sheet may name its 施策課題 in its 政策体系: it is recognised first.
  if (isProjectSheet(index, () => hasCostRows(index, costs))) return readProject(index, scales, costs);
  const measure = index.firstLabel("measure");
  if (!measure) return { kind: "other", sheet: grid.name, reason: "no 施策課題 label" };
  if (!CORE_ANCHORS.some((name) => index.firstLabel(name))) {
    return { kind: "other", sheet: grid.name, reason: "施策課題 found but none of 参考指標, 事業費, 評価結果, 評価年度" };
  }
  const plan = readPlan(index);
  const budget = readBudget(index);
  const model: EvaluationSheet = {
    kind: "evaluation",
    sheet: grid.name,
    header: readHeader(index, measure),
    plan,
    texts: readTexts(index),
    evaluation: readEvaluation(index, scales.evaluationCode),
    indicators: readIndicators(index),
    budgetUnit: budget.unit,
    budget: budget.years,
    projects: readProjects(index),
  };
  return model;
}

/** Whether any cell names a cost-table row (事業費 A, 総コスト…). */
function hasCostRows(index: SheetIndex, costs: CostConfig): boolean {
  return index.cells.some((c) => typeof c.value === "string" && costRowOf(costs, c.text) !== null);
}

/** 施策課題: the measure code and name. */
function renameCodeAndName({ code, name }: { code: Field<string>; name: Field<string> }): { measureCode: Field<string>; measureName: Field<string> } {
  return { measureCode: code, measureName: name };
}

function readHeader(index: SheetIndex, measure: Cell): SheetHeader {
  const titleCell = index.firstLabel("title") ?? index.cells.find((c) => /評価[票表]/.test(c.text));
  const title = titleCell ? textField(index, titleCell) : emptyField<string>();

  const yearLabel = index.firstLabel("fiscalYear");
  const yearValue = yearLabel ? index.valueOf(yearLabel) : { cell: null, slot: null };
  const fiscalYear = yearValue.cell
    ? yearField(index, yearValue.cell)
    : emptyField<number>(yearValue.slot ? index.ref(yearValue.slot.row, yearValue.slot.col) : null);

  const related = labelledText(index, "relatedDepartments");
  const relatedDepartments: Field<string[]> = {
    ...related,
    value:
      related.value === null
        ? null
        : related.value
            .split(/[、,，;\n]/)
            .map((s) => s.trim())
            .filter((s) => s !== ""),
  };

  const priorityLabel = index.firstLabel("priority");
  const priorityValue = priorityLabel ? index.valueOf(priorityLabel, index.right, true) : { cell: null, slot: null };
  const priorityText = textField(index, priorityValue.cell, priorityValue.slot);
  const priority: Field<boolean> = { ...priorityText, value: priorityText.value === null ? null : true };

  return {
    title,
    fiscalYear,
    ...renameCodeAndName(codeAndName(index, measure)),
    department: labelledText(index, "department"),
    basicPolicy: labelledText(index, "basicPolicy"),
    policyDirection: labelledText(index, "policyDirection"),
    basicMeasure: labelledText(index, "basicMeasure"),
    relatedDepartments,
    priority,
  };
}

const PLAN_HEADING = /実行計画|計画期間/;
const PLAN_HEADING_DECORATION = /^[<＜〈《【[■□◆◇\s]+|[>＞〉》】\]\s]+$/g;
// A heading is a line; a longer cell naming 実行計画 is free text quoting it.
const MAX_PLAN_HEADING_LENGTH = 100;

/** The plan heading (第3期実行計画(2011(H23)〜2013(H25)年度)における…) and its period. */
function readPlan(index: SheetIndex): PlanPeriod {
  let unreadable: Cell | null = null;
  for (const cell of index.cells) {
    if (typeof cell.value !== "string" || !PLAN_HEADING.test(cell.text)) continue;
    const period = parsePeriod(cell.text);
    if (!period) {
      // Another field's label (実行計画期間の達成状況) is not the heading.
      if (!unreadable && !cell.label && cell.text.length <= MAX_PLAN_HEADING_LENGTH) unreadable = cell;
      continue;
    }
    const label = planLabel(index, cell);
    return { label, from: planYear(period.from, cell, label), to: planYear(period.to, cell, label) };
  }
  // A heading without a readable period keeps its cell, so the missing period points at it.
  return { label: unreadable ? planLabel(index, unreadable) : emptyField(), from: emptyField(), to: emptyField() };
}

/** A year of the plan period, read from its heading. */
function planYear(value: number, cell: Cell, label: Field<string>): Field<number> {
  return { value, raw: cell.text, cell: label.cell, status: "ok" };
}

function planLabel(index: SheetIndex, cell: Cell): Field<string> {
  const heading = normalizeText(cell.text).replace(PLAN_HEADING_DECORATION, "").replace(/における[\s\S]*$/, "");
  return { value: heading, raw: cell.text, cell: index.ref(cell.row, cell.col), status: "ok" };
}

function readTexts(index: SheetIndex): SheetTexts {
  return {
    issues: labelledText(index, "issues"),
    overview: labelledText(index, "overview"),
    goals: labelledText(index, "goals"),
    results: labelledText(index, "results"),
    remainingIssues: labelledText(index, "remainingIssues"),
    futureDirection: labelledText(index, "futureDirection"),
    glossary: readGlossary(index),
  };
}

/** 用語説明: the text under (or beside) the heading, consecutive rows joined. */
function readGlossary(index: SheetIndex): Field<string> {
  const label = index.firstLabel("glossary");
  if (!label) return emptyField();
  const { cell, slot } = index.valueOf(label);
  const first = textField(index, cell, slot);
  if (!cell || cell.row === label.row || first.value === null) return first;
  const lines = [first.value];
  const raws = [cell.text];
  for (let row = cell.box.bottom + 1; row <= index.bottom; row++) {
    const next = index.at(row, cell.col);
    if (!next || next.label) break;
    lines.push(normalizeText(next.text));
    raws.push(next.text);
  }
  return { ...first, value: lines.join("\n"), raw: raws.join("\n") };
}

/**
 * 評価区分: the plan years near the 評価結果 label — across a row with each code under (or
 * beside) its year, or down a column with each code beside its year — and the reason; or a
 * table of their own, 年度 | 評価区分, one row per year (the reason then beside its own label).
 */
// A module function returns the parser: tsx (esbuild keepNames) names every local arrow on each call.
const codeParser =
  (scale: Scale) =>
  (cell: Cell): Parsed<string> =>
    parseScaleValue(scale, cell.value);

function readEvaluation(index: SheetIndex, scale: Scale): EvaluationResult {
  const parseCode = codeParser(scale);
  const table = readCodesTable(index, parseCode);
  if (table) {
    const reasonLabel = index.labels("evaluationReason").find((c) => c !== table.header);
    return { reason: reasonLabel ? readReason(index, reasonLabel, table.used, parseCode) : emptyField(), codes: table.codes };
  }
  const label = index.firstLabel("evaluationReason");
  if (!label) return { reason: emptyField(), codes: [] };
  let across: Cell[] = [];
  for (let row = label.row - 1; row <= label.box.bottom + 1; row++) {
    const years = index.row(row).filter((c) => c.col > label.box.right && isYearCell(c));
    if (years.length > across.length) across = years;
  }
  const down = yearsDown(index, label);
  const yearsAreDown = down.length > across.length;
  const yearCells = yearsAreDown ? down : across;
  const used = new Set<Cell>(yearCells);
  const codes: EvaluationCodeEntry[] = yearCells.map((yearCell) => {
    const under = { row: yearCell.box.bottom + 1, col: yearCell.col };
    const beside = { row: yearCell.row, col: yearCell.box.right + 1 };
    let codeCell = yearsAreDown ? null : index.at(under.row, under.col);
    let slot = yearsAreDown ? beside : under;
    if (!codeCell) {
      // A code typed beside its year (2011 AⅡ 2012 AⅡ …) instead of under it.
      const next = index.at(beside.row, beside.col);
      if (next && !next.label && !isYearCell(next) && parseCode(next).value !== null) {
        codeCell = next;
        slot = beside;
      }
    }
    if (codeCell) used.add(codeCell);
    return {
      year: yearField(index, yearCell),
      code: codeCell
        ? toField(parseCode(codeCell), index.ref(codeCell.row, codeCell.col))
        : emptyField(index.ref(slot.row, slot.col)),
    };
  });
  codes.sort((a, b) => (a.year.value ?? 0) - (b.year.value ?? 0));
  return { reason: readReason(index, label, used, parseCode), codes };
}

/** A 評価区分 header with a 年度 header left of it on its row and years under that: the codes table. */
function readCodesTable(index: SheetIndex, parseCode: (cell: Cell) => Parsed<string>): { header: Cell; codes: EvaluationCodeEntry[]; used: Set<Cell> } | null {
  for (const header of index.labels("evaluationReason")) {
    const yearHeader = index.row(header.row).find((c) => c.col < header.col && c.label?.names.includes("year"));
    if (!yearHeader) continue;
    const years = yearsUnder(index, yearHeader);
    if (years.length === 0) continue;
    const used = new Set<Cell>([header, yearHeader, ...years]);
    const codes = years.map((yearCell): EvaluationCodeEntry => {
      const codeCell = index.at(yearCell.row, header.col);
      if (codeCell) used.add(codeCell);
      return {
        year: yearField(index, yearCell),
        code: codeCell ? toField(parseCode(codeCell), index.ref(codeCell.row, codeCell.col)) : emptyField(index.ref(yearCell.row, header.col)),
      };
    });
    codes.sort((a, b) => (a.year.value ?? 0) - (b.year.value ?? 0));
    return { header, codes, used };
  }
  return null;
}

/** Year cells down a column, starting under `above`. */
function yearsUnder(index: SheetIndex, above: Cell): Cell[] {
  const years: Cell[] = [];
  for (let next = index.at(above.box.bottom + 1, above.col); next && isYearCell(next); next = index.at(next.box.bottom + 1, next.col)) years.push(next);
  return years;
}

/** Years listed down a column right of the label, starting on one of the label's rows. */
function yearsDown(index: SheetIndex, label: Cell): Cell[] {
  for (let row = label.row; row <= label.box.bottom; row++) {
    const first = index.row(row).find((c) => c.col > label.box.right && isYearCell(c));
    if (!first) continue;
    return [first, ...yearsUnder(index, first)];
  }
  return [];
}

/**
 * The reason text: its inline part, else the first other non-empty cell right of the label
 * (its rows), else the text under the label, else a long text below the years and codes;
 * never a label, a year, a code or the legend. Blank: an empty field at the reason's place.
 */
function readReason(index: SheetIndex, label: Cell, used: Set<Cell>, parseCode: (cell: Cell) => { value: string | null }): Field<string> {
  if (label.inline !== undefined) {
    const { cell, slot } = index.valueOf(label);
    return textField(index, cell, slot);
  }
  let bottom = label.box.bottom;
  for (const c of used) bottom = Math.max(bottom, c.row);
  for (let row = label.row; row <= bottom; row++) {
    const first = index.row(row).find((c) => c.col > label.box.right && !used.has(c) && !c.label);
    if (first) return textField(index, first);
  }
  const under = index.under(label);
  if (under && !under.label && !isHeading(under) && !used.has(under) && !isYearCell(under) && parseCode(under).value === null) {
    return textField(index, under);
  }
  const below = index.at(bottom + 1, label.col);
  if (below && !below.label && below.text.length > 20) return textField(index, below);
  // Blank: the reason's place is right of the label and of the years and codes beside it.
  let right = label.box.right;
  for (const c of used) right = Math.max(right, c.box.right);
  const slot = { row: label.row, col: right + 1 };
  return index.at(slot.row, slot.col) || index.isCovered(slot.row, slot.col) ? emptyField() : textField(index, null, slot);
}

/** 配下の事務事業一覧: one or more 事務事業名 | 達成状況 column pairs, read row by row. */
function readProjects(index: SheetIndex): SubordinateProject[] {
  const first = index.firstLabel("projectName");
  if (!first) return [];
  const nameLabels = index.labels("projectName").filter((c) => c.row === first.row);
  const statusLabels = index.labels("projectStatus").filter((c) => c.row === first.row);
  const groups = nameLabels.map((nameLabel, i) => {
    const nextLeft = nameLabels[i + 1]?.col ?? Infinity;
    const status = statusLabels.find((s) => s.col > nameLabel.col && s.col < nextLeft);
    return { nameCol: nameLabel.col, statusCol: status ? status.col : null };
  });
  const headerBottom = Math.max(...nameLabels.map((c) => c.box.bottom), ...statusLabels.map((c) => c.box.bottom));
  const projects: SubordinateProject[] = [];
  for (let row = headerBottom + 1; row <= index.bottom; row++) {
    const names = groups.map((g) => index.at(row, g.nameCol));
    if (names.every((c) => !c) || names.some((c) => c?.label)) break;
    groups.forEach((group, i) => {
      const nameCell = names[i];
      if (!nameCell) return;
      const statusCell = group.statusCol === null ? null : index.at(row, group.statusCol);
      projects.push({
        name: textField(index, nameCell),
        status:
          group.statusCol === null ? emptyField() : textField(index, statusCell, { row, col: group.statusCol }),
      });
    });
  }
  return projects;
}

