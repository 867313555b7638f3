// Lays a 施策進行管理・評価票(2) out as a worksheet grid the way the published sheets print it
// (PROJECT-SHEETS.md § 5): the 2010 series (達成度, 点検結果 matrix, 3ヵ年の事業目標に対する達成度 Ⅰ–Ⅴ)
// or the 2007 series (達成度, 3ヶ年の総括 side by side: 事業の妥当性, 事業の有効性・効率性・経済性,
// 3ヵ年の事業目標に対する達成状況 Ⅰ–Ⅳ), then one block per project. Every count is derived
// from the listed projects, so a rendered sheet adds up; `cellOf` records where each value went
// (model path → A1) so that tests and the mistakes samples can change one cell and know its address.

import { fromA1, type CellValue } from "../core/grid";
import { SheetBuilder, type LayoutOptions, type RenderedSheet } from "./layout";

export interface RollupProjectData {
  name: string;
  department: string;
  overview: string;
  /** 達成度 as printed (`3`). */
  achievement: string;
  /** The 3-year class, canonical (`Ⅲ`); printed in ASCII when the layout asks. */
  threeYear: string;
  /** 点検結果 letter (2010 series). */
  inspection?: string;
  /** 事業の妥当性 and 事業の有効性・効率性・経済性, 5–1 (2007 series). */
  validity?: string;
  effectiveness?: string;
  priority: boolean;
}

export interface RollupData {
  series: "2010" | "2007";
  title: string;
  /** As printed, e.g. `2013年度`. */
  fiscalYear: string;
  /** null: no 施策課題 line (the published pages print none; the sheet's name carries the code). */
  measureCode: string | null;
  measureName: string | null;
  /** The plan years of the year grid under each project. */
  planYears: number[];
  projects: RollupProjectData[];
}

export interface RollupLayoutOptions extends Pick<LayoutOptions, "rowOffset" | "colOffset" | "noMerges"> {
  /** Roman numerals typed in ASCII (`III`) instead of Ⅰ–Ⅴ. */
  asciiRoman?: boolean;
  /** Code and label in one cell (`1 目標を大きく上回って達成`, the 2007 pages) instead of two. */
  codeWithLabel?: boolean;
  /** The typo one published sheet prints for Ⅳ: 「当初を下回った」. */
  typo?: boolean;
  /** The projects as one table row each instead of one block each. */
  projectsAsTable?: boolean;
  /** 評価年度 and 施策課題 with their values in the same cell (`評価年度:2013年度`). */
  inlineHeader?: boolean;
}

const ACHIEVEMENT_LABELS = ["目標を大きく上回って達成", "目標を上回って達成", "目標をほぼ達成", "目標を下回った", "目標を大きく下回った"];
const THREE_YEAR_5 = ["当初目標を大きく上回って達成", "当初目標を上回って達成", "当初目標をほぼ達成", "当初目標を下回った", "当初目標を大きく下回った"];
const THREE_YEAR_4 = ["当初の目標を上回って達成", "当初の目標どおり達成", "当初の目標を下回った", "法制度等の改定により比較不能"];
const ASSESSMENT = [
  ["5", "優る"],
  ["4", "やや優る"],
  ["3", "適正"],
  ["2", "やや劣る"],
  ["1", "劣る"],
];
const ROMAN = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ"];
const ASCII_ROMAN: Record<string, string> = { Ⅰ: "I", Ⅱ: "II", Ⅲ: "III", Ⅳ: "IV", Ⅴ: "V" };
const MATRIX_COLUMNS = ["予算・人員等の拡大", "予算・人員等の縮減", "予算・人員等の現状維持", "事業終了\n休止・中止・廃止"];
const MATRIX_ROWS = ["事業目標どおり", "事業目標を変更"];
const LETTERS = ["ABCD", "EFGH"];

/** The grid's last column (0-based): the widest row is the matrix, 1 + 4 × 2. */
const LAST = 8;

interface Block {
  path: string;
  heading: string;
  codes: string[];
  /** Label printed for each code. */
  labels: string[];
  /** Which project value a row counts. */
  of: (p: RollupProjectData) => string | undefined;
  total: boolean;
}

function counts(projects: readonly RollupProjectData[], of: Block["of"], code: string): [number, number] {
  const hits = projects.filter((p) => of(p) === code);
  return [hits.length, hits.filter((p) => p.priority).length];
}

