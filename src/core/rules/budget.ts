// 事業費 rules: one column per plan year, readable non-negative figures, 決算 within 予算,
// 予算 near 計画事業費, forecasts marked.

import { addressOf, type BudgetYear, type Field } from "../model";
import { planYears } from "../summary";
import type { FindingDraft, Rule } from "./types";
import { formatRate, num } from "../format/number";
import { FORECAST_SETTLEMENT } from "../terms";
import { at, isBlank, sheetCell } from "./text";

const BUDGET_VALUES = {
  planned: { ja: "計画事業費", en: "planned cost (計画事業費)" },
  budget: { ja: "予算", en: "budget (予算)" },
  settlement: { ja: "決算", en: "settlement (決算)" },
} as const;

type BudgetKey = keyof typeof BUDGET_VALUES;

function valueName(b: BudgetYear, key: BudgetKey) {
  return key === "settlement" && b.settlementIsForecast ? { ja: FORECAST_SETTLEMENT.inText.ja, en: `${FORECAST_SETTLEMENT.inText.en} (${FORECAST_SETTLEMENT.inText.ja})` } : BUDGET_VALUES[key];
}

const yearOf = (b: BudgetYear): string => (b.year.value !== null ? `${b.year.value}年度` : "");
const yearEn = (b: BudgetYear): string => (b.year.value !== null ? ` for ${b.year.value}` : "");

function eachValue(budget: BudgetYear[], visit: (b: BudgetYear, i: number, key: BudgetKey, f: Field<number>) => FindingDraft | null) {
  const out: FindingDraft[] = [];
  budget.forEach((b, i) => {
    for (const key of Object.keys(BUDGET_VALUES) as BudgetKey[]) {
      const d = visit(b, i, key, b[key]);
      if (d) out.push(d);
    }
  });
  return out;
}

/** Where a missing year's column (or row) would go: the next later year's header, else the last year's. */
function yearColumnFor(budget: readonly BudgetYear[], year: number): BudgetYear | undefined {
  return budget.find((b) => b.year.value !== null && b.year.value > year) ?? budget[budget.length - 1];
}

