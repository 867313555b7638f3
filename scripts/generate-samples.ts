// `npm run samples`: writes the sample workbooks under assets/samples/ from the pure sample
// generators in src/samples. Deterministic: running it again gives byte-identical files (a test
// compares the committed files with freshly built bytes).

import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { WorkbookGrid } from "../src/core/grid";
import { writeXlsx } from "../src/adapters/xlsx/write";
import { renderSheet } from "../src/samples/layout";
import { blankMeasureData } from "../src/samples/measureData";
import { mistakesWorkbook } from "../src/samples/mistakes";
import { sample41303000 } from "../src/samples/sample41303000";
import { renderProjectSheet } from "../src/samples/projectLayout";
import { projects41303000 } from "../src/samples/projects41303000";
import { kawasakiR6 } from "../src/samples/projectKawasakiR6";
import { projectMistakesWorkbook } from "../src/samples/projectMistakes";
import { familyMistakesWorkbook, familyWorkbook } from "../src/samples/family41303000";

export const SAMPLES_DIR = resolve(__dirname, "..", "assets", "samples");

/** Plan years of the blank template: the same period as the bundled sample. */
export const TEMPLATE_PLAN_YEARS = [2011, 2012, 2013];

export function sampleGrid(): WorkbookGrid {
  return { sheets: [renderSheet(sample41303000, "41303000").grid] };
}

export function templateGrid(): WorkbookGrid {
  return { sheets: [renderSheet(blankMeasureData(TEMPLATE_PLAN_YEARS), "評価票").grid] };
}

/** Several measures with deliberate mistakes (src/samples/mistakes.ts), plus a contents sheet. */
export function mistakesGrid(): WorkbookGrid {
  return { sheets: mistakesWorkbook().sheets.map((rendered) => rendered.grid) };
}

/** The four 事務事業評価シート of 41303000, one sheet per project, named by its code. */
export function projectsGrid(): WorkbookGrid {
  return { sheets: projects41303000.map((p) => renderProjectSheet(p, String(p.projectCode)).grid) };
}

/** A 令和6年度 Kawasaki project sheet with the real ±1 rounding case (src/samples/projectKawasakiR6.ts). */
export function kawasakiR6Grid(): WorkbookGrid {
  return { sheets: [renderProjectSheet(kawasakiR6, String(kawasakiR6.projectCode)).grid] };
}

/** Project sheets with deliberate mistakes: every project rule fires once (src/samples/projectMistakes.ts). */
export function projectMistakesGrid(): WorkbookGrid {
  return { sheets: projectMistakesWorkbook().sheets.map((rendered) => rendered.grid) };
}

/** 施策 41303000 as a family: its (1), its (2) and its four project sheets, checking clean (src/samples/family41303000.ts). */
export function familyGrid(): WorkbookGrid {
  return { sheets: familyWorkbook().map((rendered) => rendered.grid) };
}

/** The family with one mistake per link and roll-up rule, each at a known cell. */
export function familyMistakesGrid(): WorkbookGrid {
  return { sheets: familyMistakesWorkbook().sheets.map((rendered) => rendered.grid) };
}

/** File name → bytes of every sample. */
export async function buildSamples(): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {
    "41303000-2013.xlsx": await writeXlsx(sampleGrid()),
    "template-blank.xlsx": await writeXlsx(templateGrid()),
    "mistakes.xlsx": await writeXlsx(mistakesGrid()),
    "41303000-projects.xlsx": await writeXlsx(projectsGrid()),
    "kawasaki-r6-project.xlsx": await writeXlsx(kawasakiR6Grid()),
    "project-mistakes.xlsx": await writeXlsx(projectMistakesGrid()),
    "41303000-family.xlsx": await writeXlsx(familyGrid()),
    "41303000-family-mistakes.xlsx": await writeXlsx(familyMistakesGrid()),
  };
  return files;
}

async function main(): Promise<void> {
  mkdirSync(SAMPLES_DIR, { recursive: true });
  const files = await buildSamples();
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(SAMPLES_DIR, name), bytes);
    process.stdout.write(`wrote assets/samples/${name} (${bytes.length} bytes)\n`);
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
