// The core's front door: grid in, model + findings + summary out. Pure: adapters and front
// ends (CLI, task pane, preview) all call these two functions and nothing deeper.

import type { SheetGrid, WorkbookGrid } from "./grid";
import type { Finding } from "./findings";
import type { EvaluationSheet, OtherSheet, ProjectSheet, RollupSheet } from "./model";
import { withDefaults, type Settings } from "./settings";
import type { FindingCounts, ProjectSummary, RollupSheetSummary, SheetSummary } from "./summary/types";
import { readSheet } from "./reader";
import { runRules, runRollupRules, notEvaluationFindings } from "./rules";
import { summarizeProject, summarizeRollupSheet, summarizeSheet } from "./summary";
import { defaultVocabulary, type Vocabulary } from "./vocabulary";
import { applyProfile, type TemplateProfile } from "./profile";
import { resolveScales } from "./scales";

export interface CheckOptions {
  settings?: Partial<Settings>;
  vocabulary?: Vocabulary;
  /** Template profile: its synonyms join the vocabulary, its pins override the label search (core/profile). */
  profile?: TemplateProfile;
}

interface ResultBase {
  sheet: string;
  findings: Finding[];
  counts: FindingCounts;
}

export interface EvaluationResult extends ResultBase {
  kind: "evaluation";
  model: EvaluationSheet;
  summary: SheetSummary;
}

export interface RollupResult extends ResultBase {
  kind: "rollup";
  model: RollupSheet;
  summary: RollupSheetSummary;
}

export interface ProjectResult extends ResultBase {
  kind: "project";
  model: ProjectSheet;
  summary: ProjectSummary;
}

export interface OtherResult extends ResultBase {
  kind: "other";
  model: OtherSheet;
  summary: null;
}

/** One checked worksheet; `kind` tells which model and summary it carries. */
export type SheetResult = EvaluationResult | RollupResult | ProjectResult | OtherResult;

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function checkSheet(grid: SheetGrid, options: CheckOptions = {}): SheetResult {
  const settings = withDefaults(options.settings);
  const vocabulary = options.vocabulary ?? defaultVocabulary;
  const scales = resolveScales(options.profile?.scales);
  const { model, findings: templateFindings } = options.profile
    ? applyProfile(grid, vocabulary, options.profile)
    : { model: readSheet(grid, vocabulary, { scales }), findings: [] };
  if (model.kind === "other") {
    const findings = notEvaluationFindings(model);
    return { sheet: grid.name, kind: "other", model, findings, summary: null, counts: countFindings(findings) };
  }
  if (model.kind === "rollup") {
    const findings = [...templateFindings, ...runRollupRules(model, settings, scales)];
    return { sheet: grid.name, kind: "rollup", model, findings, summary: summarizeRollupSheet(model), counts: countFindings(findings) };
  }
  if (model.kind === "project") {
    const summary = summarizeProject(model, settings);
    const findings = [...templateFindings];
    return { sheet: grid.name, kind: "project", model, findings, summary, counts: countFindings(findings) };
  }
  const summary = summarizeSheet(model, settings);
  const findings = [...templateFindings, ...runRules(model, summary, settings, scales)];
  return { sheet: grid.name, kind: "evaluation", model, findings, summary, counts: countFindings(findings) };
}

export function checkWorkbook(workbook: WorkbookGrid, options: CheckOptions = {}): SheetResult[] {
  return workbook.sheets.map((s) => checkSheet(s, options));
}
