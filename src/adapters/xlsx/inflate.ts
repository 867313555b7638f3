// Inflating zip entries with a hard limit on what comes out. The declared sizes in the zip
// headers are never trusted (a 6 MB file may declare 805 bytes and inflate to 6 GiB): the
// inflater itself stops at the bytes left in the read's budget. No Node import: the CLI passes
// Node's native zlib (InflateRaw), the browser uses DecompressionStream.

import { WorkbookReadError } from "./errors";

/**
 * A synchronous raw-deflate inflater with an output limit: returns the whole output, or
 * "too-large" as soon as it would exceed `maxLength`; throws on damaged data. Node's
 * zlib.inflateRawSync with maxOutputLength is one (src/cli/nodeInflate.ts), ~15× faster per
 * part than a DecompressionStream.
 */
export type InflateRaw = (data: Uint8Array, maxLength: number) => Uint8Array | "too-large";

/** What one read may still inflate, over all its parts. */
export interface InflateBudget {
  readonly limit: number;
  remaining: number;
}

export function inflateBudget(limit: number): InflateBudget {
  return { limit, remaining: limit };
}

function tooLarge(budget: InflateBudget): WorkbookReadError {
  return new WorkbookReadError("too-large", {
    en: `more than ${budget.limit} bytes once uncompressed`,
    ja: `展開すると ${budget.limit} バイトを超えます`,
  });
}

function cannotInflate(name: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", { en: `${name} cannot be inflated`, ja: `${name} を展開できません` });
}

async function inflateStream(data: Uint8Array, name: string, budget: InflateBudget): Promise<Uint8Array> {
  let stream: DecompressionStream;
  try {
    stream = new DecompressionStream("deflate-raw");
  } catch {
    // Engines without raw deflate (Safari < 16.4) cannot inflate within a limit: refuse.
    throw new WorkbookReadError("corrupt", {
      en: "this browser cannot decompress workbooks safely (no DecompressionStream deflate-raw)",
      ja: "このブラウザーではブックを安全に展開できません(DecompressionStream の deflate-raw がありません)",
    });
  }
  const writer = stream.writable.getWriter();
  // Errors surface through the reader; the writer's own promises must not go unhandled.
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > budget.remaining) throw tooLarge(budget);
      chunks.push(value);
    }
  } catch (e) {
    reader.cancel().catch(() => undefined);
    if (e instanceof WorkbookReadError) throw e;
    throw cannotInflate(name);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The entry's bytes, stored (method 0) or inflated (method 8), charged to the budget. Throws
 * WorkbookReadError too-large past the budget, corrupt for damaged data or another method.
 */
export async function inflateEntry(data: Uint8Array, method: number, name: string, budget: InflateBudget, inflateRaw?: InflateRaw): Promise<Uint8Array> {
  let out: Uint8Array;
  if (method === 0) {
    if (data.length > budget.remaining) throw tooLarge(budget);
    out = data;
  } else if (method === 8) {
    if (inflateRaw) {
      let result: Uint8Array | "too-large";
      try {
        result = inflateRaw(data, budget.remaining);
      } catch {
        throw cannotInflate(name);
      }
      if (result === "too-large") throw tooLarge(budget);
      out = result;
    } else {
      out = await inflateStream(data, name, budget);
    }
  } else {
    throw new WorkbookReadError("corrupt", {
      en: `${name}: unsupported zip compression method ${method}`,
      ja: `${name} は対応していない zip の圧縮方式(${method})です`,
    });
  }
  budget.remaining -= out.length;
  return out;
}
