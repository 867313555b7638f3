// Catalogue entries of the link rules. They compare the sheets of one 施策 checked together —
// its 施策進行管理・評価票(1), its (2) and its 事務事業評価シート — so core/link checks them, not
// runRules; it takes the IDs and severities from here.

import { catalogueRule } from "./types";

const linkRule = catalogueRule("link");

export const LINK_CATALOGUE = {
  projectMissing: linkRule({
    id: "link.project.missing",
    severity: "warning",
    title: { ja: "一覧の事務事業のシートがない", en: "Listed project has no sheet" },
    description: {
      ja: "施策の配下の事務事業一覧((1)または(2))にある事務事業の事務事業評価シートが、一緒に点検したシートの中にありません。1つのファイルだけを点検したときは情報として示します。",
      en: "A project listed under the 施策 (in its (1) or (2)) has no 事務事業評価シート among the sheets checked together; information only when a single file was checked.",
    },
  }),
  projectUnlisted: linkRule({
    id: "link.project.unlisted",
    severity: "warning",
    title: { ja: "一覧にない事務事業", en: "Project missing from the list" },
    description: {
      ja: "政策体系でこの施策に属する事務事業評価シートが、施策の配下の事務事業一覧にありません。",
      en: "A 事務事業評価シート whose 政策体系 names this 施策 is not in the 施策's list of projects.",
    },
  }),
  costMismatch: linkRule({
    id: "link.cost.mismatch",
    severity: "error",
    title: { ja: "施策の事業費と事務事業の合計の不一致", en: "Measure cost differs from its projects' sum" },
    description: {
      ja: "施策の事業費(年度・予算/決算/計画事業費ごと)が、配下の事務事業の事業費Aの合計と設定の許容差(既定 0 千円)を超えて違います。配下の事務事業のシートがそろっているときだけ比べます。",
      en: "The 施策's 事業費 for a year and column (budget, settlement, planned) differs from the sum of its projects' 事業費 A by more than the tolerance setting (default 0 千円); compared only when every listed project's sheet was checked.",
    },
  }),
  rollupDiffers: linkRule({
    id: "link.rollup.differs",
    severity: "warning",
    title: { ja: "評価票(2)と事務事業評価シートの不一致", en: "Roll-up differs from the project sheets" },
    description: {
      ja: "評価票(2)に記載された事務事業の達成度(またはその件数)、点検結果の区分が、事務事業評価シートの達成度・方向性区分と一致しません。",
      en: "The 達成度 (or its counts) or the 点検結果 column printed in the roll-up (2) for a project differs from the project sheet's 達成度 or 方向性区分.",
    },
  }),
  achievementDiffers: linkRule({
    id: "link.achievement.differs",
    severity: "warning",
    title: { ja: "一覧の達成状況と事務事業評価シートの不一致", en: "Listed status differs from the project sheet" },
    description: {
      ja: "施策の配下の事務事業一覧に記載された達成状況が、その事務事業評価シートの達成度と一致しません。",
      en: "The status printed for a project in the 施策's list differs from the 達成度 on the project's sheet.",
    },
  }),
} as const;
