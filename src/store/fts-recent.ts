import type { Db } from './db.js';

/**
 * Relevance ranking whose cost does not grow with the store. bm25 must score every row
 * that matches, so a query made of common words ("model release") would score most of the
 * store on each request. Instead we take the newest SEARCH_CANDIDATES matches (FTS5 walks
 * its doclists by rowid from the top and stops) and rank those. A query with fewer
 * matches ranks all of them; one with very many ranks the newest few hundred, which for
 * news is the set a reader wants anyway. Rowids grow with insertion, so "newest" means
 * most recently stored.
 */
export const SEARCH_CANDIDATES = 300;

export interface RankedRows {
  /** Rowids, best match first. */
  rowids: number[];
  /** True when older matches beyond the candidates were not ranked. */
  windowed: boolean;
}

/**
 * @param table an FTS5 table whose rowids follow insertion order
 * @param rank the bm25(...) expression to order by (weights per column); ours, never user input
 */
export function rankRecent(db: Db, table: 'articles_fts' | 'events_fts' | 'extraction_fts', rank: string, fts: string, limit: number): RankedRows {
  const rows = db.prepare(`SELECT rowid, r FROM (SELECT rowid, ${rank} AS r FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES + 1})
    ORDER BY r`).raw().all(fts) as Array<[number, number]>;
  // One more than the candidates was asked for, only to learn whether older matches exist.
  const windowed = rows.length > SEARCH_CANDIDATES;
  const oldest = windowed ? Math.min(...rows.map((r) => r[0])) : -1;
  return { rowids: rows.filter((r) => r[0] !== oldest).slice(0, limit).map((r) => r[0]), windowed };
}
