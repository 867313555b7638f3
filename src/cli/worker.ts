// Worker thread entry: checks the files the pool sends, one at a time, and posts plain results.

import { parentPort, workerData } from "node:worker_threads";
import { checkForOutput, type CheckFileOptions } from "./checkFile";
import type { EntryOptions } from "./entry";

export interface WorkerSetup {
  options: CheckFileOptions;
  /** Report entries (see CheckedEntry), or whole FileResults when null. */
  entry: EntryOptions | null;
}

export interface WorkerTask {
  id: number;
  absolute: string;
  display: string;
}

/** What a worker posts: that it starts on a file (its time limit runs from here), then its result. */
export type WorkerMessage = { started: number } | { id: number; value: Awaited<ReturnType<typeof checkForOutput>> };

/** Environment variable of the test hook below. */
export const TEST_FAULT_ENV = "HYOKA_TEST_WORKER_FAULT";

type FaultMode = "exit" | "throw" | "oom" | "hang";

/**
 * Test hook: `HYOKA_TEST_WORKER_FAULT=<exit|throw|oom|hang>:<path as reported>` makes a worker
 * die (or spin for ever) in that way when it takes that file, so the pool's crash and time-limit
 * handling is tested for real (a crafted workbook that exhausts memory would depend on the
 * machine). Never set otherwise.
 */
function testFault(value: string | undefined): { mode: FaultMode; display: string } | null {
  const m = /^(exit|throw|oom|hang):(.+)$/.exec(value ?? "");
  return m ? { mode: m[1] as FaultMode, display: m[2] } : null;
}

function injectFault(mode: FaultMode): void {
  if (mode === "exit") process.exit(3);
  if (mode === "throw") throw new Error("test fault");
  if (mode === "hang") for (;;);
  const hog: number[][] = [];
  for (;;) hog.push(new Array<number>(1_000_000).fill(hog.length));
}

if (parentPort) {
  const port = parentPort;
  const { options, entry } = workerData as WorkerSetup;
  const fault = testFault(process.env[TEST_FAULT_ENV]);
  // One file at a time: when the thread dies, the pool knows which file it was on.
  let chain = Promise.resolve();
  port.on("message", (task: WorkerTask) => {
    chain = chain
      .then(async () => {
        // Before the file is read: its time limit covers reading it too (a stalled network drive).
        port.postMessage({ started: task.id } satisfies WorkerMessage);
        if (fault?.display === task.display) injectFault(fault.mode);
        const value = await checkForOutput(task.absolute, task.display, options, entry);
        // A report entry's bytes are handed over, not copied.
        const json = "json" in value ? value.json : null;
        port.postMessage({ id: task.id, value } satisfies WorkerMessage, json ? [json.buffer as ArrayBuffer] : []);
      })
      .catch((e: unknown) => {
        // checkForOutput never throws; anything else must end the thread so the pool sees it
        // (a swallowed rejection would leave the file's result pending for ever).
        setImmediate(() => {
          throw e;
        });
      });
  });
}
