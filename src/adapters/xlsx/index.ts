// Spreadsheet files ⇄ WorkbookGrid, for Node (CLI) and the browser (preview): one reader for
// .xlsx, .xlsm, .xlsb, .xls and .ods (SheetJS behind hyoka's own caps), exceljs for writing.
export { readWorkbook, DEFAULT_MAX_BYTES, DEFAULT_MAX_CELLS, type ReadWorkbookOptions, type ReadWorkbook, type WorkbookFormat } from "./read";
export { writeXlsx, FIXED_WRITE_DATE, type WriteXlsxOptions } from "./write";
export { WorkbookReadError, isWorkbookReadError, type WorkbookReadErrorCode } from "./errors";
