// Catalogue entries of the cross-year rules. They compare the sheets of one measure from
// different evaluation years, so core/crossyear checks them, not runRules; it takes the IDs
// and severities from here.

import { catalogueRule } from "./types";

const crossYearRule = catalogueRule("cross-year");

export const CROSS_YEAR_CATALOGUE = {
  valueChanged: crossYearRule({
    id: "crossyear.value.changed",
    severity: "warning",
    title: { ja: "過去年度の実績値の変更", en: "Past actual value restated" },
    description: {
      ja: "同じ施策課題の前の評価年度の評価票と比べ、すでに報告した年度の参考指標の実績値が変わっています。",
      en: "Compared with an earlier evaluation year's sheet of the same measure, an indicator's actual value for a year already reported has changed.",
    },
  }),
  planChanged: crossYearRule({
    id: "crossyear.plan.changed",
    severity: "warning",
    title: { ja: "過去年度の計画値の変更", en: "Past plan value restated" },
    description: {
      ja: "同じ施策課題の前の評価年度の評価票と比べ、すでに報告した年度の参考指標の計画値が変わっています。",
      en: "Compared with an earlier evaluation year's sheet of the same measure, an indicator's plan value for a year already reported has changed.",
    },
  }),
  codeChanged: crossYearRule({
    id: "crossyear.code.changed",
    severity: "warning",
    title: { ja: "過去年度の評価区分の変更", en: "Past evaluation code changed" },
    description: {
      ja: "同じ施策課題の前の評価年度の評価票と比べ、すでに評価した年度の評価区分が変わっています。",
      en: "Compared with an earlier evaluation year's sheet of the same measure, the evaluation code of a year already evaluated has changed.",
    },
  }),
  budgetChanged: crossYearRule({
    id: "crossyear.budget.changed",
    severity: "warning",
    title: { ja: "過去年度の事業費の変更", en: "Past project cost restated" },
    description: {
      ja: "同じ施策課題の前の評価年度の評価票と比べ、決算済みの年度の予算・決算・計画事業費が変わっています(前の評価票の評価年度は決算見込のため比べません)。",
      en: "Compared with an earlier evaluation year's sheet of the same measure, the budget, settlement or planned cost of a closed year has changed (the earlier sheet's own year holds a forecast and is not compared).",
    },
  }),
  projectCostChanged: crossYearRule({
    id: "crossyear.project.cost.changed",
    severity: "warning",
    title: { ja: "事務事業の過去年度の予算・決算の変更", en: "Project's past budget or settlement restated" },
    description: {
      ja: "同じ事務事業の前の評価年度のシートと比べ、決算済みの年度の決算額、または予算の決まった年度の予算額(事業費・財源・人件費・総コスト)が変わっています(前のシートの評価年度の決算は見込のため比べません)。",
      en: "Compared with an earlier evaluation year's sheet of the same project, a closed year's settlement, or a budget already set, has changed (事業費, funding, 人件費 or 総コスト; the earlier sheet's own settlement is a forecast and is not compared).",
    },
  }),
  projectPlanChanged: crossYearRule({
    id: "crossyear.project.plan.changed",
    severity: "warning",
    title: { ja: "事務事業の計画事業費の事後変更", en: "Project's plan changed after the fact" },
    description: {
      ja: "同じ事務事業の前の評価年度のシートと比べ、すでに始まっていた年度の計画事業費が変わっています。",
      en: "Compared with an earlier evaluation year's sheet of the same project, the planned cost of a year that had already begun has changed.",
    },
  }),
} as const;
