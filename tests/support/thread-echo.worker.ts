// A worker module for worker-pool.test.ts: answers with the thread it ran on, or fails when asked to.
import { threadId } from 'node:worker_threads';

export default function echo(task: { value: number; fail?: boolean }): { value: number; threadId: number } {
  if (task.fail) throw new Error(`asked to fail with ${task.value}`);
  return { value: task.value * 2, threadId };
}
