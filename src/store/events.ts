import type { Db } from './db.js';
import { listParam, one, rowsParam, value } from './sql/query.js';
import type { SqlValue } from './sql/client.js';
import { weekFloorFor, weekOf } from './recent-weeks.js';

export type Role = 'primary' | 'coverage' | 'commentary';

export interface EventRow {
  id: string;
  title: string;
  summary: string;
  significance: number;
  factors: Significance;
  primaryArticleId: number | null;
  firstSeen: string;
  lastUpdated: string;
  kind: string | null;
  topics: string[];
  entities: { name: string; type: string; weight: number }[];
  sourceCount: number;
  articleCount: number;
}

export interface SignificanceFactor {
  /** What was measured, shown as is ("tier 1", "6 sources", "government action"). */
  value: string;
  points: number;
  why: string;
}

export interface Significance {
  score: number;
  base: number;
  factors: Record<string, SignificanceFactor>;
  llm?: { delta: number; reason: string };
}

interface Raw {
  id: string;
  title: string;
  summary: string;
  significance: number;
  factors: string;
  primary_article_id: number | null;
  first_seen: string;
  last_updated: string;
  kind: string | null;
  topics: string;
  entities: string;
  source_count: number;
  article_count: number;
}

function fromRow(r: Raw): EventRow {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    significance: r.significance,
    factors: JSON.parse(r.factors || '{}'),
    primaryArticleId: r.primary_article_id,
    firstSeen: r.first_seen,
    lastUpdated: r.last_updated,
    kind: r.kind,
    topics: JSON.parse(r.topics),
    entities: JSON.parse(r.entities),
    sourceCount: r.source_count,
    articleCount: r.article_count,
  };
}

/** Put an article in an event (creating a bare event row the refresh fills in). */
export async function addToEvent(db: Db, eventId: string, articleId: number, at: string): Promise<void> {
  await db.run(
    `INSERT INTO events (id, title, first_seen, last_updated) VALUES (?, '', ?, ?) ON CONFLICT(id) DO NOTHING`,
    [eventId, at, at],
  );
  await db.run(
    `INSERT INTO event_articles (event_id, article_id, role) VALUES (?, ?, 'coverage')
    ON CONFLICT(article_id) DO UPDATE SET event_id = excluded.event_id`,
    [eventId, articleId],
  );
}

/** Move every article of `from` into `into`; `from` lives on as a redirect. */
export async function mergeEvents(db: Db, from: string, into: string): Promise<void> {
  await db.run('UPDATE event_articles SET event_id = ? WHERE event_id = ?', [into, from]);
  await db.run('DELETE FROM events WHERE id = ?', [from]);
  await db.run('UPDATE event_redirects SET to_id = ? WHERE to_id = ?', [into, from]);
  await db.run(
    'INSERT INTO event_redirects (from_id, to_id) VALUES (?, ?) ON CONFLICT(from_id) DO UPDATE SET to_id = excluded.to_id',
    [from, into],
  );
}

export async function eventOfArticle(db: Db, articleId: number): Promise<string | undefined> {
  return await value<string>(db, 'SELECT event_id FROM event_articles WHERE article_id = ?', [articleId]);
}

export async function resolveEventId(db: Db, id: string): Promise<string> {
  return (await value<string>(db, 'SELECT to_id FROM event_redirects WHERE from_id = ?', [id])) ?? id;
}

export async function getEvent(db: Db, id: string): Promise<EventRow | undefined> {
  const r = await db.get<Raw>('SELECT * FROM events WHERE id = ?', [await resolveEventId(db, id)]);
  return r && fromRow(r);
}

/** Events by their current ids (never a merged one's old id: see getEvent), in one read. */
export async function eventsByIds(db: Db, ids: readonly string[]): Promise<Map<string, EventRow>> {
  if (!ids.length) return new Map();
  const rows = await db.all<Raw>(`SELECT * FROM events WHERE id IN (${listParam(db, 'text')})`, [JSON.stringify(ids)]);
  return new Map(rows.map((r) => [r.id, fromRow(r)]));
}

export interface EventListOptions {
  limit: number;
  offset?: number;
  minSignificance?: number;
  topic?: string;
  /** Events with an article from this source. */
  source?: string;
  kind?: string;
  /** Events updated in [since, until). */
  since?: string;
  until?: string;
  /** Events that name this entity. */
  entity?: string;
  sort?: 'recent' | 'significance';
}

