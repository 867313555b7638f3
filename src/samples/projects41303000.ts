// The four 事務事業 of 施策 41303000 (環境技術を活かした国際貢献, evaluation year 2013) as
// 事務事業評価シート in Kawasaki's layout. The names, departments and the 施策's figures are the
// published ones; each project's split is illustrative, chosen so that 事業費 A adds up, per
// year and column, to the 施策 sheet's 事業費合計 (2011 予算 43,769 決算 38,182; 2012 計画 39,173
// 予算 37,355 決算 34,473; 2013 計画 38,802 予算 21,959 決算見込 21,165), with 人件費 = 人工 × the
// year's cost per 人工, 総コスト = A + B and 財源内訳 adding up to A under 予算額 and 計画事業費.

import type { Entry } from "./measureData";
import { KAWASAKI_STAFF_NOTE, kawasakiYears, type ProjectCostRowData, type ProjectData, type ProjectIndicatorData } from "./projectData";

/** Column order: 2011 予算 決算 | 2012 計画 予算 決算 | 2013 計画 予算 決算見込 | 2014 計画 予算 決算. */
export const COLUMNS_2011_2014 = [
  { year: 2011, kind: "budget" },
  { year: 2011, kind: "settlement" },
  { year: 2012, kind: "plan" },
  { year: 2012, kind: "budget" },
  { year: 2012, kind: "settlement" },
  { year: 2013, kind: "plan" },
  { year: 2013, kind: "budget" },
  { year: 2013, kind: "settlement" },
  { year: 2014, kind: "plan" },
  { year: 2014, kind: "budget" },
  { year: 2014, kind: "settlement" },
] as const;

/** Cost per 人工 (千円) used for the 人件費 of these samples. */
export const UNIT_COST_2011_2014: Record<number, number> = { 2011: 8340, 2012: 8310, 2013: 8290, 2014: 8290 };

interface ProjectFigures {
  /** 事業費 A per column (null: blank, the 2014 settlement). */
  cost: (number | null)[];
  /** 人工 per year. */
  staffYears: Record<number, number>;
  /** 国庫支出金 / 市債 / その他特財 per column where funding is printed (予算額, 計画事業費); 0 prints as -. */
  national: number[];
  bonds: number[];
  other: number[];
}

const dash = (n: number): Entry => (n === 0 ? "-" : n);

/** The Kawasaki rows of one project: funding and 人工 under 予算額 and 計画事業費 only; 人件費 and 総コスト wherever 事業費 is printed. */
export function kawasakiRows(figures: ProjectFigures, unitCost: Record<number, number>): ProjectCostRowData[] {
  const funded = COLUMNS_2011_2014.map((c) => c.kind !== "settlement");
  let f = 0;
  const fundingIndex = funded.map((yes) => (yes ? f++ : -1));
  const staff = COLUMNS_2011_2014.map((c, i) => (figures.cost[i] === null ? null : Math.round(figures.staffYears[c.year] * unitCost[c.year])));
  const funding = (pick: (i: number) => number): Entry[] => COLUMNS_2011_2014.map((_, i) => (funded[i] ? dash(pick(fundingIndex[i])) : null));
  const general = (i: number): number => (figures.cost[i] as number) - figures.national[fundingIndex[i]] - figures.bonds[fundingIndex[i]] - figures.other[fundingIndex[i]];
  return [
    { id: "projectCost", label: "事業費 A", values: figures.cost },
    { id: "national", label: "国庫支出金", group: "財源内訳", values: funding((k) => figures.national[k]) },
    { id: "bonds", label: "市債", group: "財源内訳", values: funding((k) => figures.bonds[k]) },
    { id: "otherFunding", label: "その他特財", group: "財源内訳", values: funding((k) => figures.other[k]) },
    { id: "general", label: "一般財源", group: "財源内訳", values: COLUMNS_2011_2014.map((_, i) => (funded[i] ? dash(general(i)) : null)) },
    { id: "staffCost", label: "人件費 ※ B", values: staff },
    { id: "totalCost", label: "総コスト (A+B)", values: COLUMNS_2011_2014.map((_, i) => (figures.cost[i] === null ? null : (figures.cost[i] as number) + (staff[i] as number))) },
    { id: "staffYears", label: "人工", values: COLUMNS_2011_2014.map((c, i) => (funded[i] ? figures.staffYears[c.year] : null)) },
  ];
}

const YEAR_HEADERS: Entry[] = ["H23年度", "H24年度", "H25年度", "H26年度"];
const INDICATOR_YEARS: Entry[] = ["H23年度", "H24年度", "H25年度", "H26年度"];

const POLICY = [
  { label: "基 本 政 策", value: "4 環境を守り自然と調和したまちづくり" },
  { label: "政策の基本方向", value: "4-1 環境に配慮し循環型のしくみをつくる" },
  { label: "基 本 施 策", value: "4-1-3 環境配慮型社会の形成に向けた取組" },
  { label: "施 策 課 題", value: "41303000 環境技術を活かした国際貢献" },
];

function project(
  code: string,
  name: string,
  department: string,
  organizationCode: string,
  texts: ProjectData["texts"],
  figures: ProjectFigures,
  indicators: ProjectIndicatorData[],
  achievement: Entry,
  direction: Entry,
): ProjectData {
  return {
    title: "平成25年度 事務事業評価シート",
    projectCode: code,
    projectName: name,
    listed: "有",
    organizationCode,
    department,
    implementation: "直営",
    basis: "川崎市環境基本条例",
    period: "H23年度～",
    policy: POLICY,
    texts,
    unitNote: "（単位：千円）",
    years: kawasakiYears(YEAR_HEADERS, 2),
    rows: kawasakiRows(figures, UNIT_COST_2011_2014),
    staffNote: KAWASAKI_STAFF_NOTE,
    indicators,
    achievement,
    direction,
  };
}

