// 事務事業評価シート rules: the header, the cost table (readable figures, years, the arithmetic
// relations of the configured packs, 決算 over 予算), 達成度 and 方向性区分 on their scales, and
// 達成度 against what the indicators show. The indicator rules themselves (indicators.ts) run on
// the project's indicators too.

import type { LocalizedText } from "../findings";
import { toA1 } from "../grid";
import { addressOf, type CostCell, type CostColumnHeader, type CostTable, type Field, type ProjectSheet } from "../model";
import { relationsFor, type RelationCheck } from "../costs";
import { relationFinding, type RelationOutcome } from "../costs/evaluate";
import { describeValue, scaleEntry, scaleExamples, type Scale } from "../scales";
import type { FindingDraft, ProjectRuleContext, Rule } from "./types";
import { formatRate, num } from "../format/number";
import { FORECAST_SETTLEMENT } from "../terms";
import { at, capitalized, isBlank, missingFieldFindings, quoted } from "./text";

/** Project rules are checked on project sheets only (checkProject); `check` has nothing to do. */
function projectRule(rule: Omit<Rule, "check">): Rule {
  return { ...rule, check: () => [] };
}

const ROW_NAMES: Record<string, LocalizedText> = {
  projectCost: { ja: "事業費A", en: "project cost (事業費 A)" },
  national: { ja: "国庫支出金", en: "national funds" },
  prefectural: { ja: "県支出金", en: "prefectural funds" },
  bonds: { ja: "市債", en: "bonds" },
  otherFunding: { ja: "その他特財", en: "other specific revenue" },
  userCharges: { ja: "受益者負担", en: "user charges" },
  specificFunding: { ja: "特定財源", en: "specific revenue" },
  general: { ja: "一般財源", en: "general revenue" },
  generalOfFullCost: { ja: "一般財源1", en: "general revenue of the full cost" },
  fundingTotal: { ja: "財源計", en: "funding total" },
  staffCost: { ja: "人件費B", en: "staff cost (人件費 B)" },
  staffCostOther: { ja: "その他職員の人件費", en: "other staff cost" },
  indirectStaffCost: { ja: "間接人件費", en: "indirect staff cost" },
  indirectCost: { ja: "間接事業費", en: "indirect cost" },
  totalCost: { ja: "総コスト", en: "total cost (総コスト)" },
  staffYears: { ja: "人工", en: "staff-years (人工)" },
  hours: { ja: "所要時間", en: "hours" },
  unitStaffCost: { ja: "人件費単価", en: "unit staff cost" },
};

/** A row's name: the known words, else its label as printed. */
function rowName(table: CostTable, row: string): LocalizedText {
  const known = ROW_NAMES[row];
  if (known) return known;
  const printed = table.rows.find((r) => r.row === row)?.label.value ?? row;
  return { ja: printed, en: printed };
}

const KIND_NAMES = {
  plan: { ja: "計画事業費", en: "plan" },
  budget: { ja: "予算額", en: "budget" },
  settlement: { ja: "決算額", en: "settlement" },
} as const;

/** `2024年度 予算額` / `2024 budget`. */
function columnName(column: CostColumnHeader): LocalizedText {
  const kind = column.forecast ? FORECAST_SETTLEMENT.inText : KIND_NAMES[column.column];
  const year = column.year.value;
  return { ja: `${year !== null ? `${year}年度 ` : ""}${kind.ja}`, en: `${year !== null ? `${year} ` : ""}${kind.en}` };
}

function unitWords(table: CostTable): LocalizedText {
  const unit = table.unit.value;
  return unit === "円" ? { ja: "円", en: " yen" } : unit === "千円" ? { ja: "千円", en: " thousand yen" } : { ja: "", en: "" };
}

const cellPath = (model: ProjectSheet, cell: CostCell): string => `costs.cells[${model.costs.cells.indexOf(cell)}].value`;
const sheetCellOf = (ref: { sheet: string; address: string }): string => `${ref.sheet}!${ref.address}`;
const sheetRef = (cell: CostCell | null): string[] => (cell?.value.cell ? [sheetCellOf(cell.value.cell)] : []);

