// The seed's 施策 41303000 as a family of sheets in one workbook: its 施策進行管理・評価票(1)
// (the published sheet), its (2) rolling up the four projects, and the four 事務事業評価シート
// (issue 9's samples, whose 事業費 A add up to the (1)'s 事業費合計). The clean family checks
// with no link or roll-up finding; the mistakes variant plants one mistake per link and roll-up
// rule and records the cell each finding must point at.

import { fromA1, toA1 } from "../core/grid";
import { DEFAULT_SCALES, resourceTagOf } from "../core/scales";
import type { RenderedSheet } from "./layout";
import { renderSheet } from "./layout";
import type { ExpectedFinding } from "./mistakes";
import type { ProjectData } from "./projectData";
import { renderProjectSheet } from "./projectLayout";
import { projects41303000 } from "./projects41303000";
import { renderRollup, setAt, type RollupData, type RollupProjectData } from "./rollupLayout";
import { sample41303000 } from "./sample41303000";
import type { MeasureData } from "./measureData";

export const MEASURE_SHEET = "41303000(1)";
export const ROLLUP_SHEET = "41303000(2)";

/** Illustrative, like the projects' figures: the 3-year classes (independent of the year's 達成度) and the 重点 marks. */
const THREE_YEAR = ["Ⅲ", "Ⅱ", "Ⅲ", "Ⅳ"];
const PRIORITY = [true, false, true, false];

/** The 点検結果 letter saying the same about a project's resources as its 方向性区分, its target kept (A–D). */
function inspectionFor(direction: string): string | undefined {
  const tag = resourceTagOf(DEFAULT_SCALES.direction, direction);
  return DEFAULT_SCALES.inspection.values.slice(0, 4).find((v) => v.tags?.includes(tag as never))?.value;
}

function rollupProject(p: ProjectData, i: number): RollupProjectData {
  return {
    name: String(p.projectName),
    department: String(p.department),
    overview: p.texts.purpose === null ? "" : String(p.texts.purpose),
    achievement: String(p.achievement),
    threeYear: THREE_YEAR[i],
    inspection: inspectionFor(String(p.direction)),
    priority: PRIORITY[i],
  };
}

/** The (2) of 41303000, 2013: the 2010-series form (達成度, 点検結果, 3ヵ年 Ⅰ–Ⅴ), counts from the four projects. */
export function rollup41303000(): RollupData {
  return {
    series: "2010",
    title: "施策進行管理・評価票(2)",
    fiscalYear: "2013年度",
    measureCode: String(sample41303000.measureCode),
    measureName: String(sample41303000.measureName),
    planYears: [2011, 2012, 2013],
    projects: projects41303000.map(rollupProject),
  };
}

function renderFamily(measure: MeasureData, rollup: RollupData, projects: readonly ProjectData[]): RenderedSheet[] {
  return [
    renderSheet(measure, MEASURE_SHEET),
    renderRollup(rollup, ROLLUP_SHEET),
    ...projects.map((p) => renderProjectSheet(p, String(p.projectCode))),
  ];
}

/** The clean family: (1), (2) and the four project sheets. */
export function familyWorkbook(): RenderedSheet[] {
  return renderFamily(sample41303000, rollup41303000(), projects41303000);
}

/** Plain JSON data copied (also where structuredClone is missing, as in jsdom). */
const copy = <T>(data: T): T => JSON.parse(JSON.stringify(data)) as T;

/** A project the (2) lists but no sheet exists for (its counts include it). */
const UNSHEETED: RollupProjectData = {
  name: "環境国際協力調査事業",
  department: "環境局地球環境推進室",
  overview: "アジア諸国の環境協力ニーズの調査",
  achievement: "3",
  threeYear: "Ⅲ",
  inspection: "C",
  priority: false,
};

