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

if (parentPort) {
  const port = parentPort;
  const { options, entry } = workerData as WorkerSetup;
  port.on("message", (task: WorkerTask) => {
    void checkForOutput(task.absolute, task.display, options, entry).then((value) => port.postMessage({ id: task.id, value }));
  });
}
