// The rule catalogue and runRules. Severities (the policy, in one place):
// - error: values that cannot be read or are missing where required — header.field.missing,
//   header.measure-code.invalid, header.fiscal-year.invalid, plan.period.missing,
//   indicator.table.missing, indicator.year.missing, indicator.year.duplicate,
//   indicator.plan.missing, indicator.actual.missing (a warning instead when the evaluation
//   year's actual is marked 集計中/未集計), indicator.value.not-numeric, evaluation.code.missing,
//   evaluation.code.invalid, budget.value.not-numeric, budget.value.negative;
// - warning: readable but doubtful — indicator.year.outside-plan, indicator.actual.future,
//   indicator.unit.missing, indicator.direction.unknown, indicator.cumulative.decrease,
//   evaluation.code.future, evaluation.new-issues.inconsistent, evaluation.letter.implausible,
//   evaluation.reason.missing, budget.year.missing, budget.settlement.overrun, budget.plan-deviation;
// - info: worth knowing, nothing to fix — indicator.rate.undefined, evaluation.code.normalized,
//   budget.settlement.forecast, value.normalized, sheet.not-evaluation.

import type { Finding } from "../findings";
import type { EvaluationSheet, OtherSheet } from "../model";
import type { Settings } from "../settings";
import type { SheetSummary } from "../summary/types";
import { budgetRules } from "./budget";
import { evaluationRules } from "./evaluation";
import { headerRules } from "./header";
import { indicatorRules } from "./indicators";
import type { Rule } from "./types";
import { valueRules } from "./values";

export type { Rule, RuleContext, FindingDraft } from "./types";

/** Bump when a rule is added, removed or changes meaning or severity (audit reports name it). */
export const RULE_CATALOGUE_VERSION = "2026.11.1";

const notEvaluationRule: Rule = {
  id: "sheet.not-evaluation",
  severity: "info",
  title: { ja: "評価票ではないシート", en: "Not an evaluation sheet" },
  description: {
    ja: "目次や注記など、評価票として読めないシートです。点検の対象外としました。",
    en: "A worksheet that is not an evaluation sheet (an index, notes…); it was skipped.",
  },
  // Runs on OtherSheet through notEvaluationFindings, never on an evaluation model.
  check: () => [],
};

export const RULES: readonly Rule[] = [
  notEvaluationRule,
  ...headerRules,
  ...indicatorRules,
  ...evaluationRules,
  ...budgetRules,
  ...valueRules,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

export function runRules(model: EvaluationSheet, summary: SheetSummary, settings: Settings): Finding[] {
  const ctx = { model, summary, settings };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    for (const draft of rule.check(ctx)) {
      findings.push({ ...draft, rule: rule.id, severity: draft.severity ?? rule.severity, sheet: model.sheet });
    }
  }
  return findings;
}

export function notEvaluationFindings(other: OtherSheet): Finding[] {
  return [
    {
      rule: notEvaluationRule.id,
      severity: notEvaluationRule.severity,
      sheet: other.sheet,
      cell: null,
      path: "",
      message: {
        ja: `シート「${other.sheet}」は評価票ではないため点検しませんでした(${other.reason})。`,
        en: `Sheet "${other.sheet}" is not an evaluation sheet and was skipped (${other.reason}).`,
      },
      expected: { ja: "施策進行管理・評価票", en: "an evaluation sheet (施策進行管理・評価票)" },
    },
  ];
}
