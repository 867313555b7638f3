// 評価区分 rules: one code per plan year up to 評価年度, readable, consistent with the
// remaining-issues text and plausible against the indicators.

import { addressOf, type EvaluationCodeEntry, type EvaluationSheet } from "../model";
import { hasTag, isBestValue, isWorstValue, scaleExamples } from "../scales";
import { planYears } from "../summary";
import type { FindingDraft, Rule } from "./types";
import { formatRate } from "../format/number";
import { at, hasText, isBlank, quoted, sheetCell } from "./text";

function codeAt(model: EvaluationSheet, year: number): { entry: EvaluationCodeEntry; index: number } | null {
  const index = model.evaluation.codes.findIndex((c) => c.year.value === year);
  return index >= 0 ? { entry: model.evaluation.codes[index], index } : null;
}

/** The evaluation year's valid code, where the letter and numeral checks start. */
function currentCode(model: EvaluationSheet) {
  const fiscalYear = model.header.fiscalYear.value;
  if (fiscalYear === null) return null;
  const found = codeAt(model, fiscalYear);
  if (!found || found.entry.code.value === null) return null;
  return { entry: found.entry, index: found.index, fiscalYear, code: found.entry.code.value };
}

export const evaluationRules: Rule[] = [
  {
    id: "evaluation.code.missing",
    severity: "error",
    scope: "sheet",
    title: { ja: "評価区分の欠落", en: "Evaluation code missing" },
    description: {
      ja: "評価年度までの計画年度に評価区分がありません。",
      en: "A plan year up to the evaluation year has no evaluation code (評価区分).",
    },
    check: ({ model, scales }) => {
      const examples = scaleExamples(scales.evaluationCode);
      const fiscalYear = model.header.fiscalYear.value;
      if (fiscalYear === null) return [];
      const known = planYears(model);
      const years = known.length ? known : model.evaluation.codes.map((c) => c.year.value).filter((y): y is number => y !== null);
      const out: FindingDraft[] = [];
      for (const year of years.filter((y) => y <= fiscalYear)) {
        const found = codeAt(model, year);
        if (found && !isBlank(found.entry.code)) continue;
        const code = found?.entry.code;
        out.push({
          cell: code ? addressOf(code) : null,
          path: found ? `evaluation.codes[${found.index}].code` : "evaluation.codes",
          message: {
            ja: `${year}年度の評価区分${code ? at(code) : ""}がありません。`,
            en: `There is no evaluation code for ${year}${code && code.cell ? ` ${at(code)}` : ""}.`,
          },
          raw: code?.raw ?? "",
          expected: { ja: `${year}年度の評価区分(${examples.ja})`, en: `a code for ${year} (${examples.en})` },
        });
      }
      return out;
    },
  },
  {
    id: "evaluation.code.invalid",
    severity: "error",
    scope: "sheet",
    title: { ja: "評価区分が読めない", en: "Evaluation code invalid" },
    description: {
      ja: "評価区分が評価区分の尺度(既定: AⅠ〜CⅡ)のどの値としても読めません。",
      en: "An evaluation code cannot be read as a value of the 評価区分 scale (default AⅠ…CⅡ).",
    },
    check: ({ model, scales }) =>
      model.evaluation.codes
        .map((c, i): FindingDraft | null => {
          if (c.code.status !== "invalid") return null;
          const year = c.year.value !== null ? `${c.year.value}` : "";
          return {
            cell: addressOf(c.code),
            path: `evaluation.codes[${i}].code`,
            message: {
              ja: `${year ? `${year}年度の` : ""}評価区分${at(c.code)}「${c.code.raw}」を読めません。`,
              en: `The evaluation code${year ? ` for ${year}` : ""} ${at(c.code)} "${c.code.raw}" cannot be read.`,
            },
            raw: c.code.raw,
            expected: scaleExamples(scales.evaluationCode),
          };
        })
        .filter((d): d is FindingDraft => d !== null),
  },
  {
    id: "evaluation.code.future",
    severity: "warning",
    scope: "sheet",
    title: { ja: "評価年度より後の評価区分", en: "Evaluation code for a future year" },
    description: {
      ja: "評価年度より後の年度に評価区分が入っています。",
      en: "A year after the evaluation year already has an evaluation code.",
    },
    check: ({ model }) => {
      const fiscalYear = model.header.fiscalYear.value;
      if (fiscalYear === null) return [];
      return model.evaluation.codes
        .map((c, i): FindingDraft | null => {
          const year = c.year.value;
          if (year === null || year <= fiscalYear || c.code.value === null) return null;
          return {
            cell: addressOf(c.code),
            path: `evaluation.codes[${i}].code`,
            message: {
              ja: `${year}年度の評価区分${at(c.code)}「${c.code.raw}」は評価年度(${fiscalYear}年度)より後の年度です。`,
              en: `The ${year} evaluation code ${at(c.code)} "${c.code.raw}" is for a year after the evaluation year ${fiscalYear}.`,
            },
            raw: c.code.raw,
            expected: { ja: "評価年度より後は空欄", en: `blank after ${fiscalYear}` },
          };
        })
        .filter((d): d is FindingDraft => d !== null);
    },
  },
  {
    id: "evaluation.code.normalized",
    severity: "info",
    scope: "sheet",
    title: { ja: "評価区分の表記を正規化", en: "Evaluation code normalized" },
    description: {
      ja: "評価区分の表記ゆれ(A2、ＡⅡ、A-Ⅱなど)を正規の表記として読みました。",
      en: "An evaluation code variant (A2, ＡⅡ, A-Ⅱ…) was read as its canonical form.",
    },
    check: ({ model }) =>
      model.evaluation.codes
        .map((c, i): FindingDraft | null => {
          if (c.code.status !== "normalized" || c.code.value === null) return null;
          const year = c.year.value !== null ? `${c.year.value}` : "";
          return {
            cell: addressOf(c.code),
            path: `evaluation.codes[${i}].code`,
            message: {
              ja: `${year ? `${year}年度の` : ""}評価区分${at(c.code)}「${c.code.raw}」を「${c.code.value}」として読みました。`,
              en: `The evaluation code${year ? ` for ${year}` : ""} ${at(c.code)} "${c.code.raw}" was read as "${c.code.value}".`,
            },
            raw: c.code.raw,
            expected: { ja: `「${c.code.value}」`, en: `"${c.code.value}"` },
          };
        })
        .filter((d): d is FindingDraft => d !== null),
  },
  {
    id: "evaluation.new-issues.inconsistent",
    severity: "warning",
    scope: "sheet",
    title: { ja: "新たな課題の有無と記述の不一致", en: "New-issues numeral inconsistent with text" },
    description: {
      ja: "評価年度の評価区分がⅡ(新たな課題等 有)なのに「残された課題,新たな課題」が空欄、またはⅠ(無)なのに記述があります(尺度の値に new-issues / no-new-issues の印があるときに点検)。",
      en: "The evaluation year's code says Ⅱ (new issues exist) while the remaining-issues text is blank, or Ⅰ (none) while it has text (checked when the scale's values carry the new-issues / no-new-issues tags).",
    },
    check: ({ model, scales }) => {
      const current = currentCode(model);
      if (!current) return [];
      const text = model.texts.remainingIssues;
      const scale = scales.evaluationCode;
      const newIssues = hasTag(scale, current.code, "new-issues");
      if (!newIssues && !hasTag(scale, current.code, "no-new-issues")) return [];
      if (newIssues === hasText(text)) return [];
      const codeField = current.entry.code;
      const where = text.cell ? `(${text.cell.address})` : "";
      return [
        {
          cell: addressOf(text) ?? addressOf(codeField),
          path: text.cell ? "texts.remainingIssues" : `evaluation.codes[${current.index}].code`,
          message:
            newIssues
              ? {
                  ja: `${current.fiscalYear}年度の評価区分${at(codeField)}「${current.code}」は新たな課題等「有」(Ⅱ)ですが、残された課題,新たな課題${where}が空欄です。`,
                  en: `The ${current.fiscalYear} code ${at(codeField)} "${current.code}" says new issues exist (Ⅱ) but the remaining-issues text ${where} is blank.`,
                }
              : {
                  ja: `${current.fiscalYear}年度の評価区分${at(codeField)}「${current.code}」は新たな課題等「無」(Ⅰ)ですが、残された課題,新たな課題${where}に記述があります。`,
                  en: `The ${current.fiscalYear} code ${at(codeField)} "${current.code}" says no new issues (Ⅰ) but the remaining-issues text ${where} is filled in.`,
                },
          raw: text.raw,
          expected:
            newIssues
              ? { ja: "新たな課題等の記述、または評価区分Ⅰ", en: "a description of the new issues, or numeral Ⅰ" }
              : { ja: "評価区分Ⅱ、または記述なし", en: "numeral Ⅱ, or no text" },
          related: sheetCell(codeField.cell),
        },
      ];
    },
  },
  {
    id: "evaluation.letter.implausible",
    severity: "warning",
    scope: "sheet",
    title: { ja: "評価区分と指標の乖離", en: "Evaluation letter implausible" },
    description: {
      ja: "評価年度の評価区分がA(尺度の最上位)なのに達成率が低い指標が多い(設定: 割合と下限)、またはC(最下位)なのに全指標が達成しています。",
      en: "The evaluation year's code is A (the scale's best rank) while a large share of indicators is far below plan (settings: share and low rate), or C (its worst) while every rated indicator is achieved.",
    },
    check: ({ model, summary, settings, scales }) => {
      const current = currentCode(model);
      if (!current) return [];
      const rates = summary.indicators
        .map((s) => s.years.find((y) => y.year === current.fiscalYear)?.rate ?? null)
        .filter((r): r is number => r !== null);
      if (rates.length === 0) return [];
      const scale = scales.evaluationCode;
      const low = rates.filter((r) => r < settings.implausibleLowRate).length;
      const codeField = current.entry.code;
      const base = {
        cell: addressOf(codeField),
        path: `evaluation.codes[${current.index}].code`,
        raw: codeField.raw,
      };
      if (isBestValue(scale, current.code) && low / rates.length >= settings.implausibleShare) {
        return [
          {
            ...base,
            message: {
              ja: `${current.fiscalYear}年度の評価区分${at(codeField)}は「${current.code}」(順調に推進)ですが、達成率のある指標${rates.length}件中${low}件が${formatRate(settings.implausibleLowRate)}未満です。`,
              en: `The ${current.fiscalYear} code ${at(codeField)} is "${current.code}" (progressed as planned) but ${low} of ${rates.length} rated indicators ${low === 1 ? "is" : "are"} below ${formatRate(settings.implausibleLowRate)}.`,
            },
            expected: { ja: "指標の達成状況に見合う評価区分(BまたはC)か、その理由", en: "a letter matching the indicators (B or C), or a reason" },
          },
        ];
      }
      if (isWorstValue(scale, current.code) && rates.every((r) => r >= settings.gradeAchieved)) {
        return [
          {
            ...base,
            message: {
              ja: `${current.fiscalYear}年度の評価区分${at(codeField)}は「${current.code}」(推進していない)ですが、達成率のある指標${rates.length}件がすべて達成(${formatRate(settings.gradeAchieved)}以上)です。`,
              en: `The ${current.fiscalYear} code ${at(codeField)} is "${current.code}" (did not progress) but ${rates.length === 1 ? "its one rated indicator is" : `all ${rates.length} rated indicators are`} achieved (${formatRate(settings.gradeAchieved)} or more).`,
            },
            expected: { ja: "指標の達成状況に見合う評価区分(AまたはB)か、その理由", en: "a letter matching the indicators (A or B), or a reason" },
          },
        ];
      }
      return [];
    },
  },
  {
    id: "evaluation.reason.missing",
    severity: "warning",
    scope: "sheet",
    title: { ja: "評価区分の理由がない", en: "Evaluation reason missing" },
    description: {
      ja: "「評価結果及びその評価区分とした理由」が空欄か見つかりません。",
      en: "The reason for the evaluation code (評価結果及びその評価区分とした理由) is blank or not found.",
    },
    check: ({ model }) => {
      const f = model.evaluation.reason;
      if (hasText(f)) return [];
      return [
        {
          cell: addressOf(f),
          path: "evaluation.reason",
          message: f.cell
            ? {
                ja: `評価区分とした理由${at(f)}が${quoted(f.raw).ja}です。`,
                en: `The reason for the evaluation code ${at(f)} is ${quoted(f.raw).en}.`,
              }
            : { ja: "評価区分とした理由が見つかりません。", en: "The reason for the evaluation code was not found." },
          raw: f.raw,
          expected: { ja: "評価結果及びその評価区分とした理由の記述", en: "a reason for the evaluation code" },
        },
      ];
    },
  },
];
