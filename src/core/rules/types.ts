// The shape of a catalogue entry. A check returns drafts; runRules stamps the rule ID,
// severity and sheet on them so no check can get those wrong.

import type { Finding, LocalizedText, Severity } from "../findings";
import type { EvaluationSheet } from "../model";
import type { Settings } from "../settings";
import type { SheetSummary } from "../summary/types";

export interface RuleContext {
  model: EvaluationSheet;
  summary: SheetSummary;
  settings: Settings;
}

/** A finding before runRules stamps it; `severity` only where the catalogue documents an exception. */
export type FindingDraft = Omit<Finding, "rule" | "severity" | "sheet"> & { severity?: Severity };

export interface Rule {
  id: string;
  severity: Severity;
  title: LocalizedText;
  description: LocalizedText;
  check: (ctx: RuleContext) => FindingDraft[];
}
