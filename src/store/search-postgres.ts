import type { Db } from './db.js';
import { SEARCH_CANDIDATES } from './fts-recent.js';
import type { SearchHits } from './search.js';
import { PLANNED_ONCE } from './sql/planned-once.js';
import { newestMatches, type SearchedTable } from './search-postgres-candidates.js';

const MARK_OPEN = '\u0001';
const MARK_CLOSE = '\u0002';

const HEAD = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=24, MinWords=8, ShortWord=2, HighlightAll=false`;
const CLAIMS = `COALESCE((SELECT string_agg(x->>'text', ' ¶ ') FROM json_array_elements(x.claims::json) x), '')`;
const QUOTES = `COALESCE((SELECT string_agg(x->>'text', ' ¶ ') FROM json_array_elements(x.quotes::json) x), '')`;
const Q = `plainto_tsquery('english', ?)`;
/** Events, articles and statements (extractions), in that order, each newest first by its own order. */
const SEARCHED: SearchedTable[] = [
  { table: 'events', key: 'id', textKey: true, order: 'last_updated' },
  { table: 'articles', key: 'id', order: 'id' },
  { table: 'extractions', key: 'article_id', order: 'article_id' },
];

/**
 * Search on PostgreSQL, over the tsvector columns and their GIN indexes (see migrations 001
 * and 005): every word required (plainto_tsquery), the newest SEARCH_CANDIDATES matches
 * (newestMatches, whose cost common words bound by the page) ranked by ts_rank (title weighs
 * more), snippets by ts_headline for the rows shown only, marked like FTS5's. One more
 * candidate than ranked says whether older matches exist.
 */
export async function searchPostgres(db: Db, words: string, limit: number): Promise<SearchHits> {
  const [eventKeys = [], articleKeys = [], statementKeys = []] = await newestMatches(db, SEARCHED, words);
  const ranked = (keys: Array<number | string>) => JSON.stringify(keys.slice(0, SEARCH_CANDIDATES));
  /**
   * The statement's rows when there are candidates to rank (a round trip saved for each kind nothing matched). Planned
   * once (PLANNED_ONCE): the candidates are read by key, and the planner counts any list of them as 100 rows anyway.
   */
  const rankedRows = <R>(keys: Array<number | string>, sql: string) =>
    keys.length ? db.all<R>(sql, [words, ranked(keys), limit, HEAD]) : Promise.resolve([] as R[]);
  // The three kinds at once: on PostgreSQL each statement runs on a pooled connection of its own.
  const [events, articles, statements] = await Promise.all([
    rankedRows<SearchHits['events'][number]>(
      eventKeys,
      `${PLANNED_ONCE}WITH q AS (SELECT ${Q} AS q),
       r AS (SELECT e.id, e.last_updated, ts_rank(e.search, q.q) AS rank FROM events e, q
         WHERE e.id IN (SELECT value FROM jsonb_array_elements_text(?::jsonb) AS j(value)) ORDER BY rank DESC, e.last_updated DESC LIMIT ?)
     SELECT e.id, e.title, ts_headline('english', e.summary, q.q, ?) AS snippet, e.significance, e.first_seen AS "firstSeen", e.last_updated AS "lastUpdated"
     FROM r JOIN events e ON e.id = r.id, q ORDER BY r.rank DESC, r.last_updated DESC`,
    ),
    rankedRows<SearchHits['articles'][number]>(
      articleKeys,
      `${PLANNED_ONCE}WITH q AS (SELECT ${Q} AS q),
       r AS (SELECT a.id, ts_rank(a.search, q.q) AS rank FROM articles a, q
         WHERE a.id IN (SELECT value::bigint FROM jsonb_array_elements_text(?::jsonb) AS j(value)) ORDER BY rank DESC, a.id DESC LIMIT ?)
     SELECT a.id, a.title, ts_headline('english', left(a.text, 20000), q.q, ?) AS snippet, a.source_id AS "sourceId", s.name AS "sourceName",
       s.author AS "sourceAuthor", a.published_at AS "publishedAt"
     FROM r JOIN articles a ON a.id = r.id JOIN sources s ON s.id = a.source_id, q ORDER BY r.rank DESC, r.id DESC`,
    ),
    rankedRows<{ articleId: number; title: string; snippet: string; inClaims: boolean }>(
      statementKeys,
      `${PLANNED_ONCE}WITH q AS (SELECT ${Q} AS q),
       r AS (SELECT x.article_id, ts_rank(x.search, q.q) AS rank FROM extractions x, q
         WHERE x.article_id IN (SELECT value::bigint FROM jsonb_array_elements_text(?::jsonb) AS j(value)) ORDER BY rank DESC, x.article_id DESC LIMIT ?)
     SELECT r.article_id AS "articleId", a.title, ts_headline('english', ${CLAIMS} || ' ¶ ' || ${QUOTES}, q.q, ?) AS snippet,
       to_tsvector('english', ${CLAIMS}) @@ q.q AS "inClaims"
     FROM r JOIN extractions x ON x.article_id = r.article_id JOIN articles a ON a.id = r.article_id, q ORDER BY r.rank DESC, r.article_id DESC`,
    ),
  ]);
  return {
    events,
    articles,
    statements: statements.map(({ inClaims, ...s }) => ({ ...s, field: inClaims ? 'claims' : 'quotes' })),
    windowed: [eventKeys, articleKeys, statementKeys].some((k) => k.length > SEARCH_CANDIDATES),
  };
}
