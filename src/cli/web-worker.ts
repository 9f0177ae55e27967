import cluster from 'node:cluster';
import { type ToPrimary, type ToWorker, WORKER_SLOT } from './web-workers.js';

/**
 * The side of `serve --workers` that runs in each web worker process (web-workers.ts is the
 * primary's): serve HTTP, hand the admin's refetch to the primary, stop when it says so.
 */

/** This process's worker number when it is a web worker forked by `serve`, else undefined. */
export function webWorkerSlot(env: Record<string, string | undefined> = process.env): number | undefined {
  return cluster.isWorker && env[WORKER_SLOT] ? Number(env[WORKER_SLOT]) : undefined;
}

/**
 * Stop signals are the primary's to act on: a Ctrl-C or a service manager signals the whole
 * group, and a worker that ended on its own would race the primary's clean stop (and be
 * counted as a crash). A primary that is gone closes the IPC channel, which ends the worker.
 */
export function leaveSignalsToPrimary(): void {
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, () => {});
}

/** Every line this process logs names its worker, so that a log with several reads plainly. */
export function labelLogs(slot: number): void {
  for (const k of ['log', 'error', 'warn'] as const) {
    const write = console[k].bind(console);
    console[k] = (first?: unknown, ...rest: unknown[]) =>
      typeof first === 'string'
        ? write(`web worker ${slot}: ${first}`, ...rest)
        : write(`web worker ${slot}:`, first, ...rest);
  }
}

/** Resolves when the primary asks this worker to stop. */
export function untilPrimaryStops(): Promise<void> {
  return new Promise((resolve) => {
    const on = (m: ToWorker) => {
      if (m?.almanac !== 'stop') return;
      process.off('message', on);
      resolve();
    };
    process.on('message', on);
  });
}

/** The admin's refetch, run by the primary (which runs the pipeline once for all workers); resolves with its report. */
export function refetchThroughPrimary(): (sourceId?: string) => Promise<string> {
  let next = 1;
  const waiting = new Map<number, { resolve: (r: string) => void; reject: (e: Error) => void }>();
  process.on('message', (m: ToWorker) => {
    if (m?.almanac !== 'refetched') return;
    const w = waiting.get(m.job);
    waiting.delete(m.job);
    if (m.error !== undefined) w?.reject(new Error(m.error));
    else w?.resolve(m.report ?? '');
  });
  return (sourceId) =>
    new Promise((resolve, reject) => {
      const job = next++;
      waiting.set(job, { resolve, reject });
      process.send!({ almanac: 'refetch', job, ...(sourceId ? { sourceId } : {}) } satisfies ToPrimary);
    });
}
