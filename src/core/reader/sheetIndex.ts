// A worksheet prepared for label-anchored reading: every non-empty cell with its text and the
// label it matches (if any), merges resolved to boxes, and the "value of a label" lookups.

import { cellAt, gridBottom, gridRight, toA1, type CellValue, type RangeBox, type SheetGrid } from "../grid";
import type { CellRef, Field } from "../model";
import { cellText, labelKey, type Parsed } from "../normalize";
import { LABEL_NAMES, defaultVocabulary, mergeVocabulary, type LabelName, type Vocabulary } from "../vocabulary";

export interface LabelMatch {
  names: LabelName[];
  /** ① / 1 after the label (参考指標名①), null when none. */
  index: number | null;
}

export interface Cell {
  row: number;
  col: number;
  value: CellValue;
  text: string;
  /** The merged area this cell heads, or the cell itself. */
  box: RangeBox;
  label: LabelMatch | null;
  /** parseYear of the value, once asked for (yearOf in reader/fields): years are looked at many times. */
  year: Parsed<number> | undefined;
  /**
   * A label cell that holds its value too (`評価年度：2013年度`): the value part, as a cell at the
   * same place. null: the label ends in a colon with nothing after it (the value belongs here).
   */
  inline?: Cell | null;
}

const NO_CELLS: readonly Cell[] = [];

/** True for text that is empty or only whitespace, without copying long texts. */
function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  // Any character above the ASCII whitespace range that is not a known space ends the check early.
  if (first > 0x20 && first !== 0xa0 && first < 0x1680) return false;
  return text.trim() === "";
}

// Labels are short; long cells are free text and are never compared (keeps reading fast).
const MAX_LABEL_LENGTH = 40;
// The 評価区分 legend (A 施策が順調に推進したもの… B … C …) is one longer line.
const MAX_LEGEND_LENGTH = 160;
// `A `, `A:`, `A.` before a legend phrase.
const LEGEND_LETTER = /^[abc][-:.、)]*/;
const HEADING_DECORATION = /^[<＜〈《【[■□◆◇▼▽▲△●○◎・\s]+|[>＞〉》】\]\s]+$/g;
const YEAR_PREFIX = /^(?:\d{4}|(?:h|r|平成|令和)(?:\d{1,2}|元))/;
const TERM_PREFIX = /^第\d+期/;
const INDEX_SUFFIX = /\(?([1-9])\)?$/;

// Fields whose label may carry its value in the same cell. Table headers and section headings
// never do: `年度 2011` or `予算 100` in one cell is not a form a reader can trust.
const INLINE_NAMES: ReadonlySet<LabelName> = new Set<LabelName>([
  "fiscalYear",
  "measure",
  "department",
  "basicPolicy",
  "policyDirection",
  "basicMeasure",
  "relatedDepartments",
  "priority",
  "issues",
  "overview",
  "goals",
  "results",
  "remainingIssues",
  "futureDirection",
  "evaluationReason",
  "indicatorName",
  "description",
  "direction",
  "projectCode",
  "organizationCode",
  "implementation",
  "basis",
  "period",
  "policyLevel",
  "projectTarget",
  "projectPurpose",
  "projectContent",
  "projectResults",
  "achievement",
  "directionClass",
]);
const INLINE_SEPARATOR = /[\s:：]/;
// A value glued to its label starts with a digit or an era year (2013年度, H25, 平成25年度, 令和5年度).
const GLUED_VALUE_START = /[0-9０-９HRSＨＲＳ平令昭]/;
const GLUED_VALUE_LABELS: ReadonlySet<string> = new Set(["fiscalYear", "measure", "projectCode", "organizationCode"]);
const LEADING_SEPARATORS = /^[\s:：]+/;
const LEADING_COLON = /^\s*[:：]/;
// Two-character synonyms (成果, 概要, 目標, 説明, 重点) open ordinary sentences too: inline only before a colon.
const SHORT_LABEL_KEY = 2;
// `(1)` / `1.` before a label in a compound heading (評価結果 (1)解決すべき課題に対する当該年度の成果).
const HEADING_NUMBER = /^(?:[(（][0-9０-９]+[)）]|[0-9０-９]+[.．])\s*/;

