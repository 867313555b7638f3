// 参考指標 blocks: every 参考指標名 label anchors a block; its description, direction and
// table are looked for in the block's band — the columns up to the next block on the same
// rows (side by side) and the rows down to the next block or section (stacked). A 単位 given
// once for the indicator (beside its name or direction) counts when the table has no unit
// column; a 基準値 column or row of the table is the indicator's starting value, not a year.
// The project reader uses the same blocks for 活動指標 / 成果指標.

import type { RangeBox } from "../grid";
import type { Direction, Field, Indicator, IndicatorRow } from "../model";
import type { LabelName } from "../vocabulary";
import { directionField, numberAt, textAt, textField, yearAt } from "./fields";
import { emptyField, inside, type Cell, type SheetIndex } from "./sheetIndex";

/** Sections that end the 参考指標 area (a project's 達成度 and 方向性区分 follow its indicators). */
const AFTER_INDICATORS: LabelName[] = ["sectionBudget", "sectionProjects", "sectionGlossary", "budget", "projectName", "achievement", "directionClass"];

/** An indicator as read, with the label that anchors it and its 基準値 (empty when none). */
export interface IndicatorBlock {
  indicator: Indicator;
  label: Cell | null;
  base: Field<number>;
}

type Table = { rows: IndicatorRow[]; box: RangeBox; base: Field<number> };

export function readIndicators(index: SheetIndex): Indicator[] {
  return readIndicatorBlocks(index).map((block) => block.indicator);
}

/** Every block anchored by a label of `names` (in reading order), else the nameless tables of the section. */
export function readIndicatorBlocks(index: SheetIndex, names: readonly LabelName[] = ["indicatorName"]): IndicatorBlock[] {
  const seen = new Set<Cell>();
  for (const name of names) for (const cell of index.labels(name)) seen.add(cell);
  const labels = [...seen].sort((a, b) => a.row - b.row || a.col - b.col);
  if (labels.length === 0) return readNamelessIndicators(index);
  return labels.map((label, i) => readIndicator(index, label, bandOf(index, label, labels), i));
}

/**
 * A 参考指標 section with tables but no 参考指標名 labels: every 年度 header of a table under
 * the heading is an indicator without a name (the rules report the name as missing).
 */
function readNamelessIndicators(index: SheetIndex): IndicatorBlock[] {
  const heading = index.firstLabel("sectionIndicators");
  if (!heading) return [];
  let end = index.bottom;
  for (const name of AFTER_INDICATORS) {
    for (const cell of index.labels(name)) if (cell.row > heading.row && cell.row <= end) end = cell.row - 1;
  }
  const yearLabels = index.labels("year").filter((c) => c.row > heading.box.bottom && c.row <= end);
  const indicators: IndicatorBlock[] = [];
  for (const yearLabel of yearLabels) {
    const table = readTable(index, bandOf(index, yearLabel, yearLabels));
    if (!table) continue;
    const indicator = indicatorOf(index, indicators.length + 1, emptyField(), emptyField(), emptyField(), emptyField(), table);
    indicators.push({ indicator, label: null, base: table.base });
  }
  return indicators;
}

function bandOf(index: SheetIndex, label: Cell, labels: readonly Cell[]): RangeBox {
  let right = index.right;
  for (const other of labels) {
    if (other.row >= label.row && other.row <= label.box.bottom && other.col > label.col) right = Math.min(right, other.col - 1);
  }
  let bottom = index.bottom;
  for (const other of labels) {
    if (other.row > label.box.bottom && other.col <= right && other.box.right >= label.col) bottom = Math.min(bottom, other.row - 1);
  }
  for (const name of AFTER_INDICATORS) {
    for (const cell of index.labels(name)) {
      if (cell.row > label.row && cell.row <= bottom) bottom = cell.row - 1;
    }
  }
  return { top: label.row, left: label.col, bottom, right };
}

