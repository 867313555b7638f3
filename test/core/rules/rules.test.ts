import type { Finding } from "../../../src/core/findings";
import type { EvaluationSheet, Field } from "../../../src/core/model";
import { notEvaluationFindings, runRules } from "../../../src/core/rules";
import { DEFAULT_SETTINGS, withDefaults, type Settings } from "../../../src/core/settings";
import { summarizeSheet } from "../../../src/core/summary";
import { field, sampleModel, SHEET } from "./fixtures";

function run(model: EvaluationSheet, settings: Settings = DEFAULT_SETTINGS): Finding[] {
  return runRules(model, summarizeSheet(model, settings), settings);
}
function of(rule: string, model: EvaluationSheet, settings?: Settings): Finding[] {
  return run(model, settings).filter((f) => f.rule === rule);
}
const where = (fs: Finding[]) => fs.map((f) => [f.cell, f.path]);

/** The findings every sample-based model carries; tests below look at what a mutation adds. */
const SAMPLE_FINDINGS = [
  ["indicator.unit.missing", "warning", "D42"],
  ["indicator.unit.missing", "warning", "H42"],
  ["indicator.cumulative.decrease", "warning", "C43"],
  ["budget.plan-deviation", "warning", "I50"],
  ["budget.settlement.forecast", "info", "J50"],
  ["value.normalized", "info", "C2"],
  ["value.normalized", "info", "B48"],
  ["value.normalized", "info", "E48"],
  ["value.normalized", "info", "H48"],
];

describe("the 41303000 / 2013 sample", () => {
  const findings = run(sampleModel());

  test("gives exactly the expected findings, no errors", () => {
    expect(findings.map((f) => [f.rule, f.severity, f.cell])).toEqual(SAMPLE_FINDINGS);
    expect(findings.every((f) => f.sheet === SHEET)).toBe(true);
  });

  test("cumulative decrease of ① at 2011's actual, with message, expected and related cell", () => {
    const f = findings.find((x) => x.rule === "indicator.cumulative.decrease")!;
    expect(f).toEqual({
      rule: "indicator.cumulative.decrease",
      severity: "warning",
      sheet: SHEET,
      cell: "C43",
      path: "indicators[0].rows[1].actual",
      message: {
        ja: "参考指標①「海外からの視察受入人数累計数」2011年度の実績値(C43)が前年度(745)より減少しています(273)。累計指標は減少しないはずです。",
        en: 'Indicator ① "海外からの視察受入人数累計数": the 2011 actual value (C43) fell from the year before (745) to 273. A cumulative count should not decrease.',
      },
      raw: "273",
      expected: { ja: "745以上", en: "745 or more" },
      related: [`${SHEET}!C42`],
    });
  });

  test("plan deviation 2013: 21,959 / 38,802 = 56.6%", () => {
    const f = findings.find((x) => x.rule === "budget.plan-deviation")!;
    expect(f.path).toBe("budget[2].budget");
    expect(f.message.ja).toBe("2013年度の予算(I50)21,959が計画事業費(H50)38,802の56.6%で、±20.0%の範囲を外れています。");
    expect(f.message.en).toBe("The budget for 2013 (I50) 21,959 is 56.6% of the planned cost (H50) 38,802, beyond ±20.0%.");
  });

  test("unit missing names the unit cell", () => {
    const f = findings.find((x) => x.rule === "indicator.unit.missing")!;
    expect(f.message.ja).toBe("参考指標①「海外からの視察受入人数累計数」の単位(D42)が空欄です。どの年度にも単位がありません。");
    expect(f.path).toBe("indicators[0].unit");
  });
});

