// The shape of a catalogue entry. A check returns drafts; runRules stamps the rule ID,
// severity and sheet on them so no check can get those wrong.

import type { CostConfig } from "../costs";
import type { CostGrid, RelationOutcome, UnitCost } from "../costs/evaluate";
import type { IndicatorScope } from "./indicators";
import type { Finding, LocalizedText, Severity } from "../findings";
import type { EvaluationSheet, ProjectSheet, RollupSheet } from "../model";
import type { ScaleSet } from "../scales";
import type { Settings } from "../settings";
import type { ProjectSummary, SheetSummary } from "../summary/types";

export interface RuleContext {
  model: EvaluationSheet;
  summary: SheetSummary;
  settings: Settings;
  /** The code scales in force (core/scales): the defaults, or those a template profile configures. */
  scales: ScaleSet;
  /** Filled by the first indicator rule of the check, shared by the others. */
  indicatorScope?: IndicatorScope;
}

/** What a roll-up rule looks at: one 施策進行管理・評価票(2). */
export interface RollupRuleContext {
  model: RollupSheet;
  settings: Settings;
  scales: ScaleSet;
}

/** What a project rule sees: the sheet, its summary, and what the check was configured with. */
export interface ProjectRuleContext {
  model: ProjectSheet;
  summary: ProjectSummary;
  settings: Settings;
  scales: ScaleSet;
  costs: CostConfig;
  /** A year's cost per 人工 in the table's unit, for relations whose factor falls back to it (Kawasaki's 人件費). */
  unitCostFor: (year: number | null) => UnitCost | undefined;
  /** The cost table's cells by column and row id, built once for the check. */
  grid: CostGrid;
  /** Filled by the first indicator rule of the check, shared by the others. */
  indicatorScope?: IndicatorScope;
  /** Filled by the first relation rule of the check: every relation on every column, once. */
  relationOutcomes?: RelationOutcome[];
}

/**
 * A finding before runRules stamps it; `severity` only where the catalogue documents an exception.
 * Each draft must be a fresh object: runRules completes it in place instead of copying it.
 */
export type FindingDraft = Omit<Finding, "rule" | "severity" | "sheet"> & { severity?: Severity };

/**
 * What a rule looks at: one evaluation or project sheet (runRules, runProjectRules), one roll-up
 * (2) (runRollupRules), the sheets of one 施策 checked together (core/link), the sheets of one
 * measure or project from different evaluation years (core/crossyear), or a template profile
 * (core/profile, report).
 */
export type RuleScope = "sheet" | "rollup" | "link" | "cross-year" | "template";

export interface Rule {
  id: string;
  severity: Severity;
  scope: RuleScope;
  title: LocalizedText;
  description: LocalizedText;
  /** 施策 sheets (scope `sheet`); rules of other scopes are checked where their scope is and return nothing here. */
  check: (ctx: RuleContext) => FindingDraft[];
  /** Roll-up rules (scope `rollup`): checked on each 評価票(2) by runRollupRules. */
  checkRollup?: (ctx: RollupRuleContext) => FindingDraft[];
  /** 事務事業評価シート (scope `sheet`): the project rules, and the indicator rules on a project's indicators. */
  checkProject?: (ctx: ProjectRuleContext) => FindingDraft[];
}

/**
 * A catalogue-only entry maker for a scope checked outside runRules (link, cross-year, template):
 * the module of that scope emits the findings and takes the ID and severity from the entry.
 */
export const catalogueRule =
  <S extends RuleScope>(scope: S) =>
  (entry: Omit<Rule, "scope" | "check">): Rule & { scope: S } => ({ ...entry, scope, check: () => [] });
