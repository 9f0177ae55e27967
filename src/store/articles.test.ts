import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDb } from './db.js';
import { searchArticles, upsertArticle, type NewArticle } from './articles.js';
import { upsertSource } from './sources.js';
import { one } from './sql/query.js';

function article(over: Partial<NewArticle> = {}): NewArticle {
  return {
    sourceId: 'a',
    guid: 'g1',
    url: 'https://x.example/1',
    canonicalUrl: 'https://x.example/1',
    title: 'Open models win',
    author: null,
    publishedAt: '2026-01-01T00:00:00Z',
    fetchedAt: '2026-01-01T01:00:00Z',
    html: '<p>Open weights everywhere</p>',
    text: 'Open weights everywhere',
    lang: 'en',
    image: null,
    wordCount: 3,
    truncated: false,
    ...over,
  };
}

describe('articles store', () => {
  const setup = async () => {
    const db = openDb(':memory:');
    const now = new Date('2026-01-01T00:00:00Z');
    await upsertSource(db, { id: 'a', name: 'A', feedUrl: 'https://a.example/feed' }, now);
    await upsertSource(db, { id: 'b', name: 'B', feedUrl: 'https://b.example/feed' }, now);
    return db;
  };

  it('dedupes by GUID, then canonical URL, then content hash', async () => {
    const db = setup();
    assert.equal((await upsertArticle(await db, article(), ['s'])).kind, 'new');
    assert.equal((await upsertArticle(await db, article(), ['s'])).kind, 'unchanged');
    assert.equal(
      (await upsertArticle(await db, article({ text: 'Open weights everywhere, updated' }), ['s'])).kind,
      'updated',
    );
    const byUrl = await upsertArticle(
      await db,
      article({ sourceId: 'b', guid: 'other', text: 'Open weights everywhere, updated' }),
      ['s'],
    );
    assert.deepEqual(byUrl.kind === 'duplicate' && byUrl.by, 'canonical-url');
    const byHash = await upsertArticle(
      await db,
      article({
        sourceId: 'b',
        guid: 'x',
        url: 'https://y.example/2',
        canonicalUrl: 'https://y.example/2',
        text: 'Open weights everywhere, updated',
      }),
      ['s'],
    );
    assert.deepEqual(byHash.kind === 'duplicate' && byHash.by, 'content-hash');
    assert.equal(await one<unknown>(await db, 'SELECT COUNT(*) FROM articles'), 1);
  });

  it("keeps another source's article under the same URL when its words differ, or when its source ranks higher", async () => {
    const db = await setup();
    const now = new Date('2026-01-01T00:00:00Z');
    await upsertSource(db, { id: 'lab', name: 'Lab', feedUrl: 'https://lab.example/feed', tier: 1 }, now);
    await upsertSource(db, { id: 'copy', name: 'Copier', feedUrl: 'https://copy.example/feed', tier: 3 }, now);
    // The copier claims the lab's URL first, with other words: the lab's own article is still stored.
    const fake = await upsertArticle(db, article({ sourceId: 'copy', guid: 'c1', text: 'Made-up words' }), ['s']);
    const real = await upsertArticle(db, article({ sourceId: 'lab', guid: 'l1' }), ['s']);
    assert.equal(fake.kind, 'new');
    assert.equal(real.kind, 'new');
    // The same words from a lower tier add nothing: a duplicate of the lab's; from a higher tier they are kept.
    const echo = await upsertArticle(db, article({ sourceId: 'copy', guid: 'c2' }), ['s']);
    assert.deepEqual(echo, { kind: 'duplicate', id: real.id, by: 'canonical-url' });
    await upsertSource(db, { id: 'wire', name: 'Wire', feedUrl: 'https://wire.example/feed', tier: 2 }, now);
    const copied = await upsertArticle(
      db,
      article({
        sourceId: 'copy',
        guid: 'c3',
        url: 'https://copy.example/9',
        canonicalUrl: 'https://copy.example/9',
        text: 'Wire words first',
      }),
      ['s'],
    );
    const wire = await upsertArticle(
      db,
      article({
        sourceId: 'wire',
        guid: 'w1',
        url: 'https://wire.example/9',
        canonicalUrl: 'https://wire.example/9',
        text: 'Wire words first',
      }),
      ['s'],
    );
    assert.equal(copied.kind, 'new');
    assert.equal(wire.kind, 'new', 'the higher-tier source is not hidden behind a copy of its words');
  });

  it('resets stages when an article changes', async () => {
    const db = setup();
    const { id } = await upsertArticle(await db, article(), ['extract']);
    await (await db).run(`UPDATE article_stages SET status = 'done'`);
    await upsertArticle(await db, article({ text: 'changed text' }), ['extract']);
    assert.equal(
      await one<unknown>(await db, 'SELECT status FROM article_stages WHERE article_id = ?', [id]),
      'pending',
    );
  });

  it('searches titles and text with FTS5', async () => {
    const db = setup();
    await upsertArticle(await db, article(), ['s']);
    await upsertArticle(
      await db,
      article({ guid: 'g2', url: null, canonicalUrl: null, title: 'Chips', text: 'Export controls on accelerators' }),
      ['s'],
    );
    const hits = await searchArticles(await db, 'export controls');
    assert.equal(hits.length, 1);
    assert.equal(hits[0]!.title, 'Chips');
    assert.match(hits[0]!.snippet, /<mark>Export<\/mark>/);
    assert.deepEqual(await searchArticles(await db, '"; DROP TABLE'), await searchArticles(await db, 'DROP TABLE'));
  });
});
