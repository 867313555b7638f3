// A 事務事業評価シート of Kawasaki's 令和6年度 series, laid out as published (PROJECT-SHEETS.md
// § 2): R4–R7 across, merged year headers over 予算額 / 決算額 / 計画事業費 / 決算額(見込）,
// letter-spaced 政       策 levels, `-` for blanks, 人件費 = 人工 × the year's cost per 人工
// (R4 8,424 · R5 8,525 · R6 8,594 千円). It carries the real ±1 rounding case: 8.25 人工 ×
// 8,594 = 70,900.5 is printed 70,900 while 総コスト used 70,901, in the three R6 columns. The
// project itself (name, code, figures) is illustrative.

import type { Entry } from "./measureData";
import { KAWASAKI_STAFF_NOTE, kawasakiYears, type ProjectData } from "./projectData";

/** R4 予算 決算 | R5 計画 予算 決算 | R6 計画 予算 決算(見込) | R7 計画 予算 決算. */
const COST: Entry[] = [45210, 43876, 46000, 45880, 47120, 47500, 48300, 47950, 48000, 48600, null];
const STAFF: Entry[] = [67392, 67392, 68200, 68200, 68200, 70900, 70900, 70900, 0, 0, null];
/** 総コスト: A + B, except R6 where 70,901 was added for 人件費 (70,900.5 rounded up). */
const TOTAL: Entry[] = [112602, 111268, 114200, 114080, 115320, 118401, 119201, 118851, 48000, 48600, null];
/** Under 予算額 and 計画事業費 only. */
const NATIONAL: Entry[] = [15000, null, 15000, 15000, null, 15500, 15500, null, 15500, 15500, null];
const BONDS: Entry[] = ["-", null, "-", "-", null, "-", "-", null, "-", "-", null];
const OTHER: Entry[] = [1210, null, 1300, 1280, null, 1300, 1300, null, 1300, 1300, null];
const GENERAL: Entry[] = [29000, null, 29700, 29600, null, 30700, 31500, null, 31200, 31800, null];
const STAFF_YEARS: Entry[] = [8, null, 8, 8, null, 8.25, 8.25, null, 8.25, 8.25, null];

export const kawasakiR6: ProjectData = {
  title: "令和6年度 事務事業評価シート",
  projectCode: "10101010",
  projectName: "地域防災力向上事業",
  listed: "有",
  organizationCode: "010300",
  department: "危機管理本部危機管理部",
  implementation: "直営・委託",
  basis: "災害対策基本法、川崎市地域防災計画",
  period: "R4年度～",
  policy: [
    { label: "政       策", value: "1-1 災害から生命を守る" },
    { label: "施       策", value: "1-1-1 減災対策の推進" },
    { label: "直接目標", value: "地域の防災力が向上している" },
  ],
  texts: {
    target: "市民、自主防災組織",
    purpose: "自主防災組織の活動を支援し、地域の防災力を向上させる。",
    content: "防災訓練の実施支援、防災資器材の助成、防災リーダーの養成。",
    results: "自主防災組織の訓練を支援し、防災リーダーを養成した。",
  },
  unitNote: "（単位：千円）",
  years: kawasakiYears(["R4年度", "R5年度", "R6年度", "R7年度"], 2),
  rows: [
    { id: "projectCost", label: "事業費 A", values: COST },
    { id: "national", label: "国庫支出金", group: "財源内訳", values: NATIONAL },
    { id: "bonds", label: "市債", group: "財源内訳", values: BONDS },
    { id: "otherFunding", label: "その他特財", group: "財源内訳", values: OTHER },
    { id: "general", label: "一般財源", group: "財源内訳", values: GENERAL },
    { id: "staffCost", label: "人件費 ※ B", values: STAFF },
    { id: "totalCost", label: "総コスト", values: TOTAL },
    { id: "staffYears", label: "人工", values: STAFF_YEARS },
  ],
  staffNote: KAWASAKI_STAFF_NOTE,
  indicators: [
    {
      kind: "活動指標",
      name: "防災訓練の支援回数",
      unit: "回",
      direction: "大きいほどよい",
      base: 120,
      years: ["R4年度", "R5年度", "R6年度", "R7年度"],
      targets: [130, 140, 150, 160],
      actuals: [135, 142, 149, null],
    },
    {
      kind: "成果指標",
      name: "自主防災組織の訓練参加者数",
      unit: "人",
      direction: "大きいほどよい",
      base: 9800,
      years: ["R4年度", "R5年度", "R6年度", "R7年度"],
      targets: [10000, 10500, 11000, 11500],
      actuals: [10210, 10480, 10950, null],
    },
  ],
  achievement: 3,
  direction: "Ⅱ",
};
