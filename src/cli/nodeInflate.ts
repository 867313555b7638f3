// Node's native one-shot inflate for readXlsx's prescan (InflateRaw in adapters/xlsx/prescan):
// the prescan's DecompressionStream costs more than a tenth of what exceljs takes to open a file.

import { inflateRawSync } from "node:zlib";
import type { InflateRaw } from "../adapters/xlsx/prescan";

/** Larger parts are left to the streaming prescan, so a hostile part cannot take more memory. */
export const ONE_SHOT_INFLATE_MAX = 32 * 1024 * 1024;

export const nodeInflateRaw: InflateRaw = (data, maxLength) => {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(maxLength, ONE_SHOT_INFLATE_MAX)) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw e;
  }
};
