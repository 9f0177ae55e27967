import type { Db } from './db.js';
import { column } from './sql/query.js';

/**
 * Relevance ranking whose cost does not grow with the store. bm25 must score every row
 * that matches, so a query made of common words ("model release") would score most of the
 * store on each request. Instead we take the newest SEARCH_CANDIDATES matches (FTS5 serves
 * `ORDER BY rowid DESC LIMIT n` in rowid order, so it stops after n) and rank only those.
 * bm25 also counts, for each word, every row in the store holding it (its IDF): a pass over
 * that word's whole doclist, whatever the candidates. So when any word is common (about
 * more than BM25_MAX_ROWS rows hold it) the candidates are ranked by title first (every word
 * in the title), then time; otherwise by bm25. Rowids grow with insertion, so "newest" means
 * most recently stored.
 */
export const SEARCH_CANDIDATES = 300;

/** Words held by more rows than this make bm25's counting pass cost more than the page is worth. */
export const BM25_MAX_ROWS = 20_000;

export interface RankedRows<T> {
  /** The rows shown, best match first, each with the columns asked for (snippets…). */
  rows: Array<T & { id: number }>;
  /** True when older matches beyond the candidates were not ranked. */
  windowed: boolean;
}

export interface RankSpec {
  table: 'articles_fts' | 'events_fts' | 'extraction_fts';
  /** The bm25(...) expression to order by (weights per column); ours, never user input. */
  rank: string;
  /** The table's title column, when it has one. */
  titleColumn?: string;
  /** SQL select list computed for the rows shown only (snippets): ours, never user input. */
  shown: string;
}

/**
 * The best `limit` of the newest matches of `words` (all required) in `spec.table`, with
 * `spec.shown` computed for those rows only. Statements each bounded by the candidates: the
 * newest ids; for a query of several words, each word's own newest matches (to learn whether
 * it is common); then either the candidates whose title holds every word (a column filter,
 * which FTS5 tests on its position lists without reading the rows) or bm25 over the
 * candidates; then the shown columns of the rows kept (a rowid range walked in order, the
 * kept ids tested per row: FTS5 would read whole doclists for an IN list of rowids).
 */
export async function rankRecent<T>(
  db: Db,
  spec: RankSpec,
  words: string[],
  limit: number,
  bm25MaxRows = BM25_MAX_ROWS,
): Promise<RankedRows<T>> {
  const { table } = spec;
  const fts = ftsExpression(words);
  const newest = (expression: string) =>
    column<number>(
      db,
      `SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES + 1}`,
      [expression],
    );
  const candidates = await newest(fts);
  if (!candidates.length) return { rows: [], windowed: false };
  // One more than the candidates was asked for, only to learn whether older matches exist.
  const windowed = candidates.length > SEARCH_CANDIDATES;
  const ranked = windowed ? candidates.slice(0, SEARCH_CANDIDATES) : candidates;
  const oldest = ranked.at(-1)!;
  let common = estimatedRows(candidates) > bm25MaxRows;
  // Every row matching the query holds each word, so one word can be common only when the query has several.
  for (const word of words.length > 1 ? words : []) {
    if (common) break;
    common = estimatedRows(await newest(ftsExpression([word]))) > bm25MaxRows;
  }
  let kept: number[];
  if (common) {
    const inTitle = spec.titleColumn
      ? await column<number>(
          db,
          `SELECT rowid FROM ${table} WHERE ${table} MATCH ? AND rowid >= CAST(? AS INTEGER) ORDER BY rowid DESC LIMIT ?`,
          [`{${spec.titleColumn}}: (${fts})`, oldest, limit],
        )
      : [];
    kept = [...new Set([...inTitle, ...ranked])].slice(0, limit);
  } else {
    const scores = await db.all<{ id: number; r: number }>(
      `SELECT rowid AS id, ${spec.rank} AS r FROM ${table} WHERE ${table} MATCH ? AND rowid >= CAST(? AS INTEGER)`,
      [fts, oldest],
    );
    kept = scores
      .sort((a, b) => a.r - b.r || b.id - a.id)
      .slice(0, limit)
      .map((s) => s.id);
  }
  if (!kept.length) return { rows: [], windowed };
  const shown = await db.all<T & { id: number }>(
    `SELECT rowid AS id, ${spec.shown} FROM ${table} WHERE ${table} MATCH ? AND rowid >= CAST(? AS INTEGER) AND rowid <= CAST(? AS INTEGER)
      AND +rowid IN (SELECT value FROM json_each(?))`,
    [fts, Math.min(...kept), Math.max(...kept), JSON.stringify(kept)],
  );
  const byId = new Map(shown.map((r) => [r.id, r]));
  return { rows: kept.flatMap((id) => byId.get(id) ?? []), windowed };
}

/** Words as an FTS5 expression: each a quoted term (they hold letters and digits only), all required. */
export function ftsExpression(words: string[]): string {
  return words.map((w) => `"${w}"`).join(' ');
}

/**
 * About how many rows match, from the newest SEARCH_CANDIDATES + 1 matches (newest first):
 * their count when that is all there is, else the store's rows times the share of the rows
 * those matches spread over that matched (rowids count the rows stored).
 */
export function estimatedRows(newestMatches: number[]): number {
  if (newestMatches.length <= SEARCH_CANDIDATES) return newestMatches.length;
  const top = newestMatches[0]!;
  return Math.round((newestMatches.length * top) / (top - newestMatches.at(-1)! + 1));
}
