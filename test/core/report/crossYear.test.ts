import { checkSheet } from "../../../src/core/engine";
import { buildTemplateShow, formatTemplateShow, withCrossYearFindings, withInvalidProfileFinding, type FileResult } from "../../../src/core/report";
import { renderSheet } from "../../../src/samples/layout";
import { sample41303000 } from "../../../src/samples/sample41303000";
import type { MeasureData } from "../../../src/samples/measureData";

function book(data: MeasureData, path: string): FileResult {
  const index = { grid: { name: "目次", top: 0, left: 0, values: [["目次"]], merges: [] } };
  return { path, sha256: null, error: null, sheets: [checkSheet(index.grid), checkSheet(renderSheet(data, "41303000").grid)] };
}

function restated2012(): MeasureData {
  const d: MeasureData = JSON.parse(JSON.stringify(sample41303000));
  d.fiscalYear = "2012年度";
  d.evaluation.codes = ["AⅡ", "AⅡ", null];
  for (const ind of d.indicators) for (const row of ind.rows) if (row.year === 2013) row.actual = null;
  d.indicators[0].rows[2].actual = 410;
  d.budget[0].settlement = 38000; // 2011 closed-year settlement restated too
  return d;
}

describe("withCrossYearFindings", () => {
  const files = [book(sample41303000, "b/2013.xlsx"), book(restated2012(), "a/2012.xlsx")];
  const before = JSON.stringify(files);
  const out = withCrossYearFindings(files);

  it("adds the findings to the later file's evaluation sheet and recounts it", () => {
    const later = out[0].sheets[1];
    expect(later.findings.filter((f) => f.rule.startsWith("crossyear.")).map((f) => [f.rule, f.cell, f.related])).toEqual([
      ["crossyear.value.changed", "C34", ["a/2012.xlsx 41303000!C34"]],
      ["crossyear.budget.changed", "C41", ["a/2012.xlsx 41303000!C41"]],
    ]);
    expect(renderSheet(sample41303000, "41303000").cellOf["budget[0].settlement"]).toBe("C41");
    expect(later.counts).toEqual({ error: 0, warning: 6, info: 1 });
    // The finding as the report gets it: no `file` key (the file is where it sits).
    expect(Object.keys(later.findings[later.findings.length - 1])).not.toContain("file");
  });

  it("leaves the earlier file, other sheets and the inputs alone", () => {
    expect(out[1]).toBe(files[1]);
    expect(out[0].sheets[0]).toBe(files[0].sheets[0]);
    expect(JSON.stringify(files)).toBe(before);
    expect(withCrossYearFindings([files[0]])).toEqual([files[0]]);
  });
});

describe("withInvalidProfileFinding", () => {
  it("puts one warning on the first sheet, recounted", () => {
    const sheets = book(sample41303000, "x.xlsx").sheets;
    const out = withInvalidProfileFinding(sheets, ["name: expected a non-empty string", "version: expected a whole number ≥ 1"]);
    expect(out[0].findings.map((f) => [f.rule, f.severity, f.sheet, f.cell])).toEqual([
      ["template.profile.invalid", "warning", "目次", null],
      ["sheet.not-evaluation", "info", "目次", "A1"],
    ]);
    expect(out[0].findings[0].message.en).toBe(
      "The template profile saved in this workbook is invalid and was not used; fields were found by their labels: name: expected a non-empty string; version: expected a whole number ≥ 1",
    );
    expect(out[0].counts).toEqual({ error: 0, warning: 1, info: 1 });
    expect(out[1]).toBe(sheets[1]);
    expect(withInvalidProfileFinding([], ["x"])).toEqual([]);
  });
});

describe("template show of a workbook with a non-evaluation sheet", () => {
  const file = book(sample41303000, "x.xlsx");
  const show = buildTemplateShow({ toolName: "hyoka", toolVersion: "0.1.0", file: "x.xlsx", sha256: null, language: "en", profile: null, sheets: file.sheets });
  it("lists the other sheet without sections and the evaluation sheet's sections in English", () => {
    expect(show.sheets.map((s) => [s.sheet, s.kind, s.sections.length])).toEqual([
      ["目次", "other", 0],
      ["41303000", "evaluation", 10],
    ]);
    expect(show.sheets[1].sections.map((s) => s.title)).toEqual([
      "Basic information", "Plan", "Results", "Evaluation", "Indicator ①", "Indicator ②", "Indicator ③", "Budget", "Projects", "Glossary",
    ]);
    const text = formatTemplateShow(show, "text");
    expect(text).toContain('Sheet "目次" — not an evaluation sheet\n\nSheet "41303000"\n  Basic information\n    Title: A1  "施策進行管理・評価票(1)"\n');
    // Long texts cut at 30 characters in the terminal, line breaks shown as ⏎.
    expect(text).toContain('    Issues to solve: B10  "●地球温暖化などの環境問題に国境はなく、地球規模での環境改善…"\n');
  });
});
