// The task pane in a real browser, in preview mode (no Office): one session walks through
// what a newcomer does — the sample is checked, findings jump to cells, rates and costs
// show, another workbook is loaded, the summary is written and downloaded — while every
// request is recorded to prove nothing leaves the page's origin.

import * as fs from "node:fs";
import * as path from "node:path";
import { checkWorkbook, countFindings } from "../../src/core/engine";
import type { Finding } from "../../src/core/findings";
import { readWorkbook } from "../../src/adapters/xlsx/read";
import { writeXlsx } from "../../src/adapters/xlsx/write";
import * as XLSX from "@e965/xlsx";
import { oneSheetPackage } from "../adapters/xlsx/fixtures";
import { mistakesWorkbook } from "../../src/samples/mistakes";
import { findingCountText, t } from "../../src/taskpane/i18n";
import { dropFile, luminance, openPreview, RESULTS_DIR, seriousViolations, type PreviewSession } from "./harness";

// HYOKA_SAMPLES_DIR: the sample files a bundle given by HYOKA_PREVIEW_DIR serves.
const SAMPLES = process.env.HYOKA_SAMPLES_DIR ?? path.resolve(__dirname, "..", "..", "assets", "samples");
const SAMPLE_FILE = path.join(SAMPLES, "41303000-2013.xlsx");
const MISTAKES_FILE = path.join(SAMPLES, "mistakes.xlsx");

let session: PreviewSession;
let sampleSheet: string;
let sampleFindings: Finding[];

beforeAll(async () => {
  // What the core says about the bundled sample, read in Node from the same file.
  const grid = await readWorkbook(fs.readFileSync(SAMPLE_FILE));
  const results = checkWorkbook(grid);
  sampleSheet = results.find((r) => r.kind === "evaluation")!.sheet;
  sampleFindings = results.flatMap((r) => r.findings);
  session = await openPreview();
  await session.page.goto(session.server.url);
}, 300_000);

afterAll(async () => {
  await session?.close();
});

const page = () => session.page;
const pane = () => page().locator(".hp-pane");

async function openTab(label: string): Promise<void> {
  await pane().getByRole("tab", { name: label }).click();
}

async function screenshot(name: string): Promise<void> {
  await page().screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
}

/** Every finding the pane lists, as `rule sheet cell` (cell `-` when none). */
async function listedFindings(): Promise<string[]> {
  return pane().evaluate((root) => {
    const out: string[] = [];
    for (const section of root.querySelectorAll("section[aria-label]")) {
      const sheet = section.getAttribute("aria-label");
      for (const item of section.querySelectorAll("li > *")) {
        const cell = item.firstElementChild?.firstElementChild?.textContent ?? "";
        const rule = item.lastElementChild?.textContent ?? "";
        out.push(`${rule} ${sheet} ${/^[A-Z]+\d+/.test(cell) ? cell : "-"}`);
      }
    }
    return out;
  });
}

test("opens on the bundled sample, checks it and lists the expected counts", async () => {
  // Literal figures, not the core's own output: a core regression must fail here too.
  const counts = countFindings(sampleFindings);
  expect(counts).toEqual({ error: 0, warning: 4, info: 1 });
  const total = 5;
  await expectText(pane().getByRole("status").filter({ hasText: findingCountText("ja", total) }), findingCountText("ja", total));
  const listed = await listedFindings();
  expect(listed).toHaveLength(total);
  const unitMissing = sampleFindings.find((f) => f.rule === "indicator.unit.missing" && f.path.startsWith("indicators[0]"));
  expect(unitMissing).toBeDefined();
  expect(listed).toContain(`indicator.unit.missing ${sampleSheet} ${unitMissing!.cell}`);
  await screenshot("01-findings");
});

test("clicking a finding selects its cell in the grid and scrolls it into view", async () => {
  const unitMissing = sampleFindings.find((f) => f.rule === "indicator.unit.missing" && f.path.startsWith("indicators[0]"))!;
  // The 事業費 finding sits below the first screen of the sheet: the grid must scroll to it.
  const budget = sampleFindings.find((f) => f.rule === "budget.plan-deviation")!;
  const scrolled: number[] = [];
  for (const finding of [budget, unitMissing]) {
    await pane().locator("li button").filter({ hasText: finding.rule }).filter({ hasText: finding.cell! }).first().click();
    await expectText(page().getByTestId("namebox"), `${sampleSheet}!${finding.cell}`);
    const selected = page().locator('[data-testid="grid"] td[data-selected="true"]');
    await selected.waitFor();
    expect(await selected.count()).toBe(1);
    expect(await selected.getAttribute("data-cell")).toBe(finding.cell);
    const box = (await selected.boundingBox())!;
    const frame = (await page().getByTestId("grid").boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(frame.y);
    expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height);
    scrolled.push(await page().getByTestId("grid").evaluate((el) => el.scrollTop));
  }
  expect(unitMissing.cell).toBe("D32");
  expect(budget.cell).toBe("H41");
  expect(scrolled[0]).toBeGreaterThan(0);
});