/** `事業費A(I18) 9,001 + 人件費B(I23) 70,900` — the arithmetic a relation did, term by term. */
function formula(table: CostTable, outcome: RelationOutcome): LocalizedText {
  if (outcome.factors.length > 0) {
    const parts = outcome.factors.map((f) => {
      if (f.cell) {
        const name = rowName(table, f.row);
        return { ja: `${name.ja}${at(f.cell.value)} ${num(f.value)}`, en: `${name.en} ${at(f.cell.value)} ${num(f.value)}` };
      }
      const u = f.unitCost;
      const source =
        u?.source === "settings"
          ? { ja: "設定値", en: "from the settings" }
          : { ja: `推定: ${u?.sheets ?? 0}シート${u?.columns ?? 0}列の中央値`, en: `inferred: median of ${u?.columns ?? 0} columns of ${u?.sheets ?? 0} sheets` };
      return { ja: `1人工あたり ${num(f.value)}(${source.ja})`, en: `the cost per 人工 ${num(f.value)} (${source.en})` };
    });
    return { ja: parts.map((p) => p.ja).join(" × "), en: parts.map((p) => p.en).join(" × ") };
  }
  const shown = outcome.terms.filter((t) => t.cell !== null);
  // A blank term counts as 0: say so, with the dash as printed.
  const figure = (t: (typeof shown)[number]): LocalizedText =>
    t.cell!.value.value === null ? { ja: `${quoted(t.cell!.value.raw).ja}(0)`, en: `${quoted(t.cell!.value.raw).en} (0)` } : { ja: num(t.value), en: num(t.value) };
  const sign = (t: (typeof shown)[number], i: number): string => (i === 0 ? (t.sign < 0 ? "−" : "") : t.sign < 0 ? " − " : " + ");
  const ja = shown.map((t, i) => `${sign(t, i)}${rowName(table, t.row).ja}${at(t.cell!.value)} ${figure(t).ja}`);
  const en = shown.map((t, i) => `${sign(t, i)}${rowName(table, t.row).en} ${at(t.cell!.value)} ${figure(t).en}`);
  return { ja: ja.join(""), en: en.join("") };
}

/** One rule per kind of relation; the relations themselves are data (core/costs). */
function relationRule(id: string, check: RelationCheck, title: LocalizedText, description: LocalizedText, severity: Rule["severity"]): Rule {
  return projectRule({
    id,
    severity,
    scope: "sheet",
    title,
    description,
    checkProject: (ctx) => relationFindings(ctx, check),
  });
}

const NO_CELLS = new Map<string, CostCell>();

/** Every relation in force on the table, evaluated on every column once (three rules report them). */
function outcomesOf(ctx: ProjectRuleContext): RelationOutcome[] {
  if (ctx.relationOutcomes) return ctx.relationOutcomes;
  const { model } = ctx;
  const table = model.costs;
  const { relations } = relationsFor(ctx.costs, new Set(table.rows.map((r) => r.row)));
  const grid = ctx.grid;
  const found: RelationOutcome[] = [];
  for (const relation of relations) {
    table.columns.forEach((column, columnIndex) => {
      const outcome = relationFinding({
        relation,
        columnIndex,
        column: { year: column.year.value, column: column.column },
        cells: grid.get(columnIndex) ?? NO_CELLS,
        fiscalYear: model.header.fiscalYear.value,
        unitCostFor: ctx.unitCostFor,
      });
      if (outcome && outcome.severity !== null) found.push(outcome);
    });
  }
  ctx.relationOutcomes = found;
  return found;
}

