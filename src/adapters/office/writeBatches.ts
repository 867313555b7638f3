// Writes sent in requests under a budget: Excel on the web caps a request at about 5 MB, writes
// included (resource-limits-and-performance-optimization#excel-add-ins). Desktop Excel has no
// such cap, so there the budget is unlimited and everything goes in one request as before.

import { halves, isTooLargeError } from "./readPlan";

/**
 * Cell writes per request on a host with a payload cap. A written cell costs a few hundred
 * bytes of request at worst (a long Japanese text, escaped, with its address path); 10,000
 * keep a request near 3 MB, under the ~5 MB cap.
 */
export const WEB_WRITE_CELL_BUDGET = 10_000;

/** Queues some writes; `cost` is the number of cell writes they add to the request. */
export interface WriteJob {
  cost: number;
  queue: () => void;
}

/** Groups jobs, in order, into requests of at most `budget` cell writes (a larger job goes alone). */
export function groupJobs<T extends { cost: number }>(jobs: readonly T[], budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let cost = 0;
  for (const job of jobs) {
    if (current.length && cost + job.cost > budget) {
      groups.push(current);
      current = [];
      cost = 0;
    }
    current.push(job);
    cost += job.cost;
  }
  if (current.length) groups.push(current);
  return groups;
}

/**
 * Sends the jobs in requests of at most `budget` cell writes, one sync each; `last` is queued
 * into the final request. A request Excel refuses as too large applied nothing of itself, so
 * its jobs are split in halves and sent again; a single job still refused fails the write.
 */
export async function syncInBatches(context: Excel.RequestContext, jobs: readonly WriteJob[], budget: number, last?: () => void): Promise<void> {
  const queue = groupJobs(jobs, budget);
  if (!queue.length) queue.push([]);
  while (queue.length) {
    const group = queue.shift()!;
    for (const job of group) job.queue();
    if (!queue.length) last?.();
    try {
      // One request per group is the point: together they would exceed Excel's payload cap.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (!isTooLargeError(error) || group.length < 2) throw error;
      queue.unshift(...halves(group));
    }
  }
}