interface InlineMatch {
  label: LabelMatch;
  /** The value part; null when the label ends in a colon and nothing follows; undefined for a compound heading (no value). */
  rest: string | null | undefined;
}

interface Matcher {
  synonyms: Map<string, LabelName[]>;
  /** The synonyms of INLINE_NAMES only. */
  inlineSynonyms: Map<string, LabelName[]>;
  /** First characters of those synonyms' keys, and of the year and term prefixes: most free text is ruled out by its first character. */
  inlineFirst: Set<string>;
  /** Keys of the evaluationLegend phrases, matched inside a cell rather than as the whole cell. */
  legend: string[];
  /** Cell text → match: templates repeat the same labels across hundreds of sheets. */
  seen: Map<string, LabelMatch | null>;
  inlineSeen: Map<string, InlineMatch | null>;
}

const matcherCache = new WeakMap<Vocabulary, Matcher>();
const SEEN_LIMIT = 20_000;

function matcherFor(vocabulary: Vocabulary): Matcher {
  const cached = matcherCache.get(vocabulary);
  if (cached) return cached;
  // A partial vocabulary (a department's file passed as is) still gets every default label.
  const complete = mergeVocabulary(defaultVocabulary, vocabulary);
  const synonyms = new Map<string, LabelName[]>();
  for (const name of LABEL_NAMES) {
    for (const synonym of complete[name] ?? []) {
      if (typeof synonym !== "string") continue;
      const key = labelKey(synonym);
      if (!key) continue;
      const names = synonyms.get(key) ?? [];
      if (!names.includes(name)) names.push(name);
      synonyms.set(key, names);
    }
  }
  const inlineSynonyms = new Map<string, LabelName[]>();
  for (const [key, names] of synonyms) {
    const inline = names.filter((name) => INLINE_NAMES.has(name));
    if (inline.length > 0) inlineSynonyms.set(key, inline);
  }
  const inlineFirst = new Set<string>([..."0123456789hr平令第"]);
  for (const key of inlineSynonyms.keys()) inlineFirst.add(key[0]);
  const legend = (complete.evaluationLegend ?? []).map((phrase) => labelKey(phrase)).filter((key) => key !== "");
  const matcher: Matcher = { synonyms, inlineSynonyms, inlineFirst, legend, seen: new Map(), inlineSeen: new Map() };
  matcherCache.set(vocabulary, matcher);
  return matcher;
}

/** The label a cell text stands for, tolerant of decoration, ①-style marks and year prefixes. */
function matchLabel(text: string, matcher: Matcher): LabelMatch | null {
  if (text.length > MAX_LEGEND_LENGTH) return null;
  const known = matcher.seen.get(text);
  if (known !== undefined) return known;
  if (matcher.seen.size >= SEEN_LIMIT) matcher.seen.clear();
  const key = labelKey(text).replace(HEADING_DECORATION, "");
  const match = (text.length <= MAX_LABEL_LENGTH ? matchKey(key, matcher.synonyms) : null) ?? matchLegend(key, matcher.legend);
  matcher.seen.set(text, match);
  return match;
}

/**
 * A label followed by a separator (：, :, a space, a line break) and its value in one cell:
 * `評価年度：2013年度`, `施策課題 41303000 環境技術を活かした国際貢献`. The longest label that
 * ends at a separator wins (`政策の\n基本方向\n…`). Only for texts that are not a label as a whole.
 */
function matchInline(text: string, matcher: Matcher): InlineMatch | null {
  const cacheable = text.length <= MAX_LEGEND_LENGTH;
  if (cacheable) {
    const known = matcher.inlineSeen.get(text);
    if (known !== undefined) return known;
    if (matcher.inlineSeen.size >= SEEN_LIMIT) matcher.inlineSeen.clear();
  }
  const match = findInline(text, matcher);
  if (cacheable) matcher.inlineSeen.set(text, match);
  return match;
}

