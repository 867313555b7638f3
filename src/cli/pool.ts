// Checks many files: sequentially for a few, else on the main thread plus worker threads (one
// thread per core in all). Results come back in input order whatever the workers' timing.
// Memory is bounded per file: every thread refuses workbooks above maxCells (checkFile.ts),
// and each worker has a heap limit; a worker that dies (out of memory, a crash) fails only
// the file it was on, and a fresh worker takes the files it had queued.

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
import type { WorkerSetup, WorkerTask } from "./worker";

export interface PoolOptions extends CheckFileOptions {
  /** Threads checking files, the main thread included; 0 = automatic (one for 1–2 files, else one per core). */
  jobs: number;
  onProgress?: (done: number, total: number) => void;
  /** Heap limit (old generation) of each worker thread, MB; DEFAULT_WORKER_MEMORY_MB when absent. */
  workerMemoryMb?: number;
}

/** About twice what reading a workbook at the CLI's maxCells takes (CLI_MAX_CELLS). */
export const DEFAULT_WORKER_MEMORY_MB = 1024;

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
  const { jobs, onProgress, workerMemoryMb, ...checkOptions } = options;
  const count = workerCount(files.length, jobs);
  const script = workerScript();
  const queue = new TaskQueue(files.length);
  let done = 0;
  const finished = (index: number, value: Output) => {
    deliver(index, value);
    onProgress?.(++done, files.length);
  };
  // The main thread checks files too, taking them from the same queue as the workers: on two
  // cores, one worker plus the main thread beat two workers beside an idle main thread, which
  // would load exceljs and warm up its JIT once more.
  const checkHere = async () => {
    // Loaded only now: with the check of a single file or failing start-up, nothing reads a
    // workbook; the workers, started first, load their own copy meanwhile.
    const check = await import("./checkFile");
    // The next file's bytes load while this one is checked.
    let index = queue.take();
    let pending = index === null ? null : check.readAhead(files[index].absolute);
    while (index !== null && pending !== null) {
      const next = queue.take();
      const nextPending = next === null ? null : check.readAhead(files[next].absolute);
      finished(index, await check.checkForOutput(files[index].absolute, files[index].display, checkOptions, entry, pending));
      index = next;
      pending = nextPending;
    }
  };
  if (count <= 1 || script === null) return checkHere();
  const pool: WorkerPool = {
    script,
    files,
    setup: { options: checkOptions, entry },
    memoryMb: workerMemoryMb ?? DEFAULT_WORKER_MEMORY_MB,
    queue,
    finished,
    crashed: async (index, detail) => (await import("./checkFile")).crashedOutput(files[index].absolute, files[index].display, checkOptions, entry, detail),
  };
  const workers = runWorkers(pool, count - 1);
  try {
    await Promise.all([workers.done, checkHere()]);
  } finally {
    // After a failure on either side, the other side stops too.
    queue.close();
    workers.stop();
  }
}

interface WorkerPool {
  script: string;
  files: readonly InputFile[];
  setup: WorkerSetup;
  memoryMb: number;
  queue: TaskQueue;
  finished: (index: number, value: Output) => void;
  /** The result of a file whose worker died. */
  crashed: (index: number, detail: string) => ReturnType<CheckModule["crashedOutput"]>;
}

/** Why a worker died, for the file it was on. */
function deathDetail(cause: { error: unknown } | { exitCode: number }, memoryMb: number, language: Language): string {
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
    let pending = 0; // results of dead workers' files still being made
    let settled = false;
    const stopAll = () => {
      for (const w of live) void w.terminate();
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
    const died = (worker: Worker, cause: { error: unknown } | { exitCode: number }) => {
      if (!live.delete(worker) || settled) return;
      const [current, ...queued] = assigned.get(worker) ?? [];
      assigned.delete(worker);
      void worker.terminate();
      pool.queue.giveBack(queued);
      if (current !== undefined) {
        pending++;
        void pool.crashed(current, deathDetail(cause, pool.memoryMb, language)).then((value) => {
          pending--;
          if (!settled) deliver(current, value);
          settleIfIdle();
        }, fail);
      }
      // A fresh worker for what is left: the main thread may already be done with its part.
      if (!pool.queue.empty) start();
      settleIfIdle();
    };
    const start = () => {
      const worker = new Worker(pool.script, { workerData: pool.setup, resourceLimits: { maxOldGenerationSizeMb: pool.memoryMb } });
      live.add(worker);
      assigned.set(worker, []);
      worker.on("message", (msg: { id: number; value: Output }) => {
        if (settled) return;
        const ids = assigned.get(worker) ?? [];
        if (ids.includes(msg.id)) ids.splice(ids.indexOf(msg.id), 1);
        deliver(msg.id, msg.value);
        feed(worker);
        settleIfIdle();
      });
      worker.on("error", (error) => died(worker, { error }));
      // Also an exit without an error event (process.exit in the thread); after "error" it is a no-op.
      worker.on("exit", (exitCode) => died(worker, { exitCode }));
      // Two files in flight per worker keep it busy while the main thread handles a result.
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
