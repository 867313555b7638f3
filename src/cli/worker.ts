// Worker thread entry: checks the files the pool sends, one at a time, and posts plain results.

import { parentPort, workerData } from "node:worker_threads";
import { checkFile, type CheckFileOptions } from "./checkFile";

export interface WorkerTask {
  id: number;
  absolute: string;
  display: string;
}

if (parentPort) {
  const port = parentPort;
  const options = workerData as CheckFileOptions;
  port.on("message", (task: WorkerTask) => {
    void checkFile(task.absolute, task.display, options).then((result) => port.postMessage({ id: task.id, result }));
  });
}
