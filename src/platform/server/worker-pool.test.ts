// The worker pool runs tasks on other threads (from source, through the tsx bootstrap), reports their errors, and
// lets the process end once closed.
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { StreamPart, StreamTask } from '../../../tests/support/thread-stream.worker.ts';
import { createWorkerPool } from './worker-pool.ts';

type Task = { value: number; fail?: boolean };
type Result = { value: number; threadId: number };
const pool = createWorkerPool<Task, Result>(new URL('../../../tests/support/thread-echo.worker.ts', import.meta.url), {
  maxThreads: 2,
});
afterAll(() => pool.close());

describe('worker pool', () => {
  it('runs each task on a thread other than the caller, several at once', async () => {
    const results = await Promise.all([1, 2, 3, 4].map((value) => pool.run({ value })));
    expect(results.map((r) => r.value)).toEqual([2, 4, 6, 8]);
    for (const r of results) expect(r.threadId).not.toBe(threadId);
  });

  it("rejects with the task's error and keeps serving", async () => {
    await expect(pool.run({ value: 7, fail: true })).rejects.toThrow('asked to fail with 7');
    expect((await pool.run({ value: 5 })).value).toBe(10);
  });

  it('refuses tasks once closed', async () => {
    const other = createWorkerPool<Task, Result>(
      new URL('../../../tests/support/thread-echo.worker.ts', import.meta.url),
    );
    expect((await other.run({ value: 1 })).value).toBe(2);
    await other.close();
    await expect(other.run({ value: 1 })).rejects.toThrow('the worker pool is closed');
  });

  it('streams the parts of a task in order while it runs, then its result; a failure ends the parts', async () => {
    const streaming = createWorkerPool<StreamTask, { sent: number }>(
      new URL('../../../tests/support/thread-stream.worker.ts', import.meta.url),
    );
    try {
      const { parts, result } = streaming.stream<StreamPart>({ count: 1_000 });
      const seen: number[] = [];
      for await (const part of parts) {
        seen.push(part.n);
        expect(part.threadId).not.toBe(threadId);
      }
      expect(seen).toEqual(Array.from({ length: 1_000 }, (_, i) => i + 1));
      expect(await result).toEqual({ sent: 1_000 });

      const failing = streaming.stream<StreamPart>({ count: 1_000, failAfter: 250 });
      const before: number[] = [];
      for await (const part of failing.parts) before.push(part.n);
      expect(before).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
      await expect(failing.result).rejects.toThrow('asked to fail after 250');

      // A thread that ends without a word (killed, out of memory) ends the parts too.
      const killed = streaming.stream<StreamPart>({ count: 1_000, exitAfter: 100 });
      const sent: number[] = [];
      for await (const part of killed.parts) sent.push(part.n);
      expect(sent.length).toBeLessThanOrEqual(100);
      await expect(killed.result).rejects.toThrow();

      // The pool keeps serving after a failed stream.
      const again = streaming.stream<StreamPart>({ count: 3 });
      const last: number[] = [];
      for await (const part of again.parts) last.push(part.n);
      expect(last).toEqual([1, 2, 3]);
      expect(await again.result).toEqual({ sent: 3 });
    } finally {
      await streaming.close();
    }
    const closed = streaming.stream<StreamPart>({ count: 3 });
    for await (const _ of closed.parts) throw new Error('a closed pool sent a part');
    await expect(closed.result).rejects.toThrow('the worker pool is closed');
  });
});
