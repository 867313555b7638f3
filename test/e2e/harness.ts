// Shared set-up of the browser tests: the preview bundle (built when stale) on a static
// server at a free port, Debian's chromium through playwright-core with a fresh profile, and
// a record of every request the page makes, so a test can prove none left the origin.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { buildPreview, previewIsStale, PREVIEW_DIR, startStaticServer, type StaticServer } from "../../scripts/preview";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const RESULTS_DIR = path.resolve(__dirname, "..", "..", "test-results", "e2e");

export interface PreviewSession {
  server: StaticServer;
  context: BrowserContext;
  page: Page;
  /** Every URL requested by any page of the context, in order. */
  requests: string[];
  /** Requests that were not for the test origin, data: or blob: (aborted). */
  foreign: string[];
  dialogs: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

export function isLocalUrl(url: string, origin: string): boolean {
  return url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:");
}

export async function openPreview(): Promise<PreviewSession> {
  // HYOKA_PREVIEW_DIR: serve a bundle built elsewhere, as is (no staleness check, no build).
  const dir = process.env.HYOKA_PREVIEW_DIR ?? PREVIEW_DIR;
  if (!process.env.HYOKA_PREVIEW_DIR && previewIsStale()) buildPreview();
  const server = await startStaticServer(dir, 0);
  const origin = server.url.replace(/\/$/, "");
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hyoka-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    locale: "ja-JP",
    viewport: { width: 1400, height: 900 },
    // No colour transitions half-way when axe measures contrast right after a theme switch.
    reducedMotion: "reduce",
  });
  const requests: string[] = [];
  const foreign: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  context.on("request", (r) => requests.push(r.url()));
  // Routing sees every request before it leaves: anything off the origin is recorded and refused.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocalUrl(url, origin)) return route.continue();
    foreign.push(url);
    return route.abort("blockedbyclient");
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  return {
    server,
    context,
    page,
    requests,
    foreign,
    dialogs,
    pageErrors,
    close: async () => {
      await context.close();
      await server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const AXE_PATH = require.resolve("axe-core/axe.min.js");
let axeSource: string | null = null;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core run in the page; only serious and critical violations are returned. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a <script>: the page's CSP (script-src 'self') refuses inline
  // scripts, and code run through evaluate is not subject to it.
  if (!(await page.evaluate(() => "axe" in window))) {
    axeSource ??= fs.readFileSync(AXE_PATH, "utf8");
    await page.evaluate(axeSource);
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[]; html: string }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    // Fluent's focus sentinels (tabster dummies) are focusable and aria-hidden by design: a
    // documented false positive of aria-hidden-focus (microsoft/tabster#288), excluded as
    // Accessibility Insights does; any other node still counts.
    const sentinel = (html: string) => /data-tabster-dummy|data-is-focus-trap-zone-bumper/.test(html);
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ ...v, nodes: v.id === "aria-hidden-focus" ? v.nodes.filter((n) => !sentinel(n.html)) : v.nodes }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

/** Puts a file into the page's drop zone as a user's drag and drop would. */
export async function dropFile(page: Page, selector: string, name: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(
    ({ selector, name, data }) => {
      const target = document.querySelector(selector);
      if (!target) throw new Error(`no ${selector}`);
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { selector, name, data: Array.from(bytes) },
  );
}

/** Relative luminance of a CSS `rgb(…)`/`rgba(…)` colour, 0 (black) … 1 (white). */
export function luminance(css: string): number {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!m) throw new Error(`not an rgb colour: ${css}`);
  const [r, g, b] = m.slice(1, 4).map((x) => Number(x) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
