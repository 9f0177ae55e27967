import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { extractPage } from '../../src/ingest/page/extract.js';
import { fetchDueSources } from '../../src/pipeline/fetch-sources.js';
import { column } from '../../src/store/sql/query.js';
import { upsertSource } from '../../src/store/sources.js';
import { createApp } from '../../src/web/app.js';
import { startServer, testDeps } from '../helpers.js';
import { Report } from './report.js';
import { rss, rssItem } from './server.js';

/**
 * Image URLs that are not http(s), generated over schemes and spellings (case, padding,
 * entities, control characters), carried by every image field a feed has (RSS enclosure,
 * media:thumbnail, itunes:image, a JSON Feed image) and by a page's og:image: none is stored,
 * and the API never serves one, even from a store that holds it already.
 */
const report = new Report('image-urls', 'articles.image keeps only http(s) URLs');

const SCHEMES = [
  'javascript:alert(1)',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://x.example/1',
  'ftp://x.example/a.png',
];
const SPELL = [
  (u: string) => u,
  (u: string) => u.toUpperCase(),
  (u: string) => `  ${u}`,
  (u: string) => `\t${u.replace(':', '\n:')}`,
  (u: string) => u.replace(/^(\w)/, '$1\u0000'),
];
const BAD = SCHEMES.flatMap((s) => SPELL.map((f) => f(s)));
const attr = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\u0000/g, '')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
const FIELDS = [
  (u: string) => `<enclosure url="${attr(u)}" type="image/png" length="1"/>`,
  (u: string) => `<media:thumbnail url="${attr(u)}"/>`,
  (u: string) => `<itunes:image href="${attr(u)}"/>`,
];

describe('image URLs', () => {
  let deps: ReturnType<typeof testDeps>;
  before(async () => {
    const items = BAD.flatMap((u, k) =>
      FIELDS.map((field, f) =>
        rssItem({ guid: `i-${k}-${f}`, title: `Item ${k} ${f}`, link: `http://example.com/i/${k}/${f}` }).replace(
          '</item>',
          `${field(u)}</item>`,
        ),
      ),
    );
    const feed = rss(items).replace(
      '<rss version="2.0">',
      '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">',
    );
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J',
      items: BAD.map((u, k) => ({
        id: `j-${k}`,
        url: `http://example.com/j/${k}`,
        title: `JSON ${k}`,
        content_text: 'Words of the item.',
        image: u,
      })),
    });
    const srv = await startServer((req, res) => {
      res.writeHead(200, {
        'content-type': req.url === '/feed.json' ? 'application/feed+json' : 'application/rss+xml',
      });
      res.end(req.url === '/feed.json' ? json : feed);
    });
    deps = testDeps();
    await upsertSource(
      deps.db,
      { id: 'rss', name: 'R', feedUrl: `${srv.url}feed.xml`, allowPrivate: true, fulltext: 'never' },
      deps.clock.now(),
    );
    await upsertSource(
      deps.db,
      { id: 'json', name: 'J', feedUrl: `${srv.url}feed.json`, allowPrivate: true, fulltext: 'never' },
      deps.clock.now(),
    );
    await fetchDueSources(deps);
    await srv.close();
  });
  after(() => report.print());

  it('no feed image field stores one', async () => {
    const n = (await column<number>(deps.db, 'SELECT COUNT(*) FROM articles'))[0]!;
    assert.equal(n, BAD.length * (FIELDS.length + 1));
    const images = await column<string>(deps.db, 'SELECT image FROM articles WHERE image IS NOT NULL');
    assert.deepEqual(
      images.filter((u) => !/^https?:\/\//i.test(u)),
      [],
    );
    report.add({
      case: `${BAD.length} URLs (${SCHEMES.length} schemes × ${SPELL.length} spellings) in ${FIELDS.length} RSS image fields and a JSON Feed image`,
      expected: 'none stored',
      observed: `${n} articles, ${images.length} images stored, 0 not http(s)`,
    });
  });

  it('no page og:image stores one', () => {
    const kept = BAD.map(
      (u) =>
        extractPage(
          `<html><head><meta property="og:image" content="${attr(u)}"></head><body><article><p>${'Words of the page. '.repeat(40)}</p></article></body></html>`,
          'https://x.example/a',
        ).image,
    ).filter((x) => x !== null);
    assert.deepEqual(kept, []);
    const good = extractPage(
      '<html><head><meta property="og:image" content="/img/a.png"></head><body><p>x</p></body></html>',
      'https://x.example/a',
    ).image;
    assert.equal(good, 'https://x.example/img/a.png');
    report.add({
      case: `${BAD.length} og:image values of a fetched page`,
      expected: 'none kept',
      observed: `0 kept; a relative one resolved to ${good}`,
    });
  });

  it('the API serves none, even one an older store holds', async () => {
    const ids = await column<number>(deps.db, 'SELECT id FROM articles ORDER BY id LIMIT ?', [BAD.length]);
    for (const [k, id] of ids.entries()) await deps.db.run('UPDATE articles SET image = ? WHERE id = ?', [BAD[k]!, id]);
    const app = createApp({ db: deps.db, clock: deps.clock });
    const served = [];
    for (const id of ids)
      served.push(
        ((await (await app.request(`/api/articles/${id}`)).json()) as { article: { image: string | null } }).article
          .image,
      );
    assert.deepEqual(
      served.filter((x) => x !== null),
      [],
    );
    report.add({
      case: `${ids.length} articles whose stored image is one of them`,
      expected: 'served as null',
      observed: `${served.filter((x) => x === null).length} of ${ids.length} null in /api/articles/:id`,
    });
  });
});
