import { CROSS_YEAR_RULES } from "../../../src/core/crossyear";
import { STALE_PIN_RULE } from "../../../src/core/profile";
import { CROSS_YEAR_RULE_ROWS, INVALID_PROFILE_RULE, PROFILE_RULE_ROWS } from "../../../src/core/report";
import { RULES, RULE_CATALOGUE_VERSION, ruleById, ruleRows } from "../../../src/core/rules";

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

// Issue 9 item 5: the project-sheet rules, exactly as named there…
const PROJECT_RULE_IDS = [
  "project.header.field.missing",
  "project.code.invalid",
  "project.cost.value.not-numeric",
  "project.cost.negative",
  "project.cost.year.missing",
  "project.cost.total-mismatch",
  "project.cost.funding-mismatch",
  "project.cost.staff-mismatch",
  "project.cost.settlement-over-budget",
  "project.achievement.missing",
  "project.achievement.invalid",
  "project.direction.missing",
  "project.direction.invalid",
  "project.achievement.implausible",
];
// …and those added with them.
const MORE_PROJECT_RULE_IDS = ["project.cost.table.missing", "project.cost.unit.missing", "project.scale.normalized"];

// Added since: single-sheet checks beyond issue 2's list, and the rules checked across
// sheets (cross-year) or about template profiles, so that every rule is defined once.
const SHEET_RULE_IDS = [...ISSUE_RULE_IDS, "indicator.name.missing", ...PROJECT_RULE_IDS, ...MORE_PROJECT_RULE_IDS];
const CROSS_YEAR_IDS = [
  "crossyear.value.changed",
  "crossyear.plan.changed",
  "crossyear.code.changed",
  "crossyear.budget.changed",
  "crossyear.project.cost.changed",
  "crossyear.project.plan.changed",
];
const TEMPLATE_IDS = ["template.pin.stale", "template.profile.invalid"];
// Issue 10: the roll-up (2) rules, exactly as named there, and two more; the link rules.
const ROLLUP_IDS = [
  "rollup.total.mismatch",
  "rollup.priority.exceeds",
  "rollup.priority.inconsistent",
  "rollup.matrix.mismatch",
  "rollup.rows.mismatch",
  "rollup.projects.inconsistent",
  "rollup.value.invalid",
];
const LINK_IDS = ["link.project.missing", "link.project.unlisted", "link.cost.mismatch", "link.rollup.differs", "link.achievement.differs"];

test("the catalogue has every issue-2 rule ID and the later ones, each once, by scope", () => {
  const ids = RULES.map((r) => r.id);
  expect([...ids].sort()).toEqual([...SHEET_RULE_IDS, ...ROLLUP_IDS, ...LINK_IDS, ...CROSS_YEAR_IDS, ...TEMPLATE_IDS].sort());
  expect(new Set(ids).size).toBe(ids.length);
  const scoped = (scope: string) => RULES.filter((r) => r.scope === scope).map((r) => r.id).sort();
  expect(scoped("sheet")).toEqual([...SHEET_RULE_IDS].sort());
  expect(scoped("cross-year")).toEqual([...CROSS_YEAR_IDS].sort());
  expect(scoped("template")).toEqual([...TEMPLATE_IDS].sort());
  expect(scoped("rollup")).toEqual([...ROLLUP_IDS].sort());
  expect(scoped("link")).toEqual([...LINK_IDS].sort());
});

test("rules checked outside runRules have a no-op check and are emitted with the catalogue's ID and severity", () => {
  for (const r of RULES.filter((x) => x.scope !== "sheet")) {
    expect(r.check({} as never)).toEqual([]);
    if (r.scope === "rollup") expect(r.checkRollup).toBeInstanceOf(Function);
    else expect(r.severity).toBe(r.id === "link.cost.mismatch" ? "error" : "warning");
  }
  expect(Object.values(CROSS_YEAR_RULES)).toEqual(CROSS_YEAR_IDS);
  expect(STALE_PIN_RULE).toBe(ruleById("template.pin.stale"));
  expect(INVALID_PROFILE_RULE).toBe(ruleById("template.profile.invalid"));
});

