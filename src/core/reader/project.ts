// 事務事業評価シート → ProjectSheet, label-anchored like the 施策 reader and on the same
// SheetIndex and field helpers: header and 政策体系 by their labels (letter-spaced `政       策`
// included), the cost table (costTable.ts), indicators through the 参考指標 reader, and the
// chosen 達成度 / 方向性区分 picked out from the list of choices printed beside them.

import type { CostConfig } from "../costs";
import { fromA1 } from "../grid";
import type { Field, IndicatorKind, PlanPeriod, PolicyLevel, ProjectHeader, ProjectIndicator, ProjectSheet } from "../model";
import { matchScale, normalizeText, parseScaleValue, parseYear } from "../normalize";
import type { Scale, ScaleSet } from "../scales";
import type { LabelName } from "../vocabulary";
import { readCostTable } from "./costTable";
import { codeAndName, HYPHENATED_CODE, labelledText, textField, yearField } from "./fields";
import { readIndicatorBlocks } from "./indicators";
import { emptyField, toField, type Cell, type SheetIndex } from "./sheetIndex";

/** A title naming the form: 令和6年度 事務事業評価シート, 事務事業評価調書… */
const PROJECT_TITLE = /事務事業評価|事業評価(?:シート|書|調書|票|表)/;

/** Labels only a project sheet has, besides its title. */
const PROJECT_FIELDS: LabelName[] = ["achievement", "directionClass", "projectIndicator"];

export function projectTitleCell(index: SheetIndex): Cell | null {
  return index.firstLabel("projectTitle") ?? index.cells.find((c) => typeof c.value === "string" && c.text.length <= 60 && PROJECT_TITLE.test(c.text)) ?? null;
}

/**
 * A 事務事業評価シート: its title or a 事務事業コード label, together with another sign of one —
 * a cost-table row, 達成度, 方向性区分 or an 活動指標 / 成果指標 block; or, without either, a
 * 事務事業名 with a cost table and a 達成度 or 方向性区分 (a 施策 sheet's list of projects has no 達成度).
 */
export function isProjectSheet(index: SheetIndex, hasCostRows: () => boolean): boolean {
  const title = projectTitleCell(index) !== null;
  const code = index.firstLabel("projectCode") !== null;
  const judged = index.firstLabel("achievement") !== null || index.firstLabel("directionClass") !== null;
  if (!title && !code) return index.firstLabel("projectName") !== null && judged && hasCostRows();
  return (title && code) || PROJECT_FIELDS.some((name) => index.firstLabel(name) !== null) || hasCostRows();
}

export function readProject(index: SheetIndex, scales: ScaleSet, costs: CostConfig): ProjectSheet {
  return {
    kind: "project",
    sheet: index.grid.name,
    header: readHeader(index),
    texts: {
      target: labelledText(index, "projectTarget"),
      purpose: labelledText(index, "projectPurpose"),
      content: labelledText(index, "projectContent"),
      results: labelledText(index, "projectResults"),
    },
    costs: readCostTable(index, costs),
    indicators: readProjectIndicators(index),
    achievement: readChoice(index, "achievement", scales.achievement),
    direction: readChoice(index, "directionClass", scales.direction),
  };
}

function readHeader(index: SheetIndex): ProjectHeader {
  const titleCell = projectTitleCell(index);
  const title = titleCell ? textField(index, titleCell) : emptyField<string>();
  const codeLabel = index.firstLabel("projectCode");
  const nameLabel = index.firstLabel("projectName");
  let projectCode: Field<string> = emptyField();
  let projectName: Field<string> = emptyField();
  if (codeLabel) {
    // 事務事業コード・事務事業名 in one cell, or the name beside the code when no 事務事業名 label follows.
    const read = codeAndName(index, codeLabel, HYPHENATED_CODE, nameLabel === null);
    projectCode = read.code;
    projectName = read.name;
  }
  if (nameLabel && projectName.value === null) projectName = labelledText(index, "projectName");
  const orgLabel = index.firstLabel("organizationCode");
  return {
    title,
    fiscalYear: readFiscalYear(index, titleCell),
    projectCode,
    projectName,
    listed: readListed(index, projectName),
    organizationCode: orgLabel ? codeAndName(index, orgLabel, HYPHENATED_CODE, false).code : emptyField(),
    department: labelledText(index, "department"),
    implementation: labelledText(index, "implementation"),
    basis: labelledText(index, "basis"),
    period: readPeriod(index),
    policy: readPolicy(index),
  };
}

/** 評価年度 from its label, else from the title (令和6年度 事務事業評価シート → 2024, as printed: ok). */
function readFiscalYear(index: SheetIndex, titleCell: Cell | null): Field<number> {
  const label = index.firstLabel("fiscalYear");
  if (label) {
    const { cell, slot } = index.valueOf(label);
    if (cell) return yearField(index, cell);
    return emptyField(slot ? index.ref(slot.row, slot.col) : null);
  }
  if (!titleCell) return emptyField();
  const m = /^(.*?年度)/.exec(normalizeText(titleCell.text).replace(/\s+/g, ""));
  const parsed = m ? parseYear(m[1]) : null;
  if (!parsed || parsed.value === null) return emptyField();
  return { value: parsed.value, raw: titleCell.text, cell: index.ref(titleCell.row, titleCell.col), status: "ok" };
}

/** 有/無 printed after the name: listed in the 政策体系別計画 or not. */
function readListed(index: SheetIndex, name: Field<string>): Field<boolean> {
  if (!name.cell) return emptyField();
  const { row, col } = fromA1(name.cell.address);
  const nameCell = index.at(row, col);
  if (!nameCell) return emptyField();
  const next = index.row(nameCell.row).find((c) => c.col > nameCell.box.right);
  const mark = next ? normalizeText(next.text) : "";
  if (!next || (mark !== "有" && mark !== "無")) return emptyField();
  return { value: mark === "有", raw: next.text, cell: index.ref(next.row, next.col), status: "ok" };
}

