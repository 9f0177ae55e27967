import type { Worker } from 'node:worker_threads';
import { startThread } from '../threads.js';
import { extractPage, type ExtractedPage } from '../ingest/page/extract.js';
import { extractLocal } from './local.js';
import type { ArticleInput } from './types.js';
import type { Extraction } from '../extraction-schema.js';

/**
 * Work on untrusted input on other cores: worker threads, each running extractLocal (the
 * local extractor) and extractPage (Readability over a fetched page), the same functions as
 * on the main thread, so the same results. Extraction is the CPU-heaviest part of ingest and
 * needs nothing but the article, so while the threads extract, the main thread writes the
 * store, clusters and answers the web app.
 *
 * Each job has a time budget: a thread still on a job when its budget is spent is
 * terminated and replaced, the job fails with a JobCutError (the caller records why), and the
 * jobs queued behind it go on in the new thread. A thread that dies takes only the job it was
 * on. Only when no thread can start at all (none asked for, or none loads) does the work run
 * on the calling thread.
 */
export interface LocalPool {
  extract(input: ArticleInput): Promise<Extraction>;
  extractPage(html: string, url?: string): Promise<ExtractedPage>;
  close(): Promise<void>;
}

/** A job over its time budget, or on a thread that died: `final`, the pipeline does not run it again. */
export class JobCutError extends Error {
  override name = 'JobCutError';
  readonly final = true;
}

export type JobRequest = { kind: 'extract'; input: ArticleInput } | { kind: 'page'; html: string; url?: string };

interface Job {
  request: JobRequest;
  resolve: (x: unknown) => void;
  reject: (e: Error) => void;
}

interface Thread {
  worker: Worker;
  /** Jobs sent to this thread and not answered yet, by number, in the order it runs them. */
  busy: Map<number, Job>;
  /** Set once its modules are loaded (its first message): budgets count from then. */
  ready: boolean;
  /** When the job at the head of `busy` started, as far as this thread can tell. */
  since: number;
  timer?: NodeJS.Timeout;
}

/**
 * Jobs a thread holds at once. Many: the main thread often runs long stretches without
 * returning to its event loop (store writes are synchronous on SQLite), and a thread that
 * held only a few would sit idle until it did.
 */
const PER_THREAD = 500;

/** Runs one job where it is called (the worker's loop, or this thread when no worker runs). */
export function runJob(r: JobRequest): unknown {
  return r.kind === 'extract' ? extractLocal(r.input) : extractPage(r.html, r.url);
}

export interface PoolOptions {
  /** Milliseconds a job may run before its thread is cut. */
  budgetMs?: number;
  /** Starts one thread (tests hand in threads that fail or hang). */
  spawn?: () => Worker;
}

