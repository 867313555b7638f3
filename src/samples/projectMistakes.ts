// The four 41303000 project sheets with deliberate mistakes, plus one without a cost table, so
// that every project rule fires exactly once at a known cell (from renderProjectSheet's cellOf).
// Column indices follow COLUMNS_2011_2014: 0 2011 予算, 1 2011 決算, 2 2012 計画, 3 2012 予算,
// 4 2012 決算, 5 2013 計画, 6 2013 予算, 7 2013 決算見込, 8–10 2014.

import { fromA1, toA1 } from "../core/grid";
import type { ExpectedFinding } from "./mistakes";
import type { Entry } from "./measureData";
import type { ProjectData } from "./projectData";
import { renderProjectSheet } from "./projectLayout";
import type { RenderedSheet } from "./layout";
import { projects41303000 } from "./projects41303000";

interface ProjectMistake {
  rule: string;
  /** cellOf path of the cell the finding points at. */
  at: string;
}

interface ProjectSpec {
  sheet: string;
  from: number;
  edit: (d: ProjectData) => void;
  mistakes: ProjectMistake[];
}

/** Sets one figure of the cost table. */
function setCost(d: ProjectData, row: string, column: number, value: Entry): void {
  const target = d.rows.find((r) => r.id === row);
  if (!target) throw new Error(`no row ${row}`);
  target.values[column] = value;
}

/** Drops a year (its header and its columns) from the cost table. */
function dropYear(d: ProjectData, yearIndex: number): void {
  const start = d.years.slice(0, yearIndex).reduce((n, y) => n + y.columns.length, 0);
  const count = d.years[yearIndex].columns.length;
  d.years.splice(yearIndex, 1);
  for (const row of d.rows) row.values.splice(start, count);
}

const SPECS: ProjectSpec[] = [
  {
    // Arithmetic: a total, a funding breakdown and a 人工 that do not hold; a small overrun.
    sheet: "41303010",
    from: 0,
    edit: (d) => {
      setCost(d, "totalCost", 3, 32640); // 11,860 + 20,775 = 32,635
      setCost(d, "general", 0, 11880); // 500 + 11,880 ≠ 12,480
      setCost(d, "staffYears", 6, 2.5); // 2.5 × 8,290 ≠ 19,067
      setCost(d, "projectCost", 4, 12000); // 決算 12,000 > 予算 11,860 (101.2%: info)
      setCost(d, "totalCost", 4, 32775);
    },
    mistakes: [
      { rule: "project.cost.total-mismatch", at: "costs.totalCost[3]" },
      { rule: "project.cost.funding-mismatch", at: "costs.projectCost[0]" },
      { rule: "project.cost.staff-mismatch", at: "costs.staffCost[6]" },
      { rule: "project.cost.settlement-over-budget", at: "costs.projectCost[4]" },
    ],
  },
  {
    // Typing: a short code, a figure in words, a negative, an 達成度 off the scale, II for Ⅱ.
    sheet: "4130302",
    from: 1,
    edit: (d) => {
      d.projectCode = "4130302";
      setCost(d, "projectCost", 2, "約15,000");
      setCost(d, "otherFunding", 0, "△1,250");
      setCost(d, "general", 0, 10556); // 4,000 + 5,000 − 1,250 + 10,556 = 18,306: still adds up
      d.achievement = 6;
      d.direction = "II";
    },
    mistakes: [
      { rule: "project.code.invalid", at: "header.projectCode" },
      { rule: "project.cost.value.not-numeric", at: "costs.projectCost[2]" },
      { rule: "project.cost.negative", at: "costs.otherFunding[0]" },
      { rule: "project.achievement.invalid", at: "achievement" },
      { rule: "project.scale.normalized", at: "direction" },
    ],
  },
  {
    // Gaps: no 所属, no 2012 column, no 方向性区分; 達成度 1 while the indicators are below target.
    sheet: "41303030",
    from: 2,
    edit: (d) => {
      d.department = null;
      dropYear(d, 1);
      d.direction = null;
      d.achievement = 1;
    },
    mistakes: [
      { rule: "project.header.field.missing", at: "header.department" },
      // No 2012 column: the finding points at the next year's header, where it would go.
      { rule: "project.cost.year.missing", at: "costs.years[1]" },
      { rule: "project.direction.missing", at: "direction" },
      { rule: "project.achievement.implausible", at: "achievement" },
    ],
  },
  {
    // No unit note, no 達成度 chosen, a 方向性区分 off the scale.
    sheet: "41303040",
    from: 3,
    edit: (d) => {
      d.unitNote = null;
      d.achievement = null;
      d.direction = "Ⅶ";
    },
    mistakes: [
      { rule: "project.cost.unit.missing", at: "costs.unit" },
      { rule: "project.achievement.missing", at: "achievement" },
      { rule: "project.direction.invalid", at: "direction" },
    ],
  },
  {
    // A project sheet whose cost table was left out altogether.
    sheet: "41303050",
    from: 3,
    edit: (d) => {
      d.projectCode = "41303050";
      d.projectName = "環境技術交流推進事業";
      d.rows = [];
      d.staffNote = null;
    },
    mistakes: [{ rule: "project.cost.table.missing", at: "" }],
  },
];

export function projectMistakesWorkbook(): { sheets: RenderedSheet[]; expected: ExpectedFinding[] } {
  const sheets: RenderedSheet[] = [];
  const expected: ExpectedFinding[] = [];
  for (const spec of SPECS) {
    const data: ProjectData = structuredClone(projects41303000[spec.from]);
    spec.edit(data);
    const rendered = renderProjectSheet(data, spec.sheet);
    sheets.push(rendered);
    for (const m of spec.mistakes) {
      // "" : a finding about something not found has no cell.
      const cell = m.at === "" ? "" : rendered.cellOf[m.at];
      if (cell === undefined) throw new Error(`${spec.sheet}: no cell for ${m.at}`);
      expected.push({ rule: m.rule, sheet: spec.sheet, cell: cell === "" ? "" : toA1(fromA1(cell).row, fromA1(cell).col) });
    }
  }
  return { sheets, expected };
}
