// 参考指標 rules: table structure, years, values, unit, direction, cumulative counts, rates. The
// same rules check a 事務事業評価シート's 活動指標 / 成果指標: each rule reads an IndicatorScope
// (the indicators, their summaries and the window of years), built from either kind of sheet.

import { toA1 } from "../grid";
import { addressOf, type Field, type Indicator, type IndicatorRow } from "../model";
import { RATE_UNDEFINED_REASONS, windowOf, type IndicatorWindow } from "../summary";
import { windowBaseYear, windowYears } from "../summary/indicators";
import { projectWindow } from "../summary/project";
import type { IndicatorSummary } from "../summary/types";
import type { FindingDraft, ProjectRuleContext, Rule, RuleContext } from "./types";
import { circled, num } from "../format/number";
import { at, hasText, indicatorLabel, isBlank, quoted, sheetCell } from "./text";
import { rateUndefinedReasonOf } from "../summary/labels";

/** What the indicator rules look at, from a 施策 sheet or a project sheet. */
export interface IndicatorScope extends IndicatorWindow {
  indicators: readonly Indicator[];
  summaries: readonly IndicatorSummary[];
}

function scopeOf({ fiscalYear, from, to }: IndicatorWindow, indicators: readonly Indicator[], summaries: readonly IndicatorSummary[]): IndicatorScope {
  return { fiscalYear, from, to, indicators, summaries };
}

// One scope per check, kept on its context: every indicator rule of the sheet shares it.
function evaluationScope(ctx: RuleContext): IndicatorScope {
  return (ctx.indicatorScope ??= scopeOf(windowOf(ctx.model), ctx.model.indicators, ctx.summary.indicators));
}

function projectScope(ctx: ProjectRuleContext): IndicatorScope {
  return (ctx.indicatorScope ??= scopeOf(projectWindow(ctx.model), ctx.model.indicators, ctx.summary.indicators));
}

/** A rule on indicators: checked on 施策 sheets and on project sheets alike. */
function indicatorRule(rule: Omit<Rule, "check" | "checkProject">, check: (scope: IndicatorScope) => FindingDraft[]): Rule {
  return { ...rule, check: (ctx) => check(evaluationScope(ctx)), checkProject: (ctx) => check(projectScope(ctx)) };
}

type RowVisitor = (ind: Indicator, i: number, row: IndicatorRow, j: number, year: number | null) => FindingDraft | null;

function eachRow(model: IndicatorScope, visit: RowVisitor): FindingDraft[] {
  const out: FindingDraft[] = [];
  model.indicators.forEach((ind, i) =>
    ind.rows.forEach((row, j) => {
      const d = visit(ind, i, row, j, row.year.value);
      if (d) out.push(d);
    }),
  );
  return out;
}

/** Rows the plan cares about: the plan years and the base year before them (all rows when the period is unknown). */
function inPlanWindow(model: IndicatorScope, year: number): boolean {
  const base = windowBaseYear(model);
  const to = model.to;
  return (base === null || year >= base) && (to === null || year <= to);
}

const VALUE_NAMES = {
  year: { ja: "年度", en: "year" },
  plan: { ja: "計画値", en: "plan value" },
  actual: { ja: "実績値", en: "actual value" },
} as const;

/** 集計中 / 未集計 say the current year's figure is on its way: a softer finding than a forgotten value. */
const BEING_COUNTED = /集計中|未集計/;

type IndicatorRuleSpec = Omit<Rule, "check" | "checkProject"> & { check: (scope: IndicatorScope) => FindingDraft[] };

