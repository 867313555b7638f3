// Roll-up (2) rules: what holds on every published 施策進行管理・評価票(2) (PROJECT-SHEETS.md § 5) —
// each block's rows add up to its 合計, うち重点 never exceeds 事業数, every block counts the same
// projects and the same priority ones, the 点検結果 letters add up to them, and the counts are
// the projects listed. The single-year 達成度 and the 3-year class are independent: no rule
// compares them. Blocks are compared by their rows' sums, so that one wrong 合計 is reported once
// (by rollup.total.mismatch) and not again by every comparison that would start from it.

import type { LocalizedText } from "../findings";
import { addressOf, type Field, type RollupBlock, type RollupBlockId, type RollupCount, type RollupProject, type RollupSheet } from "../model";
import type { FindingDraft, Rule, RollupRuleContext } from "./types";
import { num } from "../format/number";
import { at, capitalized, sheetCell } from "./text";

type RollupRule = Rule & { scope: "rollup"; checkRollup: (ctx: RollupRuleContext) => FindingDraft[] };

const BLOCK_NAMES: Record<RollupBlockId, LocalizedText> = {
  achievement: { ja: "達成度", en: "achievement" },
  threeYear: { ja: "3ヵ年の事業目標に対する達成度", en: "three-year class" },
  validity: { ja: "事業の妥当性", en: "validity" },
  effectiveness: { ja: "事業の有効性・効率性・経済性", en: "effectiveness" },
};

/** 「達成度」の表 / the "achievement" table, with the heading as printed in Japanese. */
function tableName(block: RollupBlock): LocalizedText {
  return { ja: `「${block.name.value ?? BLOCK_NAMES[block.id].ja}」の表`, en: `the "${BLOCK_NAMES[block.id].en}" table` };
}

const COUNT_NAMES = {
  projects: { ja: "事業数", en: "project count (事業数)" },
  priority: { ja: "うち重点", en: "priority count (うち重点)" },
} as const;

type CountKey = keyof RollupCount;
const COUNT_KEYS: readonly CountKey[] = ["projects", "priority"];

/** The project field each block counts. */
const PROJECT_FIELD: Record<RollupBlockId, keyof RollupProject> = {
  achievement: "achievement",
  threeYear: "threeYear",
  validity: "validity",
  effectiveness: "effectiveness",
};

/**
 * A count as the sums take it: blank (a form's empty cell) is 0; unreadable is null, and so is a
 * count without a cell — the table prints no such column (no うち重点), so it has nothing to compare.
 */
function countOf(f: Field<number>): number | null {
  if (f.status === "invalid" || f.cell === null) return null;
  return f.value ?? 0;
}

/** Σ of the rows' counts; null when one cannot be read (rollup.value.invalid says which) or is not printed. */
function rowSum(block: RollupBlock, key: CountKey): number | null {
  let sum = 0;
  for (const row of block.rows) {
    const n = countOf(row[key]);
    if (n === null) return null;
    sum += n;
  }
  return sum;
}

/** Where a block's sum is shown: its 合計, else its last row. */
function sumCell(block: RollupBlock, key: CountKey): Field<number> | null {
  if (block.total) return block.total[key];
  return block.rows.length ? block.rows[block.rows.length - 1][key] : null;
}

/** The block the others are compared with: 達成度 when printed, else the first one. */
function referenceBlock(model: RollupSheet): RollupBlock | null {
  return model.blocks.find((b) => b.id === "achievement" && b.rows.length > 0) ?? model.blocks.find((b) => b.rows.length > 0) ?? null;
}

const cellsOf = (fields: readonly Field<unknown>[]): string[] => fields.flatMap((f) => sheetCell(f.cell));

function blockPath(model: RollupSheet, block: RollupBlock): string {
  return `blocks[${model.blocks.indexOf(block)}]`;
}

