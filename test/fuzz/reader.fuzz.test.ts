// Fuzzing the front door (issue 6 item 5): readSheet and checkSheet over random grids and over
// sample grids mangled the way people mangle them (rows deleted and inserted, cells
// overwritten, merges broken). Nothing may throw, the reader may not fall back to its
// "could not be read" guard, and every answer must be well formed. Case count and seed come
// from runs.ts (10,000 and 42 in `npm test`; `npm run fuzz` raises them).
import fc from "fast-check";
import { checkSheet, countFindings, type SheetResult } from "../../src/core/engine";
import { fromA1, type CellValue, type RangeBox, type SheetGrid } from "../../src/core/grid";
import type { SheetModel } from "../../src/core/model";
import { readSheet } from "../../src/core/reader";
import { RULES } from "../../src/core/rules";
import { LABEL_NAMES, defaultVocabulary } from "../../src/core/vocabulary";
import { renderSheet, type LayoutOptions } from "../../src/samples/layout";
import type { MeasureData } from "../../src/samples/measureData";
import { mistakesWorkbook } from "../../src/samples/mistakes";
import { sample41303000 } from "../../src/samples/sample41303000";
import costs from "../../src/core/costs/costs.json";
import { kawasakiR6 } from "../../src/samples/projectKawasakiR6";
import { renderProjectSheet } from "../../src/samples/projectLayout";
import { projectMistakesWorkbook } from "../../src/samples/projectMistakes";
import { fieldsOf } from "./fieldsOf";
import { fuzzParameters } from "./runs";
import { familyMistakesWorkbook, rollup41303000 } from "../../src/samples/family41303000";
import { renderRollup } from "../../src/samples/rollupLayout";

// Vocabulary labels, and the cost-table rows and headers of project sheets (core/costs).
const labelWords = [
  ...LABEL_NAMES.flatMap((name) => defaultVocabulary[name]),
  ...Object.values(costs.rows).flatMap((row) => row.labels),
  ...Object.values(costs.columnKinds).flat(),
];
const RULE_SEVERITY = new Map(RULES.map((r) => [r.id, r.severity]));
const SEVERITIES = new Set(["error", "warning", "info"]);
const A1 = /^[A-Z]{1,3}[1-9]\d*$/;

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constantFrom(...labelWords), weight: 3 },
  { arbitrary: fc.constant(null), weight: 3 },
  fc.constantFrom<CellValue>(
    "<参考指標>", "■ 事業費", "参考指標名①", "2013年度", "H25", "平成24年度", "AⅡ", "ａ２", "D1", "△12", "43,769", "４２８",
    "－", "集計中", "累計", "大きいほどよい", "千円", "第3期実行計画(2011〜2013年度)", "2011", "2014",
    "令和6年度 事務事業評価シート", "R4年度", "（単位：円）", "決算額(見込）", "④職員費(②×③)", "Ⅱ", "II 改善しながら継続", "3", "-", "8.25",
    // Roll-up (2) cells: a code with its label, letters, marks.
    "IV 当初を下回った", "Ｃ", "○", "重点",
  ),
  fc.string({ maxLength: 10 }),
  fc.integer({ min: -5, max: 2100 }),
  fc.double(),
  fc.constantFrom<CellValue>(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, 1e21, 40634.5),
  fc.constantFrom<CellValue>({ error: "#DIV/0!" }, { error: "#N/A" }, { error: "#REF!" }),
  // Dates as file readers give them (t="d" cells, date-formatted numbers).
  fc.constantFrom<CellValue>({ date: "2013-04-01" }, { date: "2011-03-31T12:00:00" }, { date: "1899-12-30T06:00:00" }),
  fc.boolean(),
);

const merge = (rows: number, cols: number): fc.Arbitrary<RangeBox> =>
  fc.record({
    top: fc.integer({ min: -1, max: rows }),
    left: fc.integer({ min: -1, max: cols }),
    bottom: fc.integer({ min: -1, max: rows + 1 }),
    right: fc.integer({ min: -1, max: cols + 1 }),
  });

// Small grids: with label words weighted up, most of them pass the evaluation-sheet test and
// reach every section reader, at a fraction of the cost of a full sheet.
const randomGrid: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.oneof(fc.constantFrom("41303000", "Sheet 1", "評価票'2013"), fc.string({ maxLength: 6 })),
  top: fc.nat(4),
  left: fc.nat(4),
  values: fc.array(fc.array(cellValue, { maxLength: 7 }), { maxLength: 9 }),
  merges: fc.array(merge(9, 7), { maxLength: 4 }),
});