/** 実施期間: `H23年度〜`, `平成23年度～平成27年度`, `2011年度-2015年度`; an open end stays null. */
function readPeriod(index: SheetIndex): PlanPeriod {
  const label = index.firstLabel("period");
  if (!label) return { label: emptyField(), from: emptyField(), to: emptyField() };
  const { cell, slot } = index.valueOf(label);
  const text = textField(index, cell, slot);
  if (!cell || text.value === null) return { label: text, from: emptyField(), to: emptyField() };
  const ends = text.value.split(/[〜~～]|から/).map((s) => s.trim());
  return { label: text, from: periodEnd(ends[0], cell, text), to: periodEnd(ends[1], cell, text) };
}

/** One end of 実施期間, at the period's cell. */
function periodEnd(part: string | undefined, cell: Cell, text: Field<string>): Field<number> {
  if (!part) return emptyField();
  const parsed = parseYear(part);
  return parsed.value === null ? emptyField() : { value: parsed.value, raw: cell.text, cell: text.cell, status: "ok" };
}

const POLICY_LABELS: LabelName[] = ["policyLevel", "basicPolicy", "policyDirection", "basicMeasure", "measure"];

/** 政策体系: every level label (政策 / 施策 / 直接目標, or 基本政策 … 施策課題) with its code and name. */
function readPolicy(index: SheetIndex): PolicyLevel[] {
  const cells = new Set<Cell>();
  for (const name of POLICY_LABELS) for (const cell of index.labels(name)) cells.add(cell);
  return [...cells]
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((cell) => {
      const { code, name } = codeAndName(index, cell, HYPHENATED_CODE);
      const label = textField(index, cell.inline === undefined ? cell : { ...cell, text: cell.text.replace(/[\s:：].*$/s, "") });
      return { label: { ...label, value: label.value === null ? null : label.value.replace(/\s+/g, "") }, code, name };
    });
}

function indicatorKind(text: string): IndicatorKind | null {
  if (/活動/.test(text)) return "activity";
  if (/成果/.test(text)) return "outcome";
  return null;
}

/**
 * 活動指標 / 成果指標 blocks, through the 参考指標 reader; each with its kind and 基準値. A
 * `成果指標` heading over the blocks anchors a block with neither a name nor a table: not an indicator.
 */
function readProjectIndicators(index: SheetIndex): ProjectIndicator[] {
  return readIndicatorBlocks(index, ["projectIndicator", "indicatorName"])
    .filter(({ indicator }) => indicator.name.value !== null || indicator.rows.length > 0)
    .map(({ indicator, label, base }, i) => ({
      // Numbered in reading order when the label carries no ①.
      index: label?.label?.index ?? i + 1,
      name: indicator.name,
      description: indicator.description,
      direction: indicator.direction,
      unit: indicator.unit,
      cumulative: indicator.cumulative,
      rows: indicator.rows,
      table: indicator.table,
      kind: label ? indicatorKind(label.text) : null,
      base,
    }));
}

/** A printed list of choices names at least two of them. */
function isChoiceList(scale: Scale, cell: Cell): boolean {
  return scale.values.filter((v) => cell.text.includes(v.label.ja)).length >= 2;
}

const MARK = /^[○〇◯●◎✓✔レ]$/;

/**
 * The chosen value of a scale beside its label, with the list of choices printed next to it:
 * the first bare entry right of the label (a value or a listed variant, `3`, `Ⅱ`), else a mark
 * (○) beside one printed choice, else a printed choice standing alone. A short unreadable entry
 * is the value, invalid. Nothing: an empty field right of the label.
 */
function readChoice(index: SheetIndex, name: LabelName, scale: Scale): Field<string> {
  const label = index.firstLabel(name);
  if (!label) return emptyField();
  if (label.inline) return toField(parseScaleValue(scale, label.inline.value), index.ref(label.row, label.col));
  const candidates: Cell[] = [];
  for (let row = label.row; row <= label.box.bottom; row++) {
    for (const cell of index.row(row)) {
      if (cell.col <= label.box.right) continue;
      if (cell.label) break;
      candidates.push(cell);
    }
  }
  if (candidates.length === 0) {
    const under = index.under(label);
    if (under && !under.label) candidates.push(under);
  }
  const unlisted = candidates.filter((c) => !isChoiceList(scale, c));
  const printed = unlisted.filter((c) => matchScale(scale, c.text)?.kind === "label");
  const entries = unlisted.filter((c) => !printed.includes(c));
  const mark = entries.find((c) => MARK.test(c.text.trim()));
  if (mark && printed.length > 0) {
    const chosen = printed.reduce((a, b) => (Math.abs(b.col - mark.col) + Math.abs(b.row - mark.row) < Math.abs(a.col - mark.col) + Math.abs(a.row - mark.row) ? b : a));
    return toField(parseScaleValue(scale, chosen.value), index.ref(chosen.row, chosen.col));
  }
  const entry = entries.find((c) => c !== mark && c.text.length <= 20);
  if (entry) return toField(parseScaleValue(scale, entry.value), index.ref(entry.row, entry.col));
  if (printed.length === 1) return toField(parseScaleValue(scale, printed[0].value), index.ref(printed[0].row, printed[0].col));
  // Nothing chosen: the field is the blank cell right of the label, else (printed choices there) the label.
  const slot = { row: label.row, col: label.box.right + 1 };
  const free = !index.at(slot.row, slot.col) && !index.isCovered(slot.row, slot.col);
  return emptyField(free ? index.ref(slot.row, slot.col) : index.ref(label.row, label.col));
}