describe("header rules", () => {
  test("header.field.missing: blank department and a measure name not found", () => {
    const m = sampleModel();
    m.header.department = field(null, "J4");
    m.header.measureName = field(null, null);
    const fs = of("header.field.missing", m);
    expect(where(fs)).toEqual([
      [null, "header.measureName"],
      ["J4", "header.department"],
    ]);
    expect(fs[0].severity).toBe("error");
    expect(fs[1].message.ja).toBe("作成課(J4)が空欄です。");
    expect(fs[0].message.en).toBe("The measure name (施策課題) was not found.");
  });

  test("header.measure-code.invalid: 7 digits", () => {
    const m = sampleModel();
    m.header.measureCode = field("4130300", "C4");
    const [f] = of("header.measure-code.invalid", m);
    expect(f.cell).toBe("C4");
    expect(f.message.ja).toBe("施策課題の番号(C4)「4130300」が8桁の数字ではありません。");
    expect(of("header.measure-code.invalid", sampleModel())).toEqual([]);
  });

  test("header.fiscal-year.invalid: unreadable text and an implausible year", () => {
    const m = sampleModel();
    m.header.fiscalYear = field(null, "C2", { raw: "令和元年度?", status: "invalid" });
    expect(where(of("header.fiscal-year.invalid", m))).toEqual([["C2", "header.fiscalYear"]]);
    m.header.fiscalYear = field(213, "C2");
    expect(of("header.fiscal-year.invalid", m)[0].message.en).toBe('The evaluation year (C2) "213" cannot be read as a fiscal year.');
  });

  test("plan.period.missing: heading without years", () => {
    const m = sampleModel();
    m.plan.label = field("実行計画における施策の概要", "A8");
    m.plan.from = field(null, null);
    m.plan.to = field(null, null);
    const [f] = of("plan.period.missing", m);
    expect([f.cell, f.path, f.severity]).toEqual(["A8", "plan.label", "error"]);
    // no per-year rule can run without the period
    expect(of("indicator.year.missing", m)).toEqual([]);
  });
});

