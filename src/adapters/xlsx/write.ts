// WorkbookGrid → .xlsx bytes: values and merges only (sample files, test fixtures). Output is
// byte-identical for the same grid: fixed document dates and fixed zip entry times.

import ExcelJS from "exceljs";
import { isCellDate, isCellError, type CellValue, type WorkbookGrid } from "../../core/grid";
import { withFixedEntryTimes } from "./zip";

export interface WriteXlsxOptions {
  /** Creation / modification date written into the file. Fixed by default, for reproducible bytes. */
  date?: Date;
}

/** 2000-01-01T00:00:00Z: a neutral, fixed stamp. */
export const FIXED_WRITE_DATE = new Date(Date.UTC(2000, 0, 1));

function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (isCellError(v)) return { error: v.error as ExcelJS.CellErrorValue["error"] };
  // exceljs writes a Date as a date-formatted serial number, as Excel stores dates.
  if (isCellDate(v)) return new Date(`${v.date}${v.date.includes("T") ? "" : "T00:00:00"}Z`);
  return v;
}

export async function writeXlsx(workbook: WorkbookGrid, options: WriteXlsxOptions = {}): Promise<Uint8Array> {
  const date = options.date ?? FIXED_WRITE_DATE;
  const wb = new ExcelJS.Workbook();
  wb.creator = "hyoka";
  wb.lastModifiedBy = "hyoka";
  wb.created = date;
  wb.modified = date;
  for (const sheet of workbook.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    // Index loops: generated grids may hold holes or undefined rows, which mean empty.
    for (let i = 0; i < sheet.values.length; i++) {
      const row = sheet.values[i] ?? [];
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (v === null || v === undefined) continue;
        ws.getCell(sheet.top + i + 1, sheet.left + j + 1).value = toExcelValue(v);
      }
    }
    // After the values: exceljs keeps the master's value and drops the others, as the grid says.
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  const buffer = await wb.xlsx.writeBuffer();
  // Node gives a Buffer, the browser build an ArrayBuffer-like; both view as Uint8Array.
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
  return withFixedEntryTimes(bytes, date);
}
