import type { Db } from './db.js';
import { eventFromRow, type EventRow, type RawEvent, type Role } from './event-rows.js';
import { column, listParam, value } from './sql/query.js';

/** Reads of single events and their members (lists and counts are in events.ts). */

export async function eventOfArticle(db: Db, articleId: number): Promise<string | undefined> {
  return await value<string>(db, 'SELECT event_id FROM event_articles WHERE article_id = ?', [articleId]);
}

/** The events holding an article of this source, and how many of their articles are of other sources. */
export async function eventsOfSource(db: Db, sourceId: string): Promise<{ events: string[]; otherArticles: number }> {
  const events = await column<string>(
    db,
    'SELECT DISTINCT ea.event_id FROM event_articles ea JOIN articles a ON a.id = ea.article_id WHERE a.source_id = ?',
    [sourceId],
  );
  const otherArticles =
    (await value<number>(
      db,
      `SELECT COUNT(*) FROM event_articles ea JOIN articles a ON a.id = ea.article_id
      WHERE ea.event_id IN (${listParam(db, 'text')}) AND a.source_id <> ?`,
      [JSON.stringify(events), sourceId],
    )) ?? 0;
  return { events, otherArticles: Number(otherArticles) };
}

export async function resolveEventId(db: Db, id: string): Promise<string> {
  return (await value<string>(db, 'SELECT to_id FROM event_redirects WHERE from_id = ?', [id])) ?? id;
}

export async function getEvent(db: Db, id: string): Promise<EventRow | undefined> {
  const r = await db.get<RawEvent>('SELECT * FROM events WHERE id = ?', [await resolveEventId(db, id)]);
  return r && eventFromRow(r);
}

/** The titles of events by their current ids, in one read (an id not found has none). */
export async function eventTitles(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.all<{ id: string; title: string }>(
    `SELECT id, title FROM events WHERE id IN (${listParam(db, 'text')})`,
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((e) => [e.id, e.title]));
}

/** Events by their current ids (never a merged one's old id: see getEvent), in one read. */
export async function eventsByIds(db: Db, ids: readonly string[]): Promise<Map<string, EventRow>> {
  if (!ids.length) return new Map();
  const rows = await db.all<RawEvent>(`SELECT * FROM events WHERE id IN (${listParam(db, 'text')})`, [
    JSON.stringify(ids),
  ]);
  return new Map(rows.map((r) => [r.id, eventFromRow(r)]));
}

export interface EventMember {
  articleId: number;
  role: Role;
  title: string;
  url: string | null;
  author: string | null;
  publishedAt: string | null;
  fetchedAt: string;
  /** The first MEMBER_TEXT_CHARS characters of the article text where the member has no summary (its only use), else ''. */
  text: string;
  sourceId: string;
  sourceName: string;
  sourceAuthor: string | null;
  sourceKind: string;
  tier: number;
  kind: string | null;
  /** An issue of a newsletter gathering several stories (articles.digest). */
  digest: boolean;
  /** The sentence where the feed cut the text (articles.cut_tail), which the clusterer reads and a reader does not see. */
  cutTail: string;
  summary: string | null;
  topics: string[];
  entities: { name: string; type: string }[];
}

/** How much of each member's text a refresh or a review reads (where the member has no summary). */
export const MEMBER_TEXT_CHARS = 600;

/**
 * An event's articles, oldest first. `text` is the first MEMBER_TEXT_CHARS characters of a
 * member without a summary, all any caller reads, and '' for the others: an article's text is
 * stored after its HTML, both mostly on overflow pages, so reading it walks the HTML's chain
 * of pages first; a refresh reads every member of its event, and once the store is large the
 * older members' pages are rarely in memory.
 */
export async function eventMembers(db: Db, eventId: string): Promise<EventMember[]> {
  const rows = await db.all(
    `SELECT ea.article_id, ea.role, a.title, a.url, a.author, a.published_at, a.fetched_at,
      CASE WHEN x.summary IS NULL OR x.summary = '' THEN substr(a.text, 1, ${MEMBER_TEXT_CHARS}) ELSE '' END AS text, s.id AS source_id, s.name AS source_name,
      s.author AS source_author, s.kind AS source_kind, s.tier, x.kind, a.digest, a.cut_tail, x.summary, x.topics, x.entities
    FROM event_articles ea JOIN articles a ON a.id = ea.article_id JOIN sources s ON s.id = a.source_id LEFT JOIN extractions x ON x.article_id = a.id
    WHERE ea.event_id = ? ORDER BY COALESCE(a.published_at, a.fetched_at), a.id`,
    [eventId],
  );
  return rows.map((r) => ({
    articleId: r['article_id'] as number,
    role: r['role'] as Role,
    title: r['title'] as string,
    url: r['url'] as string | null,
    author: r['author'] as string | null,
    publishedAt: r['published_at'] as string | null,
    fetchedAt: r['fetched_at'] as string,
    text: r['text'] as string,
    sourceId: r['source_id'] as string,
    sourceName: r['source_name'] as string,
    sourceAuthor: r['source_author'] as string | null,
    sourceKind: r['source_kind'] as string,
    tier: r['tier'] as number,
    kind: r['kind'] as string | null,
    digest: Number(r['digest']) === 1,
    cutTail: (r['cut_tail'] as string | null) ?? '',
    summary: r['summary'] as string | null,
    topics: JSON.parse((r['topics'] as string) ?? '[]'),
    entities: JSON.parse((r['entities'] as string) ?? '[]'),
  }));
}

/** Source name and link of each event's primary article, for event cards. */
export async function primaryInfo(
  db: Db,
  articleIds: readonly number[],
): Promise<Map<number, { sourceName: string; sourceAuthor: string | null; url: string | null; sourceId: string }>> {
  const out = new Map<
    number,
    { sourceName: string; sourceAuthor: string | null; url: string | null; sourceId: string }
  >();
  if (!articleIds.length) return out;
  const rows = await db.all<{ id: number; url: string | null; source_id: string; name: string; author: string | null }>(
    `SELECT a.id, a.url, s.id AS source_id, s.name, s.author FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id IN (${listParam(db, 'int')})`,
    [JSON.stringify(articleIds)],
  );
  for (const r of rows)
    out.set(r.id, { sourceName: r.name, sourceAuthor: r.author, url: r.url, sourceId: r.source_id });
  return out;
}