function readIndicator(index: SheetIndex, label: Cell, band: RangeBox, position: number): IndicatorBlock {
  const nameValue = index.valueOf(label, band.right);
  const name = textField(index, nameValue.cell, nameValue.slot);
  const descriptionLabel = index.firstLabel("description", band);
  const descriptionValue = descriptionLabel ? index.valueOf(descriptionLabel, band.right) : { cell: null, slot: null };
  const directionLabel = index.firstLabel("direction", band);
  const directionValue = directionLabel ? index.valueOf(directionLabel, band.right) : { cell: null, slot: null };
  const table = readTable(index, band);
  const indicator = indicatorOf(
    index,
    label.label?.index ?? position + 1,
    name,
    textField(index, descriptionValue.cell, descriptionValue.slot),
    directionField(index, directionValue.cell, directionValue.slot),
    ownUnit(index, band, table),
    table,
  );
  return { indicator, label, base: table?.base.cell ? table.base : ownBase(index, band, table) };
}

/** A 単位 label of the block outside its table (beside the name or the direction), with its value. */
function ownUnit(index: SheetIndex, band: RangeBox, table: Table | null): Field<string> {
  const unitLabel = labelIn(index, "unit", band, (c) => !table || !inside(c, table.box));
  if (!unitLabel) return emptyField();
  const { cell, slot } = index.valueOf(unitLabel, band.right);
  return textField(index, cell, slot);
}

/** A 基準値 label of the block outside its table, with its value. */
function ownBase(index: SheetIndex, band: RangeBox, table: Table | null): Field<number> {
  const baseLabel = labelIn(index, "baseValue", band, (c) => !table || !inside(c, table.box));
  if (!baseLabel) return emptyField();
  const { cell, slot } = index.valueOf(baseLabel, band.right);
  if (cell) return numberAt(index, cell.row, cell.col);
  return emptyField(slot ? index.ref(slot.row, slot.col) : null);
}

function indicatorOf(
  index: SheetIndex,
  number: number,
  name: Field<string>,
  description: Field<string>,
  direction: Field<Direction>,
  unit: Field<string>,
  table: Table | null,
): Indicator {
  // The indicator's unit is its first non-empty one: a table column, else the block's own 単位.
  const unitRow = table?.rows.find((row) => row.unit.value !== null);
  return {
    index: number,
    name,
    description,
    direction,
    unit: unitRow ? unitRow.unit : unit,
    cumulative: /累計/.test(name.value ?? ""),
    rows: table?.rows ?? [],
    table: table ? { sheet: index.grid.name, box: table.box } : null,
  };
}

function labelIn(index: SheetIndex, name: LabelName, band: RangeBox, where: (c: Cell) => boolean): Cell | null {
  return index.labels(name).find((c) => c.row >= band.top && c.row <= band.bottom && c.col >= band.left && c.col <= band.right && where(c)) ?? null;
}

/** The 年度/計画値/実績値 table whose header labels lie inside `box` (a template profile's pinned range); null when none. */
export function readIndicatorTableIn(index: SheetIndex, box: RangeBox): { rows: IndicatorRow[]; box: RangeBox } | null {
  const table = readTable(index, box);
  return table ? { rows: table.rows, box: table.box } : null;
}

/** A table row or column headed 基準値 (基準値, 基準値(R3), 現状値): the starting value, not a year. */
function isBaseHeader(cell: Cell | null): boolean {
  return cell !== null && (cell.label?.names.includes("baseValue") ?? /^\s*(?:基準値|現状値)/.test(cell.text));
}

/** The base value: the actual under (or beside) the 基準値 header, else its plan value. */
function baseOf(actual: Field<number>, plan: Field<number>): Field<number> {
  return actual.value !== null || plan.value === null ? actual : plan;
}

// Predicates made by module functions (their arrows carry no name to set on every call).
const rightOf = (label: Cell) => (c: Cell) => c.row === label.row && c.col > label.col;
const below = (label: Cell) => (c: Cell) => c.col === label.col && c.row > label.row;

