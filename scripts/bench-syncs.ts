// Counts context.sync() round trips of the Office adapter on the fake Excel context:
// reading 1, 30 and 300 evaluation sheets, writing the summary of 30 sheets, and the paths
// past Excel's payload limit: a one-shot read refused with ResponsePayloadSizeLimitExceeded
// (the fake refuses any sync loading more than WEB_CELL_LIMIT cells), and Excel on the web
// reading extents first.
// Run: npm run bench:syncs
import { checkWorkbook } from "../src/core/engine";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { OfficeWorkbookPort } from "../src/adapters/office/officeWorkbookPort";
import { FakeExcel } from "../test/support/fakeExcel";
import { sampleGrid, specOf } from "../test/adapters/office/fixtures";

/** Cells one sync may load on the fake, standing in for Excel on the web's ~5 MB response cap (~25 bytes a cell). */
const WEB_CELL_LIMIT = 200_000;

function workbookOf(sheets: number): FakeExcel {
  const spec = specOf(sampleGrid("template"));
  return new FakeExcel(Array.from({ length: sheets }, (_, i) => ({ ...spec, name: `施策${i + 1}` })));
}

async function main(): Promise<void> {
  const rows: string[] = [];
  for (const sheets of [1, 30, 300]) {
    const fake = workbookOf(sheets);
    const port = new OfficeWorkbookPort({ run: fake.run, supports: () => true, limitedPayload: () => false });
    const started = performance.now();
    const workbook = await port.readWorkbook();
    const ms = performance.now() - started;
    const cells = workbook.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
    rows.push(`read ${String(sheets).padStart(3)} sheets: ${fake.syncCount} syncs (${cells} cells, ${ms.toFixed(0)} ms on the fake)`);
    if (sheets === 30) {
      const results = checkWorkbook(workbook, { settings: DEFAULT_SETTINGS });
      fake.syncCount = 0;
      await port.writeSummary(results, DEFAULT_SETTINGS);
      rows.push(`summary of 30 sheets: ${fake.syncCount} syncs`);
    }
  }
  for (const sheets of [30, 300]) {
    const fake = workbookOf(sheets);
    fake.requestCellLimit = sheets === 30 ? 20_000 : WEB_CELL_LIMIT; // 30 sheets fit the web's cap: force the refusal
    const workbook = await new OfficeWorkbookPort({ run: fake.run, supports: () => true, limitedPayload: () => false }).readWorkbook();
    const failed = workbook.sheets.filter((s) => s.readError).length;
    rows.push(`read ${String(sheets).padStart(3)} sheets, one-shot refused (fallback): ${fake.syncCount} syncs, ${fake.refusedSyncs} refused, ${failed} sheets unread`);
  }
  const web = workbookOf(300);
  web.requestCellLimit = WEB_CELL_LIMIT;
  await new OfficeWorkbookPort({ run: web.run, supports: () => true, limitedPayload: () => true }).readWorkbook();
  rows.push(`read 300 sheets on Excel on the web (extents first): ${web.syncCount} syncs, ${web.refusedSyncs} refused`);
  console.log(rows.join("\n"));
}

void main();
