// Lays ProjectData out as a worksheet the way Kawasaki publishes its 事務事業評価シート (令和
// series: title, header block, 政策体系 with letter-spaced levels, 対象/目的/内容, the 予決算表
// with years across and merged year headers, the ※ note, 実施結果, 成果指標, 達成度 and 方向性区分
// with their printed choices), and records where every value went (`cellOf`). The options give
// the shapes other cities use: years down, no merges, numbers as text or full width, spacing.

import { circled } from "../core/format/number";
import { SheetBuilder, type RenderedSheet } from "./layout";
import type { Entry } from "./measureData";
import {
  columnCount,
  KAWASAKI_ACHIEVEMENT_CHOICES,
  KAWASAKI_DIRECTION_CHOICES,
  type ProjectCostColumnData,
  type ProjectData,
  type ProjectIndicatorData,
} from "./projectData";

export interface ProjectLayoutOptions {
  rowOffset?: number;
  colOffset?: number;
  /** One row per year and column kind, the cost rows as columns (the year merged down over its kinds). */
  costYearsDown?: boolean;
  /** No merged cells at all (a year header then stands over its first column only). */
  noMerges?: boolean;
  /** Numbers written as text: plain, full width, and with separators, in turn. */
  valuesAsText?: boolean;
  /** Labels letter-spaced or broken as printed forms do (`対 象`, `人　工`), as the 施策 layout's labelSpacing. */
  labelSpacing?: boolean;
  /** How the chosen 達成度 / 方向性区分 stands beside the printed choices. */
  choiceStyle?: "value-then-list" | "list-then-value";
  /** Indicator tables with years down (年度 | 目標値 | 実績値 rows) instead of across. */
  indicatorYearsDown?: boolean;
}

const DEFAULT_HEADERS: Record<ProjectCostColumnData["kind"], string> = {
  plan: "計画事業費",
  budget: "予算額",
  settlement: "決算額",
  forecast: "決算額(見込）",
};

const text = (entry: Entry): string => (entry === null ? "" : String(entry));

export function renderProjectSheet(data: ProjectData, sheetName: string, options: ProjectLayoutOptions = {}): RenderedSheet {
  const b = new SheetBuilder(options);
  const columns = columnCount(data.years);
  const last = Math.max(12, 1 + columns);
  let r = 0;

  b.value(r, 0, data.title, "header.title");
  b.merge(r, 0, r, last);
  r += 2;

  // 事務事業コード | code | 事務事業名 | name … | 有/無
  b.label(r, 0, "事務事業コード");
  b.value(r, 1, data.projectCode, "header.projectCode");
  b.label(r, 2, "事務事業名");
  b.value(r, 3, data.projectName, "header.projectName");
  b.merge(r, 3, r, last - 1);
  b.value(r, last, data.listed, "header.listed");
  r++;
  const pairRow = (left: [string, Entry, string], right: [string, Entry, string]): void => {
    b.label(r, 0, left[0]);
    b.value(r, 1, left[1], left[2]);
    b.label(r, 2, right[0]);
    b.value(r, 3, right[1], right[2]);
    b.merge(r, 3, r, last);
    r++;
  };
  pairRow(["組織コード", data.organizationCode, "header.organizationCode"], ["所属名", data.department, "header.department"]);
  pairRow(["実施形態", data.implementation, "header.implementation"], ["実施根拠", data.basis, "header.basis"]);
  pairRow(["実施期間", data.period, "header.period"], ["予決算", "一般会計", "header.accounts"]);

  // 政策体系: the group label down the left, each level letter-spaced as printed.
  const policyTop = r;
  b.put(r, 0, "政策体系");
  data.policy.forEach((level, i) => {
    b.put(r, 1, level.label);
    b.value(r, 2, level.value, `header.policy[${i}]`);
    b.merge(r, 2, r, last);
    r++;
  });
  b.merge(policyTop, 0, r - 1, 0);
  r++;

  const textRow = (label: string, entry: Entry, path: string): void => {
    b.label(r, 0, label);
    b.value(r, 1, entry, path);
    b.merge(r, 1, r, last);
    r++;
  };
  textRow("対象", data.texts.target, "texts.target");
  textRow("目的", data.texts.purpose, "texts.purpose");
  textRow("内容", data.texts.content, "texts.content");
  r++;

  r = options.costYearsDown ? costsDown(b, data, r, last) : costsAcross(b, data, r, last);
  b.value(r, 0, data.staffNote, "costs.note");
  b.merge(r, 0, r, last);
  r += 2;

  textRow("実施結果", data.texts.results, "texts.results");
  r++;

  b.put(r, 0, "成果指標");
  r++;
  data.indicators.forEach((indicator, i) => {
    r = options.indicatorYearsDown ? indicatorDown(b, indicator, i, r, last) : indicatorAcross(b, indicator, i, r, last);
    r++;
  });

  const choiceRow = (label: string, entry: Entry, choices: string, path: string): void => {
    b.label(r, 0, label);
    if (options.choiceStyle === "list-then-value") {
      b.put(r, 1, choices);
      b.merge(r, 1, r, last - 1);
      b.value(r, last, entry, path);
    } else {
      b.value(r, 1, entry, path);
      b.put(r, 2, choices);
      b.merge(r, 2, r, last);
    }
    r++;
  };
  choiceRow("達成度", data.achievement, KAWASAKI_ACHIEVEMENT_CHOICES, "achievement");
  choiceRow("方向性区分", data.direction, KAWASAKI_DIRECTION_CHOICES, "direction");

  return { grid: b.grid(sheetName), cellOf: b.cellOf };
}