/** Every field a rule reads as a count or a code, with its path and what it is. */
function* valuesOf(model: RollupSheet): Generator<{ field: Field<unknown>; path: string; what: LocalizedText; expected: LocalizedText }> {
  const countExpected = { ja: "0以上の整数(件数)", en: "a whole number of projects" };
  for (const [b, block] of model.blocks.entries()) {
    const name = tableName(block);
    for (const [r, row] of block.rows.entries()) {
      yield { field: row.code, path: `blocks[${b}].rows[${r}].code`, what: { ja: `${name.ja}のコード`, en: `a code of ${name.en}` }, expected: { ja: "尺度のコード", en: "a code of the block's scale" } };
      for (const key of COUNT_KEYS) {
        yield { field: row[key], path: `blocks[${b}].rows[${r}].${key}`, what: { ja: `${name.ja}の${COUNT_NAMES[key].ja}`, en: `a ${COUNT_NAMES[key].en} of ${name.en}` }, expected: countExpected };
      }
    }
    if (block.total) {
      for (const key of COUNT_KEYS) {
        yield { field: block.total[key], path: `blocks[${b}].total.${key}`, what: { ja: `${name.ja}の合計の${COUNT_NAMES[key].ja}`, en: `the total ${COUNT_NAMES[key].en} of ${name.en}` }, expected: countExpected };
      }
    }
  }
  for (const [i, cell] of (model.matrix?.cells ?? []).entries()) {
    yield { field: cell.letter, path: `matrix.cells[${i}].letter`, what: { ja: "点検結果の記号", en: "an inspection letter (点検結果)" }, expected: { ja: "A〜H", en: "A to H" } };
    yield { field: cell.count, path: `matrix.cells[${i}].count`, what: { ja: "点検結果の件数", en: "an inspection count (点検結果)" }, expected: countExpected };
  }
  const projectCodes = [
    ["achievement", { ja: "達成度", en: "achievement" }],
    ["threeYear", { ja: "3ヵ年の達成度", en: "three-year class" }],
    ["inspection", { ja: "点検結果", en: "inspection letter" }],
    ["validity", { ja: "事業の妥当性", en: "validity" }],
    ["effectiveness", { ja: "事業の有効性・効率性・経済性", en: "effectiveness" }],
  ] as const;
  for (const [p, project] of model.projects.entries()) {
    const name = project.name.value ?? "";
    for (const [key, what] of projectCodes) {
      yield { field: project[key], path: `projects[${p}].${key}`, what: { ja: `事務事業「${name}」の${what.ja}`, en: `the ${what.en} of project "${name}"` }, expected: { ja: `${what.ja}のコード`, en: `a ${what.en} code` } };
    }
  }
}

/** A row of a table by its code (`2の行`, `row 2`), or by its cell when the code is blank. */
function rowName(code: Field<string>): LocalizedText {
  const shown = code.value ?? code.raw.trim();
  if (shown === "") return { ja: `コードのない行${at(code)}`, en: `the row without a code ${at(code)}` };
  return { ja: `${shown}の行`, en: `row ${shown}` };
}

/** Printed vs listed counts of one block, per code, when every listed project has the block's code. */
function listedMismatches(model: RollupSheet, block: RollupBlock): { code: string; printed: number; listed: number; field: Field<number> | null }[] | null {
  const field = PROJECT_FIELD[block.id];
  const codes = model.projects.map((p) => (p[field] as Field<string>).value);
  if (codes.some((c) => c === null)) return null;
  const listed = new Map<string, number>();
  for (const code of codes as string[]) listed.set(code, (listed.get(code) ?? 0) + 1);
  const out: { code: string; printed: number; listed: number; field: Field<number> | null }[] = [];
  for (const row of block.rows) {
    if (row.code.value === null) continue;
    const n = listed.get(row.code.value) ?? 0;
    listed.delete(row.code.value);
    // An unreadable count is rollup.value.invalid's: not compared, and not taken for a missing row.
    const printed = countOf(row.projects);
    if (printed !== null && printed !== n) out.push({ code: row.code.value, printed, listed: n, field: row.projects });
  }
  // A listed code the table has no row for.
  for (const [code, n] of listed) out.push({ code, printed: 0, listed: n, field: null });
  return out;
}