describe("indicator rules", () => {
  test("indicator.table.missing: an indicator without rows; no indicators at all", () => {
    const m = sampleModel();
    m.indicators[1].rows = [];
    m.indicators[1].table = null;
    expect(where(of("indicator.table.missing", m))).toEqual([["E36", "indicators[1]"]]);
    m.indicators = [];
    expect(where(of("indicator.table.missing", m))).toEqual([[null, "indicators"]]);
  });

  test("indicator.name.missing: a blank name cell, a name not found, a 「－」; not without a table", () => {
    const m = sampleModel();
    m.indicators[1].name = field<string>(null, "E36");
    m.indicators[2].name = field<string>(null, null);
    expect(of("indicator.name.missing", m)).toEqual([
      {
        rule: "indicator.name.missing",
        severity: "error",
        sheet: SHEET,
        cell: "E36",
        path: "indicators[1].name",
        message: { ja: "参考指標②の参考指標名(E36)が空欄です(表はE41から)。", en: "The name of indicator ② (E36) is blank (its table starts at E41)." },
        raw: "",
        expected: { ja: "参考指標名の記入", en: "an indicator name (参考指標名)" },
      },
      {
        rule: "indicator.name.missing",
        severity: "error",
        sheet: SHEET,
        cell: null,
        path: "indicators[2].name",
        message: { ja: "I41からの表の参考指標③に参考指標名が見つかりません。", en: "Indicator ③, the table starting at I41, has no name (参考指標名)." },
        raw: "",
        expected: { ja: "参考指標名の記入", en: "an indicator name (参考指標名)" },
      },
    ]);
    m.indicators[0].name = field("－", "A36");
    expect(where(of("indicator.name.missing", m))[0]).toEqual(["A36", "indicators[0].name"]);
    // Without a table the indicator is reported once, as indicator.table.missing.
    m.indicators[1].rows = [];
    m.indicators[1].table = null;
    expect(where(of("indicator.name.missing", m))).toEqual([["A36", "indicators[0].name"], [null, "indicators[2].name"]]);
  });

  test("indicator.year.missing: the 2012 row removed from ③", () => {
    const m = sampleModel();
    m.indicators[2].rows.splice(2, 1);
    const fs = of("indicator.year.missing", m);
    expect(fs.map((f) => [f.cell, f.path, f.message.ja])).toEqual([
      ["I41", "indicators[2].rows", "参考指標③「かわさきコンパクトへの参加団体数」の表に2012年度の行がありません。"], // the table's 年度 header
    ]);
  });

  test("indicator.year.duplicate: 2012 twice", () => {
    const m = sampleModel();
    m.indicators[2].rows[3].year = field(2012, "I45");
    const [f] = of("indicator.year.duplicate", m);
    expect([f.cell, f.path, f.related]).toEqual(["I45", "indicators[2].rows[3].year", [`${SHEET}!I44`]]);
    // 2013 is now missing, too
    expect(where(of("indicator.year.missing", m))).toEqual([["I41", "indicators[2].rows"]]);
  });

  test("indicator.year.outside-plan: 2009 before the base year, 2014 after the plan; the base year 2010 is fine", () => {
    const m = sampleModel();
    m.indicators[0].rows[0].year = field(2009, "A42");
    m.indicators[1].rows.push({ year: field(2014, "E46"), plan: field(150, "F46"), actual: field(null, "G46"), unit: field(null, "H46") });
    expect(where(of("indicator.year.outside-plan", m))).toEqual([
      ["A42", "indicators[0].rows[0].year"],
      ["E46", "indicators[1].rows[4].year"],
    ]);
    expect(where(of("indicator.year.outside-plan", sampleModel()))).toEqual([]);
  });

  test("indicator.plan.missing: blank 計画値 in a plan year, not in the base year", () => {
    const m = sampleModel();
    m.indicators[0].rows[2].plan = field(null, "B44", { raw: "－", status: "no-value" });
    m.indicators[0].rows[0].plan = field(null, "B42");
    const fs = of("indicator.plan.missing", m);
    expect(where(fs)).toEqual([["B44", "indicators[0].rows[2].plan"]]);
    expect(fs[0].message.ja).toBe("参考指標①「海外からの視察受入人数累計数」2012年度の計画値(B44)が「－」です。");
  });

  test("indicator.actual.missing: past year blank is an error; the evaluation year marked 集計中 a warning", () => {
    const m = sampleModel();
    m.indicators[1].rows[2].actual = field(null, "G44");
    m.indicators[1].rows[3].actual = field(null, "G45", { raw: "集計中", status: "no-value" });
    const fs = of("indicator.actual.missing", m);
    expect(fs.map((f) => [f.cell, f.severity])).toEqual([
      ["G44", "error"],
      ["G45", "warning"],
    ]);
    expect(fs[0].message.ja).toBe(
      "参考指標②「環境技術の国際展開を目指した研修講義累計数」2012年度の実績値(G44)が空欄です。評価年度(2013年度)までの実績値が必要です。",
    );
    expect(fs[1].message.ja).toBe(
      "参考指標②「環境技術の国際展開を目指した研修講義累計数」評価年度(2013年度)の実績値(G45)が「集計中」のままです。確定したら記入してください。",
    );
  });

  test("indicator.actual.missing: a past year marked 集計中 stays an error; future years are fine blank", () => {
    const m = sampleModel();
    m.indicators[1].rows[2].actual = field(null, "G44", { raw: "集計中", status: "no-value" });
    m.header.fiscalYear = field(2012, "C2");
    m.indicators[0].rows[3].actual = field(null, "C45");
    expect(of("indicator.actual.missing", m).map((f) => [f.cell, f.severity])).toEqual([["G44", "warning"]]);
    m.header.fiscalYear = field(2013, "C2");
    expect(of("indicator.actual.missing", m).map((f) => [f.cell, f.severity])).toEqual([
      ["C45", "error"],
      ["G44", "error"],
    ]);
  });

  test("indicator.actual.future: an actual for a year after 評価年度", () => {
    const m = sampleModel();
    m.header.fiscalYear = field(2012, "C2");
    const fs = of("indicator.actual.future", m);
    expect(where(fs)).toEqual([
      ["C45", "indicators[0].rows[3].actual"],
      ["G45", "indicators[1].rows[3].actual"],
      ["K45", "indicators[2].rows[3].actual"],
    ]);
    expect(fs[0].severity).toBe("warning");
  });

  test("indicator.value.not-numeric: words in 実績値 and 年度", () => {
    const m = sampleModel();
    m.indicators[0].rows[3].actual = field(null, "C45", { raw: "約870", status: "invalid", note: "not a number" });
    m.indicators[2].rows[1].year = field(null, "I43", { raw: "翌年", status: "invalid" });
    const fs = of("indicator.value.not-numeric", m);
    expect(where(fs)).toEqual([
      ["C45", "indicators[0].rows[3].actual"],
      ["I43", "indicators[2].rows[1].year"],
    ]);
    expect(fs[0].message.ja).toBe("参考指標①「海外からの視察受入人数累計数」2013年度の実績値(C45)「約870」を数値として読めません。");
    expect(fs[1].message.en).toBe('Indicator ③ "かわさきコンパクトへの参加団体数": the year (I43) "翌年" is not a number.');
  });

  test("indicator.unit.missing: a unit on one row only is enough", () => {
    const m = sampleModel();
    m.indicators[0].rows[2].unit = field("人", "D44");
    expect(where(of("indicator.unit.missing", m))).toEqual([["H42", "indicators[1].unit"]]);
  });

  test("indicator.direction.unknown: unreadable wording; rates then undefined but not reported per year", () => {
    const m = sampleModel();
    m.indicators[2].direction = field(null, "I40", { raw: "適正であること", status: "invalid" });
    const fs = of("indicator.direction.unknown", m);
    expect(where(fs)).toEqual([["I40", "indicators[2].direction"]]);
    expect(fs[0].message.ja).toBe("参考指標③「かわさきコンパクトへの参加団体数」の指標の方向性(I40)「適正であること」が読めません。達成率を計算できません。");
    expect(of("indicator.rate.undefined", m)).toEqual([]);
  });

  test("indicator.cumulative.decrease: not for a non-cumulative indicator", () => {
    // ③ goes 37 → 36 in 2013, but it is not a cumulative indicator
    expect(of("indicator.cumulative.decrease", sampleModel()).map((f) => f.path)).toEqual(["indicators[0].rows[1].actual"]);
    const m = sampleModel();
    m.indicators[2].cumulative = true;
    expect(where(of("indicator.cumulative.decrease", m))).toEqual([
      ["C43", "indicators[0].rows[1].actual"],
      ["K45", "indicators[2].rows[3].actual"],
    ]);
  });

  test("indicator.rate.undefined: plan 0 at the plan cell, missing actual at the actual cell, info", () => {
    const m = sampleModel();
    m.indicators[2].rows[1].plan = field(0, "J43");
    m.indicators[2].rows[3].actual = field(null, "K45", { raw: "－", status: "no-value" });
    const fs = of("indicator.rate.undefined", m);
    expect(fs.map((f) => [f.cell, f.path, f.severity])).toEqual([
      ["J43", "indicators[2].rows[1].plan", "info"],
      ["K45", "indicators[2].rows[3].actual", "info"],
    ]);
    expect(fs[0].message.ja).toBe("参考指標③「かわさきコンパクトへの参加団体数」2011年度の達成率を計算できません(計画値が0)。計画値(J43): 0、実績値(K43): 36。");
    expect(fs[1].message.en).toBe('Indicator ③ "かわさきコンパクトへの参加団体数": no achievement rate for 2013 (actual missing); plan (J45): 40, actual (K45): -.');
  });
});

