import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fetchVerdict } from '../src/cli/fetch-verdict.js';
import { fetchCommand } from '../src/cli/pipeline.js';
import type { FetchOutcome } from '../src/pipeline/fetch-sources.js';
import { upsertSource } from '../src/store/sources.js';
import { freePort, startServer, testDeps } from './helpers.js';

const failure = (sourceId: string, errorCode: string): FetchOutcome => ({
  sourceId,
  ok: false,
  itemsSeen: 0,
  itemsNew: 0,
  duplicates: 0,
  errorCode,
  error: `fetch: https://${sourceId}.example/feed: ${errorCode} getaddrinfo ${errorCode} ${sourceId}.example`,
});
const success: FetchOutcome = { sourceId: 'ok', ok: true, itemsSeen: 3, itemsNew: 3, duplicates: 0 };

/** Runs `almanac fetch` on the deps, returning its exit code and what it printed on each stream. */
async function fetchCli(deps: ReturnType<typeof testDeps>) {
  const out: string[] = [];
  const err: string[] = [];
  const [log, error] = [console.log, console.error];
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  try {
    return { code: await fetchCommand(deps, {}), out: out.join('\n'), err: err.join('\n') };
  } finally {
    [console.log, console.error] = [log, error];
  }
}

describe('almanac fetch: the exit code says whether anything was fetched', () => {
  it('every source failing its DNS lookup is a failure that says "offline?"', () => {
    const v = fetchVerdict(Array.from({ length: 28 }, (_, i) => failure(`s${i}`, i % 2 ? 'ENOTFOUND' : 'EAI_AGAIN')));
    assert.equal(v.ok, false);
    assert.equal(
      !v.ok && v.reason,
      'nothing fetched: all 28 sources failed: no host name could be looked up (EAI_AGAIN, ENOTFOUND): offline?',
    );
  });

  it('some sources failing is still a success; no source at all is not a failure', () => {
    assert.deepEqual(fetchVerdict([failure('a', 'ENOTFOUND'), success]), { ok: true });
    assert.deepEqual(fetchVerdict([]), { ok: true });
  });

  it('mixed causes name the most common one with an example', () => {
    const v = fetchVerdict([failure('a', 'http-status'), failure('b', 'http-status'), failure('c', 'ECONNREFUSED')]);
    assert.ok(!v.ok);
    assert.match(
      v.reason,
      /^nothing fetched: all 3 sources failed \(2 of 3 http-status; .*\), e\.g\. fetch: https:\/\/a\.example/,
    );
  });

  it('exits 1 with the cause on one line when every source failed, 0 with a summary when one worked', async () => {
    const deps = testDeps();
    const now = deps.clock.now();
    const dead = await freePort();
    await upsertSource(
      deps.db,
      { id: 'dead-a', name: 'A', feedUrl: `http://127.0.0.1:${dead}/a.xml`, allowPrivate: true },
      now,
    );
    await upsertSource(
      deps.db,
      { id: 'dead-b', name: 'B', feedUrl: `http://127.0.0.1:${dead}/b.xml`, allowPrivate: true },
      now,
    );
    const all = await fetchCli(deps);
    assert.equal(all.code, 1);
    const reason = all.err.split('\n').filter((l) => l.startsWith('almanac fetch:'));
    assert.equal(reason.length, 1, all.err);
    assert.match(reason[0]!, /^almanac fetch: nothing fetched: all 2 sources failed \(each ECONNREFUSED; /);

    const site = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        '<rss version="2.0"><channel><title>Up</title><item><title>One</title><link>http://127.0.0.1/one</link><guid>1</guid></item></channel></rss>',
      );
    });
    try {
      await upsertSource(deps.db, { id: 'up', name: 'Up', feedUrl: `${site.url}feed.xml`, allowPrivate: true }, now);
      await deps.db.exec('UPDATE sources SET next_poll_at = NULL');
      const some = await fetchCli(deps);
      assert.equal(some.code, 0, some.err);
      assert.match(some.out, /^fetched 3 sources: 1 new articles, 0 duplicates skipped, 2 failed$/m);
      assert.doesNotMatch(some.err, /almanac fetch:/);
    } finally {
      await site.close();
      await deps.db.close();
    }
  });
});
