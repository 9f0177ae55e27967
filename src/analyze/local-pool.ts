import type { Worker } from 'node:worker_threads';
import { startThread } from '../threads.js';
import { extractLocal } from './local.js';
import type { ArticleInput, Extraction } from './types.js';

/**
 * The local extractor on other cores: worker threads, each running extractLocal (the same
 * function, so the same result as on the main thread). Extraction is the CPU-heaviest part
 * of ingest and needs nothing but the article, so while the threads extract, the main
 * thread writes the store and clusters. With no threads, or when a thread cannot start or
 * dies, an article is extracted on the calling thread instead: the pool makes ingest
 * faster, never different, and never stops it.
 */
export interface LocalPool {
  extract(input: ArticleInput): Promise<Extraction>;
  close(): Promise<void>;
}

interface Job {
  input: ArticleInput;
  resolve: (x: Extraction) => void;
  reject: (e: Error) => void;
}

interface Thread {
  worker: Worker;
  /** Jobs sent to this thread and not answered yet, by number. */
  busy: Map<number, Job>;
}

/**
 * Jobs a thread holds at once. Many: the main thread often runs long stretches without
 * returning to its event loop (store writes are synchronous on SQLite), and a thread that
 * held only a few would sit idle until it did.
 */
const PER_THREAD = 500;

/** `spawn` starts one thread (tests hand in threads that fail). */
export function createLocalPool(threads: number, spawn: () => Worker = () => startThread('./local-worker', import.meta.url)): LocalPool {
  const live: Thread[] = [];
  const queue: Job[] = [];
  let nextJob = 1;
  let closed = false;

  const onThisThread = (job: Job) => {
    try {
      job.resolve(extractLocal(job.input));
    } catch (e) {
      job.reject(e as Error);
    }
  };

  const start = (): Thread | undefined => {
    let worker: Worker;
    try {
      worker = spawn();
    } catch {
      return undefined;
    }
    const t: Thread = { worker, busy: new Map() };
    worker.unref();
    worker.on('message', (m: { job: number; extraction?: Extraction; error?: string }) => {
      const job = t.busy.get(m.job);
      if (!job) return;
      t.busy.delete(m.job);
      if (m.extraction) job.resolve(m.extraction);
      else job.reject(new Error(m.error ?? 'extraction failed'));
      if (!t.busy.size) worker.unref();
      pump();
    });
    // A thread that fails (it could not load, or it crashed) leaves the pool; its jobs run here.
    const drop = () => {
      const i = live.indexOf(t);
      if (i < 0) return;
      live.splice(i, 1);
      const orphans = [...t.busy.values()];
      t.busy.clear();
      for (const job of orphans) onThisThread(job);
      pump();
    };
    worker.on('error', drop);
    worker.on('exit', drop);
    return t;
  };

  // Threads start with the first article, so commands that never extract start none.
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
        // No thread left (none asked for, or all failed): the caller's thread does the work.
        for (const job of queue.splice(0)) onThisThread(job);
        return;
      }
      const t = live.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
      if (t.busy.size >= PER_THREAD) return;
      const job = queue.shift()!;
      const n = nextJob++;
      t.busy.set(n, job);
      // Referenced while it has work, so the process waits for the answer; not when idle.
      t.worker.ref();
      t.worker.postMessage({ job: n, input: job.input });
    }
  };

  return {
    extract(input) {
      if (closed) return Promise.reject(new Error('the extraction pool is closed'));
      return new Promise<Extraction>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      const ts = live.splice(0);
      for (const t of ts) for (const job of t.busy.values()) job.reject(new Error('the extraction pool was closed'));
      for (const job of queue.splice(0)) job.reject(new Error('the extraction pool was closed'));
      await Promise.all(ts.map((t) => t.worker.terminate()));
    },
  };
}
