// Applying a template profile: synonyms join the vocabulary before the label search; pins
// then override what the search found. A pinned cell is re-read with the field's parser, a
// pinned range through the reader's table readers. A pin that no longer fits (empty cell,
// a label where a value should be, a range without a table) is reported as
// template.pin.stale and not used: the label search result stays.

import { fromA1, type RangeBox, type SheetGrid } from "../grid";
import type { Finding, LocalizedText } from "../findings";
import type { EvaluationCodeEntry, EvaluationSheet, Field, Indicator, SheetModel } from "../model";
import { parsePeriod, parseScaleValue, parseYear } from "../normalize";
import { readSheet } from "../reader";
import { readBudget } from "../reader/budget";
import { directionField, isYearCell, textField } from "../reader/fields";
import { readIndicatorTableIn } from "../reader/indicators";
import { emptyField, inside, SheetIndex, toField, type Cell } from "../reader/sheetIndex";
import { TEMPLATE_CATALOGUE } from "../rules";
import { circled } from "../format/number";
import { mergeVocabulary, type Vocabulary } from "../vocabulary";
import { DEFAULT_SCALES, resolveScales, type Scale } from "../scales";
import { resolveCosts } from "../costs";
import { pinsForSheet } from "./parse";
import { pinOrder, pinTarget, type CellReading, type PinTarget } from "./paths";
import type { Pin, Pins, TemplateProfile } from "./types";

/** Its ID, severity and descriptions are in the rule catalogue (core/rules). */
export const STALE_PIN_RULE = TEMPLATE_CATALOGUE.stalePin;

/** The default vocabulary (or a department's) with the profile's synonyms added. */
export function profileVocabulary(vocabulary: Vocabulary, profile: TemplateProfile): Vocabulary {
  return mergeVocabulary(vocabulary, profile.synonyms);
}

/** Reads a sheet the way the profile says: synonyms for the label search, then its pins. */
export function applyProfile(grid: SheetGrid, vocabulary: Vocabulary, profile: TemplateProfile): { model: SheetModel; findings: Finding[] } {
  const merged = profileVocabulary(vocabulary, profile);
  const scales = resolveScales(profile.scales);
  const model = readSheet(grid, merged, { scales, costs: resolveCosts(profile.costRelations) });
  // Pins refine an evaluation sheet; a sheet not recognised at all needs a synonym first.
  if (model.kind !== "evaluation") return { model, findings: [] };
  return applyPins(grid, merged, model, pinsForSheet(profile, grid.name), scales.evaluationCode);
}

type StaleReason = "empty" | "label" | "no-table";

interface Stale {
  path: string;
  target: PinTarget;
  address: string;
  reason: StaleReason;
  raw: string;
}

/** Overrides the fields of `model` (a fresh copy is returned) with the pins that fit. */
export function applyPins(
  grid: SheetGrid,
  vocabulary: Vocabulary,
  model: EvaluationSheet,
  pins: Pins,
  codeScale: Scale = DEFAULT_SCALES.evaluationCode,
): { model: EvaluationSheet; findings: Finding[] } {
  const paths = Object.keys(pins).sort((a, b) => pinOrder(a) - pinOrder(b));
  if (paths.length === 0) return { model, findings: [] };
  const out = copyModel(model);
  const index = new SheetIndex(grid, vocabulary);
  const stale: Stale[] = [];
  for (const path of paths) {
    const target = pinTarget(path);
    if (!target) continue; // parseProfile rejects these; a hand-built profile is not trusted
    const problem = applyPin(out, index, grid, vocabulary, path, target, pins[path], codeScale);
    if (problem) stale.push({ path, target, address: pinAddress(pins[path]), ...problem });
  }
  return { model: out, findings: stale.map((s) => staleFinding(grid.name, s)) };
}

function pinAddress(pin: Pin): string {
  return "cell" in pin ? pin.cell : pin.range;
}

function copyModel(model: EvaluationSheet): EvaluationSheet {
  // Models are plain data (no dates, no functions): a JSON copy is exact.
  return JSON.parse(JSON.stringify(model)) as EvaluationSheet;
}

function applyPin(
  model: EvaluationSheet,
  index: SheetIndex,
  grid: SheetGrid,
  vocabulary: Vocabulary,
  path: string,
  target: PinTarget,
  pin: Pin,
  codeScale: Scale,
): { reason: StaleReason; raw: string } | null {
  if (target.kind === "cell") {
    if (!("cell" in pin)) return { reason: "empty", raw: "" };
    const { row, col } = fromA1(pin.cell);
    const cell = cellUnder(index, grid, row, col);
    if (!cell) return { reason: "empty", raw: "" };
    // The title and the plan heading are label-like by nature; any other label is not a value.
    if (cell.label && target.reading !== "title" && target.reading !== "period") return { reason: "label", raw: cell.text };
    for (const [fieldPath, field] of Object.entries(readPinnedCell(index, cell, target.reading as CellReading, path))) {
      setField(model, fieldPath, { ...field, pinned: true });
    }
    return null;
  }
  if (!("range" in pin)) return { reason: "no-table", raw: "" };
  const box = rangeBox(pin.range);
  if (target.reading === "indicatorTable") return pinIndicatorTable(model, index, box, target.index ?? 0);
  if (target.reading === "budgetTable") return pinBudgetTable(model, grid, vocabulary, box);
  return pinEvaluationCodes(model, index, box, codeScale);
}

