// Template profiles in a report: which rules they add to the per-rule table, and the finding
// for a profile saved in a workbook that does not validate (it is not applied, never silently).

import { countFindings, type SheetResult } from "../engine";
import type { Finding, Severity } from "../findings";
import { ruleRows, TEMPLATE_CATALOGUE } from "../rules";

export const INVALID_PROFILE_RULE = TEMPLATE_CATALOGUE.profileInvalid;

/** Rows for the per-rule table of a run in which profiles were looked for: the catalogue's template rules. */
export const PROFILE_RULE_ROWS: ReadonlyArray<{ id: string; severity: Severity }> = ruleRows(["template"]);

export function invalidProfileFinding(sheet: string, errors: readonly string[]): Finding {
  const list = errors.join("; ");
  return {
    rule: INVALID_PROFILE_RULE.id,
    severity: INVALID_PROFILE_RULE.severity,
    sheet,
    cell: null,
    path: "",
    message: {
      ja: `このブックに保存されたテンプレートは正しくないため使わず、見出しから項目を探しました: ${list}`,
      en: `The template profile saved in this workbook is invalid and was not used; fields were found by their labels: ${list}`,
    },
    expected: { ja: "docs/templates.md の形式のテンプレート", en: "a profile as described in docs/templates.md" },
  };
}

/** The sheets with the invalid-profile finding added to the first one (a workbook-level finding has no sheet of its own). */
export function withInvalidProfileFinding(sheets: readonly SheetResult[], errors: readonly string[]): SheetResult[] {
  if (sheets.length === 0) return [];
  const [first, ...rest] = sheets;
  const findings = [invalidProfileFinding(first.sheet, errors), ...first.findings];
  return [{ ...first, findings, counts: countFindings(findings) }, ...rest];
}
