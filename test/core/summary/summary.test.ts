import { achievementRate, gradeOf, ratio, summarizeSheet } from "../../../src/core/summary";
import { DEFAULT_SETTINGS, withDefaults } from "../../../src/core/settings";
import { field, sampleModel } from "../rules/fixtures";

const D = 12;

describe("summarizeSheet on the 41303000 / 2013 sample", () => {
  const s = summarizeSheet(sampleModel(), DEFAULT_SETTINGS);
  const year = (i: number, y: number) => s.indicators[i].years.find((e) => e.year === y)!;

  test("header figures and the evaluation map", () => {
    expect(s.measureCode).toBe("41303000");
    expect(s.measureName).toBe("環境技術を活かした国際貢献");
    expect(s.department).toBe("環境局地球環境推進室");
    expect(s.fiscalYear).toBe(2013);
    expect(s.planPeriod).toEqual({ from: 2011, to: 2013 });
    expect(s.evaluation).toEqual({ "2011": "AⅡ", "2012": "AⅡ", "2013": "AⅡ" });
  });

  test("indicator ①: 273/250, 428/600 (not), 868/950 (nearly)", () => {
    expect(year(0, 2011).rate).toBeCloseTo(273 / 250, D);
    expect(year(0, 2011).grade).toBe("achieved");
    expect(year(0, 2012).rate).toBeCloseTo(428 / 600, D);
    expect(year(0, 2012).rate).toBeCloseTo(0.713333333333, D);
    expect(year(0, 2012).grade).toBe("not");
    expect(year(0, 2013).rate).toBeCloseTo(868 / 950, D);
    expect(year(0, 2013).grade).toBe("nearly");
    expect(year(0, 2013).cells).toEqual({ year: "A45", plan: "B45", actual: "C45" });
  });

  test("indicator ② 2013 161/130 achieved, ③ 2013 36/40 = 0.9 nearly", () => {
    expect(year(1, 2013).rate).toBeCloseTo(161 / 130, D);
    expect(year(1, 2013).grade).toBe("achieved");
    expect(year(2, 2013).rate).toBeCloseTo(0.9, D);
    expect(year(2, 2013).grade).toBe("nearly");
  });

  test("years[] holds plan years only; the 2010 base row is reported as base with no rate", () => {
    expect(s.indicators[0].years.map((y) => y.year)).toEqual([2011, 2012, 2013]);
    expect(s.indicators[0].base).toEqual({
      year: 2010,
      plan: 745,
      actual: 745,
      rate: null,
      grade: null,
      rateUndefinedReason: "base year (before the plan period)",
      cells: { year: "A42", plan: "B42", actual: "C42" },
    });
  });

  test("progress of cumulative indicators: latest actual ÷ final plan; none for ③", () => {
    expect(s.indicators[0].cumulative).toBe(true);
    expect(s.indicators[0].progress).toBeCloseTo(868 / 950, D);
    expect(s.indicators[1].progress).toBeCloseTo(161 / 130, D);
    expect(s.indicators[2].cumulative).toBe(false);
    expect(s.indicators[2].progress).toBeNull();
    expect(s.indicators.map((i) => i.unit)).toEqual([null, null, "団体"]);
  });

  test("budget: 執行率 and 予算/計画事業費 per year", () => {
    const [y2011, y2012, y2013] = s.budget;
    expect(y2011.executionRate).toBeCloseTo(38182 / 43769, D);
    expect(y2011.executionRate).toBeCloseTo(0.872352578309, D);
    expect(y2011.budgetToPlan).toBeNull(); // no 計画事業費 in the first year
    expect(y2012.budgetToPlan).toBeCloseTo(37355 / 39173, D);
    expect(y2013.budgetToPlan).toBeCloseTo(21959 / 38802, D);
    expect(y2013.executionRate).toBeCloseTo(21165 / 21959, D);
    expect(y2013.settlementIsForecast).toBe(true);
    expect(y2013.cells).toEqual({ planned: "H50", budget: "I50", settlement: "J50" });
  });

  test("only valid codes enter the evaluation map", () => {
    const m = sampleModel();
    m.evaluation.codes[1].code = field(null, "J16", { raw: "A?", status: "invalid" });
    expect(summarizeSheet(m, DEFAULT_SETTINGS).evaluation).toEqual({ "2011": "AⅡ", "2013": "AⅡ" });
  });

  test("progress uses the latest actual up to 評価年度, ignoring a later year's value", () => {
    const m = sampleModel();
    m.header.fiscalYear = field(2012, "C2");
    expect(summarizeSheet(m, DEFAULT_SETTINGS).indicators[0].progress).toBeCloseTo(428 / 950, D);
  });
});