function rangeBox(range: string): RangeBox {
  const [a, b] = range.split(":");
  const from = fromA1(a);
  const to = fromA1(b ?? a);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

/** The cell at a pinned address; inside a merged area, the area's value cell. */
function cellUnder(index: SheetIndex, grid: SheetGrid, row: number, col: number): Cell | null {
  const direct = index.at(row, col);
  if (direct || !index.isCovered(row, col)) return direct;
  const merge = grid.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  return merge ? index.at(merge.top, merge.left) : null;
}

/** The field(s) a pinned cell gives, by model path. */
function readPinnedCell(index: SheetIndex, cell: Cell, reading: CellReading, path: string): Record<string, Field<unknown>> {
  const ref = index.ref(cell.row, cell.col);
  switch (reading) {
    case "year":
      return { [path]: toField(parseYear(cell.value), ref) };
    case "direction":
      return { [path]: directionField(index, cell, null) };
    case "measureCode":
    case "measureName": {
      // `41303000 環境技術…` in one cell: the code is the leading digits, the name the rest.
      const text = textField(index, cell);
      const parts = /^(\d+)\s*([\s\S]*)$/.exec(text.value ?? "");
      if (!parts) return { [path]: text };
      if (reading === "measureName") return { [path]: parts[2] === "" ? text : { ...text, value: parts[2] } };
      const asTyped = typeof cell.value === "number" || cell.text.trim().startsWith(parts[1]);
      return { [path]: asTyped ? { ...text, value: parts[1] } : { ...text, value: parts[1], status: "normalized", note: "full-width digits" } };
    }
    case "departments": {
      const text = textField(index, cell);
      return { [path]: { ...text, value: splitDepartments(text.value ?? "") } };
    }
    case "priority": {
      const text = textField(index, cell);
      return { [path]: { ...text, value: true } };
    }
    case "period": {
      const label = textField(index, cell);
      const period = parsePeriod(cell.text);
      const year = (value: number | null): Field<number> =>
        value === null
          ? { value: null, raw: cell.text, cell: ref, status: "invalid", note: "no period (YYYY〜YYYY年度) in the pinned cell" }
          : { value, raw: cell.text, cell: ref, status: "ok" };
      return { "plan.label": label, "plan.from": year(period?.from ?? null), "plan.to": year(period?.to ?? null) };
    }
    default:
      return { [path]: textField(index, cell) };
  }
}

/** 関係課 as the reader splits it: on 、 , ; and line breaks. */
function splitDepartments(text: string): string[] {
  return text
    .split(/[、,，;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function blankIndicator(position: number): Indicator {
  return {
    index: position + 1,
    name: emptyField(),
    description: emptyField(),
    direction: emptyField(),
    unit: emptyField(),
    cumulative: false,
    rows: [],
    table: null,
  };
}

/** The indicator at a position, created (with any before it) when the label search found fewer. */
function indicatorAt(model: EvaluationSheet, position: number): Indicator {
  while (model.indicators.length <= position) model.indicators.push(blankIndicator(model.indicators.length));
  return model.indicators[position];
}

function setField(model: EvaluationSheet, path: string, field: Field<unknown>): void {
  const indicator = /^indicators\[(\d+)\]\.(\w+)$/.exec(path);
  if (indicator) {
    const target = indicatorAt(model, Number(indicator[1]));
    (target as unknown as Record<string, unknown>)[indicator[2]] = field;
    if (indicator[2] === "name") target.cumulative = /累計/.test(String(field.value ?? ""));
    return;
  }
  const [section, key] = path.split(".");
  ((model as unknown as Record<string, Record<string, unknown>>)[section])[key] = field;
}

function pinned<T>(field: Field<T>): Field<T> {
  return { ...field, pinned: true };
}

function pinIndicatorTable(model: EvaluationSheet, index: SheetIndex, box: RangeBox, position: number): { reason: StaleReason; raw: string } | null {
  const table = readIndicatorTableIn(index, box);
  if (!table || table.rows.length === 0) return { reason: "no-table", raw: "" };
  const indicator = indicatorAt(model, position);
  indicator.rows = table.rows.map((row) => ({ year: pinned(row.year), plan: pinned(row.plan), actual: pinned(row.actual), unit: pinned(row.unit) }));
  const unitRow = indicator.rows.find((row) => row.unit.value !== null);
  indicator.unit = unitRow ? unitRow.unit : emptyField();
  indicator.table = { sheet: index.grid.name, box: table.box, pinned: true };
  return null;
}

/** The grid cut down to a box, so that the budget reader sees only the pinned range. */
function cropGrid(grid: SheetGrid, box: RangeBox): SheetGrid {
  const values = [];
  for (let row = box.top; row <= box.bottom; row++) {
    const line = grid.values[row - grid.top] ?? [];
    const cells = [];
    for (let col = box.left; col <= box.right; col++) cells.push(line[col - grid.left] ?? null);
    values.push(cells);
  }
  return { name: grid.name, top: box.top, left: box.left, values, merges: grid.merges };
}

function pinBudgetTable(model: EvaluationSheet, grid: SheetGrid, vocabulary: Vocabulary, box: RangeBox): { reason: StaleReason; raw: string } | null {
  const budget = readBudget(new SheetIndex(cropGrid(grid, box), vocabulary));
  if (budget.years.length === 0) return { reason: "no-table", raw: "" };
  model.budget = budget.years.map((year) => ({
    ...year,
    year: pinned(year.year),
    planned: pinned(year.planned),
    budget: pinned(year.budget),
    settlement: pinned(year.settlement),
  }));
  // (単位:千円) often sits just above the pinned table; keep the one found by label then.
  if (budget.unit !== null) model.budgetUnit = budget.unit;
  return null;
}

/** 評価区分 in a pinned range: each year cell's code under it, else beside it. */
function pinEvaluationCodes(model: EvaluationSheet, index: SheetIndex, box: RangeBox, codeScale: Scale): { reason: StaleReason; raw: string } | null {
  const years = index.cells.filter((c) => inside(c, box) && isYearCell(c));
  if (years.length === 0) return { reason: "no-table", raw: "" };
  const codeAt = (row: number, col: number): Cell | null => {
    const c = index.at(row, col);
    return c && inside(c, box) && !isYearCell(c) && !c.label ? c : null;
  };
  const codes: EvaluationCodeEntry[] = years.map((yearCell) => {
    const below = { row: yearCell.box.bottom + 1, col: yearCell.col };
    const codeCell = codeAt(below.row, below.col) ?? codeAt(yearCell.row, yearCell.box.right + 1);
    const slot = inside(below, box) ? index.ref(below.row, below.col) : null;
    return {
      year: pinned(toField(parseYear(yearCell.value), index.ref(yearCell.row, yearCell.col))),
      code: pinned(codeCell ? toField(parseScaleValue(codeScale, codeCell.value), index.ref(codeCell.row, codeCell.col)) : emptyField(slot)),
    };
  });
  codes.sort((a, b) => (a.year.value ?? 0) - (b.year.value ?? 0));
  model.evaluation = { ...model.evaluation, codes };
  return null;
}

const REASONS: Record<StaleReason, (raw: string) => LocalizedText> = {
  empty: () => ({ ja: "空欄になっている", en: "is now empty" }),
  label: (raw) => ({ ja: `値ではなく見出し「${raw}」が入っている`, en: `holds the label "${raw}" instead of a value` }),
  "no-table": () => ({ ja: "表(見出し行と値)が見つからない", en: "holds no table (header row and values)" }),
};

/** 評価年度 / 参考指標②の参考指標名: what a pin is called in messages. */
export function pinLabel(target: PinTarget): LocalizedText {
  if (target.index === null) return target.label;
  const mark = circled(target.index + 1);
  return { ja: `参考指標${mark}の${target.label.ja}`, en: `${target.label.en} of indicator ${mark}` };
}

function staleFinding(sheet: string, stale: Stale): Finding {
  const label = pinLabel(stale.target);
  const reason = REASONS[stale.reason](stale.raw);
  const finding: Finding = {
    rule: STALE_PIN_RULE.id,
    severity: STALE_PIN_RULE.severity,
    sheet,
    cell: stale.address,
    path: stale.path,
    message: {
      ja: `テンプレートで固定した ${stale.address}(${label.ja})は${reason.ja}ため使わず、見出しから探した位置を使いました。テンプレートを直してください。`,
      en: `The template pin of ${label.en} at ${stale.address} ${reason.en}, so it was not used; the place found by the label search was used instead. Please update the template.`,
    },
    expected:
      stale.target.kind === "cell"
        ? { ja: `${label.ja}の値が入ったセル`, en: `a cell holding the ${label.en} value` }
        : { ja: `見出し行を含む${label.ja}`, en: `the ${label.en} including its header row` },
  };
  if (stale.raw !== "") finding.raw = stale.raw;
  return finding;
}
