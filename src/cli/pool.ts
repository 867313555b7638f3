// Checks many files: sequentially for a few, else on the main thread plus worker threads (one
// thread per core in all). Results come back in input order whatever the workers' timing.

import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { FileResult } from "../core/report";
import type { CheckFileOptions } from "./checkFile";
import type { CheckedEntry, EntryOptions } from "./entry";
import type { InputFile } from "./files";
import type { WorkerSetup, WorkerTask } from "./worker";

export interface PoolOptions extends CheckFileOptions {
  /** Threads checking files, the main thread included; 0 = automatic (one for 1–2 files, else one per core). */
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

type Output = FileResult | CheckedEntry;

/** Whole results, in input order (cross-year, summary and template show need the models). */
export async function checkFiles(files: readonly InputFile[], options: PoolOptions): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  await runChecks(files, options, null, (index, value) => {
    results[index] = value as FileResult;
  });
  return results;
}

/**
 * Report entries for the check command, handed to onEntry in input order as soon as an entry
 * and all before it are done, so a long report can be written while later files are checked.
 */
export async function checkEntries(
  files: readonly InputFile[],
  options: PoolOptions,
  entry: EntryOptions,
  onEntry: (entry: CheckedEntry, index: number) => void,
): Promise<void> {
  const waiting = new Map<number, CheckedEntry>();
  let next = 0;
  await runChecks(files, options, entry, (index, value) => {
    waiting.set(index, value as CheckedEntry);
    for (let ready = waiting.get(next); ready !== undefined; ready = waiting.get(next)) {
      waiting.delete(next);
      onEntry(ready, next++);
    }
  });
}

async function runChecks(
  files: readonly InputFile[],
  options: PoolOptions,
  entry: EntryOptions | null,
  deliver: (index: number, value: Output) => void,
): Promise<void> {
  const { jobs, onProgress, ...checkOptions } = options;
  const count = workerCount(files.length, jobs);
  const script = workerScript();
  // Loaded only now: with the check of a single file or failing start-up, nothing reads a workbook.
  const { checkForOutput } = await import("./checkFile");
  let next = 0;
  let done = 0;
  const finished = (index: number, value: Output) => {
    deliver(index, value);
    onProgress?.(++done, files.length);
  };
  // The main thread checks files too, taking them from the same queue as the workers: on two
  // cores, one worker plus the main thread beat two workers beside an idle main thread, which
  // would load exceljs and warm up its JIT once more.
  const checkHere = async () => {
    while (next < files.length) {
      const index = next++;
      finished(index, await checkForOutput(files[index].absolute, files[index].display, checkOptions, entry));
    }
  };
  if (count <= 1 || script === null) return checkHere();
  const take = () => (next < files.length ? next++ : null);
  await Promise.all([runWorkers(script, files, count - 1, { options: checkOptions, entry }, take, finished), checkHere()]);
}

/** Resolves once every file the workers took is delivered; rejects when a worker fails. */
function runWorkers(
  script: string,
  files: readonly InputFile[],
  count: number,
  setup: WorkerSetup,
  take: () => number | null,
  finished: (index: number, value: Output) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let inFlight = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(error);
    };
    const feed = (worker: Worker) => {
      const id = take();
      if (id === null) return;
      inFlight++;
      const task: WorkerTask = { id, absolute: files[id].absolute, display: files[id].display };
      worker.postMessage(task);
    };
    const settleIfIdle = () => {
      if (inFlight > 0) return;
      for (const w of workers) void w.terminate();
      resolve();
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, { workerData: setup });
      workers.push(worker);
      worker.on("message", (msg: { id: number; value: Output }) => {
        if (failed) return;
        inFlight--;
        try {
          finished(msg.id, msg.value);
        } catch (e) {
          fail(e);
          return;
        }
        feed(worker);
        settleIfIdle();
      });
      worker.on("error", fail);
      // Two files in flight per worker keep it busy while the main thread handles a result.
      feed(worker);
      feed(worker);
    }
    settleIfIdle();
  });
}
