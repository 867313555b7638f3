// Audit report in Markdown: provenance first (what was checked, when, with which rules and
// settings), totals and the per-rule table, then each file and sheet.

import type { Language } from "../findings";
import { SEVERITY_ORDER } from "../findings";
import type { Report, ReportLink, ReportRollupSummary, ReportSheet } from "./types";
import { cleanMarkdown } from "./cleanText";
import { circled, formatNumber, formatRate } from "../format/number";
import { directionLabel, gradeLabel, label, profileLabel, severityLabel } from "./labels";
import { COST_HEADERS, costRows, projectHeadline, unitWords, YEAR_HEADERS, yearRows } from "./projectFigures";

/**
 * Text from a workbook in a table cell or heading: never a link, image, emphasis, code or HTML
 * an md renderer would act on, no `|` breaking the table, no line break (see cleanMarkdown).
 */
export function mdCell(text: string | number | null): string {
  if (text === null) return "";
  return cleanMarkdown(String(text));
}

/** A rule ID, shown as code: IDs come from the rule catalogue, never from a workbook. */
interface RuleId {
  rule: string;
}
type TableCell = string | number | null | RuleId;

function cellMarkdown(cell: TableCell): string {
  if (cell !== null && typeof cell === "object") return `\`${cell.rule.replace(/[^\w.-]/g, "")}\``;
  return mdCell(cell);
}

function table(header: string[], rows: TableCell[][]): string[] {
  return [
    `| ${header.map(mdCell).join(" | ")} |`,
    `|${header.map(() => " --- ").join("|")}|`,
    ...rows.map((r) => `| ${r.map(cellMarkdown).join(" | ")} |`),
  ];
}

export function formatMarkdown(report: Report): string {
  const lang = report.language;
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  const out: string[] = [`# ${L("title")}`, "", `## ${L("provenance")}`, ""];
  out.push(
    ...table(
      [L("provenance"), ""],
      [
        [L("tool"), `${report.tool.name} ${report.tool.version}`],
        [L("ruleCatalogue"), report.ruleCatalogueVersion],
        [L("settingsHash"), report.settingsHash],
        [L("vocabularyHash"), report.vocabularyHash ?? "-"],
        [L("checkedAt"), report.checkedAt],
      ],
    ),
  );
  out.push("", ...table([L("file"), "SHA-256", L("sheets"), ...(["error", "warning", "info"] as const).map((s) => severityLabel(s, lang))],
    report.files.map((f) => [f.path, f.sha256 ?? `${L("unreadable")} (${f.error?.code ?? ""})`, f.sheets.length, f.counts.error, f.counts.warning, f.counts.info])));

  const t = report.totals;
  out.push("", `## ${L("totals")}`, "");
  out.push(
    ...table(
      ["", L("count")],
      [
        [L("files"), t.files],
        [L("filesUnreadable"), t.filesUnreadable],
        [L("sheets"), t.sheets],
        [L("evaluationSheets"), t.evaluationSheets],
        [L("rollupSheets"), t.rollupSheets],
        [L("projectSheets"), t.projectSheets],
        [L("otherSheets"), t.otherSheets],
        [severityLabel("error", lang), t.issues.error],
        [severityLabel("warning", lang), t.issues.warning],
        [severityLabel("info", lang), t.issues.info],
      ],
    ),
  );
  out.push("", `## ${L("byRule")}`, "");
  out.push(...table([L("rule"), L("severity"), L("count")], t.byRule.map((r) => [{ rule: r.rule }, severityLabel(r.severity, lang), r.count])));
  if (report.links.length) {
    out.push("", `## ${L("byMeasure")}`);
    for (const link of report.links) out.push(...formatLink(link, lang));
  }

  for (const file of report.files) {
    out.push("", `## ${L("file")}: ${mdCell(file.path)}`, "");
    if (file.sha256) out.push(`SHA-256: \`${file.sha256}\``, "");
    if (file.error) {
      out.push(`**${severityLabel("error", lang)} [${file.error.code}]** ${L("unreadable")}: ${mdCell(file.error.message)}`);
      continue;
    }
    out.push(`${L("profile")}: ${mdCell(profileLabel(file.profile, lang))}`, "");
    for (const sheet of file.sheets) out.push(...formatSheet(sheet, lang));
  }
  out.push("");
  return out.join("\n");
}

