import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fetchSource } from '../../src/pipeline/fetch-sources.js';
import { processPending } from '../../src/pipeline/process.js';
import { eventOfArticle } from '../../src/store/event-reads.js';
import { getSource, upsertSource } from '../../src/store/sources.js';
import { createApp } from '../../src/web/app.js';
import { startServer, testDeps } from '../helpers.js';
import { Report } from './report.js';
import { rss, rssItem } from './server.js';

/**
 * A low-tier feed that claims a lab's article URLs first, each spelled another way that
 * canonicalizes to the lab's (tracking parameters, a fragment, a trailing slash, http, www,
 * upper case), with made-up text; then the lab's own feed. Every lab article is stored with
 * its own words and source, and the page of each says so; the copier's stay too, as its own.
 */
const report = new Report('keep-source', 'Articles keep their source: one canonical URL, two sources');

const LAB = 'https://lab.example/news';
const SPELLINGS = (n: number) => [
  `${LAB}/${n}?utm_source=feed&utm_medium=rss`,
  `${LAB}/${n}#top`,
  `${LAB}/${n}/`,
  `http://lab.example/news/${n}`,
  `https://www.lab.example/news/${n}`,
  `https://LAB.example/news/${n}?fbclid=x${n}`,
  `https://lab.example:443/news/${n}`,
  `${LAB}/${n}?ref=copier`,
];
const N = SPELLINGS(0).length;
const REAL = (n: number) =>
  `The lab announced model ${n} on Tuesday with a technical report on training, evaluation and ` +
  `safety testing, and released the weights to researchers under a research licence.`;
const FAKE = (n: number) =>
  `Invented: the lab is said to have cancelled model ${n} after a dispute with its investors, ` +
  `according to people who asked not to be named and documents nobody has seen.`;

describe('one canonical URL from two sources', () => {
  let deps: ReturnType<typeof testDeps>;
  let feeds: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    const copier = rss(
      Array.from({ length: N }, (_, n) =>
        rssItem({
          guid: `copy-${n}`,
          title: `Lab model ${n} news`,
          link: SPELLINGS(n)[n]!.replaceAll('&', '&amp;'),
          body: FAKE(n),
          date: 'Sun, 22 Nov 2026 08:00:00 GMT',
        }),
      ),
    );
    const lab = rss(
      Array.from({ length: N }, (_, n) =>
        rssItem({
          guid: `lab-${n}`,
          title: `Introducing model ${n}`,
          link: `${LAB}/${n}`,
          body: REAL(n),
          date: 'Sun, 22 Nov 2026 09:00:00 GMT',
        }),
      ),
    );
    // The copier also repeats, word for word, what the lab wrote under the lab's URL: that adds nothing and is not kept twice.
    const echo = rss(
      Array.from({ length: N }, (_, n) =>
        rssItem({
          guid: `echo-${n}`,
          title: `Introducing model ${n}`,
          link: SPELLINGS(n)[(n + 1) % N]!.replaceAll('&', '&amp;'),
          body: REAL(n),
          date: 'Sun, 22 Nov 2026 10:00:00 GMT',
        }),
      ),
    );
    feeds = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(req.url === '/copier.xml' ? copier : req.url === '/lab.xml' ? lab : echo);
    });
    deps = testDeps();
    await upsertSource(
      deps.db,
      {
        id: 'copier',
        name: 'Copier',
        tier: 3,
        feedUrl: `${feeds.url}copier.xml`,
        allowPrivate: true,
        fulltext: 'never',
      },
      deps.clock.now(),
    );
    await upsertSource(
      deps.db,
      {
        id: 'lab',
        name: 'The Lab',
        tier: 1,
        kind: 'lab',
        feedUrl: `${feeds.url}lab.xml`,
        allowPrivate: true,
        fulltext: 'never',
      },
      deps.clock.now(),
    );
    await upsertSource(
      deps.db,
      { id: 'echo', name: 'Echo', tier: 3, feedUrl: `${feeds.url}echo.xml`, allowPrivate: true, fulltext: 'never' },
      deps.clock.now(),
    );
    // The copier first: it claims every URL before the lab's feed is read.
    for (const id of ['copier', 'lab', 'echo'])
      assert.equal((await fetchSource(deps, (await getSource(deps.db, id))!)).ok, true);
    await feeds.close();
    await processPending(deps);
  });
  after(() => report.print());

  it('every lab article is stored with its own words and source, beside the copier’s', async () => {
    const rows = await deps.db.all<{ id: number; source_id: string; canonical_url: string; text: string }>(
      'SELECT id, source_id, canonical_url, text FROM articles ORDER BY id',
    );
    const lab = rows.filter((r) => r.source_id === 'lab');
    const copier = rows.filter((r) => r.source_id === 'copier');
    assert.equal(lab.length, N, 'every lab article kept');
    assert.equal(copier.length, N, 'the copier’s kept as its own');
    for (let n = 0; n < N; n++) {
      const mine = lab.find((r) => r.canonical_url === `${LAB}/${n}`)!;
      assert.ok(mine, `lab ${n}`);
      assert.match(mine.text, new RegExp(`announced model ${n} `));
      assert.ok(
        copier.some((r) => r.canonical_url === `${LAB}/${n}`),
        `spelling ${n} canonicalized to the lab's URL`,
      );
    }
    assert.equal(
      rows.filter((r) => r.source_id === 'echo').length,
      0,
      'a word-for-word echo from a lower tier is a duplicate',
    );
    const app = createApp({ db: deps.db, clock: deps.clock });
    let pages = 0;
    for (const r of lab) {
      const page = await (await app.request(`/articles/${r.id}`)).text();
      assert.match(page, /The Lab/);
      assert.match(page, /announced model/);
      assert.doesNotMatch(page, /Invented:/);
      pages++;
    }
    const together = await Promise.all(
      lab.map(async (r) => {
        const fake = copier.find((c) => c.canonical_url === r.canonical_url)!;
        return (await eventOfArticle(deps.db, r.id)) === (await eventOfArticle(deps.db, fake.id));
      }),
    );
    report.add({
      case: `${N} lab URLs claimed first by a tier-3 feed (${N} spellings: utm, #, /, http, www, case, :443, ref) with made-up text`,
      expected: 'the lab’s articles kept, with their source',
      observed:
        `${lab.length} of ${N} lab articles stored with their own text; ${copier.length} ` +
        `copier articles kept as the copier’s; ${pages} article pages show "The Lab" and its ` +
        `words; ${together.filter(Boolean).length} of ${N} pairs in one event`,
    });
    report.add({
      case: `${N} word-for-word echoes of the lab from a tier-3 feed, under the same URLs`,
      expected: 'duplicates, nothing hidden',
      observed: `0 stored (the lab’s article stands for them)`,
    });
  });
});
