import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoStore } from '../../test/demo-store.js';
import { processPending } from './process.js';
import { unfollowSource } from './unfollow.js';

describe('removing a source', () => {
  it('takes its articles and undoes their events; the rest of those events is placed again', async () => {
    const { deps } = await demoStore();
    const db = deps.db;
    const emptyEvents = () =>
      db.all<{ id: string }>(
        'SELECT id FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_articles ea WHERE ea.event_id = e.id)',
      );
    const unplaced = () =>
      db.all<{ id: number }>(
        'SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM event_articles ea WHERE ea.article_id = a.id)',
      );
    try {
      // A source whose articles share events with other sources' (a news outlet reports what the labs announce).
      const shared = await db.get<{ source_id: string }>(
        `SELECT a.source_id FROM event_articles ea JOIN articles a ON a.id = ea.article_id
        GROUP BY a.source_id ORDER BY COUNT(DISTINCT ea.event_id) DESC LIMIT 1`,
      );
      const before = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM articles WHERE source_id = ?', [
        shared!.source_id,
      ]);
      const gone = await unfollowSource(db, shared!.source_id);
      assert.ok(gone && gone.articles === Number(before!.n) && gone.events > 0, JSON.stringify(gone));
      assert.ok(gone.replaced > 0, 'some of its events held articles of other sources');
      assert.deepEqual(await emptyEvents(), []);
      assert.equal((await unplaced()).length, gone.replaced, 'the other articles of its events wait to be placed');
      await processPending(deps);
      assert.deepEqual(await emptyEvents(), []);
      assert.deepEqual(await unplaced(), []);
      assert.equal(
        (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM articles WHERE source_id = ?', [shared!.source_id]))!.n,
        0,
      );
      assert.equal(await unfollowSource(db, shared!.source_id), undefined);
    } finally {
      await db.close();
    }
  });
});
