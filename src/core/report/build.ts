// Builds the JSON report from per-file results. Pure and deterministic: the same input gives
// the same object (files sorted by path), so only checkedAt differs between two runs.

import type { Finding, Language, Severity } from "../findings";
import { SEVERITY_ORDER } from "../findings";
import type { SheetResult } from "../engine";
import type { FindingCounts, IndicatorBaseSummary, IndicatorSummary, ProjectSummary, RollupSheetSummary, SheetSummary } from "../summary/types";
import { contentHash } from "./hash";
import type {
  FileResult,
  Report,
  ReportFile,
  ReportIndicator,
  ReportIndicatorBase,
  ReportIndicatorYear,
  ReportInput,
  ReportLink,
  ReportProjectSummary,
  ReportRollupSummary,
  ReportIssue,
  ReportSheet,
  ReportSummary,
  RuleCount,
} from "./types";

export const TOOL_NAME = "hyoka";

const zeroCounts = (): FindingCounts => ({ error: 0, warning: 0, info: 0 });

function addCounts(into: FindingCounts, more: FindingCounts): void {
  into.error += more.error;
  into.warning += more.warning;
  into.info += more.info;
}

/** Code-unit order, not locale order: the same on every machine. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function toReportIssue(f: Finding, language: Language): ReportIssue {
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    path: f.path,
    message: f.message[language],
    raw: f.raw ?? null,
    expected: f.expected ? f.expected[language] : null,
    related: f.related ? [...f.related] : [],
  };
}

/** A year row (or a base row, whose year may be null) without its source cells. */
function toReportBase(y: IndicatorBaseSummary): ReportIndicatorBase {
  return {
    year: y.year,
    plan: y.plan,
    actual: y.actual,
    rate: y.rate,
    grade: y.grade,
    rateUndefinedReason: y.rateUndefinedReason ?? null,
  };
}

export function toReportSummary(s: SheetSummary): ReportSummary {
  const evaluation: Record<string, SheetSummary["evaluation"][string]> = {};
  for (const year of Object.keys(s.evaluation).sort()) evaluation[year] = s.evaluation[year];
  return {
    measureCode: s.measureCode,
    measureName: s.measureName,
    department: s.department,
    fiscalYear: s.fiscalYear,
    planPeriod: { from: s.planPeriod.from, to: s.planPeriod.to },
    evaluation,
    indicators: s.indicators.map(toReportIndicator),
    budget: s.budget.map((b) => ({
      year: b.year,
      planned: b.planned,
      budget: b.budget,
      settlement: b.settlement,
      settlementIsForecast: b.settlementIsForecast,
      executionRate: b.executionRate,
      budgetToPlan: b.budgetToPlan,
    })),
  };
}

function toReportIndicator(i: IndicatorSummary): ReportIndicator {
  return {
    index: i.index,
    name: i.name,
    direction: i.direction,
    unit: i.unit,
    cumulative: i.cumulative,
    base: i.base ? toReportBase(i.base) : null,
    years: i.years.map((y): ReportIndicatorYear => ({ ...toReportBase(y), year: y.year })),
    progress: i.progress,
  };
}

export function toReportProjectSummary(s: ProjectSummary): ReportProjectSummary {
  return {
    projectCode: s.projectCode,
    projectName: s.projectName,
    department: s.department,
    organizationCode: s.organizationCode,
    fiscalYear: s.fiscalYear,
    policyArea: s.policyArea,
    achievement: s.achievement,
    direction: s.direction,
    costUnit: s.costUnit,
    costs: s.costs.map((c) => ({
      year: c.year,
      column: c.column,
      forecast: c.forecast,
      projectCost: c.projectCost,
      staffCost: c.staffCost,
      totalCost: c.totalCost,
      staffYears: c.staffYears,
      funding: { ...c.funding },
    })),
    years: s.years.map((y) => ({ ...y })),
    indicators: s.indicators.map(toReportIndicator),
  };
}

export function toReportRollupSummary(s: RollupSheetSummary): ReportRollupSummary {
  return {
    measureCode: s.measureCode,
    measureName: s.measureName,
    department: s.department,
    fiscalYear: s.fiscalYear,
    blocks: s.blocks.map((b) => ({
      id: b.id,
      name: b.name,
      role: b.role,
      rows: b.rows.map((r) => ({ code: r.code, label: r.label, projects: r.projects, priority: r.priority })),
      total: b.total ? { projects: b.total.projects, priority: b.total.priority } : null,
    })),
    matrix: s.matrix
      ? {
          rows: [...s.matrix.rows],
          columns: [...s.matrix.columns],
          entries: s.matrix.entries.map((e) => ({ row: e.row, column: e.column, letter: e.letter, count: e.count })),
        }
      : null,
    projects: s.projects.map((p) => ({
      name: p.name,
      department: p.department,
      achievement: p.achievement,
      threeYear: p.threeYear,
      inspection: p.inspection,
      validity: p.validity,
      effectiveness: p.effectiveness,
      priority: p.priority,
    })),
  };
}

