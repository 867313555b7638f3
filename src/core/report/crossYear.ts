// Cross-year findings in a report: crossYearCheck (core/crossyear) compares the evaluation
// and project sheets of every file of a run; each finding joins the later sheet's findings, so the per-file
// and per-rule counts and every format show it like any other finding.

import { countFindings } from "../engine";
import type { Severity } from "../findings";
import { crossYearCheck, type CrossYearInput } from "../crossyear";
import { ruleRows } from "../rules";
import type { FileResult } from "./types";

/** The cross-year rules for the per-rule table, from the catalogue. */
export const CROSS_YEAR_RULE_ROWS: ReadonlyArray<{ id: string; severity: Severity }> = ruleRows(["cross-year"]);

/** Files with the cross-year findings added to the later sheets (inputs are not modified). */
export function withCrossYearFindings(files: readonly FileResult[]): FileResult[] {
  const inputs: CrossYearInput[] = files.flatMap((f) =>
    f.sheets.flatMap((s) => (s.kind === "evaluation" || s.kind === "project" ? [{ file: f.path, model: s.model }] : [])),
  );
  const found = crossYearCheck(inputs);
  if (found.length === 0) return [...files];
  return files.map((f) => {
    const mine = found.filter((x) => x.file === f.path);
    if (mine.length === 0) return f;
    return {
      ...f,
      sheets: f.sheets.map((s) => {
        const added = mine.filter((x) => x.sheet === s.sheet).map(({ file: _file, ...finding }) => finding);
        if (added.length === 0) return s;
        const findings = [...s.findings, ...added];
        return { ...s, findings, counts: countFindings(findings) };
      }),
    };
  });
}
