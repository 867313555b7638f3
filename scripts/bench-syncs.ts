// Counts context.sync() round trips of the Office adapter on the fake Excel context:
// reading 1, 30 and 300 sheets, the paths past Excel's payload limit (a one-shot read refused
// with ResponsePayloadSizeLimitExceeded; Excel on the web reading extents first), a sheet
// above 512 merged areas, and the writes: the summary, highlighting and clearing, with the
// cells each request writes (Excel on the web caps requests at ~5 MB, writes included).
// Run: npm run bench:syncs
import { checkWorkbook } from "../src/core/engine";
import type { Finding } from "../src/core/findings";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { OfficeWorkbookPort } from "../src/adapters/office/officeWorkbookPort";
import { WEB_WRITE_CELL_BUDGET } from "../src/adapters/office/writeBatches";
import { FakeExcel, type FakeSheetSpec } from "../test/support/fakeExcel";
import { sampleGrid, specOf } from "../test/adapters/office/fixtures";

/** Cells one sync may load on the fake, standing in for Excel on the web's ~5 MB response cap (~25 bytes a cell). */
const WEB_CELL_LIMIT = 200_000;

function workbookOf(sheets: number, extra: FakeSheetSpec[] = []): FakeExcel {
  const spec = specOf(sampleGrid("template"));
  return new FakeExcel([...Array.from({ length: sheets }, (_, i) => ({ ...spec, name: `施策${i + 1}` })), ...extra]);
}

const portOn = (fake: FakeExcel, web = false) => new OfficeWorkbookPort({ run: fake.run, supports: () => true, limitedPayload: () => web });

/** Syncs and the cells written by each request, since the counters were last reset. */
function writes(fake: FakeExcel): string {
  const counts = fake.writesPerSync.filter((n) => n > 0);
  return `${fake.syncCount} syncs, cells written per request: ${counts.length ? counts.join(" + ") : "none"} (largest ${Math.max(0, ...counts)})`;
}

function reset(fake: FakeExcel): void {
  fake.syncCount = 0;
  fake.writesPerSync.length = 0;
}

async function summaryRow(sheets: number, web: boolean): Promise<string> {
  const fake = workbookOf(sheets);
  const port = portOn(fake, web);
  const results = checkWorkbook(await port.readWorkbook(), { settings: DEFAULT_SETTINGS });
  reset(fake);
  await port.writeSummary(results, DEFAULT_SETTINGS);
  return `summary of ${sheets} sheets${web ? ` on Excel on the web (budget ${WEB_WRITE_CELL_BUDGET} cell writes per request)` : ""}: ${writes(fake)}`;
}

async function highlightRows(web: boolean): Promise<string[]> {
  const fake = new FakeExcel([{ name: "S", cells: { A1: 1 } }]);
  const port = portOn(fake, web);
  const finding: Finding = { rule: "bench", severity: "warning", sheet: "S", cell: "A1:J1000", path: "x", message: { ja: "", en: "" } };
  const where = web ? " on Excel on the web" : "";
  await port.highlightFindings([finding]);
  const marked = `highlight 10,000 cells${where}: ${writes(fake)}`;
  reset(fake);
  await port.clearHighlights();
  return [marked, `clear 10,000 cells${where}: ${writes(fake)}`];
}

async function main(): Promise<void> {
  const rows: string[] = [];
  for (const sheets of [1, 30, 300]) {
    const fake = workbookOf(sheets);
    const started = performance.now();
    const workbook = await portOn(fake).readWorkbook();
    const ms = performance.now() - started;
    const cells = workbook.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
    rows.push(`read ${String(sheets).padStart(3)} sheets: ${fake.syncCount} syncs (${cells} cells, ${ms.toFixed(0)} ms on the fake)`);
  }
  for (const sheets of [30, 300]) {
    const fake = workbookOf(sheets);
    fake.requestCellLimit = sheets === 30 ? 20_000 : WEB_CELL_LIMIT; // 30 sheets fit the web's cap: force the refusal
    const workbook = await portOn(fake).readWorkbook();
    const failed = workbook.sheets.filter((s) => s.readError).length;
    rows.push(`read ${String(sheets).padStart(3)} sheets, one-shot refused (fallback): ${fake.syncCount} syncs, ${fake.refusedSyncs} refused, ${failed} sheets unread`);
  }
  const web = workbookOf(300);
  web.requestCellLimit = WEB_CELL_LIMIT;
  await portOn(web, true).readWorkbook();
  rows.push(`read 300 sheets on Excel on the web (extents first): ${web.syncCount} syncs, ${web.refusedSyncs} refused`);
  // A 方眼紙 sheet: 600 merged pairs of cells, above Excel's 512.
  const grid: FakeSheetSpec = { name: "方眼紙", cells: { A1: "x" }, merges: Array.from({ length: 600 }, (_, i) => `A${i + 1}:B${i + 1}`) };
  const merged = workbookOf(30, [grid]);
  const read = await portOn(merged).readWorkbook();
  rows.push(`read 30 sheets + one with 600 merged areas: ${merged.syncCount} syncs, merged areas unread on ${read.sheets.filter((s) => s.mergesUnread).length} sheet`);
  rows.push(await summaryRow(30, false));
  rows.push(await summaryRow(300, false));
  rows.push(await summaryRow(300, true));
  rows.push(...(await highlightRows(false)), ...(await highlightRows(true)));
  console.log(rows.join("\n"));
}

void main();
