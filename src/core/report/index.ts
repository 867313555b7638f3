// Reports (JSON, text, Markdown, CSV) and the summary-sheet layout. Pure strings and data.

export * from "./types";
export { buildReport, buildReportFromFiles, countByRule, comparePaths, toReportFile, toReportIssue, toReportSummary, toReportRollupSummary, TOOL_NAME } from "./build";
export { formatText, type TextOptions } from "./formatText";
export { formatMarkdown, mdCell } from "./formatMarkdown";
export { cleanLine, cleanText, cleanMarkdown, escapeJsonText, escapedJsonBytes, type Utf8Encode } from "./cleanText";
export { formatCsv, csvField, neutralizeFormula, CSV_COLUMNS } from "./formatCsv";
export { formatJson, jsonReportParts, reportFileJson, reportFileJsonBytes } from "./formatJson";
export { sha256Hex, canonicalJson, contentHash, utf8Bytes } from "./hash";
export * from "./summaryLayout";
export { withCrossYearFindings, CROSS_YEAR_RULE_ROWS } from "./crossYear";
export { digestsOf, linkInputs, toReportLink, linkWorkbook, withLinkFindingsOnSheets, withLinkIssues, withLinks } from "./links";
export { INVALID_PROFILE_RULE, PROFILE_RULE_ROWS, invalidProfileFinding, withInvalidProfileFinding } from "./profileFindings";
export { buildTemplateShow, formatTemplateShow, type TemplateShow, type TemplateShowSheet } from "./templateShow";

import type { Report } from "./types";
import { formatText } from "./formatText";
import { formatMarkdown } from "./formatMarkdown";
import { formatCsv } from "./formatCsv";
import { formatJson } from "./formatJson";

export type ReportFormat = "text" | "json" | "csv" | "md";

export function formatReport(report: Report, format: ReportFormat, options: { color?: boolean } = {}): string {
  switch (format) {
    case "json":
      return formatJson(report);
    case "csv":
      return formatCsv(report);
    case "md":
      return formatMarkdown(report);
    default:
      return formatText(report, options);
  }
}
