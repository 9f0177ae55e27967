import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { upsertArticle } from './articles.js';
import { openDb } from './db.js';
import { saveExtraction } from './extractions.js';
import { MARK_CLOSE, MARK_OPEN, search } from './search.js';
import { upsertSource } from './sources.js';
import { SEARCH_CANDIDATES } from './fts-recent.js';

/** A store of `n` articles that all say "chip export", one old one also saying "zeppelin". */
async function store(n: number) {
  const db = openDb(':memory:');
  const now = new Date('2026-01-01T00:00:00Z');
  await upsertSource(db, { id: 's', name: 'S', feedUrl: 'https://s.example/feed' }, now);
  await db.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const rare = i === 5 ? ' A zeppelin carried the chips.' : '';
      // Article 10 mentions the words most often, so plain bm25 would rank it first.
      const text =
        i === 10
          ? 'Chip export chip export chip export rules.'
          : `Chip export rules tightened again, report number ${i}.${rare}`;
      const a = await upsertArticle(
        tx,
        {
          sourceId: 's',
          guid: `g${i}`,
          url: `https://s.example/${i}`,
          canonicalUrl: null,
          title: `Report ${i}`,
          author: null,
          publishedAt: now.toISOString(),
          fetchedAt: now.toISOString(),
          html: `<p>${text}</p>`,
          text,
          lang: 'en',
          image: null,
          wordCount: 8,
          truncated: false,
        },
        [],
      );
      await saveExtraction(
        tx,
        a.id,
        {
          summary: text,
          keyphrases: [],
          topics: [],
          kind: 'news',
          claims: [{ text }],
          quotes: i === 5 ? [{ text: 'dirigible chips', start: 0, end: 1 }] : [],
          entities: [],
        },
        { extractor: 'local', version: 't' },
        now.toISOString(),
      );
    }
  });
  return db;
}

describe('search', () => {
  it('ranks every match when there are few, with marked snippets and the field a statement came from', async () => {
    const db = store(50);
    const h = await search(await db, 'chip export');
    assert.equal(h.windowed, false);
    assert.equal(h.articles.length, 20);
    assert.equal(h.articles[0]!.title, 'Report 10', 'the densest match comes first');
    assert.ok(h.articles[0]!.snippet.includes(`${MARK_OPEN}Chip${MARK_CLOSE}`));
    const z = await search(await db, 'zeppelin');
    assert.deepEqual(
      z.articles.map((a) => a.title),
      ['Report 5'],
    );
    assert.deepEqual(
      z.statements.map((s) => s.field),
      ['claims'],
    );
    assert.deepEqual(
      (await search(await db, 'dirigible')).statements.map((s) => s.field),
      ['quotes'],
    );
    await (await db).close();
  });

  it('gives each hit its own snippet and title (the rowid is bound as an integer)', async () => {
    const db = await store(30);
    const h = await search(db, 'chip export');
    const unmark = (s: string) => s.split(MARK_OPEN).join('').split(MARK_CLOSE).join('');
    assert.ok(h.articles.length >= 2 && h.statements.length >= 2);
    for (const a of h.articles) {
      const n = a.title.replace('Report ', '');
      assert.ok(n === '10' || unmark(a.snippet).includes(`report number ${n}.`), `${a.title}: ${a.snippet}`);
    }
    for (const s of h.statements) {
      const title = await db.get<{ title: string }>('SELECT title FROM articles WHERE id = ?', [s.articleId]);
      assert.equal(s.title, title!.title);
      const n = s.title.replace('Report ', '');
      assert.ok(n === '10' || unmark(s.snippet).includes(`report number ${n}.`), `${s.title}: ${s.snippet}`);
    }
    await db.close();
  });

  it('looks back from the newest rows until it has enough candidates, and still finds a rare old word', async () => {
    const db = store(2_000 + SEARCH_CANDIDATES * 6);
    const h = await search(await db, 'chip export');
    assert.equal(h.windowed, true);
    assert.equal(h.articles.length, 20);
    // Article 10 is outside the newest window, so it is not ranked; every hit is from the window.
    assert.ok(h.articles.every((a) => a.id > 10));
    const z = await search(await db, 'zeppelin');
    assert.equal(z.windowed, false);
    assert.deepEqual(
      z.articles.map((a) => a.title),
      ['Report 5'],
    );
    await (await db).close();
  });
});
