import { RULES, RULE_CATALOGUE_VERSION, ruleById } from "../../../src/core/rules";

// Issue 2 item 5: the IDs, exactly as named there.
const ISSUE_RULE_IDS = [
  "sheet.not-evaluation",
  "header.field.missing",
  "header.measure-code.invalid",
  "header.fiscal-year.invalid",
  "plan.period.missing",
  "indicator.table.missing",
  "indicator.year.missing",
  "indicator.year.duplicate",
  "indicator.year.outside-plan",
  "indicator.plan.missing",
  "indicator.actual.missing",
  "indicator.actual.future",
  "indicator.value.not-numeric",
  "indicator.unit.missing",
  "indicator.direction.unknown",
  "indicator.cumulative.decrease",
  "indicator.rate.undefined",
  "evaluation.code.missing",
  "evaluation.code.invalid",
  "evaluation.code.future",
  "evaluation.code.normalized",
  "evaluation.new-issues.inconsistent",
  "evaluation.letter.implausible",
  "evaluation.reason.missing",
  "budget.year.missing",
  "budget.value.not-numeric",
  "budget.value.negative",
  "budget.settlement.overrun",
  "budget.plan-deviation",
  "budget.settlement.forecast",
  "value.normalized",
];

test("the catalogue has every issue-2 rule ID, each once", () => {
  const ids = RULES.map((r) => r.id);
  expect([...ids].sort()).toEqual([...ISSUE_RULE_IDS].sort());
  expect(new Set(ids).size).toBe(ids.length);
});

test("severities follow the documented policy", () => {
  const bySeverity = (s: string) => RULES.filter((r) => r.severity === s).map((r) => r.id).sort();
  expect(bySeverity("info")).toEqual([
    "budget.settlement.forecast",
    "evaluation.code.normalized",
    "indicator.rate.undefined",
    "sheet.not-evaluation",
    "value.normalized",
  ]);
  expect(bySeverity("warning")).toEqual([
    "budget.plan-deviation",
    "budget.settlement.overrun",
    "budget.year.missing",
    "evaluation.code.future",
    "evaluation.letter.implausible",
    "evaluation.new-issues.inconsistent",
    "evaluation.reason.missing",
    "indicator.actual.future",
    "indicator.cumulative.decrease",
    "indicator.direction.unknown",
    "indicator.unit.missing",
    "indicator.year.outside-plan",
  ]);
  expect(bySeverity("error")).toHaveLength(14);
  expect(ruleById("indicator.actual.missing")?.severity).toBe("error");
});

test("every rule has Japanese and English title and description", () => {
  for (const r of RULES) {
    for (const text of [r.title, r.description]) {
      expect(text.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(text.en).toMatch(/^[A-Z]/);
    }
  }
});

test("the catalogue version is a dated string", () => {
  expect(RULE_CATALOGUE_VERSION).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
});