test("達成率 shows 71.3% for ① in 2012 and 123.8% for ② in 2013", async () => {
  await openTab(t("ja", "tabRates"));
  const one2012 = pane().locator(`[data-testid="indicator-${sampleSheet}-1"] [data-testid="rate-row-1-2012"]`);
  const two2013 = pane().locator(`[data-testid="indicator-${sampleSheet}-2"] [data-testid="rate-row-2-2013"]`);
  expect(await one2012.innerText()).toContain("71.3%");
  expect(await two2013.innerText()).toContain("123.8%");
  await screenshot("02-rates");
});

test("事業費 shows an execution rate of 87.2% for 2011", async () => {
  await openTab(t("ja", "tabBudget"));
  const row2011 = pane().locator(`[data-testid="budget-row-${sampleSheet}-2011"]`);
  expect(await row2011.innerText()).toContain("87.2%");
  await screenshot("03-budget");
  await openTab(t("ja", "tabSettings"));
  // 設定 → 診断 in a real browser: outside Office the host is unknown, nothing failed so far.
  const diagnostics = pane().getByTestId("diagnostics");
  await expectText(diagnostics.getByText(t("ja", "diagUnknown")), t("ja", "diagUnknown"));
  expect(await diagnostics.getByRole("button", { name: t("ja", "copyDiagnostics") }).count()).toBe(1);
  await screenshot("04-settings");
  await openTab(t("ja", "tabFindings"));
});

test("every tab passes axe-core with no serious or critical violation, in both themes", async () => {
  // Every tab the pane has, whatever their number: a tab added later is covered too.
  const tabs = await pane().getByRole("tab").allInnerTexts();
  const names = tabs.map((name) => name.replace(/\s*\d+$/, "").trim());
  expect(names.slice(0, 3)).toEqual([t("ja", "tabFindings"), t("ja", "tabRates"), t("ja", "tabBudget")]);
  expect(names).toContain(t("ja", "tabSettings"));
  const report: Record<string, unknown[]> = {};
  const clean: Record<string, unknown[]> = {};
  for (const theme of ["light", "dark"]) {
    for (const [i, name] of names.entries()) {
      await pane().getByRole("tab").nth(i).click();
      report[`${theme} ${name}`] = await seriousViolations(page());
      clean[`${theme} ${name}`] = [];
      await screenshot(`tab-${theme}-${i + 1}`);
    }
    await page().getByTestId("theme-toggle").click();
  }
  await openTab(t("ja", "tabFindings"));
  expect(report).toEqual(clean);
});

test("the dark theme renders the grid and the pane dark", async () => {
  const toggle = page().getByTestId("theme-toggle");
  await toggle.click();
  expect(await toggle.getAttribute("aria-pressed")).toBe("true");
  expect(await page().locator(".hp-root").getAttribute("data-theme")).toBe("dark");
  const gridBg = await page().locator(".hp-root").evaluate((el) => getComputedStyle(el).backgroundColor);
  const paneBg = await pane().locator("main").first().evaluate((el) => getComputedStyle(el).backgroundColor);
  const paneText = await pane().locator("main").first().evaluate((el) => getComputedStyle(el).color);
  expect(luminance(gridBg)).toBeLessThan(0.2);
  expect(luminance(paneBg)).toBeLessThan(0.2);
  expect(luminance(paneText)).toBeGreaterThan(0.6);
  await screenshot("05-dark");
  await toggle.click();
  expect(await page().locator(".hp-root").getAttribute("data-theme")).toBe("light");
});

test("switching to English changes the pane's and the preview's labels", async () => {
  await pane().getByRole("button", { name: t("ja", "switchLanguage"), exact: true }).click();
  await pane().getByRole("tab", { name: t("en", "tabRates") }).waitFor();
  expect(await pane().getByRole("tab", { name: t("en", "tabBudget") }).count()).toBe(1);
  expect(await pane().getByRole("tab", { name: t("ja", "tabBudget") }).count()).toBe(0);
  await expectText(page().locator(".hp-header h1"), "hyoka preview");
  await screenshot("06-english");
  await pane().getByRole("button", { name: t("en", "switchLanguage"), exact: true }).click();
  await pane().getByRole("tab", { name: t("ja", "tabRates") }).waitFor();
  await expectText(page().locator(".hp-header h1"), "hyoka プレビュー");
});

