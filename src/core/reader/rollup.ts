// 施策進行管理・評価票(2): the roll-up of a 施策's projects, read by its labels like the (1).
// Blocks of counts (a code column, 事業数, うち重点, 合計) are found from their headings and the
// 事業数 header beside or under them, side by side or stacked; the 点検結果 matrix from its
// heading (letters each followed by their count); the projects either as one block each (the
// published form: 事務事業名 / 所管課 / 事務事業の概要 / 達成度 … rows) or as one table row each.

import type { SheetGrid } from "../grid";
import type {
  Field,
  RollupBlock,
  RollupBlockId,
  RollupCount,
  RollupHeader,
  RollupMatrix,
  RollupMatrixCell,
  RollupProject,
  RollupRow,
  RollupSheet,
} from "../model";
import { isNoValueMarker, NOTE, normalizeText, parseNumber, parseScaleValue } from "../normalize";
import { joinNotes, scaleValueNote } from "../normalize/notes";
import type { Scale, ScaleRole, ScaleSet } from "../scales";
import type { LabelName } from "../vocabulary";
import { codeAndName, numberAt, textField, yearField } from "./fields";
import { emptyField, inside, toField, type Cell, type SheetIndex } from "./sheetIndex";

/** Sections only a 施策 sheet (1) prints: a sheet with any of them is not a roll-up. */
const EVALUATION_ONLY: readonly LabelName[] = ["sectionIndicators", "indicatorName", "evaluationReason", "sectionBudget"];

/**
 * A roll-up: titled 評価票(2) / 評価表(2), or — untitled — a counts table (事業数 and うち重点)
 * without any section of the (1).
 */
export function isRollupSheet(index: SheetIndex): boolean {
  const title = index.firstLabel("title");
  if (title?.label?.index === 2) return true;
  if (title?.label?.index === 1) return false;
  if (index.labels("projectCount").length === 0 || index.labels("priorityCount").length === 0) return false;
  return !EVALUATION_ONLY.some((name) => index.firstLabel(name));
}

interface BlockKind {
  id: RollupBlockId;
  heading: LabelName;
  role: ScaleRole;
}

const BLOCK_KINDS: readonly BlockKind[] = [
  { id: "achievement", heading: "achievement", role: "achievement" },
  { id: "threeYear", heading: "threeYearAchievement", role: "threeYearAchievement" },
  { id: "threeYear", heading: "threeYearStatus", role: "threeYearStatus" },
  { id: "validity", heading: "validity", role: "projectAssessment" },
  { id: "effectiveness", heading: "effectiveness", role: "projectAssessment" },
];

// How far right of a heading's box its 事業数 header may sit (the code and label columns).
const COUNT_HEADER_REACH = 3;

export function readRollup(index: SheetIndex, grid: SheetGrid, scales: ScaleSet): RollupSheet {
  const blocks = readBlocks(index, scales);
  const threeYearRole = blocks.find((b) => b.id === "threeYear")?.role ?? null;
  const projects = readProjects(index, scales, threeYearRole);
  const firstProject = index.firstLabel("projectName");
  return {
    kind: "rollup",
    sheet: grid.name,
    header: readHeader(index, grid, firstProject),
    blocks,
    matrix: readMatrix(index, scales.inspection, firstProject),
    projects,
  };
}

