// Header and plan-period rules.

import { addressOf, type Field, type SheetHeader } from "../model";
import type { Rule } from "./types";
import { at, isBlank, missingFieldFindings, quoted } from "./text";

/** Header fields a sheet cannot be filed without. */
const REQUIRED_HEADER: { key: keyof SheetHeader; ja: string; en: string }[] = [
  { key: "fiscalYear", ja: "評価年度", en: "evaluation year (評価年度)" },
  { key: "measureCode", ja: "施策課題の番号", en: "measure code (施策課題)" },
  { key: "measureName", ja: "施策課題名", en: "measure name (施策課題)" },
  { key: "department", ja: "作成課", en: "department (作成課)" },
];

// Years outside this range are typos (2103, 213) rather than real evaluation years.
const PLAUSIBLE_YEARS = { min: 1989, max: 2100 };

export const headerRules: Rule[] = [
  {
    id: "header.field.missing",
    severity: "error",
    scope: "sheet",
    title: { ja: "必須項目の欠落", en: "Required header field missing" },
    description: {
      ja: "評価年度・施策課題(番号と名称)・作成課のいずれかが空欄か見つかりません。",
      en: "The evaluation year, measure code, measure name or department is blank or not found.",
    },
    check: ({ model }) => missingFieldFindings(REQUIRED_HEADER.map(({ key, ja, en }) => ({ path: `header.${key}`, field: model.header[key] as Field<unknown>, ja, en }))),
  },
  {
    id: "header.measure-code.invalid",
    severity: "error",
    scope: "sheet",
    title: { ja: "施策課題番号の形式誤り", en: "Measure code not 8 digits" },
    description: { ja: "施策課題の番号が8桁の数字ではありません。", en: "The measure code is not an 8-digit number." },
    check: ({ model }) => {
      const f = model.header.measureCode;
      if (isBlank(f)) return [];
      if (f.status !== "invalid" && f.value !== null && /^\d{8}$/.test(f.value)) return [];
      const raw = quoted(f.raw || (f.value ?? ""));
      return [
        {
          cell: addressOf(f),
          path: "header.measureCode",
          message: {
            ja: `施策課題の番号${at(f)}${raw.ja}が8桁の数字ではありません。`,
            en: `The measure code ${at(f)} ${raw.en} is not an 8-digit number.`,
          },
          raw: f.raw,
          expected: { ja: "8桁の数字(例: 41303000)", en: "8 digits (e.g. 41303000)" },
        },
      ];
    },
  },
  {
    id: "header.fiscal-year.invalid",
    severity: "error",
    scope: "sheet",
    title: { ja: "評価年度が読めない", en: "Evaluation year unreadable" },
    description: {
      ja: "評価年度が年度として読めないか、ありえない年です。",
      en: "The evaluation year cannot be read as a fiscal year, or is implausible.",
    },
    check: ({ model }) => {
      const f = model.header.fiscalYear;
      if (isBlank(f)) return [];
      const v = f.value;
      if (f.status !== "invalid" && v !== null && v >= PLAUSIBLE_YEARS.min && v <= PLAUSIBLE_YEARS.max) return [];
      const raw = quoted(f.raw);
      return [
        {
          cell: addressOf(f),
          path: "header.fiscalYear",
          message: {
            ja: `評価年度${at(f)}${raw.ja}を年度として読めません。`,
            en: `The evaluation year ${at(f)} ${raw.en} cannot be read as a fiscal year.`,
          },
          raw: f.raw,
          expected: { ja: "2013年度・H25・平成25年度などの年度", en: "a fiscal year such as 2013年度, H25 or 平成25年度" },
        },
      ];
    },
  },
  {
    id: "plan.period.missing",
    severity: "error",
    scope: "sheet",
    title: { ja: "計画期間が読めない", en: "Plan period missing" },
    description: {
      ja: "実行計画の期間(開始・終了年度)が見つからないか読めません。年度ごとの点検ができません。",
      en: "The plan period (first and last fiscal year) is missing or unreadable; per-year checks cannot run.",
    },
    check: ({ model }) => {
      const { label, from, to } = model.plan;
      const reversed = from.value !== null && to.value !== null && to.value < from.value;
      if (from.value !== null && to.value !== null && !reversed) return [];
      const where = label.cell ? label : from.cell ? from : to;
      const raw = quoted(label.raw);
      return [
        {
          cell: addressOf(where),
          path: label.cell || !from.cell ? "plan.label" : "plan.from",
          message: label.cell
            ? {
                ja: `実行計画の見出し${at(label)}${raw.ja}から計画期間(開始・終了年度)を読み取れません。`,
                en: `No plan period (first and last year) can be read from the plan heading ${at(label)} ${raw.en}.`,
              }
            : { ja: "実行計画の計画期間が見つかりません。", en: "The plan period was not found." },
          raw: label.raw,
          expected: {
            ja: "第3期実行計画(2011(H23)〜2013(H25)年度)のような期間",
            en: "a period such as 第3期実行計画(2011(H23)〜2013(H25)年度)",
          },
        },
      ];
    },
  },
];