function findInline(text: string, matcher: Matcher): InlineMatch | null {
  const start = text.search(/\S/);
  if (start < 0 || !matcher.inlineFirst.has(labelKey(text.slice(start, start + 1)))) return null;
  let best: { label: LabelMatch; end: number; keyLength: number } | null = null;
  const limit = Math.min(text.length, MAX_LABEL_LENGTH + 1);
  for (let end = 1; end < limit; end++) {
    // The first separator of a run: `評価年度 ： 2013` is tried once, at its space. Without a
    // separator only a year or code may follow, and only the labels that take one
    // (`評価年度2013年度`, `施策課題41303000 …`), so that no sentence is cut after a label word.
    const separated = INLINE_SEPARATOR.test(text[end]) && !INLINE_SEPARATOR.test(text[end - 1]);
    const glued = !separated && GLUED_VALUE_START.test(text[end]) && !GLUED_VALUE_START.test(text[end - 1]);
    if (!separated && !glued) continue;
    const key = labelKey(text.slice(0, end));
    const label = matchKey(key, matcher.inlineSynonyms);
    if (!label || (glued && !label.names.some((name) => GLUED_VALUE_LABELS.has(name)))) continue;
    if (!best || key.length > best.keyLength) best = { label, end, keyLength: key.length };
  }
  if (!best) return null;
  const { label, end, keyLength } = best;
  const after = text.slice(end);
  const colon = LEADING_COLON.test(after);
  if (keyLength <= SHORT_LABEL_KEY && !colon) return null;
  const rest = after.replace(LEADING_SEPARATORS, "");
  if (rest.trim() === "") return colon ? { label, rest: null } : null;
  // `評価結果 (1)解決すべき課題に対する当該年度の成果`: a heading naming another field, not a value.
  const tail = matchLabel(rest.replace(HEADING_NUMBER, ""), matcher);
  if (tail && !tail.names.some((name) => label.names.includes(name))) return { label: tail, rest: undefined };
  return { label, rest };
}

const LEGEND_MATCH: LabelMatch = { names: ["evaluationLegend"], index: null };

/**
 * The 評価区分 legend is text of the form, never a value: a cell holding two of its phrases, or
 * one after its letter (`A 施策が順調に推進したもの(…)`). A phrase alone in a cell is an
 * ordinary synonym match.
 */
function matchLegend(key: string, legend: readonly string[]): LabelMatch | null {
  if (legend.length === 0 || key === "") return null;
  const afterLetter = key.replace(LEGEND_LETTER, "");
  if (afterLetter !== key && legend.some((phrase) => afterLetter.startsWith(phrase))) return LEGEND_MATCH;
  let found = 0;
  for (const phrase of legend) if (key.includes(phrase) && ++found >= 2) return LEGEND_MATCH;
  return null;
}

/** The label a text stands for, with a vocabulary (for tools that show what a cell means). */
export function labelOf(text: string, vocabulary: Vocabulary): LabelMatch | null {
  return matchLabel(text, matcherFor(vocabulary));
}

function matchKey(key: string, matcher: Map<string, LabelName[]>): LabelMatch | null {
  if (!key) return null;
  const direct = matcher.get(key);
  if (direct) return { names: direct, index: null };
  const indexed = INDEX_SUFFIX.exec(key);
  if (indexed) {
    const names = matcher.get(key.slice(0, indexed.index));
    if (names) return { names, index: Number(indexed[1]) };
  }
  for (const prefix of [YEAR_PREFIX, TERM_PREFIX]) {
    const rest = key.replace(prefix, "");
    if (rest === key) continue;
    const names = matcher.get(rest)?.filter((n) => n !== "year");
    // `2013年度` is a value, not the 年度 label.
    if (names && names.length > 0) return { names, index: null };
  }
  return null;
}

