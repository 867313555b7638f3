// Checks files on worker threads, one per core (one for one or two files), even a single
// file: parsing never happens on the main thread, so no input can end the process. Results
// come back in input order whatever the workers' timing. Memory is bounded per file: the
// reader refuses workbooks above maxCells before building them (checkFile.ts), and each
// worker has a heap limit; a worker that dies (out of memory, a crash) or overruns the file
// time limit fails only the file it was on, and a fresh worker takes the files it had queued.
// Without the compiled worker (tests run from the TypeScript sources) files are checked here.

import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Language } from "../core/findings";
import type { FileResult } from "../core/report";
import type { CheckFileOptions } from "./checkFile";
import type { CheckedEntry, EntryOptions } from "./entry";
import type { InputFile } from "./files";
import { MSG, say } from "./messages";
import type { LostReason } from "./checkFile";
import type { WorkerMessage, WorkerSetup, WorkerTask } from "./worker";

export interface PoolOptions extends CheckFileOptions {
  /** Worker threads checking files; 0 = automatic (one for 1–2 files, else one per core). */
  jobs: number;
  onProgress?: (done: number, total: number) => void;
  /** Heap limit (old generation) of each worker thread, MB; DEFAULT_WORKER_MEMORY_MB when absent. */
  workerMemoryMb?: number;
  /** Seconds one file may take in its worker; DEFAULT_FILE_TIMEOUT_SECONDS when absent. */
  fileTimeoutSeconds?: number;
}

/** Well above what reading a workbook at the CLI's maxCells takes (CLI_MAX_CELLS; see BENCHMARKS.md). */
export const DEFAULT_WORKER_MEMORY_MB = 1024;

/** A real workbook takes well under a second; the largest allowed one a few seconds. */
export const DEFAULT_FILE_TIMEOUT_SECONDS = 120;

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

/** Files not yet handed out, in input order; files a dead worker had queued come back first. */
class TaskQueue {
  private next = 0;
  private readonly returned: number[] = [];
  constructor(private readonly total: number) {}

  /** After close (a failed run), nothing more is handed out. */
  close(): void {
    this.next = this.total;
    this.returned.length = 0;
  }

  take(): number | null {
    if (this.returned.length > 0) return this.returned.shift() as number;
    return this.next < this.total ? this.next++ : null;
  }

  giveBack(ids: readonly number[]): void {
    this.returned.push(...ids);
    this.returned.sort((a, b) => a - b);
  }

  get empty(): boolean {
    return this.returned.length === 0 && this.next >= this.total;
  }
}

type CheckModule = typeof import("./checkFile");

async function runChecks(
  files: readonly InputFile[],
  options: PoolOptions,
  entry: EntryOptions | null,
  deliver: (index: number, value: Output) => void,
): Promise<void> {
  const { jobs, onProgress, workerMemoryMb, fileTimeoutSeconds, ...checkOptions } = options;
  const count = workerCount(files.length, jobs);
  const script = workerScript();
  const queue = new TaskQueue(files.length);
  let done = 0;
  const finished = (index: number, value: Output) => {
    deliver(index, value);
    onProgress?.(++done, files.length);
  };
  // Only without the compiled worker script (tests from the sources): no isolation there.
  const checkHere = async () => {
    const check = await import("./checkFile");
    for (let index = queue.take(); index !== null; index = queue.take()) {
      finished(index, await check.checkForOutput(files[index].absolute, files[index].display, checkOptions, entry));
    }
  };
  if (script === null) return checkHere();
  const pool: WorkerPool = {
    script,
    files,
    setup: { options: checkOptions, entry },
    memoryMb: workerMemoryMb ?? DEFAULT_WORKER_MEMORY_MB,
    timeoutMs: (fileTimeoutSeconds ?? DEFAULT_FILE_TIMEOUT_SECONDS) * 1000,
    queue,
    finished,
    lost: async (index, reason, detail) =>
      (await import("./checkFile")).lostOutput(files[index].absolute, files[index].display, checkOptions, entry, reason, detail),
  };
  const workers = runWorkers(pool, count);
  try {
    await workers.done;
  } finally {
    // After a failure (a result that cannot be written), nothing more is handed out.
    queue.close();
    workers.stop();
  }
}

interface WorkerPool {
  script: string;
  files: readonly InputFile[];
  setup: WorkerSetup;
  memoryMb: number;
  /** Milliseconds one file may take, from the moment its worker starts on it. */
  timeoutMs: number;
  queue: TaskQueue;
  finished: (index: number, value: Output) => void;
  /** The result of a file whose worker died or was stopped for taking too long. */
  lost: (index: number, reason: LostReason, detail: string) => ReturnType<CheckModule["lostOutput"]>;
}

