// The pane's state and its transitions, kept free of React and the DOM so they can be
// tested alone. The grids read from the workbook are kept: changing a setting re-runs the
// core on them without another round trip to Excel.

import type { SheetGrid } from "../core/grid";
import type { Finding, Severity } from "../core/findings";
import { SEVERITY_ORDER } from "../core/findings";
import type { Settings } from "../core/settings";
import { withDefaults } from "../core/settings";
import { checkSheet, checkWorkbook, countFindings, type CheckOptions, type SheetResult } from "../core/engine";
import type { FindingCounts } from "../core/summary/types";
import type { TemplateProfile } from "../core/profile";
import { linkWorkbook, withInvalidProfileFinding } from "../core/report";
import type { LinkGroup } from "../core/link";
import type { ReadProgress } from "../port/workbookPort";
import type { StringKey } from "./i18n";

export interface FindingFilter {
  severity: Severity | "all";
  rule: string | "all";
}

export interface Notice {
  key: StringKey;
  /** Appended as is (a sheet name or a count). */
  detail: string;
  /** A second sentence of the same notice (e.g. which sheets were left alone). */
  also?: { key: StringKey; detail: string };
}

export interface PaneState {
  status: "idle" | "reading" | "ready";
  progress: ReadProgress | null;
  grids: SheetGrid[];
  /** Every sheet's result, link findings included (the workbook's sheets linked by 施策). */
  results: SheetResult[];
  /** The 施策 the workbook's sheets were linked into (core/link), for the 全体 tab's tree. */
  links: LinkGroup[];
  settings: Settings;
  /** Kept as thrown so the message follows a language switch. */
  error: unknown;
  notice: Notice | null;
  filter: FindingFilter;
  live: boolean;
  /** Incremented after every check (full or one sheet): the aria-live announcement keys on it. */
  checkCount: number;
  /** Template profile applied to every check (loaded from the workbook, edited in テンプレート). */
  profile: TemplateProfile | null;
  /** Why the profile saved in the workbook was rejected: it is not applied, and a finding says so. */
  profileErrors: readonly string[] | null;
}

export type PaneAction =
  | { type: "checkStarted" }
  | { type: "progress"; progress: ReadProgress }
  | { type: "checked"; grids: SheetGrid[] }
  | { type: "sheetChanged"; grid: SheetGrid }
  | { type: "failed"; error: unknown }
  | { type: "dismissError" }
  | { type: "notice"; notice: Notice | null }
  | { type: "settingsChanged"; settings: Partial<Settings> }
  | { type: "filterChanged"; filter: Partial<FindingFilter> }
  | { type: "liveChanged"; live: boolean }
  | { type: "profileChanged"; profile: TemplateProfile | null }
  | { type: "profileInvalid"; errors: readonly string[] };

export function initialState(settings: Partial<Settings> = {}): PaneState {
  return {
    status: "idle",
    progress: null,
    grids: [],
    results: [],
    links: [],
    settings: withDefaults(settings),
    error: null,
    notice: null,
    filter: { severity: "all", rule: "all" },
    live: false,
    checkCount: 0,
    profile: null,
    profileErrors: null,
  };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "checkStarted":
      return { ...state, status: "reading", progress: null, error: null, notice: null };
    case "progress":
      return { ...state, progress: action.progress };
    case "checked":
      return {
        ...state,
        status: "ready",
        progress: null,
        grids: action.grids,
        ...checkAll(action.grids, state),
        checkCount: state.checkCount + 1,
      };
    case "sheetChanged":
      return replaceSheet(state, action.grid);
    case "failed":
      // A failed full read leaves the previous results visible, clearly marked by the error.
      return { ...state, status: state.results.length > 0 ? "ready" : "idle", progress: null, error: action.error };
    case "dismissError":
      return { ...state, error: null };
    case "notice":
      return { ...state, notice: action.notice };
    case "settingsChanged": {
      const settings = withDefaults({ ...state.settings, ...action.settings });
      if (!changesFigures(state.settings, settings) || state.grids.length === 0) return { ...state, settings };
      return { ...state, settings, ...checkAll(state.grids, { ...state, settings }) };
    }
    case "filterChanged":
      return { ...state, filter: { ...state.filter, ...action.filter } };
    case "liveChanged":
      return { ...state, live: action.live };
    case "profileChanged":
    case "profileInvalid": {
      // Pins and synonyms change what is read: re-run the core on the grids already held.
      const next =
        action.type === "profileChanged" ? { ...state, profile: action.profile, profileErrors: null } : { ...state, profile: null, profileErrors: action.errors };
      if (state.grids.length === 0) return next;
      return { ...next, ...checkAll(state.grids, next), checkCount: state.checkCount + 1 };
    }
  }
}

type CheckState = Pick<PaneState, "settings" | "profile" | "profileErrors">;

