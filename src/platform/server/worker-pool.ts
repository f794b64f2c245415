// Work that would hold up the event loop for a noticeable time (reading an uploaded workbook) runs in worker threads,
// so other requests are answered meanwhile (RELIABILITY item 13). A task module is a `*.worker.ts` file whose default
// export takes the task and returns (or resolves to) a structured-cloneable result. From the bundle the module is
// `dist/server/workers/<name>.mjs` (built beside cli.mjs by bin/kompetensnav.mjs); from source (tsx, vitest) a small
// bootstrap registers tsx in the thread and imports the .ts file itself.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, type ResourceLimits } from 'node:worker_threads';
import { Piscina } from 'piscina';

export type WorkerPool<In, Out> = {
  run(task: In): Promise<Out>;
  /**
   * Runs a streaming task (its module's default export wrapped in `streamingTask`): the parts the thread sends as it
   * goes (the rows of a file, batch by batch), so the caller works on the first while the thread makes the next, and
   * its result at the end. `parts` ends after the thread's last part, also when the task fails (`result` rejects then;
   * always await it). Iterate `parts` to its end, or break out of it, to let go of the channel.
   */
  stream<Part>(task: In): { parts: AsyncIterable<Part>; result: Promise<Out> };
  close(): Promise<void>;
};

/** What a streaming task's module receives besides its task: the channel its parts go back on. */
export type StreamedTask<In> = In & { parts: MessagePort };
type StreamMessage<Part> = { part: Part } | { end: true };

/**
 * The default export of a streaming worker module: `fn` sends parts with `send` and returns the result. The end of
 * the parts is sent on the same channel after the last part (a result travels on another channel, which may arrive
 * first), also when `fn` fails.
 */
export function streamingTask<In, Part, Out>(fn: (task: In, send: (part: Part) => void) => Promise<Out> | Out) {
  return async (task: StreamedTask<In>): Promise<Out> => {
    const port = task.parts;
    try {
      return await fn(task, (part) => port.postMessage({ part } satisfies StreamMessage<Part>));
    } finally {
      port.postMessage({ end: true } satisfies StreamMessage<Part>);
      port.close();
    }
  };
}

/**
 * The parts arriving on `port` until the thread's end message, or until the channel closes (a thread that ended
 * without sending it: killed, or out of memory). A task's failure does not end them at once: its result travels on
 * another channel and may overtake parts already sent, which are still delivered.
 */
async function* partsOf<Part>(port: MessagePort): AsyncGenerator<Part> {
  const queue: Part[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  port.on('message', (message: StreamMessage<Part>) => {
    if ('end' in message) ended = true;
    else queue.push(message.part);
    wake?.();
  });
  port.on('close', () => {
    ended = true;
    wake?.();
  });
  try {
    for (;;) {
      const next = queue.shift();
      if (next !== undefined) yield next;
      else if (ended) return;
      else
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
    }
  } finally {
    port.close();
  }
}

export type WorkerPoolOptions = {
  /** Threads at most; tasks beyond them wait in the queue. Default: one less than the cores, 1 to 4. */
  maxThreads?: number;
  /** A thread with nothing to do ends after this long, and the next task starts one again. */
  idleTimeoutMs?: number;
  /**
   * The threads' heap limits. A reader of large files allocates a short-lived object per cell: a young generation
   * larger than V8's default for a thread spends less of the read collecting garbage (`maxYoungGenerationSizeMb`).
   */
  resourceLimits?: ResourceLimits;
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
    ...(opts.resourceLimits ? { resourceLimits: opts.resourceLimits } : {}),
  });
  let closed = false;
  return {
    run: (task) => (closed ? Promise.reject(new Error('the worker pool is closed')) : (pool.run(task) as Promise<Out>)),
    stream<Part>(task: In) {
      const { port1, port2 } = new MessageChannel();
      if (closed) {
        port2.close(); // no thread will send: the parts end at once
      }
      const result = closed
        ? Promise.reject(new Error('the worker pool is closed'))
        : (pool.run({ ...task, parts: port2 }, { transferList: [port2] }) as Promise<Out>);
      // Handled here too: a failure may settle it while the caller still takes the parts (it awaits it after them).
      result.catch(() => {});
      return { parts: partsOf<Part>(port1), result };
    },
    close: () => {
      closed = true;
      return pool.destroy();
    },
  };
}
