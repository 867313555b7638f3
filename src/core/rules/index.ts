// The rule catalogue and runRules. Severities (the policy, in one place):
// - error: values that cannot be read or are missing where required — header.field.missing,
//   header.measure-code.invalid, header.fiscal-year.invalid, plan.period.missing,
//   indicator.table.missing, indicator.year.missing, indicator.year.duplicate,
//   indicator.plan.missing, indicator.actual.missing (a warning instead when the evaluation
//   year's actual is marked 集計中/未集計), indicator.value.not-numeric, evaluation.code.missing,
//   evaluation.code.invalid, budget.value.not-numeric, budget.value.negative, indicator.name.missing
//   (an indicator nobody can identify in a summary or across years); on project sheets
//   project.header.field.missing, project.code.invalid, project.cost.table.missing,
//   project.cost.value.not-numeric, project.cost.total-mismatch and project.cost.funding-mismatch
//   (a total within its relation's tolerance, ±1 千円 in Kawasaki's, is source rounding: a warning),
//   project.achievement.missing / .invalid, project.direction.missing / .invalid;
// - warning: readable but doubtful — indicator.year.outside-plan, indicator.actual.future,
//   indicator.unit.missing, indicator.direction.unknown, indicator.cumulative.decrease,
//   evaluation.code.future, evaluation.new-issues.inconsistent, evaluation.letter.implausible,
//   evaluation.reason.missing, budget.year.missing, budget.settlement.overrun, budget.plan-deviation,
//   project.cost.unit.missing, project.cost.negative (funding adjustments can be negative),
//   project.cost.year.missing, project.cost.staff-mismatch (人工 printed rounded, another unit
//   cost), project.achievement.implausible;
// - info: worth knowing, nothing to fix — indicator.rate.undefined, evaluation.code.normalized,
//   budget.settlement.forecast, value.normalized, sheet.not-evaluation, project.scale.normalized,
//   project.cost.settlement-over-budget (supplementary budgets make it common; a warning past
//   settings.settlementOverBudgetWarning).
// A relation of core/costs may set its own severities (roundingSeverity, severity).
// Roll-up (2) rules (rules/rollup.ts) run on each 施策進行管理・評価票(2) through runRollupRules:
// errors — rollup.value.invalid, rollup.total.mismatch, rollup.priority.exceeds,
// rollup.priority.inconsistent, rollup.projects.inconsistent, rollup.matrix.mismatch,
// rollup.rows.mismatch (every published (2) satisfies them all).
// Rules of other scopes (links between the sheets of a 施策, cross-year comparisons, template
// profiles) are listed here too, so that every rule is defined once; they are checked where
// their scope is.

import type { Finding } from "../findings";
import type { CostConfig } from "../costs";
import { cellGrid, type CostGrid, type UnitCost } from "../costs/evaluate";
import type { EvaluationSheet, OtherSheet, ProjectSheet, RollupSheet } from "../model";
import { DEFAULT_SCALES, type ScaleSet } from "../scales";
import type { Settings } from "../settings";
import type { ProjectSummary, SheetSummary } from "../summary/types";
import { budgetRules } from "./budget";
import { CROSS_YEAR_CATALOGUE } from "./crossYear";
import { evaluationRules } from "./evaluation";
import { headerRules } from "./header";
import { localizeReason } from "./text";
import { indicatorRules } from "./indicators";
import { LINK_CATALOGUE } from "./link";
import { rollupRules } from "./rollup";
import { projectRules } from "./project";
import { TEMPLATE_CATALOGUE } from "./template";
import type { FindingDraft, ProjectRuleContext, Rule, RuleContext, RuleScope } from "./types";
import { valueRules } from "./values";

export type { Rule, RuleContext, RollupRuleContext, RuleScope, FindingDraft } from "./types";
export { CROSS_YEAR_CATALOGUE } from "./crossYear";
export { LINK_CATALOGUE } from "./link";
export { TEMPLATE_CATALOGUE } from "./template";

/** Bump when a rule is added, removed or changes meaning or severity (audit reports name it). */
export const RULE_CATALOGUE_VERSION = "2026.12.2";

