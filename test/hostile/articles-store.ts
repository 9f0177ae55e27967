import { TAXONOMY } from '../../src/analyze/taxonomy.js';
import { openSqliteFile } from '../../src/store/db.js';

/**
 * A store of `n` generated articles for the paging tests, written in one statement: three
 * articles share each instant (ties broken by id) and every seventh has no published time
 * (ordered by its fetch time), the cases keyset paging must get right.
 */
export function generateArticles(file: string, n: number): void {
  const db = openSqliteFile(file, { seed: TAXONOMY });
  try {
    db.prepare(
      `INSERT INTO sources (id, name, feed_url, created_at) VALUES ('gen', 'Generated', 'https://gen.example/feed', '2026-01-01T00:00:00Z')`,
    ).run();
    db.prepare(`WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?)
      INSERT INTO articles (source_id, guid, url, canonical_url, title, published_at, fetched_at, text, content_hash, updated_at)
      SELECT 'gen', 'g' || i, 'https://gen.example/' || i, 'https://gen.example/' || i, 'Article ' || i,
        CASE WHEN i % 7 = 0 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%SZ', 1700000000 + (i / 3) * 60, 'unixepoch') END,
        strftime('%Y-%m-%dT%H:%M:%SZ', 1700000000 + (i / 3) * 60, 'unixepoch'),
        'Words of article ' || i, printf('%032d', i), '2026-01-01T00:00:00Z' FROM k`).run(n);
  } finally {
    db.close();
  }
}
