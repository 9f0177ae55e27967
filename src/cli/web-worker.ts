import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createHttpClient } from '../ingest/fetch.js';
import { openStore } from '../store/sql/open.js';
import { warmConnections } from '../store/sql/warm.js';
import { configFlagsFor, parseCommandLine } from './args.js';
import { discoverWith, listenOn, webAppFor } from './web-app.js';
import { type ToPrimary, type ToWorker, workerCount, workerPoolSize } from './web-workers.js';

/**
 * The side of `serve --workers` that runs in each web worker process (web-workers.ts is the
 * primary's): serve HTTP, hand the admin's refetch to the primary, stop when it says so. It
 * loads the web app and the store, not the CLI and the pipeline: half the start-up of a
 * whole `almanac` process, and less memory in each worker.
 */
export async function runWebWorker(
  slot: number,
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  leaveSignalsToPrimary();
  labelLogs(slot);
  // The primary checked the flags and the port, created and migrated the store: this only reads the same settings.
  const flags = parseCommandLine(argv).flags;
  const config = loadConfig(env, configFlagsFor('serve', flags));
  let db;
  try {
    db = await openStore(config.db, { poolSize: workerPoolSize(workerCount(flags['workers'] as string | undefined)) });
    const admin = config.adminToken
      ? {
          token: config.adminToken,
          discover: discoverWith(createHttpClient(config), config.allowPrivate),
          refetch: refetchThroughPrimary(),
        }
      : undefined;
    // Each worker serves from its own pool: on PostgreSQL its connections are opened and warmed before it listens.
    await warmConnections(db);
    const server = await listenOn(webAppFor(config, db, systemClock, admin), config.host, config.port);
    await untilPrimaryStops();
    await server.close();
    return 0;
  } catch (e) {
    const err = e as Error;
    console.error(`almanac: ${['ListenError', 'StoreError'].includes(err.name) ? err.message : (err.stack ?? err)}`);
    return 1;
  } finally {
    await db?.close();
  }
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