function relationFindings(ctx: ProjectRuleContext, check: RelationCheck): FindingDraft[] {
  const { model } = ctx;
  const table = model.costs;
  if (table.columns.length === 0) return [];
  const unit = unitWords(table);
  const out: FindingDraft[] = [];
  for (const outcome of outcomesOf(ctx)) {
    if (outcome.relation.check !== check) continue;
    const relation = outcome.relation;
    const column = table.columns[outcome.columnIndex];
    const target = outcome.target.value;
    const name = rowName(table, relation.target);
    const col = columnName(column);
    const math = formula(table, outcome);
    const shownExpected = outcome.factors.length > 0 && outcome.exact !== outcome.expected ? `${num(outcome.exact)} → ${num(outcome.expected)}` : num(outcome.exact);
    const diff = num(Math.abs(outcome.difference));
    const more = outcome.difference > 0;
    const rounding = outcome.rounding ? { ja: `(差が±${num(relation.tolerance)}以内: 元の端数処理とみられます)`, en: ` (within ±${num(relation.tolerance)}: source rounding)` } : { ja: "", en: "" };
    const related: string[] = [];
    for (const term of outcome.terms) if (term.cell?.value.cell) related.push(sheetCellOf(term.cell.value.cell));
    for (const factor of outcome.factors) if (factor.cell?.value.cell) related.push(sheetCellOf(factor.cell.value.cell));
    out.push({
      severity: outcome.severity ?? undefined,
      cell: addressOf(target),
      path: cellPath(model, outcome.target),
      message: {
        ja: `${col.ja}の${name.ja}${at(target)} ${num(outcome.actual)}が、${math.ja} = ${shownExpected} より${diff}${unit.ja}${more ? "多く" : "少なく"}なっています${rounding.ja}。[${relation.id}]`,
        en: `${col.en}: the ${name.en} ${at(target)} ${num(outcome.actual)} is ${diff}${unit.en} ${more ? "more" : "less"} than ${math.en} = ${shownExpected}${rounding.en}. [${relation.id}]`,
      },
      raw: target.raw,
      expected: { ja: `${num(outcome.expected)}(${math.ja})`, en: `${num(outcome.expected)} (${math.en})` },
      related,
    });
  }
  return out;
}

/** Header fields a project sheet cannot be filed without. */
const REQUIRED_HEADER: { key: "projectCode" | "projectName" | "department" | "fiscalYear"; ja: string; en: string }[] = [
  { key: "fiscalYear", ja: "評価年度", en: "evaluation year (評価年度)" },
  { key: "projectCode", ja: "事務事業コード", en: "project code (事務事業コード)" },
  { key: "projectName", ja: "事務事業名", en: "project name (事務事業名)" },
  { key: "department", ja: "所属", en: "department (所属)" },
];

// The settings' pattern, compiled once per pattern rather than once per sheet.
const compiledPatterns = new Map<string, RegExp>();

function codePattern(pattern: string): RegExp {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    try {
      compiled = new RegExp(pattern);
    } catch {
      compiled = /^[0-9]{8}$/;
    }
    if (compiledPatterns.size >= 64) compiledPatterns.clear();
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}

type CostVisitor = (cell: CostCell, column: CostColumnHeader, k: number) => FindingDraft | null;

function eachCost(model: ProjectSheet, visit: CostVisitor): FindingDraft[] {
  const out: FindingDraft[] = [];
  model.costs.cells.forEach((cell, k) => {
    const d = visit(cell, model.costs.columns[cell.columnIndex], k);
    if (d) out.push(d);
  });
  return out;
}