/** Compact bases: one indicator and the layout variants, plus the mistakes workbook's sheets. */
function baseGrids(): SheetGrid[] {
  const compact: MeasureData = { ...structuredClone(sample41303000), indicators: sample41303000.indicators.slice(0, 1) };
  const variants: LayoutOptions[] = [
    {},
    { indicatorsStacked: true, headingStyle: "square" },
    { indicatorYearsAcross: true, budgetYearsDown: true, noMerges: true },
    { forecastAsColumn: true, labelSpacing: true, valuesAsText: true, headingStyle: "plain" },
  ];
  const rendered = variants.map((options, i) => renderSheet(compact, `variant${i}`, options).grid);
  return [...rendered, ...mistakesWorkbook().sheets.map((s) => s.grid), ...rollupBases(), ...projectBases()];
}

/** Roll-ups (2): the 2010 series with every roll-up mistake planted, and the 2007 series laid out differently. */
function rollupBases(): SheetGrid[] {
  return [familyMistakesWorkbook().sheets[1].grid, renderRollup({ ...rollup41303000(), series: "2007" }, "rollup2007", { asciiRoman: true, projectsAsTable: true }).grid];
}

/** Project sheets: the 令和6年度 sheet with one indicator, years across and down, and the project mistakes. */
function projectBases(): SheetGrid[] {
  const compact = { ...structuredClone(kawasakiR6), indicators: kawasakiR6.indicators.slice(0, 1) };
  return [
    renderProjectSheet(compact, "project0").grid,
    renderProjectSheet(compact, "project1", { costYearsDown: true, noMerges: true, valuesAsText: true }).grid,
    ...projectMistakesWorkbook().sheets.map((s) => s.grid),
  ];
}

type Mutation =
  | { kind: "set"; row: number; col: number; value: CellValue }
  | { kind: "deleteRow"; row: number }
  | { kind: "insertRow"; row: number; cells: CellValue[] }
  | { kind: "deleteColumn"; col: number }
  | { kind: "swapRows"; row: number; other: number }
  | { kind: "addMerge"; box: RangeBox }
  | { kind: "dropMerge"; index: number };

// Positions beyond the sheet are allowed on purpose: they make rows ragged or extend the grid.
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("set" as const), row: fc.nat(60), col: fc.nat(14), value: cellValue }), weight: 4 },
  fc.record({ kind: fc.constant("deleteRow" as const), row: fc.nat(60) }),
  fc.record({ kind: fc.constant("insertRow" as const), row: fc.nat(60), cells: fc.array(cellValue, { maxLength: 4 }) }),
  fc.record({ kind: fc.constant("deleteColumn" as const), col: fc.nat(14) }),
  fc.record({ kind: fc.constant("swapRows" as const), row: fc.nat(60), other: fc.nat(60) }),
  fc.record({ kind: fc.constant("addMerge" as const), box: merge(60, 14) }),
  fc.record({ kind: fc.constant("dropMerge" as const), index: fc.nat(80) }),
);

function mutate(base: SheetGrid, mutations: readonly Mutation[]): SheetGrid {
  const values = base.values.map((r) => [...r]);
  const merges = [...base.merges];
  for (const m of mutations) {
    switch (m.kind) {
      case "set":
        while (values.length <= m.row) values.push([]);
        values[m.row][m.col] = m.value;
        // Sparse rows are not a shape adapters produce: fill the gap with blanks.
        for (let c = 0; c < m.col; c++) if (values[m.row][c] === undefined) values[m.row][c] = null;
        break;
      case "deleteRow":
        values.splice(m.row, 1);
        break;
      case "insertRow":
        values.splice(Math.min(m.row, values.length), 0, m.cells);
        break;
      case "deleteColumn":
        for (const r of values) r.splice(m.col, 1);
        break;
      case "swapRows":
        if (m.row < values.length && m.other < values.length) [values[m.row], values[m.other]] = [values[m.other], values[m.row]];
        break;
      case "addMerge":
        merges.push(m.box);
        break;
      case "dropMerge":
        merges.splice(m.index, 1);
        break;
    }
  }
  return { ...base, values, merges };
}