function formatSheet(sheet: ReportSheet, lang: Language): string[] {
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  const s = sheet.kind === "evaluation" ? sheet.summary : null;
  const p = sheet.kind === "project" ? sheet.summary : null;
  const out = [`### ${L("sheet")}: ${mdCell(sheet.sheet)}`, ""];
  if (sheet.kind === "rollup") out.push(...rollupCounts(sheet.summary, lang));
  else if (p) out.push(`${L("projectSheets")}: ${mdCell(p.projectCode)} ${mdCell(p.projectName)} · ${L("fiscalYear")} ${p.fiscalYear ?? "?"} · ${mdCell(projectHeadline(p, lang))}`, "");
  else if (!s) out.push(`${L("otherSheet")}`, "");
  else {
    const codes = Object.entries(s.evaluation).map(([y, c]) => `${y}: ${c}`).join(", ");
    out.push(`${mdCell(s.measureCode)} ${mdCell(s.measureName)} · ${L("fiscalYear")} ${s.fiscalYear ?? "?"} · ${L("evaluation")} ${mdCell(codes || "-")}`, "");
  }
  const issues = [...sheet.issues].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  if (issues.length === 0) out.push(L("noIssues"), "");
  else {
    out.push(
      ...table(
        [L("severity"), L("cell"), L("rule"), L("message"), L("raw"), L("expected"), L("related")],
        issues.map((i) => [severityLabel(i.severity, lang), i.cell ?? "-", { rule: i.rule }, i.message, i.raw, i.expected, i.related.join(", ")]),
      ),
      "",
    );
  }
  const indicators = s?.indicators ?? p?.indicators ?? [];
  if (indicators.length) {
    out.push(`#### ${L("achievement")}`, "");
    const rows: TableCell[][] = [];
    for (const ind of indicators)
      for (const y of ind.years)
        rows.push([`${circled(ind.index)} ${ind.name}`, directionLabel(ind.direction, lang), y.year, formatNumber(y.plan), formatNumber(y.actual), formatRate(y.rate), gradeLabel(y.grade, lang)]);
    out.push(...table([L("indicator"), L("direction"), L("year"), L("plan"), L("actual"), L("rate"), L("grade")], rows), "");
  }
  if (s && s.budget.length) {
    out.push(`#### ${L("budget")} (${L("unitThousandYen")})`, "");
    out.push(
      ...table(
        [L("year"), L("planned"), L("budgetAmount"), L("settlement"), L("executionRate"), L("budgetToPlan")],
        s.budget.map((b) => [
          b.year,
          formatNumber(b.planned),
          formatNumber(b.budget),
          `${formatNumber(b.settlement)}${b.settlementIsForecast ? ` (${L("forecast")})` : ""}`,
          formatRate(b.executionRate),
          formatRate(b.budgetToPlan),
        ]),
      ),
      "",
    );
  }
  if (p && p.costs.length) {
    out.push(`#### ${L("projectCosts")} (${unitWords(p.costUnit, lang)})`, "");
    out.push(...table(COST_HEADERS.map(L), costRows(p, lang)), "");
    out.push(`#### ${L("projectYears")}`, "");
    out.push(...table(YEAR_HEADERS.map(L), yearRows(p, lang)), "");
  }
  return out;
}

/** A roll-up (2): its heading line, then one table per block and the 点検結果 letters. */
function rollupCounts(s: ReportRollupSummary, lang: Language): string[] {
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  const out = [`${mdCell(s.measureCode)} ${mdCell(s.measureName)} · ${L("fiscalYear")} ${s.fiscalYear ?? "?"} · ${L("rollupSheet")}`, ""];
  for (const b of s.blocks) {
    const rows: Array<Array<string | number | null>> = b.rows.map((r) => [r.code, r.label, r.projects, r.priority]);
    if (b.total) rows.push([L("total"), "", b.total.projects, b.total.priority]);
    out.push(...table([b.name ?? b.id, "", L("projectCount"), L("priorityCount")], rows), "");
  }
  if (s.matrix) out.push(...table([L("inspection"), L("count")], s.matrix.entries.map((e) => [e.letter, e.count])), "");
  return out;
}

/** One 施策: where its (1) and (2) are, its projects, and its 事業費 against their sum. */
function formatLink(link: ReportLink, lang: Language): string[] {
  const L = (k: Parameters<typeof label>[0]) => label(k, lang);
  const where = (ref: { file: string | null; sheet: string } | null) => (ref ? [ref.file, ref.sheet].filter((x) => x !== null).join(" ") : "-");
  const year = link.fiscalYear === null ? "" : ` (${link.fiscalYear}${lang === "ja" ? "年度" : ""})`;
  const out = ["", `### ${mdCell([link.measureCode, link.measureName].filter((x) => x).join(" "))}${year}`, ""];
  out.push(`${L("measureSheet")}: ${mdCell(where(link.measureSheet))} · ${L("rollupSheet")}: ${mdCell(where(link.rollupSheet))}`, "");
  out.push(
    ...table(
      [L("projects"), L("projectCode"), L("file"), L("sheet"), L("listed"), L("achievementLevel"), L("directionClass")],
      link.projects.map((p) => [p.name, p.code, p.file, p.sheet ?? L("noSheet"), p.listed ? L("yes") : L("no"), p.achievement, p.direction]),
    ),
  );
  if (link.costs.length) {
    const column = (c: ReportLink["costs"][number]) => L(c.column === "settlement" ? (c.forecast ? "forecast" : "settlement") : c.column === "plan" ? "planned" : "budgetAmount");
    out.push(
      "",
      ...table(
        [L("year"), L("column"), `${L("measureCost")} (${link.costUnit ?? ""})`, L("projectsSum"), L("difference"), L("projectsMissing")],
        link.costs.map((c) => [c.year, column(c), formatNumber(c.measure), formatNumber(c.projectsSum), formatNumber(c.difference), c.projectsMissing]),
      ),
    );
  }
  return out;
}
