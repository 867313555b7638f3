// Errors of ribbon commands, shown to the user. A command (ExecuteFunction) has no UI of its
// own and Excel offers add-in commands no notification API (notificationMessages is Outlook's),
// so the message opens in a small dialog page of ours (dialog.html, built by webpack) through
// the Dialog API (Office.context.ui.displayDialogAsync, DialogApi 1.1). The text travels in the
// page's query string; the page only ever puts it in textContent.

import type { Language } from "../core/findings";

const DIALOG_PAGE = "dialog.html";

/** What the dialog page sends when the user closes it. */
export const DIALOG_CLOSE_MESSAGE = "close";

/** Query strings stay far below URL limits; a longer message is cut. */
export const MAX_DIALOG_TEXT = 1000;

interface AsyncResultLike<T> {
  status: unknown;
  value: T;
  error?: { code?: number; message?: string } | null;
}

export interface DialogLike {
  addEventHandler(eventType: Office.EventType, handler: (args: { message: string; origin: string | undefined } | { error: number }) => void): void;
  close(): void;
}

/** The part of Office.context.ui used here (tests pass a fake). */
export interface DialogUi {
  displayDialogAsync(startAddress: string, options: Office.DialogOptions, callback: (result: AsyncResultLike<DialogLike>) => void): void;
}

/** Office's runtime enum values (Office.EventType.*, AsyncResultStatus.Failed). */
const MESSAGE_RECEIVED = "dialogMessageReceived" as unknown as Office.EventType;
const EVENT_RECEIVED = "dialogEventReceived" as unknown as Office.EventType;
const FAILED = "failed";

const cut = (text: string) => (text.length > MAX_DIALOG_TEXT ? `${text.slice(0, MAX_DIALOG_TEXT - 1)}…` : text);

export function errorDialogUrl(pageUrl: string, lang: Language, title: string, message: string): string {
  const url = new URL(DIALOG_PAGE, pageUrl);
  url.search = new URLSearchParams({ lang, title: cut(title), message: cut(message) }).toString();
  return url.href;
}

/**
 * Opens the dialog and resolves once it is closed (button, or the user's ×), so the command's
 * event.completed() comes after it — or once `timeoutMs` have passed, closing it: Office ends
 * a function command that has not completed after 5 minutes (manifest Action reference;
 * office-js#1452, #4983), and the dialog must not outlive its command. When the dialog cannot
 * open (another is already open, popups blocked) the error goes to the console: there is
 * nowhere else left to show it.
 */
export function showErrorDialog(ui: DialogUi, url: string, error: unknown, timeoutMs = Infinity): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      if (timer !== undefined) clearTimeout(timer);
      resolve();
    };
    ui.displayDialogAsync(url, { height: 30, width: 40, displayInIframe: true }, (result) => {
      if (String(result.status) === FAILED) {
        console.error("hyoka: the error dialog could not open", result.error, error);
        done();
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(MESSAGE_RECEIVED, () => {
        dialog.close();
        done();
      });
      // Closed with its own × (or it failed to load): nothing to close.
      dialog.addEventHandler(EVENT_RECEIVED, () => done());
      if (Number.isFinite(timeoutMs))
        timer = setTimeout(() => {
          dialog.close();
          resolve();
        }, timeoutMs);
    });
  });
}