function matrixSum(model: RollupSheet): number | null {
  let sum = 0;
  for (const cell of model.matrix?.cells ?? []) {
    const n = countOf(cell.count);
    if (n === null) return null;
    sum += n;
  }
  return sum;
}

const rollupRule = (rule: Omit<RollupRule, "scope" | "check">): RollupRule => ({ ...rule, scope: "rollup", check: () => [] });

/** Σ of one count per block against the reference block's, as rollup.*.inconsistent report it. */
function blocksDisagree(model: RollupSheet, key: CountKey): FindingDraft[] {
  const reference = referenceBlock(model);
  if (!reference) return [];
  const expected = rowSum(reference, key);
  if (expected === null) return [];
  const out: FindingDraft[] = [];
  for (const block of model.blocks) {
    if (block === reference || block.rows.length === 0) continue;
    const sum = rowSum(block, key);
    if (sum === null || sum === expected) continue;
    const where = sumCell(block, key);
    const name = tableName(block);
    const refName = tableName(reference);
    out.push({
      cell: where ? addressOf(where) : addressOf(block.name),
      path: `${blockPath(model, block)}.${block.total ? `total.${key}` : `rows[${block.rows.length - 1}].${key}`}`,
      message: {
        ja: `${name.ja}の${COUNT_NAMES[key].ja}の計${where ? at(where) : ""}は ${num(sum)} ですが、${refName.ja}では ${num(expected)} です。どの表も同じ事務事業を数えます。`,
        en: `The ${COUNT_NAMES[key].en} of ${name.en} ${where ? at(where) : ""} adds up to ${num(sum)}, but ${refName.en} counts ${num(expected)}; every table counts the same projects.`,
      },
      raw: where?.raw,
      expected: { ja: `${refName.ja}と同じ ${num(expected)}`, en: `${num(expected)}, as in ${refName.en}` },
      related: cellsOf(reference.total ? [reference.total[key]] : reference.rows.map((r) => r[key])),
    });
  }
  return out;
}