describe("evaluation rules", () => {
  test("evaluation.code.missing: blank 2012 code and a missing 2013 entry", () => {
    const m = sampleModel();
    m.evaluation.codes[1].code = field(null, "J16");
    m.evaluation.codes.pop();
    const fs = of("evaluation.code.missing", m);
    expect(where(fs)).toEqual([
      ["J16", "evaluation.codes[1].code"],
      [null, "evaluation.codes"],
    ]);
    expect(fs[0].message.ja).toBe("2012年度の評価区分(J16)がありません。");
  });

  test("evaluation.code.invalid", () => {
    const m = sampleModel();
    m.evaluation.codes[0].code = field(null, "I16", { raw: "A3", status: "invalid" });
    const [f] = of("evaluation.code.invalid", m);
    expect([f.cell, f.path, f.severity, f.message.ja]).toEqual(["I16", "evaluation.codes[0].code", "error", "2011年度の評価区分(I16)「A3」を読めません。"]);
  });

  test("evaluation.code.future: a code for 2013 when 評価年度 is 2012", () => {
    const m = sampleModel();
    m.header.fiscalYear = field(2012, "C2");
    expect(where(of("evaluation.code.future", m))).toEqual([["K16", "evaluation.codes[2].code"]]);
  });

  test("evaluation.code.normalized replaces value.normalized for that cell", () => {
    const m = sampleModel();
    m.evaluation.codes[2].code = field("AⅡ", "K16", { raw: "Ａ２", status: "normalized", note: "code variant" });
    const fs = run(m).filter((f) => f.cell === "K16");
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([["evaluation.code.normalized", "info"]]);
    expect(fs[0].message.ja).toBe("2013年度の評価区分(K16)「Ａ２」を「AⅡ」として読みました。");
  });

  test("evaluation.new-issues.inconsistent: Ⅱ with blank remaining issues, Ⅰ with text", () => {
    const m = sampleModel();
    m.texts.remainingIssues = field(null, "C14");
    const [f] = of("evaluation.new-issues.inconsistent", m);
    expect([f.cell, f.path, f.related]).toEqual(["C14", "texts.remainingIssues", [`${SHEET}!K16`]]);
    expect(f.message.ja).toBe("2013年度の評価区分(K16)「AⅡ」は新たな課題等「有」(Ⅱ)ですが、残された課題,新たな課題(C14)が空欄です。");
    const n = sampleModel();
    n.evaluation.codes[2].code = field("AⅠ", "K16");
    expect(of("evaluation.new-issues.inconsistent", n)[0].message.en).toBe(
      'The 2013 code (K16) "AⅠ" says no new issues (Ⅰ) but the remaining-issues text (C14) is filled in.',
    );
    // only the evaluation year counts
    const o = sampleModel();
    o.evaluation.codes[0].code = field("AⅠ", "I16");
    expect(of("evaluation.new-issues.inconsistent", o)).toEqual([]);
  });

  test("evaluation.letter.implausible: A with half the indicators below 80%", () => {
    const m = sampleModel();
    m.indicators[2].rows[3].actual = field(20, "K45"); // ③ 20/40 = 50%; ① 91.4%, ② 123.8%
    expect(of("evaluation.letter.implausible", m)).toEqual([]); // 1 of 3 < 0.5
    m.indicators[0].rows[3].actual = field(700, "C45"); // ① 73.7%: 2 of 3
    const [f] = of("evaluation.letter.implausible", m);
    expect([f.cell, f.path, f.severity]).toEqual(["K16", "evaluation.codes[2].code", "warning"]);
    expect(f.message.ja).toBe("2013年度の評価区分(K16)は「AⅡ」(順調に推進)ですが、達成率のある指標3件中2件が80.0%未満です。");
    expect(of("evaluation.letter.implausible", m, withDefaults({ implausibleShare: 0.7 }))).toEqual([]);
    // One low indicator of three, share 1/3: "1 of 3 … is below", not "are".
    const n = sampleModel();
    n.indicators[2].rows[3].actual = field(20, "K45");
    expect(of("evaluation.letter.implausible", n, withDefaults({ implausibleShare: 0.3 }))[0].message.en).toBe(
      'The 2013 code (K16) is "AⅡ" (progressed as planned) but 1 of 3 rated indicators is below 80.0%.',
    );
  });

  test("evaluation.letter.implausible: C with every rated indicator achieved", () => {
    const m = sampleModel();
    m.evaluation.codes[2].code = field("CⅡ", "K16");
    expect(of("evaluation.letter.implausible", m)).toEqual([]); // ① and ③ are below 100%
    m.indicators[0].rows[3].actual = field(950, "C45");
    m.indicators[2].rows[3].actual = field(41, "K45");
    expect(of("evaluation.letter.implausible", m)[0].message.en).toBe(
      'The 2013 code (K16) is "CⅡ" (did not progress) but all 3 rated indicators are achieved (100.0% or more).',
    );
    // A single rated indicator: not "all 1 rated indicators are".
    m.indicators = [m.indicators[0]];
    expect(of("evaluation.letter.implausible", m)[0].message.en).toBe(
      'The 2013 code (K16) is "CⅡ" (did not progress) but its one rated indicator is achieved (100.0% or more).',
    );
  });

  test("evaluation.reason.missing", () => {
    const m = sampleModel();
    m.evaluation.reason = field(null, "C15");
    expect(of("evaluation.reason.missing", m).map((f) => [f.cell, f.path, f.message.ja])).toEqual([
      ["C15", "evaluation.reason", "評価区分とした理由(C15)が空欄です。"],
    ]);
  });
});

