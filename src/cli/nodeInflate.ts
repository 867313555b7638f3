// Node's native one-shot inflate for the workbook reader (InflateRaw in adapters/xlsx/inflate):
// zlib stops at maxOutputLength whatever the zip headers declare, and is much faster per part
// than a DecompressionStream.

import { inflateRawSync } from "node:zlib";
import type { InflateRaw } from "../adapters/xlsx/inflate";

export const nodeInflateRaw: InflateRaw = (data, maxLength) => {
  // zlib rejects a limit of 0; an empty part then inflates within 1 byte or is over.
  const limit = Math.max(1, maxLength);
  try {
    const out = inflateRawSync(data, { maxOutputLength: limit });
    return out.length > maxLength ? "too-large" : out;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return "too-large";
    throw e;
  }
};