export const rollupRules: RollupRule[] = [
  rollupRule({
    id: "rollup.value.invalid",
    severity: "error",
    title: { ja: "集計表の値が読めない", en: "Roll-up value unreadable" },
    description: {
      ja: "評価票(2)の件数(事業数・うち重点・点検結果)やコード(達成度・3ヵ年・点検結果の記号)が読めません。",
      en: "A count (事業数, うち重点, 点検結果) or a code (達成度, three-year class, inspection letter) of the roll-up (2) cannot be read.",
    },
    checkRollup: ({ model }) => {
      const out: FindingDraft[] = [];
      for (const { field, path, what, expected } of valuesOf(model)) {
        if (field.status !== "invalid") continue;
        out.push({
          cell: addressOf(field),
          path,
          message: { ja: `${what.ja}${at(field)}「${field.raw}」を読めません。`, en: `${capitalized(what.en)} ${at(field)} "${field.raw}" cannot be read.` },
          raw: field.raw,
          expected,
        });
      }
      return out;
    },
  }),
  rollupRule({
    id: "rollup.total.mismatch",
    severity: "error",
    title: { ja: "集計表の合計の不一致", en: "Roll-up total does not add up" },
    description: {
      ja: "評価票(2)の表(達成度・3ヵ年・3ヶ年の総括)の各行の事業数・うち重点の和が合計と一致しません。",
      en: "The rows of a roll-up (2) table (達成度, three-year class, 3ヶ年の総括) do not add up to its 合計 (事業数 or うち重点).",
    },
    checkRollup: ({ model }) => {
      const out: FindingDraft[] = [];
      for (const block of model.blocks) {
        if (!block.total) continue;
        for (const key of COUNT_KEYS) {
          const total = block.total[key];
          const sum = rowSum(block, key);
          if (total.value === null || sum === null || sum === total.value) continue;
          const name = tableName(block);
          out.push({
            cell: addressOf(total),
            path: `${blockPath(model, block)}.total.${key}`,
            message: {
              ja: `${name.ja}の${COUNT_NAMES[key].ja}の合計${at(total)}は ${num(total.value)} ですが、各行の和は ${num(sum)} です(差 ${num(total.value - sum)})。`,
              en: `The total ${COUNT_NAMES[key].en} of ${name.en} ${at(total)} is ${num(total.value)}, but its rows add up to ${num(sum)} (difference ${num(total.value - sum)}).`,
            },
            raw: total.raw,
            expected: { ja: `各行の和 ${num(sum)}`, en: `the rows' sum, ${num(sum)}` },
            related: cellsOf(block.rows.map((r) => r[key])),
          });
        }
      }
      return out;
    },
  }),
  rollupRule({
    id: "rollup.priority.exceeds",
    severity: "error",
    title: { ja: "うち重点が事業数を超える", en: "Priority count exceeds project count" },
    description: { ja: "評価票(2)の表で、うち重点が同じ行の事業数を上回っています。", en: "In a roll-up (2) table, うち重点 exceeds the row's 事業数." },
    checkRollup: ({ model }) => {
      const out: FindingDraft[] = [];
      for (const block of model.blocks) {
        const lines: { count: RollupCount; path: string; what: LocalizedText }[] = block.rows.map((row, r) => ({
          count: row,
          path: `${blockPath(model, block)}.rows[${r}]`,
          what: rowName(row.code),
        }));
        if (block.total) lines.push({ count: block.total, path: `${blockPath(model, block)}.total`, what: { ja: "合計", en: "the total" } });
        for (const { count, path, what } of lines) {
          const { projects, priority } = count;
          if (projects.value === null || priority.value === null || priority.value <= projects.value) continue;
          const name = tableName(block);
          out.push({
            cell: addressOf(priority),
            path: `${path}.priority`,
            message: {
              ja: `${name.ja}の${what.ja}で、うち重点${at(priority)} ${num(priority.value)} が事業数${at(projects)} ${num(projects.value)} を上回っています。`,
              en: `In ${name.en}, ${what.en}: the priority count ${at(priority)} ${num(priority.value)} exceeds the project count ${at(projects)} ${num(projects.value)}.`,
            },
            raw: priority.raw,
            expected: { ja: `事業数(${num(projects.value)})以下`, en: `at most the project count (${num(projects.value)})` },
            related: sheetCell(projects.cell),
          });
        }
      }
      return out;
    },
  }),
  rollupRule({
    id: "rollup.priority.inconsistent",
    severity: "error",
    title: { ja: "表によってうち重点の計が違う", en: "Priority counts differ between tables" },
    description: {
      ja: "評価票(2)の表ごとのうち重点の計(各行の和)が、達成度の表と一致しません。どの表も同じ重点事業を数えます。",
      en: "A roll-up (2) table's うち重点 adds up to another figure than the 達成度 table's; every table counts the same priority projects.",
    },
    checkRollup: ({ model }) => blocksDisagree(model, "priority"),
  }),
  rollupRule({
    id: "rollup.projects.inconsistent",
    severity: "error",
    title: { ja: "表によって事業数の計が違う", en: "Project counts differ between tables" },
    description: {
      ja: "評価票(2)の表ごとの事業数の計(各行の和)が、達成度の表と一致しません。どの表も同じ事務事業を数えます。",
      en: "A roll-up (2) table's 事業数 adds up to another figure than the 達成度 table's; every table counts the same projects.",
    },
    checkRollup: ({ model }) => blocksDisagree(model, "projects"),
  }),
  rollupRule({
    id: "rollup.matrix.mismatch",
    severity: "error",
    title: { ja: "点検結果の件数の不一致", en: "Inspection matrix does not add up" },
    description: {
      ja: "点検結果(A〜H)の件数の和が、達成度の表の事業数の計と一致しません。",
      en: "The 点検結果 letters (A–H) add up to another figure than the 事業数 of the 達成度 table.",
    },
    checkRollup: ({ model }) => {
      const matrix = model.matrix;
      const reference = referenceBlock(model);
      if (!matrix || !reference) return [];
      const expected = rowSum(reference, "projects");
      const sum = matrixSum(model);
      if (expected === null || sum === null || sum === expected) return [];
      const refName = tableName(reference);
      return [
        {
          cell: addressOf(matrix.label),
          path: "matrix",
          message: {
            ja: `点検結果${at(matrix.label)}の件数の和は ${num(sum)} ですが、${refName.ja}の事業数は ${num(expected)} です。`,
            en: `The inspection matrix ${at(matrix.label)} adds up to ${num(sum)}, but ${refName.en} counts ${num(expected)} projects.`,
          },
          raw: matrix.label.raw,
          expected: { ja: `事業数と同じ ${num(expected)}`, en: `${num(expected)}, the project count` },
          related: cellsOf(matrix.cells.map((c) => c.count)),
        },
      ];
    },
  }),
  rollupRule({
    id: "rollup.rows.mismatch",
    severity: "error",
    title: { ja: "件数が一覧の事務事業と合わない", en: "Counts differ from the listed projects" },
    description: {
      ja: "評価票(2)の件数(コードごとの事業数、うち重点、点検結果の記号ごとの件数)が、配下の事務事業一覧に記載された事務事業と一致しません。",
      en: "The roll-up (2) counts (事業数 per code, うち重点, the 点検結果 letters) differ from the projects listed under <配下の事務事業一覧>.",
    },
    checkRollup: ({ model }) => {
      if (model.projects.length === 0) return [];
      const out: FindingDraft[] = [];
      const listedCount = model.projects.length;
      for (const block of model.blocks) {
        if (block.rows.length === 0) continue;
        const name = tableName(block);
        const diffs = listedMismatches(model, block);
        if (diffs === null) {
          // Some listed project shows no code for this table: only the number of projects can be compared.
          const sum = rowSum(block, "projects");
          if (sum === null || sum === listedCount) continue;
          const where = sumCell(block, "projects");
          out.push({
            cell: where ? addressOf(where) : addressOf(block.name),
            path: `${blockPath(model, block)}`,
            message: {
              ja: `${name.ja}の事業数の計は ${num(sum)} ですが、一覧の事務事業は ${num(listedCount)} 件です。`,
              en: `The project counts of ${name.en} add up to ${num(sum)}, but ${num(listedCount)} projects are listed.`,
            },
            raw: where?.raw,
            expected: { ja: `一覧の件数 ${num(listedCount)}`, en: `${num(listedCount)}, the projects listed` },
            related: cellsOf(model.projects.map((p) => p.name)),
          });
          continue;
        }
        if (diffs.length === 0) continue;
        const first = diffs.find((d) => d.field !== null)?.field ?? sumCell(block, "projects");
        const field = PROJECT_FIELD[block.id];
        const involved = new Set(diffs.map((d) => d.code));
        out.push({
          cell: first ? addressOf(first) : addressOf(block.name),
          path: `${blockPath(model, block)}`,
          message: {
            ja: `${name.ja}の事業数が一覧の事務事業と合いません: ${diffs.map((d) => `${d.code} は表で ${num(d.printed)} 件${d.field ? at(d.field) : ""}、一覧で ${num(d.listed)} 件`).join("; ")}。`,
            en: `The project counts of ${name.en} differ from the listed projects: ${diffs.map((d) => `${d.code} ${num(d.printed)} in the table${d.field ? ` ${at(d.field)}` : ""}, ${num(d.listed)} listed`).join("; ")}.`,
          },
          raw: first?.raw,
          expected: { ja: "一覧の事務事業のコードごとの件数", en: "the number of listed projects with each code" },
          related: cellsOf([
            ...diffs.flatMap((d) => (d.field && d.field !== first ? [d.field] : [])),
            ...model.projects.map((p) => p[field] as Field<string>).filter((f) => f.value !== null && involved.has(f.value)),
          ]),
        });
      }
      out.push(...priorityAgainstList(model), ...matrixAgainstList(model));
      return out;
    },
  }),
];

