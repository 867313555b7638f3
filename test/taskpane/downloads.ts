// Intercepts the pane's downloads (object URL + link click): jsdom has no object URLs and
// does not navigate, so the Blob and the file name are captured here instead.

export interface CapturedDownload {
  name: string;
  blob: Blob;
}

export function stubDownloads() {
  const blobs = new Map<string, Blob>();
  const files: CapturedDownload[] = [];
  const revoked: string[] = [];
  const urlApi = URL as unknown as { createObjectURL?: unknown; revokeObjectURL?: unknown };
  const original = { create: urlApi.createObjectURL, revoke: urlApi.revokeObjectURL };
  let n = 0;
  urlApi.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${++n}`;
    blobs.set(url, blob);
    return url;
  };
  urlApi.revokeObjectURL = (url: string) => revoked.push(url);
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) files.push({ name: this.download, blob });
  });
  return {
    files,
    revoked,
    restore(): void {
      click.mockRestore();
      urlApi.createObjectURL = original.create;
      urlApi.revokeObjectURL = original.revoke;
    },
  };
}

/** A Blob's text as UTF-8 (jsdom's Blob has no text()). */
export function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob, "utf-8");
  });
}

/** A Blob's bytes, to see a byte-order mark that readAsText would strip. */
export function readBlobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
