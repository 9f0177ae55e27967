import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startServer, testDeps } from '../../test/helpers.js';
import { getSource, upsertSource } from '../store/sources.js';
import { fetchSource } from './fetch-sources.js';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>http://example.org/</link>
<item><title>One</title><link>http://example.org/1</link><description>A first item.</description></item></channel></rss>`;

describe('scheduling the next poll', () => {
  it('follows ALMANAC_POLL_INTERVAL_S for a source without its own interval, and a source its own', async () => {
    const feed = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(FEED);
    });
    const deps = testDeps({ pollIntervalS: 600 });
    try {
      const plain = await upsertSource(
        deps.db,
        { id: 'plain', name: 'Plain', feedUrl: `${feed.url}a.xml`, allowPrivate: true },
        deps.clock.now(),
      );
      const own = await upsertSource(
        deps.db,
        { id: 'own', name: 'Own', feedUrl: `${feed.url}b.xml`, allowPrivate: true, pollIntervalS: 7200 },
        deps.clock.now(),
      );
      assert.equal(plain.pollIntervalS, null);
      assert.equal(own.pollIntervalS, 7200);
      for (const s of [plain, own]) assert.equal((await fetchSource(deps, s)).ok, true);
      const waitS = async (id: string) =>
        (Date.parse((await getSource(deps.db, id))!.nextPollAt!) - deps.clock.now().getTime()) / 1000;
      assert.equal(await waitS('plain'), 600);
      assert.equal(await waitS('own'), 7200);
      // Adding the source again without an interval keeps the one it has.
      await upsertSource(
        deps.db,
        { id: 'own', name: 'Own', feedUrl: `${feed.url}b.xml`, allowPrivate: true },
        deps.clock.now(),
      );
      assert.equal((await getSource(deps.db, 'own'))!.pollIntervalS, 7200);
    } finally {
      await feed.close();
      await deps.db.close();
    }
  });
});