function readHeader(index: SheetIndex, grid: SheetGrid, firstProject: Cell | null): RollupHeader {
  const titleCell = index.firstLabel("title") ?? index.cells.find((c) => /評価[票表]/.test(c.text));
  const yearLabel = index.firstLabel("fiscalYear");
  const yearValue = yearLabel ? index.valueOf(yearLabel) : { cell: null, slot: null };
  const measure = index.firstLabel("measure");
  const { code: measureCode, name: measureName } = measure ? codeAndName(index, measure) : { code: emptyField<string>(), name: emptyField<string>() };
  // 所管課 of the listed projects is no 作成課 of the sheet.
  const departmentLabel = index.labels("department").find((c) => !firstProject || c.row < firstProject.row);
  const department = departmentLabel ? index.valueOf(departmentLabel) : null;
  return {
    title: titleCell ? textField(index, titleCell) : emptyField(),
    fiscalYear: yearValue.cell
      ? yearField(index, yearValue.cell)
      : emptyField(yearValue.slot ? index.ref(yearValue.slot.row, yearValue.slot.col) : null),
    measureCode,
    sheetNameCode: codeInSheetName(grid.name),
    measureName,
    department: department ? textField(index, department.cell, department.slot) : emptyField(),
  };
}

/** An 8-digit code in the sheet's name (`41303000(2)`, `61401000-1`). */
function codeInSheetName(name: string): string | null {
  return /(?:^|\D)(\d{8})(?!\d)/.exec(normalizeText(name))?.[1] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Blocks of counts

interface CountHeaders {
  projects: Cell;
  priority: Cell | null;
}

/** The 事業数 header under or beside a block heading, with the うち重点 header after it. */
function countHeaders(index: SheetIndex, heading: Cell): CountHeaders | null {
  for (let row = heading.row; row <= heading.box.bottom + 2; row++) {
    const projects = index
      .row(row)
      .find((c) => c.label?.names.includes("projectCount") && c.col > heading.col && c.col <= heading.box.right + COUNT_HEADER_REACH);
    if (!projects) continue;
    const priority = index.row(row).find((c) => c.col > projects.col && c.label?.names.includes("priorityCount")) ?? null;
    return { projects, priority };
  }
  return null;
}

/** Each kind's first heading that has count headers, in reading order. */
function readBlocks(index: SheetIndex, scales: ScaleSet): RollupBlock[] {
  const found: { heading: Cell; block: RollupBlock }[] = [];
  for (const kind of BLOCK_KINDS) {
    for (const heading of index.labels(kind.heading)) {
      const headers = countHeaders(index, heading);
      if (!headers) continue;
      found.push({ heading, block: readBlock(index, kind, heading, headers, scales[kind.role]) });
      break;
    }
  }
  return found.sort((a, b) => a.heading.row - b.heading.row || a.heading.col - b.heading.col).map((f) => f.block);
}

function readBlock(index: SheetIndex, kind: BlockKind, heading: Cell, headers: CountHeaders, scale: Scale): RollupBlock {
  const top = Math.max(heading.box.bottom, headers.projects.box.bottom, headers.priority?.box.bottom ?? 0) + 1;
  const codeLeft = heading.box.left;
  const projectsCol = headers.projects.col;
  const priorityCol = headers.priority?.col ?? null;
  const count = (row: number): RollupCount => ({
    projects: countAt(index, row, projectsCol),
    priority: priorityCol === null ? emptyField() : countAt(index, row, priorityCol),
  });
  const codeCellsOf = (row: number) => index.row(row).filter((c) => c.col >= codeLeft && c.col < projectsCol);
  const hasCountsAt = (row: number) => index.at(row, projectsCol) !== null || (priorityCol !== null && index.at(row, priorityCol) !== null);
  // A blank row ends the table unless it is a spacer inside it: the next row that is not blank
  // is the table's 合計, or a code of its scale with counts. That row, or null.
  const rowAfterSpacer = (blank: number): number | null => {
    for (let row = blank + 1; row <= index.bottom; row++) {
      const first = codeCellsOf(row)[0];
      if (!first) {
        if (hasCountsAt(row)) return null;
        continue;
      }
      if (first.label) return first.label.names.includes("countTotal") ? row : null;
      return hasCountsAt(row) && codeField(index, first, scale).status !== "invalid" ? row : null;
    }
    return null;
  };
  const rows: RollupRow[] = [];
  let total: RollupBlock["total"] = null;
  for (let row = top; row <= index.bottom; row++) {
    const codeCells = codeCellsOf(row);
    const hasCounts = hasCountsAt(row);
    const first = codeCells[0];
    if (!first) {
      if (hasCounts) rows.push({ code: emptyField(index.ref(row, codeLeft)), label: emptyField(), ...count(row) });
      else {
        const next = rowAfterSpacer(row);
        if (next === null) break;
        row = next - 1;
      }
      continue;
    }
    if (first.label?.names.includes("countTotal")) {
      total = { label: textField(index, first), ...count(row) };
      break;
    }
    const code = codeField(index, first, scale);
    // Another heading, or text after the table: the block has ended.
    if (first.label || (code.status === "invalid" && !hasCounts)) break;
    rows.push({ code, label: labelField(index, first, codeCells[1] ?? null, code), ...count(row) });
  }
  return { id: kind.id, name: textField(index, heading), role: kind.role, rows, total };
}

// A count typed with its unit: `2件`, `２ 件`.
const COUNT_UNIT = /^([\s\S]*?\S)\s*件\s*$/;

/**
 * A count of projects at a table position: a number as numberAt reads it (１２, "3" as text, 2件),
 * but only a whole number of 0 or more — △1 or 1.5 is no count and must not enter the sums.
 */
function countAt(index: SheetIndex, row: number, col: number): Field<number> {
  const field = withoutCountUnit(index, row, col) ?? numberAt(index, row, col);
  if (field.value === null || (Number.isInteger(field.value) && field.value >= 0)) return field;
  return { value: null, raw: field.raw, cell: field.cell, status: "invalid", note: NOTE.notACount };
}

/** The count of a text ending in 件, read without it (the raw text kept whole), else null. */
function withoutCountUnit(index: SheetIndex, row: number, col: number): Field<number> | null {
  const cell = index.at(row, col);
  const m = cell && typeof cell.value === "string" ? COUNT_UNIT.exec(cell.value) : null;
  if (!cell || !m) return null;
  const parsed = parseNumber(m[1]);
  const field = toField({ ...parsed, raw: cell.text }, index.ref(row, col));
  if (field.value === null) return field;
  const notes = parsed.status === "normalized" && parsed.note && parsed.note !== NOTE.numberStoredAsText ? [parsed.note, NOTE.countUnitRemoved] : [NOTE.countUnitRemoved];
  return { ...field, status: "normalized", note: joinNotes(notes) };
}

/**
 * A code on the block's scale: the cell as a whole (`3`, `III`, `IV 当初を下回った`), else its
 * first word when a label the scale does not list follows it (`3 概ね適正`).
 */
function codeField(index: SheetIndex, cell: Cell, scale: Scale): Field<string> {
  const ref = index.ref(cell.row, cell.col);
  const whole = parseScaleValue(scale, cell.value);
  if (whole.status !== "invalid") return toField(whole, ref);
  const m = /^\s*(\S+)\s+\S/.exec(cell.text);
  const head = m ? parseScaleValue(scale, m[1]) : null;
  if (!head || head.value === null) return toField(whole, ref);
  return { value: head.value, raw: cell.text, cell: ref, status: "normalized", note: scaleValueNote(scale.name.en, cell.text.trim(), head.value) };
}

/** The code's label: the next cell of the code columns, else the text after the code in its own cell. */
function labelField(index: SheetIndex, codeCell: Cell, next: Cell | null, code: Field<string>): Field<string> {
  if (next) return textField(index, next);
  const rest = normalizeText(codeCell.text).replace(/^\S+\s*/, "");
  if (code.value === null || rest === "") return emptyField();
  return { value: rest, raw: codeCell.text, cell: index.ref(codeCell.row, codeCell.col), status: "ok" };
}

// ---------------------------------------------------------------------------------------------
// 点検結果

/**
 * The matrix under its heading: row headings down the heading's column, column headings right of
 * it, and on each row the letters, each followed by its count. The heading of a project's own
 * 点検結果 (inside the project list) is no matrix.
 */
function readMatrix(index: SheetIndex, scale: Scale, firstProject: Cell | null): RollupMatrix | null {
  for (const label of index.labels("inspection")) {
    if (firstProject && label.row >= firstProject.row) break;
    const columns = index.row(label.row).filter((c) => c.col > label.box.right);
    // The matrix's rows are those with letters; a letter's column is a letter column on every row,
    // so that a cell there that is no letter (Ｘ) is read, and reported, rather than skipped.
    const matrixRows: number[] = [];
    const letterColumns = new Set<number>();
    for (let row = label.box.bottom + 1; row <= index.bottom; row++) {
      const letters = index.row(row).filter((c) => c.col > label.box.right && parseScaleValue(scale, c.value).value !== null);
      if (letters.length === 0) break;
      matrixRows.push(row);
      for (const c of letters) letterColumns.add(c.col);
    }
    const rows: Field<string>[] = [];
    const cells: RollupMatrixCell[] = [];
    for (const row of matrixRows) {
      const letters = index.row(row).filter((c) => c.col > label.box.right && letterColumns.has(c.col));
      const heading = index.row(row).find((c) => c.col <= label.box.right);
      rows.push(heading ? textField(index, heading) : emptyField(index.ref(row, label.col)));
      for (const letterCell of letters) {
        const countCol = letterCell.box.right + 1;
        cells.push({
          row: rows.length - 1,
          column: columnOf(columns, letterCell.col),
          letter: toField(parseScaleValue(scale, letterCell.value), index.ref(letterCell.row, letterCell.col)),
          count: countAt(index, row, countCol),
        });
      }
    }
    if (cells.length === 0) continue;
    return { label: textField(index, label), rows, columns: columns.map((c) => textField(index, c)), cells };
  }
  return null;
}

/** The column heading over a position: the one whose box covers it, else the nearest left of it. */
function columnOf(columns: readonly Cell[], col: number): number {
  let found = -1;
  columns.forEach((c, i) => {
    if (c.col <= col) found = i;
  });
  return Math.max(found, 0);
}

// ---------------------------------------------------------------------------------------------
// The projects

/** A project's fields and the labels they are found by. */
const PROJECT_LABELS = {
  department: "department",
  overview: "projectOverview",
  achievement: "achievement",
  inspection: "inspection",
  validity: "validity",
  effectiveness: "effectiveness",
  priority: "priority",
  threeYearAchievement: "threeYearAchievement",
  threeYearStatus: "threeYearStatus",
} as const satisfies Record<string, LabelName>;

type ProjectLabel = keyof typeof PROJECT_LABELS;

/** Where each field of one project is: a label (block layout) or a column (table layout). */
type Locate = (field: ProjectLabel) => { cell: Cell | null; slot: { row: number; col: number } | null; label: Cell } | null;

function readProjects(index: SheetIndex, scales: ScaleSet, threeYearRole: ScaleRole | null): RollupProject[] {
  const names = index.labels("projectName");
  if (names.length === 0) return [];
  const first = names[0];
  const headerOnRow = (field: ProjectLabel) => index.row(first.row).find((c) => c.col > first.col && c.label?.names.includes(PROJECT_LABELS[field])) ?? null;
  const isTable = headerOnRow("achievement") !== null || headerOnRow("inspection") !== null || headerOnRow("threeYearAchievement") !== null || headerOnRow("threeYearStatus") !== null;
  return isTable ? readProjectTable(index, first, headerOnRow, scales, threeYearRole) : readProjectBlocks(index, names, scales, threeYearRole);
}

/** One block per project, from its 事務事業名 label to the next one. */
function readProjectBlocks(index: SheetIndex, names: readonly Cell[], scales: ScaleSet, threeYearRole: ScaleRole | null): RollupProject[] {
  const heads = names.filter((c) => c.col === names[0].col);
  return heads.map((head, i) => {
    const within = { top: head.row, left: index.left, bottom: (heads[i + 1]?.row ?? index.bottom + 1) - 1, right: index.right };
    const locate: Locate = (field) => {
      const label = index.labels(PROJECT_LABELS[field]).find((c) => inside(c, within) && c !== head);
      if (!label) return null;
      const { cell, slot } = index.valueOf(label);
      return { cell, slot: slot ?? (cell ? null : { row: label.row, col: label.box.right + 1 }), label };
    };
    const name = index.valueOf(head);
    // In a block, the 重点 mark is the label itself; no mark, no 重点.
    return projectOf(index, textField(index, name.cell, name.slot), locate, scales, threeYearRole, (at) => mark(index, at?.label ?? null, null));
  });
}

/** One row per project under a row of headers. */
function readProjectTable(
  index: SheetIndex,
  nameHeader: Cell,
  headerOnRow: (field: ProjectLabel) => Cell | null,
  scales: ScaleSet,
  threeYearRole: ScaleRole | null,
): RollupProject[] {
  const projects: RollupProject[] = [];
  // A project's row may be several merged rows: the next project starts under its name's box.
  for (let row = nameHeader.box.bottom + 1; row <= index.bottom; row = Math.max(row, index.boxAt(row, nameHeader.col).bottom) + 1) {
    const nameCell = index.at(row, nameHeader.col);
    if (!nameCell || nameCell.label) break;
    const locate: Locate = (field) => {
      const header = headerOnRow(field);
      if (!header) return null;
      const cell = index.at(row, header.col);
      return { cell, slot: cell ? null : { row, col: header.col }, label: header };
    };
    // In a table, 重点 is a column: a mark (○, 重点) under it, not the header itself.
    projects.push(projectOf(index, textField(index, nameCell), locate, scales, threeYearRole, (at) => mark(index, at?.cell ?? null, at?.slot ?? null)));
  }
  return projects;
}

function projectOf(
  index: SheetIndex,
  name: Field<string>,
  locate: Locate,
  scales: ScaleSet,
  threeYearRole: ScaleRole | null,
  priorityOf: (at: ReturnType<Locate>) => Field<boolean>,
): RollupProject {
  const text = (field: ProjectLabel): Field<string> => {
    const at = locate(field);
    return at ? textField(index, at.cell, at.slot) : emptyField();
  };
  const coded = (field: ProjectLabel, scale: Scale): Field<string> => {
    const at = locate(field);
    if (!at) return emptyField();
    if (!at.cell) return emptyField(at.slot ? index.ref(at.slot.row, at.slot.col) : null);
    return toField(parseScaleValue(scale, at.cell.value), index.ref(at.cell.row, at.cell.col));
  };
  const threeYearField: ProjectLabel = locate("threeYearAchievement") ? "threeYearAchievement" : "threeYearStatus";
  return {
    name,
    department: text("department"),
    overview: text("overview"),
    achievement: coded("achievement", scales.achievement),
    // The labels' names are the scale roles' names.
    threeYear: coded(threeYearField, scales[threeYearRole ?? (threeYearField as ScaleRole)]),
    inspection: coded("inspection", scales.inspection),
    validity: coded("validity", scales.projectAssessment),
    effectiveness: coded("effectiveness", scales.projectAssessment),
    priority: priorityOf(locate("priority")),
  };
}

/**
 * 重点: true at its mark (○, 重点…); blank is not 重点 (null, at the mark's place when it has one),
 * nor is a dash the forms write for blank (－, -: no-value).
 */
function mark(index: SheetIndex, cell: Cell | null, slot: { row: number; col: number } | null): Field<boolean> {
  if (cell && isNoValueMarker(cell.text)) return { value: null, raw: cell.text, cell: index.ref(cell.row, cell.col), status: "no-value" };
  if (cell) return { value: true, raw: cell.text, cell: index.ref(cell.row, cell.col), status: "ok" };
  return emptyField(slot ? index.ref(slot.row, slot.col) : null);
}
