import type { Db } from './db.js';
import { SEARCH_CANDIDATES } from './fts-recent.js';
import type { SearchHits } from './search.js';
import { column, value } from './sql/query.js';

const MARK_OPEN = '\u0001';
const MARK_CLOSE = '\u0002';

/** The first window of newest keys searched, and how much each widening multiplies it by. */
const FIRST_WINDOW = 4096;
const WIDEN = 8;

/**
 * The newest SEARCH_CANDIDATES + 1 keys matching `q` (a plainto_tsquery text), searched in
 * windows of the newest keys that widen until they hold enough: a GIN match on a common word
 * would otherwise gather every match in the store before sorting by recency, and a recency
 * walk on a rare word would read the whole store (each statement gathers a window's matches
 * in a MATERIALIZED step, so the planner cannot pick that walk for the ORDER BY … LIMIT:
 * on a 1M store it took 5–36 s for words that match nothing). `match` is the candidates'
 * statement: its parameters are the words and the floor (null for the whole store), its
 * rows the keys at or above the floor, newest first.
 */
async function newestMatches<K extends number | string>(
  db: Db,
  words: string,
  newest: K | null,
  floors: (newest: K, window: number) => K | undefined,
  match: string,
): Promise<K[]> {
  if (newest === null) return [];
  for (let window = FIRST_WINDOW; ; window *= WIDEN) {
    const floor = floors(newest, window);
    const keys = await column<K>(db, match, [words, floor ?? null]);
    if (keys.length > SEARCH_CANDIDATES || floor === undefined) return keys;
  }
}

const HEAD = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=24, MinWords=8, ShortWord=2, HighlightAll=false`;
const CLAIMS = `COALESCE((SELECT string_agg(x->>'text', ' ¶ ') FROM json_array_elements(x.claims::json) x), '')`;
const QUOTES = `COALESCE((SELECT string_agg(x->>'text', ' ¶ ') FROM json_array_elements(x.quotes::json) x), '')`;
const Q = `plainto_tsquery('english', ?)`;
const DAY_MS = 86_400_000;

/** Ids widen by the window; events by days (they are ordered by their last update, not by id). */
const byId = (newest: number, window: number) => (newest - window > 0 ? newest - window : undefined);
const byTime = (newest: string, window: number) => {
  const days = (window / FIRST_WINDOW) * 7;
  // Past ten years the window is the whole store.
  return days > 3650 ? undefined : new Date(Date.parse(newest) - days * DAY_MS).toISOString();
};

/**
 * Search on PostgreSQL, over the tsvector columns and their GIN indexes (see migrations 001
 * and 005): every word required (plainto_tsquery), the newest SEARCH_CANDIDATES matches
 * (newestMatches) ranked by ts_rank (title weighs more), snippets by ts_headline for the rows
 * shown only, marked like FTS5's. One more candidate than ranked says whether older matches
 * exist.
 */
export async function searchPostgres(db: Db, words: string, limit: number): Promise<SearchHits> {
  const cap = SEARCH_CANDIDATES + 1;
  const eventKeys = await newestMatches<string>(
    db,
    words,
    (await value<string | null>(db, 'SELECT MAX(last_updated) FROM events')) ?? null,
    byTime,
    `WITH m AS MATERIALIZED (SELECT e.id, e.last_updated FROM events e WHERE e.search @@ ${Q} AND e.last_updated >= COALESCE(?::text, ''))
    SELECT id FROM m ORDER BY last_updated DESC LIMIT ${cap}`,
  );
  const articleKeys = await newestMatches<number>(
    db,
    words,
    (await value<number | null>(db, 'SELECT MAX(id) FROM articles')) ?? null,
    byId,
    `WITH m AS MATERIALIZED (SELECT a.id FROM articles a WHERE a.search @@ ${Q} AND a.id >= COALESCE(?::bigint, 0))
    SELECT id FROM m ORDER BY id DESC LIMIT ${cap}`,
  );
  const statementKeys = await newestMatches<number>(
    db,
    words,
    (await value<number | null>(db, 'SELECT MAX(article_id) FROM extractions')) ?? null,
    byId,
    `WITH m AS MATERIALIZED (SELECT x.article_id FROM extractions x WHERE x.search @@ ${Q} AND x.article_id >= COALESCE(?::bigint, 0))
    SELECT article_id FROM m ORDER BY article_id DESC LIMIT ${cap}`,
  );
  const ranked = (keys: Array<number | string>) => JSON.stringify(keys.slice(0, SEARCH_CANDIDATES));
  const events = await db.all<SearchHits['events'][number]>(
    `WITH q AS (SELECT ${Q} AS q),
       r AS (SELECT e.id, e.last_updated, ts_rank(e.search, q.q) AS rank FROM events e, q
         WHERE e.id IN (SELECT value FROM jsonb_array_elements_text(?::jsonb) AS j(value)) ORDER BY rank DESC, e.last_updated DESC LIMIT ?)
     SELECT e.id, e.title, ts_headline('english', e.summary, q.q, ?) AS snippet, e.significance, e.first_seen AS "firstSeen", e.last_updated AS "lastUpdated"
     FROM r JOIN events e ON e.id = r.id, q ORDER BY r.rank DESC, r.last_updated DESC`,
    [words, ranked(eventKeys), limit, HEAD],
  );
  const articles = await db.all<SearchHits['articles'][number]>(
    `WITH q AS (SELECT ${Q} AS q),
       r AS (SELECT a.id, ts_rank(a.search, q.q) AS rank FROM articles a, q
         WHERE a.id IN (SELECT value::bigint FROM jsonb_array_elements_text(?::jsonb) AS j(value)) ORDER BY rank DESC, a.id DESC LIMIT ?)
     SELECT a.id, a.title, ts_headline('english', left(a.text, 20000), q.q, ?) AS snippet, a.source_id AS "sourceId", s.name AS "sourceName",
       s.author AS "sourceAuthor", a.published_at AS "publishedAt"
     FROM r JOIN articles a ON a.id = r.id JOIN sources s ON s.id = a.source_id, q ORDER BY r.rank DESC, r.id DESC`,
    [words, ranked(articleKeys), limit, HEAD],
  );
  const statements = await db.all<{ articleId: number; title: string; snippet: string; inClaims: boolean }>(
    `WITH q AS (SELECT ${Q} AS q),
       r AS (SELECT x.article_id, ts_rank(x.search, q.q) AS rank FROM extractions x, q
         WHERE x.article_id IN (SELECT value::bigint FROM jsonb_array_elements_text(?::jsonb) AS j(value)) ORDER BY rank DESC, x.article_id DESC LIMIT ?)
     SELECT r.article_id AS "articleId", a.title, ts_headline('english', ${CLAIMS} || ' ¶ ' || ${QUOTES}, q.q, ?) AS snippet,
       to_tsvector('english', ${CLAIMS}) @@ q.q AS "inClaims"
     FROM r JOIN extractions x ON x.article_id = r.article_id JOIN articles a ON a.id = r.article_id, q ORDER BY r.rank DESC, r.article_id DESC`,
    [words, ranked(statementKeys), limit, HEAD],
  );
  return {
    events,
    articles,
    statements: statements.map(({ inClaims, ...s }) => ({ ...s, field: inClaims ? 'claims' : 'quotes' })),
    windowed: [eventKeys, articleKeys, statementKeys].some((k) => k.length > SEARCH_CANDIDATES),
  };
}
