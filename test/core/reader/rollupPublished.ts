// Published 施策進行管理・評価票(2) sheets (Kawasaki City), their counts exactly as printed, laid
// out the way the published tables are (the HTML tables' spans as merges). The stored copies
// end inside the project list, so the fixtures stop before it: what they test is that every
// count is read, with its code, and that every block adds up.
//
// 71102000 (2010): https://www.city.kawasaki.jp/170/cmsfiles/contents/0000035/35852/7/71102000-1.html
// 61401000 (2007): https://www.city.kawasaki.jp/170/cmsfiles/contents/0000035/35858/6/61401000-1.html
// 62401000 (2007): https://www.city.kawasaki.jp/170/cmsfiles/contents/0000035/35858/6/62401000-1.html
import type { CellValue, RangeBox, SheetGrid } from "../../../src/core/grid";

function grid(name: string, rows: CellValue[][], merges: RangeBox[]): SheetGrid {
  const width = Math.max(...rows.map((r) => r.length));
  return { name, top: 0, left: 0, values: rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]), merges };
}

const m = (top: number, left: number, bottom: number, right: number): RangeBox => ({ top, left, bottom, right });

/** 2010 series: 達成度 (code | label), 点検結果 (letter | count pairs), 3ヵ年 Ⅰ–Ⅴ in ASCII with the 「当初を下回った」 typo. */
export const published71102000: SheetGrid = grid(
  "71102000-1",
  [
    ["施策進行管理・評価表(2)"],
    ["評価年度:2010年度"],
    [],
    ["達成度", null, "事業数", "うち\n重点"],
    [1, "目標を大きく上回って達成", 0, 0],
    [2, "目標を上回って達成", 0, 0],
    [3, "目標をほぼ達成", 2, 0],
    [4, "目標を下回った", 0, 0],
    [5, "目標を大きく下回った", 0, 0],
    ["合計", null, 2, 0],
    [],
    ["点検結果", "予算・人員等の拡大", null, "予算・人員等の縮減", null, "予算・人員等の現状維持", null, "事業終了\n休止・中止・廃止", null],
    ["事業目標どおり", "A", 0, "B", 1, "C", 1, "D", 0],
    ["事業目標を変更", "E", 0, "F", 0, "G", 0, "H", 0],
    [],
    ["3ヵ年の事業目標に対する達成度", null, "事業数", "うち\n重点"],
    ["I", "当初目標を大きく上回って達成", 0, 0],
    ["II", "当初目標を上回って達成", 0, 0],
    ["III", "当初目標をほぼ達成", 2, 0],
    ["IV", "当初を下回った", 0, 0],
    ["V", "当初目標を大きく下回った", 0, 0],
    ["合計", null, 2, 0],
  ],
  [m(0, 0, 0, 8), m(3, 0, 3, 1), m(9, 0, 9, 1), m(11, 1, 11, 2), m(11, 3, 11, 4), m(11, 5, 11, 6), m(11, 7, 11, 8), m(15, 0, 15, 1), m(21, 0, 21, 1)],
);

/**
 * 2007 series: 達成度 with code and label in one cell; 3ヶ年の総括 side by side (事業の妥当性,
 * 事業の有効性・効率性・経済性, 3ヵ年の事業目標に対する達成状況 Ⅰ–Ⅳ in ASCII), no 合計 under them.
 */
function published2007(name: string, year: string, achievement: number[][], validity: number[][], effectiveness: number[][], threeYear: number[][]): SheetGrid {
  const labels = ["目標を大きく上回って達成", "目標を上回って達成", "目標をほぼ達成", "目標を下回った", "目標を大きく下回った"];
  const assessment = ["5 優る", "4 やや優る", "3 適正", "2 やや劣る", "1 劣る"];
  const status = ["I 当初の目標を上回って達成", "II 当初の目標どおり達成", "III 当初の目標を下回った", "IV 法制度等の改定により比較不能"];
  const sum = (rows: number[][], k: number) => rows.reduce((a, r) => a + r[k], 0);
  return grid(
    name,
    [
      ["施策進行管理・評価表(2)"],
      [`評価年度:${year}`],
      [],
      ["達成度", "事業数", "うち\n重点"],
      ...achievement.map((r, i) => [`${i + 1} ${labels[i]}`, r[0], r[1]]),
      ["合計", sum(achievement, 0), sum(achievement, 1)],
      ["3ヶ年の総括"],
      ["事業の妥当性", null, null, "事業の有効性・効率性・経済性", null, null, "3ヵ年の事業目標に\n対する達成状況", null, null],
      [null, "事業数", "うち重点", null, "事業数", "うち重点", null, "事業数", "うち重点"],
      ...assessment.map((a, i) => [a, validity[i][0], validity[i][1], a, effectiveness[i][0], effectiveness[i][1], ...(i < 4 ? [status[i], threeYear[i][0], threeYear[i][1]] : [])]),
    ],
    [m(0, 0, 0, 8), m(10, 0, 10, 8), m(11, 0, 11, 2), m(11, 3, 11, 5), m(11, 6, 11, 8)],
  );
}

export const published61401000 = published2007(
  "61401000-1",
  "2007年度",
  [[0, 0], [1, 0], [9, 6], [0, 0], [0, 0]],
  [[0, 0], [1, 1], [9, 5], [0, 0], [0, 0]],
  [[0, 0], [1, 0], [9, 6], [0, 0], [0, 0]],
  [[1, 1], [9, 5], [0, 0], [0, 0]],
);

export const published62401000 = published2007(
  "62401000-1",
  "2007年度",
  [[0, 0], [0, 0], [4, 0], [1, 0], [0, 0]],
  [[0, 0], [0, 0], [5, 0], [0, 0], [0, 0]],
  [[0, 0], [0, 0], [5, 0], [0, 0], [0, 0]],
  [[0, 0], [5, 0], [0, 0], [0, 0]],
);