export async function listEvents(db: Db, o: EventListOptions): Promise<EventRow[]> {
  const order =
    o.sort === 'significance' ? 'significance DESC, last_updated DESC' : 'last_updated DESC, significance DESC';
  const read = async (recent?: RecentSubject) => {
    const { where, params } = await eventFilters(db, o, recent);
    return db.all<Raw>(`SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY ${order}, id LIMIT ? OFFSET ?`, [
      ...params,
      o.limit,
      o.offset ?? 0,
    ]);
  };
  // Newest first under a topic or entity: read only the subject's newest weeks that can fill
  // the page, widened (four times the rows each round) while other filters leave it short.
  const subject =
    o.sort === 'significance'
      ? undefined
      : o.topic
        ? (['topic', o.topic] as const)
        : o.entity
          ? (['entity', o.entity] as const)
          : undefined;
  if (!subject) return (await read()).map(fromRow);
  const fromWeek = o.since ? weekOf(o.since) : 0;
  for (let need = (o.offset ?? 0) + o.limit; ; need *= 4) {
    const floor = await weekFloorFor(db, subject[0], subject[1], fromWeek, need);
    const rows = await read({ kind: subject[0], subject: subject[1], week: floor.week });
    if (rows.length >= o.limit || floor.all) return rows.map(fromRow);
  }
}

/** A subject filter bounded to the weeks from `week` on (see listEvents). */
interface RecentSubject {
  kind: 'topic' | 'entity';
  subject: string;
  week: number;
}

/** Counting stops here: past it, pages say "1,000+" (an exact count of a big store reads every event). */
export const COUNT_CAP = 1000;

/** How many events match, exactly up to COUNT_CAP; COUNT_CAP + 1 means "more". */
export async function countEventsWhere(db: Db, o: Omit<EventListOptions, 'limit'>): Promise<number> {
  const { where, params } = await eventFilters(db, o);
  return (
    (await value<number>(
      db,
      `SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE ${where.join(' AND ')} LIMIT ${COUNT_CAP + 1}) AS capped`,
      params,
    )) ?? 0
  );
}

/** Above this many events, a subject filter walks the ordered index and tests membership; below, it reads the subject's events. */
const SMALL_SUBJECT = 5000;

/**
 * A topic or entity filter in the form that is cheap for its size: a busy subject (say a
 * fifth of all events) is met within a few rows of the ordered index walk, so each row is
 * tested by primary key; a rare one would make that walk read the whole store, so its few
 * events are read through the subject index instead and sorted.
 */
async function subjectFilter(
  db: Db,
  kind: 'topic' | 'entity',
  subject: string,
  since: string | undefined,
): Promise<{ sql: string; params: SqlValue[] }> {
  // With a time range, only the subject's events of those weeks count (each row knows its week, see 007).
  const week = since ? Math.floor(Date.parse(since) / 1000 / 604_800) : 0;
  const size =
    (await value<number | null>(
      db,
      'SELECT SUM(events) FROM subject_weeks WHERE kind = ? AND subject = ? AND week >= ?',
      [kind, subject, week],
    )) ?? 0;
  return size > SMALL_SUBJECT
    ? {
        sql: `EXISTS (SELECT 1 FROM event_subjects es WHERE es.kind = '${kind}' AND es.subject = ? AND es.event_id = events.id)`,
        params: [subject],
      }
    : {
        sql: `id IN (SELECT event_id FROM event_subjects WHERE kind = '${kind}' AND subject = ? AND week >= ?)`,
        params: [subject, week],
      };
}

async function eventFilters(
  db: Db,
  o: Omit<EventListOptions, 'limit'>,
  recent?: RecentSubject,
): Promise<{ where: string[]; params: SqlValue[] }> {
  const where = ["title <> ''"];
  const params: SqlValue[] = [];
  if (o.minSignificance) where.push('significance >= ?'), params.push(o.minSignificance);
  if (o.since) where.push('last_updated >= ?'), params.push(o.since);
  if (o.until) where.push('last_updated < ?'), params.push(o.until);
  if (o.kind) where.push('kind = ?'), params.push(o.kind);
  if (o.source)
    where.push(
      'EXISTS (SELECT 1 FROM event_articles ea JOIN articles a ON a.id = ea.article_id WHERE ea.event_id = events.id AND a.source_id = ?)',
    ),
      params.push(o.source);
  for (const [kind, subject] of [
    ['entity', o.entity],
    ['topic', o.topic],
  ] as const) {
    if (!subject) continue;
    const f =
      recent?.kind === kind
        ? {
            sql: `id IN (SELECT event_id FROM event_subjects WHERE kind = '${kind}' AND subject = ? AND week >= ?)`,
            params: [subject, recent.week],
          }
        : await subjectFilter(db, kind, subject, o.since);
    where.push(f.sql);
    params.push(...f.params);
  }
  return { where, params };
}

