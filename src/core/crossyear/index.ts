// Cross-year check: the same measure's sheets from different evaluation years (the 2012
// book and the 2013 book) must agree on the past. A figure restated after publication is
// what auditors look for first.

import type { Finding, LocalizedText } from "../findings";
import type { CellRef, EvaluationSheet, Field } from "../model";
import { CROSS_YEAR_CATALOGUE, type Rule } from "../rules";

/** One evaluation sheet and the file it came from. */
export interface CrossYearInput {
  file: string;
  model: EvaluationSheet;
}

/** The rule IDs, from the catalogue (core/rules), which also holds their severities and descriptions. */
export const CROSS_YEAR_RULES = {
  valueChanged: CROSS_YEAR_CATALOGUE.valueChanged.id,
  planChanged: CROSS_YEAR_CATALOGUE.planChanged.id,
  codeChanged: CROSS_YEAR_CATALOGUE.codeChanged.id,
  budgetChanged: CROSS_YEAR_CATALOGUE.budgetChanged.id,
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

/** Groups sheets by 施策課題 code and compares every pair of different evaluation years. */
export function crossYearCheck(inputs: readonly CrossYearInput[]): CrossYearFinding[] {
  const byMeasure = new Map<string, CrossYearInput[]>();
  for (const input of inputs) {
    const code = input.model.header.measureCode.value;
    const year = input.model.header.fiscalYear.value;
    if (code === null || year === null) continue;
    const list = byMeasure.get(code) ?? [];
    list.push(input);
    byMeasure.set(code, list);
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

function comparePair(earlier: CrossYearInput, later: CrossYearInput): CrossYearFinding[] {
  const out: CrossYearFinding[] = [];
  // Only years the earlier book already reported on can have been restated.
  const lastReported = earlier.model.header.fiscalYear.value ?? -Infinity;
  const earlierYear = earlier.model.header.fiscalYear.value;
  const laterYear = later.model.header.fiscalYear.value;

  const push = (rule: Rule, c: Comparable) => {
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
        ja: `${c.what.ja}が${earlierYear}年度の評価票(${where(earlier.file, c.earlier.cell)})では「${show(c.earlier)}」、${laterYear}年度の評価票では「${show(c.later)}」です。`,
        en: `${c.what.en} is "${show(c.earlier)}" in the ${earlierYear} sheet (${where(earlier.file, c.earlier.cell)}) but "${show(c.later)}" in the ${laterYear} sheet.`,
      },
      expected: { ja: "過去年度の数値は変わらないこと", en: "figures for past years to stay unchanged" },
    });
  };

  const differs = (a: Field<number | string>, b: Field<number | string>) =>
    a.value !== null && b.value !== null && a.value !== b.value;

  later.model.indicators.forEach((ind, k) => {
    const match = earlier.model.indicators.find((e) => e.name.value !== null && e.name.value === ind.name.value) ?? earlier.model.indicators[k];
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
      if (differs(old.actual, row.actual))
        push(CROSS_YEAR_CATALOGUE.valueChanged, { what: label("実績値", "actual"), path: `indicators[${k}].rows[${r}].actual`, earlier: old.actual, later: row.actual });
      if (differs(old.plan, row.plan))
        push(CROSS_YEAR_CATALOGUE.planChanged, { what: label("計画値", "plan"), path: `indicators[${k}].rows[${r}].plan`, earlier: old.plan, later: row.plan });
    }
  });

  for (const [c, entry] of later.model.evaluation.codes.entries()) {
    const year = entry.year.value;
    if (year === null || year > lastReported) continue;
    const old = earlier.model.evaluation.codes.find((x) => x.year.value === year);
    if (old && differs(old.code, entry.code))
      push(CROSS_YEAR_CATALOGUE.codeChanged, { what: { ja: `${year}年度の評価区分`, en: `The ${year} evaluation code` }, path: `evaluation.codes[${c}].code`, earlier: old.code, later: entry.code });
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
      if (differs(old[key], entry[key]))
        push(CROSS_YEAR_CATALOGUE.budgetChanged, { what: { ja: `${year}年度の事業費(${ja})`, en: `The ${year} project cost (${en})` }, path: `budget[${b}].${key}`, earlier: old[key], later: entry[key] });
    }
  }
  return out;
}