function toReportSheet(r: SheetResult, language: Language, includeModel: boolean): ReportSheet {
  const head = { sheet: r.sheet };
  const rest = {
    counts: { error: r.counts.error, warning: r.counts.warning, info: r.counts.info },
    issues: r.findings.map((f) => toReportIssue(f, language)),
  };
  const model = includeModel ? r.model : null;
  // Key order: sheet, kind, counts, issues, summary, model (docs/report.md).
  switch (r.kind) {
    case "evaluation":
      return { ...head, kind: r.kind, ...rest, summary: toReportSummary(r.summary), model };
    case "rollup":
      return { ...head, kind: r.kind, ...rest, summary: toReportRollupSummary(r.summary), model };
    case "project":
      return { ...head, kind: r.kind, ...rest, summary: toReportProjectSummary(r.summary), model };
    default:
      return { ...head, kind: r.kind, ...rest, summary: null, model };
  }
}

export function toReportFile(f: FileResult, language: Language, includeModel: boolean): ReportFile {
  const sheets = f.sheets.map((s) => toReportSheet(s, language, includeModel));
  const counts = zeroCounts();
  for (const s of sheets) addCounts(counts, s.counts);
  return {
    path: f.path,
    sha256: f.sha256,
    error: f.error ? { code: f.error.code, message: f.error.message } : null,
    profile: f.profile ? { name: f.profile.name, version: f.profile.version, source: f.profile.source } : null,
    counts,
    sheets,
  };
}

/** Per-rule counts: every catalogue rule (zero included), then rules outside it; by rule ID. */
export function countByRule(
  files: readonly ReportFile[],
  rules: ReadonlyArray<{ id: string; severity: Severity }> = [],
): RuleCount[] {
  const rows = new Map<string, RuleCount>();
  for (const r of rules) rows.set(r.id, { rule: r.id, severity: r.severity, count: 0 });
  for (const file of files)
    for (const sheet of file.sheets)
      for (const issue of sheet.issues) {
        const row = rows.get(issue.rule) ?? { rule: issue.rule, severity: issue.severity, count: 0 };
        row.count++;
        rows.set(issue.rule, row);
      }
  return [...rows.values()].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || comparePaths(a.rule, b.rule),
  );
}

export function buildReport(input: ReportInput, links: readonly ReportLink[] = []): Report {
  const files = input.files.map((f) => toReportFile(f, input.settings.language, input.includeModel ?? true));
  return buildReportFromFiles(input, files, links);
}

/**
 * The report from entries already made with toReportFile (the CLI's workers make them, one
 * file each). Entries are sorted by path here, as in buildReport.
 */
export function buildReportFromFiles(
  input: Omit<ReportInput, "files" | "includeModel">,
  reportFiles: readonly ReportFile[],
  links: readonly ReportLink[] = [],
): Report {
  const language = input.settings.language;
  const files = [...reportFiles].sort((a, b) => comparePaths(a.path, b.path));
  const issues = zeroCounts();
  let sheets = 0;
  let evaluationSheets = 0;
  let rollupSheets = 0;
  let projectSheets = 0;
  for (const f of files) {
    addCounts(issues, f.counts);
    sheets += f.sheets.length;
    evaluationSheets += f.sheets.filter((s) => s.kind === "evaluation").length;
    rollupSheets += f.sheets.filter((s) => s.kind === "rollup").length;
    projectSheets += f.sheets.filter((s) => s.kind === "project").length;
  }
  return {
    tool: { name: TOOL_NAME, version: input.toolVersion },
    ruleCatalogueVersion: input.ruleCatalogueVersion,
    settingsHash: contentHash(input.settings),
    vocabularyHash: input.customVocabulary == null ? null : contentHash(input.customVocabulary),
    checkedAt: input.checkedAt,
    language,
    settings: { ...input.settings },
    files,
    links: [...links],
    totals: {
      files: files.length,
      filesUnreadable: files.filter((f) => f.error !== null).length,
      sheets,
      evaluationSheets,
      rollupSheets,
      projectSheets,
      otherSheets: sheets - evaluationSheets - rollupSheets - projectSheets,
      issues,
      byRule: countByRule(files, input.rules),
    },
  };
}
