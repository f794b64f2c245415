// A streaming worker module for worker-pool.test.ts: sends `count` parts (each its number and the thread it ran on),
// then fails after `failAfter` parts (or its thread ends after `exitAfter`, as a killed one would) when asked, or
// answers with how many it sent.
import { threadId } from 'node:worker_threads';
import { streamingTask } from '../../src/platform/server/worker-pool.ts';

export type StreamTask = { count: number; failAfter?: number; exitAfter?: number };
export type StreamPart = { n: number; threadId: number };

export default streamingTask<StreamTask, StreamPart, { sent: number }>(async (task, send) => {
  for (let n = 1; n <= task.count; n++) {
    if (task.failAfter !== undefined && n > task.failAfter) throw new Error(`asked to fail after ${task.failAfter}`);
    if (task.exitAfter !== undefined && n > task.exitAfter) process.exit(1);
    send({ n, threadId });
    // Some parts leave before the next is made, as a file's rows do while it is read.
    if (n % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return { sent: task.count };
});
