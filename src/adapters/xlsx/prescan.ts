// A streaming pass over the archive's XML parts before exceljs loads it. exceljs inflates
// everything into memory and turns every cell of a merged area into an object, so a small
// hostile file (lying size headers, <mergeCell ref="A1:XFD1048576"/>, millions of cells)
// would exhaust memory there. Here we inflate chunk by chunk, stop at the limits, and count
// what exceljs would build: cells plus merged areas.

import { fromA1 } from "../../core/grid";
import { WorkbookReadError } from "./errors";
import { entryData, ZipFormatError, type ZipDirectory, type ZipEntry } from "./zip";

export interface PrescanLimits {
  maxBytes: number;
  maxCells: number;
}

export interface PrescanResult {
  /** Bytes actually inflated from the xl/ XML parts. */
  inflatedBytes: number;
  /** `<c ` elements plus the area of every merge, over all worksheets. */
  cells: number;
}

/**
 * Inflates a whole raw-deflate part at once, or returns null when it would exceed maxLength
 * (the prescan then streams that part). DecompressionStream costs ~3 ms per workbook in
 * stream overhead; a native one-shot inflate (Node's zlib.inflateRawSync) ~0.2 ms.
 */
export type InflateRaw = (data: Uint8Array, maxLength: number) => Uint8Array | null;

const CELL_TAG = ascii("<c ");
const MERGE_TAG = ascii("<mergeCell ");
// Longest tag we look for plus a generous ref attribute: bytes kept across chunk borders.
const CARRY = 128;

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0));
}

function matchesAt(hay: Uint8Array, at: number, needle: Uint8Array): boolean {
  for (let j = 0; j < needle.length; j++) if (hay[at + j] !== needle[j]) return false;
  return true;
}

const LT = 0x3c;
const latin1 = new TextDecoder("latin1");

function mergeArea(tagText: string): number {
  const m = /ref\s*=\s*["']([^"']+)["']/.exec(tagText);
  if (!m) return 0;
  const [a, b = a] = m[1].split(":");
  try {
    const tl = fromA1(a);
    const br = fromA1(b);
    return (Math.abs(br.row - tl.row) + 1) * (Math.abs(br.col - tl.col) + 1);
  } catch {
    return 0; // exceljs will reject or ignore a ref we cannot read; nothing to count
  }
}

/** Counts cell tags and merged areas in one chunk; returns where the unprocessed tail starts. */
function scanChunk(buf: Uint8Array, final: boolean, tally: { cells: number }): number {
  const limit = final ? buf.length : buf.length - CARRY;
  let i = buf.indexOf(LT);
  while (i !== -1 && i < limit) {
    if (matchesAt(buf, i, CELL_TAG)) {
      tally.cells++;
    } else if (matchesAt(buf, i, MERGE_TAG)) {
      const close = buf.indexOf(0x3e, i);
      const end = close === -1 ? Math.min(buf.length, i + CARRY) : close;
      tally.cells += mergeArea(latin1.decode(buf.subarray(i, end)));
    }
    i = buf.indexOf(LT, i + 1);
  }
  return i === -1 ? buf.length : i;
}

function isScanned(entry: ZipEntry): boolean {
  return entry.name.startsWith("xl/") && entry.name.endsWith(".xml");
}

function isWorksheet(entry: ZipEntry): boolean {
  return /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name);
}

async function* inflate(data: Uint8Array, method: number, maxLength: number, inflateRaw?: InflateRaw): AsyncGenerator<Uint8Array> {
  if (method === 0) {
    yield data;
    return;
  }
  if (method !== 8) throw new WorkbookReadError("corrupt", {
      en: `unsupported zip compression method ${method}`,
      ja: `対応していない zip の圧縮方式(${method})です`,
    });
  const whole = inflateRaw?.(data, maxLength);
  if (whole) {
    yield whole;
    return;
  }
  const source = new ReadableStream({
    start(controller) {
      controller.enqueue(data);
      controller.close();
    },
  });
  const reader = source.pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value as Uint8Array;
    }
  } finally {
    // Stops the inflater when the caller gives up early (limit reached).
    reader.cancel().catch(() => undefined);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

let prescanSupported: boolean | undefined;

/**
 * True where the platform inflates raw deflate streams (Node ≥ 18, Chrome 103, Firefox 113,
 * Safari 16.4). Elsewhere the read relies on the declared sizes alone.
 */
export function canPrescan(): boolean {
  if (prescanSupported === undefined) {
    try {
      new DecompressionStream("deflate-raw");
      prescanSupported = typeof ReadableStream === "function";
    } catch {
      prescanSupported = false; // older engines know "deflate" and "gzip" only and throw here
    }
  }
  return prescanSupported;
}

export async function prescanWorkbook(bytes: Uint8Array, directory: ZipDirectory, limits: PrescanLimits, inflateRaw?: InflateRaw): Promise<PrescanResult> {
  const tally = { cells: 0 };
  let inflatedBytes = 0;
  for (const entry of directory.entries) {
    if (!isScanned(entry)) continue;
    const worksheet = isWorksheet(entry);
    let carry: Uint8Array = new Uint8Array(0);
    let data: Uint8Array;
    try {
      data = entryData(bytes, entry);
    } catch (e) {
      if (e instanceof ZipFormatError) throw new WorkbookReadError("corrupt", e.detail);
      throw e;
    }
    try {
      // One byte over the budget is enough for the check below to see the excess.
      for await (const chunk of inflate(data, entry.method, limits.maxBytes - inflatedBytes + 1, inflateRaw)) {
        inflatedBytes += chunk.length;
        if (inflatedBytes > limits.maxBytes) {
          throw new WorkbookReadError("too-large", {
            en: `more than ${limits.maxBytes} bytes once uncompressed`,
            ja: `展開すると ${limits.maxBytes} バイトを超えます`,
          });
        }
        if (!worksheet) continue;
        const buf = concat(carry, chunk);
        carry = buf.slice(scanChunk(buf, false, tally));
        if (tally.cells > limits.maxCells) throw tooManyCells(limits.maxCells);
      }
    } catch (e) {
      if (e instanceof WorkbookReadError) throw e;
      throw new WorkbookReadError("corrupt", { en: `${entry.name} cannot be inflated`, ja: `${entry.name} を展開できません` });
    }
    if (worksheet) scanChunk(carry, true, tally);
    if (tally.cells > limits.maxCells) throw tooManyCells(limits.maxCells);
  }
  return { inflatedBytes, cells: tally.cells };
}

export function tooManyCells(maxCells: number): WorkbookReadError {
  return new WorkbookReadError("too-large", { en: `more than ${maxCells} cells`, ja: `セルが ${maxCells} 個を超えます` });
}
