import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BACKENDS, testDeps, testDepsOn } from '../../test/helpers.js';
import { upsertArticle } from './articles.js';
import { upsertSource } from './sources.js';
import { ensureStageRows } from './stages.js';
import { openStore } from './sql/open.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Db = ReturnType<typeof testDeps>['db'];

/** An article stored without any stage row (as by a version that had fewer stages). */
async function bareArticle(db: Db, sourceId: string, n: number): Promise<void> {
  const at = `2026-11-16T0${n}:00:00.000Z`;
  await upsertArticle(
    db,
    {
      sourceId,
      guid: `g${n}`,
      url: null,
      canonicalUrl: null,
      title: `Title ${n}`,
      author: null,
      publishedAt: at,
      fetchedAt: at,
      html: '',
      text: 'Some text.',
      lang: 'en',
      image: null,
      wordCount: 2,
      truncated: false,
    },
    [],
  );
}

const rowsOf = async (db: Db, stage: string) =>
  Number((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM article_stages WHERE stage = ?', [stage]))!.n);

describe('ensureStageRows', () => {
  for (const backend of BACKENDS)
    it(
      'gives every article its missing stage rows: all articles once, then the newer ones, all again ' +
        `for a new stage, and forgets what a rolled-back transaction did (${backend})`,
      async () => {
        const { db } = await testDepsOn(backend);
        try {
          const at = '2026-11-16T12:00:00.000Z';
          const source = await upsertSource(db, { name: 'Wire', feedUrl: 'https://example.org/feed' }, new Date(at));
          await bareArticle(db, source.id, 1);
          await bareArticle(db, source.id, 2);
          assert.equal(await ensureStageRows(db, ['a', 'b'], at), 4);
          assert.equal(await ensureStageRows(db, ['a', 'b'], at), 0);
          await bareArticle(db, source.id, 3);
          assert.equal(await ensureStageRows(db, ['a', 'b'], at), 2, 'the article stored since');
          assert.equal(await ensureStageRows(db, ['a', 'b', 'c'], at), 3, 'a new stage: every article');
          assert.deepEqual([await rowsOf(db, 'a'), await rowsOf(db, 'b'), await rowsOf(db, 'c')], [3, 3, 3]);

          await assert.rejects(
            db.transaction(async (tx) => {
              assert.equal(await ensureStageRows(tx, ['d'], at), 3);
              throw new Error('rolled back');
            }),
          );
          assert.equal(await rowsOf(db, 'd'), 0);
          assert.equal(
            await ensureStageRows(db, ['d'], at),
            3,
            'the rows a rolled-back transaction made are made again',
          );
        } finally {
          await db.close();
        }
      },
    );

  it('keeps its mark in the store: a process opening it again looks only at the articles stored since', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'almanac-stages-'));
    try {
      const file = join(dir, 'store.db');
      const at = '2026-11-16T12:00:00.000Z';
      let db = await openStore(file);
      const source = await upsertSource(db, { name: 'Wire', feedUrl: 'https://example.org/feed' }, new Date(at));
      await bareArticle(db, source.id, 1);
      await bareArticle(db, source.id, 2);
      assert.equal(await ensureStageRows(db, ['a'], at), 2);
      await db.close();

      db = await openStore(file);
      try {
        // A row gone below the mark is not looked for again: the store was looked at once.
        await db.run(`DELETE FROM article_stages WHERE stage = 'a' AND article_id = (SELECT MIN(id) FROM articles)`);
        await bareArticle(db, source.id, 3);
        assert.equal(await ensureStageRows(db, ['a'], at), 1, 'only the article stored since');
        assert.equal(await ensureStageRows(db, ['a', 'b'], at), 3, 'a new stage: every article');
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
