import type { Db } from './db.js';

/**
 * Search over events, articles, and the claims and quotes extraction found, with snippets
 * whose matches are marked by \u0001…\u0002 (the page escapes the text, then turns the
 * markers into <mark>: stored text is never trusted as HTML).
 */
export const MARK_OPEN = '\u0001';
export const MARK_CLOSE = '\u0002';

export interface SearchHits {
  events: Array<{ id: string; title: string; snippet: string; significance: number; lastUpdated: string }>;
  articles: Array<{ id: number; title: string; snippet: string; sourceId: string; publishedAt: string | null }>;
  statements: Array<{ articleId: number; title: string; snippet: string; field: 'claims' | 'quotes' }>;
}

/** The words of a query as an FTS5 expression: each a quoted term, all required. */
export function ftsQuery(q: string): string | undefined {
  const terms = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return terms.length ? terms.slice(0, 12).map((t) => `"${t}"`).join(' ') : undefined;
}

export function search(db: Db, q: string, limit = 20): SearchHits {
  const fts = ftsQuery(q);
  if (!fts) return { events: [], articles: [], statements: [] };
  const events = db.prepare(`SELECT e.id, e.title, snippet(events_fts, 1, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 24) AS snippet, e.significance, e.last_updated AS lastUpdated
    FROM events_fts JOIN events e ON e.rowid = events_fts.rowid WHERE events_fts MATCH ? ORDER BY bm25(events_fts, 3.0, 1.0) LIMIT ?`).all(fts, limit) as SearchHits['events'];
  const articles = db.prepare(`SELECT a.id, a.title, snippet(articles_fts, 1, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 24) AS snippet, a.source_id AS sourceId, a.published_at AS publishedAt
    FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 3.0, 1.0) LIMIT ?`).all(fts, limit) as SearchHits['articles'];
  const rows = db.prepare(`SELECT x.rowid AS articleId, a.title, snippet(extraction_fts, -1, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 24) AS snippet,
      CASE WHEN x.claims MATCH ? THEN 'claims' ELSE 'quotes' END AS field
    FROM extraction_fts x JOIN articles a ON a.id = x.rowid WHERE extraction_fts MATCH ? ORDER BY bm25(extraction_fts) LIMIT ?`);
  let statements: SearchHits['statements'];
  try {
    statements = rows.all(fts, fts, limit) as SearchHits['statements'];
  } catch {
    // Column-level MATCH is not allowed in every position; fall back to a plain label.
    statements = (db.prepare(`SELECT x.rowid AS articleId, a.title, snippet(extraction_fts, -1, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 24) AS snippet, 'claims' AS field
      FROM extraction_fts x JOIN articles a ON a.id = x.rowid WHERE extraction_fts MATCH ? ORDER BY bm25(extraction_fts) LIMIT ?`).all(fts, limit) as SearchHits['statements']);
  }
  return { events, articles, statements };
}
