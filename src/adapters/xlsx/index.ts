// .xlsx ⇄ WorkbookGrid, for Node (CLI) and the browser (preview).
export { readXlsx, DEFAULT_MAX_BYTES, DEFAULT_MAX_CELLS, type ReadXlsxOptions } from "./read";
export { writeXlsx, FIXED_WRITE_DATE, type WriteXlsxOptions } from "./write";
export { WorkbookReadError, isWorkbookReadError, type WorkbookReadErrorCode } from "./errors";