test("the mistakes workbook loaded through the file picker shows every planted mistake", async () => {
  const { expected, sheets } = mistakesWorkbook();
  const mistakes = checkWorkbook(await readWorkbook(fs.readFileSync(MISTAKES_FILE))).flatMap((r) => r.findings);
  await page().getByTestId("file-input").setInputFiles(MISTAKES_FILE);
  await page().locator(`[data-sheet-tab="${sheets[0].grid.name}"]`).waitFor();
  await expectText(pane().getByRole("status"), findingCountText("ja", mistakes.length));
  const listed = new Set(await listedFindings());
  const missing = expected.map((e) => `${e.rule} ${e.sheet} ${e.cell ?? "-"}`).filter((e) => !listed.has(e));
  expect(missing).toEqual([]);
  expect(expected.length).toBeGreaterThan(10);
  await screenshot("07-mistakes");
});

test("write summary adds a summary tab with the same rates, and the download is a valid .xlsx", async () => {
  await page().getByTestId("sample-select").selectOption("41303000-2013.xlsx");
  await expectText(pane().getByRole("status"), findingCountText("ja", sampleFindings.length));
  await pane().getByRole("button", { name: t("ja", "writeSummary") }).click();
  const summaryTab = page().locator('[data-sheet-tab="達成率サマリー"]');
  await summaryTab.waitFor();
  expect(await summaryTab.getAttribute("aria-selected")).toBe("true");
  const rows = page().locator('[data-testid="grid"] tbody tr');
  const rowTexts = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")));
  const one2012 = rowTexts.find((r) => r.some((c) => c.startsWith("①")) && r.includes("2012"));
  const two2013 = rowTexts.find((r) => r.some((c) => c.startsWith("②")) && r.includes("2013"));
  expect(one2012).toContain("71.3%");
  expect(two2013).toContain("123.8%");
  await screenshot("08-summary");

  const [download] = await Promise.all([page().waitForEvent("download"), page().getByTestId("download-summary").click()]);
  expect(download.suggestedFilename()).toBe("41303000-2013-summary.xlsx");
  const file = await download.path();
  const book = await readWorkbook(fs.readFileSync(file));
  const values = book.sheets.flatMap((s) => s.values);
  const rate2012 = values.find((r) => typeof r[0] === "string" && r.some((c) => typeof c === "string" && c.startsWith("①")) && r.includes(2012));
  expect(rate2012).toBeDefined();
  expect(rate2012!.find((c) => typeof c === "number" && c > 0 && c < 1)).toBeCloseTo(428 / 600, 10);
});

test("the project sample: the 事務事業 tab shows its cost table, a ±1 total selects its cell, axe finds nothing serious", async () => {
  await page().getByTestId("sample-select").selectOption("kawasaki-r6-project.xlsx");
  // Literal figures: three 総コスト warnings and one info (決算 over 予算 in 2023).
  await expectText(pane().getByRole("status"), findingCountText("ja", 4));
  await openTab(t("ja", "tabProjects"));
  const table = pane().getByRole("table", { name: "10101010 事業費の表" });
  await table.waitFor();
  const total = pane().getByTestId("cost-row-10101010-totalCost");
  expect(await total.innerText()).toContain("119,201");
  const flagged = await table.locator("[data-severity]").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-cell")} ${e.getAttribute("data-severity")}`));
  expect(flagged).toEqual(["G18 info", "H24 warning", "I24 warning", "J24 warning"]);
  await total.getByRole("button", { name: "119,201" }).click();
  await expectText(page().getByTestId("namebox"), "10101010!I24");
  expect(await page().locator('[data-testid="grid"] td[data-selected="true"]').getAttribute("data-cell")).toBe("I24");
  expect(await seriousViolations(page())).toEqual([]);
  await screenshot("09-projects");
  await openTab(t("ja", "tabRollup"));
  await pane().getByTestId("project-rollup-row-10101010").waitFor();
  expect(await pane().getByTestId("achievement-distribution").innerText()).toContain("3: 1");
  await openTab(t("ja", "tabFindings"));
});

