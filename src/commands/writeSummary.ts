// The "サマリー出力" ribbon command without the Office glue: read every sheet, check it with
// the core, write the summary sheet. Kept apart from commands.ts so tests run it on a fake.

import { checkWorkbook } from "../core/engine";
import { withDefaults, type Settings } from "../core/settings";
import type { WorkbookPort } from "../port/workbookPort";

export interface SummaryCommandResult {
  sheetName: string;
  evaluationSheets: number;
}

export async function writeSummaryCommand(port: WorkbookPort, settings: Partial<Settings> = {}): Promise<SummaryCommandResult> {
  const full = withDefaults(settings);
  const workbook = await port.readWorkbook();
  const results = checkWorkbook(workbook, { settings: full });
  const { sheetName } = await port.writeSummary(results, full);
  return { sheetName, evaluationSheets: results.filter((r) => r.kind === "evaluation").length };
}
