import { createHash } from 'node:crypto';
import type { Db } from './db.js';
import type { SqlValue } from './sql/client.js';
import { MARK_CLOSE, MARK_OPEN, search } from './search.js';
import { listParam, one, value } from './sql/query.js';

export interface NewArticle {
  sourceId: string;
  guid: string;
  url: string | null;
  canonicalUrl: string | null;
  title: string;
  author: string | null;
  publishedAt: string | null;
  fetchedAt: string;
  html: string;
  text: string;
  lang: string | null;
  image: string | null;
  wordCount: number;
  truncated: boolean;
}

export interface Article extends NewArticle {
  id: number;
  contentHash: string;
  updatedAt: string;
  /** The sentence the feed cut, kept out of `text` when the article was cleaned ('' for none). */
  cutTail?: string;
}

interface ArticleRow {
  id: number;
  source_id: string;
  guid: string;
  url: string | null;
  canonical_url: string | null;
  title: string;
  author: string | null;
  published_at: string | null;
  fetched_at: string;
  html: string;
  text: string;
  lang: string | null;
  image: string | null;
  word_count: number;
  content_hash: string;
  truncated: number;
  updated_at: string;
  cut_tail?: string;
}

export function articleFromRow(r: ArticleRow): Article {
  return {
    id: r.id,
    sourceId: r.source_id,
    guid: r.guid,
    url: r.url,
    canonicalUrl: r.canonical_url,
    title: r.title,
    author: r.author,
    publishedAt: r.published_at,
    fetchedAt: r.fetched_at,
    html: r.html,
    text: r.text,
    lang: r.lang,
    image: r.image,
    wordCount: r.word_count,
    truncated: r.truncated === 1,
    contentHash: r.content_hash,
    updatedAt: r.updated_at,
    cutTail: r.cut_tail ?? '',
  };
}

/** Hash of the words of an article: equal for the same text however it was marked up. */
export function contentHash(title: string, text: string): string {
  const norm = `${title}\n${text}`
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(norm).digest('hex').slice(0, 32);
}

export type UpsertOutcome =
  | { kind: 'new'; id: number }
  | { kind: 'updated'; id: number }
  | { kind: 'unchanged'; id: number }
  | { kind: 'duplicate'; id: number; by: 'canonical-url' | 'content-hash' };

/**
 * Stores an article once. Dedupe order: the same source's GUID (an update of the same
 * item), then the canonical URL, then the content hash. A match in another source is a
 * duplicate only when it holds the same words from a source of the same or a higher tier:
 * otherwise dropping the newcomer would hide it (a tier-3 feed that claims a lab's URL
 * first with other text), so it is stored as an article of its own and the events join
 * the two. A changed item keeps its id and its stages start again.
 */
