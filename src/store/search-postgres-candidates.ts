import type { Db } from './db.js';
import { SEARCH_CANDIDATES } from './fts-recent.js';
import { column } from './sql/query.js';

/**
 * A searched table on PostgreSQL: its key, the column its recency is ordered by (with an
 * index that reads it newest first) and its tsvector column `search` under a GIN index.
 * Names are ours, never user input.
 */
export interface SearchedTable {
  table: 'articles' | 'events' | 'extractions';
  key: string;
  order: string;
}

/**
 * Below this share of the rows matching (by the planner's estimate), the GIN index gathers the
 * matches. 0.5% is what the planner assumes of a word its statistics do not list as common, so
 * a word no row holds takes this way, where the GIN index answers at once.
 */
const GIN_SHARE = 0.005;
/** The most rows a walk tests (about 3.5 µs each at 1M articles) before the GIN index answers instead. */
const MAX_WALK = 40_000;

const Q = `plainto_tsquery('english', ?)`;

/** Rows the probe of a query of several words tests, and the matches among them that make the words common. */
const PROBE = 300;
const PROBE_COMMON = 3;

/**
 * The keys of the newest SEARCH_CANDIDATES + 1 rows matching `words` (every word required),
 * newest first, where the planner expects `plannedShare` of the rows to match (searchShares).
 * The GIN index answers a word by gathering every row that holds it (for a word in a tenth of
 * a 1M store, 100,000 rows read from all over the table: seconds) before one is sorted. So
 * when the words are common the newest rows are walked instead, each tested against the
 * query, as far as the share of rows matching needs to fill the candidates (one row in ten:
 * about 4,500 rows); when the walk comes up short (the share was wrong) or the words are
 * rare, the GIN index gathers the matches. For several words the planner multiplies their
 * shares, far too low for words said together ("Hugging Face"), so when that product says
 * the walk would be too long, the newest PROBE rows are tested to tell.
 */
export async function newestMatches<K extends number | string>(
  db: Db,
  t: SearchedTable,
  words: string,
  plannedShare: number,
): Promise<K[]> {
  const cap = SEARCH_CANDIDATES + 1;
  const walk = (n: number) =>
    column<K>(
      db,
      `SELECT r.k FROM (SELECT ${t.key} AS k, ${t.order} AS o, search FROM ${t.table} ORDER BY ${t.order} DESC LIMIT ?) r
      WHERE r.search @@ ${Q} ORDER BY r.o DESC LIMIT ${cap}`,
      [n, words],
    );
  const walked = (share: number) => (share >= GIN_SHARE ? Math.ceil((cap / share) * 1.5) : Infinity);
  let needed = walked(plannedShare);
  if (needed > MAX_WALK && /\s/.test(words.trim())) {
    const probe = await walk(PROBE);
    if (probe.length >= PROBE_COMMON) needed = walked(probe.length / PROBE);
  }
  if (needed <= MAX_WALK) {
    const keys = await walk(needed);
    if (keys.length >= cap) return keys;
  }
  // MATERIALIZED: gathered through the GIN index, then sorted (the planner would otherwise walk the
  // recency index for the ORDER BY … LIMIT, and read the whole store for a word that nothing holds).
  return column<K>(
    db,
    `WITH m AS MATERIALIZED (SELECT ${t.key} AS key, ${t.order} AS o FROM ${t.table} WHERE search @@ ${Q})
    SELECT key FROM m ORDER BY o DESC LIMIT ${cap}`,
    [words],
  );
}

/**
 * The share of each searched table's rows the planner expects `words` to match (migration 034:
 * the estimates of the three tables in one round trip); 0 before the first ANALYZE.
 */
export async function searchShares(db: Db, words: string): Promise<Map<SearchedTable['table'], number>> {
  const rows = await db.all<{ searched: SearchedTable['table']; share: number }>(
    'SELECT searched, share FROM search_shares(?)',
    [words],
  );
  return new Map(rows.map((r) => [r.searched, r.share]));
}
