// Japanese data-entry normalization. CONTRACT: the exported names and signatures are fixed.
// Every parse function takes any CellValue and never throws.
//
// Statuses: `ok` (taken as it stood), `normalized` (readable after a change the note names,
// several joined with "; "), `empty` (blank), `no-value` (－, ―, -, …, 未集計, 集計中, N/A,
// 未定…), `invalid` (the note says what was expected).

export type { Parsed } from "./parsed";
export { cellText, normalizeText, labelKey, isNoValueMarker } from "./text";
export { parseNumber } from "./number";
export { parseYear, parsePeriod } from "./year";
export { parseEvaluationCode, EVALUATION_CODES } from "./code";
export { parseDirection } from "./direction";
export { parseScaleValue, matchScale, type ScaleMatchKind } from "./scale";
export { localizeNote, NOTE, UNKNOWN_NOTE_JA } from "./notes";
