// Readable terminal report: per file and sheet, findings with cell, raw and expected, then
// the achievement and budget figures. ANSI colours only when the caller asks (a TTY).

import type { Language, Severity } from "../findings";
import { SEVERITY_ORDER } from "../findings";
import type { Report, ReportIndicator, ReportIssue, ReportProjectSummary, ReportRollupSummary, ReportSheet, ReportSummary } from "./types";
import { cleanLine as safe } from "./cleanText";
import { circled, formatNumber, formatRate } from "../format/number";
import { directionLabel, gradeLabel, label, profileLabel, severityLabel, type LabelKey } from "./labels";
import { COST_HEADERS, costRows, projectHeadline, unitWords, YEAR_HEADERS, yearRows } from "./projectFigures";

export interface TextOptions {
  color?: boolean;
}

const ANSI: Record<Severity | "bold" | "dim", string> = {
  error: "\u001b[31m",
  warning: "\u001b[33m",
  info: "\u001b[36m",
  bold: "\u001b[1m",
  dim: "\u001b[2m",
};
const RESET = "\u001b[0m";


function countsLine(c: { error: number; warning: number; info: number }, lang: Language): string {
  return (["error", "warning", "info"] as const).map((s) => `${severityLabel(s, lang)} ${c[s]}`).join(" · ");
}

export function formatText(report: Report, options: TextOptions = {}): string {
  const lang = report.language;
  const paint = (style: keyof typeof ANSI, text: string): string =>
    options.color ? `${ANSI[style]}${text}${RESET}` : text;
  const out: string[] = [];
  const t = report.totals;
  out.push(paint("bold", `${report.tool.name} ${report.tool.version}`));
  out.push(
    `${label("files", lang)} ${t.files} (${label("filesUnreadable", lang)} ${t.filesUnreadable}) · ` +
      `${label("sheets", lang)} ${t.sheets} (${label("evaluationSheets", lang)} ${t.evaluationSheets}, ` +
      `${label("rollupSheets", lang)} ${t.rollupSheets}, ` +
      `${label("projectSheets", lang)} ${t.projectSheets}, ${label("otherSheets", lang)} ${t.otherSheets}) · ${countsLine(t.issues, lang)}`,
  );

  for (const file of report.files) {
    out.push("");
    out.push(paint("bold", `${label("file", lang)}: ${safe(file.path)}`) + (file.sha256 ? paint("dim", `  sha256 ${file.sha256}`) : ""));
    if (file.error) {
      out.push(`  ${paint("error", `${severityLabel("error", lang)} [${file.error.code}]`)} ${label("unreadable", lang)}: ${safe(file.error.message)}`);
      continue;
    }
    if (file.profile) out.push(`  ${label("profile", lang)}: ${safe(profileLabel(file.profile, lang))}`);
    for (const sheet of file.sheets) formatSheet(sheet, lang, paint, out);
  }
  out.push("");
  return out.join("\n");
}

function formatSheet(
  sheet: ReportSheet,
  lang: Language,
  paint: (style: keyof typeof ANSI, text: string) => string,
  out: string[],
): void {
  const s = sheet.kind === "evaluation" ? sheet.summary : null;
  const rollup = sheet.kind === "rollup" ? sheet.summary : null;
  const p = sheet.kind === "project" ? sheet.summary : null;
  const year = (y: number | null) => `${y ?? "?"}${lang === "ja" ? "年度" : ""}`;
  const measure = s ?? rollup;
  const head = measure
    ? `${safe(measure.measureCode ?? "?")} ${safe(measure.measureName ?? "")} ${year(measure.fiscalYear)}${rollup ? ` ${label("rollupSheet", lang)}` : ""}`
    : p
      ? `${label("projectSheets", lang)} ${safe(p.projectCode ?? "?")} ${safe(p.projectName ?? "")} ${year(p.fiscalYear)}`
      : label("otherSheet", lang);
  out.push(`  ${label("sheet", lang)} "${safe(sheet.sheet)}" — ${head} — ${countsLine(sheet.counts, lang)}`);
  const issues = [...sheet.issues].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  for (const issue of issues) out.push(...formatIssue(issue, lang, paint));
  if (s) formatFigures(s, lang, out);
  if (rollup) formatRollupCounts(rollup, lang, out);
  if (p) formatProjectFigures(p, lang, out);
}

/** Each block's code:事業数/うち重点 and its 合計, the 点検結果 letters with their counts. */
function formatRollupCounts(s: ReportRollupSummary, lang: Language, out: string[]): void {
  const count = (n: number | null) => (n === null ? "-" : String(n));
  for (const b of s.blocks) {
    const rows = b.rows.map((r) => `${safe(r.code ?? "?")} ${count(r.projects)}/${count(r.priority)}`).join("  ");
    const total = b.total ? `  ${label("total", lang)} ${count(b.total.projects)}/${count(b.total.priority)}` : "";
    out.push(`    ${safe(b.name ?? b.id)} (${label("projectCount", lang)}/${label("priorityCount", lang)}): ${rows}${total}`);
  }
  if (s.matrix) out.push(`    ${label("inspection", lang)}: ${s.matrix.entries.map((e) => `${safe(e.letter ?? "?")} ${count(e.count)}`).join("  ")}`);
}

