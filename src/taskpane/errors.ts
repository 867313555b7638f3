// Turns whatever Excel (or the preview) throws into one sentence a user can act on.
// Office.js rejects with OfficeExtension.Error, whose `code` names the cause.

import type { Language, LocalizedText } from "../core/findings";

const KNOWN_CODES: Record<string, LocalizedText> = {
  InvalidOperationInCellEditMode: {
    ja: "セルを編集中です。Enter キーを押してから、もう一度お試しください。",
    en: "A cell is being edited — press Enter and try again.",
  },
  AccessDenied: {
    ja: "ブックが保護されているか、読み取り専用のため操作できません。",
    en: "The workbook is protected or read-only, so this cannot be done.",
  },
  ItemNotFound: {
    ja: "シートまたはセルが見つかりません。ブックが変更された可能性があります。もう一度検証してください。",
    en: "The sheet or cell no longer exists — the workbook may have changed. Check again.",
  },
  ActivityLimitReached: {
    ja: "Excel の処理上限に達しました。しばらく待ってから、もう一度お試しください。",
    en: "Excel's activity limit was reached — wait a moment and try again.",
  },
  // Excel on the web's ~5 MB cap: hyoka already splits its requests, so what is left is data far outside the forms.
  RequestPayloadSizeLimitExceeded: {
    ja: "データが大きすぎて Excel とやり取りできませんでした。様式の外にある不要な値や書式を削除してから、もう一度お試しください。",
    en: "The data is too large to exchange with Excel. Remove stray values and formats outside the forms, then try again.",
  },
  ResponsePayloadSizeLimitExceeded: {
    ja: "データが大きすぎて Excel とやり取りできませんでした。様式の外にある不要な値や書式を削除してから、もう一度お試しください。",
    en: "The data is too large to exchange with Excel. Remove stray values and formats outside the forms, then try again.",
  },
  ApiNotFound: {
    ja: "この Excel では必要な機能が使えません。Excel を更新してください。",
    en: "This version of Excel lacks a feature the add-in needs — please update Excel.",
  },
  Conflict: {
    ja: "ほかの編集と競合しました。もう一度お試しください。",
    en: "The request conflicted with another edit — try again.",
  },
};

/** One clear message for an error from Excel; unknown errors keep their own text. */
export function describeError(error: unknown, lang: Language): string {
  const own = localizedText(error);
  if (own) return own[lang];
  const code = errorCode(error);
  if (code && KNOWN_CODES[code]) return KNOWN_CODES[code][lang];
  const detail = errorMessage(error);
  const prefix = lang === "ja" ? "操作に失敗しました" : "The operation failed";
  const codePart = code ? ` (${code})` : "";
  return detail ? `${prefix}${codePart}: ${detail}` : `${prefix}${codePart}.`;
}

/** Errors of our own adapters (e.g. a feature the host's API set lacks) carry `text: {ja, en}`. */
function localizedText(error: unknown): LocalizedText | null {
  if (typeof error !== "object" || error === null || !("text" in error)) return null;
  const text = (error as { text: unknown }).text as Partial<LocalizedText> | null;
  return text && typeof text.ja === "string" && typeof text.en === "string" ? (text as LocalizedText) : null;
}

function errorCode(error: unknown): string | null {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string" && code) return code;
  }
  return null;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) {
    return String((error as { message: unknown }).message);
  }
  return typeof error === "string" ? error : "";
}
