import { directionLabel, gradeLabel, rateReasonLabel, rateUndefinedReasonOf } from "../../../src/core/summary/labels";
import { RATE_UNDEFINED_REASONS } from "../../../src/core/summary/rates";

describe("summary labels", () => {
  it("names each grade in both languages", () => {
    expect([gradeLabel("achieved", "ja"), gradeLabel("nearly", "ja"), gradeLabel("not", "ja")]).toEqual(["達成", "概ね達成", "未達成"]);
    expect([gradeLabel("achieved", "en"), gradeLabel("nearly", "en"), gradeLabel("not", "en")]).toEqual(["achieved", "nearly achieved", "not achieved"]);
  });

  it("names each direction as the sheets write it", () => {
    expect(directionLabel("higher", "ja")).toBe("大きいほどよい");
    expect(directionLabel("lower", "ja")).toBe("小さいほどよい");
    expect(directionLabel("target", "en")).toBe("closer to target is better");
  });

  it("finds a rate's missing reason by the English the summary carries", () => {
    expect(rateUndefinedReasonOf("actual is 0")).toBe(RATE_UNDEFINED_REASONS.actualZero);
    expect(rateUndefinedReasonOf("no such reason")).toBeUndefined();
    expect(rateUndefinedReasonOf(undefined)).toBeUndefined();
    expect(rateReasonLabel("base year value missing", "ja")).toBe("基準年度の値がない");
    expect(rateReasonLabel("base year value missing", "en")).toBe("base year value missing");
    expect(rateReasonLabel("a reason from a newer core", "ja")).toBe("a reason from a newer core");
  });
});
