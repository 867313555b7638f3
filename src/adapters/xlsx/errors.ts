// Why a file could not be read, as a code a front end can act on (the CLI's exit 2, the
// preview's message) plus a sentence in English and Japanese.

export type WorkbookReadErrorCode = "empty" | "not-zip" | "encrypted" | "corrupt" | "too-large" | "no-worksheets";

const MESSAGES: Record<WorkbookReadErrorCode, { en: string; ja: string }> = {
  empty: { en: "The file is empty.", ja: "ファイルが空です。" },
  "not-zip": {
    en: "Not a workbook (.xlsx, .xlsm, .xlsb, .xls or .ods): the file is neither a zip archive nor an Excel 97–2003 file (a CSV or text file renamed?).",
    ja: "ブック(.xlsx、.xlsm、.xlsb、.xls、.ods)ではありません(zip 形式でも Excel 97–2003 形式でもありません。CSV やテキストの拡張子を変えたものではありませんか)。",
  },
  encrypted: {
    en: "The workbook is password-protected (encrypted): remove the password in Excel and try again.",
    ja: "パスワードで保護(暗号化)されたブックです。Excel でパスワードを解除してから再度お試しください。",
  },
  corrupt: {
    en: "The workbook is damaged or incomplete and cannot be read.",
    ja: "ブックが破損しているか不完全なため読み込めません。",
  },
  "too-large": {
    en: "The workbook is too large to check safely.",
    ja: "ブックが大きすぎるため、安全に検査できません。",
  },
  "no-worksheets": {
    en: "The workbook has no worksheet that could be read (only chart sheets, or none at all).",
    ja: "読み込めるワークシートがありません(グラフシートだけか、シートがありません)。",
  },
};

/** What exactly was found, in both languages. */
export interface ReadErrorDetail {
  en: string;
  ja: string;
}

export class WorkbookReadError extends Error {
  readonly code: WorkbookReadErrorCode;
  /** Wholly Japanese: the detail appears only when it has a Japanese wording. */
  readonly messageJa: string;
  /** What exactly was found (`truncated zip`, `3,000,000,000 bytes declared`…), English. */
  readonly detail?: string;
  readonly detailJa?: string;

  /** `detail` as plain text (a parser's own English message) stays out of messageJa. */
  constructor(code: WorkbookReadErrorCode, detail?: string | ReadErrorDetail) {
    const text = MESSAGES[code];
    const en = typeof detail === "string" ? detail : detail?.en;
    const ja = typeof detail === "string" ? undefined : detail?.ja;
    super(en ? `${text.en} (${en})` : text.en);
    this.name = "WorkbookReadError";
    this.code = code;
    this.messageJa = ja ? `${text.ja}(${ja})` : text.ja;
    this.detail = en;
    this.detailJa = ja;
    // ES2020 target keeps the prototype, but transpilers to ES5 would not: be explicit.
    Object.setPrototypeOf(this, WorkbookReadError.prototype);
  }
}

export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return e instanceof WorkbookReadError;
}
