// Checks many files: sequentially for a few, else on a small pool of worker threads (one per
// core). Results come back in input order whatever the workers' timing.

import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { FileResult } from "../core/report";
import type { CheckFileOptions } from "./checkFile";
import type { InputFile } from "./files";
import type { WorkerTask } from "./worker";

export interface PoolOptions extends CheckFileOptions {
  /** Worker count; 0 = automatic (none for 1–2 files, else one per core). */
  jobs: number;
  onProgress?: (done: number, total: number) => void;
}

/** The compiled worker; absent when running from TypeScript sources (tests), then sequential. */
export function workerScript(): string | null {
  const script = path.join(__dirname, "worker.js");
  return existsSync(script) ? script : null;
}

export function workerCount(files: number, jobs: number): number {
  if (jobs > 0) return Math.min(jobs, files);
  if (files <= 2) return 1;
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, files));
}

export async function checkFiles(files: readonly InputFile[], options: PoolOptions): Promise<FileResult[]> {
  const { jobs, onProgress, ...checkOptions } = options;
  const count = workerCount(files.length, jobs);
  const script = workerScript();
  if (count <= 1 || script === null) {
    // Loaded only here: with workers, the main thread never needs exceljs.
    const { checkFile } = await import("./checkFile");
    const results: FileResult[] = [];
    for (const f of files) {
      results.push(await checkFile(f.absolute, f.display, checkOptions));
      onProgress?.(results.length, files.length);
    }
    return results;
  }
  return runPool(script, files, count, checkOptions, onProgress);
}

function runPool(
  script: string,
  files: readonly InputFile[],
  count: number,
  options: CheckFileOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<FileResult[]> {
  return new Promise((resolve, reject) => {
    const results: FileResult[] = new Array(files.length);
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const finish = (error?: unknown) => {
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker) => {
      if (next >= files.length) return;
      const id = next++;
      const task: WorkerTask = { id, absolute: files[id].absolute, display: files[id].display };
      worker.postMessage(task);
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, { workerData: options });
      workers.push(worker);
      worker.on("message", (msg: { id: number; result: FileResult }) => {
        results[msg.id] = msg.result;
        done++;
        onProgress?.(done, files.length);
        if (done === files.length) finish();
        else feed(worker);
      });
      worker.on("error", (e) => {
        if (!failed) {
          failed = true;
          finish(e);
        }
      });
      // Two files in flight per worker keep it busy while the main thread handles a result.
      feed(worker);
      feed(worker);
    }
  });
}