describe("budget rules", () => {
  test("budget.year.missing: no 2012 column", () => {
    const m = sampleModel();
    m.budget.splice(1, 1);
    expect(of("budget.year.missing", m).map((f) => [f.cell, f.path, f.message.ja])).toEqual([
      ["H48", "budget", "事業費の表に2012年度がありません。"], // 2013's year, where 2012 would go
    ]);
  });

  test("budget.value.not-numeric and budget.value.negative", () => {
    const m = sampleModel();
    m.budget[0].budget = field(null, "C50", { raw: "43,76,9", status: "invalid" });
    m.budget[1].settlement = field(-34473, "G50", { raw: "△34,473", status: "normalized", note: "△ negative" });
    expect(where(of("budget.value.not-numeric", m))).toEqual([["C50", "budget[0].budget"]]);
    const [neg] = of("budget.value.negative", m);
    expect([neg.cell, neg.path, neg.severity]).toEqual(["G50", "budget[1].settlement", "error"]);
    expect(neg.message.ja).toBe("2012年度の決算(G50)「△34,473」が負の値(-34,473)です。");
  });

  test("budget.settlement.overrun, also on a forecast", () => {
    const m = sampleModel();
    m.budget[1].settlement = field(37356, "G50");
    m.budget[2].settlement = field(22000, "J50");
    const fs = of("budget.settlement.overrun", m);
    expect(where(fs)).toEqual([
      ["G50", "budget[1].settlement"],
      ["J50", "budget[2].settlement"],
    ]);
    expect(fs[1].message.ja).toBe("2013年度の決算見込(J50)22,000が予算(I50)21,959を上回っています(執行率100.2%)。");
  });

  test("budget.plan-deviation follows the setting", () => {
    expect(of("budget.plan-deviation", sampleModel(), withDefaults({ budgetPlanDeviation: 0.45 }))).toEqual([]);
    // 2012: 37,355 / 39,173 = 95.4% fires only below a 4.6% tolerance
    expect(where(of("budget.plan-deviation", sampleModel(), withDefaults({ budgetPlanDeviation: 0.04 })))).toEqual([
      ["F50", "budget[1].budget"],
      ["I50", "budget[2].budget"],
    ]);
  });
});

