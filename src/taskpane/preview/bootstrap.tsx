// Preview mode: the task pane opened outside Office. A read-only grid of a workbook held in
// the page sits beside the normal pane, which talks to it through PreviewWorkbookPort.
// This module is itself loaded lazily by ../index.tsx, and the .xlsx library only from here.

import * as React from "react";
import { createRoot } from "react-dom/client";
import type { Language } from "../../core/findings";
import { PreviewWorkbook } from "../../adapters/preview/previewWorkbook";
import { PreviewWorkbookPort } from "../../adapters/preview/PreviewWorkbookPort";
import { App } from "../App";
import { GridView } from "./GridView";
import { PREVIEW_CSS } from "./previewStyles";
import { PREVIEW_TEXT } from "./previewText";

/** Sample workbooks served beside the page (copied by the build, never fetched from elsewhere). */
export const BUNDLED_SAMPLES = [
  { file: "41303000-2013.xlsx", label: { ja: "41303000 環境技術を活かした国際貢献 (2013)", en: "41303000 International contribution (2013)" } },
  { file: "mistakes.xlsx", label: { ja: "誤り見本(複数施策)", en: "Planted mistakes (several measures)" } },
  { file: "41303000-projects.xlsx", label: { ja: "41303000 の事務事業評価シート(4事業)", en: "41303000's project sheets (4 projects)" } },
  { file: "kawasaki-r6-project.xlsx", label: { ja: "事務事業評価シート 令和6年度(端数処理の例)", en: "Project sheet 2024 (rounding case)" } },
  { file: "project-mistakes.xlsx", label: { ja: "誤り見本(事務事業)", en: "Planted mistakes (projects)" } },
  { file: "41303000-family.xlsx", label: { ja: "41303000 の評価票(1)(2)と事務事業(連携)", en: "41303000's sheets (1), (2) and projects (linked)" } },
  { file: "41303000-family-mistakes.xlsx", label: { ja: "誤り見本(連携・評価票(2))", en: "Planted mistakes (links, roll-up)" } },
] as const;

type ReaderModule = typeof import("../../adapters/xlsx/read");
let readerModule: Promise<ReaderModule> | null = null;

/**
 * The same hardened reader as the CLI (caps before parsing), in its own chunk: the task pane in
 * Excel never downloads it. The preview asks for it as soon as it starts (see renderPreview),
 * so it downloads and compiles while React renders the page.
 */
function reader(): Promise<ReaderModule> {
  readerModule ??= import(/* webpackChunkName: "xlsx" */ "../../adapters/xlsx/read");
  return readerModule;
}

async function readWorkbookBytes(bytes: ArrayBuffer) {
  const { readWorkbook } = await reader();
  return readWorkbook(bytes);
}

/** Bundled samples already requested (the first one at start-up), by file name; each is used once. */
const sampleRequests = new Map<string, Promise<ArrayBuffer>>();

function fetchSample(file: string): Promise<ArrayBuffer> {
  const started = sampleRequests.get(file);
  sampleRequests.delete(file);
  return (
    started ??
    fetch(new URL(`samples/${file}`, document.baseURI).href).then((response) => {
      if (!response.ok) throw new Error(`samples/${file}: HTTP ${response.status}`);
      return response.arrayBuffer();
    })
  );
}

function errorText(error: unknown, lang: Language): string {
  const e = error as { message?: string; messageJa?: string };
  if (lang === "ja" && typeof e?.messageJa === "string") return e.messageJa;
  return typeof e?.message === "string" ? e.message : String(error);
}

function prefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

interface PreviewShellProps {
  workbook: PreviewWorkbook;
  port: PreviewWorkbookPort;
}