/** Σ うち重点 of the 達成度 table against the listed projects marked 重点 (when the list marks any, or the table counts none). */
function priorityAgainstList(model: RollupSheet): FindingDraft[] {
  const reference = referenceBlock(model);
  if (!reference) return [];
  const printed = rowSum(reference, "priority");
  const marked = model.projects.filter((p) => p.priority.value === true);
  if (printed === null || printed === marked.length) return [];
  // A list that marks no project at all may simply not print the mark.
  if (marked.length === 0) return [];
  const where = sumCell(reference, "priority");
  const name = tableName(reference);
  return [
    {
      cell: where ? addressOf(where) : addressOf(reference.name),
      path: `${blockPath(model, reference)}`,
      message: {
        ja: `${name.ja}のうち重点の計${where ? at(where) : ""}は ${num(printed)} ですが、一覧で重点の事務事業は ${num(marked.length)} 件です。`,
        en: `The priority counts of ${name.en} ${where ? at(where) : ""} add up to ${num(printed)}, but ${num(marked.length)} listed projects are marked 重点.`,
      },
      raw: where?.raw,
      expected: { ja: `一覧の重点の件数 ${num(marked.length)}`, en: `${num(marked.length)}, the listed priority projects` },
      related: cellsOf(marked.map((p) => p.priority)),
    },
  ];
}

