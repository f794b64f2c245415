// Both halves of the engine may spread a large publication over the machine's cores (decision 014, "Speed"): each
// worker thread rebuilds the same system from the input and does its share of the sensitive cells. Nothing in a
// share depends on another share's answers (see protect.ts and audit.ts for why the merged result is sound).
import { availableParallelism } from 'node:os';
import { createWorkerPool, type WorkerPool } from '../worker-pool.ts';
import type { DisclosureTask } from './disclosure.worker.ts';

let pool: WorkerPool<DisclosureTask, unknown> | undefined;
let poolThreads = 0;

/** How many threads to use: `limit` when given (1 keeps everything in this thread), else the machine's cores. */
export function threadCount(limit: number | undefined): number {
  return Math.max(1, Math.floor(limit ?? availableParallelism()));
}

/** Runs the tasks on worker threads (at most `threads` at once) and returns their answers in order. */
export async function runInWorkers<T>(tasks: DisclosureTask[], threads: number): Promise<T[]> {
  if (!pool || poolThreads < threads) {
    await pool?.close();
    poolThreads = threads;
    pool = createWorkerPool<DisclosureTask, unknown>(new URL('./disclosure.worker.ts', import.meta.url), {
      maxThreads: threads,
      idleTimeoutMs: 30_000,
    });
  }
  const running = pool;
  return (await Promise.all(tasks.map((task) => running.run(task)))) as T[];
}

/** Ends the worker threads (the next large call starts them again); for scripts that want to exit promptly. */
export async function closeDisclosureWorkers(): Promise<void> {
  const running = pool;
  pool = undefined;
  poolThreads = 0;
  await running?.close();
}

/**
 * The items cut into `parts` runs of consecutive items of about equal length. Items are variables in input order,
 * and callers list a publication's cells place by place, so a run is a set of neighbouring places.
 */
export function splitEvenly<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  const runs: T[][] = [];
  for (let at = 0; at < items.length; at += size) runs.push(items.slice(at, at + size));
  return runs;
}
