import type { Worker } from 'node:worker_threads';
import { startThread } from '../threads.js';
import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import { relatingJobs, type RelatedResult } from './relate.js';
import type { RelateCaches } from './reads.js';

/**
 * Who relates the events the clustering batches mark (see apply-related.ts). The pipeline
 * starts a job once a batch has committed; the job reads the store as of that commit, and
 * passes over the events its previous job related (their results are not written yet: a
 * job's results are written by the batch after next, so the job has a whole batch's time).
 * Inline, a job reads at once, on the caller's connection (any engine); on a thread, with
 * its own connection, it reads while the main thread places the next batches. Either way
 * the same events meet the same candidates: the thread makes ingest faster, not different.
 */
export interface RelateJob {
  /** Resolves once the job's view of the store is fixed: the caller must not commit again before. */
  taken: Promise<void>;
  results: Promise<RelatedResult[]>;
}

export interface Relater {
  /** Start a job; it resolves once the caller may write again (inline: when the job is done). */
  relate(db: Db): Promise<RelateJob>;
  /** Forget the previous job (its results will not be written: its batch rolled back). */
  reset(): void;
  close(): Promise<void>;
}

/** Relating on the calling thread, through the caller's connection (sharing the caller's caches, if given). */
export function createInlineRelater(caches?: RelateCaches): Relater {
  const jobs = relatingJobs(caches);
  return {
    async relate(db) {
      const results = await jobs.run(db);
      return { taken: Promise.resolve(), results: Promise.resolve(results) };
    },
    reset: () => jobs.reset(),
    close: async () => {},
  };
}

/** A message from the relating thread (worker.ts). */
export type RelateReply =
  | { job: number; taken: true }
  | { job: number; results: RelatedResult[] }
  | { job: number; error: string }
  | { closed: true };

/**
 * Relating on a thread of its own with a read-only connection to the SQLite file `file`,
 * started at the first job. When the thread fails, the events of its jobs stay marked and
 * every later job is done inline: a failure costs the speed, never the relations.
 */
export function createThreadRelater(
  file: string,
  log: (line: string) => void = console.error,
  spawn: () => Worker = () => startThread('./worker', import.meta.url, { file }),
): Relater {
  let worker: Worker | undefined;
  let fallback: Relater | undefined;
  let nextJob = 1;
  const open = new Map<number, { taken: () => void; results: (r: RelatedResult[]) => void }>();

  const settle = (job: number, results: RelatedResult[]) => {
    const o = open.get(job);
    if (!o) return;
    open.delete(job);
    o.taken();
    o.results(results);
    if (!open.size) worker?.unref();
  };

  const fail = (why: string) => {
    if (!fallback) log(`relating thread: ${why}; relating on the main thread from now on`);
    fallback ??= createInlineRelater();
    worker = undefined;
    for (const job of [...open.keys()]) settle(job, []);
  };

  const start = (): Worker | undefined => {
    try {
      const w = spawn();
      w.on('message', (m: RelateReply) => {
        if ('closed' in m) return;
        if ('taken' in m) open.get(m.job)?.taken();
        else if ('error' in m) {
          log(`relating thread: ${m.error}`);
          settle(m.job, []);
        } else settle(m.job, m.results);
      });
      w.on('error', (e) => fail((e as Error).message));
      w.on('exit', (code) => {
        if (worker === w) fail(`stopped (exit code ${code})`);
      });
      w.unref();
      return w;
    } catch (e) {
      fail((e as Error).message);
      return undefined;
    }
  };

  return {
    async relate(db) {
      if (!fallback && !worker) worker = start();
      const w = worker;
      // (A thread that could not start or has failed left the inline relater in its place.)
      if (!w) return fallback!.relate(db);
      const job = nextJob++;
      // Held while a job is out, so the process waits for its answer.
      w.ref();
      let taken!: () => void;
      let results!: (r: RelatedResult[]) => void;
      const out: RelateJob = { taken: new Promise((r) => (taken = r)), results: new Promise((r) => (results = r)) };
      open.set(job, { taken, results });
      w.postMessage({ job });
      return out;
    },
    reset() {
      worker?.postMessage({ reset: true });
      fallback?.reset();
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (!w) return;
      // Let the thread close its connection (so the last one to close tidies the log), then stop it.
      w.ref();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        w.on('message', (m: RelateReply) => {
          if ('closed' in m) done();
        });
        w.once('exit', done);
        w.postMessage({ close: true });
      });
      await w.terminate();
      for (const job of [...open.keys()]) settle(job, []);
    },
  };
}

/** The relater a command uses: a thread for a SQLite file store (unless turned off), else none (the pipeline relates inline). */
export function relaterFor(
  config: Pick<Config, 'relateThread' | 'db'>,
  db: Db,
  log?: (line: string) => void,
): Relater | undefined {
  return config.relateThread && db.dialect === 'sqlite' && config.db !== ':memory:'
    ? createThreadRelater(config.db, log)
    : undefined;
}