describe("achievementRate", () => {
  const S = DEFAULT_SETTINGS;
  test("higher: actual / plan", () => expect(achievementRate("higher", 40, 36, null, S)).toEqual({ rate: 0.9 }));
  test("lower, inverse (default): plan / actual", () => expect(achievementRate("lower", 80, 100, null, S)).toEqual({ rate: 0.8 }));
  test("lower, two-minus: 2 − actual / plan", () => {
    expect(achievementRate("lower", 80, 100, null, withDefaults({ lowerIsBetter: "two-minus" })).rate).toBeCloseTo(0.75, D);
  });
  test("target: 1 − |actual − plan| / plan, either side", () => {
    expect(achievementRate("target", 50, 45, null, S).rate).toBeCloseTo(0.9, D);
    expect(achievementRate("target", 50, 55, null, S).rate).toBeCloseTo(0.9, D);
  });
  test("change-from-base: (actual − base) / (plan − base), both directions", () => {
    const cfb = withDefaults({ rateBasis: "change-from-base" });
    expect(achievementRate("higher", 250, 273, 200, cfb).rate).toBeCloseTo(73 / 50, D);
    expect(achievementRate("lower", 80, 90, 100, cfb).rate).toBeCloseTo(0.5, D);
    expect(achievementRate("higher", 200, 273, 200, cfb)).toEqual({ rate: null, reason: "planEqualsBase" });
    expect(achievementRate("higher", 250, 273, null, cfb)).toEqual({ rate: null, reason: "baseMissing" });
  });
  test("undefined rates say why", () => {
    expect(achievementRate("higher", 0, 5, null, S)).toEqual({ rate: null, reason: "planZero" });
    expect(achievementRate("higher", null, 5, null, S)).toEqual({ rate: null, reason: "planMissing" });
    expect(achievementRate("higher", 5, null, null, S)).toEqual({ rate: null, reason: "actualMissing" });
    expect(achievementRate("lower", 5, 0, null, S)).toEqual({ rate: null, reason: "actualZero" });
    expect(achievementRate(null, 5, 5, null, S)).toEqual({ rate: null, reason: "directionUnknown" });
    // Found by fuzzing: a denormal plan made the rate Infinity (graded "achieved").
    expect(achievementRate("higher", 5e-324, 273, null, S)).toEqual({ rate: null, reason: "notFinite" });
    expect(achievementRate("lower", 1e308, 0.01, null, S)).toEqual({ rate: null, reason: "notFinite" });
  });
  test("ratio: null for a missing operand, a zero divisor or an overflow", () => {
    expect(ratio(38182, 43769)).toBeCloseTo(0.8723525783, 9);
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(null, 5)).toBeNull();
    expect(ratio(1e308, 1e-10)).toBeNull();
  });
  test("grades from settings on the unrounded rate", () => {
    expect(gradeOf(1, S)).toBe("achieved");
    expect(gradeOf(0.9999999, S)).toBe("nearly");
    expect(gradeOf(0.8, S)).toBe("nearly");
    expect(gradeOf(0.7999999, S)).toBe("not");
    expect(gradeOf(null, S)).toBeNull();
    expect(gradeOf(0.85, withDefaults({ gradeNearly: 0.9 }))).toBe("not");
  });
});

describe("summary of unusual sheets", () => {
  test("change-from-base on the sample uses the 2010 row as 基準", () => {
    const s = summarizeSheet(sampleModel(), withDefaults({ rateBasis: "change-from-base" }));
    // ① 2013: (868 − 745) / (950 − 745)
    expect(s.indicators[0].years[2].rate).toBeCloseTo(123 / 205, D);
    expect(s.indicators[0].years[2].grade).toBe("not");
  });

  test("plan 0 and a missing actual give null rates with reasons", () => {
    const m = sampleModel();
    m.indicators[2].rows[3].plan = field(0, "J45");
    m.indicators[2].rows[2].actual = field(null, "K44", { raw: "－", status: "no-value" });
    const years = summarizeSheet(m, DEFAULT_SETTINGS).indicators[2].years;
    expect(years[2]).toMatchObject({ year: 2013, rate: null, grade: null, rateUndefinedReason: "plan is 0" });
    expect(years[1]).toMatchObject({ year: 2012, rate: null, grade: null, rateUndefinedReason: "actual missing" });
    expect(years[0].rateUndefinedReason).toBeUndefined();
  });

  test("unknown plan period: every row is a year, no base", () => {
    const m = sampleModel();
    m.plan.from = field(null, null);
    m.plan.to = field(null, null);
    const s = summarizeSheet(m, DEFAULT_SETTINGS);
    expect(s.indicators[0].years.map((y) => y.year)).toEqual([2010, 2011, 2012, 2013]);
    expect(s.indicators[0].base).toBeNull();
    expect(s.indicators[0].progress).toBeCloseTo(868 / 950, D); // final plan year = last row
  });
});
