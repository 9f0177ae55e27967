import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { readOpml, writeOpml } from '../../src/ingest/opml.js';
import { fetchDueSources } from '../../src/pipeline/fetch-sources.js';
import { processPending } from '../../src/pipeline/process.js';
import { column } from '../../src/store/sql/query.js';
import { listSources, upsertSource } from '../../src/store/sources.js';
import { createApp } from '../../src/web/app.js';
import { startServer, testDeps } from '../helpers.js';
import { Report } from './report.js';
import { rss, rssItem } from './server.js';
import { FORBIDDEN_SAMPLES, xmlCharProblems } from './xml-chars.js';

/**
 * Characters XML 1.0 forbids, one of each class, carried by feeds every way a feed can
 * carry them (an &#n; in RSS, a raw byte in RSS, a \u escape in a JSON Feed, including lone
 * surrogates), through the real fetch and pipeline: nothing stored keeps one, and the Atom
 * feed and the OPML export stay well-formed, even over a store that holds them already.
 */
const report = new Report('well-formed', 'Output always well-formed: characters XML 1.0 forbids');
const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
const WORDS =
  'The lab released the model with open weights on Tuesday, and regulators said they would review it next month.';

describe('characters XML 1.0 forbids', () => {
  let deps: ReturnType<typeof testDeps>;
  before(async () => {
    // RSS can only carry a surrogate's reference, never the raw code unit (UTF-8 has no spelling for one).
    const refs = rss(
      FORBIDDEN_SAMPLES.map((cp, k) =>
        rssItem({
          guid: `ref-${k}`,
          title: `Model ${k} ships&#${cp}; today`,
          link: `http://example.com/ref/${k}`,
          body: `${WORDS} Ref&#x${cp.toString(16)};erence ${k}.`,
        }),
      ),
    );
    const raw = rss(
      FORBIDDEN_SAMPLES.filter((cp) => cp < 0xd800 || cp > 0xdfff).map((cp, k) =>
        rssItem({
          guid: `raw-${k}`,
          title: `Raw ${k} ${String.fromCharCode(cp)}release`,
          link: `http://example.com/raw/${k}`,
          body: `${WORDS} Raw${String.fromCharCode(cp)} ${k}.`,
        }),
      ),
    );
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: `JSON\u0001Feed`,
      items: FORBIDDEN_SAMPLES.map((cp, k) => ({
        id: `json-${k}`,
        url: `http://example.com/json/${k}`,
        title: `JSON ${k} title${String.fromCharCode(cp)}here`,
        content_text: `${WORDS} Json${String.fromCharCode(cp)} ${k}.`,
        date_published: '2026-11-22T10:00:00Z',
      })),
    });
    const feeds = await startServer((req, res) => {
      const body = req.url === '/refs.xml' ? refs : req.url === '/raw.xml' ? raw : json;
      res.writeHead(200, {
        'content-type': req.url === '/feed.json' ? 'application/feed+json' : 'application/rss+xml',
      });
      res.end(body);
    });
    deps = testDeps();
    for (const f of ['refs.xml', 'raw.xml', 'feed.json'])
      await upsertSource(
        deps.db,
        { id: f.replace(/\W/g, '-'), name: f, feedUrl: `${feeds.url}${f}`, allowPrivate: true, fulltext: 'never' },
        deps.clock.now(),
      );
    await fetchDueSources(deps);
    await feeds.close();
    await processPending(deps);
  });
  after(() => report.print([`samples: ${FORBIDDEN_SAMPLES.map(hex).join(' ')}`]));

  it('nothing stored keeps one (titles, text, HTML, authors, source names)', async () => {
    const n = (await column<number>(deps.db, 'SELECT COUNT(*) FROM articles'))[0]!;
    assert.ok(n >= FORBIDDEN_SAMPLES.length * 2, `stored ${n} articles`);
    const cells = await column<string>(
      deps.db,
      `SELECT title FROM articles UNION ALL SELECT text FROM articles UNION ALL SELECT html FROM articles
      UNION ALL SELECT COALESCE(author, '') FROM articles UNION ALL SELECT title FROM events UNION ALL SELECT summary FROM events`,
    );
    const bad = cells.flatMap((c) => xmlCharProblems(c));
    assert.deepEqual(bad.slice(0, 5), [], `${bad.length} forbidden characters stored`);
    report.add({
      case: `${FORBIDDEN_SAMPLES.length} code points as &#n; in RSS, raw in RSS, \\u in a JSON Feed`,
      expected: 'none stored',
      observed: `${n} articles stored, ${cells.length} text cells, 0 forbidden characters`,
    });
  });

  it('/feed.atom is well-formed, also over events stored with them before ingest removed them', async () => {
    const app = createApp({ db: deps.db, clock: deps.clock });
    const ids = await column<string>(deps.db, 'SELECT id FROM events ORDER BY id');
    assert.ok(ids.length > 0, 'the pipeline made events');
    // As an older store holds them: every sample in each title, summary and source name (the entry's author), written past the ingest.
    // Spaced, so that two surrogates never pair into a valid character (the store writes a lone one as U+FFFD, a valid one).
    const all = FORBIDDEN_SAMPLES.map((cp) => String.fromCharCode(cp)).join(' ');
    for (const [k, id] of ids.entries())
      await deps.db.run('UPDATE events SET title = ?, summary = ? WHERE id = ?', [
        `Old ${all} title ${k}`,
        `Old summary${all}.`,
        id,
      ]);
    await deps.db.run('UPDATE sources SET name = ?', [`Source ${all} name`]);
    const res = await app.request('/feed.atom');
    const body = await res.text();
    assert.equal(res.status, 200);
    const problems = xmlCharProblems(body);
    assert.deepEqual(problems.slice(0, 5), [], `${problems.length} forbidden characters in the Atom feed`);
    assert.equal(XMLValidator.validate(body), true);
    const entries = body.match(/<entry>/g)?.length ?? 0;
    assert.ok(
      entries > 0 && /Old [^<]* title 0/.test(body) && /<name>Source [^<]* name<\/name>/.test(body),
      'the entries are there, the characters gone',
    );
    report.add({
      case: `/feed.atom over ${ids.length} event(s) whose title, summary and source name carry all ${FORBIDDEN_SAMPLES.length}`,
      expected: 'well-formed XML',
      observed: `200, ${entries} entries, 0 forbidden characters, XMLValidator ok`,
    });
  });

  it('the OPML export is well-formed and an OPML import drops them', async () => {
    await upsertSource(
      deps.db,
      {
        id: 'named',
        name: `Lab${FORBIDDEN_SAMPLES.map((cp) => String.fromCharCode(cp)).join('')} blog`,
        author: 'Ann\u0001 Author',
        feedUrl: 'http://example.com/named.xml',
      },
      deps.clock.now(),
    );
    const out = writeOpml(await listSources(deps.db), deps.clock.now());
    assert.deepEqual(xmlCharProblems(out), []);
    assert.equal(XMLValidator.validate(out), true);
    const doc =
      `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>` +
      `<outline text="A&#1;B" title="A&#1;B\u0002C" type="rss" xmlUrl="http://example.com/a.xml" ` +
      `author="Eve&#x1F;"/></body></opml>`;
    const [s] = readOpml(doc);
    assert.equal(s!.name, 'ABC');
    assert.equal(s!.author, 'Eve');
    report.add({
      case: 'a source named with every sample; an OPML with &#1; and a raw U+0002',
      expected: 'export well-formed; import without them',
      observed: `export: 0 forbidden characters, XMLValidator ok; import: name "${s!.name}", author "${s!.author}"`,
    });
  });
});