export function renderRollup(data: RollupData, sheetName: string, options: RollupLayoutOptions = {}): RenderedSheet {
  const b = new SheetBuilder(options);
  const roman = (code: string): string => (options.asciiRoman ? (ASCII_ROMAN[code] ?? code) : code);
  let r = 0;

  b.put(r, 0, data.title, "header.title");
  b.merge(r, 0, r, LAST);
  r++;
  const headerPair = (label: string, value: string, path: string, extra?: string) => {
    if (options.inlineHeader) {
      b.put(r, 0, `${label}:${value}`, path);
      if (extra) b.cellOf[extra] = b.cellOf[path];
      b.merge(r, 0, r, 3);
    } else {
      b.put(r, 0, label);
      b.put(r, 1, value, path);
      if (extra) b.cellOf[extra] = b.cellOf[path];
      b.merge(r, 1, r, 3);
    }
    r++;
  };
  headerPair("評価年度", data.fiscalYear, "header.fiscalYear");
  if (data.measureCode !== null) headerPair("施策課題", `${data.measureCode} ${data.measureName ?? ""}`.trim(), "header.measureCode", "header.measureName");
  r++;

  /** A counts block at (r, col): heading over the code columns, 事業数, うち重点, rows, 合計. */
  const block = (block: Block, col: number, headerRows: 1 | 2, codeWithLabel = options.codeWithLabel ?? false): number => {
    const top = r;
    const codeCols = codeWithLabel ? 1 : 2;
    b.put(top, col, block.heading, `${block.path}.name`);
    if (headerRows === 2) {
      b.merge(top, col, top, col + codeCols + 1);
      b.put(top + 1, col + codeCols, "事業数");
      b.put(top + 1, col + codeCols + 1, "うち重点");
    } else {
      b.merge(top, col, top, col + codeCols - 1);
      b.put(top, col + codeCols, "事業数");
      b.put(top, col + codeCols + 1, "うち\n重点");
    }
    let row = top + headerRows;
    block.codes.forEach((code, i) => {
      const printed = roman(code);
      if (codeWithLabel) b.put(row, col, `${printed} ${block.labels[i]}`, `${block.path}.rows[${i}].code`);
      else {
        b.put(row, col, /^\d$/.test(printed) ? Number(printed) : printed, `${block.path}.rows[${i}].code`);
        b.put(row, col + 1, block.labels[i], `${block.path}.rows[${i}].label`);
      }
      const [projects, priority] = counts(data.projects, block.of, code);
      b.put(row, col + codeCols, projects, `${block.path}.rows[${i}].projects`);
      b.put(row, col + codeCols + 1, priority, `${block.path}.rows[${i}].priority`);
      row++;
    });
    if (block.total) {
      b.put(row, col, "合計", `${block.path}.total.label`);
      b.merge(row, col, row, col + codeCols - 1);
      b.put(row, col + codeCols, data.projects.length, `${block.path}.total.projects`);
      b.put(row, col + codeCols + 1, data.projects.filter((p) => p.priority).length, `${block.path}.total.priority`);
      row++;
    }
    return row;
  };

  const achievement: Block = {
    path: "blocks[0]",
    heading: "達成度",
    codes: ["1", "2", "3", "4", "5"],
    labels: ACHIEVEMENT_LABELS,
    of: (p) => p.achievement,
    total: true,
  };
  r = block(achievement, 0, 1) + 1;

  if (data.series === "2010") {
    // 点検結果: a heading row of column names, then letter | count pairs.
    b.put(r, 0, "点検結果", "matrix.label");
    MATRIX_COLUMNS.forEach((name, j) => {
      b.put(r, 1 + 2 * j, name);
      b.merge(r, 1 + 2 * j, r, 2 + 2 * j);
    });
    MATRIX_ROWS.forEach((name, i) => {
      const row = r + 1 + i;
      b.put(row, 0, name);
      [...LETTERS[i]].forEach((letter, j) => {
        const k = i * 4 + j;
        b.put(row, 1 + 2 * j, letter, `matrix.cells[${k}].letter`);
        b.put(row, 2 + 2 * j, data.projects.filter((p) => p.inspection === letter).length, `matrix.cells[${k}].count`);
      });
    });
    r += 4;
    const threeYear: Block = {
      path: "blocks[1]",
      heading: "3ヵ年の事業目標に対する達成度",
      codes: ROMAN,
      labels: THREE_YEAR_5.map((label, i) => (i === 3 && options.typo ? "当初を下回った" : label)),
      of: (p) => p.threeYear,
      total: true,
    };
    r = block(threeYear, 0, 1) + 1;
  } else {
    b.put(r, 0, "3ヶ年の総括");
    b.merge(r, 0, r, LAST);
    r++;
    const assessmentCodes = ASSESSMENT.map(([code]) => code);
    const assessmentLabels = ASSESSMENT.map(([, label]) => label);
    const sideBySide: Block[] = [
      { path: "blocks[1]", heading: "事業の妥当性", codes: assessmentCodes, labels: assessmentLabels, of: (p) => p.validity, total: false },
      { path: "blocks[2]", heading: "事業の有効性・効率性・経済性", codes: assessmentCodes, labels: assessmentLabels, of: (p) => p.effectiveness, total: false },
      { path: "blocks[3]", heading: "3ヵ年の事業目標に対する達成状況", codes: ROMAN.slice(0, 4), labels: THREE_YEAR_4, of: (p) => p.threeYear, total: false },
    ];
    // 2007 prints code and label in one cell: three columns per block.
    const bottom = Math.max(...sideBySide.map((blk, i) => block(blk, i * 3, 2, true)));
    r = bottom + 1;
  }

  b.put(r, 0, "<配下の事務事業一覧>");
  b.merge(r, 0, r, LAST);
  r++;
  if (options.projectsAsTable) renderProjectTable(b, data, r, roman);
  else renderProjectBlocks(b, data, r, roman);
  return { grid: b.grid(sheetName), cellOf: b.cellOf };
}