function formatProjectFigures(p: ReportProjectSummary, lang: Language, out: string[]): void {
  out.push(`    ${safe(projectHeadline(p, lang))}`);
  indicatorLines(p.indicators, lang, out);
  if (p.costs.length) {
    // The leading cells (year, and the cost table's column) name the row; the rest carry their header.
    const line = (keys: readonly LabelKey[], row: string[], leading: number) =>
      `      ${row.map((v, i) => (i < leading ? v : `${label(keys[i], lang)} ${v || "-"}`)).join("  ")}`;
    out.push(`    ${label("projectCosts", lang)} (${unitWords(p.costUnit, lang)})`);
    for (const row of costRows(p, lang)) out.push(line(COST_HEADERS, row, 2));
    out.push(`    ${label("projectYears", lang)}`);
    for (const row of yearRows(p, lang)) out.push(line(YEAR_HEADERS, row, 1));
  }
}

/** Spaces after a severity word so the cells line up (colour codes must not count). */
function pad(severity: Severity, lang: Language): string {
  const label = severityLabel(severity, lang);
  return " ".repeat(Math.max(0, (lang === "ja" ? 4 : 7) - label.length));
}

function formatIssue(
  issue: ReportIssue,
  lang: Language,
  paint: (style: keyof typeof ANSI, text: string) => string,
): string[] {
  const lines = [
    `    ${paint(issue.severity, severityLabel(issue.severity, lang))}${pad(issue.severity, lang)} ${(issue.cell ?? "-").padEnd(6)} ${issue.rule}  ${safe(issue.message)}`,
  ];
  const detail: string[] = [];
  if (issue.raw !== null && issue.raw !== "") detail.push(`${label("raw", lang)}: "${safe(issue.raw)}"`);
  if (issue.expected) detail.push(`${label("expected", lang)}: ${safe(issue.expected)}`);
  if (detail.length) lines.push(`           ${detail.join("  ")}`);
  // Its own line: a cross-year reference names another file, often a long path.
  if (issue.related.length) lines.push(`           ${label("related", lang)}: ${safe(issue.related.join(", "))}`);
  return lines;
}

function formatFigures(s: ReportSummary, lang: Language, out: string[]): void {
  const codes = Object.entries(s.evaluation).map(([y, c]) => `${y} ${c}`).join(", ");
  if (codes) out.push(`    ${label("evaluation", lang)}: ${codes}`);
  indicatorLines(s.indicators, lang, out);
  formatBudget(s, lang, out);
}

/** Each indicator's 達成率 by year, on a 施策 sheet or a project sheet alike. */
function indicatorLines(indicators: readonly ReportIndicator[], lang: Language, out: string[]): void {
  for (const ind of indicators) {
    out.push(
      `    ${label("achievement", lang)} ${circled(ind.index)} ${safe(ind.name)} (${directionLabel(ind.direction, lang)}` +
        `${ind.cumulative ? `, ${label("cumulative", lang)}` : ""}${ind.unit ? `, ${safe(ind.unit)}` : ""})`,
    );
    for (const y of ind.years) {
      out.push(
        `      ${y.year}  ${label("plan", lang)} ${formatNumber(y.plan) || "-"}  ${label("actual", lang)} ${formatNumber(y.actual) || "-"}` +
          `  ${label("rate", lang)} ${formatRate(y.rate) || "-"}${y.grade ? ` ${gradeLabel(y.grade, lang)}` : ""}` +
          (y.rate === null && y.rateUndefinedReason ? ` (${y.rateUndefinedReason})` : ""),
      );
    }
    if (ind.progress !== null) out.push(`      ${label("progress", lang)} ${formatRate(ind.progress)}`);
  }
}

function formatBudget(s: ReportSummary, lang: Language, out: string[]): void {
  if (s.budget.length) {
    out.push(`    ${label("budget", lang)} (${label("unitThousandYen", lang)})`);
    for (const b of s.budget) {
      out.push(
        `      ${b.year}  ${label("planned", lang)} ${formatNumber(b.planned) || "-"}  ${label("budgetAmount", lang)} ${formatNumber(b.budget) || "-"}` +
          `  ${label(b.settlementIsForecast ? "forecast" : "settlement", lang)} ${formatNumber(b.settlement) || "-"}` +
          `  ${label("executionRate", lang)} ${formatRate(b.executionRate) || "-"}  ${label("budgetToPlan", lang)} ${formatRate(b.budgetToPlan) || "-"}`,
      );
    }
  }
}