export function PreviewShell({ workbook, port }: PreviewShellProps): React.ReactElement {
  const [lang, setLang] = React.useState<Language>(() => port.displayLanguage());
  const [dark, setDark] = React.useState(prefersDark);
  // Remounts the pane for each workbook so it starts clean and checks the new one.
  const [loadCount, setLoadCount] = React.useState(0);
  const [loading, setLoading] = React.useState(false);
  const [error, setError] = React.useState<unknown>(null);
  const [sample, setSample] = React.useState<string>(BUNDLED_SAMPLES[0].file);
  const [dragging, setDragging] = React.useState(false);
  const text = PREVIEW_TEXT[lang];
  const paneRef = React.useRef<HTMLDivElement>(null);

  // The pane owns the language (its switch and 設定 tab); the chrome follows the `lang` its
  // FluentProvider renders, so there is one switch and no second source of truth.
  React.useEffect(() => {
    const pane = paneRef.current;
    if (!pane || typeof MutationObserver === "undefined") return;
    const follow = () => {
      const value = pane.querySelector("[lang]")?.getAttribute("lang");
      if (value === "ja" || value === "en") setLang(value);
    };
    const observer = new MutationObserver(follow);
    observer.observe(pane, { attributes: true, attributeFilter: ["lang"], subtree: true, childList: true });
    return () => observer.disconnect();
  }, []);
  const hasSummary = React.useSyncExternalStore(
    (l) => workbook.subscribe(l),
    () => workbook.sheets.some((s) => s.madeByHyoka),
  );

  const load = React.useCallback(
    async (name: string, bytes: () => Promise<ArrayBuffer>) => {
      setLoading(true);
      setError(null);
      try {
        const buffer = await bytes();
        // A copy for the report's sha256, taken before the reader sees the buffer.
        const file = new Uint8Array(buffer.slice(0));
        // Marks for `npm run bench`, which reports how much of the time to findings is reading.
        performance.mark("hyoka:read-start");
        const grid = await readWorkbookBytes(buffer);
        performance.mark("hyoka:read-end");
        workbook.replaceAll(name, grid.sheets, file);
        setLoadCount((n) => n + 1);
      } catch (e) {
        setError(e);
      } finally {
        setLoading(false);
      }
    },
    [workbook],
  );

  const loadSample = React.useCallback(
    (file: string) => {
      setSample(file);
      return load(file, () => fetchSample(file));
    },
    [load],
  );

  const loadFile = React.useCallback((file: File) => load(file.name, () => file.arrayBuffer()), [load]);

  React.useEffect(() => {
    void loadSample(BUNDLED_SAMPLES[0].file);
  }, [loadSample]);

  React.useEffect(() => {
    document.documentElement.lang = lang;
    document.title = text.title;
  }, [lang, text.title]);

  const download = async () => {
    try {
      const file = await port.summaryWorkbookBytes();
      if (!file) return;
      const url = URL.createObjectURL(new Blob([new Uint8Array(file.bytes)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = file.fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div className={dark ? "hp-root hp-dark" : "hp-root"} data-theme={dark ? "dark" : "light"}>
      <style>{PREVIEW_CSS}</style>
      <header className="hp-header">
        <h1>{text.title}</h1>
        <p className="hp-subtitle">{text.subtitle}</p>
        <div className="hp-controls">
          <label>
            {text.sample}{" "}
            <select value={sample} onChange={(e) => void loadSample(e.target.value)} data-testid="sample-select">
              {BUNDLED_SAMPLES.map((s) => (
                <option key={s.file} value={s.file}>
                  {s.label[lang]}
                </option>
              ))}
            </select>
          </label>
          <label className="hp-file-label">
            {text.openFile}
            <input
              className="hp-visually-hidden"
              type="file"
              accept=".xlsx,.xlsm,.xlsb,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
              data-testid="file-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) void loadFile(file);
              }}
            />
          </label>
          <button type="button" aria-pressed={dark} onClick={() => setDark((d) => !d)} data-testid="theme-toggle">
            {text.darkTheme}
          </button>
          {hasSummary && (
            <button type="button" className="hp-download" onClick={() => void download()} data-testid="download-summary">
              {text.downloadSummary}
            </button>
          )}
        </div>
      </header>
      {loading && (
        <div className="hp-status" role="status">
          {text.loading}
        </div>
      )}
      {error !== null && (
        <div className="hp-error" role="alert" data-testid="load-error">
          {text.loadFailed}: {errorText(error, lang)}
        </div>
      )}
      <div className="hp-main">
        <section
          aria-label={text.workbook}
          className={dragging ? "hp-workbook hp-dragging" : "hp-workbook"}
          data-drop-label={text.dropHere}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            const file = e.dataTransfer.files[0];
            if (file) void loadFile(file);
          }}
        >
          <GridView workbook={workbook} text={text} />
        </section>
        <div className="hp-pane" ref={paneRef}>
          {loadCount > 0 && <App key={loadCount} port={port} theme={dark ? "dark" : "light"} source={workbook.name || undefined} autoCheck />}
        </div>
      </div>
    </div>
  );
}

export function renderPreview(root: HTMLElement): void {
  // The first sample and the reader load while the page renders, not one after the other.
  const first = BUNDLED_SAMPLES[0].file;
  const request = fetchSample(first);
  request.catch(() => undefined); // a failure shows when the shell awaits it
  sampleRequests.set(first, request);
  void reader().catch(() => undefined); // likewise: readWorkbookBytes reports it
  const workbook = new PreviewWorkbook();
  const port = new PreviewWorkbookPort(workbook, {
    languages: typeof navigator === "undefined" ? [] : navigator.languages,
  });
  createRoot(root).render(<PreviewShell workbook={workbook} port={port} />);
}