function renderProjectBlocks(b: SheetBuilder, data: RollupData, top: number, roman: (code: string) => string): void {
  let r = top;
  data.projects.forEach((p, i) => {
    const at = `projects[${i}]`;
    b.put(r, 0, "事務事業名");
    b.put(r, 1, p.name, `${at}.name`);
    b.merge(r, 1, r, 5);
    b.put(r, 6, "所管課");
    b.put(r, 7, p.department, `${at}.department`);
    b.merge(r, 7, r, 8);
    r++;
    b.put(r, 0, "事務事業の概要");
    b.put(r, 1, p.overview, `${at}.overview`);
    b.merge(r, 1, r, 8);
    r++;
    b.put(r, 0, "達成度");
    b.put(r, 1, Number(p.achievement), `${at}.achievement`);
    if (p.priority) b.put(r, 2, "重点", `${at}.priority`);
    if (data.series === "2010") {
      b.put(r, 3, "点検結果");
      b.put(r, 4, p.inspection ?? null, `${at}.inspection`);
      b.put(r, 5, "3ヵ年の事業目標に対する達成度");
      b.merge(r, 5, r, 7);
      b.put(r, 8, roman(p.threeYear), `${at}.threeYear`);
    } else {
      b.put(r, 3, "事業の妥当性");
      b.put(r, 4, p.validity ? Number(p.validity) : null, `${at}.validity`);
      b.put(r, 5, "事業の有効性・効率性・経済性");
      b.put(r, 6, p.effectiveness ? Number(p.effectiveness) : null, `${at}.effectiveness`);
      b.put(r, 7, "3ヵ年の事業目標に対する達成状況");
      b.put(r, 8, roman(p.threeYear), `${at}.threeYear`);
    }
    r++;
    // The year grid: 事業目標 and 実績 per plan year (not read: text only).
    const years = ["現状(計画策定時)", ...data.planYears.map((y) => `${y}年度`), `${data.planYears[data.planYears.length - 1] + 1}年度以降`];
    b.put(r, 0, "年度");
    years.forEach((y, j) => b.put(r, 1 + j, y));
    b.put(r + 1, 0, "事業目標");
    b.put(r + 2, 0, "実績");
    years.forEach((_, j) => {
      b.put(r + 1, 1 + j, "継続実施");
      if (j < years.length - 1) b.put(r + 2, 1 + j, "計画どおり実施");
    });
    r += 3;
  });
}

function renderProjectTable(b: SheetBuilder, data: RollupData, top: number, roman: (code: string) => string): void {
  const headers = ["事務事業名", "所管課", "達成度", data.series === "2010" ? "点検結果" : "事業の妥当性", "3ヵ年の事業目標に対する達成度", "重点"];
  if (data.series === "2007") headers[4] = "3ヵ年の事業目標に対する達成状況";
  headers.forEach((h, j) => b.put(top, j, h));
  data.projects.forEach((p, i) => {
    const row = top + 1 + i;
    const at = `projects[${i}]`;
    const second: CellValue = data.series === "2010" ? (p.inspection ?? null) : p.validity ? Number(p.validity) : null;
    b.put(row, 0, p.name, `${at}.name`);
    b.put(row, 1, p.department, `${at}.department`);
    b.put(row, 2, Number(p.achievement), `${at}.achievement`);
    b.put(row, 3, second, `${at}.${data.series === "2010" ? "inspection" : "validity"}`);
    b.put(row, 4, roman(p.threeYear), `${at}.threeYear`);
    b.put(row, 5, p.priority ? "○" : null, `${at}.priority`);
  });
}

/** Overwrites the value at a recorded model path (a planted mistake); returns its A1 address. */
export function setAt(sheet: RenderedSheet, path: string, value: CellValue): string {
  const address = sheet.cellOf[path];
  if (!address) throw new Error(`no cell recorded for ${path}`);
  const { row, col } = fromA1(address);
  sheet.grid.values[row - sheet.grid.top][col - sheet.grid.left] = value;
  return address;
}