type DeathCause = { error: unknown } | { exitCode: number } | { timeoutMs: number };

/** Why a worker died, for the file it was on. */
function deathDetail(cause: DeathCause, memoryMb: number, language: Language): string {
  if ("timeoutMs" in cause) return say(language, MSG.fileTimedOut(cause.timeoutMs / 1000));
  if ("exitCode" in cause) return say(language, MSG.workerExited(cause.exitCode));
  const error = cause.error as NodeJS.ErrnoException | undefined;
  if (error?.code === "ERR_WORKER_OUT_OF_MEMORY") return say(language, MSG.workerOutOfMemory(memoryMb));
  return say(language, MSG.workerError(String(error?.message ?? error)));
}

/**
 * `done` resolves once every file the workers took is delivered; it rejects only when
 * delivering a result fails (e.g. the report cannot be written), never because a worker died.
 * `stop` ends every worker at once.
 */
function runWorkers(pool: WorkerPool, count: number): { done: Promise<void>; stop: () => void } {
  const language = pool.setup.options.settings.language;
  let stop = () => undefined as void;
  const done = new Promise<void>((resolve, reject) => {
    const live = new Set<Worker>();
    /** Files sent to each worker and not yet answered, oldest (the one being checked) first. */
    const assigned = new Map<Worker, number[]>();
    /** The time limit of the file each worker is on. */
    const timers = new Map<Worker, ReturnType<typeof setTimeout>>();
    const disarm = (worker: Worker) => {
      clearTimeout(timers.get(worker));
      timers.delete(worker);
    };
    let pending = 0; // results of dead workers' files still being made
    let settled = false;
    const stopAll = () => {
      for (const w of live) {
        disarm(w);
        void w.terminate();
      }
      live.clear();
    };
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      stopAll();
      reject(error);
    };
    const settleIfIdle = () => {
      if (settled || pending > 0 || !pool.queue.empty) return;
      if ([...assigned.values()].some((ids) => ids.length > 0)) return;
      settled = true;
      stopAll();
      resolve();
    };
    const feed = (worker: Worker) => {
      const id = pool.queue.take();
      if (id === null) return;
      assigned.get(worker)?.push(id);
      const task: WorkerTask = { id, absolute: pool.files[id].absolute, display: pool.files[id].display };
      worker.postMessage(task);
    };
    const deliver = (index: number, value: Output) => {
      try {
        pool.finished(index, value);
      } catch (e) {
        fail(e);
      }
    };
    const died = (worker: Worker, cause: DeathCause) => {
      disarm(worker);
      if (!live.delete(worker) || settled) return;
      const [current, ...queued] = assigned.get(worker) ?? [];
      assigned.delete(worker);
      void worker.terminate();
      pool.queue.giveBack(queued);
      if (current !== undefined) {
        pending++;
        const reason: LostReason = "timeoutMs" in cause ? "timeout" : "worker-crashed";
        void pool.lost(current, reason, deathDetail(cause, pool.memoryMb, language)).then((value) => {
          pending--;
          if (!settled) deliver(current, value);
          settleIfIdle();
        }, fail);
      }
      // A fresh worker for what is left.
      if (!pool.queue.empty) start();
      settleIfIdle();
    };
    const start = () => {
      const worker = new Worker(pool.script, { workerData: pool.setup, resourceLimits: { maxOldGenerationSizeMb: pool.memoryMb } });
      live.add(worker);
      assigned.set(worker, []);
      worker.on("message", (msg: WorkerMessage) => {
        if (settled) return;
        if ("started" in msg) {
          // The clock runs from the moment the worker starts on the file, not while it waits.
          disarm(worker);
          timers.set(
            worker,
            setTimeout(() => died(worker, { timeoutMs: pool.timeoutMs }), pool.timeoutMs),
          );
          return;
        }
        disarm(worker);
        const ids = assigned.get(worker) ?? [];
        if (ids.includes(msg.id)) ids.splice(ids.indexOf(msg.id), 1);
        deliver(msg.id, msg.value);
        feed(worker);
        settleIfIdle();
      });
      worker.on("error", (error) => died(worker, { error }));
      // Also an exit without an error event (process.exit in the thread); after "error" it is a no-op.
      worker.on("exit", (exitCode) => died(worker, { exitCode }));
      // Two files in flight per worker: the next one is there when it finishes one, without waiting for this thread.
      feed(worker);
      feed(worker);
    };
    stop = () => {
      if (settled) return;
      settled = true;
      stopAll();
      resolve();
    };
    for (let i = 0; i < count; i++) start();
    settleIfIdle();
  });
  return { done, stop: () => stop() };
}