const INDICATOR_RULES: IndicatorRuleSpec[] = [
  {
    id: "indicator.table.missing",
    severity: "error",
    scope: "sheet",
    title: { ja: "参考指標の表がない", en: "Indicator table missing" },
    description: {
      ja: "参考指標がない、または参考指標に年度・計画値・実績値の表が見つかりません。",
      en: "No indicator was found, or an indicator has no year / plan / actual table.",
    },
    check: (model) => {
      if (model.indicators.length === 0) {
        return [
          {
            cell: null,
            path: "indicators",
            message: { ja: "参考指標が見つかりません。", en: "No reference indicator (参考指標) was found." },
            expected: { ja: "参考指標名と年度・計画値・実績値の表", en: "an indicator name with a year / plan / actual table" },
          },
        ];
      }
      return model.indicators
        .map((ind, i): FindingDraft | null => {
          if (ind.table !== null && ind.rows.length > 0) return null;
          const label = indicatorLabel(ind);
          return {
            cell: addressOf(ind.name),
            path: `indicators[${i}]`,
            message: {
              ja: `${label.ja}${at(ind.name)}に年度・計画値・実績値の表が見つかりません。`,
              en: `${label.en} ${at(ind.name)} has no year / plan / actual table.`,
            },
            raw: ind.name.raw,
            expected: { ja: "年度・計画値・実績値・単位の表", en: "a table of year / plan / actual / unit" },
          };
        })
        .filter((d): d is FindingDraft => d !== null);
    },
  },
  {
    id: "indicator.name.missing",
    severity: "error",
    scope: "sheet",
    title: { ja: "参考指標名の欠落", en: "Indicator name missing" },
    description: {
      ja: "参考指標の表は読めましたが、参考指標名が空欄か見つかりません。集計表や年度間の照合で指標を特定できません。",
      en: "An indicator's table was read but its name (参考指標名) is blank or not found, so the summary and the cross-year check cannot identify it.",
    },
    check: (model) =>
      model.indicators
        .map((ind, i): FindingDraft | null => {
          // Without a table the indicator is reported once, by indicator.table.missing.
          if (ind.table === null || ind.rows.length === 0 || hasText(ind.name)) return null;
          const mark = circled(ind.index);
          const table = toA1(ind.table.box.top, ind.table.box.left);
          return {
            cell: addressOf(ind.name),
            path: `indicators[${i}].name`,
            message: ind.name.cell
              ? {
                  ja: `参考指標${mark}の参考指標名${at(ind.name)}が${quoted(ind.name.raw).ja}です(表は${table}から)。`,
                  en: `The name of indicator ${mark} ${at(ind.name)} is ${quoted(ind.name.raw).en} (its table starts at ${table}).`,
                }
              : {
                  ja: `${table}からの表の参考指標${mark}に参考指標名が見つかりません。`,
                  en: `Indicator ${mark}, the table starting at ${table}, has no name (参考指標名).`,
                },
            raw: ind.name.raw,
            expected: { ja: "参考指標名の記入", en: "an indicator name (参考指標名)" },
          };
        })
        .filter((d): d is FindingDraft => d !== null),
  },
  {
    id: "indicator.year.missing",
    severity: "error",
    scope: "sheet",
    title: { ja: "計画年度の行がない", en: "Plan year missing from indicator table" },
    description: {
      ja: "参考指標の表に計画期間のいずれかの年度の行がありません。",
      en: "An indicator table has no row for one of the plan years.",
    },
    check: (model) => {
      const years = windowYears(model);
      const out: FindingDraft[] = [];
      model.indicators.forEach((ind, i) => {
        if (ind.rows.length === 0) return; // indicator.table.missing says it once
        const present = new Set(ind.rows.map((r) => r.year.value));
        const label = indicatorLabel(ind);
        for (const y of years.filter((y) => !present.has(y))) {
          out.push({
            cell: ind.table ? toA1(ind.table.box.top, ind.table.box.left) : null, // the table's 年度 header
            path: `indicators[${i}].rows`,
            message: {
              ja: `${label.ja}の表に${y}年度の行がありません。`,
              en: `${label.en} has no row for ${y}.`,
            },
            expected: { ja: `${y}年度の計画値・実績値の行`, en: `a row with the plan and actual for ${y}` },
          });
        }
      });
      return out;
    },
  },
  {
    id: "indicator.year.duplicate",
    severity: "error",
    scope: "sheet",
    title: { ja: "年度の重複", en: "Duplicate year" },
    description: { ja: "参考指標の表に同じ年度の行が2つ以上あります。", en: "An indicator table has two rows for the same year." },
    check: (model) => {
      const out: FindingDraft[] = [];
      model.indicators.forEach((ind, i) => {
        const seen = new Map<number, IndicatorRow>();
        ind.rows.forEach((row, j) => {
          const y = row.year.value;
          if (y === null) return;
          const first = seen.get(y);
          if (!first) {
            seen.set(y, row);
            return;
          }
          const label = indicatorLabel(ind);
          out.push({
            cell: addressOf(row.year),
            path: `indicators[${i}].rows[${j}].year`,
            message: {
              ja: `${label.ja}の年度${at(row.year)}「${row.year.raw}」が${at(first.year)}と重複しています。`,
              en: `${label.en}: the year ${at(row.year)} "${row.year.raw}" repeats ${at(first.year)}.`,
            },
            raw: row.year.raw,
            expected: { ja: "年度ごとに1行", en: "one row per year" },
            related: sheetCell(first.year.cell),
          });
        });
      });
      return out;
    },
  },
  {
    id: "indicator.year.outside-plan",
    severity: "warning",
    scope: "sheet",
    title: { ja: "計画期間外の年度", en: "Year outside the plan period" },
    description: {
      ja: "参考指標の表に、計画期間とその前年度(基準年度)以外の年度の行があります。",
      en: "An indicator table has a row for a year outside the plan period and its base year.",
    },
    check: (model) => {
      const from = model.from;
      const to = model.to;
      if (from === null || to === null) return [];
      return eachRow(model, (ind, i, row, j, year) => {
        if (year === null || inPlanWindow(model, year)) return null;
        const label = indicatorLabel(ind);
        return {
          cell: addressOf(row.year),
          path: `indicators[${i}].rows[${j}].year`,
          message: {
            ja: `${label.ja}の年度${at(row.year)}「${row.year.raw}」は計画期間(${from}〜${to}年度)と基準年度(${from - 1}年度)の外です。`,
            en: `${label.en}: the year ${at(row.year)} "${row.year.raw}" is outside the plan period ${from}–${to} and its base year ${from - 1}.`,
          },
          raw: row.year.raw,
          expected: { ja: `${from - 1}〜${to}年度`, en: `a year from ${from - 1} to ${to}` },
        };
      });
    },
  },
  {
    id: "indicator.plan.missing",
    severity: "error",
    scope: "sheet",
    title: { ja: "計画値の欠落", en: "Plan value missing" },
    description: { ja: "計画期間の年度の計画値が空欄です。", en: "A plan year has no plan value (計画値)." },
    check: (model) => {
      const years = new Set(windowYears(model));
      return eachRow(model, (ind, i, row, j, year) => {
        if (year === null || !years.has(year) || !isBlank(row.plan)) return null;
        const label = indicatorLabel(ind);
        const raw = quoted(row.plan.raw);
        return {
          cell: addressOf(row.plan),
          path: `indicators[${i}].rows[${j}].plan`,
          message: {
            ja: `${label.ja}${year}年度の計画値${at(row.plan)}が${raw.ja}です。`,
            en: `${label.en}: the ${year} plan value ${at(row.plan)} is ${raw.en}.`,
          },
          raw: row.plan.raw,
          expected: { ja: `${year}年度の計画値(数値)`, en: `the plan value for ${year} (a number)` },
        };
      });
    },
  },
  {
    id: "indicator.actual.missing",
    severity: "error",
    scope: "sheet",
    title: { ja: "実績値の欠落", en: "Actual value missing" },
    description: {
      ja: "評価年度までの年度の実績値が空欄か「－」です。評価年度の実績値に「集計中」「未集計」とある場合は警告にとどめます。",
      en: "A year up to the evaluation year has no actual value. When the evaluation year's actual is marked 集計中 / 未集計, the finding is a warning instead of an error.",
    },
    check: (model) => {
      const fiscalYear = model.fiscalYear;
      if (fiscalYear === null) return [];
      return eachRow(model, (ind, i, row, j, year) => {
        if (year === null || year > fiscalYear || !inPlanWindow(model, year) || !isBlank(row.actual)) return null;
        const label = indicatorLabel(ind);
        const raw = quoted(row.actual.raw);
        const base = {
          cell: addressOf(row.actual),
          path: `indicators[${i}].rows[${j}].actual`,
          raw: row.actual.raw,
          expected: { ja: `${year}年度の実績値(数値)`, en: `the actual value for ${year} (a number)` },
        };
        if (year === fiscalYear && row.actual.status === "no-value" && BEING_COUNTED.test(row.actual.raw)) {
          return {
            ...base,
            severity: "warning",
            message: {
              ja: `${label.ja}評価年度(${year}年度)の実績値${at(row.actual)}が${raw.ja}のままです。確定したら記入してください。`,
              en: `${label.en}: the actual value for the evaluation year ${year} ${at(row.actual)} is still ${raw.en} (being counted); fill it in once final.`,
            },
          };
        }
        return {
          ...base,
          message: {
            ja: `${label.ja}${year}年度の実績値${at(row.actual)}が${raw.ja}です。評価年度(${fiscalYear}年度)までの実績値が必要です。`,
            en: `${label.en}: the ${year} actual value ${at(row.actual)} is ${raw.en}; actuals are needed up to the evaluation year ${fiscalYear}.`,
          },
        };
      });
    },
  },
  {
    id: "indicator.actual.future",
    severity: "warning",
    scope: "sheet",
    title: { ja: "評価年度より後の実績値", en: "Actual value for a future year" },
    description: {
      ja: "評価年度より後の年度に実績値が入っています(列や行の取り違えの可能性)。",
      en: "A year after the evaluation year has an actual value (often a value typed in the wrong place).",
    },
    check: (model) => {
      const fiscalYear = model.fiscalYear;
      if (fiscalYear === null) return [];
      return eachRow(model, (ind, i, row, j, year) => {
        if (year === null || year <= fiscalYear || row.actual.value === null) return null;
        const label = indicatorLabel(ind);
        return {
          cell: addressOf(row.actual),
          path: `indicators[${i}].rows[${j}].actual`,
          message: {
            ja: `${label.ja}${year}年度の実績値${at(row.actual)}「${row.actual.raw}」は評価年度(${fiscalYear}年度)より後の年度です。`,
            en: `${label.en}: ${year} has an actual value ${at(row.actual)} "${row.actual.raw}" although the evaluation year is ${fiscalYear}.`,
          },
          raw: row.actual.raw,
          expected: { ja: "評価年度より後は空欄", en: `blank after ${fiscalYear}` },
        };
      });
    },
  },
  {
    id: "indicator.value.not-numeric",
    severity: "error",
    scope: "sheet",
    title: { ja: "数値として読めない値", en: "Value not numeric" },
    description: {
      ja: "参考指標の年度・計画値・実績値が数値として読めません。",
      en: "An indicator's year, plan or actual value cannot be read as a number.",
    },
    check: (model) => {
      const out: FindingDraft[] = [];
      model.indicators.forEach((ind, i) =>
        ind.rows.forEach((row, j) => {
          for (const key of ["year", "plan", "actual"] as const) {
            const f: Field<number> = row[key];
            if (f.status !== "invalid") continue;
            const label = indicatorLabel(ind);
            const name = VALUE_NAMES[key];
            const year = row.year.value !== null ? `${row.year.value}` : "";
            out.push({
              cell: addressOf(f),
              path: `indicators[${i}].rows[${j}].${key}`,
              message: {
                ja: `${label.ja}${year ? `${year}年度の` : "の"}${name.ja}${at(f)}「${f.raw}」を数値として読めません。`,
                en: `${label.en}: the ${year ? `${year} ` : ""}${name.en} ${at(f)} "${f.raw}" is not a number.`,
              },
              raw: f.raw,
              expected: { ja: "数値(例: 428、43,769、△12)", en: "a number (e.g. 428, 43,769, △12)" },
            });
          }
        }),
      );
      return out;
    },
  },
  {
    id: "indicator.unit.missing",
    severity: "warning",
    scope: "sheet",
    title: { ja: "単位の欠落", en: "Unit missing" },
    description: { ja: "参考指標の表のどの行にも単位がありません。", en: "No row of an indicator table gives a unit." },
    check: (model) =>
      model.indicators
        .map((ind, i): FindingDraft | null => {
          if (ind.rows.length === 0) return null;
          if (ind.unit.value !== null && ind.unit.value.trim() !== "") return null;
          if (ind.rows.some((r) => r.unit.value !== null && r.unit.value.trim() !== "")) return null;
          const cell = ind.unit.cell ?? ind.rows[0].unit.cell;
          const label = indicatorLabel(ind);
          const where = cell ? `(${cell.address})` : "";
          return {
            cell: cell?.address ?? null,
            path: `indicators[${i}].unit`,
            message: {
              ja: `${label.ja}の単位${where}が空欄です。どの年度にも単位がありません。`,
              en: `${label.en} has no unit ${where}: the unit column is blank on every row.`,
            },
            raw: "",
            expected: { ja: "単位(人、回、団体、t-CO2、%など)", en: "a unit (人, 回, 団体, t-CO2, %…)" },
          };
        })
        .filter((d): d is FindingDraft => d !== null),
  },
  {
    id: "indicator.direction.unknown",
    severity: "warning",
    scope: "sheet",
    title: { ja: "指標の方向性が不明", en: "Indicator direction unknown" },
    description: {
      ja: "指標の方向性が空欄か読めません。達成率を計算できません。",
      en: "The indicator's direction is blank or unreadable, so no achievement rate can be computed.",
    },
    check: (model) =>
      model.indicators
        .map((ind, i): FindingDraft | null => {
          const f = ind.direction;
          if (f.value !== null) return null;
          const label = indicatorLabel(ind);
          const raw = quoted(f.raw);
          return {
            cell: addressOf(f),
            path: `indicators[${i}].direction`,
            message: f.cell
              ? {
                  ja: `${label.ja}の指標の方向性${at(f)}${raw.ja}が読めません。達成率を計算できません。`,
                  en: `${label.en}: the direction ${at(f)} ${raw.en} cannot be read, so no achievement rate is computed.`,
                }
              : {
                  ja: `${label.ja}の指標の方向性が見つかりません。達成率を計算できません。`,
                  en: `${label.en}: no direction (指標の方向性) was found, so no achievement rate is computed.`,
                },
            raw: f.raw,
            expected: {
              ja: "大きいほどよい・小さいほどよい・目標値に近いほどよい",
              en: "大きいほどよい (higher), 小さいほどよい (lower) or 目標値に近いほどよい (target)",
            },
          };
        })
        .filter((d): d is FindingDraft => d !== null),
  },
  {
    id: "indicator.cumulative.decrease",
    severity: "warning",
    scope: "sheet",
    title: { ja: "累計値の減少", en: "Cumulative value decreases" },
    description: {
      ja: "名称に「累計」を含む指標の実績値が前年度より減っています。累計は減らないはずです。",
      en: "A cumulative indicator (累計 in its name) has an actual value lower than the year before.",
    },
    check: (model) => {
      const out: FindingDraft[] = [];
      model.indicators.forEach((ind, i) => {
        if (!ind.cumulative) return;
        const label = indicatorLabel(ind);
        const rows = ind.rows
          .map((row, j) => ({ row, j }))
          .filter(({ row }) => row.year.value !== null && row.actual.value !== null)
          .sort((a, b) => (a.row.year.value as number) - (b.row.year.value as number));
        for (let k = 1; k < rows.length; k++) {
          const prev = rows[k - 1].row;
          const { row, j } = rows[k];
          const before = prev.actual.value as number;
          const now = row.actual.value as number;
          if (now >= before) continue;
          out.push({
            cell: addressOf(row.actual),
            path: `indicators[${i}].rows[${j}].actual`,
            message: {
              ja: `${label.ja}${row.year.value}年度の実績値${at(row.actual)}が前年度(${num(before)})より減少しています(${num(now)})。累計指標は減少しないはずです。`,
              en: `${label.en}: the ${row.year.value} actual value ${at(row.actual)} fell from the year before (${num(before)}) to ${num(now)}. A cumulative count should not decrease.`,
            },
            raw: row.actual.raw,
            expected: { ja: `${num(before)}以上`, en: `${num(before)} or more` },
            related: sheetCell(prev.actual.cell),
          });
        }
      });
      return out;
    },
  },
  {
    id: "indicator.rate.undefined",
    severity: "info",
    scope: "sheet",
    title: { ja: "達成率を計算できない", en: "Achievement rate undefined" },
    description: {
      ja: "評価年度までの計画年度で達成率を計算できません(計画値が0、値の欠落など)。方向性が不明な指標は indicator.direction.unknown で1回だけ報告します。",
      en: "A plan year up to the evaluation year has no achievement rate (plan 0, a value missing…). Indicators with an unknown direction are reported once by indicator.direction.unknown instead.",
    },
    check: (model) => {
      const fiscalYear = model.fiscalYear;
      if (fiscalYear === null) return [];
      const out: FindingDraft[] = [];
      model.summaries.forEach((s, i) => {
        const ind = model.indicators[i];
        if (!ind || s.direction === null) return;
        const label = indicatorLabel(ind);
        for (const y of s.years) {
          if (y.rate !== null || y.year > fiscalYear) continue;
          const reason = rateUndefinedReasonOf(y.rateUndefinedReason);
          const j = ind.rows.findIndex((r) => r.year.value === y.year && addressOf(r.year) === y.cells.year);
          const aboutActual = y.rateUndefinedReason === RATE_UNDEFINED_REASONS.actualMissing.en || y.rateUndefinedReason === RATE_UNDEFINED_REASONS.actualZero.en;
          const key = aboutActual ? "actual" : "plan";
          out.push({
            cell: y.cells[key],
            path: `indicators[${i}].rows[${j}].${key}`,
            message: {
              ja: `${label.ja}${y.year}年度の達成率を計算できません(${reason?.ja ?? "値が不足しているか計算できない"})。計画値${y.cells.plan ? `(${y.cells.plan})` : ""}: ${num(y.plan)}、実績値${y.cells.actual ? `(${y.cells.actual})` : ""}: ${num(y.actual)}。`,
              en: `${label.en}: no achievement rate for ${y.year} (${y.rateUndefinedReason}); plan${y.cells.plan ? ` (${y.cells.plan})` : ""}: ${num(y.plan)}, actual${y.cells.actual ? ` (${y.cells.actual})` : ""}: ${num(y.actual)}.`,
            },
            raw: j >= 0 ? ind.rows[j][key].raw : undefined,
            expected: { ja: "0でない計画値と実績値", en: "a non-zero plan value and an actual value" },
          });
        }
      });
      return out;
    },
  },
];

export const indicatorRules: Rule[] = INDICATOR_RULES.map(({ check, ...rule }) => indicatorRule(rule, check));
