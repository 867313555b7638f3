// The JSON report: key order is the order buildReport writes (documented in docs/report.md),
// two-space indent, final newline.

import type { Report } from "./types";

export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
