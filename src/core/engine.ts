// The core's front door: grid in, model + findings + summary out. Pure: adapters and front
// ends (CLI, task pane, preview) all call these two functions and nothing deeper.

import type { SheetGrid, WorkbookGrid } from "./grid";
import type { Finding } from "./findings";
import type { CostUnit, EvaluationSheet, OtherSheet, ProjectSheet, RollupSheet, SheetModel } from "./model";
import { withDefaults, type Settings } from "./settings";
import type { FindingCounts, ProjectSummary, RollupSheetSummary, SheetSummary } from "./summary/types";
import { readSheet } from "./reader";
import { runProjectRules, runRollupRules, runRules, notEvaluationFindings } from "./rules";
import { summarizeProject, summarizeRollupSheet, summarizeSheet } from "./summary";
import { defaultVocabulary, type Vocabulary } from "./vocabulary";
import { applyProfile, type TemplateProfile } from "./profile";
import { resolveScales, type ScaleSet } from "./scales";
import { resolveCosts, type CostConfig } from "./costs";
import { cellGrid, unitCosts, type UnitCost } from "./costs/evaluate";

export interface CheckOptions {
  settings?: Partial<Settings>;
  vocabulary?: Vocabulary;
  /** Template profile: its synonyms join the vocabulary, its pins override the label search (core/profile). */
  profile?: TemplateProfile;
  /**
   * Project sheets checked together with this one (checkSheet only): the cost per 人工 of a year is
   * inferred from them and the sheet itself when the settings do not give it. checkWorkbook uses
   * every project sheet of the workbook.
   */
  peers?: readonly ProjectSheet[];
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

interface ReadSheet {
  grid: SheetGrid;
  model: SheetModel;
  templateFindings: Finding[];
}

interface Configured {
  settings: Settings;
  vocabulary: Vocabulary;
  scales: ScaleSet;
  costs: CostConfig;
  profile?: TemplateProfile;
}

function configure(options: CheckOptions): Configured {
  return {
    settings: withDefaults(options.settings),
    vocabulary: options.vocabulary ?? defaultVocabulary,
    scales: resolveScales(options.profile?.scales),
    costs: resolveCosts(options.profile?.costRelations),
    profile: options.profile,
  };
}

function read(grid: SheetGrid, c: Configured): ReadSheet {
  const { model, findings } = c.profile
    ? applyProfile(grid, c.vocabulary, c.profile)
    : { model: readSheet(grid, c.vocabulary, { scales: c.scales, costs: c.costs }), findings: [] };
  return { grid, model, templateFindings: findings };
}

/** The template's findings, then the rules' (the rules' array itself when the template has none: most sheets). */
function withTemplate(templateFindings: Finding[], ruleFindings: Finding[]): Finding[] {
  return templateFindings.length === 0 ? ruleFindings : [...templateFindings, ...ruleFindings];
}

/** The cost per 人工 of a year, in one table's unit. */
const unitCostsIn =
  (unitCostOf: ReturnType<typeof unitCosts>, unit: CostUnit | null) =>
  (year: number | null): UnitCost | undefined =>
    unitCostOf(unit, year);

function finish({ grid, model, templateFindings }: ReadSheet, c: Configured, unitCostOf: ReturnType<typeof unitCosts>): SheetResult {
  if (model.kind === "other") {
    const findings = notEvaluationFindings(model);
    return { sheet: grid.name, kind: "other", model, findings, summary: null, counts: countFindings(findings) };
  }
  if (model.kind === "rollup") {
    const findings = withTemplate(templateFindings, runRollupRules(model, c.settings, c.scales));
    return { sheet: grid.name, kind: "rollup", model, findings, summary: summarizeRollupSheet(model), counts: countFindings(findings) };
  }
  if (model.kind === "project") {
    const costGrid = cellGrid(model.costs);
    const summary = summarizeProject(model, c.settings, costGrid);
    const unit = model.costs.unit.value;
    const unitCostFor = unitCostsIn(unitCostOf, unit);
    const findings = withTemplate(templateFindings, runProjectRules(model, summary, c.settings, { scales: c.scales, costs: c.costs, unitCostFor, grid: costGrid }));
    return { sheet: grid.name, kind: "project", model, findings, summary, counts: countFindings(findings) };
  }
  const summary = summarizeSheet(model, c.settings);
  const findings = withTemplate(templateFindings, runRules(model, summary, c.settings, c.scales));
  return { sheet: grid.name, kind: "evaluation", model, findings, summary, counts: countFindings(findings) };
}

function projectsOf(reads: readonly ReadSheet[]): ProjectSheet[] {
  const projects: ProjectSheet[] = [];
  for (const r of reads) if (r.model.kind === "project") projects.push(r.model);
  return projects;
}

export function checkSheet(grid: SheetGrid, options: CheckOptions = {}): SheetResult {
  const c = configure(options);
  const sheet = read(grid, c);
  const models = (options.peers ?? []).filter((p) => p.sheet !== grid.name);
  if (sheet.model.kind === "project") models.push(sheet.model);
  return finish(sheet, c, unitCosts(models, c.settings));
}

/** Every sheet of a workbook; project sheets share one inference of the cost per 人工. */
export function checkWorkbook(workbook: WorkbookGrid, options: CheckOptions = {}): SheetResult[] {
  const c = configure(options);
  const sheets = workbook.sheets.map((grid) => read(grid, c));
  const unitCostOf = unitCosts(projectsOf(sheets), c.settings);
  return sheets.map((sheet) => finish(sheet, c, unitCostOf));
}
