// Work that would hold up the event loop for a noticeable time (reading an uploaded workbook) runs in worker threads,
// so other requests are answered meanwhile (RELIABILITY item 13). A task module is a `*.worker.ts` file whose default
// export takes the task and returns (or resolves to) a structured-cloneable result. From the bundle the module is
// `dist/server/workers/<name>.mjs` (built beside cli.mjs by bin/kompetensnav.mjs); from source (tsx, vitest) a small
// bootstrap registers tsx in the thread and imports the .ts file itself.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

export type WorkerPool<In, Out> = { run(task: In): Promise<Out>; close(): Promise<void> };

export type WorkerPoolOptions = {
  /** Threads at most; tasks beyond them wait in the queue. Default: one less than the cores, 1 to 4. */
  maxThreads?: number;
  /** A thread with nothing to do ends after this long, and the next task starts one again. */
  idleTimeoutMs?: number;
};

const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** Where the thread's module is: the bundled file, or the bootstrap with the source file to import. */
export function workerEntry(source: URL): { filename: string; workerData?: { module: string } } {
  const name = path.basename(fileURLToPath(source)).replace(/\.ts$/, '');
  if (!FROM_SOURCE) return { filename: new URL(`./workers/${name}.mjs`, import.meta.url).href };
  return { filename: new URL('./worker-bootstrap.mjs', import.meta.url).href, workerData: { module: source.href } };
}

/** A pool running the default export of the worker module at `source` (a `*.worker.ts` file). */
export function createWorkerPool<In, Out>(source: URL, opts: WorkerPoolOptions = {}): WorkerPool<In, Out> {
  const maxThreads = opts.maxThreads ?? Math.min(4, Math.max(1, availableParallelism() - 1));
  const pool = new Piscina({
    ...workerEntry(source),
    minThreads: 0,
    maxThreads,
    idleTimeout: opts.idleTimeoutMs ?? 60_000,
  });
  let closed = false;
  return {
    run: (task) => (closed ? Promise.reject(new Error('the worker pool is closed')) : (pool.run(task) as Promise<Out>)),
    close: () => {
      closed = true;
      return pool.destroy();
    },
  };
}
