// Getting text out of the pane: a file download (Blob + object URL + a link click) and the
// clipboard. Excel desktop may block downloads from the pane, hence the clipboard as well.

import type { LocalizedText } from "../core/findings";

export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The browser may read the URL after click() returns: revoke it on the next turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

const COPY_FAILED: LocalizedText = {
  ja: "クリップボードにコピーできませんでした。",
  en: "The text could not be copied to the clipboard.",
};

/** Copies text; errors carry `text: {ja, en}` so describeError shows them as they are. */
export async function copyText(text: string): Promise<void> {
  // A byte-order mark helps Excel open a CSV file, not a paste.
  const plain = text.replace(/^\uFEFF/, "");
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(plain);
      return;
    } catch {
      // Office's webviews may refuse the async clipboard: fall back to a selection copy.
    }
  }
  const area = document.createElement("textarea");
  area.value = plain;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const copied = typeof document.execCommand === "function" && document.execCommand("copy");
  area.remove();
  if (!copied) throw Object.assign(new Error(COPY_FAILED.en), { text: COPY_FAILED });
}

/** A file's text; FileReader rather than Blob.text(), which older webviews lack. */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsText(file, "utf-8");
  });
}

/** A name safe as a file name on Windows and macOS. */
export function safeFileName(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim();
  return cleaned === "" ? fallback : cleaned.slice(0, 100);
}