// Positions are kept in dense arrays (one slot per grid position) up to this many positions;
// a larger grid (a corrupt file's huge used range) falls back to maps of the filled ones.
const DENSE_LIMIT = 1 << 22;
const COVERED_BUDGET = 200_000; // a corrupt file may claim a huge merged area

/** Position → value, over a grid's area: a dense array when it fits, a map otherwise. */
class PositionTable<T> {
  private readonly dense: (T | undefined)[] | null;
  private readonly sparse: Map<number, T> | null;

  constructor(private readonly area: number) {
    this.dense = area <= DENSE_LIMIT ? new Array<T | undefined>(area) : null;
    this.sparse = this.dense ? null : new Map();
  }

  get(position: number): T | undefined {
    if (position < 0 || position >= this.area) return undefined;
    return this.dense ? this.dense[position] : this.sparse!.get(position);
  }

  set(position: number, value: T): void {
    if (this.dense) this.dense[position] = value;
    else this.sparse!.set(position, value);
  }
}

export class SheetIndex {
  readonly cells: Cell[] = [];
  private readonly byName = new Map<LabelName, Cell[]>();
  /** Non-empty cells per row (row − top), left to right. */
  private readonly byRow: Cell[][] = [];
  private readonly byPosition: PositionTable<Cell>;
  /** Covered (non-head) position → head cell position of its merge. */
  private readonly coveredBy: PositionTable<number>;
  private readonly width: number;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;

