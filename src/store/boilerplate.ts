import type { Db } from './db.js';
import { listParam, rowsParam } from './sql/query.js';

/**
 * The per-source sentence counts boilerplate is learned from (migration 024): written once
 * per new item, read by key. What counts as a sentence and when it repeats enough is the
 * caller's (src/ingest/boilerplate).
 */

/** Counts the item's sentence keys for its source; an item under the same title as the last one counted adds nothing. */
export async function countSentences(
  db: Db,
  sourceId: string,
  keys: readonly string[],
  titleKey: string,
  articleId: number,
): Promise<void> {
  if (!keys.length) return;
  // (WHERE true: SQLite needs it to read ON CONFLICT after INSERT … SELECT.)
  await db.run(
    `INSERT INTO source_sentences (source_id, key, items, last_title, last_article)
    SELECT ?, l.value, 1, ?, ? FROM (${listParam(db, 'text')}) l WHERE true
    ON CONFLICT (source_id, key) DO UPDATE SET
      items = source_sentences.items + CASE WHEN source_sentences.last_title = excluded.last_title THEN 0 ELSE 1 END,
      last_title = excluded.last_title, last_article = excluded.last_article`,
    [sourceId, titleKey, articleId, JSON.stringify(keys)],
  );
}

/** Of these (source, key) pairs, those whose source has the key in at least `minItems` items, as "source\u0000key". */
export async function repeatedSentences(
  db: Db,
  pairs: ReadonlyArray<{ source: string; key: string }>,
  minItems: number,
): Promise<Set<string>> {
  if (!pairs.length) return new Set();
  const rows = await db.all<{ source_id: string; key: string }>(
    `SELECT s.source_id, s.key FROM (${rowsParam(db, [
      ['source', 'text'],
      ['key', 'text'],
    ])}) p
    JOIN source_sentences s ON s.source_id = p.source AND s.key = p.key WHERE s.items >= ?`,
    [JSON.stringify(pairs), minItems],
  );
  return new Set(rows.map((r) => `${r.source_id}\u0000${r.key}`));
}

/** Forgets sentences seen once, last before the given article id: what has not come back by then is no outlet's habit. */
export async function forgetSingleSentences(db: Db, beforeArticle: number): Promise<number> {
  return (await db.run('DELETE FROM source_sentences WHERE items = 1 AND last_article < ?', [beforeArticle])).changes;
}

/** Writes an article's cleaned title, text and HTML; its content hash stays that of the item as fetched, which a re-fetch compares against. */
export async function saveCleanedArticle(
  db: Db,
  id: number,
  c: { title: string; text: string; html: string; wordCount: number; digest?: boolean; cutTail?: string },
): Promise<void> {
  // A digest stays one once marked, and a cut sentence stays kept: cleaning what was cleaned finds neither.
  await db.run(
    `UPDATE articles SET title = ?, text = ?, html = ?, word_count = ?, digest = CASE WHEN ? = 1 THEN 1 ELSE digest END,
      cut_tail = CASE WHEN ? = '' THEN cut_tail ELSE ? END WHERE id = ?`,
    [c.title, c.text, c.html, c.wordCount, c.digest ? 1 : 0, c.cutTail ?? '', c.cutTail ?? '', id],
  );
}
