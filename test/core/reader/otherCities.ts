// Project sheets in other cities' layouts (PROJECT-SHEETS.md § 3), as grids: labels exactly
// as those forms print them, figures that hold under each city's arithmetic. Illustrative
// projects; the shapes are the point.
import type { CellValue, RangeBox, SheetGrid } from "../../../src/core/grid";

function grid(name: string, values: CellValue[][], merges: RangeBox[] = []): SheetGrid {
  const width = Math.max(...values.map((r) => r.length));
  return { name, top: 0, left: 0, values: values.map((r) => [...r, ...Array(width - r.length).fill(null)]), merges };
}

/**
 * 杉並区 事務事業評価シート: 予算額 / 実績額 / 執行率 per year (the rate column is not a figure
 * column), 常勤職員分 and 上記以外の職員, 特定財源 = ① + ② + ③, 一般財源 = 総事業費 − 特定財源.
 */
export function suginami(): SheetGrid {
  // R3 予算 R3 実績 | R4 予算 R4 実績 | R5 予算 R5 実績
  const cost = [52000, 50120, 53000, 51875, 54000, 53220];
  const staff = [24000, 24000, 24300, 24300, 24600, 24600];
  const other = [3000, 3000, 3100, 3100, 3200, 3200];
  const total = cost.map((c, i) => c + staff[i] + other[i]);
  const charges = [1500, 1480, 1500, 1512, 1600, 1590];
  const grants = [20000, 19800, 20000, 20000, 21000, 20500];
  const subsidies = [800, 800, 900, 880, 900, 900];
  const specific = charges.map((c, i) => c + grants[i] + subsidies[i]);
  const general = total.map((t, i) => t - specific[i]);
  const rate = (i: number): string => `${((cost[i + 1] / cost[i]) * 100).toFixed(1)}%`;
  const line = (label: string, v: number[], withRate = false): CellValue[] => [
    label,
    v[0], v[1], withRate ? rate(0) : null,
    v[2], v[3], withRate ? rate(2) : null,
    v[4], v[5], withRate ? rate(4) : null,
  ];
  return grid(
    "杉並",
    [
      ["令和5年度 事務事業評価シート"],
      ["事業コード", "0304-05", "事務事業名", "地域の見守り活動支援"],
      ["所属", "保健福祉部高齢者在宅支援課"],
      [],
      [null, null, null, null, null, null, null, null, null, "(単位:千円)"],
      ["区分", "令和3年度", null, null, "令和4年度", null, null, "令和5年度"],
      [null, "予算額", "実績額", "執行率", "予算額", "実績額", "執行率", "予算額", "実績額", "執行率"],
      line("事業費", cost, true),
      line("常勤職員分(再任用含)", staff),
      line("上記以外の職員", other),
      line("総事業費(事業費+人件費)", total),
      line("受益者負担分①", charges),
      line("国・都からの補助金②", grants),
      line("その他の補助金等③", subsidies),
      line("特定財源(①+②+③)", specific),
      line("差引：一般財源(総事業費-特定財源)", general),
    ],
    [
      { top: 5, left: 1, bottom: 5, right: 3 },
      { top: 5, left: 4, bottom: 5, right: 6 },
      { top: 5, left: 7, bottom: 5, right: 9 },
    ],
  );
}

export const SUGINAMI_TOTALS = { r3Budget: 52000 + 24000 + 3000, r5Settlement: 53220 + 24600 + 3200 };

/**
 * 北見市: in 円, one column per year (no 予算/決算 header), ①–⑤ with their formulas printed,
 * 人員 in 人工; some figures typed as text, full width and with separators.
 */
export function kitami(): SheetGrid {
  return grid("北見", [
    ["事務事業評価シート"],
    ["事務事業名", "市民活動支援事業", "担当課", "市民活動課"],
    ["事業コード", "２０１０５"],
    [],
    ["(単位:円)", "2021年度", "2022年度", "2023年度"],
    ["①事業費", "１，２３４，５６７", 1310000, "1,402,300"],
    ["②平均職員費", 8100000, 8150000, 8200000],
    ["③人員(人工)", 0.5, "0.5", 0.6],
    ["④職員費(②×③)", 4050000, 4075000, 4920000],
    ["⑤総事業費(①+④)", 5284567, 5385000, 6322300],
  ]);
}

/**
 * 三重県-style cost block with the years down: one row per year and kind (the year written once,
 * merged down), 概算人件費 = 所要時間 × 単価 rounded down to 千円.
 */
export function mie(): SheetGrid {
  // 1,235 h × 4.3 = 5,310.5 → 5,310 (down); 980 h × 4.3 = 4,214 (exact).
  return grid(
    "三重",
    [
      ["令和5年度 事業評価シート"],
      ["事務事業コード", "R05-123", "事務事業名", "観光案内強化事業"],
      ["所属名", "観光局観光振興課"],
      ["達成度", "B"],
      [],
      [null, null, null, null, null, null, "(単位：千円)"],
      ["年度", "区分", "必要概算コスト", "予算額等", "概算人件費", "所要時間(時間)", "人件費単価(千円/時間)"],
      ["令和4年度", "予算", 25310, 20000, 5310, 1235, 4.3],
      [null, "決算", 24124, 19910, 4214, 980, 4.3],
      ["令和5年度", "予算", 27310, 22000, 5310, 1235, 4.3],
      [null, "決算見込", 26214, 22000, 4214, 980, 4.3],
    ],
    [
      { top: 7, left: 0, bottom: 8, right: 0 },
      { top: 9, left: 0, bottom: 10, right: 0 },
    ],
  );
}
