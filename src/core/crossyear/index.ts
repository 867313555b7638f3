// Cross-year check: the same measure's sheets from different evaluation years (the 2012
// book and the 2013 book) must agree on the past — and so must the same project's
// 事務事業評価シート: a closed year's 決算, a budget once set, a plan for a year already begun.
// A figure restated after publication is what auditors look for first.

import type { Finding, LocalizedText } from "../findings";
import type { CellRef, CostCell, CostColumnKind, EvaluationSheet, Field, Indicator, ProjectSheet } from "../model";
import { CROSS_YEAR_CATALOGUE, type Rule } from "../rules";

/** One evaluation or project sheet and the file it came from. */
export interface CrossYearInput {
  file: string;
  model: EvaluationSheet | ProjectSheet;
}

/** The rule IDs, from the catalogue (core/rules), which also holds their severities and descriptions. */
export const CROSS_YEAR_RULES = {
  valueChanged: CROSS_YEAR_CATALOGUE.valueChanged.id,
  planChanged: CROSS_YEAR_CATALOGUE.planChanged.id,
  codeChanged: CROSS_YEAR_CATALOGUE.codeChanged.id,
  budgetChanged: CROSS_YEAR_CATALOGUE.budgetChanged.id,
  projectCostChanged: CROSS_YEAR_CATALOGUE.projectCostChanged.id,
  projectPlanChanged: CROSS_YEAR_CATALOGUE.projectPlanChanged.id,
} as const;

/** A cross-year finding belongs to the later sheet; `related` names the earlier cell. */
export interface CrossYearFinding extends Finding {
  file: string;
}

interface Comparable {
  what: LocalizedText;
  path: string;
  earlier: Field<number | string>;
  later: Field<number | string>;
}

function where(file: string, cell: CellRef | null): string {
  return cell ? `${file} ${cell.sheet}!${cell.address}` : `${file} (not found)`;
}

function show(f: Field<number | string>): string {
  return f.raw !== "" ? f.raw : String(f.value);
}

/** 施策: by 施策課題 code; project: by 事務事業コード, else by its name. */
function keyOf(model: EvaluationSheet | ProjectSheet): string | null {
  if (model.kind === "evaluation") return model.header.measureCode.value === null ? null : `measure:${model.header.measureCode.value}`;
  const { projectCode, projectName } = model.header;
  if (projectCode.value !== null) return `project:${projectCode.value}`;
  return projectName.value === null ? null : `project-name:${projectName.value}`;
}

/** Groups sheets by 施策課題 code (projects by their code) and compares every pair of different evaluation years. */
export function crossYearCheck(inputs: readonly CrossYearInput[]): CrossYearFinding[] {
  const byMeasure = new Map<string, CrossYearInput[]>();
  for (const input of inputs) {
    const key = keyOf(input.model);
    const year = input.model.header.fiscalYear.value;
    if (key === null || year === null) continue;
    const list = byMeasure.get(key) ?? [];
    list.push(input);
    byMeasure.set(key, list);
  }
  const findings: CrossYearFinding[] = [];
  for (const list of [...byMeasure.values()]) {
    list.sort((a, b) => (a.model.header.fiscalYear.value ?? 0) - (b.model.header.fiscalYear.value ?? 0));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (list[i].model.header.fiscalYear.value === list[j].model.header.fiscalYear.value) continue;
        findings.push(...comparePair(list[i], list[j]));
      }
    }
  }
  return findings;
}

interface Pair<M> {
  earlier: { file: string; model: M };
  later: { file: string; model: M };
}

function comparePair(earlier: CrossYearInput, later: CrossYearInput): CrossYearFinding[] {
  if (earlier.model.kind === "evaluation" && later.model.kind === "evaluation") {
    return compareMeasures({ earlier: { file: earlier.file, model: earlier.model }, later: { file: later.file, model: later.model } });
  }
  if (earlier.model.kind === "project" && later.model.kind === "project") {
    return compareProjects({ earlier: { file: earlier.file, model: earlier.model }, later: { file: later.file, model: later.model } });
  }
  return [];
}

/** Reports a differing pair of fields as the later sheet's finding, naming the earlier cell. */
function reporter(earlier: CrossYearInput, later: CrossYearInput, out: CrossYearFinding[]) {
  const earlierYear = earlier.model.header.fiscalYear.value;
  const laterYear = later.model.header.fiscalYear.value;
  const sheet = later.model.kind === "project" ? "事務事業評価シート" : "評価票";
  return (rule: Rule, c: Comparable) => {
    if (!differs(c.earlier, c.later)) return;
    const cell = c.later.cell;
    out.push({
      rule: rule.id,
      severity: rule.severity,
      file: later.file,
      sheet: cell?.sheet ?? later.model.sheet,
      cell: cell?.address ?? null,
      path: c.path,
      raw: show(c.later),
      related: [where(earlier.file, c.earlier.cell)],
      message: {
        ja: `${c.what.ja}が${earlierYear}年度の${sheet}(${where(earlier.file, c.earlier.cell)})では「${show(c.earlier)}」、${laterYear}年度の${sheet}では「${show(c.later)}」です。`,
        en: `${c.what.en} is "${show(c.earlier)}" in the ${earlierYear} sheet (${where(earlier.file, c.earlier.cell)}) but "${show(c.later)}" in the ${laterYear} sheet.`,
      },
      expected: { ja: "過去年度の数値は変わらないこと", en: "figures for past years to stay unchanged" },
    });
  };
}

