import type { Db } from './db.js';
import { column, value } from './sql/query.js';

/**
 * Relevance ranking whose cost does not grow with the store. bm25 must score every row
 * that matches, so a query made of common words ("model release") would score most of the
 * store on each request. Instead we take the newest SEARCH_CANDIDATES matches and rank
 * those by bm25; and when the words are so common that the newest 2,000 rows already hold
 * that many matches, bm25's own word counts would cost a pass over the whole index, so the
 * newest matches are ranked by title first, then time. A query with fewer matches ranks
 * all of them. Rowids grow with insertion, so "newest" means most recently stored.
 */
export const SEARCH_CANDIDATES = 300;

export interface RankedRows {
  /** Rowids, best match first. */
  rowids: number[];
  /** True when older matches beyond the candidates were not ranked. */
  windowed: boolean;
}

/** Rows counted from the newest end to tell a query of common words from a selective one. */
const PROBE = 2000;

/**
 * @param table an FTS5 table whose rowids follow insertion order
 * @param rank the bm25(...) expression to order by (weights per column); ours, never user input
 * @param titleColumn the table's title column, when it has one
 */
export async function rankRecent(
  db: Db,
  table: 'articles_fts' | 'events_fts' | 'extraction_fts',
  rank: string,
  fts: string,
  limit: number,
  titleColumn?: string,
): Promise<RankedRows> {
  const newest = (await value<number | null>(db, `SELECT MAX(rowid) FROM ${table}`)) ?? 0;
  // A literal rowid bound lets FTS5 seek; a bound parameter does not.
  const floor = Math.max(0, newest - PROBE);
  const probe =
    (await value<number>(db, `SELECT COUNT(*) FROM ${table} WHERE ${table} MATCH ? AND rowid > ${floor}`, [fts])) ?? 0;
  if (floor > 0 && probe >= SEARCH_CANDIDATES) {
    // Common words: bm25 would first count every document holding each word (a pass over
    // whole doclists, ~70 ms at a million articles). Rank the newest matches instead: those
    // whose title has every word first, then the rest, newest first.
    const newestOf = (q: string) =>
      column<number>(
        db,
        `SELECT rowid FROM ${table} WHERE ${table} MATCH ? AND rowid > ${floor} ORDER BY rowid DESC LIMIT ?`,
        [q, limit],
      );
    const inTitle = titleColumn ? await newestOf(`{${titleColumn}}: (${fts})`) : [];
    const rowids = [...new Set([...inTitle, ...(await newestOf(fts))])].slice(0, limit);
    return { rowids, windowed: true };
  }
  const rows = (
    await db.all<{ id: number; r: number }>(
      `SELECT rowid AS id, r FROM (SELECT rowid, ${rank} AS r FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ${SEARCH_CANDIDATES + 1})
    ORDER BY r`,
      [fts],
    )
  ).map((x): [number, number] => [x.id, x.r]);
  // One more than the candidates was asked for, only to learn whether older matches exist.
  const windowed = rows.length > SEARCH_CANDIDATES;
  const oldest = windowed ? Math.min(...rows.map((r) => r[0])) : -1;
  return {
    rowids: rows
      .filter((r) => r[0] !== oldest)
      .slice(0, limit)
      .map((r) => r[0]),
    windowed,
  };
}