/** The scale field rules share: missing when its label is there but the value is blank, invalid when unreadable. */
function scaleFieldRules(
  key: "achievement" | "direction",
  names: { ja: string; en: string },
  scaleOf: (ctx: ProjectRuleContext) => Scale,
  ids: { missing: string; invalid: string },
): Rule[] {
  return [
    projectRule({
      id: ids.missing,
      severity: "error",
      scope: "sheet",
      title: { ja: `${names.ja}の欠落`, en: `${capitalized(names.en)} missing` },
      description: {
        ja: `${names.ja}の欄はありますが、選んだ値がありません(選択肢の一覧だけが印刷されています)。`,
        en: `The sheet has a ${names.en} field but no value was chosen (only the list of choices is printed).`,
      },
      checkProject: (ctx) => {
        const f = ctx.model[key];
        if (!f.cell || !isBlank(f)) return [];
        return [
          {
            cell: addressOf(f),
            path: key,
            message: { ja: `${names.ja}${at(f)}が${quoted(f.raw).ja}です。`, en: `The ${names.en} ${at(f)} is ${quoted(f.raw).en}.` },
            raw: f.raw,
            expected: scaleExamples(scaleOf(ctx)),
          },
        ];
      },
    }),
    projectRule({
      id: ids.invalid,
      severity: "error",
      scope: "sheet",
      title: { ja: `${names.ja}が読めない`, en: `${capitalized(names.en)} invalid` },
      description: {
        ja: `${names.ja}が設定された尺度のどの値としても読めません。`,
        en: `The ${names.en} cannot be read as a value of its configured scale.`,
      },
      checkProject: (ctx) => {
        const f = ctx.model[key];
        if (f.status !== "invalid") return [];
        return [
          {
            cell: addressOf(f),
            path: key,
            message: { ja: `${names.ja}${at(f)}「${f.raw}」を読めません。`, en: `The ${names.en} ${at(f)} "${f.raw}" cannot be read.` },
            raw: f.raw,
            expected: scaleExamples(scaleOf(ctx)),
          },
        ];
      },
    }),
  ];
}

/** Mean 達成率 of the indicators rated in the evaluation year. */
function fiscalYearRates(ctx: ProjectRuleContext): number[] {
  const year = ctx.model.header.fiscalYear.value;
  if (year === null) return [];
  return ctx.summary.indicators.map((s) => s.years.find((y) => y.year === year)?.rate ?? null).filter((r): r is number => r !== null);
}

