// Counts context.sync() round trips of the Office adapter on the fake Excel context:
// reading 1, 30 and 300 evaluation sheets, and writing the summary of 30 sheets.
// Run: npm run bench:syncs
import { checkWorkbook } from "../src/core/engine";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { OfficeWorkbookPort } from "../src/adapters/office/officeWorkbookPort";
import { FakeExcel } from "../test/support/fakeExcel";
import { sampleGrid, specOf } from "../test/adapters/office/fixtures";

function workbookOf(sheets: number): FakeExcel {
  const spec = specOf(sampleGrid("template"));
  return new FakeExcel(Array.from({ length: sheets }, (_, i) => ({ ...spec, name: `施策${i + 1}` })));
}

async function main(): Promise<void> {
  const rows: string[] = [];
  for (const sheets of [1, 30, 300]) {
    const fake = workbookOf(sheets);
    const port = new OfficeWorkbookPort({ run: fake.run, supports: () => true });
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
  console.log(rows.join("\n"));
}

void main();
