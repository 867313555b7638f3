// What the error dialog page (dialog.html) shows, from its query string (errorDialog.ts).

import type { Language } from "../core/findings";

export interface DialogContent {
  lang: Language;
  title: string;
  message: string;
  ok: string;
}

export function dialogContent(search: string): DialogContent {
  const params = new URLSearchParams(search);
  const lang: Language = params.get("lang") === "en" ? "en" : "ja";
  return {
    lang,
    title: params.get("title") || "hyoka",
    message: params.get("message") ?? "",
    ok: lang === "ja" ? "閉じる" : "Close",
  };
}
