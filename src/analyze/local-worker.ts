import { parentPort } from 'node:worker_threads';
import { runJob, type JobRequest } from './local-pool.js';
import { yieldToMainThread } from '../threads.js';

yieldToMainThread();

/** A thread of the local pool (local-pool.ts): one job in, its result (or its error, by name and message) out. */
parentPort?.on('message', (m: { job: number; request: JobRequest }) => {
  try {
    parentPort!.postMessage({ job: m.job, result: runJob(m.request) });
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({
      job: m.job,
      error: err?.message || String(e),
      name: err?.name,
      final: (err as { final?: boolean })?.final === true,
    });
  }
});
// Loaded: the pool counts each job's budget from here, not from the thread's start-up.
parentPort?.postMessage({ ready: true });
