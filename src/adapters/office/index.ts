// The Office.js adapter: the WorkbookPort the task pane uses inside Excel.
export { OfficeWorkbookPort, excelRun, splitAddress, type ContextRunner, type OfficeWorkbookPortOptions } from "./officeWorkbookPort";
export { FEATURE_SETS, MANIFEST_MIN_SET, UnsupportedFeatureError, unsupportedMessage, type Feature } from "./requirements";
export { HIGHLIGHT_COLORS } from "./highlights";
export { PROFILE_NAMESPACE } from "./profileStore";
export { SUMMARY_SHEETS_SETTING } from "./summaryWriter";