export async function upsertArticle(db: Db, a: NewArticle, stages: readonly string[]): Promise<UpsertOutcome> {
  const hash = contentHash(a.title, a.text);
  const same = await db.get<{ id: number; content_hash: string; published_at: string | null }>(
    'SELECT id, content_hash, published_at FROM articles WHERE source_id = ? AND guid = ?',
    [a.sourceId, a.guid],
  );
  if (same) {
    if (same.content_hash === hash) return { kind: 'unchanged', id: same.id };
    await db.run(
      `UPDATE articles SET url = ?, canonical_url = ?, title = ?, author = ?, published_at = COALESCE(published_at, ?), html = ?, text = ?,
      lang = ?, image = ?, word_count = ?, content_hash = ?, truncated = ?, updated_at = ? WHERE id = ?`,
      [
        a.url,
        a.canonicalUrl,
        a.title,
        a.author,
        a.publishedAt,
        a.html,
        a.text,
        a.lang,
        a.image,
        a.wordCount,
        hash,
        a.truncated ? 1 : 0,
        a.fetchedAt,
        same.id,
      ],
    );
    await resetStages(db, same.id, stages, a.fetchedAt, same.published_at ?? a.publishedAt ?? a.fetchedAt);
    return { kind: 'updated', id: same.id };
  }
  const tier = (await value<number>(db, 'SELECT tier FROM sources WHERE id = ?', [a.sourceId])) ?? 3;
  const newcomer = { sourceId: a.sourceId, hash, tier };
  if (a.canonicalUrl) {
    const byUrl = (await matches(db, 'canonical_url', a.canonicalUrl)).find((m) => coversFor(m, newcomer));
    if (byUrl) return { kind: 'duplicate', id: byUrl.id, by: 'canonical-url' };
  }
  if (a.text.length > 0) {
    const byHash = (await matches(db, 'content_hash', hash)).find((m) => coversFor(m, newcomer));
    if (byHash) return { kind: 'duplicate', id: byHash.id, by: 'content-hash' };
  }
  const id = Number(
    await value<number>(
      db,
      `INSERT INTO articles (source_id, guid, url, canonical_url, title, author, published_at, fetched_at, html, text, lang,
    image, word_count, content_hash, truncated, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [
        a.sourceId,
        a.guid,
        a.url,
        a.canonicalUrl,
        a.title,
        a.author,
        a.publishedAt,
        a.fetchedAt,
        a.html,
        a.text,
        a.lang,
        a.image,
        a.wordCount,
        hash,
        a.truncated ? 1 : 0,
        a.fetchedAt,
      ],
    ),
  );
  await resetStages(db, id, stages, a.fetchedAt, a.publishedAt ?? a.fetchedAt);
  return { kind: 'new', id };
}

interface Match {
  id: number;
  sourceId: string;
  hash: string;
  tier: number;
}

/** Stored articles with this canonical URL or content hash, with their source's tier (a handful: one per source that carries it). */
async function matches(db: Db, column: 'canonical_url' | 'content_hash', v: string): Promise<Match[]> {
  return await db.all<Match>(
    `SELECT a.id, a.source_id AS "sourceId", a.content_hash AS hash, s.tier FROM articles a JOIN sources s ON s.id = a.source_id
    WHERE a.${column} = ? ORDER BY s.tier, a.id LIMIT 100`,
    [v],
  );
}

/** Whether a stored article stands for a newcomer: the same source's, or the same words from a source at least as high in tier. */
function coversFor(m: Match, n: { sourceId: string; hash: string; tier: number }): boolean {
  return m.sourceId === n.sourceId || (m.hash === n.hash && m.tier <= n.tier);
}

/** Every stage of the article to do (again). `articleTime` is its place in time as stored: COALESCE(published_at, fetched_at). */
async function resetStages(
  db: Db,
  id: number,
  stages: readonly string[],
  at: string,
  articleTime: string,
): Promise<void> {
  for (const s of stages) {
    await db.run(
      `INSERT INTO article_stages (article_id, stage, status, attempts, updated_at, article_time) VALUES (?, ?, 'pending', 0, ?, ?)
      ON CONFLICT (article_id, stage) DO UPDATE SET status = 'pending', error = NULL, attempts = 0, note = NULL, updated_at = excluded.updated_at,
        article_time = excluded.article_time`,
      [id, s, at, articleTime],
    );
  }
}

export async function getArticle(db: Db, id: number): Promise<Article | undefined> {
  const r = await db.get<ArticleRow>('SELECT * FROM articles WHERE id = ?', [id]);
  return r && articleFromRow(r);
}

/** Many articles in one read (missing ids are left out). */
export async function getArticles(db: Db, ids: readonly number[]): Promise<Map<number, Article>> {
  if (!ids.length) return new Map();
  const rows = await db.all<ArticleRow>(`SELECT * FROM articles WHERE id IN (${listParam(db, 'int')})`, [
    JSON.stringify(ids),
  ]);
  return new Map(rows.map((r) => [Number(r.id), articleFromRow(r)]));
}

export interface ArticleListItem {
  id: number;
  sourceId: string;
  sourceName: string;
  sourceAuthor: string | null;
  title: string;
  url: string | null;
  author: string | null;
  publishedAt: string | null;
  fetchedAt: string;
  wordCount: number;
  excerpt: string;
}

/** An article's place in the newest-first order; the order's index is articles_time_order (migration 024). */
const TIME = 'COALESCE(a.published_at, a.fetched_at)';

/**
 * Newest first (by published time, falling back to fetch time, then id). A page starts from
 * a cursor, an article id: `before` gives the articles after it in this order (older),
 * `after` those before it (newer, still listed newest first). Read through the index from the
 * cursor, a page costs what it shows at any store size; `offset` (kept for the API) does not.
 */
export async function listArticles(
  db: Db,
  opts: { limit: number; offset?: number; sourceId?: string; before?: number; after?: number },
): Promise<ArticleListItem[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (opts.sourceId) {
    where.push('a.source_id = ?');
    params.push(opts.sourceId);
  }
  const cursorId = opts.before ?? opts.after;
  const newer = opts.before === undefined && opts.after !== undefined;
  if (cursorId !== undefined) {
    const at = await value<string>(db, 'SELECT COALESCE(published_at, fetched_at) FROM articles WHERE id = ?', [
      cursorId,
    ]);
    if (at === undefined) return [];
    // Written as a range on the indexed expression, then the tie on id, so the scan starts at the cursor.
    where.push(newer ? `${TIME} >= ? AND (${TIME} > ? OR a.id > ?)` : `${TIME} <= ? AND (${TIME} < ? OR a.id < ?)`);
    params.push(at, at, cursorId);
  }
  const dir = newer ? 'ASC' : 'DESC';
  const rows = await db.all<ArticleListItem>(
    `SELECT a.id, a.source_id AS "sourceId", s.name AS "sourceName", s.author AS "sourceAuthor", a.title, a.url, a.author,
      a.published_at AS "publishedAt", a.fetched_at AS "fetchedAt", a.word_count AS "wordCount", substr(a.text, 1, 300) AS excerpt
    FROM articles a JOIN sources s ON s.id = a.source_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${TIME} ${dir}, a.id ${dir} LIMIT ? OFFSET ?`,
    [...params, opts.limit, opts.offset ?? 0],
  );
  return newer ? rows.reverse() : rows;
}

/** How many articles, exactly up to `cap`; cap + 1 means "more" (a count of every row would cost what the store holds). */
export async function countArticlesUpTo(db: Db, cap: number): Promise<number> {
  return (
    (await value<number>(db, `SELECT COUNT(*) FROM (SELECT 1 FROM articles LIMIT ${Math.floor(cap) + 1}) AS capped`)) ??
    0
  );
}

export async function countArticles(db: Db, sourceId?: string): Promise<number> {
  return sourceId === undefined
    ? one<number>(db, 'SELECT COUNT(*) FROM articles')
    : one<number>(db, 'SELECT COUNT(*) FROM articles WHERE source_id = ?', [sourceId]);
}

export async function updateArticleBody(
  db: Db,
  id: number,
  v: {
    html: string;
    text: string;
    wordCount: number;
    title?: string;
    author?: string | null;
    image?: string | null;
    lang?: string | null;
    at: string;
  },
): Promise<void> {
  await db.run(
    `UPDATE articles SET html = ?, text = ?, word_count = ?, title = COALESCE(?, title), author = COALESCE(author, ?),
    image = COALESCE(image, ?), lang = COALESCE(lang, ?), truncated = 0, cut_tail = '', updated_at = ? WHERE id = ?`,
    [v.html, v.text, v.wordCount, v.title ?? null, v.author ?? null, v.image ?? null, v.lang ?? null, v.at, id],
  );
}

/** Full-text search over titles and text, best match first (see store/search.ts), with the matches in <mark>. */
export async function searchArticles(
  db: Db,
  query: string,
  limit = 20,
): Promise<Array<{ id: number; title: string; snippet: string }>> {
  const hits = await search(db, query, limit);
  return hits.articles.map((a) => ({
    id: a.id,
    title: a.title,
    snippet: a.snippet.replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>'),
  }));
}