const notEvaluationRule: Rule = {
  id: "sheet.not-evaluation",
  severity: "info",
  scope: "sheet",
  title: { ja: "評価票ではないシート", en: "Not an evaluation sheet" },
  description: {
    ja: "目次や注記など、評価票とも事務事業評価シートとも読めないシートです。点検の対象外としました。",
    en: "A worksheet that is neither an evaluation sheet nor a project sheet (an index, notes…); it was skipped.",
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
  ...projectRules,
  ...valueRules,
  ...rollupRules,
  ...Object.values(LINK_CATALOGUE),
  ...Object.values(CROSS_YEAR_CATALOGUE),
  ...Object.values(TEMPLATE_CATALOGUE),
];

/** The rules runRules checks on every evaluation sheet. */
const SHEET_RULES: readonly Rule[] = RULES.filter((r) => r.scope === "sheet");

/** The rules runProjectRules checks on every project sheet. */
const PROJECT_RULES: readonly Rule[] = SHEET_RULES.filter((r) => r.checkProject !== undefined);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** Rows for a report's per-rule table: the catalogue's rules of the given scopes, each once. */
export function ruleRows(scopes: readonly RuleScope[]): { id: string; severity: Rule["severity"] }[] {
  return RULES.filter((r) => scopes.includes(r.scope)).map((r) => ({ id: r.id, severity: r.severity }));
}

export function runRules(model: EvaluationSheet, summary: SheetSummary, settings: Settings, scales: ScaleSet = DEFAULT_SCALES): Finding[] {
  const ctx: RuleContext = { model, summary, settings, scales, indicatorScope: undefined };
  const findings: Finding[] = [];
  for (const rule of SHEET_RULES) stampAll(findings, rule.check(ctx), rule, model.sheet);
  return findings;
}

export interface ProjectRunOptions {
  scales: ScaleSet;
  costs: CostConfig;
  unitCostFor: (year: number | null) => UnitCost | undefined;
  /** The table's cells by column and row, when the caller has built it already. */
  grid?: CostGrid;
}

export function runProjectRules(model: ProjectSheet, summary: ProjectSummary, settings: Settings, options: ProjectRunOptions): Finding[] {
  // Every property up front (the shared parts filled by the first rule that needs them): one shape for all checks.
  const ctx: ProjectRuleContext = {
    model,
    summary,
    settings,
    scales: options.scales,
    costs: options.costs,
    unitCostFor: options.unitCostFor,
    grid: options.grid ?? cellGrid(model.costs),
    indicatorScope: undefined,
    relationOutcomes: undefined,
  };
  const findings: Finding[] = [];
  for (const rule of PROJECT_RULES) stampAll(findings, rule.checkProject!(ctx), rule, model.sheet);
  return findings;
}

/** The roll-up rules on one 施策進行管理・評価票(2). */
export function runRollupRules(model: RollupSheet, settings: Settings, scales: ScaleSet = DEFAULT_SCALES): Finding[] {
  const ctx = { model, settings, scales };
  const findings: Finding[] = [];
  for (const rule of rollupRules) stampAll(findings, rule.checkRollup(ctx), rule, model.sheet);
  return findings;
}

/** Stamps a rule's drafts onto the findings (most rules find nothing on most sheets). */
function stampAll(findings: Finding[], drafts: FindingDraft[], rule: Rule, sheet: string): void {
  for (let i = 0; i < drafts.length; i++) findings.push(stamp(drafts[i], rule, sheet));
}

/** Completes a draft in place (no copy: this runs for every finding of every sheet); key order as `{ ...draft, rule, severity, sheet }`. */
function stamp(draft: FindingDraft, rule: Rule, sheet: string): Finding {
  const finding = draft as Finding;
  finding.rule = rule.id;
  finding.severity = draft.severity ?? rule.severity;
  finding.sheet = sheet;
  return finding;
}

export function notEvaluationFindings(other: OtherSheet): Finding[] {
  const reason = localizeReason(other.reason);
  return [
    {
      rule: notEvaluationRule.id,
      severity: notEvaluationRule.severity,
      sheet: other.sheet,
      cell: "A1",
      path: "",
      message: {
        ja: `シート「${other.sheet}」は評価票・事務事業評価シートではないため点検しませんでした(${reason.ja})。`,
        en: `Sheet "${other.sheet}" is neither an evaluation sheet nor a project sheet and was skipped (${reason.en}).`,
      },
      expected: { ja: "施策進行管理・評価票、または事務事業評価シート", en: "an evaluation sheet (施策進行管理・評価票) or a project sheet (事務事業評価シート)" },
    },
  ];
}
