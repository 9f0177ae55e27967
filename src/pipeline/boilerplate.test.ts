import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startServer, testDeps } from '../../test/helpers.js';
import { escapeHtml } from '../ingest/page/sanitize.js';
import { getExtraction } from '../store/extractions.js';
import { upsertSource } from '../store/sources.js';
import { column, one } from '../store/sql/query.js';
import { createApp } from '../web/app.js';
import { cleanStoredArticles, learnItem } from './boilerplate.js';
import { fetchDueSources } from './fetch-sources.js';
import { processPending } from './process.js';

// Items written for this test: two outlets, one of which opens and closes every item with its own
// lines (no general pattern knows them: only their repeating across the outlet's items does).
const OPENER = 'Good morning from the Lathe Room, where we talk about machine tools every weekday.';
const CLOSER = 'Forward this to a colleague who loves milling.';
const STORIES = [
  [
    'Acme ships a five-axis mill for small shops',
    'Acme began shipping a five-axis mill priced for small machine shops. ' +
      'The company said the first batch sold out in a week. Dealers expect more units in May.',
  ],
  [
    'Spindle maker doubles output in Ohio',
    'Spindle maker Rotek doubled output at its Ohio plant after a new line came online. The firm hired 80 workers for the expansion.',
  ],
  [
    'Coolant prices rise on supply worries',
    'Coolant prices rose 9% in April as a refinery outage cut supply. Buyers said they were stocking up ahead of summer.',
  ],
  [
    'A lathe that learns from vibration',
    'Researchers showed a lathe controller that adjusts feed rates from vibration readings. Tool wear fell by a third in their trials.',
  ],
] as const;

function rss(items: Array<{ title: string; text: string; guid: string }>): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://x.test/</link><description>d</description>${items
    .map(
      (i, n) =>
        `<item><title>${escapeHtml(i.title)}</title><link>https://x.test/${i.guid}</link><guid>` +
        `${i.guid}</guid><pubDate>${new Date(Date.UTC(2026, 10, 10 + n)).toUTCString()}</pubDate>` +
        `<description>${escapeHtml(
          i.text
            .split('\n\n')
            .map((p) => `<p>${escapeHtml(p)}</p>`)
            .join(''),
        )}</description></item>`,
    )
    .join('')}</channel></rss>`;
}

describe('boilerplate learned per source from the store', () => {
  it(
    'an outlet’s repeated opener and closer leave its texts, summaries and pages; another outlet’s ' +
      'single use and a story repeated under one title stay',
    async () => {
      const lathe = STORIES.map(([title, body], n) => ({
        title,
        guid: `lathe-${n}`,
        text: `${OPENER}\n\n${body}\n\n${CLOSER}`,
      }));
      // The same story three times under one title is one story, not boilerplate: its sentences stay.
      const repost = 'Toolmakers meet in Dayton for their yearly fair. Orders at the fair topped last year’s.';
      const other = [
        { title: 'Dayton fair draws toolmakers', guid: 'o-1', text: repost },
        { title: 'Dayton fair draws toolmakers', guid: 'o-2', text: `${repost} A spelling was corrected.` },
        { title: 'Dayton fair draws toolmakers', guid: 'o-3', text: `${repost} Photos were added.` },
        {
          title: 'Grinder startup raises funds',
          guid: 'o-4',
          text: `${OPENER} A grinder startup raised $5 million from two funds.`,
        },
      ];
      const server = await startServer((req, res) => {
        res.setHeader('content-type', 'application/rss+xml');
        res.end(rss(req.url?.includes('lathe') ? lathe : other));
      });
      const deps = testDeps({ fullTextMinWords: 0 });
      try {
        await upsertSource(
          deps.db,
          { id: 'lathe', name: 'Lathe Room', feedUrl: `${server.url}lathe.xml`, allowPrivate: true, fulltext: 'never' },
          deps.clock.now(),
        );
        await upsertSource(
          deps.db,
          { id: 'other', name: 'Other', feedUrl: `${server.url}other.xml`, allowPrivate: true, fulltext: 'never' },
          deps.clock.now(),
        );
        assert.deepEqual(
          (await fetchDueSources(deps)).map((o) => o.ok),
          [true, true],
        );
        await processPending(deps);

        const texts = await column<string>(deps.db, `SELECT text FROM articles WHERE source_id = 'lathe' ORDER BY id`);
        assert.deepEqual(
          texts,
          STORIES.map(([, body]) => body),
        );
        for (const id of await column<number>(deps.db, `SELECT id FROM articles WHERE source_id = 'lathe'`)) {
          const x = (await getExtraction(deps.db, id))!;
          for (const s of [x.summary, ...x.claims.map((c) => c.text), ...x.quotes.map((q) => q.text)]) {
            assert.ok(!s.includes('Lathe Room') && !s.includes('Forward this'), s);
          }
          const page = await (await createApp(deps).request(`/articles/${id}`)).text();
          assert.ok(
            !page.includes('Good morning from the Lathe Room') && !page.includes('Forward this to'),
            'the article page shows the cleaned HTML',
          );
        }
        // The other outlet used the opener once: it is its text there.
        assert.match(
          await one<string>(deps.db, `SELECT text FROM articles WHERE guid = 'o-4'`),
          /^Good morning from the Lathe Room/,
        );
        // The reposted story's sentences, in three items under one title, all stay.
        assert.equal(await one<number>(deps.db, `SELECT COUNT(*) FROM articles WHERE title LIKE 'Dayton%'`), 3);
        for (const t of await column<string>(
          deps.db,
          `SELECT text FROM articles WHERE source_id = 'other' AND title LIKE 'Dayton%'`,
        ))
          assert.ok(t.startsWith('Toolmakers meet in Dayton'), t);

        // A rerun over the same store changes nothing.
        const before = await deps.db.all('SELECT id, title, text, html, word_count FROM articles ORDER BY id');
        await deps.db.run(`UPDATE article_stages SET status = 'pending' WHERE stage = 'analyze'`);
        await processPending(deps);
        assert.deepEqual(
          await deps.db.all('SELECT id, title, text, html, word_count FROM articles ORDER BY id'),
          before,
        );
      } finally {
        await deps.db.close();
        await server.close();
      }
    },
  );

  it('cleans a batch of articles of several sources in one read, each by its own source’s habits', async () => {
    const deps = testDeps();
    try {
      for (const [n, title] of ['Mill prices', 'Lathe sales', 'Drill bits'].entries()) {
        await learnItem(deps.db, { id: n + 1, sourceId: 'lathe', title, text: `${OPENER} Story number ${n}.` });
      }
      const article = (sourceId: string) => ({
        sourceId,
        title: 'A new mill',
        text: `${OPENER} A new mill ships.`,
        html: '',
        wordCount: 0,
      });
      const [a, b] = await cleanStoredArticles(deps.db, [article('lathe'), article('other')]);
      assert.equal(a!.text, 'A new mill ships.');
      assert.equal(b!.changed, false);
    } finally {
      await deps.db.close();
    }
  });
});
