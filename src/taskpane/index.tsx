// Entry of the task pane page. In Excel: the Office port. Anywhere else (no office.js, or
// office.js loaded outside Office): the browser preview, loaded as a separate chunk so the
// pane in Excel never downloads it.

import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { documentFileName, isExcelHost, wantsAutoCheck } from "./boot";
import { OfficeWorkbookPort } from "../adapters/office/officeWorkbookPort";
import { registerRibbonCommands } from "../commands/register";

function rootElement(): HTMLElement {
  const existing = document.getElementById("root");
  if (existing) return existing;
  const created = document.createElement("div");
  created.id = "root";
  document.body.appendChild(created);
  return created;
}

function startPreview(root: HTMLElement): void {
  import(/* webpackChunkName: "preview" */ "./preview/bootstrap")
    .then((m) => m.renderPreview(root))
    .catch((error: unknown) => {
      // Nothing else can show it: the pane itself failed to load.
      root.textContent = `hyoka: the preview failed to load (${error instanceof Error ? error.message : String(error)})`;
    });
}

function start(): void {
  const root = rootElement();
  if (typeof Office === "undefined") {
    startPreview(root);
    return;
  }
  void Office.onReady((info) => {
    if (!isExcelHost(info)) {
      startPreview(root);
      return;
    }
    // In the shared runtime this page is also the ribbon's FunctionFile (manifest <Runtimes>).
    registerRibbonCommands();
    const source = documentFileName(Office.context.document?.url) ?? undefined;
    createRoot(root).render(<App port={new OfficeWorkbookPort()} autoCheck={wantsAutoCheck(window.location.search)} source={source} />);
  });
}

start();