test("the 41303000 family, linked: the 全体 tree shows 政策 → 施策 → 事務事業, a figure selects its cell, axe finds nothing serious", async () => {
  await page().getByTestId("sample-select").selectOption("41303000-family-mistakes.xlsx");
  // Literal figures: the (1)'s own five and three link findings on it, nine on the (2).
  await expectText(pane().getByRole("status"), findingCountText("ja", 17));
  expect((await listedFindings()).filter((f) => f.startsWith("link.cost.mismatch"))).toEqual(["link.cost.mismatch 41303000(1) F41"]);
  await openTab(t("ja", "tabRollup"));
  const measure = pane().getByTestId("tree-measure-41303000");
  await measure.waitFor();
  expect(await measure.getByTestId("tree-sum-41303000").innerText()).toContain("予算 21,959");
  const project = measure.getByTestId("tree-project-41303040");
  expect(await project.innerText()).toContain("1,455");
  await project.getByRole("button", { name: "1,455" }).click();
  await expectText(page().getByTestId("namebox"), "41303040!I19");
  expect(await pane().getByTestId("tree-project-環境国際協力調査事業").innerText()).toContain(t("ja", "noProjectSheet"));
  expect(await seriousViolations(page())).toEqual([]);
  await screenshot("10-linked");
  await openTab(t("ja", "tabFindings"));
});

test("a cell holding markup is shown as text and runs nothing", async () => {
  const markup = "<img src=x onerror=alert(1)>";
  const bytes = await writeXlsx({
    sheets: [{ name: "XSS", top: 0, left: 0, values: [[markup, "<b>bold</b>"], ["施策課題", markup]], merges: [] }],
  });
  await dropFile(page(), '[data-testid="drop-zone"]', "xss.xlsx", bytes);
  await page().locator('[data-sheet-tab="XSS"]').waitFor();
  const a1 = page().locator('[data-testid="grid"] td[data-cell="A1"]');
  expect(await a1.textContent()).toBe(markup);
  expect(await page().locator('[data-testid="grid"] td[data-cell="B2"]').textContent()).toBe(markup);
  expect(await page().locator('[data-testid="grid"] img, [data-testid="grid"] b').count()).toBe(0);
  await page().waitForTimeout(300);
  expect(session.dialogs).toEqual([]);
  expect(session.pageErrors).toEqual([]);
});

test("an .xls and an .ods copy of the sample, dropped on the page, give the same findings (issue 11)", async () => {
  const wb = XLSX.read(fs.readFileSync(SAMPLE_FILE), { type: "buffer", cellDates: true });
  const other = await writeXlsx({ sheets: [{ name: "Other", top: 0, left: 0, values: [["memo"]], merges: [] }] });
  for (const bookType of ["xls", "ods"] as const) {
    // Another workbook first, so the counts below can only come from the copy.
    await dropFile(page(), '[data-testid="drop-zone"]', "other.xlsx", other);
    await page().locator('[data-sheet-tab="Other"]').waitFor();
    const bytes = new Uint8Array(XLSX.write(wb, { bookType, type: "array" }) as ArrayBuffer);
    await dropFile(page(), '[data-testid="drop-zone"]', `copy.${bookType}`, bytes);
    await page().locator(`[data-sheet-tab="${sampleSheet}"]`).waitFor();
    await expectText(pane().getByRole("status").filter({ hasText: findingCountText("ja", 5) }), findingCountText("ja", 5));
    expect((await listedFindings()).sort()).toEqual(sampleFindings.map((f) => `${f.rule} ${f.sheet} ${f.cell ?? "-"}`).sort());
  }
});

test("a hostile workbook (a tab-spelled merge over the whole sheet) is refused with a message; the page lives on", async () => {
  const bomb = oneSheetPackage('<row r="1"><c r="A1"><v>1</v></c></row>', { after: '<mergeCells><mergeCell\tref="A100:XFD1048576"/></mergeCells>' });
  await dropFile(page(), '[data-testid="drop-zone"]', "bomb.xlsx", bomb);
  await expectText(page().getByTestId("load-error"), "ブックが大きすぎるため、安全に検査できません。(セルが 1000000 個を超えます)");
  expect(session.pageErrors).toEqual([]);
  // Still usable: the sample loads again.
  await dropFile(page(), '[data-testid="drop-zone"]', "41303000-2013.xlsx", new Uint8Array(fs.readFileSync(SAMPLE_FILE)));
  await expectText(pane().getByRole("status").filter({ hasText: findingCountText("ja", 5) }), findingCountText("ja", 5));
});

test("no request left the page's origin during the whole run", async () => {
  const origin = session.server.url.replace(/\/$/, "");
  expect(session.foreign).toEqual([]);
  expect(session.requests.length).toBeGreaterThan(3);
  expect(session.requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"))).toEqual([]);
  // The bundled samples came from the origin, not from anywhere else.
  expect(session.requests).toContain(`${origin}/samples/41303000-2013.xlsx`);
});

async function expectText(locator: ReturnType<Page["locator"]>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 20_000 });
  expect(await locator.first().innerText()).toContain(text);
}

type Page = PreviewSession["page"];
