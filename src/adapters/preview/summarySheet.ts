// The summary tab of the preview: the same layout the Excel adapter writes, with values
// instead of formulas (the page has no formula engine), placed into a grid.

import type { CellValue, SheetGrid } from "../../core/grid";
import type { SheetResult } from "../../core/engine";
import type { Settings } from "../../core/settings";
import { buildSummaryLayout } from "../../core/report/summaryLayout";
import type { SummarySheet } from "./PreviewWorkbookPort";

export function buildSummarySheet(results: SheetResult[], settings: Settings, sheetName: string): SummarySheet {
  const layout = buildSummaryLayout(results, settings, { formulas: false });
  const values: CellValue[][] = [];
  const numberFormats = new Map<string, string>();
  for (const placed of layout.cells) {
    const row = (values[placed.row] ??= []);
    while (row.length < placed.col) row.push(null);
    row[placed.col] = placed.cell.value;
    if (placed.cell.numberFormat) numberFormats.set(placed.address, placed.cell.numberFormat);
  }
  for (let r = 0; r < values.length; r++) values[r] ??= [];
  const grid: SheetGrid = { name: sheetName, top: 0, left: 0, values, merges: [] };
  return { grid, numberFormats };
}
