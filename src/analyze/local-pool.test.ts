import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { loadCorpus } from '../demo/corpus.js';
import { startThread } from '../threads.js';
import { extractPage } from '../ingest/page/extract.js';
import { createLocalPool, JobCutError, type LocalPool } from './local-pool.js';
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

const articles = loadCorpus()
  .slice(0, 12)
  .map((a, i) => ({ id: String(i), title: a.title, text: a.paragraphs.join('\n\n') }));
const realThread = () => startThread('./local-worker', import.meta.url);
/** A thread that loads, says so, and then does `onJob` with the first job it is given. */
const badThread = (onJob: string) =>
  new Worker(
    `const { parentPort } = require('node:worker_threads'); parentPort.postMessage({ ready: true }); parentPort.once('message', () => { ${onJob} })`,
    { eval: true },
  );
/** The first thread started misbehaves; the ones started after it are real. */
const firstBad = (onJob: string) => {
  let n = 0;
  return () => (n++ === 0 ? badThread(onJob) : realThread());
};

describe('the local extraction pool', () => {
  it('gives on its threads exactly what extractLocal gives on the main thread', async () => {
    const got = await extractAllThenClose(createLocalPool(2));
    assert.ok(got.every((x) => x.summary.length > 0 && x.keyphrases.length > 0));
  });

  it('extracts on the calling thread when its threads cannot start', async () => {
    await extractAllThenClose(
      createLocalPool(2, { spawn: () => new Worker('throw new Error("no thread today")', { eval: true }) }),
    );
  });

  it('fails only the job of a thread that dies, and goes on with the rest in a new thread', async () => {
    // The first thread takes its first article and exits without answering.
    const pool = createLocalPool(1, { spawn: firstBad('process.exit(3)') });
    try {
      const got = await Promise.allSettled(articles.map((a) => pool.extract(a)));
      assert.equal(got[0]!.status, 'rejected');
      assert.ok((got[0] as PromiseRejectedResult).reason instanceof JobCutError);
      assert.match((got[0] as PromiseRejectedResult).reason.message, /died/);
      got
        .slice(1)
        .forEach((r, i) =>
          assert.deepEqual((r as PromiseFulfilledResult<unknown>).value, extractLocal(articles[i + 1]!)),
        );
    } finally {
      await pool.close();
    }
  });

  it('cuts a job over its budget, replaces the thread, and extracts the jobs queued behind it', async () => {
    // The first thread never comes back from its first job (an endless loop, as a pathological input would).
    const pool = createLocalPool(1, { budgetMs: 300, spawn: firstBad('for (;;) {}') });
    try {
      const t0 = Date.now();
      const [hung, ...rest] = await Promise.allSettled(articles.slice(0, 4).map((a) => pool.extract(a)));
      assert.equal(hung!.status, 'rejected');
      const reason = (hung as PromiseRejectedResult).reason as JobCutError;
      assert.ok(reason instanceof JobCutError && reason.final);
      assert.match(reason.message, /cut after 300 ms/);
      rest.forEach((r, i) =>
        assert.deepEqual((r as PromiseFulfilledResult<unknown>).value, extractLocal(articles[i + 1]!)),
      );
      assert.ok(Date.now() - t0 < 60_000);
    } finally {
      await pool.close();
    }
  });

  it('parses pages on its threads, and passes a refused page on as a final error with its reason', async () => {
    const pool = createLocalPool(1);
    try {
      const html =
        `<html><head><title>T</title></head><body><article><p>` +
        `${'The lab published a long account of how the model was trained. '.repeat(10)}</p>` +
        `</article></body></html>`;
      assert.deepEqual(await pool.extractPage(html, 'http://x.test/a'), extractPage(html, 'http://x.test/a'));
      const deep = `<html><body>${'<div>'.repeat(300)}x${'</div>'.repeat(300)}</body></html>`;
      await assert.rejects(
        pool.extractPage(deep),
        (e: Error & { final?: boolean }) =>
          e.name === 'PageTooComplexError' && e.final === true && /nested more than 80 deep/.test(e.message),
      );
    } finally {
      await pool.close();
    }
  });

  it('refuses work once closed', async () => {
    const pool = createLocalPool(1);
    await pool.extract(articles[0]!);
    await pool.close();
    await assert.rejects(pool.extract(articles[1]!), /closed/);
  });
});