/** A roll-up's counts (事業数, うち重点, 点検結果) are whole numbers of 0 or more, or null. */
function rollupCounts(model: SheetModel): boolean {
  if (model.kind !== "rollup") return true;
  const counts = [
    ...model.blocks.flatMap((b) => [...b.rows, ...(b.total ? [b.total] : [])].flatMap((r) => [r.projects, r.priority])),
    ...(model.matrix?.cells ?? []).map((c) => c.count),
  ];
  return counts.every((f) => f.value === null || (Number.isInteger(f.value) && f.value >= 0));
}

/** The reader's answer is honest: no fallback, fields on the sheet, values matching statuses. */
function honestModel(model: SheetModel, grid: SheetGrid): boolean {
  if (model.sheet !== grid.name) return false;
  if (model.kind === "other") return model.reason.length > 0 && !model.reason.startsWith("could not be read");
  if (!rollupCounts(model)) return false;
  return fieldsOf(model).every((f) => {
    const hasValue = f.status === "ok" || f.status === "normalized";
    if (hasValue !== (f.value !== null && f.value !== undefined)) return false;
    if (typeof f.raw !== "string") return false;
    if (f.cell === null) return f.status === "empty";
    const { row, col } = fromA1(f.cell.address);
    return f.cell.sheet === grid.name && A1.test(f.cell.address) && row >= 0 && col >= 0;
  });
}

/** checkSheet's answer is well formed: catalogue rules, their severities, cells, messages, counts. */
function wellFormedResult(result: SheetResult, grid: SheetGrid): boolean {
  if (result.sheet !== grid.name || result.kind !== result.model.kind) return false;
  if ((result.summary === null) !== (result.kind === "other")) return false;
  const counts = countFindings(result.findings);
  if (counts.error !== result.counts.error || counts.warning !== result.counts.warning || counts.info !== result.counts.info) return false;
  return result.findings.every(
    (f) =>
      RULE_SEVERITY.has(f.rule) &&
      SEVERITIES.has(f.severity) &&
      f.sheet === grid.name &&
      (f.cell === null || A1.test(f.cell)) &&
      typeof f.path === "string" &&
      f.message.ja.length > 0 &&
      f.message.en.length > 0 &&
      // A template fed a missing value; "NaN" may be legitimate (a NaN cell's text).
      !/undefined|\[object /.test(f.message.ja + f.message.en),
  );
}

/** checkSheet's model is readSheet's: an honest model and a well-formed result. */
function checkOnly(grid: SheetGrid): boolean {
  const result = checkSheet(grid);
  return honestModel(result.model, grid) && wellFormedResult(result, grid);
}

/** Also both doors give the same model (checkSheet adds nothing to what readSheet read). */
function readAndCheck(grid: SheetGrid): boolean {
  const model = readSheet(grid, defaultVocabulary);
  const result = checkSheet(grid);
  return honestModel(model, grid) && wellFormedResult(result, grid) && JSON.stringify(result.model) === JSON.stringify(model);
}

describe("fuzz: readSheet + checkSheet", () => {
  // Plain boolean properties: an expect() per case would cost more than the check itself.
  test("random grids: nothing throws, every answer is well formed", () => {
    fc.assert(fc.property(randomGrid, readAndCheck), fuzzParameters());
  });

  const bases = baseGrids();

  // Sheet-sized grids cost ten times a random one: checkSheet alone keeps this under ~5 s.
  test("sample and mistakes grids mangled by row/column edits, overwritten cells and broken merges", () => {
    fc.assert(
      fc.property(fc.nat(bases.length - 1), fc.array(mutation, { minLength: 1, maxLength: 6 }), (which, mutations) =>
        checkOnly(mutate(bases[which], mutations)),
      ),
      fuzzParameters(),
    );
  });

  test("the bases themselves read as evaluation, roll-up or project sheets (so the mutations start from real sheets)", () => {
    const projects = 2 + projectMistakesWorkbook().sheets.length;
    expect(bases).toHaveLength(4 + mistakesWorkbook().sheets.length + 2 + projects);
    const kinds = bases.map((g) => checkSheet(g).kind);
    // The mistakes workbook opens with its table of contents; the roll-ups, then the project bases come last.
    expect(kinds.slice(-projects - 2, -projects)).toEqual(["rollup", "rollup"]);
    expect(kinds.filter((k) => k === "other")).toHaveLength(1);
    expect(bases[kinds.indexOf("other")].name).toBe("目次");
    expect(kinds.slice(-projects)).toEqual(Array(projects).fill("project"));
  });
});
