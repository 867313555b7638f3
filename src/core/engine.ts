// The core's front door: grid in, model + findings + summary out. Pure: adapters and front
// ends (CLI, task pane, preview) all call these two functions and nothing deeper.

import type { SheetGrid, WorkbookGrid } from "./grid";
import type { Finding } from "./findings";
import type { SheetModel } from "./model";
import { withDefaults, type Settings } from "./settings";
import type { FindingCounts, SheetSummary } from "./summary/types";
import { readSheet } from "./reader";
import { runRules, notEvaluationFindings } from "./rules";
import { summarizeSheet } from "./summary";
import { defaultVocabulary, type Vocabulary } from "./vocabulary";
import { applyProfile, type TemplateProfile } from "./profile";

export interface CheckOptions {
  settings?: Partial<Settings>;
  vocabulary?: Vocabulary;
  /** Template profile: its synonyms join the vocabulary, its pins override the label search (core/profile). */
  profile?: TemplateProfile;
}

export interface SheetResult {
  sheet: string;
  kind: "evaluation" | "other";
  model: SheetModel;
  findings: Finding[];
  summary: SheetSummary | null;
  counts: FindingCounts;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function checkSheet(grid: SheetGrid, options: CheckOptions = {}): SheetResult {
  const settings = withDefaults(options.settings);
  const vocabulary = options.vocabulary ?? defaultVocabulary;
  const { model, findings: templateFindings } = options.profile
    ? applyProfile(grid, vocabulary, options.profile)
    : { model: readSheet(grid, vocabulary), findings: [] };
  if (model.kind === "other") {
    const findings = notEvaluationFindings(model);
    return { sheet: grid.name, kind: "other", model, findings, summary: null, counts: countFindings(findings) };
  }
  const summary = summarizeSheet(model, settings);
  const findings = [...templateFindings, ...runRules(model, summary, settings)];
  return { sheet: grid.name, kind: "evaluation", model, findings, summary, counts: countFindings(findings) };
}

export function checkWorkbook(workbook: WorkbookGrid, options: CheckOptions = {}): SheetResult[] {
  return workbook.sheets.map((s) => checkSheet(s, options));
}