function readTable(index: SheetIndex, band: RangeBox): Table | null {
  const yearLabel = index.firstLabel("year", band);
  if (!yearLabel) return null;
  const sameRow = rightOf(yearLabel);
  const sameCol = below(yearLabel);
  if (labelIn(index, "plan", band, sameRow) || labelIn(index, "actual", band, sameRow)) {
    return readYearsDown(index, band, yearLabel, sameRow);
  }
  if (labelIn(index, "plan", band, sameCol) || labelIn(index, "actual", band, sameCol)) {
    return readYearsAcross(index, band, yearLabel, sameCol);
  }
  return null;
}

function readYearsDown(index: SheetIndex, band: RangeBox, yearLabel: Cell, sameRow: (c: Cell) => boolean) {
  const planCol = labelIn(index, "plan", band, sameRow)?.col ?? null;
  const actualCol = labelIn(index, "actual", band, sameRow)?.col ?? null;
  const unitCol = labelIn(index, "unit", band, sameRow)?.col ?? null;
  const cols = [yearLabel.col, planCol, actualCol, unitCol];
  const rows: IndicatorRow[] = [];
  let base: Field<number> = emptyField();
  let last = yearLabel.box.bottom;
  for (let row = last + 1; row <= band.bottom; row++) {
    const cells = cols.map((col) => (col === null ? null : index.at(row, col)));
    if (isBaseHeader(cells[0])) {
      base = baseOf(actualCol === null ? emptyField() : numberAt(index, row, actualCol), planCol === null ? emptyField() : numberAt(index, row, planCol));
      last = row;
      continue;
    }
    if (cells.every((c) => !c) || cells.some((c) => c?.label)) break;
    rows.push({
      year: yearAt(index, row, yearLabel.col),
      plan: planCol === null ? emptyField() : numberAt(index, row, planCol),
      actual: actualCol === null ? emptyField() : numberAt(index, row, actualCol),
      unit: unitCol === null ? emptyField() : textAt(index, row, unitCol),
    });
    last = row;
  }
  const right = Math.max(...cols.filter((c): c is number => c !== null));
  return { rows, box: { top: yearLabel.row, left: yearLabel.col, bottom: last, right }, base };
}

function readYearsAcross(index: SheetIndex, band: RangeBox, yearLabel: Cell, sameCol: (c: Cell) => boolean) {
  const planRow = labelIn(index, "plan", band, sameCol)?.row ?? null;
  const actualRow = labelIn(index, "actual", band, sameCol)?.row ?? null;
  const unitRow = labelIn(index, "unit", band, sameCol)?.row ?? null;
  const rowsOf = [yearLabel.row, planRow, actualRow, unitRow];
  const rows: IndicatorRow[] = [];
  let base: Field<number> = emptyField();
  let last = yearLabel.box.right;
  for (let col = last + 1; col <= band.right; col++) {
    const cells = rowsOf.map((row) => (row === null ? null : index.at(row, col)));
    if (isBaseHeader(cells[0])) {
      base = baseOf(actualRow === null ? emptyField() : numberAt(index, actualRow, col), planRow === null ? emptyField() : numberAt(index, planRow, col));
      last = col;
      continue;
    }
    if (cells.every((c) => !c) || cells.some((c) => c?.label)) break;
    rows.push({
      year: yearAt(index, yearLabel.row, col),
      plan: planRow === null ? emptyField() : numberAt(index, planRow, col),
      actual: actualRow === null ? emptyField() : numberAt(index, actualRow, col),
      unit: unitRow === null ? emptyField() : textAt(index, unitRow, col),
    });
    last = col;
  }
  const bottom = Math.max(...rowsOf.filter((r): r is number => r !== null));
  return { rows, box: { top: yearLabel.row, left: yearLabel.col, bottom, right: last }, base };
}