function differs(a: Field<number | string>, b: Field<number | string>): boolean {
  return a.value !== null && b.value !== null && a.value !== b.value;
}

/** Indicator values of years the earlier sheet already reported (施策 and project indicators alike). */
function compareIndicators(
  earlierIndicators: readonly Indicator[],
  laterIndicators: readonly Indicator[],
  lastReported: number,
  push: ReturnType<typeof reporter>,
): void {
  laterIndicators.forEach((ind, k) => {
    const match = earlierIndicators.find((e) => e.name.value !== null && e.name.value === ind.name.value) ?? earlierIndicators[k];
    if (!match) return;
    for (const [r, row] of ind.rows.entries()) {
      const year = row.year.value;
      if (year === null || year > lastReported) continue;
      const old = match.rows.find((x) => x.year.value === year);
      if (!old) continue;
      const label = (ja: string, en: string): LocalizedText => ({
        ja: `参考指標${ind.index}「${ind.name.value ?? ""}」${year}年度の${ja}`,
        en: `Indicator ${ind.index} "${ind.name.value ?? ""}" ${year} ${en}`,
      });
      push(CROSS_YEAR_CATALOGUE.valueChanged, { what: label("実績値", "actual"), path: `indicators[${k}].rows[${r}].actual`, earlier: old.actual, later: row.actual });
      push(CROSS_YEAR_CATALOGUE.planChanged, { what: label("計画値", "plan"), path: `indicators[${k}].rows[${r}].plan`, earlier: old.plan, later: row.plan });
    }
  });
}

function compareMeasures({ earlier, later }: Pair<EvaluationSheet>): CrossYearFinding[] {
  const out: CrossYearFinding[] = [];
  const push = reporter(earlier, later, out);
  // Only years the earlier book already reported on can have been restated.
  const lastReported = earlier.model.header.fiscalYear.value ?? -Infinity;
  compareIndicators(earlier.model.indicators, later.model.indicators, lastReported, push);

  for (const [c, entry] of later.model.evaluation.codes.entries()) {
    const year = entry.year.value;
    if (year === null || year > lastReported) continue;
    const old = earlier.model.evaluation.codes.find((x) => x.year.value === year);
    if (old) push(CROSS_YEAR_CATALOGUE.codeChanged, { what: { ja: `${year}年度の評価区分`, en: `The ${year} evaluation code` }, path: `evaluation.codes[${c}].code`, earlier: old.code, later: entry.code });
  }

  for (const [b, entry] of later.model.budget.entries()) {
    const year = entry.year.value;
    // The earlier book's own year holds a forecast (決算見込); only closed years are compared.
    if (year === null || year >= lastReported) continue;
    const old = earlier.model.budget.find((x) => x.year.value === year);
    if (!old) continue;
    const parts: [keyof typeof entry & ("budget" | "settlement" | "planned"), string, string][] = [
      ["budget", "予算", "budget"],
      ["settlement", "決算", "settlement"],
      ["planned", "計画事業費", "planned cost"],
    ];
    for (const [key, ja, en] of parts) {
      push(CROSS_YEAR_CATALOGUE.budgetChanged, { what: { ja: `${year}年度の事業費(${ja})`, en: `The ${year} project cost (${en})` }, path: `budget[${b}].${key}`, earlier: old[key], later: entry[key] });
    }
  }
  return out;
}

const COLUMN_NAMES: Record<CostColumnKind, LocalizedText> = {
  plan: { ja: "計画事業費", en: "plan" },
  budget: { ja: "予算額", en: "budget" },
  settlement: { ja: "決算額", en: "settlement" },
};

/**
 * A year the earlier sheet had already fixed: a settlement of a year before its evaluation year
 * (its own year is a forecast), a budget or a plan of a year up to its evaluation year.
 */
function fixedBy(cell: CostCell, earlierYear: number): boolean {
  if (cell.year === null || cell.forecast) return false;
  return cell.column === "settlement" ? cell.year < earlierYear : cell.year <= earlierYear;
}

function compareProjects({ earlier, later }: Pair<ProjectSheet>): CrossYearFinding[] {
  const out: CrossYearFinding[] = [];
  const push = reporter(earlier, later, out);
  const earlierYear = earlier.model.header.fiscalYear.value ?? -Infinity;
  compareIndicators(earlier.model.indicators, later.model.indicators, earlierYear, push);
  // 千円 and 円 tables are not compared figure by figure.
  if (earlier.model.costs.unit.value !== later.model.costs.unit.value) return out;
  const oldCells = new Map<string, CostCell>();
  const key = (c: CostCell) => `${c.year}|${c.column}|${c.row}`;
  for (const cell of earlier.model.costs.cells) if (fixedBy(cell, earlierYear) && !oldCells.has(key(cell))) oldCells.set(key(cell), cell);
  later.model.costs.cells.forEach((cell, i) => {
    const old = oldCells.get(key(cell));
    if (!old) return;
    const rowLabel = later.model.costs.rows.find((r) => r.row === cell.row)?.label.value ?? cell.row;
    const column = COLUMN_NAMES[cell.column];
    push(cell.column === "plan" ? CROSS_YEAR_CATALOGUE.projectPlanChanged : CROSS_YEAR_CATALOGUE.projectCostChanged, {
      what: { ja: `${cell.year}年度の${column.ja}の${rowLabel}`, en: `The ${cell.year} ${column.en} ${rowLabel}` },
      path: `costs.cells[${i}]`,
      earlier: old.value,
      later: cell.value,
    });
  });
  return out;
}
