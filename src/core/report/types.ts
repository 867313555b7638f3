// The JSON report's shape (docs/report.md, docs/report.schema.json). Key order in the
// output is the order build.ts writes the properties in (the summary's parts are the core's
// types less their source cells).

import type { Language, Severity } from "../findings";
import type { SheetModel } from "../model";
import type { Settings } from "../settings";
import type {
  BudgetYearSummary,
  FindingCounts,
  IndicatorBaseSummary,
  IndicatorSummary,
  IndicatorYearSummary,
  ProjectCostSummary,
  ProjectSummary,
  RollupBlockSummary,
  RollupMatrixEntry,
  RollupProjectSummary,
  RollupRowSummary,
  RollupSheetSummary,
  SheetSummary,
} from "../summary/types";
import type { SheetResult } from "../engine";
import type { LinkDigest } from "../link";

/** What a front end hands to buildReport for one file. */
export interface FileResult {
  /** Path as the user should see it (relative to the working directory, `/` separators). */
  path: string;
  /** SHA-256 of the file's bytes (hex), null when the file could not be read at all. */
  sha256: string | null;
  error: FileError | null;
  sheets: SheetResult[];
  /** The template profile the file was read with; absent or null: none (label search only). */
  profile?: ProfileInfo | null;
  /** Each sheet's link digest (core/link), aligned with `sheets`; absent when the file was not linked. */
  digests?: (LinkDigest | null)[];
}

/** Which template profile was applied to a file, and where it came from. */
export interface ProfileInfo {
  name: string;
  version: number;
  /** `file`: saved inside the workbook; `option`: given with --template (wins over the file's). */
  source: "file" | "option";
}

export interface FileError {
  /** `not-found`, `empty`, `not-zip`, `xls`, `encrypted`, `corrupt`, `too-large`, `io`… */
  code: string;
  message: string;
}

export interface ReportIssue {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string | null;
  path: string;
  message: string;
  raw: string | null;
  expected: string | null;
  related: string[];
}

/** The core's indicator year without its source cells; the reason is null, not absent, when a rate is set. */
export type ReportIndicatorYear = Omit<IndicatorYearSummary, "cells" | "rateUndefinedReason"> & {
  rateUndefinedReason: string | null;
};

/** The base-year row, or a project's 基準値 (year null when printed without one). */
export type ReportIndicatorBase = Omit<IndicatorBaseSummary, "cells" | "rateUndefinedReason"> & {
  rateUndefinedReason: string | null;
};

/** The core's indicator with report years; the base-year row (rate always null) is null when none. */
export type ReportIndicator = Omit<IndicatorSummary, "base" | "years"> & {
  base: ReportIndicatorBase | null;
  years: ReportIndicatorYear[];
};

/** The core's budget year without its source cells. */
export type ReportBudgetYear = Omit<BudgetYearSummary, "cells">;

/** The sheet summary as the report documents it: the core's, without the source cells. */
export type ReportSummary = Omit<SheetSummary, "indicators" | "budget"> & {
  indicators: ReportIndicator[];
  budget: ReportBudgetYear[];
};

/** A project's cost column without its source cells. */
export type ReportProjectCost = Omit<ProjectCostSummary, "cells">;

/** A 事務事業評価シート's summary as the report documents it (docs/report.md § Project sheets). */
export type ReportProjectSummary = Omit<ProjectSummary, "costs" | "indicators"> & {
  costs: ReportProjectCost[];
  indicators: ReportIndicator[];
};

/** A roll-up block without its source cells. */
export type ReportRollupBlock = Omit<RollupBlockSummary, "rows" | "total"> & {
  rows: Omit<RollupRowSummary, "cells">[];
  total: { projects: number | null; priority: number | null } | null;
};

/** A 施策進行管理・評価票(2)'s summary as the report documents it (docs/report.md § Roll-up sheets). */
export type ReportRollupSummary = Omit<RollupSheetSummary, "blocks" | "matrix" | "projects"> & {
  blocks: ReportRollupBlock[];
  matrix: { rows: (string | null)[]; columns: (string | null)[]; entries: Omit<RollupMatrixEntry, "cells">[] } | null;
  projects: Omit<RollupProjectSummary, "cells">[];
};

interface ReportSheetBase {
  sheet: string;
  counts: FindingCounts;
  issues: ReportIssue[];
  model: SheetModel | null;
}

/** One worksheet; `kind` tells which summary it carries (`other`: none). */
export type ReportSheet =
  | (ReportSheetBase & { kind: "evaluation"; summary: ReportSummary })
  | (ReportSheetBase & { kind: "rollup"; summary: ReportRollupSummary })
  | (ReportSheetBase & { kind: "project"; summary: ReportProjectSummary })
  | (ReportSheetBase & { kind: "other"; summary: null });

export interface ReportFile {
  path: string;
  sha256: string | null;
  error: FileError | null;
  profile: ProfileInfo | null;
  counts: FindingCounts;
  sheets: ReportSheet[];
}

export interface RuleCount {
  rule: string;
  severity: Severity;
  count: number;
}

export interface ReportTotals {
  files: number;
  filesUnreadable: number;
  sheets: number;
  evaluationSheets: number;
  rollupSheets: number;
  projectSheets: number;
  otherSheets: number;
  issues: FindingCounts;
  /** One row per rule of the catalogue (zero counts included) plus any other rule that fired. */
  byRule: RuleCount[];
}

/** Where a sheet of a link is: its file's path (null within one workbook) and name. */
export interface ReportSheetRef {
  file: string | null;
  sheet: string;
}

/** One 施策 and the sheets linked to it (docs/report.md § Links). */
export interface ReportLink {
  measureCode: string | null;
  measureName: string | null;
  fiscalYear: number | null;
  /** 基本政策, else the projects' top 政策体系 level. */
  policy: string | null;
  measureSheet: ReportSheetRef | null;
  rollupSheet: ReportSheetRef | null;
  /** Unit of the 施策's 事業費, and of `costs[]`. */
  costUnit: string | null;
  projects: {
    name: string;
    code: string | null;
    file: string | null;
    sheet: string | null;
    listed: boolean;
    achievement: string | null;
    direction: string | null;
  }[];
  costs: {
    year: number;
    column: "plan" | "budget" | "settlement";
    forecast: boolean;
    measure: number | null;
    projectsSum: number | null;
    difference: number | null;
    projectsMissing: number;
  }[];
}

export interface Report {
  tool: { name: string; version: string };
  ruleCatalogueVersion: string;
  settingsHash: string;
  vocabularyHash: string | null;
  checkedAt: string;
  language: Language;
  settings: Settings;
  files: ReportFile[];
  /** One entry per 施策 whose sheets were linked (a (2) or project sheets besides the (1)). */
  links: ReportLink[];
  totals: ReportTotals;
}

export interface ReportInput {
  files: FileResult[];
  toolVersion: string;
  settings: Settings;
  /** ISO 8601 time of the check; the one field that differs between two runs. */
  checkedAt: string;
  ruleCatalogueVersion: string;
  /** The catalogue's rules, so the per-rule table lists rules that found nothing too. */
  rules?: ReadonlyArray<{ id: string; severity: Severity }>;
  /** A vocabulary given on top of the default (hashed for provenance), or null. */
  customVocabulary?: unknown;
  /** Leave the model out (smaller reports); default true. */
  includeModel?: boolean;
}
