// The workbook file's bytes through a fake Office.context.document (getFileAsync, Compressed).

import { OfficeWorkbookPort } from "../../../src/adapters/office/officeWorkbookPort";
import type { FileDocument, FileSlice, OfficeFile } from "../../../src/adapters/office/fileBytes";
import { sha256Hex } from "../../../src/core/report";
import { FakeExcel } from "../../support/fakeExcel";

/** A document whose file comes in slices of `sliceSize` bytes; records what the add-in asked. */
class FakeDocument implements FileDocument {
  asked: { fileType: unknown; sliceSize?: number }[] = [];
  slicesRead: number[] = [];
  closed = 0;
  failSlice: number | null = null;
  constructor(private readonly bytes: Uint8Array) {}
  getFileAsync(fileType: Office.FileType, options: { sliceSize?: number }, callback: (result: { status: unknown; value: OfficeFile }) => void): void {
    this.asked.push({ fileType, sliceSize: options.sliceSize });
    const size = options.sliceSize ?? 4194304;
    const file: OfficeFile = {
      size: this.bytes.length,
      sliceCount: Math.ceil(this.bytes.length / size),
      getSliceAsync: (index, cb) => {
        this.slicesRead.push(index);
        if (index === this.failSlice) cb({ status: "failed", value: undefined as unknown as FileSlice, error: { code: 5001, message: "Internal Error" } });
        // Office gives a Compressed slice as an array of byte values.
        else cb({ status: "succeeded", value: { index, data: Array.from(this.bytes.slice(index * size, (index + 1) * size)) } });
      },
      closeAsync: (cb) => {
        this.closed++;
        cb?.({ status: "succeeded", value: undefined });
      },
    };
    setTimeout(() => callback({ status: "succeeded", value: file }));
  }
}

const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7) % 256);
const portWith = (document: FakeDocument | undefined) => new OfficeWorkbookPort({ run: new FakeExcel().run, document: () => document });

describe("OfficeWorkbookPort.fileBytes", () => {
  it("joins every slice of the compressed file, in order, and closes the file", async () => {
    const document = new FakeDocument(bytes);
    const got = await portWith(document).fileBytes();
    expect(got).toEqual(bytes);
    expect(sha256Hex(got!)).toBe(sha256Hex(bytes));
    expect(document.asked).toEqual([{ fileType: "compressed", sliceSize: 4 * 1024 * 1024 }]);
    expect(document.closed).toBe(1);
  });

  it("reads small slices (the iPad's limit) the same way", async () => {
    const { readDocumentBytes } = await import("../../../src/adapters/office/fileBytes");
    const document = new FakeDocument(bytes);
    expect(await readDocumentBytes(document, 4096)).toEqual(bytes);
    expect(document.slicesRead).toEqual([0, 1, 2]);
  });

  it("closes the file after a failed slice too, and rejects with Office's code", async () => {
    const { readDocumentBytes } = await import("../../../src/adapters/office/fileBytes");
    const document = new FakeDocument(bytes);
    document.failSlice = 1;
    const error = (await readDocumentBytes(document, 4096).catch((e: unknown) => e)) as Error & { code?: string };
    expect([error.message, error.code]).toEqual(["getSliceAsync(1): Internal Error", "5001"]);
    expect(document.slicesRead).toEqual([0, 1]);
    expect(document.closed).toBe(1);
  });

  it("is null outside Office", async () => {
    expect(await portWith(undefined).fileBytes()).toBeNull();
  });
});

describe("the preview port's fileBytes (same contract, browser preview)", () => {
  it("gives the bytes of the file the page loaded, and null for grids built in the page", async () => {
    const { PreviewWorkbook } = await import("../../../src/adapters/preview/previewWorkbook");
    const { PreviewWorkbookPort } = await import("../../../src/adapters/preview/PreviewWorkbookPort");
    const workbook = new PreviewWorkbook("a.xlsx", []);
    const port = new PreviewWorkbookPort(workbook, { storage: null });
    expect(await port.fileBytes()).toBeNull();
    workbook.replaceAll("b.xlsx", [], bytes);
    expect(await port.fileBytes()).toBe(bytes);
    workbook.replaceAll("c.xlsx", []);
    expect(await port.fileBytes()).toBeNull();
  });
});