export function createLocalPool(threads: number, opts: PoolOptions = {}): LocalPool {
  const budgetMs = opts.budgetMs ?? 30_000;
  const spawn = opts.spawn ?? (() => startThread('./local-worker', import.meta.url));
  const live: Thread[] = [];
  const queue: Job[] = [];
  let nextJob = 1;
  let closed = false;

  const onThisThread = (job: Job) => {
    try {
      job.resolve(runJob(job.request));
    } catch (e) {
      job.reject(e as Error);
    }
  };

  /** Watch the job at the head of the thread: cut it once its budget is spent. */
  const arm = (t: Thread) => {
    clearTimeout(t.timer);
    t.timer = undefined;
    if (!t.ready || !t.busy.size) return;
    const left = t.since + budgetMs - Date.now();
    t.timer = setTimeout(
      () => {
        // An answer may be waiting behind this timer: look once the pending messages are read.
        setImmediate(() => {
          if (!live.includes(t) || !t.busy.size) return;
          if (Date.now() - t.since < budgetMs) return arm(t);
          const [n, job] = t.busy.entries().next().value as [number, Job];
          t.busy.delete(n);
          job.reject(
            new JobCutError(
              `cut after ${budgetMs} ms: over the time budget of a ${job.request.kind === 'page' ? 'page' : 'text'} (ALMANAC_JOB_BUDGET_MS)`,
            ),
          );
          replace(t);
        });
      },
      Math.max(0, left),
    );
    t.timer.unref();
  };

  /** Takes a thread out of the pool; the jobs it still held go back to the front of the queue, and a new thread takes its place. */
  const replace = (t: Thread) => {
    const i = live.indexOf(t);
    if (i < 0) return;
    live.splice(i, 1);
    clearTimeout(t.timer);
    queue.unshift(...t.busy.values());
    t.busy.clear();
    t.worker.removeAllListeners();
    t.worker.on('error', () => {});
    void t.worker.terminate();
    if (closed) return;
    const fresh = start();
    if (fresh) live.push(fresh);
    pump();
  };

  const start = (): Thread | undefined => {
    let worker: Worker;
    try {
      worker = spawn();
    } catch {
      return undefined;
    }
    const t: Thread = { worker, busy: new Map(), ready: false, since: Date.now() };
    worker.unref();
    worker.on(
      'message',
      (m: { ready?: true; job?: number; result?: unknown; error?: string; name?: string; final?: boolean }) => {
        if (m.ready) {
          t.ready = true;
          t.since = Date.now();
          return arm(t);
        }
        const job = t.busy.get(m.job!);
        if (!job) return;
        t.busy.delete(m.job!);
        t.since = Date.now();
        arm(t);
        if (m.error === undefined) job.resolve(m.result);
        else
          job.reject(Object.assign(new Error(m.error), m.name ? { name: m.name } : {}, m.final ? { final: true } : {}));
        if (!t.busy.size) worker.unref();
        pump();
      },
    );
    const died = (e?: Error) => {
      if (!live.includes(t)) return;
      if (!t.ready) {
        // It never loaded: no thread of this kind will. Its jobs go back to the queue, which
        // runs them here once no thread is left.
        live.splice(live.indexOf(t), 1);
        clearTimeout(t.timer);
        queue.unshift(...t.busy.values());
        t.busy.clear();
        pump();
        return;
      }
      // It died on the job it was running: that job fails, the others go on in a new thread.
      const head = t.busy.entries().next().value as [number, Job] | undefined;
      if (head) {
        t.busy.delete(head[0]);
        head[1].reject(new JobCutError(`the thread running it died${e ? `: ${e.message}` : ''}`));
      }
      replace(t);
    };
    worker.on('error', died);
    worker.on('exit', () => died());
    return t;
  };

  // Threads start with the first job, so commands that never extract start none.
  let started = false;
  const pump = () => {
    if (!started) {
      started = true;
      for (let i = 0; i < threads; i++) {
        const t = start();
        if (t) live.push(t);
      }
    }
    while (queue.length) {
      if (!live.length) {
        // No thread (none asked for, or none could start): the caller's thread does the work.
        for (const job of queue.splice(0)) onThisThread(job);
        return;
      }
      const t = live.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
      if (t.busy.size >= PER_THREAD) return;
      const job = queue.shift()!;
      const n = nextJob++;
      if (!t.busy.size) t.since = Date.now();
      t.busy.set(n, job);
      // Referenced while it has work, so the process waits for the answer; not when idle.
      t.worker.ref();
      t.worker.postMessage({ job: n, request: job.request });
      if (!t.timer) arm(t);
    }
  };

  const submit = <T>(request: JobRequest): Promise<T> => {
    if (closed) return Promise.reject(new Error('the extraction pool is closed'));
    return new Promise<T>((resolve, reject) => {
      queue.push({ request, resolve: resolve as (x: unknown) => void, reject });
      pump();
    });
  };

  return {
    extract: (input) => submit<Extraction>({ kind: 'extract', input }),
    extractPage: (html, url) => submit<ExtractedPage>({ kind: 'page', html, ...(url ? { url } : {}) }),
    async close() {
      closed = true;
      const ts = live.splice(0);
      for (const t of ts) {
        clearTimeout(t.timer);
        for (const job of t.busy.values()) job.reject(new Error('the extraction pool was closed'));
      }
      for (const job of queue.splice(0)) job.reject(new Error('the extraction pool was closed'));
      await Promise.all(ts.map((t) => t.worker.terminate()));
    },
  };
}
