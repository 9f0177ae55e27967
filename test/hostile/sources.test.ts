import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fetchSource, type FetchOutcome } from '../../src/pipeline/fetch-sources.js';
import { processPending } from '../../src/pipeline/process.js';
import { integrityCheck } from '../../src/store/db.js';
import { getSource, upsertSource, type Source } from '../../src/store/sources.js';
import { testDeps } from '../helpers.js';
import { Report, withPeakRss } from './report.js';
import { startHostileServer, type HostileServer } from './server.js';
import { column, one } from '../../src/store/sql/query.js';

/**
 * Sources that misbehave on purpose, fetched through the real client and pipeline. For each:
 * the run goes on, the source records a clear error, backoff grows, memory stays bounded
 * and no article is stored twice. Peak RSS is this test process's, sampled during the case.
 */
const report = new Report('sources', 'Hostile sources (npm run test:hostile)');
const MB = 1024 * 1024;
/** The most a single case may add to the process's resident memory. */
const RSS_BUDGET_MB = 300;

describe('hostile sources', () => {
  let srv: HostileServer;
  let deps: ReturnType<typeof testDeps>;
  let baseRssMb = 0;

  before(async () => {
    srv = await startHostileServer();
    // Private addresses are refused by config; each source allows its own host (127.0.0.1) only.
    deps = testDeps({
      allowPrivate: false,
      connectTimeoutMs: 1000,
      totalTimeoutMs: 2000,
      maxBodyBytes: 10 * MB,
      maxDecompressedBytes: 50 * MB,
      maxRedirects: 5,
    });
    baseRssMb = process.memoryUsage.rss() / MB;
  });
  after(async () => {
    await srv.close();
    report.print([`baseline RSS before the cases: ${baseRssMb.toFixed(0)} MB; budget per case: +${RSS_BUDGET_MB} MB`]);
  });

  const add = async (id: string, path: string): Promise<Source> =>
    await upsertSource(
      deps.db,
      { id, name: id, feedUrl: `${srv.url}${path.slice(1)}`, allowPrivate: true, fulltext: 'never' },
      deps.clock.now(),
    );
  const source = async (id: string) => (await getSource(deps.db, id))!;
  const articles = async (id: string) =>
    await one<number>(deps.db, 'SELECT COUNT(*) FROM articles WHERE source_id = ?', [id]);
  const fetchOnce = async (id: string) => {
    const t = performance.now();
    const { value, peakRssMb } = await withPeakRss(async () => fetchSource(deps, await source(id)));
    assert.ok(peakRssMb - baseRssMb < RSS_BUDGET_MB, `${id}: RSS grew to ${peakRssMb.toFixed(0)} MB`);
    return { o: value, peakRssMb, ms: performance.now() - t };
  };
  /** Seconds from the last attempt to the next poll. */
  const backoffS = (s: Source) => (Date.parse(s.nextPollAt!) - Date.parse(s.lastFetchAt!)) / 1000;
  const failed = (o: FetchOutcome, pattern: RegExp) => {
    assert.equal(o.ok, false);
    assert.match(o.error ?? '', pattern);
  };

  it('a server that never answers: timed out, recorded, backed off', async () => {
    await add('never', '/never');
    const { o, peakRssMb, ms } = await fetchOnce('never');
    failed(o, /no complete answer .* within 2000 ms/);
    const s = await source('never');
    assert.equal(s.consecutiveFailures, 1);
    assert.equal(backoffS(s), 3600);
    report.add({
      case: 'never answers',
      expected: 'timeout error, backoff',
      observed: `"${s.lastError}" after ${(ms / 1000).toFixed(1)} s; next poll +${backoffS(s)} s`,
      peakRssMb,
    });
  });

  it('a server that trickles a byte a second: cut off at the total timeout', async () => {
    await add('trickle', '/trickle');
    const { o, peakRssMb, ms } = await fetchOnce('trickle');
    failed(o, /within 2000 ms/);
    assert.ok(ms < 4000, `took ${ms} ms`);
    report.add({
      case: 'trickles 1 byte/s',
      expected: 'total timeout',
      observed: `error after ${(ms / 1000).toFixed(1)} s, ${srv.sent.get('/trickle') ?? 0} bytes had arrived`,
      peakRssMb,
    });
  });

  it('a 2 GB body, declared or chunked: refused at the 10 MB cap', async () => {
    await add('huge-declared', '/huge-declared');
    await add('huge-chunked', '/huge-chunked');
    const a = await fetchOnce('huge-declared');
    failed(a.o, /2147483648 bytes, over the 10485760-byte cap/);
    const b = await fetchOnce('huge-chunked');
    failed(b.o, /more than the 10485760-byte cap/);
    // The server stopped soon after the cap: we closed the connection, not read on.
    await new Promise((r) => setTimeout(r, 100));
    assert.ok((srv.sent.get('/huge-chunked') ?? 0) < 200 * MB);
    report.add({
      case: '2 GB body, Content-Length',
      expected: 'refused before reading',
      observed: a.o.error!.replace(/^fetch: \S+ /, ''),
      peakRssMb: a.peakRssMb,
    });
    report.add({
      case: '2 GB body, chunked',
      expected: 'cut at 10 MB',
      observed: `${b.o.error?.replace(/^fetch: \S+ /, '')}; server had sent ${((srv.sent.get('/huge-chunked') ?? 0) / MB).toFixed(0)} MB when we hung up`,
      peakRssMb: b.peakRssMb,
    });
  });

  it('a gzip bomb (1 GB of zeros in about 1 MB): cut at the 50 MB decompressed cap', async () => {
    await add('gzip-bomb', '/gzip-bomb');
    const { o, peakRssMb } = await fetchOnce('gzip-bomb');
    failed(o, /decompresses to more than 52428800 bytes/);
    report.add({
      case: 'gzip bomb (1 GB → 1 MB)',
      expected: 'cut at 50 MB decompressed',
      observed: o.error!.replace(/^fetch: \S+ /, ''),
      peakRssMb,
    });
  });

  it('a redirect loop: stopped after 5 redirects', async () => {
    await add('loop', '/loop');
    const { o, peakRssMb } = await fetchOnce('loop');
    failed(o, /more than 5 redirects/);
    assert.equal(srv.hits.get('/loop'), 6);
    report.add({
      case: 'redirect loop',
      expected: 'stops at 5 redirects',
      observed: `${srv.hits.get('/loop')} requests, then "${o.error!.replace(/ from .*/, '')}"`,
      peakRssMb,
    });
  });

  it('redirects to a private address and to cloud metadata: refused even though the source may use its own private host', async () => {
    await add('to-private', '/to-private');
    await add('to-metadata', '/to-metadata');
    const a = await fetchOnce('to-private');
    failed(a.o, /refused 10\.0\.0\.1/);
    const b = await fetchOnce('to-metadata');
    failed(b.o, /refused 169\.254\.169\.254/);
    report.add({
      case: 'redirect to 10.0.0.1',
      expected: 'refused',
      observed: a.o.error!.slice(0, 60),
      peakRssMb: a.peakRssMb,
    });
    report.add({
      case: 'redirect to 169.254.169.254',
      expected: 'refused',
      observed: b.o.error!.slice(0, 60),
      peakRssMb: b.peakRssMb,
    });
  });

  it('a "feed" that is an HTML page: a clear error, nothing stored', async () => {
    await add('html', '/html');
    const { o, peakRssMb } = await fetchOnce('html');
    failed(o, /not a feed \(got HTML/);
    assert.equal(await articles('html'), 0);
    report.add({
      case: 'feed is HTML',
      expected: 'clear error',
      observed: o.error!.replace(/ at http.*/, ''),
      peakRssMb,
    });
  });

  it('wrong and missing charsets: read without crashing, the text kept', async () => {
    await add('wrong-charset', '/wrong-charset');
    await add('no-charset', '/no-charset');
    const a = await fetchOnce('wrong-charset');
    const b = await fetchOnce('no-charset');
    assert.equal(a.o.ok, true);
    assert.equal(b.o.ok, true);
    const title = async (id: string) =>
      await one<string>(deps.db, 'SELECT title FROM articles WHERE source_id = ?', [id]);
    // Bytes that are not UTF-8 are read as windows-1252 rather than turned into U+FFFD.
    assert.match(await title('wrong-charset'), /^Café owners/);
    assert.match(await title('no-charset'), /^Naïve résumé/);
    report.add({
      case: 'charset says UTF-8, body Latin-1',
      expected: 'stored, text intact',
      observed: `stored "${await title('wrong-charset')}"`,
      peakRssMb: a.peakRssMb,
    });
    report.add({
      case: 'no charset anywhere, Latin-1',
      expected: 'stored, text intact',
      observed: `stored "${await title('no-charset')}"`,
      peakRssMb: b.peakRssMb,
    });
  });

  it('truncated XML: the complete items are kept and the problem is logged', async () => {
    await add('truncated', '/truncated');
    const { o, peakRssMb } = await fetchOnce('truncated');
    const log = (await deps.db.get<{ outcome: string; error: string | null }>(
      `SELECT outcome, error FROM fetch_log WHERE source_id = 'truncated'`,
    ))!;
    assert.equal(o.ok, true, o.error);
    assert.ok((await articles('truncated')) >= 1 && (await articles('truncated')) <= 2);
    assert.match(log.error ?? '', /read with problems/);
    report.add({
      case: 'truncated XML',
      expected: 'complete items kept, problem logged',
      observed: `${await articles('truncated')} of 3 items stored; log: "${(log.error ?? '').slice(0, 50)}"`,
      peakRssMb,
    });
  });

  it('external entities and billion laughs: never expanded, memory flat', async () => {
    await add('xxe', '/xxe');
    await add('billion-laughs', '/billion-laughs');
    const a = await fetchOnce('xxe');
    const b = await fetchOnce('billion-laughs');
    const all = (
      await column<unknown>(
        deps.db,
        `SELECT title || ' ' || text || ' ' || html FROM articles WHERE source_id IN ('xxe', 'billion-laughs')`,
      )
    ).join('\n');
    assert.doesNotMatch(all, /root:/, 'no file content');
    assert.doesNotMatch(all, /(lol){20}/, 'no expansion');
    assert.ok(all.length < 100_000);
    report.add({
      case: 'XML external entity (file:///etc/passwd)',
      expected: 'not resolved',
      observed: a.o.ok ? `stored ${await articles('xxe')} item, no file content` : `refused: ${a.o.error}`,
      peakRssMb: a.peakRssMb,
    });
    report.add({
      case: 'billion laughs (10^9 "lol")',
      expected: 'not expanded',
      observed: b.o.ok
        ? `stored ${await articles('billion-laughs')} item of ${all.length} chars in all`
        : `refused: ${b.o.error}`,
      peakRssMb: b.peakRssMb,
    });
  });

  it('the same item under a new GUID on every fetch: stored once', async () => {
    await add('new-guids', '/new-guids');
    const outcomes: FetchOutcome[] = [];
    let peak = 0;
    for (let i = 0; i < 3; i++) {
      const r = await fetchOnce('new-guids');
      outcomes.push(r.o);
      peak = Math.max(peak, r.peakRssMb);
    }
    assert.equal(await articles('new-guids'), 1);
    assert.deepEqual(
      outcomes.map((o) => o.itemsNew),
      [1, 0, 0],
    );
    report.add({
      case: 'same item, new GUID each fetch (×3)',
      expected: 'one article',
      observed:
        `${await articles('new-guids')} article; new per fetch ` +
        `${outcomes.map((o) => o.itemsNew).join(', ')}; duplicates ` +
        `${outcomes.map((o) => o.duplicates).join(', ')}`,
      peakRssMb: peak,
    });
  });

  it('dates in 2099 and in 1970: not believed, the fetch time used', async () => {
    await add('odd-dates', '/odd-dates');
    const { peakRssMb } = await fetchOnce('odd-dates');
    const dates = await column<string>(
      deps.db,
      `SELECT published_at FROM articles WHERE source_id = 'odd-dates' ORDER BY id`,
    );
    assert.deepEqual(dates, [deps.clock.now().toISOString(), deps.clock.now().toISOString()]);
    report.add({
      case: 'dates in 2099 and 1970',
      expected: 'fetch time used',
      observed: `stored as ${dates.join(', ')}`,
      peakRssMb,
    });
  });

  it('429 and 503 with Retry-After: the next poll waits at least that long', async () => {
    await add('429', '/429');
    await add('503', '/503');
    const a = await fetchOnce('429');
    const b = await fetchOnce('503');
    failed(a.o, /HTTP 429/);
    failed(b.o, /HTTP 503/);
    assert.equal(backoffS(await source('429')), 7200);
    assert.ok(backoffS(await source('503')) >= 3 * 3600 - 5, `503 waits ${backoffS(await source('503'))} s`);
    report.add({
      case: '429, Retry-After: 7200',
      expected: 'next poll ≥ 7200 s',
      observed: `next poll +${backoffS(await source('429'))} s`,
      peakRssMb: a.peakRssMb,
    });
    report.add({
      case: '503, Retry-After: a date 3 h ahead',
      expected: 'next poll ≥ 3 h',
      observed: `next poll +${Math.round(backoffS(await source('503')))} s`,
      peakRssMb: b.peakRssMb,
    });
  });

  it('a source that keeps failing backs off exponentially; one that flips recovers and duplicates nothing', async () => {
    await add('always-500', '/always-500');
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      await fetchOnce('always-500');
      gaps.push(backoffS(await source('always-500')));
      deps.clock.advance(60_000);
    }
    assert.deepEqual(gaps, [3600, 7200, 14400, 28800]);
    await add('flip', '/flip');
    const states: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { o } = await fetchOnce('flip');
      states.push(`${o.ok ? 'ok' : '500'}(${(await source('flip')).consecutiveFailures})`);
      deps.clock.advance(60_000);
    }
    assert.deepEqual(states, ['ok(0)', '500(1)', 'ok(0)', '500(1)']);
    assert.equal(await articles('flip'), 2);
    report.add({
      case: 'always 500 (×4)',
      expected: 'backoff doubles',
      observed: `next poll +${gaps.join(', +')} s; "${(await source('always-500')).lastError?.replace(/ from .*/, '')}"`,
    });
    report.add({
      case: 'flips 200/500 (×4)',
      expected: 'recovers, no duplicates',
      observed: `${states.join(' ')}; ${await articles('flip')} articles`,
    });
  });

  it('every stage completes for what the hostile sources let through, and the store is intact', async () => {
    const { value: reports, peakRssMb } = await withPeakRss(() => processPending(deps));
    const pending = await one<unknown>(deps.db, `SELECT COUNT(*) FROM article_stages WHERE status <> 'done'`);
    assert.equal(pending, 0);
    assert.equal(await integrityCheck(deps.db), 'ok');
    const dupes = await one<unknown>(
      deps.db,
      'SELECT COUNT(*) FROM (SELECT source_id, canonical_url FROM articles WHERE canonical_url IS NOT NULL GROUP BY 1, 2 HAVING COUNT(*) > 1)',
    );
    assert.equal(dupes, 0);
    report.add({
      case: 'process what was stored',
      expected: 'all stages done, store intact',
      observed: `${reports.map((r) => `${r.stage} ${r.done}`).join(', ')}; 0 pending; integrity ok; 0 duplicate URLs`,
      peakRssMb,
    });
  });

  it('10,000 items in one feed: all stored once, a second fetch adds none', { timeout: 120_000 }, async () => {
    await add('many-items', '/many-items');
    const first = await fetchOnce('many-items');
    const second = await fetchOnce('many-items');
    assert.equal(first.o.itemsNew, 10_000);
    assert.equal(second.o.itemsNew, 0);
    assert.equal(await articles('many-items'), 10_000);
    report.add({
      case: '10,000 items in one feed (×2)',
      expected: '10,000 stored once',
      observed: `${first.o.itemsNew} new in ${(first.ms / 1000).toFixed(1)} s, then ${second.o.itemsNew} new; ${await articles('many-items')} stored`,
      peakRssMb: Math.max(first.peakRssMb, second.peakRssMb),
    });
  });
});
