import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { testDeps } from '../../test/helpers.js';
import { runScheduler } from './scheduler.js';
import { upsertArticle } from '../store/articles.js';
import { upsertSource } from '../store/sources.js';
import { STAGE_NAMES } from './stages.js';

describe('the scheduler', () => {
  it('leaves no abort listener behind from one tick to the next', async () => {
    const deps = testDeps({ schedulerTickS: 0.005 });
    const ac = new AbortController();
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    // A round begins with the query for the sources due (dueSources).
    let rounds = 0;
    const all = deps.db.all.bind(deps.db);
    deps.db.all = ((sql: string, params?: never) => (
      sql.includes('FROM sources WHERE next_poll_at') && rounds++, all(sql, params)
    )) as typeof deps.db.all;
    const loop = runScheduler(deps, ac.signal);
    try {
      while (rounds < 25) await sleep(5);
      const listeners = getEventListeners(ac.signal, 'abort').length;
      assert.ok(listeners <= 1, `${listeners} abort listeners after ${rounds} rounds`);
      assert.deepEqual(
        warnings.map((w) => w.name),
        [],
      );
    } finally {
      ac.abort();
      await loop;
      process.off('warning', onWarning);
      await deps.db.close();
    }
  });

  it('says what each round did, also a round that only processed what was pending', async () => {
    const deps = testDeps();
    const lines: string[] = [];
    deps.log = (line) => lines.push(line);
    try {
      await runScheduler(deps, new AbortController().signal, { once: true });
      assert.deepEqual(lines, [], 'a round with nothing to do is quiet');
      // An article stored with no source due: the round fetches nothing but processes it.
      await upsertSource(deps.db, { id: 'src', name: 'Source', feedUrl: 'https://example.org/feed' }, deps.clock.now());
      await deps.db.run(`UPDATE sources SET next_poll_at = '2999-01-01T00:00:00Z'`);
      await upsertArticle(
        deps.db,
        {
          sourceId: 'src',
          guid: 'g1',
          url: null,
          canonicalUrl: null,
          title: 'A lab releases a model',
          author: null,
          publishedAt: '2026-11-22T10:00:00Z',
          fetchedAt: '2026-11-22T10:00:00Z',
          html: '',
          text: 'A lab released a model on Monday. It is faster than the last one.',
          lang: 'en',
          image: null,
          wordCount: 13,
          truncated: false,
        },
        STAGE_NAMES,
      );
      await runScheduler(deps, new AbortController().signal, { once: true });
      assert.equal(lines.length, 1, lines.join('\n'));
      assert.match(lines[0]!, /^scheduler: 0 sources fetched .*cluster 1 done 0 failed/);
    } finally {
      await deps.db.close();
    }
  });
});