  constructor(
    readonly grid: SheetGrid,
    vocabulary: Vocabulary,
  ) {
    const matcher = matcherFor(vocabulary);
    this.top = grid.top;
    this.left = grid.left;
    this.bottom = gridBottom(grid);
    this.right = gridRight(grid);
    this.width = Math.max(0, this.right - this.left + 1);
    const area = this.width * Math.max(0, this.bottom - this.top + 1);
    this.byPosition = new PositionTable(area);
    this.coveredBy = new PositionTable(area);
    const heads = this.mergeBoxes();
    const lines = grid.values;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (!Array.isArray(line)) continue;
      const row = grid.top + i;
      let rowCells: Cell[] | null = null;
      for (let j = 0; j < line.length; j++) {
        const value: CellValue = line[j];
        if (value === null || value === undefined) continue;
        const text = cellText(value);
        // A number's text is never blank; strings, errors and dates may be.
        if (typeof value !== "number" && isBlank(text)) continue;
        const col = grid.left + j;
        const position = this.position(row, col);
        const box = heads.get(position) ?? { top: row, left: col, bottom: row, right: col };
        let label = typeof value === "string" ? matchLabel(text, matcher) : null;
        const inline = typeof value === "string" && !label ? matchInline(text, matcher) : null;
        if (inline) label = inline.label;
        const rest = inline === null ? undefined : inline.rest;
        // Cells are indexed in reading order: the cell on the left (or the head of its merge) is known already.
        const valueOfLeft = rest !== undefined && this.isValueOfLeftLabel(row, col);
        if (valueOfLeft) label = null;
        const cell: Cell = { row, col, value, text, box, label, year: undefined };
        if (rest !== undefined && !valueOfLeft) {
          cell.inline = rest === null ? null : { row, col, value: rest, text: rest, box, label: null, year: undefined };
        }
        this.cells.push(cell);
        this.byPosition.set(position, cell);
        if (rowCells) rowCells.push(cell);
        else rowCells = this.byRow[i] = [cell];
        if (label) this.addLabel(cell, label);
      }
    }
  }

  private addLabel(cell: Cell, label: LabelMatch): void {
    for (const name of label.names) {
      const named = this.byName.get(name);
      if (named) named.push(cell);
      else this.byName.set(name, [cell]);
    }
  }

  /**
   * Right next to a label of its own: the value of that label that happens to open with a
   * label word (`施策の概要 | 施策の目標：…を達成するため`), not a label with a value.
   */
  private isValueOfLeftLabel(row: number, col: number): boolean {
    if (col <= this.left) return false;
    const leftPosition = this.position(row, col - 1);
    const headPosition = this.coveredBy.get(leftPosition) ?? leftPosition;
    const left = this.byPosition.get(headPosition);
    return left !== undefined && left.label !== null && left.inline === undefined;
  }

  /** Linear position of a cell on the grid, −1 outside it. */
  private position(row: number, col: number): number {
    if (row < this.top || row > this.bottom || col < this.left || col > this.right) return -1;
    return (row - this.top) * this.width + (col - this.left);
  }

  /**
   * Valid merges clipped to the grid, by head position; the first merge claiming a cell wins
   * (overlaps are ignored). A map: sheets have a few dozen merges over hundreds of positions.
   */
  private mergeBoxes(): Map<number, RangeBox> {
    const heads = new Map<number, RangeBox>();
    const merges = Array.isArray(this.grid.merges) ? this.grid.merges : [];
    let coveredBudget = COVERED_BUDGET;
    for (const m of merges) {
      if (!m || !Number.isInteger(m.top) || !Number.isInteger(m.left) || !Number.isInteger(m.bottom) || !Number.isInteger(m.right)) continue;
      const box = {
        top: Math.max(m.top, this.top),
        left: Math.max(m.left, this.left),
        bottom: Math.min(m.bottom, this.bottom),
        right: Math.min(m.right, this.right),
      };
      if (box.top !== m.top || box.left !== m.left || box.bottom < box.top || box.right < box.left) continue;
      const head = this.position(box.top, box.left);
      if (heads.has(head) || this.coveredBy.get(head) !== undefined) continue;
      const boxArea = (box.bottom - box.top + 1) * (box.right - box.left + 1);
      if (boxArea > coveredBudget) continue;
      coveredBudget -= boxArea;
      heads.set(head, box);
      for (let r = box.top; r <= box.bottom; r++) {
        let k = this.position(r, box.left);
        for (let c = box.left; c <= box.right; c++, k++) {
          if (k !== head && this.coveredBy.get(k) === undefined) this.coveredBy.set(k, head);
        }
      }
    }
    return heads;
  }

  /** The non-empty cell at a position (null for blank or covered positions). */
  at(row: number, col: number): Cell | null {
    return this.byPosition.get(this.position(row, col)) ?? null;
  }

  /** Box of the cell or merge at a position, for slots that are blank. */
  boxAt(row: number, col: number): RangeBox {
    const cell = this.at(row, col);
    if (cell) return cell.box;
    return { top: row, left: col, bottom: row, right: col };
  }

  isCovered(row: number, col: number): boolean {
    return this.coveredBy.get(this.position(row, col)) !== undefined;
  }

  valueAt(row: number, col: number): CellValue {
    return cellAt(this.grid, row, col);
  }

  ref(row: number, col: number): CellRef {
    return { sheet: this.grid.name, address: toA1(row, col) };
  }

  /** Label cells of a name, in reading order (row by row, left to right). */
  labels(name: LabelName): readonly Cell[] {
    return this.byName.get(name) ?? [];
  }

  /** Non-empty cells of a row, left to right. */
  row(row: number): readonly Cell[] {
    return this.byRow[row - this.top] ?? NO_CELLS;
  }

  firstLabel(name: LabelName, within?: RangeBox): Cell | null {
    for (const c of this.labels(name)) {
      if (within && !inside(c, within)) continue;
      return c;
    }
    return null;
  }

  /**
   * The value of a label: its inline part (`評価年度：2013年度`), else the nearest non-empty
   * non-label cell to its right on its first row (stopping at another label or at `maxCol`),
   * else the cell right below it when the label is a column header (merged wide, alone on its
   * row, one of a row of the same labels, or one of a row of labels with values under them),
   * else a value under the label when nothing is to its right.
   * `slot` is where the value would be when none was found, null when there is none.
   */
  valueOf(label: Cell, maxCol = this.right, acceptSameLabel = false): { cell: Cell | null; slot: { row: number; col: number } | null } {
    if (label.inline !== undefined) return label.inline ? { cell: label.inline, slot: null } : { cell: null, slot: { row: label.row, col: label.col } };
    const row = label.row;
    let stoppedAtSame = false;
    for (let col = label.box.right + 1; col <= maxCol; col++) {
      const c = this.at(row, col);
      if (!c) continue;
      if (stopsValueOf(c, label, acceptSameLabel)) {
        stoppedAtSame = sharesName(c, label);
        break;
      }
      return { cell: c, slot: null };
    }
    const rowCells = this.row(row).filter((c) => c !== label);
    const headerLike =
      label.box.right > label.box.left ||
      stoppedAtSame ||
      label.box.right + 1 > maxCol ||
      rowCells.every((c) => c.col > maxCol) ||
      rowCells.some((c) => c.col < label.col && sharesName(c, label)) ||
      this.labelsOverValues(label, rowCells);
    if (headerLike) {
      const below = this.at(label.box.bottom + 1, label.col);
      if (below && !stopsValueOf(below, label, acceptSameLabel)) return { cell: below, slot: null };
      if (!below && label.box.bottom + 1 <= this.bottom) return { cell: null, slot: { row: label.box.bottom + 1, col: label.col } };
      return { cell: null, slot: null };
    }
    // 作成課 on a row of labels with its value typed under it.
    const under = this.under(label);
    if (under && !stopsValueOf(under, label, acceptSameLabel) && !isHeading(under)) return { cell: under, slot: null };
    const right = { row, col: label.box.right + 1 };
    if (!this.at(right.row, right.col) && !this.isCovered(right.row, right.col)) return { cell: null, slot: right };
    return { cell: null, slot: null };
  }

  /** The first non-empty cell on the row under a label's box, starting within the label's columns. */
  under(label: Cell): Cell | null {
    const row = label.box.bottom + 1;
    for (let col = label.box.left; col <= label.box.right; col++) {
      const c = this.at(row, col);
      if (c) return c;
    }
    return null;
  }

  /**
   * A row of labels only (no inline values) with a value under at least one of them: the form
   * keeps every value of that row under its label, blank ones too.
   */
  private labelsOverValues(label: Cell, rowCells: readonly Cell[]): boolean {
    if (rowCells.length === 0 || rowCells.some((c) => c.label === null || c.inline !== undefined)) return false;
    return rowCells.some((c) => {
      const under = this.under(c);
      return under !== null && under.label === null;
    });
  }
}