/** 点検結果 counts per letter against the listed projects' letters (once the matrix adds up). */
function matrixAgainstList(model: RollupSheet): FindingDraft[] {
  const matrix = model.matrix;
  const reference = referenceBlock(model);
  if (!matrix || model.projects.some((p) => p.inspection.value === null)) return [];
  if (reference && matrixSum(model) !== rowSum(reference, "projects")) return [];
  const listed = new Map<string, number>();
  for (const p of model.projects) listed.set(p.inspection.value as string, (listed.get(p.inspection.value as string) ?? 0) + 1);
  const diffs = matrix.cells.filter((c) => c.letter.value !== null && countOf(c.count) !== null && countOf(c.count) !== (listed.get(c.letter.value) ?? 0));
  if (diffs.length === 0) return [];
  const first = diffs[0];
  return [
    {
      cell: addressOf(first.count),
      path: `matrix.cells[${matrix.cells.indexOf(first)}].count`,
      message: {
        ja: `点検結果の件数が一覧の事務事業と合いません: ${diffs.map((d) => `${d.letter.value} は表で ${num(countOf(d.count))} 件${at(d.count)}、一覧で ${num(listed.get(d.letter.value as string) ?? 0)} 件`).join("; ")}。`,
        en: `The inspection counts differ from the listed projects: ${diffs.map((d) => `${d.letter.value} ${num(countOf(d.count))} in the table ${at(d.count)}, ${num(listed.get(d.letter.value as string) ?? 0)} listed`).join("; ")}.`,
      },
      raw: first.count.raw,
      expected: { ja: "一覧の事務事業の記号ごとの件数", en: "the number of listed projects with each letter" },
      related: cellsOf([...diffs.slice(1).map((d) => d.count), ...model.projects.map((p) => p.inspection).filter((f) => diffs.some((d) => d.letter.value === f.value))]),
    },
  ];
}
