// Narrowing helpers for tests: a checked or reported sheet of the kind the test expects, or a
// failure that says what it was instead.
import type { EvaluationResult, ProjectResult, SheetResult } from "../../src/core/engine";
import type { ReportProjectSummary, ReportSheet, ReportSummary } from "../../src/core/report";

export function evaluationSummary(sheet: ReportSheet): ReportSummary {
  if (sheet.kind !== "evaluation") throw new Error(`expected an evaluation sheet, got ${sheet.kind}: ${sheet.sheet}`);
  return sheet.summary;
}

export function projectSummary(sheet: ReportSheet): ReportProjectSummary {
  if (sheet.kind !== "project") throw new Error(`expected a project sheet, got ${sheet.kind}: ${sheet.sheet}`);
  return sheet.summary;
}

export function evaluationResult(result: SheetResult): EvaluationResult {
  if (result.kind !== "evaluation") throw new Error(`expected an evaluation sheet, got ${result.kind}: ${result.sheet}`);
  return result;
}

export function projectResult(result: SheetResult): ProjectResult {
  if (result.kind !== "project") throw new Error(`expected a project sheet, got ${result.kind}: ${result.sheet}`);
  return result;
}