export const projectRules: Rule[] = [
  projectRule({
    id: "project.header.field.missing",
    severity: "error",
    scope: "sheet",
    title: { ja: "事務事業の必須項目の欠落", en: "Required project field missing" },
    description: {
      ja: "評価年度・事務事業コード・事務事業名・所属のいずれかが空欄か見つかりません。",
      en: "The evaluation year, project code, project name or department of a project sheet is blank or not found.",
    },
    checkProject: ({ model }) => missingFieldFindings(REQUIRED_HEADER.map(({ key, ja, en }) => ({ path: `header.${key}`, field: model.header[key] as Field<unknown>, ja, en }))),
  }),
  projectRule({
    id: "project.code.invalid",
    severity: "error",
    scope: "sheet",
    title: { ja: "事務事業コードの形式誤り", en: "Project code malformed" },
    description: {
      ja: "事務事業コードが設定の形式(既定: 8桁の数字)ではありません。",
      en: "The project code does not have the configured form (default: 8 digits).",
    },
    checkProject: ({ model, settings }) => {
      const f = model.header.projectCode;
      if (isBlank(f)) return [];
      if (f.status !== "invalid" && f.value !== null && codePattern(settings.projectCodePattern).test(f.value)) return [];
      const raw = quoted(f.raw || (f.value ?? ""));
      const eight = settings.projectCodePattern === "^[0-9]{8}$";
      return [
        {
          cell: addressOf(f),
          path: "header.projectCode",
          message: {
            ja: `事務事業コード${at(f)}${raw.ja}が${eight ? "8桁の数字" : `設定の形式(${settings.projectCodePattern})`}ではありません。`,
            en: `The project code ${at(f)} ${raw.en} is not ${eight ? "8 digits" : `of the configured form (${settings.projectCodePattern})`}.`,
          },
          raw: f.raw,
          expected: eight ? { ja: "8桁の数字(例: 41303010)", en: "8 digits (e.g. 41303010)" } : { ja: `形式 ${settings.projectCodePattern}`, en: `the form ${settings.projectCodePattern}` },
        },
      ];
    },
  }),
  projectRule({
    id: "project.cost.table.missing",
    severity: "error",
    scope: "sheet",
    title: { ja: "事業費の表がない", en: "Cost table missing" },
    description: {
      ja: "事業費A・人件費・総コストなどの行と、年度・予算額・決算額の見出しを持つ表が見つかりません。",
      en: "No cost table was found (rows such as 事業費 A, 人件費, 総コスト under year and 予算額 / 決算額 headers).",
    },
    checkProject: ({ model }) =>
      model.costs.columns.length > 0
        ? []
        : [
            {
              cell: null,
              path: "costs",
              message: { ja: "事業費の表(予決算表)が見つかりません。", en: "The cost table (予決算表) was not found." },
              expected: { ja: "年度ごとの予算額・決算額と事業費A・人件費・総コストの表", en: "a table of 事業費 A, 人件費 and 総コスト by year under 予算額 / 決算額" },
            },
          ],
  }),
  projectRule({
    id: "project.cost.unit.missing",
    severity: "warning",
    scope: "sheet",
    title: { ja: "事業費の単位が不明", en: "Cost unit missing" },
    description: {
      ja: "事業費の表に単位(千円・円)の注記がないか読めません。金額の単位を決めつけずに空欄(null)として報告します。",
      en: "The cost table has no readable unit note (千円 or 円); the unit is reported as unknown, never assumed.",
    },
    checkProject: ({ model }) => {
      const { unit, box } = model.costs;
      if (model.costs.columns.length === 0 || unit.value !== null) return [];
      return [
        {
          // No note: above the table's top-right corner, where the note is printed.
          cell: unit.cell?.address ?? (box ? toA1(Math.max(0, box.top - 1), box.right) : null),
          path: "costs.unit",
          message: unit.cell
            ? { ja: `事業費の単位${at(unit)}「${unit.raw}」は千円・円のどちらでもありません。`, en: `The cost unit ${at(unit)} "${unit.raw}" is neither 千円 nor 円.` }
            : { ja: "事業費の表に単位(千円・円)の注記がありません。", en: "The cost table gives no unit (千円 or 円)." },
          raw: unit.raw,
          expected: { ja: "(単位:千円)または(単位:円)", en: "(単位:千円) or (単位:円)" },
        },
      ];
    },
  }),
  projectRule({
    id: "project.cost.value.not-numeric",
    severity: "error",
    scope: "sheet",
    title: { ja: "事業費が数値として読めない", en: "Cost value not numeric" },
    description: { ja: "事業費の表の金額・人工が数値として読めません。", en: "A figure of the cost table cannot be read as a number." },
    checkProject: ({ model }) =>
      eachCost(model, (cell, column) => {
        if (cell.value.status !== "invalid") return null;
        const name = rowName(model.costs, cell.row);
        const col = columnName(column);
        return {
          cell: addressOf(cell.value),
          path: cellPath(model, cell),
          message: { ja: `${col.ja}の${name.ja}${at(cell.value)}「${cell.value.raw}」を数値として読めません。`, en: `${col.en}: the ${name.en} ${at(cell.value)} "${cell.value.raw}" is not a number.` },
          raw: cell.value.raw,
          expected: { ja: "数値(例: 43,769、△12、空欄は「-」)", en: "a number (e.g. 43,769, △12; - for blank)" },
        };
      }),
  }),
  projectRule({
    id: "project.cost.negative",
    severity: "warning",
    scope: "sheet",
    title: { ja: "事業費の負の値", en: "Negative cost figure" },
    description: {
      ja: "事業費の表に負の値(△・▲)があります。財源の調整などで正しいこともあるため警告にとどめます。",
      en: "A figure of the cost table is negative (△/▲); it can be right (a funding adjustment), so it is a warning.",
    },
    checkProject: ({ model }) =>
      eachCost(model, (cell, column) => {
        if (cell.value.value === null || cell.value.value >= 0) return null;
        const name = rowName(model.costs, cell.row);
        const col = columnName(column);
        return {
          cell: addressOf(cell.value),
          path: cellPath(model, cell),
          message: { ja: `${col.ja}の${name.ja}${at(cell.value)}「${cell.value.raw}」が負の値(${num(cell.value.value)})です。`, en: `${col.en}: the ${name.en} ${at(cell.value)} "${cell.value.raw}" is negative (${num(cell.value.value)}).` },
          raw: cell.value.raw,
          expected: { ja: "0以上の値、または負となる理由", en: "zero or more, or the reason it is negative" },
        };
      }),
  }),
  projectRule({
    id: "project.cost.year.missing",
    severity: "warning",
    scope: "sheet",
    title: { ja: "事業費の年度がない", en: "Cost year missing" },
    description: {
      ja: "事業費の表に、表の最初の年度から評価年度までのいずれかの年度の列がない、その年度の事業費Aがすべて空欄、または評価年度の予算額か決算額(見込)の列がありません。",
      en: "The cost table lacks a year from its first year to the evaluation year, every 事業費 A of such a year is blank, or the evaluation year has no budget, settlement or forecast settlement column.",
    },
    checkProject: ({ model, grid }) => {
      const table = model.costs;
      const fiscalYear = model.header.fiscalYear.value;
      if (table.columns.length === 0 || fiscalYear === null) return [];
      const years = table.columns.map((c) => c.year.value).filter((y): y is number => y !== null);
      if (years.length === 0) return [];
      const first = Math.min(...years, fiscalYear);
      const out: FindingDraft[] = [];
      for (let year = first; year <= fiscalYear; year++) {
        const indices = table.columns.map((c, i) => (c.year.value === year ? i : -1)).filter((i) => i >= 0);
        const place = table.columns.find((c) => c.year.value !== null && c.year.value > year) ?? table.columns[table.columns.length - 1];
        if (indices.length === 0) {
          out.push({
            cell: addressOf(place.year),
            path: "costs.columns",
            message: { ja: `事業費の表に${year}年度の列がありません。`, en: `The cost table has no column for ${year}.` },
            expected: { ja: `${year}年度の予算額・決算額`, en: `the budget and settlement for ${year}` },
          });
          continue;
        }
        const costs = indices.map((i) => grid.get(i)?.get("projectCost") ?? null);
        if (costs.every((c) => c === null || c.value.value === null)) {
          const header = table.columns[indices[0]];
          out.push({
            cell: addressOf(header.year),
            path: `costs.columns[${indices[0]}]`,
            message: { ja: `${year}年度${at(header.year)}の事業費Aがすべて空欄です。`, en: `Every project cost (事業費 A) of ${year} ${at(header.year)} is blank.` },
            raw: header.year.raw,
            expected: { ja: `${year}年度の事業費A`, en: `the project cost for ${year}` },
          });
        }
        if (year !== fiscalYear) continue;
        for (const kind of ["budget", "settlement"] as const) {
          if (indices.some((i) => table.columns[i].column === kind)) continue;
          const header = table.columns[indices[0]];
          out.push({
            cell: addressOf(header.year),
            path: `costs.columns[${indices[0]}]`,
            message: {
              ja: `評価年度(${year}年度)${at(header.year)}に${kind === "budget" ? "予算額" : "決算額(見込)"}の列がありません。`,
              en: `The evaluation year ${year} ${at(header.year)} has no ${kind === "budget" ? "budget" : `settlement or ${FORECAST_SETTLEMENT.inText.en}`} column.`,
            },
            raw: header.year.raw,
            expected: { ja: `${year}年度の${kind === "budget" ? "予算額" : "決算額(見込)"}`, en: `the ${kind === "budget" ? "budget" : "settlement"} for ${year}` },
          });
        }
      }
      return out;
    },
  }),
  relationRule(
    "project.cost.total-mismatch",
    "total",
    { ja: "総コストの不一致", en: "Total cost mismatch" },
    {
      ja: "総コストが事業費と人件費の和(適用される関係式のとおり)と一致しません。許容差(川崎: ±1千円)以内は元の端数処理とみて警告、それを超える差はエラーです。",
      en: "The total cost does not equal the sum of its parts (as the relations in force say). Within the tolerance (Kawasaki: ±1 千円) it is source rounding, a warning; beyond it, an error.",
    },
    "error",
  ),
  relationRule(
    "project.cost.funding-mismatch",
    "funding",
    { ja: "財源内訳の不一致", en: "Funding mismatch" },
    {
      ja: "財源内訳(国庫支出金・市債・その他特財・一般財源など)の合計が事業費と一致しません(適用される関係式のとおり)。",
      en: "The funding rows (国庫支出金, 市債, その他特財, 一般財源…) do not add up as the relations in force say.",
    },
    "error",
  ),
  relationRule(
    "project.cost.staff-mismatch",
    "staff",
    { ja: "人件費と人工の不一致", en: "Staff cost mismatch" },
    {
      ja: "人件費が人工×1人工あたりの人件費(設定値、なければ一緒に点検したシートから推定)と一致しません。人工の端数や別の単価のことがあるため警告です(関係式で変更可)。",
      en: "The staff cost differs from 人工 × the year's cost per 人工 (from the settings, else inferred from the sheets checked together); 人工 printed rounded or another unit cost make it a warning (a relation may say otherwise).",
    },
    "warning",
  ),
  projectRule({
    id: "project.cost.settlement-over-budget",
    severity: "info",
    scope: "sheet",
    title: { ja: "決算が予算を超過", en: "Settlement over budget" },
    description: {
      ja: "事業費Aの決算額(見込)が予算額を上回っています。補正予算や繰越で珍しくないため情報とし、設定の割合(既定20%)を超えると警告にします。",
      en: "The settlement (or forecast settlement) of 事業費 A exceeds its budget. Supplementary budgets and carried-over funds make that common: info, a warning beyond the setting (default 20% over).",
    },
    checkProject: ({ model, settings, grid }) => {
      const table = model.costs;
      const out: FindingDraft[] = [];
      table.columns.forEach((column, i) => {
        if (column.column !== "settlement" || column.year.value === null) return;
        const budgetIndex = table.columns.findIndex((c) => c.column === "budget" && c.year.value === column.year.value);
        const settlement = grid.get(i)?.get("projectCost");
        const budget = budgetIndex >= 0 ? grid.get(budgetIndex)?.get("projectCost") : undefined;
        const s = settlement?.value.value ?? null;
        const b = budget?.value.value ?? null;
        if (!settlement || !budget || s === null || b === null || s <= b) return;
        const warn = b <= 0 || s > b * (1 + settings.settlementOverBudgetWarning);
        const col = columnName(column);
        out.push({
          severity: warn ? "warning" : "info",
          cell: addressOf(settlement.value),
          path: cellPath(model, settlement),
          message: {
            ja: `${col.ja}の事業費A${at(settlement.value)} ${num(s)}が予算額${at(budget.value)} ${num(b)}を上回っています${b > 0 ? `(執行率${formatRate(s / b)})` : ""}${warn ? `。予算の${formatRate(1 + settings.settlementOverBudgetWarning)}を超えています` : ""}。`,
            en: `${col.en}: 事業費 A ${at(settlement.value)} ${num(s)} exceeds its budget ${at(budget.value)} ${num(b)}${b > 0 ? ` (${formatRate(s / b)} executed)` : ""}${warn ? `, beyond ${formatRate(1 + settings.settlementOverBudgetWarning)} of it` : ""}.`,
          },
          raw: settlement.value.raw,
          expected: { ja: `予算額(${num(b)})以下、または補正・繰越の説明`, en: `at most the budget (${num(b)}), or a supplementary budget or carry-over` },
          related: sheetRef(budget),
        });
      });
      return out;
    },
  }),
  ...scaleFieldRules("achievement", { ja: "達成度", en: "achievement" }, (ctx) => ctx.scales.achievement, { missing: "project.achievement.missing", invalid: "project.achievement.invalid" }),
  ...scaleFieldRules("direction", { ja: "方向性区分", en: "direction class" }, (ctx) => ctx.scales.direction, { missing: "project.direction.missing", invalid: "project.direction.invalid" }),
  projectRule({
    id: "project.achievement.implausible",
    severity: "warning",
    scope: "sheet",
    title: { ja: "達成度と指標の乖離", en: "Achievement implausible" },
    description: {
      ja: "達成度が示す範囲(尺度の rateRange、例: 2 は達成率100%以上)から、評価年度の指標の平均達成率が設定の幅(既定10ポイント)を超えて外れています。",
      en: "The mean 達成率 of the indicators in the evaluation year lies outside the range the 達成度 claims (the scale's rateRange, e.g. 2 = 100% or more) by more than the setting (default 10 points).",
    },
    checkProject: (ctx) => {
      const f = ctx.model.achievement;
      const scale = ctx.scales.achievement;
      const range = scaleEntry(scale, f.value)?.rateRange;
      const rates = fiscalYearRates(ctx);
      if (!range || f.value === null || rates.length === 0) return [];
      const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
      const [from, to] = range;
      const tolerance = ctx.settings.achievementTolerance;
      if ((from === null || mean >= from - tolerance) && (to === null || mean <= to + tolerance)) return [];
      const claimed = describeValue(scale, f.value);
      const span = { ja: `${from === null ? "" : `${formatRate(from)}以上`}${from !== null && to !== null ? "・" : ""}${to === null ? "" : `${formatRate(to)}以下`}`, en: [from === null ? "" : `at least ${formatRate(from)}`, to === null ? "" : `at most ${formatRate(to)}`].filter(Boolean).join(" and ") };
      return [
        {
          cell: addressOf(f),
          path: "achievement",
          message: {
            ja: `達成度${at(f)}は「${claimed.ja}」ですが、${ctx.model.header.fiscalYear.value}年度の指標の平均達成率は${formatRate(mean)}(${rates.length}件)です。`,
            en: `The achievement ${at(f)} is "${claimed.en}" but the indicators' mean rate for ${ctx.model.header.fiscalYear.value} is ${formatRate(mean)} (${rates.length} rated).`,
          },
          raw: f.raw,
          expected: { ja: `平均達成率が${span.ja}となる達成度、またはその理由`, en: `an achievement whose range (${span.en}) holds the mean rate, or a reason` },
        },
      ];
    },
  }),
  projectRule({
    id: "project.scale.normalized",
    severity: "info",
    scope: "sheet",
    title: { ja: "達成度・方向性区分の表記を正規化", en: "Achievement or direction class normalized" },
    description: {
      ja: "達成度・方向性区分の表記ゆれ(全角、II、選択肢の文言など)を尺度の値として読みました。",
      en: "An achievement or direction class variant (full width, II, the choice's wording…) was read as its scale value.",
    },
    checkProject: ({ model, scales }) => {
      const out: FindingDraft[] = [];
      for (const [key, scale] of [["achievement", scales.achievement], ["direction", scales.direction]] as const) {
        const f = model[key];
        if (f.status !== "normalized" || f.value === null) continue;
        out.push({
          cell: addressOf(f),
          path: key,
          message: {
            ja: `${scale.name.ja}${at(f)}「${f.raw}」を「${f.value}」として読みました。`,
            en: `The ${scale.name.en} ${at(f)} "${f.raw}" was read as "${f.value}".`,
          },
          raw: f.raw,
          expected: { ja: `「${f.value}」`, en: `"${f.value}"` },
        });
      }
      return out;
    },
  }),
];
