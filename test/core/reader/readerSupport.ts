// Shared checks for reader tests: the 41303000 figures and "every value at the cell the
// layout put it in".
import type { EvaluationSheet, Field, SheetModel } from "../../../src/core/model";

export function asEvaluation(model: SheetModel): EvaluationSheet {
  if (model.kind !== "evaluation") throw new Error(`expected an evaluation sheet, got ${model.kind}: ${model.kind === "other" ? model.reason : model.sheet}`);
  return model;
}

/** The field at a model path such as `indicators[0].rows[2].actual`. */
export function fieldAt(model: EvaluationSheet, path: string): Field<unknown> | undefined {
  let node: unknown = model;
  for (const part of path.split(/\.|\[|\]\.?/).filter((p) => p !== "")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  if (node && typeof node === "object" && "status" in node) return node as Field<unknown>;
  return undefined;
}

/** Every path the layout recorded, as [path, address] pairs (budgetUnit is a plain string). */
export function cellPairs(model: EvaluationSheet, cellOf: Record<string, string>) {
  const paths = Object.keys(cellOf).filter((p) => p !== "budgetUnit");
  return {
    expected: paths.map((p) => [p, cellOf[p]]),
    actual: paths.map((p) => [p, fieldAt(model, p)?.cell?.address ?? null]),
  };
}

/** The figures of sheet 41303000 / 2013, in a compact comparable shape. */
export function figuresOf(model: EvaluationSheet) {
  return {
    fiscalYear: model.header.fiscalYear.value,
    measureCode: model.header.measureCode.value,
    measureName: model.header.measureName.value,
    department: model.header.department.value,
    policyDirection: model.header.policyDirection.value,
    relatedDepartments: model.header.relatedDepartments.value,
    priority: model.header.priority.value,
    plan: [model.plan.from.value, model.plan.to.value],
    codes: model.evaluation.codes.map((c) => [c.year.value, c.code.value]),
    indicators: model.indicators.map((ind) => ({
      index: ind.index,
      name: ind.name.value,
      direction: ind.direction.value,
      unit: ind.unit.value,
      cumulative: ind.cumulative,
      rows: ind.rows.map((r) => [r.year.value, r.plan.value, r.actual.value, r.unit.value]),
    })),
    budgetUnit: model.budgetUnit,
    budget: model.budget.map((b) => [b.year.value, b.planned.value, b.budget.value, b.settlement.value, b.settlementIsForecast]),
    projects: model.projects.map((p) => p.name.value),
  };
}

export const SAMPLE_FIGURES = {
  fiscalYear: 2013,
  measureCode: "41303000",
  measureName: "環境技術を活かした国際貢献",
  department: "環境局地球環境推進室",
  policyDirection: "環境に配慮し循環型のしくみをつくる",
  relatedDepartments: ["環境局環境総合研究所", "経済労働局国際経済推進室"],
  priority: null,
  plan: [2011, 2013],
  codes: [
    [2011, "AⅡ"],
    [2012, "AⅡ"],
    [2013, "AⅡ"],
  ],
  indicators: [
    {
      index: 1,
      name: "海外からの視察受入人数累計数",
      direction: "higher",
      unit: null,
      cumulative: true,
      rows: [
        [2010, 745, 745, null],
        [2011, 250, 273, null],
        [2012, 600, 428, null],
        [2013, 950, 868, null],
      ],
    },
    {
      index: 2,
      name: "環境技術の国際展開を目指した研修講義累計数",
      direction: "higher",
      unit: null,
      cumulative: true,
      rows: [
        [2010, 37, 37, null],
        [2011, 40, 46, null],
        [2012, 90, 96, null],
        [2013, 130, 161, null],
      ],
    },
    {
      index: 3,
      name: "かわさきコンパクトへの参加団体数",
      direction: "higher",
      unit: "団体",
      cumulative: false,
      rows: [
        [2010, 28, 28, "団体"],
        [2011, 36, 36, "団体"],
        [2012, 38, 37, "団体"],
        [2013, 40, 36, "団体"],
      ],
    },
  ],
  budgetUnit: "千円",
  budget: [
    [2011, null, 43769, 38182, false],
    [2012, 39173, 37355, 34473, false],
    [2013, 38802, 21959, 21165, true],
  ],
  projects: ["国際環境施策推進事業", "環境総合研究推進事業", "国際環境産業推進事業", "アジア起業家誘致交流促進事業"],
};
