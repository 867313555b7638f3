// Labels of the preview's own chrome (the pane beside it has its own strings in ../i18n).

import type { Language } from "../../core/findings";

export interface PreviewText {
  title: string;
  subtitle: string;
  sample: string;
  openFile: string;
  dropHere: string;
  loading: string;
  darkTheme: string;
  downloadSummary: string;
  noWorkbook: string;
  selection: string;
  sheet: string;
  sheets: string;
  rowHeader: string;
  loadFailed: string;
  workbook: string;
}

export const PREVIEW_TEXT: Record<Language, PreviewText> = {
  ja: {
    title: "hyoka プレビュー",
    subtitle: "Excel なしで、ブラウザー内のブックを検証します(読み取り専用・通信なし)",
    sample: "サンプル",
    openFile: ".xlsx を開く",
    dropHere: ".xlsx ファイルをここにドロップ",
    loading: "読み込み中…",
    darkTheme: "ダークテーマ",
    downloadSummary: "サマリーをダウンロード (.xlsx)",
    noWorkbook: "ブックがありません。.xlsx を開くかドロップしてください。",
    selection: "選択セル",
    sheet: "シート",
    sheets: "シート一覧",
    rowHeader: "行番号",
    loadFailed: "ブックを読み込めませんでした",
    workbook: "ブック",
  },
  en: {
    title: "hyoka preview",
    subtitle: "Checks a workbook held in this page, without Excel (read-only, nothing leaves the page)",
    sample: "Sample",
    openFile: "Open .xlsx",
    dropHere: "Drop an .xlsx file here",
    loading: "Loading…",
    darkTheme: "Dark theme",
    downloadSummary: "Download summary (.xlsx)",
    noWorkbook: "No workbook. Open or drop an .xlsx file.",
    selection: "Selected cell",
    sheet: "Sheet",
    sheets: "Sheets",
    rowHeader: "Row",
    loadFailed: "The workbook could not be read",
    workbook: "Workbook",
  },
};
