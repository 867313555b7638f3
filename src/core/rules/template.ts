// Catalogue entries of the template-profile rules. They are about a profile rather than a
// sheet's content: core/profile (stale pins) and core/report (invalid saved profiles) emit
// them and take the IDs and severities from here.

import { catalogueRule } from "./types";

const templateRule = catalogueRule("template");

export const TEMPLATE_CATALOGUE = {
  stalePin: templateRule({
    id: "template.pin.stale",
    severity: "warning",
    title: { ja: "テンプレートの固定位置が合っていない", en: "Template pin no longer fits" },
    description: {
      ja: "テンプレートで固定したセルが空欄・見出しになっている、または範囲に表がないため、その固定位置を使わず見出しから探した値を使いました。",
      en: "A cell pinned by the template profile is now empty or holds a label, or a pinned range holds no table; the pin was not used and the label search result was kept.",
    },
  }),
  profileInvalid: templateRule({
    id: "template.profile.invalid",
    severity: "warning",
    title: { ja: "保存されたテンプレートが正しくない", en: "Saved template profile invalid" },
    description: {
      ja: "ブックに保存されたテンプレートが形式に合わないため使わず、見出しから項目を探しました。",
      en: "The template profile saved in the workbook does not validate; it was not used and fields were found by their labels.",
    },
  }),
} as const;