export const projects41303000: ProjectData[] = [
  project(
    "41303010",
    "国際環境施策推進事業",
    "環境局地球環境推進室",
    "160300",
    {
      target: "アジア諸国の都市、国連環境計画(UNEP)、市内事業者",
      purpose: "本市の環境技術と取組を国際的に発信し、環境技術を活かした国際貢献を進める。",
      content: "UNEPと連携したアジア・太平洋エコビジネスフォーラムの開催、海外からの研修・視察の受入。",
      results: "第10回アジア・太平洋エコビジネスフォーラムを開催し、延べ338人が参加した。",
    },
    {
      cost: [12480, 11205, 12100, 11860, 11012, 12300, 9870, 9512, 12500, 10020, null],
      staffYears: { 2011: 2.5, 2012: 2.5, 2013: 2.3, 2014: 2.3 },
      national: [0, 0, 0, 0, 0, 0, 0],
      bonds: [0, 0, 0, 0, 0, 0, 0],
      other: [500, 500, 480, 500, 400, 400, 400],
    },
    [
      { kind: "活動指標", name: "エコビジネスフォーラムの開催回数", unit: "回", direction: "大きいほどよい", base: 1, years: INDICATOR_YEARS, targets: [1, 1, 1, 1], actuals: [1, 1, 1, null] },
      { kind: "成果指標", name: "エコビジネスフォーラムの参加者数", unit: "人", direction: "大きいほどよい", base: 300, years: INDICATOR_YEARS, targets: [320, 330, 340, 350], actuals: [336, 312, 338, null] },
    ],
    3,
    "Ⅱ",
  ),
  project(
    "41303020",
    "環境総合研究推進事業",
    "環境局環境総合研究所",
    "160500",
    {
      target: "アジア諸国の研究機関、研修生",
      purpose: "環境総合研究所の研究成果を活かし、環境技術の国際展開を進める。",
      content: "環境技術の移転を目指した研修講義の実施、瀋陽市との環境技術交流。",
      results: "瀋陽市環境技術研修生2人を1ヶ月間受け入れ、研修講義を65回実施した。",
    },
    {
      cost: [18306, 15930, 15400, 14735, 13588, 14900, 3420, 3301, 3600, 3550, null],
      staffYears: { 2011: 1.8, 2012: 1.6, 2013: 0.6, 2014: 0.6 },
      national: [4000, 3500, 3000, 3000, 0, 0, 0],
      bonds: [5000, 4000, 3800, 4000, 0, 0, 0],
      other: [1250, 1200, 1100, 1200, 300, 300, 300],
    },
    [{ kind: "成果指標", name: "環境技術の国際展開を目指した研修講義数", unit: "回", direction: "大きいほどよい", base: 37, years: INDICATOR_YEARS, targets: [3, 50, 40, 40], actuals: [9, 50, 65, null] }],
    2,
    "Ⅱ",
  ),
  project(
    "41303030",
    "国際環境産業推進事業",
    "経済労働局国際経済推進室",
    "140800",
    {
      target: "市内環境関連企業、海外の行政機関・企業",
      purpose: "市内環境産業の国内外への情報発信と国際的ビジネスマッチングを進める。",
      content: "川崎国際環境技術展の開催、出展企業の海外展開支援。",
      results: "過去最大の157団体237ブースが出展し、約4,500人が来場した。",
    },
    {
      cost: [9871, 8954, 9200, 8640, 8105, 9050, 7214, 6980, 7300, 7400, null],
      staffYears: { 2011: 1.2, 2012: 1.2, 2013: 1, 2014: 1 },
      national: [0, 0, 0, 0, 0, 0, 0],
      bonds: [0, 0, 0, 0, 0, 0, 0],
      other: [3200, 3300, 3100, 3300, 3000, 3000, 3100],
    },
    [
      { kind: "成果指標", name: "川崎国際環境技術展の出展者数", unit: "団体", direction: "大きいほどよい", base: 120, years: INDICATOR_YEARS, targets: [130, 140, 150, 160], actuals: [133, 146, 157, null] },
      { kind: "活動指標", name: "海外展開に向けた企業ヒアリング数", unit: "社", direction: "大きいほどよい", base: 0, years: INDICATOR_YEARS, targets: [5, 8, 8, 10], actuals: [6, 8, 7, null] },
    ],
    3,
    "Ⅰ",
  ),
  project(
    "41303040",
    "アジア起業家誘致交流促進事業",
    "経済労働局国際経済推進室",
    "140800",
    {
      target: "アジアの起業家、市内事業者",
      purpose: "アジアの起業家を誘致し、市内企業との交流を促す。",
      content: "起業家向けの情報提供と市内企業との交流会の開催。",
      results: "交流会を1回開催し、起業家1社の誘致につながった。",
    },
    {
      cost: [3112, 2093, 2473, 2120, 1768, 2552, 1455, 1372, 1500, 1480, null],
      staffYears: { 2011: 0.4, 2012: 0.4, 2013: 0.3, 2014: 0.3 },
      national: [0, 0, 0, 0, 0, 0, 0],
      bonds: [0, 0, 0, 0, 0, 0, 0],
      other: [0, 0, 0, 0, 0, 0, 0],
    },
    [{ kind: "成果指標", name: "アジア起業家の誘致件数", unit: "件", direction: "大きいほどよい", base: 0, years: INDICATOR_YEARS, targets: [3, 3, 3, 3], actuals: [2, 1, 1, null] }],
    4,
    "Ⅳ",
  ),
];
