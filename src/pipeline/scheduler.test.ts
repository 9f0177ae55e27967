import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { testDeps } from '../../test/helpers.js';
import { runScheduler } from './scheduler.js';

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
});
