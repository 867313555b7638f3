import { checkSheet } from "../../../src/core/engine";
import { localizeNote, matchScale, parseEvaluationCode, parseScaleValue } from "../../../src/core/normalize";
import { parseProfile } from "../../../src/core/profile";
import {
  badnessOf,
  DEFAULT_SCALES,
  describeValue,
  hasTag,
  isBestValue,
  isWorstValue,
  parseScaleChoices,
  resolveScales,
  resourceTagOf,
  SCALE_ROLES,
  scaleExamples,
  SHIPPED_SCALES,
  type Scale,
} from "../../../src/core/scales";
import { renderSheet } from "../../../src/samples/layout";
import { sample41303000 } from "../../../src/samples/sample41303000";
import { evaluationResult } from "../../support/kinds";

const { achievement, direction, evaluationCode } = DEFAULT_SCALES;

describe("the shipped scale catalogue", () => {
  test("every role has a default, and every shipped definition validates as a profile's would", () => {
    for (const role of SCALE_ROLES) expect(DEFAULT_SCALES[role]).toBeDefined();
    for (const [id, scale] of Object.entries(SHIPPED_SCALES)) {
      const definition: Partial<Scale> = { ...scale };
      delete definition.id;
      expect({ id, errors: parseScaleChoices({ achievement: definition }).errors }).toEqual({ id, errors: [] });
    }
  });

  test("no spelling of one value reads as another value of the same scale", () => {
    for (const scale of Object.values(SHIPPED_SCALES)) {
      for (const entry of scale.values) {
        for (const text of [entry.value, ...(entry.variants ?? []), ...(scale.match?.labels ? [entry.label.ja] : [])]) {
          expect({ scale: scale.id, text, value: matchScale(scale, text)?.entry.value }).toEqual({ scale: scale.id, text, value: entry.value });
        }
      }
    }
  });

  test("the Kawasaki defaults: 達成度 1–5 (1 best), 方向性区分 Ⅰ–Ⅵ, 評価区分 AⅠ…CⅡ", () => {
    expect(achievement.values.map((v) => v.value)).toEqual(["1", "2", "3", "4", "5"]);
    expect(achievement.better).toBe("first");
    expect(direction.values.map((v) => v.value)).toEqual(["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ"]);
    expect(direction.better).toBeNull();
    expect(evaluationCode.values.map((v) => v.value)).toEqual(["AⅠ", "AⅡ", "BⅠ", "BⅡ", "CⅠ", "CⅡ"]);
    expect(DEFAULT_SCALES.threeYearAchievement.values.map((v) => v.value)).toEqual(["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ"]);
    expect(DEFAULT_SCALES.threeYearStatus.values.map((v) => v.value)).toEqual(["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"]);
    expect(DEFAULT_SCALES.projectAssessment.values.map((v) => v.value)).toEqual(["5", "4", "3", "2", "1"]);
    expect(DEFAULT_SCALES.inspection.values.map((v) => v.value)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H"]);
  });

  test("resource tags: 方向性区分 and 点検結果 columns say the same thing in their own codes", () => {
    expect(["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ"].map((v) => resourceTagOf(direction, v))).toEqual(["maintain", "maintain", "expand", "reduce", "end", "end"]);
    expect(["A", "B", "C", "D", "E", "F", "G", "H"].map((v) => resourceTagOf(DEFAULT_SCALES.inspection, v))).toEqual([
      "expand", "reduce", "maintain", "end", "expand", "reduce", "maintain", "end",
    ]);
    expect(resourceTagOf(SHIPPED_SCALES["direction-words"], "縮小")).toBe("reduce");
    expect(resourceTagOf(achievement, "3")).toBeNull();
  });
});

describe("parseScaleValue", () => {
  test.each<[string, unknown, string, "ok" | "normalized"]>([
    ["achievement-1to5", "3", "3", "ok"],
    ["achievement-1to5", 3, "3", "ok"],
    ["achievement-1to5", " 3 ", "3", "ok"],
    ["achievement-1to5", "３", "3", "normalized"],
    ["achievement-1to5", "3 ほぼ目標どおり達成", "3", "normalized"],
    ["achievement-1to5", "ほぼ目標どおり達成", "3", "normalized"],
    ["achievement-1to5", "２　目標を上回って達成", "2", "normalized"],
    ["direction-roman", "Ⅱ", "Ⅱ", "ok"],
    ["direction-roman", "II", "Ⅱ", "normalized"],
    ["direction-roman", "ii", "Ⅱ", "normalized"],
    ["direction-roman", "ⅱ", "Ⅱ", "normalized"],
    ["direction-roman", "ＩＶ", "Ⅳ", "normalized"],
    ["direction-roman", "Ⅱ 改善しながら継続", "Ⅱ", "normalized"],
    ["direction-roman", "II 改善しながら継続", "Ⅱ", "normalized"],
    ["direction-roman", "事業規模縮小", "Ⅳ", "normalized"],
    ["achievement-marks", "〇", "○", "normalized"],
    ["achievement-sabcd", "ｂ", "B", "normalized"],
    ["direction-words", "現状維持", "継続", "normalized"],
    ["direction-words", "改善・見直しのうえ継続", "改善", "normalized"],
    ["three-year-roman5", "IV 当初を下回った", "Ⅳ", "normalized"],
    ["three-year-roman5", "Ⅳ", "Ⅳ", "ok"],
    // The roll-up (2) as published: labels in their own cells or after the code.
    ["achievement-1to5", "3 目標をほぼ達成", "3", "normalized"],
    ["three-year-roman5", "III", "Ⅲ", "normalized"],
    ["three-year-roman5", "当初目標をほぼ達成", "Ⅲ", "normalized"],
    ["three-year-roman4", "II 当初の目標どおり達成", "Ⅱ", "normalized"],
    ["three-year-roman4", "IV 法制度等の改定により比較不能", "Ⅳ", "normalized"],
    ["assessment-5to1", 5, "5", "ok"],
    ["assessment-5to1", "3 適正", "3", "normalized"],
    ["inspection-a-to-h", "C", "C", "ok"],
    ["inspection-a-to-h", "ｃ", "C", "normalized"],
  ])("%s: %p → %s (%s)", (id, input, value, status) => {
    const parsed = parseScaleValue(SHIPPED_SCALES[id], input as never);
    expect({ value: parsed.value, status: parsed.status }).toEqual({ value, status });
  });

  test.each<[string, unknown]>([
    ["achievement-1to5", "6"],
    ["achievement-1to5", 0],
    ["achievement-1to5", 2.5],
    ["achievement-1to5", "3.0"],
    ["achievement-1to5", "①"],
    ["direction-roman", "2"],
    ["direction-roman", "Ii"],
    ["direction-roman", "VII"],
    ["direction-roman", "Ⅱ Ⅲ"],
    ["evaluation-code", "2"],
    ["inspection-a-to-h", "I"],
    ["three-year-roman4", "V"],
  ])("%s: %p → invalid", (id, input) => {
    expect(parseScaleValue(SHIPPED_SCALES[id], input as never).status).toBe("invalid");
  });

  test("notes name the scale, in both languages; invalid notes list the values", () => {
    const full = parseScaleValue(achievement, "３");
    expect(full).toEqual({ value: "3", raw: "３", status: "normalized", note: "achievement ３ → 3" });
    expect(localizeNote(full.note!)).toEqual({ ja: "達成度「３」を 3 と読みました", en: "achievement ３ → 3" });
    const roman = parseScaleValue(direction, " II ");
    expect(roman.note).toBe("direction class II → Ⅱ");
    expect(localizeNote(roman.note!).ja).toBe("方向性区分「II」を Ⅱ と読みました");
    const bad = parseScaleValue(achievement, "6");
    expect(bad).toEqual({ value: null, raw: "6", status: "invalid", note: "expected one of 1, 2, 3, 4, 5" });
    expect(localizeNote(bad.note!).ja).toBe("1, 2, 3, 4, 5 のいずれかが必要です");
    expect(localizeNote(parseEvaluationCode("D1").note!).ja).toBe("A・B・C に Ⅰ か Ⅱ を続けた評価区分(例: AⅡ)が必要です");
  });

  test("blank, no-value markers and Excel errors are settled as for every field", () => {
    expect(parseScaleValue(achievement, null)).toEqual({ value: null, raw: "", status: "empty" });
    expect(parseScaleValue(achievement, "－")).toEqual({ value: null, raw: "－", status: "no-value" });
    expect(parseScaleValue(achievement, { error: "#N/A" }).status).toBe("invalid");
  });
});

describe("what a value means", () => {
  test("ranks: AⅠ and AⅡ are both the best, CⅠ and CⅡ both the worst; 方向性 has no better end", () => {
    expect(["AⅠ", "AⅡ", "BⅡ", "CⅠ", "CⅡ"].map((v) => badnessOf(evaluationCode, v))).toEqual([0, 0, 1, 2, 2]);
    expect(isBestValue(evaluationCode, "AⅡ")).toBe(true);
    expect(isWorstValue(evaluationCode, "CⅠ")).toBe(true);
    expect(isWorstValue(evaluationCode, "BⅠ")).toBe(false);
    expect(badnessOf(direction, "Ⅱ")).toBeNull();
    expect(isBestValue(achievement, "1")).toBe(true);
    expect(isWorstValue(achievement, "5")).toBe(true);
    expect(isBestValue(DEFAULT_SCALES.projectAssessment, "5")).toBe(true);
  });

  test("tags, examples and labels", () => {
    expect(hasTag(evaluationCode, "AⅡ", "new-issues")).toBe(true);
    expect(hasTag(evaluationCode, "AⅡ", "no-new-issues")).toBe(false);
    expect(hasTag(achievement, "3", "new-issues")).toBe(false);
    expect(scaleExamples(evaluationCode)).toEqual({ ja: "AⅠ・AⅡ・BⅠ・BⅡ・CⅠ・CⅡのいずれか", en: "one of AⅠ, AⅡ, BⅠ, BⅡ, CⅠ, CⅡ" });
    expect(describeValue(achievement, "3")).toEqual({ ja: "3(ほぼ目標どおり達成)", en: "3 (on target)" });
  });
});

describe("a profile replaces a scale", () => {
  test("by id or by definition; mistakes are named", () => {
    const sabcd = resolveScales({ achievement: "achievement-sabcd" });
    expect(sabcd.achievement.id).toBe("achievement-sabcd");
    expect(sabcd.direction).toBe(DEFAULT_SCALES.direction);
    const own = resolveScales({ direction: { name: { ja: "方向性", en: "direction" }, better: null, values: [{ value: "拡充", label: { ja: "拡充", en: "expand" } }, { value: "継続", label: { ja: "継続", en: "continue" } }] } });
    expect(own.direction.values.map((v) => v.value)).toEqual(["拡充", "継続"]);
    expect(parseScaleChoices({ achievment: "achievement-sabcd", direction: "nope", achievement: { name: "x", better: "top", values: [{ value: "1" }] } }).errors).toEqual([
      'scales: unknown role "achievment" (roles: evaluationCode, achievement, direction, threeYearAchievement, threeYearStatus, projectAssessment, inspection)',
      'scales.direction: unknown scale "nope" (shipped: evaluation-code, achievement-1to5, achievement-sabcd, achievement-a-to-e, achievement-marks, achievement-progress, direction-roman, direction-words, three-year-roman5, three-year-roman4, assessment-5to1, inspection-a-to-h)',
      'scales.achievement.name: expected { "ja": "…", "en": "…" }',
      'scales.achievement.better: expected "first", "last" or null',
      "scales.achievement.values: expected an array of at least two values",
    ]);
  });

  test("a 施策 sheet read with the profile's 評価区分 scale: its codes, its best and worst ranks", () => {
    const data = structuredClone(sample41303000);
    data.evaluation.codes = ["S", "a", "AⅡ"];
    const grid = renderSheet(data, "41303000").grid;
    const { profile } = parseProfile({ hyokaProfile: 1, name: "S評価", version: 1, scales: { evaluationCode: "achievement-sabcd" } });
    const result = evaluationResult(checkSheet(grid, { profile: profile! }));
    expect(result.model.evaluation.codes.map((c) => [c.code.value, c.code.status])).toEqual([
      ["S", "ok"],
      ["A", "normalized"],
      [null, "invalid"],
    ]);
    const invalid = result.findings.filter((f) => f.rule === "evaluation.code.invalid");
    expect(invalid.map((f) => f.expected)).toEqual([{ ja: "S・A・B・C・Dのいずれか", en: "one of S, A, B, C, D" }]);
    // The S/A/B/C/D scale marks no value as "new issues": the numeral check does not apply.
    expect(result.findings.some((f) => f.rule === "evaluation.new-issues.inconsistent")).toBe(false);
  });
});