export const budgetRules: Rule[] = [
  {
    id: "budget.year.missing",
    severity: "warning",
    scope: "sheet",
    title: { ja: "事業費の年度がない", en: "Budget year missing" },
    description: {
      ja: "事業費の表に計画期間のいずれかの年度がない、またはその年度の予算・決算・計画事業費がすべて空欄です。",
      en: "The project-cost table lacks a plan year, or every figure of that year is blank.",
    },
    check: ({ model }) => {
      const out: FindingDraft[] = [];
      for (const year of planYears(model)) {
        const i = model.budget.findIndex((b) => b.year.value === year);
        const b = model.budget[i];
        if (b && !(isBlank(b.planned) && isBlank(b.budget) && isBlank(b.settlement))) continue;
        const place = b ?? yearColumnFor(model.budget, year);
        out.push({
          cell: place ? addressOf(place.year) : null,
          path: b ? `budget[${i}]` : "budget",
          message: b
            ? { ja: `事業費の${year}年度${at(b.year)}の予算・決算・計画事業費がすべて空欄です。`, en: `Every project-cost figure for ${year} ${at(b.year)} is blank.` }
            : { ja: `事業費の表に${year}年度がありません。`, en: `The project-cost table has no entry for ${year}.` },
          raw: b?.year.raw,
          expected: { ja: `${year}年度の予算・決算`, en: `the budget and settlement for ${year}` },
        });
      }
      return out;
    },
  },
  {
    id: "budget.value.not-numeric",
    severity: "error",
    scope: "sheet",
    title: { ja: "事業費が数値として読めない", en: "Budget value not numeric" },
    description: { ja: "予算・決算・計画事業費が数値として読めません。", en: "A budget, settlement or planned cost cannot be read as a number." },
    check: ({ model }) =>
      eachValue(model.budget, (b, i, key, f) => {
        if (f.status !== "invalid") return null;
        const name = valueName(b, key);
        return {
          cell: addressOf(f),
          path: `budget[${i}].${key}`,
          message: {
            ja: `${yearOf(b)}の${name.ja}${at(f)}「${f.raw}」を数値として読めません。`,
            en: `The ${name.en}${yearEn(b)} ${at(f)} "${f.raw}" is not a number.`,
          },
          raw: f.raw,
          expected: { ja: "千円単位の数値(例: 43,769)", en: "a number in thousands of yen (e.g. 43,769)" },
        };
      }),
  },
  {
    id: "budget.value.negative",
    severity: "error",
    scope: "sheet",
    title: { ja: "事業費が負の値", en: "Negative budget value" },
    description: { ja: "予算・決算・計画事業費が負の値です(△・▲を含む)。", en: "A budget, settlement or planned cost is negative (incl. △/▲)." },
    check: ({ model }) =>
      eachValue(model.budget, (b, i, key, f) => {
        if (f.value === null || f.value >= 0) return null;
        const name = valueName(b, key);
        return {
          cell: addressOf(f),
          path: `budget[${i}].${key}`,
          message: {
            ja: `${yearOf(b)}の${name.ja}${at(f)}「${f.raw}」が負の値(${num(f.value)})です。`,
            en: `The ${name.en}${yearEn(b)} ${at(f)} "${f.raw}" is negative (${num(f.value)}).`,
          },
          raw: f.raw,
          expected: { ja: "0以上の数値", en: "zero or more" },
        };
      }),
  },
  {
    id: "budget.settlement.overrun",
    severity: "warning",
    scope: "sheet",
    title: { ja: "決算が予算を超過", en: "Settlement exceeds budget" },
    description: { ja: "決算(決算見込を含む)が予算を上回っています。", en: "The settlement (or forecast settlement) exceeds the budget." },
    check: ({ model }) =>
      model.budget
        .map((b, i): FindingDraft | null => {
          const budget = b.budget.value;
          const settlement = b.settlement.value;
          if (budget === null || settlement === null || settlement <= budget) return null;
          const name = valueName(b, "settlement");
          return {
            cell: addressOf(b.settlement),
            path: `budget[${i}].settlement`,
            message: {
              ja: `${yearOf(b)}の${name.ja}${at(b.settlement)}${num(settlement)}が予算${at(b.budget)}${num(budget)}を上回っています${budget > 0 ? `(執行率${formatRate(settlement / budget)})` : ""}。`,
              en: `The ${name.en}${yearEn(b)} ${at(b.settlement)} ${num(settlement)} exceeds the budget ${at(b.budget)} ${num(budget)}.`,
            },
            raw: b.settlement.raw,
            expected: { ja: `予算(${num(budget)})以下`, en: `at most the budget (${num(budget)})` },
            related: sheetCell(b.budget.cell),
          };
        })
        .filter((d): d is FindingDraft => d !== null),
  },
  {
    id: "budget.plan-deviation",
    severity: "warning",
    scope: "sheet",
    title: { ja: "予算と計画事業費の乖離", en: "Budget deviates from planned cost" },
    description: {
      ja: "予算が計画事業費から設定の割合(既定±20%)を超えて離れています。",
      en: "The budget differs from the planned cost by more than the setting (default ±20%).",
    },
    check: ({ model, settings }) =>
      model.budget
        .map((b, i): FindingDraft | null => {
          const budget = b.budget.value;
          const planned = b.planned.value;
          if (budget === null || planned === null || planned <= 0) return null;
          const share = budget / planned;
          if (Math.abs(share - 1) <= settings.budgetPlanDeviation) return null;
          const limit = formatRate(settings.budgetPlanDeviation);
          return {
            cell: addressOf(b.budget),
            path: `budget[${i}].budget`,
            message: {
              ja: `${yearOf(b)}の予算${at(b.budget)}${num(budget)}が計画事業費${at(b.planned)}${num(planned)}の${formatRate(share)}で、±${limit}の範囲を外れています。`,
              en: `The budget${yearEn(b)} ${at(b.budget)} ${num(budget)} is ${formatRate(share)} of the planned cost ${at(b.planned)} ${num(planned)}, beyond ±${limit}.`,
            },
            raw: b.budget.raw,
            expected: {
              ja: `計画事業費の${formatRate(1 - settings.budgetPlanDeviation)}〜${formatRate(1 + settings.budgetPlanDeviation)}、または乖離の説明`,
              en: `${formatRate(1 - settings.budgetPlanDeviation)}–${formatRate(1 + settings.budgetPlanDeviation)} of the planned cost, or an explanation`,
            },
            related: sheetCell(b.planned.cell),
          };
        })
        .filter((d): d is FindingDraft => d !== null),
  },
  {
    id: "budget.settlement.forecast",
    severity: "info",
    scope: "sheet",
    title: FORECAST_SETTLEMENT.heading,
    description: { ja: "この年度の決算は見込額(決算見込)です。", en: "This year's settlement is a forecast (決算見込), not final." },
    check: ({ model }) =>
      model.budget
        .map((b, i): FindingDraft | null => {
          if (!b.settlementIsForecast) return null;
          return {
            cell: addressOf(b.settlement),
            path: `budget[${i}].settlement`,
            message: {
              ja: `${yearOf(b)}の決算${at(b.settlement)}${num(b.settlement.value)}は決算見込です。確定後に更新してください。`,
              en: `The settlement${yearEn(b)} ${at(b.settlement)} ${num(b.settlement.value)} is a forecast; update it once final.`,
            },
            raw: b.settlement.raw,
            expected: { ja: "確定した決算額", en: "the final settlement" },
          };
        })
        .filter((d): d is FindingDraft => d !== null),
  },
];
