import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { upsertArticle } from '../store/articles.js';
import { upsertSource } from '../store/sources.js';
import { testDeps } from '../../test/helpers.js';
import { processPending } from './process.js';
import type { Stage } from './stages.js';

/** `n` articles an hour apart, stored in an order unrelated to their dates. */
async function store(n = 30) {
  const deps = testDeps();
  await upsertSource(deps.db, { id: 'src', name: 'Source', feedUrl: 'https://example.org/feed' }, deps.clock.now());
  const published = new Map<number, string>();
  for (const k of [...Array(n).keys()].sort((x, y) => ((x * 7) % n) - ((y * 7) % n))) {
    const at = new Date(Date.UTC(2026, 10, 1, k)).toISOString();
    const r = await upsertArticle(
      deps.db,
      {
        sourceId: 'src',
        guid: `g${k}`,
        url: null,
        canonicalUrl: null,
        title: `Article ${k}`,
        author: null,
        publishedAt: at,
        fetchedAt: at,
        html: '',
        text: `Text of article number ${k}.`,
        lang: 'en',
        image: null,
        wordCount: 5,
        truncated: false,
      },
      ['first', 'second'],
    );
    published.set(r.id, at);
  }
  return { deps, published };
}

describe('processPending runs the stages side by side', () => {
  it('goes on past a page of articles that all failed (a host that is down) to the rest', async () => {
    // 450 articles: the first 250 fail (more than a page of 200), the rest succeed, all in one run.
    const { deps, published } = await store(450);
    const byTime = [...published.keys()].sort((a, b) => published.get(a)!.localeCompare(published.get(b)!));
    const failing = new Set(byTime.slice(0, 250));
    const ran = new Set<number>();
    const stage: Stage = {
      name: 'first',
      async run(id) {
        ran.add(id);
        if (failing.has(id)) throw new Error('host unreachable');
        return {};
      },
    };
    try {
      const [report] = await processPending(deps, { stages: [stage] });
      assert.deepEqual(report, { stage: 'first', done: 200, failed: 250 });
      assert.equal(ran.size, 450);
      // The next run tries the failed ones again, once each.
      ran.clear();
      failing.clear();
      const [again] = await processPending(deps, { stages: [stage] });
      assert.deepEqual(again, { stage: 'first', done: 250, failed: 0 });
    } finally {
      await deps.db.close();
    }
  });

  it('tells progress over the whole run, never more done than the total it gives', async () => {
    // More articles than one page of pending work (200), so the stage runs over several pages.
    const { deps } = await store(450);
    const seen: Array<[number, number]> = [];
    const only: Stage = { name: 'first', run: async () => ({}) };
    try {
      await processPending(deps, { stages: [only], onProgress: (r, total) => seen.push([r.done + r.failed, total]) });
      assert.deepEqual(
        seen.filter(([done, total]) => done > total),
        [],
      );
      assert.deepEqual(seen.at(-1), [450, 450]);
    } finally {
      await deps.db.close();
    }
  });

  it(
    'a later stage takes an article only once every article published before it is through the ' +
      'earlier stage, in time order, while the earlier stage is still at work',
    async () => {
      const { deps, published } = await store();
      const firstDone = new Set<number>();
      const secondOrder: number[] = [];
      let overlapped = false;
      const first: Stage = {
        name: 'first',
        async run(id) {
          await sleep(3);
          firstDone.add(id);
          return {};
        },
      };
      const second: Stage = {
        name: 'second',
        batch: () => 5,
        async run(id) {
          for (const [other, at] of published)
            if (at <= published.get(id)!)
              assert.ok(
                firstDone.has(other),
                `article ${id} reached the second stage before ${other}, published earlier, was through the first`,
              );
          if (firstDone.size < published.size) overlapped = true;
          secondOrder.push(id);
          return {};
        },
      };
      try {
        const reports = await processPending(deps, { stages: [first, second], concurrency: 2 });
        assert.deepEqual(reports, [
          { stage: 'first', done: 30, failed: 0 },
          { stage: 'second', done: 30, failed: 0 },
        ]);
        assert.deepEqual(
          secondOrder,
          [...published.keys()].sort((a, b) => published.get(a)!.localeCompare(published.get(b)!)),
        );
        assert.ok(overlapped, 'the second stage started before the first was over');
      } finally {
        await deps.db.close();
      }
    },
  );

  it('does not wait for earlier stages that end while a later one is still reading what it has to do', async () => {
    const { deps } = await store();
    // The first stage is through already (as after a restart): it ends at its first look,
    // while the second, short of a batch, is reading its pending articles.
    await deps.db.run(`UPDATE article_stages SET status = 'done' WHERE stage = 'first'`);
    const seen: number[] = [];
    const first: Stage = {
      name: 'first',
      async run() {
        throw new Error('nothing to do');
      },
    };
    const second: Stage = {
      name: 'second',
      batch: () => 500,
      async run(id) {
        seen.push(id);
        return {};
      },
    };
    try {
      const reports = await Promise.race([
        processPending(deps, { stages: [first, second] }),
        sleep(5000).then(() => {
          throw new Error('processPending still waiting after 5 s');
        }),
      ]);
      assert.deepEqual(reports, [
        { stage: 'first', done: 0, failed: 0 },
        { stage: 'second', done: 30, failed: 0 },
      ]);
      assert.equal(seen.length, 30);
    } finally {
      await deps.db.close();
    }
  });

  it('marks the articles a stage has nothing to do for (idle) done at once, without running them, and a batch of articles each with its own note', async () => {
    const { deps } = await store();
    const ids = [...(await deps.db.all<{ id: number }>('SELECT id FROM articles ORDER BY id')).map((r) => r.id)];
    const ran: number[] = [];
    const first: Stage = {
      name: 'first',
      // Every third article needs work; the rest are idle.
      async idle(articleIds) {
        return new Map(articleIds.filter((id) => id % 3 !== 0).map((id) => [id, `idle ${id}`]));
      },
      async run(id) {
        ran.push(id);
        return { note: `ran ${id}` };
      },
    };
    const second: Stage = {
      name: 'second',
      batch: () => 7,
      async run(id) {
        if (id === ids[4]) throw new Error('this one fails');
        return id % 2 ? { note: `odd ${id}` } : {};
      },
    };
    try {
      const reports = await processPending(deps, { stages: [first, second] });
      assert.deepEqual(reports, [
        { stage: 'first', done: 30, failed: 0 },
        { stage: 'second', done: 29, failed: 1 },
      ]);
      assert.deepEqual(
        ran.sort((a, b) => a - b),
        ids.filter((id) => id % 3 === 0),
      );
      const rows = await deps.db.all<{
        article_id: number;
        stage: string;
        status: string;
        note: string | null;
        error: string | null;
        attempts: number;
      }>('SELECT article_id, stage, status, note, error, attempts FROM article_stages ORDER BY article_id, stage');
      for (const r of rows) {
        assert.equal(r.attempts, 1, `one attempt recorded for ${r.article_id} ${r.stage}`);
        if (r.stage === 'first')
          assert.deepEqual(
            [r.status, r.note],
            ['done', r.article_id % 3 ? `idle ${r.article_id}` : `ran ${r.article_id}`],
          );
        else if (r.article_id === ids[4]) assert.deepEqual([r.status, r.error], ['failed', 'this one fails']);
        else assert.deepEqual([r.status, r.note], ['done', r.article_id % 2 ? `odd ${r.article_id}` : null]);
      }
    } finally {
      await deps.db.close();
    }
  });

  it('gives work done ahead (prepare) to each article, and when a stage fails as a whole the others stop and the error is thrown', async () => {
    const { deps } = await store();
    let firstRuns = 0;
    const handed: unknown[] = [];
    const first: Stage = {
      name: 'first',
      batch: () => 5,
      async prepare(ids) {
        return new Map(ids.map((id) => [id, sleep(1).then(() => `ready ${id}`)]));
      },
      async run(id, _deps, prepared) {
        firstRuns++;
        handed.push([id, prepared]);
        return {};
      },
    };
    let batches = 0;
    const second: Stage = {
      name: 'second',
      batch: () => 5,
      async run() {
        return {};
      },
      async beforeCommit() {
        if (++batches === 2) throw new Error('the store went away');
      },
    };
    try {
      await assert.rejects(processPending(deps, { stages: [first, second] }), /the store went away/);
      assert.ok(
        handed.length > 0 &&
          handed.every((x) => {
            const [id, p] = x as [number, string];
            return p === `ready ${id}`;
          }),
      );
      const runs = firstRuns;
      await sleep(50);
      assert.equal(firstRuns, runs, 'nothing ran after processPending gave up');
      // The failed batch rolled back: its articles are still pending for the second stage.
      const pending = await deps.db.all<{ n: number }>(
        `SELECT COUNT(*) AS n FROM article_stages WHERE stage = 'second' AND status = 'pending'`,
      );
      assert.equal(pending[0]!.n, 25);
    } finally {
      await deps.db.close();
    }
  });

  it('records a final failure (a bound, a budget) with its reason and does not try that article again, while an ordinary one is retried', async () => {
    const { deps } = await store();
    const calls = new Map<number, number>();
    const ids = [...(await deps.db.all<{ id: number }>('SELECT id FROM articles ORDER BY id LIMIT 2'))].map(
      (r) => r.id,
    );
    const flaky: Stage = {
      name: 'first',
      async run(id) {
        calls.set(id, (calls.get(id) ?? 0) + 1);
        if (id === ids[0]) throw Object.assign(new Error('cut after 0.3 s: over the time budget'), { final: true });
        if (id === ids[1]) throw new Error('connection reset');
        return {};
      },
    };
    try {
      for (let round = 0; round < 3; round++) await processPending(deps, { stages: [flaky] });
      assert.equal(calls.get(ids[0]!), 1);
      assert.equal(calls.get(ids[1]!), 3);
      const row = await deps.db.get<{ status: string; error: string }>(
        `SELECT status, error FROM article_stages WHERE article_id = ? AND stage = 'first'`,
        [ids[0]!],
      );
      assert.deepEqual(row, { status: 'failed', error: 'cut after 0.3 s: over the time budget' });
    } finally {
      await deps.db.close();
    }
  });
});
