import cluster, { type Address, type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

/**
 * `almanac serve --workers n`: the primary process keeps what must run once (migrations, the
 * scheduler, the admin's refetch) and n worker processes serve HTTP on the shared port
 * (node:cluster hands them the connections). One Node process renders on one core; a worker
 * per core lets every core render. This is the primary's side; web-worker.ts is the workers'.
 */

/** What a worker that cannot start or a crash loop ends the server with. */
export class WorkerError extends Error {
  override name = 'WorkerError';
}

/**
 * The worker count a `--workers` value asks for. One process is the default: it starts in
 * half the time and holds one store connection and page cache, which a personal almanac
 * needs; `auto`, one per core the process may use, is for a site under load (the service unit
 * asks for it).
 */
export function workerCount(flag: string | undefined, cores = availableParallelism()): number {
  if (flag === undefined) return 1;
  return flag === 'auto' ? cores : Number(flag);
}

/**
 * Each web worker's PostgreSQL pool: the one process's 10 connections shared among the workers
 * (at least 2 each), so `auto` on a many-core machine stays under the server's connection limit
 * (100 by default) beside the primary's own pool. Two cores gain nothing past about 10 busy backends.
 */
export function workerPoolSize(workers: number, oneProcess = 10): number {
  return Math.max(2, Math.ceil(oneProcess / workers));
}

/** The primary's messages to a worker and the worker's to the primary (cluster IPC). */
export type ToWorker = { almanac: 'stop' } | { almanac: 'refetched'; job: number; report?: string; error?: string };
export type ToPrimary = { almanac: 'refetch'; job: number; sourceId?: string };

/** The environment variable that tells a forked process it is web worker n (1-based, kept across restarts). */
const WORKER_SLOT = 'ALMANAC_WEB_WORKER';

/** This process's worker number when it is a web worker forked by `serve`, else undefined. */
export function webWorkerSlot(env: Record<string, string | undefined> = process.env): number | undefined {
  return cluster.isWorker && env[WORKER_SLOT] ? Number(env[WORKER_SLOT]) : undefined;
}

export interface WorkerPool {
  /** The port the workers share (the one asked for, or the one chosen for port 0). */
  port: number;
  /** Resolves with the reason when the pool gives up: workers crashing in a loop. */
  failed: Promise<string>;
  /** Asks every worker to finish its requests and close its store; resolves once all have ended. */
  stop(): Promise<void>;
}

export interface PoolOptions {
  count: number;
  log: (line: string) => void;
  /** The admin's refetch, run here in the primary for whichever worker asked. */
  refetch: (sourceId?: string) => Promise<string>;
  /** A worker that ends is started again, unless more than `max` ended within `withinMs`. */
  restarts?: { max: number; withinMs: number };
  /** How long a worker may take to stop before it is killed. */
  stopMs?: number;
}

/** Forks the workers and resolves once every one listens; a worker that ends before that fails the start. */
export async function startWorkers(o: PoolOptions): Promise<WorkerPool> {
  const restarts = o.restarts ?? { max: 5, withinMs: 60_000 };
  const live = new Set<Worker>();
  const ended: number[] = [];
  let stopping = false;
  let started = false;
  let giveUp!: (why: string) => void;
  const failed = new Promise<string>((r) => (giveUp = r));

  const answer = (w: Worker, m: ToPrimary) => {
    if (m?.almanac !== 'refetch') return;
    const reply = (r: Omit<Extract<ToWorker, { almanac: 'refetched' }>, 'almanac' | 'job'>) =>
      w.isConnected() && w.send({ almanac: 'refetched', job: m.job, ...r } satisfies ToWorker);
    o.refetch(m.sourceId).then(
      (report) => reply({ report }),
      (e: unknown) => reply({ error: (e as Error).message }),
    );
  };

  const fork = (slot: number) => {
    const w = cluster.fork({ [WORKER_SLOT]: String(slot) });
    const pid = w.process.pid;
    live.add(w);
    w.on('message', (m: ToPrimary) => answer(w, m));
    w.once('exit', (code, signal) => {
      live.delete(w);
      if (stopping) return;
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      if (!started) return giveUp(`web worker ${slot} could not start (${how}); its lines above say why`);
      const now = Date.now();
      ended.push(now);
      while (ended[0]! <= now - restarts.withinMs) ended.shift();
      if (ended.length > restarts.max)
        return giveUp(
          `web workers ended ${ended.length} times within ${restarts.withinMs / 1000} s; stopping the server`,
        );
      o.log(`serve: web worker ${slot} (pid ${pid}) ended (${how}); starting another`);
      fork(slot);
    });
  };

  const stop = async () => {
    stopping = true;
    await Promise.all(
      [...live].map(
        (w) =>
          new Promise<void>((resolve) => {
            const kill = setTimeout(() => w.process.kill('SIGKILL'), o.stopMs ?? 10_000);
            w.once('exit', () => (clearTimeout(kill), resolve()));
            if (w.isConnected()) w.send({ almanac: 'stop' } satisfies ToWorker);
            else w.process.kill('SIGKILL');
          }),
      ),
    );
  };

  const listening = new Promise<number>((resolve) => {
    let n = 0;
    const on = (_w: Worker, address: Address) => {
      if (++n < o.count) return;
      cluster.off('listening', on);
      resolve(address.port);
    };
    cluster.on('listening', on);
  });
  for (let slot = 1; slot <= o.count; slot++) fork(slot);
  const port = await Promise.race([listening, failed.then((why) => Promise.reject(new WorkerError(why)))]).catch(
    async (e: unknown) => {
      await stop();
      throw e;
    },
  );
  started = true;
  return { port, failed, stop };
}