/** Years across: merged year headers over their columns, row labels (and 財源内訳) on the left. */
function costsAcross(b: SheetBuilder, data: ProjectData, top: number, last: number): number {
  b.value(top, last, data.unitNote, "costs.unit");
  const head = top + 1;
  b.put(head, 0, "区分");
  b.merge(head, 0, head + 1, 1);
  let col = 2;
  data.years.forEach((year, y) => {
    b.value(head, col, year.year, `costs.years[${y}]`);
    b.merge(head, col, head, col + year.columns.length - 1);
    year.columns.forEach((column, k) => b.put(head + 1, col + k, column.header ?? DEFAULT_HEADERS[column.kind]));
    col += year.columns.length;
  });
  let r = head + 2;
  // A group label (財源内訳) is merged down over its rows.
  const groups = new Map<string, { top: number; bottom: number }>();
  for (const row of data.rows) {
    if (row.group) {
      const span = groups.get(row.group);
      if (span === undefined) {
        groups.set(row.group, { top: r, bottom: r });
        b.put(r, 0, row.group);
      } else span.bottom = r;
      b.label(r, 1, row.label);
    } else {
      b.label(r, 0, row.label);
      b.merge(r, 0, r, 1);
    }
    row.values.forEach((entry, k) => b.value(r, 2 + k, entry, `costs.${row.id}[${k}]`));
    r++;
  }
  for (const span of groups.values()) b.merge(span.top, 0, span.bottom, 0);
  return r;
}

/** Years down: 年度 | 区分 | one column per cost row; the year merged down over its kinds. */
function costsDown(b: SheetBuilder, data: ProjectData, top: number, last: number): number {
  b.value(top, last, data.unitNote, "costs.unit");
  const head = top + 1;
  b.put(head, 0, "年度");
  b.put(head, 1, "区分");
  data.rows.forEach((row, j) => b.label(head, 2 + j, row.label));
  let r = head + 1;
  let k = 0;
  data.years.forEach((year, y) => {
    b.value(r, 0, year.year, `costs.years[${y}]`);
    b.merge(r, 0, r + year.columns.length - 1, 0);
    for (const column of year.columns) {
      b.put(r, 1, column.header ?? DEFAULT_HEADERS[column.kind]);
      data.rows.forEach((row, j) => b.value(r, 2 + j, row.values[k], `costs.${row.id}[${k}]`));
      r++;
      k++;
    }
  });
  return r;
}

/** 活動指標① name | 単位 unit | 方向性 direction, then 年度 | 基準値 | years… with 目標値 / 実績値 rows. */
function indicatorAcross(b: SheetBuilder, ind: ProjectIndicatorData, i: number, top: number, last: number): number {
  const path = `indicators[${i}]`;
  b.put(top, 0, `${ind.kind}${circled(i + 1)}`);
  b.value(top, 1, ind.name, `${path}.name`);
  b.merge(top, 1, top, 6);
  b.label(top, 7, "単位");
  b.value(top, 8, ind.unit, `${path}.unit`);
  b.label(top, 9, "方向性");
  b.value(top, 10, ind.direction, `${path}.direction`);
  b.merge(top, 10, top, last);
  b.label(top + 1, 0, "年度");
  b.label(top + 2, 0, "目標値");
  b.label(top + 3, 0, "実績値");
  b.put(top + 1, 1, "基準値");
  b.value(top + 2, 1, ind.base, `${path}.base`);
  ind.years.forEach((year, j) => {
    b.value(top + 1, 2 + j, year, `${path}.rows[${j}].year`);
    b.value(top + 2, 2 + j, ind.targets[j] ?? null, `${path}.rows[${j}].plan`);
    b.value(top + 3, 2 + j, ind.actuals[j] ?? null, `${path}.rows[${j}].actual`);
  });
  return top + 4;
}

/** The same block with the years down: 年度 | 目標値 | 実績値, a 基準値 row first. */
function indicatorDown(b: SheetBuilder, ind: ProjectIndicatorData, i: number, top: number, last: number): number {
  const path = `indicators[${i}]`;
  b.put(top, 0, `${ind.kind}${circled(i + 1)}`);
  b.value(top, 1, ind.name, `${path}.name`);
  b.merge(top, 1, top, 3);
  b.label(top, 4, "単位");
  b.value(top, 5, ind.unit, `${path}.unit`);
  b.label(top, 6, "方向性");
  b.value(top, 7, ind.direction, `${path}.direction`);
  b.merge(top, 7, top, last);
  b.label(top + 1, 0, "年度");
  b.label(top + 1, 1, "目標値");
  b.label(top + 1, 2, "実績値");
  b.put(top + 2, 0, "基準値");
  b.value(top + 2, 2, ind.base, `${path}.base`);
  ind.years.forEach((year, j) => {
    b.value(top + 3 + j, 0, year, `${path}.rows[${j}].year`);
    b.value(top + 3 + j, 1, ind.targets[j] ?? null, `${path}.rows[${j}].plan`);
    b.value(top + 3 + j, 2, ind.actuals[j] ?? null, `${path}.rows[${j}].actual`);
  });
  return top + 3 + ind.years.length;
}

/** The label text of a column kind, as the layout prints it. */
export function columnHeader(column: ProjectCostColumnData): string {
  return column.header ?? DEFAULT_HEADERS[column.kind];
}

/** `(text)` for messages: an entry as written. */
export { text as entryText };