describe("value.normalized", () => {
  test("once per cell, with the note", () => {
    const m = sampleModel();
    m.indicators[0].rows[2].actual = field(428, "C44", { raw: "４２８", status: "normalized", note: "full-width digits" });
    const fs = of("value.normalized", m).filter((f) => f.cell === "C44");
    expect(fs).toHaveLength(1);
    expect(fs[0].path).toBe("indicators[0].rows[2].actual");
    expect(fs[0].message.ja).toBe("セルC44の「４２８」を「428」として読みました(全角数字を半角にしました)。");
    // measure code and name read from one cell: one finding
    const n = sampleModel();
    n.header.measureCode = field("41303000", "C4", { raw: "41303000 環境技術を活かした国際貢献", status: "normalized" });
    n.header.measureName = field("環境技術を活かした国際貢献", "C4", { raw: "41303000 環境技術を活かした国際貢献", status: "normalized" });
    expect(of("value.normalized", n).filter((f) => f.cell === "C4").map((f) => f.path)).toEqual(["header.measureCode"]);
  });

  test("every part of the model is looked at, in model order, with its path; codes left to evaluation.code.normalized", () => {
    const m = sampleModel();
    const normalized = <T,>(value: T, address: string): Field<T> => field<T>(value, address, { raw: `raw ${address}`, status: "normalized" });
    m.header.priority = normalized(true, "Z1");
    m.plan.to = normalized(2013, "Z2");
    m.texts.glossary = normalized("用語", "Z3");
    m.evaluation.reason = normalized("理由", "Z4");
    m.evaluation.codes[1].year = normalized(2012, "Z5");
    m.evaluation.codes[1].code = normalized("AⅡ", "Z6");
    m.indicators[2].direction = normalized("higher", "Z7");
    m.indicators[2].rows[3].unit = normalized("人", "Z8");
    m.projects = [{ name: field("事業", "Z9"), status: normalized("達成", "Z10") }];
    m.header.relatedDepartments = normalized(["環境局", "経済局"], "Z11");
    const found = of("value.normalized", m).filter((f) => f.cell?.startsWith("Z"));
    expect(found.map((f) => [f.cell, f.path])).toEqual([
      ["Z11", "header.relatedDepartments"],
      ["Z1", "header.priority"],
      ["Z2", "plan.to"],
      ["Z3", "texts.glossary"],
      ["Z4", "evaluation.reason"],
      ["Z5", "evaluation.codes[1].year"],
      ["Z7", "indicators[2].direction"],
      ["Z8", "indicators[2].rows[3].unit"],
      ["Z10", "projects[0].status"],
    ]);
    expect(found[0].message.ja).toBe("セルZ11の「raw Z11」を「環境局、経済局」として読みました。");
    expect(of("evaluation.code.normalized", m).map((f) => f.cell)).toEqual(["Z6"]);
  });

  test("an indicator's unit and the row it came from share a cell: reported once, as the indicator's unit", () => {
    const m = sampleModel();
    const unit = field<string>("人", "D44", { raw: "人 ", status: "normalized", note: "trimmed" });
    m.indicators[0].rows[2].unit = unit;
    m.indicators[0].unit = unit;
    expect(where(of("value.normalized", m).filter((f) => f.cell === "D44"))).toEqual([["D44", "indicators[0].unit"]]);
  });
});