/** Every sheet checked as the CLI would: with the profile, or with the finding that it was rejected; then linked. */
function checkAll(grids: SheetGrid[], state: CheckState): Pick<PaneState, "results" | "links"> {
  const results = checkWorkbook({ sheets: grids }, checkOptions(state));
  return linked(state.profileErrors ? withInvalidProfileFinding(results, state.profileErrors) : results, state);
}

/** The workbook's sheets linked by 施策: link findings join the sheets they are about. */
function linked(results: SheetResult[], state: CheckState): Pick<PaneState, "results" | "links"> {
  const { results: withLinks, groups } = linkWorkbook(results, state.settings, state.profile ?? undefined);
  return { results: withLinks, links: groups };
}

/** A result as checked alone: without the findings linking added (they are made again over all sheets). */
function unlinked(result: SheetResult): SheetResult {
  if (!result.findings.some((f) => f.rule.startsWith(LINK_RULE_PREFIX))) return result;
  const findings = result.findings.filter((f) => !f.rule.startsWith(LINK_RULE_PREFIX));
  return { ...result, findings, counts: countFindings(findings) };
}

const LINK_RULE_PREFIX = "link.";

/** What every check of the pane runs with: the settings and the workbook's template profile. */
export function checkOptions(state: Pick<PaneState, "settings" | "profile">): CheckOptions {
  return state.profile ? { settings: state.settings, profile: state.profile } : { settings: state.settings };
}

/** Live mode: only the changed sheet is re-checked; every other result stays as it was, and the links are made again. */
function replaceSheet(state: PaneState, grid: SheetGrid): PaneState {
  const index = state.grids.findIndex((g) => g.name === grid.name);
  if (index < 0) return state;
  const grids = state.grids.slice();
  grids[index] = grid;
  // The other project sheets still count for the cost per 人工, as in the full check.
  const peers = state.results.flatMap((r) => (r.kind === "project" && r.sheet !== grid.name ? [r.model] : []));
  const results = state.results.map((r, i) => {
    if (r.sheet !== grid.name) return unlinked(r);
    const checked = checkSheet(grid, { ...checkOptions(state), peers });
    // The rejected-profile finding sits on the first sheet: keep it there.
    return i === 0 && state.profileErrors ? withInvalidProfileFinding([checked], state.profileErrors)[0] : checked;
  });
  // A changed figure may change a link (a 施策's sum, a roll-up count): link every sheet again.
  return { ...state, grids, ...linked(results, state), checkCount: state.checkCount + 1 };
}

/** The UI language alone changes no figure: no need to re-run the core. */
function changesFigures(before: Settings, after: Settings): boolean {
  return (Object.keys(after) as (keyof Settings)[]).some((k) => k !== "language" && before[k] !== after[k]);
}

export function isCheckedSheet(state: PaneState, sheet: string): boolean {
  return state.grids.some((g) => g.name === sheet);
}

export function allFindings(results: readonly SheetResult[]): Finding[] {
  return results.flatMap((r) => r.findings);
}

export function totalCounts(results: readonly SheetResult[]): FindingCounts {
  return countFindings(allFindings(results));
}

/** Rule IDs present in the results, sorted, for the rule filter. */
export function ruleIds(results: readonly SheetResult[]): string[] {
  return [...new Set(allFindings(results).map((f) => f.rule))].sort();
}

export interface SeverityGroup {
  severity: Severity;
  findings: Finding[];
}

export interface SheetFindings {
  sheet: string;
  counts: FindingCounts;
  groups: SeverityGroup[];
}

/** Findings by sheet (workbook order) then severity (errors first), after the filter. */
export function groupFindings(results: readonly SheetResult[], filter: FindingFilter): SheetFindings[] {
  const out: SheetFindings[] = [];
  for (const result of results) {
    const kept = result.findings.filter(
      (f) => (filter.severity === "all" || f.severity === filter.severity) && (filter.rule === "all" || f.rule === filter.rule),
    );
    if (kept.length === 0) continue;
    const severities = [...new Set(kept.map((f) => f.severity))].sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b]);
    out.push({
      sheet: result.sheet,
      counts: countFindings(kept),
      groups: severities.map((severity) => ({ severity, findings: kept.filter((f) => f.severity === severity) })),
    });
  }
  return out;
}

/**
 * Calls `run(sheet)` once per sheet after `delayMs` without further changes to that sheet:
 * typing in one cell fires many change events, and two sheets edited in turn both need a
 * re-check.
 */
export function createSheetDebouncer(delayMs: number, run: (sheet: string) => void) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  return {
    trigger(sheet: string): void {
      const pending = timers.get(sheet);
      if (pending !== undefined) clearTimeout(pending);
      timers.set(
        sheet,
        setTimeout(() => {
          timers.delete(sheet);
          run(sheet);
        }, delayMs),
      );
    },
    cancel(): void {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
