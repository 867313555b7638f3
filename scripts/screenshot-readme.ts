// `npm run screenshots`: regenerates the README's images with the browser the e2e tests use
// (Debian chromium, headless, nothing leaves localhost): docs/images/preview.png (the whole
// preview with the sample checked) and docs/images/taskpane.png (the pane alone, 達成率 tab).

import * as fs from "node:fs";
import * as path from "node:path";
import { openPreview } from "../test/e2e/harness";
import { t } from "../src/taskpane/i18n";

const IMAGES = path.resolve(__dirname, "..", "docs", "images");

async function main(): Promise<void> {
  const session = await openPreview();
  try {
    const { page } = session;
    await page.goto(session.server.url);
    // The sample is checked on open: its findings appear, then one is clicked.
    const unit = page.locator(".hp-pane li button").filter({ hasText: "indicator.unit.missing" }).first();
    await unit.click();
    await page.locator('[data-testid="grid"] td[data-selected="true"]').waitFor();
    fs.mkdirSync(IMAGES, { recursive: true });
    await page.screenshot({ path: path.join(IMAGES, "preview.png") });
    await page.locator(".hp-pane").getByRole("tab", { name: t("ja", "tabRates") }).click();
    await page.locator(".hp-pane [data-testid^=rate-row-]").first().waitFor();
    await page.locator(".hp-pane").screenshot({ path: path.join(IMAGES, "taskpane.png") });
    if (session.foreign.length) throw new Error(`requests left localhost: ${session.foreign.join(", ")}`);
    for (const f of ["preview.png", "taskpane.png"]) {
      process.stdout.write(`${path.relative(process.cwd(), path.join(IMAGES, f))} ${fs.statSync(path.join(IMAGES, f)).size} bytes\n`);
    }
  } finally {
    await session.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
