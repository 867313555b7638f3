// Links in a report: linkSheets (core/link) over every sheet of a run, its findings joined to the
// sheets they are about (so counts, the per-rule table and every format show them like any
// other), and the top-level `links[]`, one entry per 施策 (docs/report.md § Links).

import { countFindings, type SheetResult } from "../engine";
import type { Language } from "../findings";
import { linkDigest, linkSheets, type LinkDigest, type LinkFinding, type LinkGroup, type LinkInput } from "../link";
import { resolveScales } from "../scales";
import type { Settings } from "../settings";
import type { TemplateProfile } from "../profile";
import { toReportIssue } from "./build";
import type { FileResult, ReportFile, ReportLink } from "./types";

/** Each sheet's link digest, read with the scales of the file's template profile (null: not linkable). */
export function digestsOf(sheets: readonly SheetResult[], profile?: TemplateProfile): (LinkDigest | null)[] {
  const scales = resolveScales(profile?.scales);
  return sheets.map((s) => linkDigest(s, scales));
}

/** The link inputs of files that carry their digests (sheets without one are left out). */
export function linkInputs(files: ReadonlyArray<{ path: string | null; digests?: readonly (LinkDigest | null)[] }>): LinkInput[] {
  return files.flatMap((f) => (f.digests ?? []).flatMap((digest) => (digest ? [{ file: f.path, digest }] : [])));
}

export function toReportLink(g: LinkGroup): ReportLink {
  return {
    measureCode: g.measureCode,
    measureName: g.measureName,
    fiscalYear: g.fiscalYear,
    policy: g.policy,
    measureSheet: g.measureSheet ? { ...g.measureSheet } : null,
    rollupSheet: g.rollupSheet ? { ...g.rollupSheet } : null,
    costUnit: g.costUnit,
    projects: g.projects.map((p) => ({ name: p.name, code: p.code, file: p.file, sheet: p.sheet, listed: p.listed, achievement: p.achievement, direction: p.direction })),
    costs: g.costs.map((c) => ({
      year: c.year,
      column: c.column,
      forecast: c.forecast,
      measure: c.measure,
      projectsSum: c.projectsSum,
      difference: c.difference,
      projectsMissing: c.projectsMissing,
    })),
  };
}

/** Findings of one file, by sheet. */
function bySheet(findings: readonly LinkFinding[], file: string | null): Map<string, LinkFinding[]> {
  const out = new Map<string, LinkFinding[]>();
  for (const f of findings) {
    if (f.file !== file) continue;
    const list = out.get(f.sheet) ?? [];
    list.push(f);
    out.set(f.sheet, list);
  }
  return out;
}

const plain = ({ file: _file, ...finding }: LinkFinding) => finding;

/** Sheets with their link findings added (inputs are not modified). */
export function withLinkFindingsOnSheets<T extends Pick<SheetResult, "sheet" | "findings" | "counts">>(sheets: readonly T[], findings: readonly LinkFinding[], file: string | null): T[] {
  const mine = bySheet(findings, file);
  if (mine.size === 0) return [...sheets];
  return sheets.map((s) => {
    const added = mine.get(s.sheet);
    if (!added) return s;
    const all = [...s.findings, ...added.map(plain)];
    return { ...s, findings: all, counts: countFindings(all) };
  });
}

/**
 * The sheets of one workbook linked (the task pane, the preview, a single file): its results with
 * the link findings added, and the groups. One workbook is one file: link.project.missing is info.
 */
export function linkWorkbook(results: readonly SheetResult[], settings: Settings, profile?: TemplateProfile): { results: SheetResult[]; groups: LinkGroup[] } {
  const { groups, findings } = linkSheets(linkInputs([{ path: null, digests: digestsOf(results, profile) }]), settings, { singleFile: true });
  return { results: withLinkFindingsOnSheets(results, findings, null), groups };
}

/** Links over whole results (the CLI's --cross-year and summary paths): files with their link findings, and the groups. */
export function withLinks(files: readonly FileResult[], settings: Settings): { files: FileResult[]; groups: LinkGroup[] } {
  const { groups, findings } = linkSheets(linkInputs(files), settings, { singleFile: files.length <= 1 });
  return { files: files.map((f) => ({ ...f, sheets: withLinkFindingsOnSheets(f.sheets, findings, f.path) })), groups };
}

/** A report entry with its link findings added as issues (the CLI's entries, checked in workers). */
export function withLinkIssues(file: ReportFile, findings: readonly LinkFinding[], language: Language): ReportFile {
  const mine = bySheet(findings, file.path);
  if (mine.size === 0) return file;
  const sheets = file.sheets.map((s) => {
    const added = mine.get(s.sheet);
    if (!added) return s;
    const issues = [...s.issues, ...added.map((f) => toReportIssue(f, language))];
    const counts = { error: s.counts.error, warning: s.counts.warning, info: s.counts.info };
    for (const f of added) counts[f.severity]++;
    return { ...s, issues, counts };
  });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const s of sheets) for (const k of ["error", "warning", "info"] as const) counts[k] += s.counts[k];
  return { ...file, sheets, counts };
}