test("notEvaluationFindings: one info finding", () => {
  expect(notEvaluationFindings({ kind: "other", sheet: "目次", reason: "no 施策課題 label" })).toEqual([
    {
      rule: "sheet.not-evaluation",
      severity: "info",
      sheet: "目次",
      cell: "A1",
      path: "",
      message: {
        ja: "シート「目次」は評価票・事務事業評価シートではないため点検しませんでした(施策課題の見出しがありません)。",
        en: 'Sheet "目次" is neither an evaluation sheet nor a project sheet and was skipped (no 施策課題 label).',
      },
      expected: { ja: "施策進行管理・評価票、または事務事業評価シート", en: "an evaluation sheet (施策進行管理・評価票) or a project sheet (事務事業評価シート)" },
    },
  ]);
});

test("a bare 「－」 is no reason and no remaining-issues text", () => {
  const m = sampleModel();
  m.evaluation.reason = field("－", "C15");
  m.texts.remainingIssues = field("－", "C14");
  expect(of("evaluation.reason.missing", m).map((f) => [f.cell, f.message.ja])).toEqual([["C15", "評価区分とした理由(C15)が「－」です。"]]);
  expect(where(of("evaluation.new-issues.inconsistent", m))).toEqual([["C14", "texts.remainingIssues"]]);
});
