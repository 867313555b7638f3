// Hand-built results for formatter tests: small, with every feature the formatters show.

import type { SheetResult } from "../../../src/core/engine";
import type { Finding } from "../../../src/core/findings";
import type { EvaluationSheet } from "../../../src/core/model";
import type { FileResult } from "../../../src/core/report";
import type { SheetSummary } from "../../../src/core/summary/types";
import { DEFAULT_SETTINGS, type Settings } from "../../../src/core/settings";

export const unitMissing: Finding = {
  rule: "indicator.unit.missing",
  severity: "warning",
  sheet: "41303000",
  cell: "F30",
  path: "indicators[0].unit",
  message: { ja: "参考指標①の単位(F30)がありません。", en: "Indicator ① has no unit (F30)." },
  expected: { ja: "人、回などの単位", en: "a unit such as 人 or 回" },
};

export const hostile: Finding = {
  rule: "indicator.value.not-numeric",
  severity: "error",
  sheet: "41303000",
  cell: "D33",
  path: "indicators[0].rows[1].actual",
  message: { ja: "数値ではありません: =HYPERLINK(\"http://x\",\"y\")", en: "Not a number: =HYPERLINK(\"http://x\",\"y\")" },
  raw: "=HYPERLINK(\"http://x\",\"y\")",
};

export const forecast: Finding = {
  rule: "budget.settlement.forecast",
  severity: "info",
  sheet: "41303000",
  cell: "I60",
  path: "budget[2].settlement",
  message: { ja: "2013年度の決算は見込です。", en: "The 2013 settlement is a forecast." },
  raw: "21,165",
};

export const summary: SheetSummary = {
  measureCode: "41303000",
  measureName: "環境技術を活かした国際貢献",
  department: "環境局地球環境推進室",
  fiscalYear: 2013,
  planPeriod: { from: 2011, to: 2013 },
  evaluation: { "2013": "AⅡ", "2011": "AⅡ", "2012": "AⅡ" },
  indicators: [
    {
      index: 1,
      name: "海外からの視察受入人数累計数",
      direction: "higher",
      unit: null,
      cumulative: true,
      base: { year: 2010, plan: 745, actual: 745, rate: null, grade: null, rateUndefinedReason: "base year (before the plan period)", cells: { year: "B31", plan: "C31", actual: "D31" } },
      years: [
        { year: 2011, plan: 250, actual: 273, rate: 273 / 250, grade: "achieved", cells: { year: "B32", plan: "C32", actual: "D32" } },
        { year: 2012, plan: 600, actual: 428, rate: 428 / 600, grade: "not", cells: { year: "B33", plan: "C33", actual: "D33" } },
      ],
      progress: 868 / 950,
    },
  ],
  budget: [
    { year: 2011, planned: null, budget: 43769, settlement: 38182, settlementIsForecast: false, executionRate: 38182 / 43769, budgetToPlan: null, cells: { planned: null, budget: "C60", settlement: "D60" } },
    { year: 2013, planned: 38802, budget: 21959, settlement: 21165, settlementIsForecast: true, executionRate: 21165 / 21959, budgetToPlan: 21959 / 38802, cells: { planned: "G60", budget: "H60", settlement: "I60" } },
  ],
};

export function sheetResult(findings: Finding[]): SheetResult {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  // The formatters never read the model; a stand-in keeps the fixture small.
  const model = { kind: "evaluation", sheet: "41303000" } as unknown as EvaluationSheet;
  return { sheet: "41303000", kind: "evaluation", model, findings, summary, counts };
}

export function files(): FileResult[] {
  return [
    { path: "b/broken.xlsx", sha256: "ab".repeat(32), error: { code: "not-zip", message: "Not an Excel .xlsx workbook." }, sheets: [] },
    { path: "a/sample.xlsx", sha256: "0f".repeat(32), error: null, sheets: [sheetResult([unitMissing, hostile, forecast])] },
  ];
}

export const settings: Settings = { ...DEFAULT_SETTINGS };
export const RULES_FIXTURE = [
  { id: "indicator.unit.missing", severity: "warning" as const },
  { id: "indicator.value.not-numeric", severity: "error" as const },
  { id: "budget.settlement.forecast", severity: "info" as const },
  { id: "budget.value.negative", severity: "error" as const },
];
