import { createHash } from 'node:crypto';
import type { Db } from './db.js';
import { rankRecent } from './fts-recent.js';

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
}

interface ArticleRow {
  id: number; source_id: string; guid: string; url: string | null; canonical_url: string | null; title: string;
  author: string | null; published_at: string | null; fetched_at: string; html: string; text: string; lang: string | null;
  image: string | null; word_count: number; content_hash: string; truncated: number; updated_at: string;
}

export function articleFromRow(r: ArticleRow): Article {
  return {
    id: r.id, sourceId: r.source_id, guid: r.guid, url: r.url, canonicalUrl: r.canonical_url, title: r.title,
    author: r.author, publishedAt: r.published_at, fetchedAt: r.fetched_at, html: r.html, text: r.text, lang: r.lang,
    image: r.image, wordCount: r.word_count, truncated: r.truncated === 1, contentHash: r.content_hash, updatedAt: r.updated_at,
  };
}

/** Hash of the words of an article: equal for the same text however it was marked up. */
export function contentHash(title: string, text: string): string {
  const norm = `${title}\n${text}`.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return createHash('sha256').update(norm).digest('hex').slice(0, 32);
}

export type UpsertOutcome =
  | { kind: 'new'; id: number }
  | { kind: 'updated'; id: number }
  | { kind: 'unchanged'; id: number }
  | { kind: 'duplicate'; id: number; by: 'canonical-url' | 'content-hash' };

/**
 * Stores an article once. Dedupe order: the same source's GUID (an update of the same
 * item), then the canonical URL in any source, then the content hash in any source.
 * A changed item keeps its id and its stages start again.
 */
export function upsertArticle(db: Db, a: NewArticle, stages: readonly string[]): UpsertOutcome {
  const hash = contentHash(a.title, a.text);
  const same = db.prepare('SELECT id, content_hash FROM articles WHERE source_id = ? AND guid = ?').get(a.sourceId, a.guid) as { id: number; content_hash: string } | undefined;
  if (same) {
    if (same.content_hash === hash) return { kind: 'unchanged', id: same.id };
    db.prepare(`UPDATE articles SET url = ?, canonical_url = ?, title = ?, author = ?, published_at = COALESCE(published_at, ?), html = ?, text = ?,
      lang = ?, image = ?, word_count = ?, content_hash = ?, truncated = ?, updated_at = ? WHERE id = ?`).run(a.url, a.canonicalUrl, a.title,
      a.author, a.publishedAt, a.html, a.text, a.lang, a.image, a.wordCount, hash, a.truncated ? 1 : 0, a.fetchedAt, same.id);
    resetStages(db, same.id, stages, a.fetchedAt);
    return { kind: 'updated', id: same.id };
  }
  if (a.canonicalUrl) {
    const byUrl = db.prepare('SELECT id FROM articles WHERE canonical_url = ?').pluck().get(a.canonicalUrl) as number | undefined;
    if (byUrl !== undefined) return { kind: 'duplicate', id: byUrl, by: 'canonical-url' };
  }
  if (a.text.length > 0) {
    const byHash = db.prepare('SELECT id FROM articles WHERE content_hash = ?').pluck().get(hash) as number | undefined;
    if (byHash !== undefined) return { kind: 'duplicate', id: byHash, by: 'content-hash' };
  }
  const id = Number(db.prepare(`INSERT INTO articles (source_id, guid, url, canonical_url, title, author, published_at, fetched_at, html, text, lang,
    image, word_count, content_hash, truncated, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(a.sourceId, a.guid, a.url,
    a.canonicalUrl, a.title, a.author, a.publishedAt, a.fetchedAt, a.html, a.text, a.lang, a.image, a.wordCount, hash, a.truncated ? 1 : 0,
    a.fetchedAt).lastInsertRowid);
  resetStages(db, id, stages, a.fetchedAt);
  return { kind: 'new', id };
}

function resetStages(db: Db, id: number, stages: readonly string[], at: string): void {
  const stmt = db.prepare(`INSERT INTO article_stages (article_id, stage, status, attempts, updated_at) VALUES (?, ?, 'pending', 0, ?)
    ON CONFLICT (article_id, stage) DO UPDATE SET status = 'pending', error = NULL, attempts = 0, note = NULL, updated_at = excluded.updated_at`);
  for (const s of stages) stmt.run(id, s, at);
}

export function getArticle(db: Db, id: number): Article | undefined {
  const r = db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
  return r && articleFromRow(r);
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

/** Newest first (by published time, falling back to fetch time). */
export function listArticles(db: Db, opts: { limit: number; offset?: number; sourceId?: string }): ArticleListItem[] {
  const where = opts.sourceId ? 'WHERE a.source_id = @sourceId' : '';
  return db.prepare(`SELECT a.id, a.source_id AS sourceId, s.name AS sourceName, s.author AS sourceAuthor, a.title, a.url, a.author,
      a.published_at AS publishedAt, a.fetched_at AS fetchedAt, a.word_count AS wordCount, substr(a.text, 1, 300) AS excerpt
    FROM articles a JOIN sources s ON s.id = a.source_id ${where}
    ORDER BY COALESCE(a.published_at, a.fetched_at) DESC, a.id DESC LIMIT @limit OFFSET @offset`).all({
    limit: opts.limit, offset: opts.offset ?? 0, sourceId: opts.sourceId,
  }) as ArticleListItem[];
}

export function countArticles(db: Db): number {
  return db.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
}

export function updateArticleBody(db: Db, id: number, v: { html: string; text: string; wordCount: number; title?: string; author?: string | null; image?: string | null; lang?: string | null; at: string }): void {
  db.prepare(`UPDATE articles SET html = ?, text = ?, word_count = ?, title = COALESCE(?, title), author = COALESCE(author, ?),
    image = COALESCE(image, ?), lang = COALESCE(lang, ?), truncated = 0, updated_at = ? WHERE id = ?`).run(v.html, v.text, v.wordCount,
    v.title ?? null, v.author ?? null, v.image ?? null, v.lang ?? null, v.at, id);
}

/** Full-text search over titles and text, best match first (newest candidates; see rankRecent), with a highlighted snippet. */
export function searchArticles(db: Db, query: string, limit = 20): Array<{ id: number; title: string; snippet: string; rank: number }> {
  const terms = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!terms.length) return [];
  const fts = terms.map((t) => `"${t}"`).join(' ');
  const { rowids } = rankRecent(db, 'articles_fts', 'bm25(articles_fts)', fts, limit, 'title');
  const rows = db.prepare(`SELECT a.id, a.title, snippet(articles_fts, 1, '<mark>', '</mark>', '…', 20) AS snippet, bm25(articles_fts) AS rank
    FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? AND articles_fts.rowid IN (SELECT value FROM json_each(?))`)
    .all(fts, JSON.stringify(rowids)) as Array<{ id: number; title: string; snippet: string; rank: number }>;
  return rows.sort((a, b) => a.rank - b.rank);
}