test("project sheets run the project rules, the indicator rules and value.normalized; 施策 sheets none of the project rules", () => {
  const onProjects = RULES.filter((r) => r.checkProject !== undefined).map((r) => r.id).sort();
  const indicatorIds = ISSUE_RULE_IDS.filter((id) => id.startsWith("indicator.")).concat("indicator.name.missing");
  expect(onProjects).toEqual([...PROJECT_RULE_IDS, ...MORE_PROJECT_RULE_IDS, ...indicatorIds, "value.normalized"].sort());
  for (const id of [...PROJECT_RULE_IDS, ...MORE_PROJECT_RULE_IDS]) expect(ruleById(id)!.check({} as never)).toEqual([]);
});

test("per-rule table rows come from the catalogue by scope, each rule once", () => {
  const rows = (ids: string[]) => ids.map((id) => ({ id, severity: "warning" }));
  expect(PROFILE_RULE_ROWS).toEqual(rows(TEMPLATE_IDS));
  expect(CROSS_YEAR_RULE_ROWS).toEqual(rows(CROSS_YEAR_IDS));
  const all = ruleRows(["sheet", "rollup", "link", "cross-year", "template"]);
  expect(all).toHaveLength(RULES.length);
  expect(new Set(all.map((r) => r.id)).size).toBe(RULES.length);
  expect(ruleRows(["sheet"]).map((r) => r.id).sort()).toEqual([...SHEET_RULE_IDS].sort());
  expect(ruleRows([])).toEqual([]);
});

test("severities follow the documented policy", () => {
  const bySeverity = (s: string) => RULES.filter((r) => r.severity === s).map((r) => r.id).sort();
  expect(bySeverity("info")).toEqual([
    "budget.settlement.forecast",
    "evaluation.code.normalized",
    "indicator.rate.undefined",
    "project.cost.settlement-over-budget",
    "project.scale.normalized",
    "sheet.not-evaluation",
    "value.normalized",
  ]);
  expect(bySeverity("warning")).toEqual([
    "budget.plan-deviation",
    "budget.settlement.overrun",
    "budget.year.missing",
    "crossyear.budget.changed",
    "crossyear.code.changed",
    "crossyear.plan.changed",
    "crossyear.project.cost.changed",
    "crossyear.project.plan.changed",
    "crossyear.value.changed",
    "evaluation.code.future",
    "evaluation.letter.implausible",
    "evaluation.new-issues.inconsistent",
    "evaluation.reason.missing",
    "indicator.actual.future",
    "indicator.cumulative.decrease",
    "indicator.direction.unknown",
    "indicator.unit.missing",
    "indicator.year.outside-plan",
    "link.achievement.differs",
    "link.project.missing",
    "link.project.unlisted",
    "link.rollup.differs",
    "project.achievement.implausible",
    "project.cost.negative",
    "project.cost.staff-mismatch",
    "project.cost.unit.missing",
    "project.cost.year.missing",
    "template.pin.stale",
    "template.profile.invalid",
  ]);
  expect(bySeverity("error")).toHaveLength(15 + 10 + ROLLUP_IDS.length + 1);
  expect(ruleById("link.cost.mismatch")?.severity).toBe("error");
  for (const id of ROLLUP_IDS) expect(ruleById(id)?.severity).toBe("error");
  expect(ruleById("indicator.actual.missing")?.severity).toBe("error");
  expect(ruleById("indicator.name.missing")?.severity).toBe("error");
});

test("every rule has Japanese and English title and description", () => {
  for (const r of RULES) {
    for (const text of [r.title, r.description]) {
      expect(text.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(text.en).toMatch(/^[A-Z]/);
    }
  }
});

test("the catalogue version is a dated string, bumped for the project-sheet, roll-up, link and project cross-year rules", () => {
  expect(RULE_CATALOGUE_VERSION).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
  expect(RULE_CATALOGUE_VERSION).toBe("2026.12.2");
});
