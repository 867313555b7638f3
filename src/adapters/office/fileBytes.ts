// The workbook file's bytes, for the audit report's sha256 (the CLI hashes the file it read;
// the pane hashes what Office gives for the open document). Common API (Document.getFileAsync,
// FileType.Compressed: the .xlsx zip), read slice by slice, then closed: Office keeps at most
// two files open per add-in and refuses the next getFileAsync until closeAsync.

/** Office's runtime enum values (Office.FileType.Compressed, AsyncResultStatus.Failed). */
const COMPRESSED = "compressed";
const FAILED = "failed";

/** Slices up to 4 MB are allowed everywhere but on iPad; 4 MB keeps the round trips few. */
const SLICE_SIZE = 4 * 1024 * 1024;

interface Result<T> {
  status: unknown;
  value: T;
  error?: { code?: number | string; message?: string } | null;
}

export interface FileSlice {
  /** The slice's bytes (an array of byte values for Compressed). */
  data: ArrayLike<number> | ArrayBuffer;
  index: number;
}

export interface OfficeFile {
  size: number;
  sliceCount: number;
  getSliceAsync(index: number, callback: (result: Result<FileSlice>) => void): void;
  closeAsync(callback?: (result: Result<void>) => void): void;
}

/** The part of Office.context.document used here (tests pass a fake). */
export interface FileDocument {
  getFileAsync(fileType: Office.FileType, options: { sliceSize?: number }, callback: (result: Result<OfficeFile>) => void): void;
}

/** An Office async failure as an Error with Office's code, for the pane's error message. */
function officeError(what: string, result: Result<unknown>): Error {
  const error = result.error ?? {};
  return Object.assign(new Error(`${what}: ${error.message ?? "failed"}`), { code: error.code === undefined ? undefined : String(error.code) });
}

function settle<T>(call: (callback: (result: Result<T>) => void) => void, what: string): Promise<T> {
  return new Promise((resolve, reject) =>
    call((result) => (String(result.status) === FAILED ? reject(officeError(what, result)) : resolve(result.value))),
  );
}

export async function readDocumentBytes(document: FileDocument, sliceSize = SLICE_SIZE): Promise<Uint8Array> {
  const file = await settle<OfficeFile>((cb) => document.getFileAsync(COMPRESSED as unknown as Office.FileType, { sliceSize }, cb), "getFileAsync");
  try {
    const slices: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) {
      // One slice at a time, in order: Office serves a file's slices sequentially.
      const slice = await settle<FileSlice>((cb) => file.getSliceAsync(i, cb), `getSliceAsync(${i})`);
      slices.push(slice.data instanceof ArrayBuffer ? new Uint8Array(slice.data) : Uint8Array.from(slice.data));
    }
    const bytes = new Uint8Array(slices.reduce((n, s) => n + s.length, 0));
    let offset = 0;
    for (const s of slices) {
      bytes.set(s, offset);
      offset += s.length;
    }
    return bytes;
  } finally {
    // Also after a failed slice: an open file blocks every later getFileAsync.
    await new Promise<void>((resolve) => file.closeAsync(() => resolve()));
  }
}
