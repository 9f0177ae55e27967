import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { loadCorpus } from '../demo/corpus.js';
import { createLocalPool, type LocalPool } from './local-pool.js';
import { extractLocal } from './local.js';

/** Every article through the pool, each checked against extractLocal on this thread. */
async function extractAllThenClose(pool: LocalPool) {
  try {
    const got = await Promise.all(articles.map((a) => pool.extract(a)));
    assert.equal(got.length, articles.length);
    got.forEach((x, i) => assert.deepEqual(x, extractLocal(articles[i]!)));
    return got;
  } finally {
    await pool.close();
  }
}

const articles = loadCorpus().slice(0, 12).map((a, i) => ({ id: String(i), title: a.title, text: a.paragraphs.join('\n\n') }));

describe('the local extraction pool', () => {
  it('gives on its threads exactly what extractLocal gives on the main thread', async () => {
    const got = await extractAllThenClose(createLocalPool(2));
    assert.ok(got.every((x) => x.summary.length > 0 && x.keyphrases.length > 0));
  });

  it('extracts on the calling thread when its threads cannot start', async () => {
    await extractAllThenClose(createLocalPool(2, () => new Worker('throw new Error("no thread today")', { eval: true })));
  });

  it('hands the articles of a thread that dies to the calling thread', async () => {
    // A thread that takes its first article and exits without answering.
    await extractAllThenClose(createLocalPool(1, () => new Worker(`require('node:worker_threads').parentPort.once('message', () => process.exit(3))`, { eval: true })));
  });

  it('refuses work once closed', async () => {
    const pool = createLocalPool(1);
    await pool.extract(articles[0]!);
    await pool.close();
    await assert.rejects(pool.extract(articles[1]!), /closed/);
  });
});
