import type { Db } from './db.js';
import { SEARCH_CANDIDATES } from './fts-recent.js';
import { PLANNED_ONCE } from './sql/planned-once.js';
import { column } from './sql/query.js';

/**
 * A searched table on PostgreSQL: its key, the column its recency is ordered by (with an
 * index that reads it newest first) and its tsvector column `search` under a GIN index.
 * Names are ours, never user input.
 */
export interface SearchedTable {
  table: 'articles' | 'events' | 'extractions';
  key: string;
  /** True when the key is text; otherwise it is an integer. */
  textKey?: boolean;
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
/**
 * What gathering one match through the GIN index costs against testing one row in a walk (at
 * 100k articles, warm: 2.8-10 µs a match gathered, 0.8-1.3 µs a row walked). A walk is taken only
 * when it tests fewer rows than this many times the matches the table holds: a small table's
 * matches of a word in one row in 60 are gathered at once where a walk would test its whole table.
 */
const GATHER_COST = 4;

const Q = `plainto_tsquery('english', ?)`;

/** Rows the probe of a query of several words tests, and the matches among them that make the words common. */
const PROBE = 300;
const PROBE_COMMON = 3;

/**
 * For each table, the keys of its newest SEARCH_CANDIDATES + 1 rows matching `words` (every
 * word required), newest first. The GIN index answers a word by gathering every row that holds
 * it (for a word in a tenth of a 1M store, 100,000 rows read from all over the table: seconds)
 * before one is sorted. So where the words are common the newest rows are walked instead, each
 * tested against the query, as far as the share of rows matching needs to fill the candidates
 * (one row in ten: about 4,500 rows); where the walk comes up short (the share was wrong) or
 * the words are rare, the GIN index gathers the matches, for every such table in one
 * statement. The share is the planner's estimate (searchShares); for several words it
 * multiplies theirs, far too low for words said together ("Hugging Face"), so when that
 * product says the walk would be too long, the newest PROBE rows are tested to tell.
 */
export async function newestMatches(
  db: Db,
  tables: SearchedTable[],
  words: string,
): Promise<Array<Array<number | string>>> {
  const shares = await searchShares(db, words);
  // Each table's walk at once, on pooled connections of their own.
  const found = await Promise.all(tables.map((t) => walked(db, t, words, shares.get(t.table) ?? NO_STATISTICS)));
  const left = tables.flatMap((t, i) => (found[i] ? [] : [i]));
  if (left.length) {
    // MATERIALIZED: gathered through the GIN index, then sorted (the planner would otherwise walk the
    // recency index for the ORDER BY … LIMIT, and read the whole store for a word that nothing holds).
    const gathered = (i: number) => {
      const t = tables[i]!;
      return `m${i} AS MATERIALIZED (SELECT ${t.key} AS key, ${t.order} AS o FROM ${t.table} WHERE search @@ ${Q})`;
    };
    const newest = (i: number) =>
      `(SELECT ${i} AS i, key::text AS key FROM m${i} ORDER BY o DESC LIMIT ${SEARCH_CANDIDATES + 1})`;
    const rows = await db.all<{ i: number; key: string }>(
      `WITH ${left.map(gathered).join(', ')} ${left.map(newest).join(' UNION ALL ')}`,
      left.map(() => words),
    );
    for (const i of left) found[i] = [];
    // Keys come back as text (one column for every table): the integer ones are numbers again.
    for (const r of rows) found[r.i]!.push(tables[r.i]!.textKey ? r.key : Number(r.key));
  }
  return found.map((keys) => keys ?? []);
}

/** The newest matches in `t` by a walk of its newest rows, or undefined when the GIN index must gather them (newestMatches). */
async function walked(
  db: Db,
  t: SearchedTable,
  words: string,
  planned: PlannedShare,
): Promise<Array<number | string> | undefined> {
  const cap = SEARCH_CANDIDATES + 1;
  const walk = (n: number) =>
    column<number | string>(
      db,
      `SELECT r.k FROM (SELECT ${t.key} AS k, ${t.order} AS o, search FROM ${t.table} ORDER BY ${t.order} DESC LIMIT ?) r
      WHERE r.search @@ ${Q} ORDER BY r.o DESC LIMIT ${cap}`,
      [n, words],
    );
  const rowsFor = (share: number) => (share >= GIN_SHARE ? Math.ceil((cap / share) * 1.5) : Infinity);
  let share = planned.share;
  if (rowsFor(share) > MAX_WALK && /\s/.test(words.trim())) {
    const probe = await walk(PROBE);
    if (probe.length >= PROBE_COMMON) share = probe.length / PROBE;
  }
  const needed = rowsFor(share);
  // Gathering costs each match the table holds, walking each row it tests: the cheaper way.
  if (needed > MAX_WALK || needed > GATHER_COST * share * planned.total) return undefined;
  const keys = await walk(needed);
  return keys.length >= cap ? keys : undefined;
}

/** The share of a table's rows the planner expects a search to match, and the rows it counts in the table. */
interface PlannedShare {
  share: number;
  total: number;
}

const NO_STATISTICS: PlannedShare = { share: 0, total: 0 };

/**
 * The share of each searched table's rows the planner expects `words` to match and the table's
 * rows (migrations 034 and 053: the estimates of the three tables in one round trip); 0 before
 * the first ANALYZE. The call's own plan is the same for any words (the function plans its
 * EXPLAINs itself).
 */
async function searchShares(db: Db, words: string): Promise<Map<SearchedTable['table'], PlannedShare>> {
  const rows = await db.all<{ searched: SearchedTable['table']; share: number; total: number }>(
    `${PLANNED_ONCE}SELECT searched, share, total FROM search_shares(?)`,
    [words],
  );
  return new Map(rows.map((r) => [r.searched, { share: r.share, total: r.total }]));
}
