// The figures of one 施策進行管理・評価票(2) in the report's shape: each block's rows and 合計,
// the 点検結果 matrix and the listed projects, with the cells they came from.

import { addressOf, type RollupSheet } from "../model";
import type { RollupSheetSummary } from "./types";


export function summarizeRollupSheet(model: RollupSheet): RollupSheetSummary {
  return {
    // The published (2) prints no 施策課題: its sheet's name may carry the code.
    measureCode: model.header.measureCode.value ?? model.header.sheetNameCode,
    measureName: model.header.measureName.value,
    department: model.header.department.value,
    fiscalYear: model.header.fiscalYear.value,
    blocks: model.blocks.map((b) => ({
      id: b.id,
      name: b.name.value,
      role: b.role,
      rows: b.rows.map((r) => ({
        code: r.code.value,
        label: r.label.value,
        projects: r.projects.value,
        priority: r.priority.value,
        cells: { code: addressOf(r.code), projects: addressOf(r.projects), priority: addressOf(r.priority) },
      })),
      total: b.total
        ? {
            projects: b.total.projects.value,
            priority: b.total.priority.value,
            cells: { projects: addressOf(b.total.projects), priority: addressOf(b.total.priority) },
          }
        : null,
    })),
    matrix: model.matrix
      ? {
          rows: model.matrix.rows.map((r) => r.value),
          columns: model.matrix.columns.map((c) => c.value),
          entries: model.matrix.cells.map((c) => ({
            row: c.row,
            column: c.column,
            letter: c.letter.value,
            count: c.count.value,
            cells: { letter: addressOf(c.letter), count: addressOf(c.count) },
          })),
        }
      : null,
    projects: model.projects.map((p) => ({
      name: p.name.value,
      department: p.department.value,
      achievement: p.achievement.value,
      threeYear: p.threeYear.value,
      inspection: p.inspection.value,
      validity: p.validity.value,
      effectiveness: p.effectiveness.value,
      priority: p.priority.value === true,
      cells: { name: addressOf(p.name), achievement: addressOf(p.achievement), threeYear: addressOf(p.threeYear), inspection: addressOf(p.inspection) },
    })),
  };
}
