// The worker pool runs tasks on other threads (from source, through the tsx bootstrap), reports their errors, and
// lets the process end once closed.
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
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
});
