import type { Db } from './db.js';
import { rankRecent, type RankedRows } from './fts-recent.js';

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
  /** True when the query matched so much that only the newest matches were ranked. */
  windowed: boolean;
}

/** The words of a query as an FTS5 expression: each a quoted term, all required. */
export function ftsQuery(q: string): string | undefined {
  const terms = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return terms.length ? terms.slice(0, 12).map((t) => `"${t}"`).join(' ') : undefined;
}

/**
 * Ranked hits in three groups. Ranking is bounded by `rankRecent` (newest candidates first),
 * and snippets are made only for the rows shown, one rowid lookup each (FTS5 seeks on
 * `rowid = ?`; an IN list makes it read whole doclists).
 */
export function search(db: Db, q: string, limit = 20): SearchHits {
  const fts = ftsQuery(q);
  if (!fts) return { events: [], articles: [], statements: [], windowed: false };
  const snip = (table: string, col: number) => `snippet(${table}, ${col}, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 24)`;
  const each = <T>(rows: RankedRows, sql: string, ...extra: unknown[]) => {
    const st = db.prepare(sql);
    return rows.rowids.flatMap((id) => (st.get(...extra, id) as T | undefined) ?? []);
  };

  const ev = rankRecent(db, 'events_fts', 'bm25(events_fts, 3.0, 1.0)', fts, limit, 'title');
  const events = each<SearchHits['events'][number]>(ev, `SELECT e.id, e.title, ${snip('events_fts', 1)} AS snippet, e.significance, e.last_updated AS lastUpdated
    FROM events_fts f JOIN events e ON e.rowid = f.rowid WHERE events_fts MATCH ? AND f.rowid = ?`, fts);

  const ar = rankRecent(db, 'articles_fts', 'bm25(articles_fts, 3.0, 1.0)', fts, limit, 'title');
  const articles = each<SearchHits['articles'][number]>(ar, `SELECT a.id, a.title, ${snip('articles_fts', 1)} AS snippet, a.source_id AS sourceId, a.published_at AS publishedAt
    FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ? AND f.rowid = ?`, fts);

  const st = rankRecent(db, 'extraction_fts', 'bm25(extraction_fts)', fts, limit);
  const inClaims = new Set(each<{ rowid: number }>(st, `SELECT rowid FROM extraction_fts WHERE extraction_fts MATCH ? AND rowid = ?`, `{claims}: (${fts})`).map((r) => r.rowid));
  const statements = each<{ articleId: number; title: string; snippet: string }>(st, `SELECT f.rowid AS articleId, a.title, ${snip('extraction_fts', -1)} AS snippet
    FROM extraction_fts f JOIN articles a ON a.id = f.rowid WHERE extraction_fts MATCH ? AND f.rowid = ?`, fts)
    .map((r) => ({ ...r, field: (inClaims.has(r.articleId) ? 'claims' : 'quotes') as 'claims' | 'quotes' }));

  return { events, articles, statements, windowed: ev.windowed || ar.windowed || st.windowed };
}