export async function countEvents(db: Db): Promise<number> {
  return one<number>(db, "SELECT COUNT(*) FROM events WHERE title <> ''");
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
      s.author AS source_author, s.kind AS source_kind, s.tier, x.kind, x.summary, x.topics, x.entities
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
    summary: r['summary'] as string | null,
    topics: JSON.parse((r['topics'] as string) ?? '[]'),
    entities: JSON.parse((r['entities'] as string) ?? '[]'),
  }));
}

/** What a refresh computes for an event: its row, and each member's role. */
export type EventFields = Omit<EventRow, 'id'> & { roles: Map<number, Role> };

/**
 * What the store holds of the event before a refresh, where the caller read it: what did
 * not change is not written. The full-text index is rewritten (by trigger) whenever the
 * title or summary is set, even to the same text; a member's role mostly stays.
 */
export interface EventBefore {
  title: string;
  summary: string;
  roles: ReadonlyMap<number, Role>;
}

export async function saveEventFields(db: Db, id: string, f: EventFields, before?: EventBefore): Promise<void> {
  const text = !before || before.title !== f.title || before.summary !== f.summary;
  await db.run(
    `UPDATE events SET ${text ? 'title = ?, summary = ?, ' : ''}significance = ?, factors = ?, ` +
      `primary_article_id = ?, first_seen = ?, last_updated = ?, kind = ?,
      topics = ?, entities = ?, source_count = ?, article_count = ? WHERE id = ?`,
    [
      ...(text ? [f.title, f.summary] : []),
      f.significance,
      JSON.stringify(f.factors),
      f.primaryArticleId,
      f.firstSeen,
      f.lastUpdated,
      f.kind,
      JSON.stringify(f.topics),
      JSON.stringify(f.entities),
      f.sourceCount,
      f.articleCount,
      id,
    ],
  );
  const roles = [...f.roles].filter(([articleId, role]) => before?.roles.get(articleId) !== role);
  if (!roles.length) return;
  await db.run(
    `UPDATE event_articles SET role = (SELECT r.role FROM (${rowsParam(db, [
      ['article_id', 'int'],
      ['role', 'text'],
    ])}) AS r WHERE r.article_id = event_articles.article_id)
    WHERE event_id = ? AND article_id IN (${listParam(db, 'int')})`,
    [
      JSON.stringify(roles.map(([article_id, role]) => ({ article_id, role }))),
      id,
      JSON.stringify(roles.map(([articleId]) => articleId)),
    ],
  );
}

export interface Relation {
  id: string;
  similarity: number;
}

export async function relatedEvents(db: Db, id: string, limit = 8): Promise<Array<EventRow & { similarity: number }>> {
  const rows = await db.all<Raw & { similarity: number }>(
    `SELECT e.*, r.similarity FROM event_relations r JOIN events e ON e.id = r.related_id WHERE r.event_id = ? ORDER BY r.similarity DESC, e.id LIMIT ?`,
    [id, limit],
  );
  return rows.map((r) => ({ ...fromRow(r), similarity: r.similarity }));
}

/**
 * Replace an event's related list; keep the other side's list in step (symmetric, capped):
 * three statements however many relations, so the cost on PostgreSQL is not a round trip each.
 * Only what changed is written: an event related anew mostly keeps its related events, and a
 * row deleted and inserted again dirties the pages of both its indexes, where a similarity
 * that moved dirties only the row's.
 */
export async function saveRelations(db: Db, id: string, rels: Relation[], cap = 8): Promise<void> {
  const kept = rels.slice(0, cap);
  await db.run(`DELETE FROM event_relations WHERE event_id = ? AND related_id NOT IN (${listParam(db, 'text')})`, [
    id,
    JSON.stringify(kept.map((r) => r.id)),
  ]);
  if (!kept.length) return;
  const rows = kept.flatMap((r) => [
    { a: id, b: r.id, s: r.similarity },
    { a: r.id, b: id, s: r.similarity },
  ]);
  await db.run(
    `INSERT INTO event_relations (event_id, related_id, similarity) SELECT a, b, s FROM (${rowsParam(db, [
      ['a', 'text'],
      ['b', 'text'],
      ['s', 'real'],
    ])}) AS r WHERE true
    ON CONFLICT(event_id, related_id) DO UPDATE SET similarity = excluded.similarity WHERE event_relations.similarity <> excluded.similarity`,
    [JSON.stringify(rows)],
  );
  // Trim each other side back to its best `cap` (ties broken by id, as reads order them):
  // each list ranked once, not a count per row.
  await db.run(
    `DELETE FROM event_relations WHERE (event_id, related_id) IN (
      SELECT event_id, related_id FROM (SELECT event_id, related_id, ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY similarity DESC, related_id) AS pos
        FROM event_relations WHERE event_id IN (${listParam(db, 'text')})) AS ranked WHERE pos > ?)`,
    [JSON.stringify(kept.map((r) => r.id)), cap],
  );
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
