// The preview build's Content-Security-Policy in a real browser: the page carries the policy
// webpack.config.js writes for OFFICE_JS=none, a walk through everything the preview loads
// lazily (the preview and .xlsx chunks, a fetched sample, a picked file, the summary and its
// blob: download, both themes' run-time styles) reports no violation, and what the policy is
// for — inline scripts, eval, requests to other origins — is refused.

import * as fs from "node:fs";
import * as path from "node:path";
import { mistakesWorkbook } from "../../src/samples/mistakes";
import { t } from "../../src/taskpane/i18n";
import { openPreview, type PreviewSession } from "./harness";
import { PREVIEW_DIR } from "../../scripts/preview";

// The webpack config is CommonJS.
const { contentSecurityPolicy } = require("../../webpack.config.js") as { contentSecurityPolicy: (officeJs: string) => string };

const SAMPLES = process.env.HYOKA_SAMPLES_DIR ?? path.resolve(__dirname, "..", "..", "assets", "samples");

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

let session: PreviewSession;
const consoleCsp: string[] = [];

const violations = (): Promise<Violation[]> => session.page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp.splice(0));

beforeAll(async () => {
  session = await openPreview();
  // Installed before any script of the page runs, so nothing the bundle does is missed.
  await session.page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __csp: Violation[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }));
  });
  session.page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleCsp.push(m.text());
  });
  await session.page.goto(session.server.url);
}, 300_000);

afterAll(async () => {
  await session?.close();
});

const pane = () => session.page.locator(".hp-pane");

test("the page carries the strict policy of the preview build, before any script", async () => {
  const policy = contentSecurityPolicy("none");
  expect(policy).toBe(
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data: blob:; frame-src 'none'; object-src 'none'; base-uri 'self'",
  );
  const head = await session.page.evaluate(() => Array.from(document.head.children, (e) => e.outerHTML.slice(0, 60)));
  const metaAt = head.findIndex((h) => h.startsWith('<meta http-equiv="Content-Security-Policy"'));
  const firstScript = head.findIndex((h) => h.startsWith("<script"));
  expect(metaAt).toBe(1); // right after <meta charset>
  expect(firstScript).toBeGreaterThan(metaAt);
  expect(await session.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toBe(policy);
});

test("checking, every tab in both themes, a picked file, the summary and its download raise no violation", async () => {
  const page = session.page;
  await pane().getByRole("tab").first().waitFor({ timeout: 30_000 });
  for (let round = 0; round < 2; round++) {
    const tabs = pane().getByRole("tab");
    for (let i = 0; i < (await tabs.count()); i++) await tabs.nth(i).click();
    await page.getByTestId("theme-toggle").click();
  }
  await pane().getByRole("tab").first().click();
  await page.getByTestId("file-input").setInputFiles(path.join(SAMPLES, "mistakes.xlsx"));
  await page.locator(`[data-sheet-tab="${mistakesWorkbook().sheets[0].grid.name}"]`).waitFor();
  await page.getByTestId("sample-select").selectOption("41303000-2013.xlsx");
  await pane().getByRole("button", { name: t("ja", "writeSummary") }).click();
  await page.locator('[data-sheet-tab="達成率サマリー"]').waitFor({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-summary").click()]);
  expect(download.suggestedFilename()).toBe("41303000-2013-summary.xlsx");
  await page.waitForTimeout(200); // violation events are dispatched asynchronously
  expect(await violations()).toEqual([]);
  expect(consoleCsp).toEqual([]);
  expect(session.pageErrors).toEqual([]);
  // The lazily loaded chunks did load from the origin.
  const origin = session.server.url;
  expect(session.requests.filter((u) => u.startsWith(origin) && /\/(preview|xlsx)\.[0-9a-f]{8}\.js$/.test(u)).length).toBe(2);
});

test("inline script, eval and a request to another origin are refused", async () => {
  const outcome = await session.page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.__inlineRan = true";
    document.head.appendChild(script);
    // A string timer compiles code at run time in the page's own context (code evaluated through
    // the test's DevTools channel is exempt from the eval check, so that cannot show it).
    setTimeout("window.__evalRan = true", 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const evalResult = (window as unknown as { __evalRan?: boolean }).__evalRan === true ? "ran" : "refused";
    let fetchResult = "ok";
    await fetch("https://example.invalid/x").catch((e: Error) => (fetchResult = e.name));
    return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, evalResult, fetchResult };
  });
  expect(outcome).toEqual({ inlineRan: false, evalResult: "refused", fetchResult: "TypeError" });
  await session.page.waitForTimeout(200);
  const seen = await violations();
  expect(seen.map((v) => `${v.directive} ${v.blocked}`).sort()).toEqual(["connect-src https://example.invalid/x", "script-src eval", "script-src-elem inline"]);
  // Refused by the policy itself: the browser never asked the network (the harness would have aborted it).
  expect(session.foreign).toEqual([]);
});

test("no chunk of the build calls eval, and Function() appears only in unreachable global-object fallbacks", () => {
  const dir = process.env.HYOKA_PREVIEW_DIR ?? PREVIEW_DIR;
  const chunks = fs.readdirSync(dir).filter((f) => f.endsWith(".js"));
  expect(chunks.length).toBeGreaterThan(3);
  const found: string[] = [];
  for (const file of chunks) {
    const code = fs.readFileSync(path.join(dir, file), "utf8");
    if (/(^|[^\w$.])eval\(/.test(code)) found.push(`${file}: eval(`);
    for (const m of code.matchAll(/(?<![\w$.])(?:new )?Function\([^)]*\)/g)) found.push(m[0]);
  }
  // webpack's runtime, lodash and regenerator look for the global object with Function("return
  // this") only when globalThis / self are missing; setImmediate's polyfill compiles a string
  // callback, and nothing here passes it one. Any other use would need 'unsafe-eval'.
  const allowed = new Set(['new Function("return this")', 'Function("return this")', 'Function("r","regeneratorRuntime = r")', 'new Function(""+e)']);
  expect(found.filter((f) => !allowed.has(f))).toEqual([]);
});
