// Entry of dialog.html: shows a ribbon command's error; 閉じる tells the command to close it.

import { dialogContent } from "./dialogPage";
import { DIALOG_CLOSE_MESSAGE } from "./errorDialog";

function render(): void {
  const content = dialogContent(window.location.search);
  document.documentElement.lang = content.lang;
  document.title = content.title;
  const main = document.createElement("main");
  const title = document.createElement("h1");
  title.textContent = content.title;
  const message = document.createElement("p");
  message.setAttribute("role", "alert");
  message.textContent = content.message;
  const ok = document.createElement("button");
  ok.type = "button";
  ok.textContent = content.ok;
  ok.addEventListener("click", () => Office.context.ui.messageParent(DIALOG_CLOSE_MESSAGE));
  main.append(title, message, ok);
  document.body.append(main);
  ok.focus();
}

void Office.onReady(render);
