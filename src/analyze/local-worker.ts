import { parentPort } from 'node:worker_threads';
import { extractLocal } from './local.js';
import type { ArticleInput } from './types.js';
import { yieldToMainThread } from '../threads.js';

yieldToMainThread();

/** A thread of the local extraction pool (local-pool.ts): one article in, its extraction out. */
parentPort?.on('message', (m: { job: number; input: ArticleInput }) => {
  try {
    parentPort!.postMessage({ job: m.job, extraction: extractLocal(m.input) });
  } catch (e) {
    parentPort!.postMessage({ job: m.job, error: (e as Error).message || String(e) });
  }
});
