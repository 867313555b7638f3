// The 施策別 table of the summary workbook: per 施策, its projects' 事業費 A (in the 施策's unit)
// by year and column, their sum, the 施策's own 事業費 and the difference. The sum and the
// difference are formulas over the cells above them (with the core's figures as their cached
// results), so the workbook shows where every total comes from. Anchored at A1 (header row 1).

import type { Language } from "../findings";
import { AMOUNT_FORMAT } from "../format/number";
import { FORECAST_SETTLEMENT } from "../terms";
import { toA1 } from "../grid";
import { isCostMember, projectFigure, type LinkGroup } from "../link";
import type { CostColumnKind } from "../model";
import type { LayoutCell } from "./summaryLayout";

const WORDS = {
  ja: {
    measure: "施策課題",
    line: "区分",
    project: "事務事業",
    file: "ファイル",
    sheet: "シート",
    achievement: "達成度",
    direction: "方向性区分",
    notes: "備考",
    projectLine: "事務事業",
    sumLine: "事務事業計",
    measureLine: "施策の事業費",
    differenceLine: "差(施策−計)",
    columns: { plan: "計画", budget: "予算", settlement: "決算", forecast: FORECAST_SETTLEMENT.inText.ja },
    unlisted: "一覧にない事務事業(合計に含めない)",
    noSheet: "シートなし",
    partial: "シートのない事務事業があるため照合していません",
  },
  en: {
    measure: "Measure",
    line: "Line",
    project: "Project",
    file: "File",
    sheet: "Sheet",
    achievement: "Achievement",
    direction: "Direction",
    notes: "Notes",
    projectLine: "project",
    sumLine: "projects total",
    measureLine: "measure cost",
    differenceLine: "difference (measure − total)",
    columns: { plan: "plan", budget: "budget", settlement: "settlement", forecast: FORECAST_SETTLEMENT.inText.en },
    unlisted: "not in the list (not summed)",
    noSheet: "no sheet",
    partial: "not compared: a listed project has no sheet",
  },
} as const;

const COLUMN_ORDER: Record<CostColumnKind, number> = { plan: 0, budget: 1, settlement: 2 };

interface CostColumn {
  year: number;
  column: CostColumnKind;
  forecast: boolean;
}

export interface LinkTable {
  headers: string[];
  rows: LayoutCell[][];
  /** Columns holding money (for number formats). */
  amountColumns: number[];
}

/** Every (year, column) any 施策 prints, in year order; a forecast settlement is its own heading. */
function costColumns(groups: readonly LinkGroup[]): CostColumn[] {
  const seen = new Map<string, CostColumn>();
  for (const g of groups) {
    const figures = g.costs.length ? g.costs : g.projects.flatMap((p) => p.costs);
    for (const c of figures) {
      const key = `${c.year}|${c.column}`;
      const known = seen.get(key);
      if (!known) seen.set(key, { year: c.year, column: c.column, forecast: c.forecast });
      else known.forecast ||= c.forecast;
    }
  }
  return [...seen.values()].sort((a, b) => a.year - b.year || COLUMN_ORDER[a.column] - COLUMN_ORDER[b.column]);
}

export function buildLinkTable(groups: readonly LinkGroup[], language: Language): LinkTable {
  const w = WORDS[language];
  const columns = costColumns(groups);
  const lead = [w.measure, w.line, w.project, w.file, w.sheet];
  const first = lead.length;
  const headers = [
    ...lead,
    ...columns.map((c) => `${c.year} ${c.column === "settlement" && c.forecast ? w.columns.forecast : w.columns[c.column]}`),
    w.achievement,
    w.direction,
    w.notes,
  ];
  const rows: LayoutCell[][] = [];
  const amount = (value: number | null, formula?: string): LayoutCell => ({ value, numberFormat: AMOUNT_FORMAT, ...(formula ? { formula } : {}) });
  // Row i of `rows` is sheet row i + 1 (0-based; the header is row 0).
  const sheetRow = () => rows.length + 1;
  for (const g of groups) {
    const measure = { value: [g.measureCode, g.measureName].filter((x) => x).join(" ") };
    const unit = g.costUnit;
    const measureCost = (c: CostColumn) => g.costs.find((x) => x.year === c.year && x.column === c.column);
    // Without a 施策 sheet there is no sum to compare: every project is listed plainly.
    const members = g.measureSheet ? g.projects.filter((p) => isCostMember(g, p)) : g.projects;
    const others = g.measureSheet ? g.projects.filter((p) => !isCostMember(g, p)) : [];
    const projectRow = (p: LinkGroup["projects"][number], note: string | null) =>
      rows.push([
        measure,
        { value: w.projectLine },
        { value: p.name },
        { value: p.file },
        { value: p.sheet },
        ...columns.map((c) => amount(p.sheet === null ? null : projectFigure(p, c.year, c.column, unit))),
        { value: p.achievement },
        { value: p.direction },
        { value: note },
      ]);
    const from = sheetRow();
    for (const p of members) projectRow(p, null);
    const to = sheetRow() - 1;
    if (g.measureSheet) {
      const sumRow = sheetRow();
      const partial = g.costs.some((c) => c.projectsMissing > 0);
      rows.push([
        measure,
        { value: w.sumLine },
        { value: null },
        { value: null },
        { value: null },
        ...columns.map((c, k) => {
          const cost = measureCost(c);
          const col = first + k;
          return amount(cost?.projectsSum ?? null, members.length ? `=SUM(${toA1(from, col)}:${toA1(to, col)})` : undefined);
        }),
        { value: null },
        { value: null },
        { value: partial ? w.partial : null },
      ]);
      const measureRow = sheetRow();
      rows.push([
        measure,
        { value: w.measureLine },
        { value: null },
        { value: g.measureSheet.file },
        { value: g.measureSheet.sheet },
        ...columns.map((c) => amount(measureCost(c)?.measure ?? null)),
        { value: null },
        { value: null },
        { value: null },
      ]);
      rows.push([
        measure,
        { value: w.differenceLine },
        { value: null },
        { value: null },
        { value: null },
        ...columns.map((c, k) => {
          const cost = measureCost(c);
          const [m, s] = [toA1(measureRow, first + k), toA1(sumRow, first + k)];
          return amount(cost?.difference ?? null, `=IF(OR(${m}="",${s}=""),"",${m}-${s})`);
        }),
        { value: null },
        { value: null },
        { value: null },
      ]);
    }
    for (const p of others) projectRow(p, p.sheet === null ? w.noSheet : w.unlisted);
  }
  return { headers, rows, amountColumns: columns.map((_, k) => first + k) };
}
