// The Office.js adapter: the WorkbookPort the task pane and the ribbon commands use inside Excel.
export { OfficeWorkbookPort, type ContextRunner, type OfficeWorkbookPortOptions } from "./officeWorkbookPort";