/**
 * The family with one mistake per link and roll-up rule, each at a known cell:
 * - link.cost.mismatch: the (1)'s 2012 決算 restated 34,473 → 34,573;
 * - link.achievement.differs: the (1)'s list prints 3 as アジア起業家誘致交流促進事業's 達成状況 (its sheet: 4);
 * - link.project.missing: the (2) lists 環境国際協力調査事業, which has no sheet (info: one file);
 * - link.project.unlisted: a fifth project sheet names 41303000 in its 政策体系, and no list has it;
 * - link.rollup.differs: the (2) gives 国際環境産業推進事業 達成度 2 (its counts agreeing), its sheet 3;
 * - rollup.total.mismatch: the 達成度 合計 事業数 one too many;
 * - rollup.priority.exceeds: うち重点 1 on the 達成度 1 row (事業数 0), moved from the 3 row;
 * - rollup.priority.inconsistent: one more 重点 on the 3ヵ年 Ⅱ row and its 合計;
 * - rollup.projects.inconsistent: one more project on the 3ヵ年 Ⅴ row and its 合計;
 * - rollup.rows.mismatch: the list's 3ヵ年 class of 国際環境施策推進事業 changed to Ⅴ (with the row above: one finding);
 * - rollup.matrix.mismatch: the H count of 点検結果 1 instead of 0;
 * - rollup.value.invalid: the 点検結果 letter of 環境国際協力調査事業 typed Z.
 */
export function familyMistakesWorkbook(): { sheets: RenderedSheet[]; expected: ExpectedFinding[] } {
  const measure: MeasureData = copy(sample41303000);
  measure.budget[1].settlement = 34573;
  measure.projects[3].status = 3;

  const rollup = rollup41303000();
  rollup.projects[2].achievement = "2";
  rollup.projects.push(UNSHEETED);

  const unlisted: ProjectData = copy(projects41303000[2]);
  unlisted.projectCode = "41303050";
  unlisted.projectName = "グリーン・イノベーション推進事業";

  const [measureSheet, rollupSheet, ...projectSheets] = renderFamily(measure, rollup, [...projects41303000, unlisted]);
  const expected: ExpectedFinding[] = [];
  const at = (rule: string, sheet: RenderedSheet, path: string) => {
    const address = sheet.cellOf[path];
    if (!address) throw new Error(`${sheet.grid.name}: no cell for ${path}`);
    const { row, col } = fromA1(address);
    expected.push({ rule, sheet: sheet.grid.name, cell: toA1(row, col) });
  };
  const count = (path: string) => {
    const { row, col } = fromA1(rollupSheet.cellOf[path]);
    return rollupSheet.grid.values[row][col] as number;
  };
  const bump = (path: string, by: number) => setAt(rollupSheet, path, count(path) + by);

  at("link.cost.mismatch", measureSheet, "budget[1].settlement");
  at("link.achievement.differs", measureSheet, "projects[3].status");
  at("link.project.missing", rollupSheet, "projects[4].name");
  at("link.project.unlisted", measureSheet, "projects[0].name");
  at("link.rollup.differs", rollupSheet, "projects[2].achievement");

  bump("blocks[0].total.projects", 1);
  at("rollup.total.mismatch", rollupSheet, "blocks[0].total.projects");
  bump("blocks[0].rows[0].priority", 1);
  bump("blocks[0].rows[2].priority", -1);
  at("rollup.priority.exceeds", rollupSheet, "blocks[0].rows[0].priority");
  bump("blocks[1].rows[1].priority", 1);
  bump("blocks[1].total.priority", 1);
  at("rollup.priority.inconsistent", rollupSheet, "blocks[1].total.priority");
  bump("blocks[1].rows[4].projects", 1);
  bump("blocks[1].total.projects", 1);
  at("rollup.projects.inconsistent", rollupSheet, "blocks[1].total.projects");
  setAt(rollupSheet, "projects[0].threeYear", "Ⅴ");
  at("rollup.rows.mismatch", rollupSheet, "blocks[1].rows[2].projects");
  bump("matrix.cells[7].count", 1);
  at("rollup.matrix.mismatch", rollupSheet, "matrix.label");
  setAt(rollupSheet, "projects[4].inspection", "Z");
  at("rollup.value.invalid", rollupSheet, "projects[4].inspection");

  return { sheets: [measureSheet, rollupSheet, ...projectSheets], expected };
}