// valueOf's helpers are module functions rather than closures made on every call: valueOf runs
// dozens of times per sheet.

/** A label cell naming one of the names `label` names. */
function sharesName(c: Cell, label: Cell): boolean {
  return c.label !== null && c.label.names.some((n) => label.label?.names.includes(n));
}

/** A label ends the search for a label's value; one of the same name only when not accepted. */
function stopsValueOf(c: Cell, label: Cell, acceptSameLabel: boolean): boolean {
  return c.label !== null && !(acceptSameLabel && sharesName(c, label));
}

// A section heading (`<参考指標>`, `■ 事業費`) is never a field's value.
const HEADING_START = /^[<＜〈《■□◆]/;

export function isHeading(cell: Cell): boolean {
  return HEADING_START.test(cell.text.trim());
}

export function inside(cell: { row: number; col: number }, box: RangeBox): boolean {
  return cell.row >= box.top && cell.row <= box.bottom && cell.col >= box.left && cell.col <= box.right;
}

/** A Field from a normalize result and the cell it was read from. */
export function toField<T>(parsed: Parsed<T>, cell: CellRef | null): Field<T> {
  const field: Field<T> = { value: parsed.value, raw: parsed.raw, cell, status: parsed.status };
  if (parsed.note !== undefined) field.note = parsed.note;
  return field;
}

export function emptyField<T>(cell: CellRef | null = null): Field<T> {
  return { value: null, raw: "", cell, status: "empty" };
}
