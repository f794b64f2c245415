// A worker thread's module when the server runs from source: tsx compiles the task module (see worker-pool.ts).
import { workerData } from 'piscina';
import { register } from 'tsx/esm/api';

register();
const task = await import(workerData.module);
export default task.default;
