import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { extractPage, PageError } from '../src/ingest/page/extract.js';
import { fullTextStage } from '../src/pipeline/stages.js';
import { getArticle, upsertArticle } from '../src/store/articles.js';
import { upsertSource } from '../src/store/sources.js';
import { startServer, testDeps } from './helpers.js';

const root = join(import.meta.dirname, '..');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

/** Empty, binary and plain-text inputs: none is a web page, and each says why. */
describe('a document that is no web page', () => {
  it('extractPage throws a PageError that says what the input is', () => {
    for (const [input, why] of [
      ['', /it is empty/],
      ['  \n', /it is empty/],
      [PNG.toString('latin1'), /binary data/],
      ['just some words', /no HTML element/],
    ] as const) {
      assert.throws(
        () => extractPage(input, 'https://x.example/a'),
        (e: Error) => e instanceof PageError && why.test(e.message) && e.message.includes('https://x.example/a'),
      );
    }
  });

  it('almanac extract-page answers an empty or binary input with one line and exit 1, no stack trace', () => {
    for (const input of [Buffer.alloc(0), PNG]) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'extract-page', '--input', '-'], {
        cwd: root,
        input,
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, /^almanac: extract: not a web page: it is (empty|binary data.*)\n$/);
    }
  });

  it('the full-text stage notes it, is done (no retries), and the article keeps its feed text', async () => {
    const site = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': req.url === '/empty' ? 'text/html' : 'image/png' });
      res.end(req.url === '/empty' ? '' : PNG);
    });
    const deps = testDeps();
    try {
      await upsertSource(
        deps.db,
        { id: 's', name: 'S', feedUrl: `${site.url}feed`, allowPrivate: true, fulltext: 'always' },
        deps.clock.now(),
      );
      for (const path of ['empty', 'image']) {
        const a = await upsertArticle(
          deps.db,
          {
            sourceId: 's',
            guid: path,
            url: `${site.url}${path}`,
            canonicalUrl: null,
            title: `Teaser ${path}`,
            author: null,
            publishedAt: null,
            fetchedAt: deps.clock.now().toISOString(),
            html: '<p>The feed said this much.</p>',
            text: 'The feed said this much.',
            lang: 'en',
            image: null,
            wordCount: 5,
            truncated: true,
          },
          ['fulltext'],
        );
        const r = await fullTextStage.run(a.id, deps);
        assert.match(
          r.note ?? '',
          /^extract: not a web page at http:\/\/127\.0\.0\.1:\d+\/\w+: it is (empty|binary data.*): kept the feed's text$/,
        );
        assert.equal((await getArticle(deps.db, a.id))!.text, 'The feed said this much.');
      }
    } finally {
      await deps.db.close();
      await site.close();
    }
  });
});
