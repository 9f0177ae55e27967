import type { Db } from './db.js';
import { type RankedRows, rankRecent } from './fts-recent.js';
import { searchPostgres } from './search-postgres.js';

/**
 * Search over events, articles, and the claims and quotes extraction found, with snippets
 * whose matches are marked by \u0001…\u0002 (the page escapes the text, then turns the
 * markers into <mark>: stored text is never trusted as HTML).
 */
export const MARK_OPEN = '\u0001';
export const MARK_CLOSE = '\u0002';

export interface SearchHits {
  events: Array<{
    id: string;
    title: string;
    snippet: string;
    significance: number;
    firstSeen: string;
    lastUpdated: string;
  }>;
  articles: Array<{
    id: number;
    title: string;
    snippet: string;
    sourceId: string;
    sourceName: string;
    sourceAuthor: string | null;
    publishedAt: string | null;
  }>;
  statements: Array<{ articleId: number; title: string; snippet: string; field: 'claims' | 'quotes' }>;
  /** True when the query matched so much that only the newest matches were ranked. */
  windowed: boolean;
}

/** The words of a query (letters and digits), the first 12: every one is required. */
export function queryWords(q: string): string[] {
  return (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
}

/**
 * Ranked hits in three groups. Ranking is bounded by `rankRecent` (newest candidates first),
 * and snippets are made only for the rows shown, in the statement that reads them; the rows'
 * other columns are read by primary key.
 */
export async function search(db: Db, q: string, limit = 20): Promise<SearchHits> {
  const words = queryWords(q);
  if (!words.length) return { events: [], articles: [], statements: [], windowed: false };
  if (db.dialect === 'postgres') return searchPostgres(db, words.join(' '), limit);
  const snip = (table: string, col: number) =>
    `snippet(${table}, ${col}, '${MARK_OPEN}', '${MARK_CLOSE}', '…', 24) AS snippet`;
  /** Each ranked row with its other columns, read by primary key (`key` names it for the match), in rank order. */
  const withColumns = async <R, T>(ranked: RankedRows<R>, sql: string): Promise<Array<R & { id: number } & T>> => {
    const rows = await db.all<T & { key: number }>(sql, [JSON.stringify(ranked.rows.map((r) => r.id))]);
    const byKey = new Map(rows.map(({ key, ...row }) => [key, row]));
    return ranked.rows.flatMap((r) => {
      const row = byKey.get(r.id);
      return row ? [{ ...r, ...(row as T) }] : [];
    });
  };

  const ev = await rankRecent<{ snippet: string }>(
    db,
    { table: 'events_fts', rank: 'bm25(events_fts, 3.0, 1.0)', titleColumn: 'title', shown: snip('events_fts', 1) },
    words,
    limit,
  );
  const events = (
    await withColumns<{ snippet: string }, Omit<SearchHits['events'][number], 'snippet' | 'id'> & { eventId: string }>(
      ev,
      `SELECT rowid AS key, id AS "eventId", title, significance, first_seen AS "firstSeen", last_updated AS "lastUpdated"
      FROM events WHERE rowid IN (SELECT value FROM json_each(?))`,
    )
  ).map(({ eventId, title, snippet, significance, firstSeen, lastUpdated }) => ({
    id: eventId,
    title,
    snippet,
    significance,
    firstSeen,
    lastUpdated,
  }));

  const ar = await rankRecent<{ snippet: string }>(
    db,
    {
      table: 'articles_fts',
      rank: 'bm25(articles_fts, 3.0, 1.0)',
      titleColumn: 'title',
      shown: snip('articles_fts', 1),
    },
    words,
    limit,
  );
  const articles = await withColumns<{ snippet: string }, Omit<SearchHits['articles'][number], 'snippet' | 'id'>>(
    ar,
    `SELECT a.id AS key, a.title, a.source_id AS "sourceId", s.name AS "sourceName", s.author AS "sourceAuthor", a.published_at AS "publishedAt"
    FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id IN (SELECT value FROM json_each(?))`,
  );

  // Whether a statement matched in its claims: the claims column highlighted, for the rows shown only.
  const st = await rankRecent<{ snippet: string; inClaims: number }>(
    db,
    {
      table: 'extraction_fts',
      rank: 'bm25(extraction_fts)',
      shown: `${snip('extraction_fts', -1)}, instr(highlight(extraction_fts, 0, '${MARK_OPEN}', '${MARK_CLOSE}'), '${MARK_OPEN}') > 0 AS "inClaims"`,
    },
    words,
    limit,
  );
  const statements = (
    await withColumns<{ snippet: string; inClaims: number }, { title: string }>(
      st,
      'SELECT id AS key, title FROM articles WHERE id IN (SELECT value FROM json_each(?))',
    )
  ).map((r) => ({
    articleId: r.id,
    title: r.title,
    snippet: r.snippet,
    field: (r.inClaims ? 'claims' : 'quotes') as 'claims' | 'quotes',
  }));

  return { events, articles, statements, windowed: ev.windowed || ar.windowed || st.windowed };
}
