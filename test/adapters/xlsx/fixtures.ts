// Hostile and odd inputs for the xlsx reader, generated in the tests (no committed binaries).

import JSZip from "jszip";
import type { WorkbookGrid } from "../../../src/core/grid";
import { writeXlsx } from "../../../src/adapters/xlsx/write";
import { readWorkbook } from "../../../src/adapters/xlsx/read";
import { WorkbookReadError } from "../../../src/adapters/xlsx/errors";

export function ascii(s: string): Uint8Array {
  return Uint8Array.from(Buffer.from(s, "utf8"));
}

/** A small valid workbook: Sheet1 with a label, a number and a merge. */
export function smallGrid(): WorkbookGrid {
  return {
    sheets: [
      {
        name: "Sheet1",
        top: 0,
        left: 0,
        values: [
          ["評価年度", null, "2013年度"],
          ["予算", 43769, 38182],
        ],
        merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
      },
    ],
  };
}

export async function smallXlsx(): Promise<Uint8Array> {
  return writeXlsx(smallGrid());
}

/** Rewrites one part of an .xlsx (string replace on its XML) and re-zips it. */
export async function patchPart(xlsx: Uint8Array, part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const file = zip.file(part);
  if (!file) throw new Error(`no part ${part}`);
  zip.file(part, edit(await file.async("string")));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Adds or replaces parts and re-zips. */
export async function withParts(xlsx: Uint8Array, parts: Record<string, string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The header of an OLE2 compound file, followed by a directory entry named `stream` (UTF-16LE). */
export function compoundFile(stream: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  bytes.set(Buffer.from("Root Entry", "utf16le"), 1024);
  bytes.set(Buffer.from(stream, "utf16le"), 1024 + 128);
  return bytes;
}

/** Overwrites the declared uncompressed size of every central-directory entry named `part`. */
export function declareSize(xlsx: Uint8Array, part: string, size: number): Uint8Array {
  const out = new Uint8Array(xlsx); // a copy, also for a Node Buffer
  const dv = new DataView(out.buffer);
  const name = Buffer.from(part, "utf8");
  for (let i = 0; i + 46 < out.length; i++) {
    if (dv.getUint32(i, true) !== 0x02014b50) continue;
    const len = dv.getUint16(i + 28, true);
    if (Buffer.from(out.subarray(i + 46, i + 46 + len)).equals(name)) dv.setUint32(i + 24, size, true);
  }
  return out;
}

/** The WorkbookReadError a read must end in; fails the test when it gives a grid. */
export async function readError(bytes: Uint8Array, options?: Parameters<typeof readWorkbook>[1]): Promise<WorkbookReadError> {
  try {
    await readWorkbook(bytes, options);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error("expected a WorkbookReadError, got a grid");
}
