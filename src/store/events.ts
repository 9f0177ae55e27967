import type { Db } from './db.js';
import { HeldRows } from './held-rows.js';
import { ParsedCache } from './parsed-cache.js';
import { norm, SparseVector } from '../events/vector.js';
import { storedSubjects, type RelateSubjects } from '../events/related.js';
import { listParam, one, rowsParam, value } from './sql/query.js';
import { bestShared, compareShared, parseSubjectList, SharedCounter, type SubjectList } from '../events/shared-subjects.js';
import type { SqlValue } from './sql/client.js';

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
  id: string; title: string; summary: string; significance: number; factors: string; primary_article_id: number | null;
  first_seen: string; last_updated: string; kind: string | null; topics: string; entities: string; source_count: number; article_count: number;
}

function fromRow(r: Raw): EventRow {
  return {
    id: r.id, title: r.title, summary: r.summary, significance: r.significance, factors: JSON.parse(r.factors || '{}'), primaryArticleId: r.primary_article_id,
    firstSeen: r.first_seen, lastUpdated: r.last_updated, kind: r.kind, topics: JSON.parse(r.topics), entities: JSON.parse(r.entities),
    sourceCount: r.source_count, articleCount: r.article_count,
  };
}

/** Put an article in an event (creating a bare event row the refresh fills in). */
export async function addToEvent(db: Db, eventId: string, articleId: number, at: string): Promise<void> {
  await db.run(`INSERT INTO events (id, title, first_seen, last_updated) VALUES (?, '', ?, ?) ON CONFLICT(id) DO NOTHING`, [eventId, at, at]);
  await db.run(`INSERT INTO event_articles (event_id, article_id, role) VALUES (?, ?, 'coverage')
    ON CONFLICT(article_id) DO UPDATE SET event_id = excluded.event_id`, [eventId, articleId]);
}

/** Move every article of `from` into `into`; `from` lives on as a redirect. */
export async function mergeEvents(db: Db, from: string, into: string): Promise<void> {
  await db.run('UPDATE event_articles SET event_id = ? WHERE event_id = ?', [into, from]);
  await db.run('DELETE FROM events WHERE id = ?', [from]);
  await db.run('UPDATE event_redirects SET to_id = ? WHERE to_id = ?', [into, from]);
  await db.run('INSERT INTO event_redirects (from_id, to_id) VALUES (?, ?) ON CONFLICT(from_id) DO UPDATE SET to_id = excluded.to_id', [from, into]);
}

export async function eventOfArticle(db: Db, articleId: number): Promise<string | undefined> {
  return await value<string>(db, 'SELECT event_id FROM event_articles WHERE article_id = ?', [articleId]);
}

export async function resolveEventId(db: Db, id: string): Promise<string> {
  return (await value<string>(db, 'SELECT to_id FROM event_redirects WHERE from_id = ?', [id])) ?? id;
}

export async function getEvent(db: Db, id: string): Promise<EventRow | undefined> {
  const r = await db.get<Raw>('SELECT * FROM events WHERE id = ?', [(await resolveEventId(db, id))]);
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
  const { where, params } = await eventFilters(db, o);
  const order = o.sort === 'significance' ? 'significance DESC, last_updated DESC' : 'last_updated DESC, significance DESC';
  const rows = await db.all<Raw>(`SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY ${order}, id LIMIT ? OFFSET ?`, [...params, o.limit, o.offset ?? 0]);
  return rows.map(fromRow);
}

/** Counting stops here: past it, pages say "1,000+" (an exact count of a big store reads every event). */
export const COUNT_CAP = 1000;

/** How many events match, exactly up to COUNT_CAP; COUNT_CAP + 1 means "more". */
export async function countEventsWhere(db: Db, o: Omit<EventListOptions, 'limit'>): Promise<number> {
  const { where, params } = await eventFilters(db, o);
  return (await value<number>(db, `SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE ${where.join(' AND ')} LIMIT ${COUNT_CAP + 1}) AS capped`, params)) ?? 0;
}

/** Above this many events, a subject filter walks the ordered index and tests membership; below, it reads the subject's events. */
const SMALL_SUBJECT = 5000;

/**
 * A topic or entity filter in the form that is cheap for its size: a busy subject (say a
 * fifth of all events) is met within a few rows of the ordered index walk, so each row is
 * tested by primary key; a rare one would make that walk read the whole store, so its few
 * events are read through the subject index instead and sorted.
 */
async function subjectFilter(db: Db, kind: 'topic' | 'entity', subject: string, since: string | undefined): Promise<{ sql: string; params: SqlValue[] }> {
  // With a time range, only the subject's events of those weeks count (each row knows its week, see 007).
  const week = since ? Math.floor(Date.parse(since) / 1000 / 604_800) : 0;
  const size = (await value<number | null>(db, 'SELECT SUM(events) FROM subject_weeks WHERE kind = ? AND subject = ? AND week >= ?', [kind, subject, week])) ?? 0;
  return size > SMALL_SUBJECT
    ? { sql: `EXISTS (SELECT 1 FROM event_subjects es WHERE es.kind = '${kind}' AND es.subject = ? AND es.event_id = events.id)`, params: [subject] }
    : { sql: `id IN (SELECT event_id FROM event_subjects WHERE kind = '${kind}' AND subject = ? AND week >= ?)`, params: [subject, week] };
}

async function eventFilters(db: Db, o: Omit<EventListOptions, 'limit'>): Promise<{ where: string[]; params: SqlValue[] }> {
  const where = ["title <> ''"];
  const params: SqlValue[] = [];
  if (o.minSignificance) (where.push('significance >= ?'), params.push(o.minSignificance));
  if (o.since) (where.push('last_updated >= ?'), params.push(o.since));
  if (o.until) (where.push('last_updated < ?'), params.push(o.until));
  if (o.kind) (where.push('kind = ?'), params.push(o.kind));
  if (o.source) (where.push('EXISTS (SELECT 1 FROM event_articles ea JOIN articles a ON a.id = ea.article_id WHERE ea.event_id = events.id AND a.source_id = ?)'), params.push(o.source));
  for (const [kind, subject] of [['entity', o.entity], ['topic', o.topic]] as const) {
    if (!subject) continue;
    const f = await subjectFilter(db, kind, subject, o.since);
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
  const rows = await db.all(`SELECT ea.article_id, ea.role, a.title, a.url, a.author, a.published_at, a.fetched_at,
      CASE WHEN x.summary IS NULL OR x.summary = '' THEN substr(a.text, 1, ${MEMBER_TEXT_CHARS}) ELSE '' END AS text, s.id AS source_id, s.name AS source_name,
      s.author AS source_author, s.kind AS source_kind, s.tier, x.kind, x.summary, x.topics, x.entities
    FROM event_articles ea JOIN articles a ON a.id = ea.article_id JOIN sources s ON s.id = a.source_id LEFT JOIN extractions x ON x.article_id = a.id
    WHERE ea.event_id = ? ORDER BY COALESCE(a.published_at, a.fetched_at), a.id`, [eventId]);
  return rows.map((r) => ({
    articleId: r['article_id'] as number, role: r['role'] as Role, title: r['title'] as string, url: r['url'] as string | null, author: r['author'] as string | null,
    publishedAt: r['published_at'] as string | null, fetchedAt: r['fetched_at'] as string, text: r['text'] as string, sourceId: r['source_id'] as string,
    sourceName: r['source_name'] as string, sourceAuthor: r['source_author'] as string | null, sourceKind: r['source_kind'] as string, tier: r['tier'] as number,
    kind: r['kind'] as string | null, summary: r['summary'] as string | null, topics: JSON.parse((r['topics'] as string) ?? '[]'), entities: JSON.parse((r['entities'] as string) ?? '[]'),
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
  await db.run(`UPDATE events SET ${text ? 'title = ?, summary = ?, ' : ''}significance = ?, factors = ?, primary_article_id = ?, first_seen = ?, last_updated = ?, kind = ?,
      topics = ?, entities = ?, source_count = ?, article_count = ? WHERE id = ?`,
    [...(text ? [f.title, f.summary] : []), f.significance, JSON.stringify(f.factors), f.primaryArticleId, f.firstSeen, f.lastUpdated, f.kind, JSON.stringify(f.topics), JSON.stringify(f.entities), f.sourceCount, f.articleCount, id]);
  const roles = [...f.roles].filter(([articleId, role]) => before?.roles.get(articleId) !== role);
  if (!roles.length) return;
  await db.run(`UPDATE event_articles SET role = (SELECT r.role FROM (${rowsParam(db, [['article_id', 'int'], ['role', 'text']])}) AS r WHERE r.article_id = event_articles.article_id)
    WHERE event_id = ? AND article_id IN (${listParam(db, 'int')})`, [JSON.stringify(roles.map(([article_id, role]) => ({ article_id, role }))), id, JSON.stringify(roles.map(([articleId]) => articleId))]);
}

export interface Relation {
  id: string;
  similarity: number;
}

export async function relatedEvents(db: Db, id: string, limit = 8): Promise<Array<EventRow&{ similarity: number }>> {
  const rows = await db.all<Raw & { similarity: number }>(`SELECT e.*, r.similarity FROM event_relations r JOIN events e ON e.id = r.related_id WHERE r.event_id = ? ORDER BY r.similarity DESC, e.id LIMIT ?`, [id, limit]);
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
  await db.run(`DELETE FROM event_relations WHERE event_id = ? AND related_id NOT IN (${listParam(db, 'text')})`, [id, JSON.stringify(kept.map((r) => r.id))]);
  if (!kept.length) return;
  const rows = kept.flatMap((r) => [{ a: id, b: r.id, s: r.similarity }, { a: r.id, b: id, s: r.similarity }]);
  await db.run(`INSERT INTO event_relations (event_id, related_id, similarity) SELECT a, b, s FROM (${rowsParam(db, [['a', 'text'], ['b', 'text'], ['s', 'real']])}) AS r WHERE true
    ON CONFLICT(event_id, related_id) DO UPDATE SET similarity = excluded.similarity WHERE event_relations.similarity <> excluded.similarity`, [JSON.stringify(rows)]);
  // Trim each other side back to its best `cap` (ties broken by id, as reads order them):
  // each list ranked once, not a count per row.
  await db.run(`DELETE FROM event_relations WHERE (event_id, related_id) IN (
      SELECT event_id, related_id FROM (SELECT event_id, related_id, ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY similarity DESC, related_id) AS pos
        FROM event_relations WHERE event_id IN (${listParam(db, 'text')})) AS ranked WHERE pos > ?)`,
    [JSON.stringify(kept.map((r) => r.id)), cap]);
}

/** What relating needs of a candidate event. */
export interface RelateCandidate {
  id: string;
  subjects: RelateSubjects;
  /** The event's kind (news, op-ed, …). */
  kind: string | null;
  firstSeen: string;
  centroid: SparseVector | undefined;
  /** The centroid's length when it was taken from memory (else relating works it out). */
  centroidNorm?: number;
}

/** Event centroids the caller holds in memory (the live clusterer's), by event id. */
export type CentroidSource = (eventId: string) => SparseVector | undefined;

/**
 * Events that share a topic or an entity with the given ones, updated since a time, with
 * their centroids: those sharing the most subjects first, then the newest. Read per
 * subject in (kind, subject, week) order (on SQLite the table's own order, migration 018; on
 * PostgreSQL the event_subjects_recent index), so the cost follows how many recent events share
 * a subject, not how many events are recent; and only `limit` of them are parsed and scored.
 */
/** How widely each entity of a relating is named: by how many events in the window, out of how many met. */
export interface EntitySpread {
  named: Map<string, number>;
  population: number;
}

export async function eventsSharing(db: Db, topics: string[], entities: string[], since: string, exclude: string, limit = 60, known?: CentroidSource, reads?: SnapshotReads, spread?: EntitySpread): Promise<RelateCandidate[]> {
  const week = Math.floor(Date.parse(since) / 1000 / 604_800);
  // Each subject contributes its latest PER_SUBJECT events at most (subjectLists), so a
  // subject shared by thousands of events costs no more than a rare one; and only the `limit`
  // sharing the most (see below) are looked up. The counting is done here.
  const counter = new SharedCounter(exclude);
  const wanted: Array<[string, string]> = [...topics.map((t): [string, string] => ['topic', t]), ...entities.map((e): [string, string] => ['entity', e])];
  const lists = await subjectLists(db, wanted, week, reads?.lists);
  for (const list of lists) counter.addSubject(list);
  if (spread) {
    // Each list holds a subject's latest PER_SUBJECT events at most: a name that busy counts as that many.
    entities.forEach((e, i) => spread.named.set(e, lists[topics.length + i]!.ids.length));
    spread.population = counter.all.length + 1;
  }
  // The chosen are the best `limit` by shared subjects, then by the latest week they share,
  // then the newest event (see compareShared): all known before any event row is read, so
  // only as many rows are read as can be chosen (more only when some of them are left out:
  // untitled, or not updated within the window; then in the order of all of them).
  const all = counter.all;
  if (!all.length) return [];
  let order = bestShared(all, limit);
  // With each event, its centroid's version (the text is read only where it is not held parsed).
  // Untitled events and those not updated within the window are left out here rather than in
  // the SQL, so that a row read for one event of a relating job serves the others (`reads`).
  const chosen: Candidate[] = [];
  const byId = reads?.rows ?? new Map<string, Candidate | null>();
  const cache = parsedOf(db);
  for (let at = 0; at < order.length && chosen.length < limit; ) {
    const ids = order.slice(at, at + limit - chosen.length).map((e) => e.id);
    at += ids.length;
    const unread: string[] = [];
    for (const id of ids) {
      if (byId.has(id)) continue;
      const held = reads?.held?.get(id);
      if (held) byId.set(id, held);
      else unread.push(id);
    }
    if (unread.length) {
      const rows = await db.all<CandidateRow>(`SELECT e.id, CASE WHEN e.title = '' THEN 0 ELSE 1 END AS titled, e.last_updated, e.kind, e.topics, e.entities, e.first_seen, v.size, v.norm2, v.last_seen
          FROM events e LEFT JOIN event_vectors v ON v.event_id = e.id WHERE e.id IN (${listParam(db, 'text')})`, [JSON.stringify(unread)]);
      for (const id of unread) byId.set(id, null); // gone since its subjects were read
      for (const raw of rows) {
        // Parsed once, as read (a row held from job to job is not parsed again, nor the
        // subjects of a row read again with the same ones). The stored text is not kept.
        const r: Candidate = {
          id: raw.id, titled: raw.titled, last_updated: raw.last_updated, kind: raw.kind, first_seen: raw.first_seen, size: raw.size, norm2: raw.norm2, last_seen: raw.last_seen,
          subjects: cache.subjects.get(raw.id, `${raw.topics}\u0000${raw.entities}`),
        };
        byId.set(r.id, r);
        reads?.held?.set(r.id, r);
      }
    }
    for (const id of ids) {
      const r = byId.get(id);
      if (r && Number(r.titled) === 1 && r.last_updated >= since) chosen.push(r);
    }
    if (at === order.length && order.length < all.length) order = all.sort(compareShared);
  }
  // Centroids from memory where the caller has them (the live clusterer's); the rest from the store.
  const inMemory = new Map<string, SparseVector>();
  for (const r of chosen) {
    const c = known?.(r.id);
    if (c) inMemory.set(r.id, c);
  }
  const stored = await storedCentroids(db, chosen.filter((r) => !inMemory.has(r.id)));
  return chosen.map((r) => {
    const live = inMemory.get(r.id);
    return {
      id: r.id, subjects: r.subjects, kind: r.kind, firstSeen: r.first_seen,
      // A centroid in memory changes as its event grows: its length is taken now, not cached.
      centroid: live ?? stored.get(r.id), ...(live ? { centroidNorm: norm(live) } : {}),
    };
  });
}

const PER_SUBJECT = 200;

/** A subject's list as read for one week onwards: its key among a job's reads. */
const listKey = (week: number, [kind, subject]: readonly [string, string]) => `${week}\u001f${kind}\u001f${subject}`;

/**
 * Each subject's latest PER_SUBJECT events from `week` on, in the order asked. Per subject, the
 * reads walk the table's order backwards (on SQLite a subquery per subject: a join over the
 * list lets its planner scan the whole table); within a week, the cut keeps the highest ids in
 * byte order, on both stores the same (on SQLite the table's own order, so no sort). With
 * `held` (one relating job's lists: the store cannot change under the job), a list read for
 * one event serves the job's other events: a topic or a busy entity is shared by many of them.
 */
async function subjectLists(db: Db, subjects: ReadonlyArray<readonly [string, string]>, week: number, held?: Map<string, SubjectList>): Promise<SubjectList[]> {
  const out: Array<SubjectList | undefined> = subjects.map((s) => held?.get(listKey(week, s)));
  const unread = subjects.filter((_, i) => !out[i]);
  if (unread.length) {
    const read = unread.map((): SubjectList => ({ ids: [], weeks: [] }));
    if (db.dialect === 'sqlite') {
      // One row per subject, its events as "week id" pairs in one string: thousands of pairs
      // a refresh, and a string is read far faster than JSON arrays or a row for each.
      const rows = await db.all<{ at: number; ids: string | null }>(`SELECT s.key AS at, (SELECT group_concat(week || ' ' || event_id, char(30)) FROM (SELECT event_id, week FROM event_subjects
            WHERE kind = json_extract(s.value, '$[0]') AND subject = json_extract(s.value, '$[1]') AND week >= ? ORDER BY week DESC, event_id DESC LIMIT ${PER_SUBJECT})) AS ids
          FROM json_each(?) AS s`, [week, JSON.stringify(unread)]);
      for (const r of rows) read[Number(r.at)] = parseSubjectList(r.ids, '\u001e');
    } else {
      for (const r of await db.all<{ at: number; event_id: string; week: number }>(`SELECT s.at, h.event_id, h.week FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS s(value, at)
          CROSS JOIN LATERAL (SELECT event_id, week FROM event_subjects WHERE kind = s.value->>0 AND subject = s.value->>1 AND week >= ? ORDER BY week DESC, event_id COLLATE "C" DESC LIMIT ${PER_SUBJECT}) AS h`,
          [JSON.stringify(unread), week])) {
        const list = read[Number(r.at) - 1]!;
        list.ids.push(r.event_id);
        list.weeks.push(Number(r.week));
      }
    }
    let next = 0;
    for (let i = 0; i < out.length; i++) {
      if (out[i]) continue;
      const list = read[next++]!;
      out[i] = list;
      held?.set(listKey(week, subjects[i]!), list);
    }
  }
  return out as SubjectList[];
}

const parsedCaches = new WeakMap<Db, { centroids: ParsedCache<SparseVector>; subjects: ParsedCache<RelateSubjects> }>();
function parsedOf(db: Db) {
  let c = parsedCaches.get(db.root);
  if (!c) {
    c = {
      // Most of the events related from the store (those idle for longer than the live
      // clusterer keeps them). At 1M articles a round of relating meets about 44,000 distinct
      // centroids in 345,000 lookups, and its events come back after more than 20,000 others
      // (the least recently used go first): holding 20,000, it parsed 73,000 a round anew;
      // holding 40,000, 29,000; the floor (centroids at a version not met before) is 18,000
      // (a trace of two rounds, by a patch not kept, replayed for each size). Each entry is a
      // parsed vector (12 bytes a term, about 170 terms): 40,000 cost about 75 MB of peak RSS
      // more than 20,000, and 60,000 about 60 MB more again, nearer the goal of under 1 GB
      // than their gain is large (README, "Relating holds more centroids").
      centroids: new ParsedCache((s) => SparseVector.parse(s), 40_000),
      // An event's topics and entities, as one text: its two JSON columns joined by a NUL
      // (which JSON text cannot hold unescaped).
      subjects: new ParsedCache((s) => {
        const at = s.indexOf('\u0000');
        return storedSubjects(s.slice(0, at), s.slice(at + 1));
      }, 10_000),
    };
    parsedCaches.set(db.root, c);
  }
  return c;
}

export async function eventCentroid(db: Db, id: string): Promise<SparseVector | undefined> {
  const versions = await db.all<CentroidVersion>('SELECT event_id AS id, size, norm2, last_seen FROM event_vectors WHERE event_id = ?', [id]);
  return (await storedCentroids(db, versions)).get(id);
}

/** A stored centroid's version: its event's size, with its norm and latest time (none where the event has no centroid). */
type CentroidVersion = { id: string; size: number | null; norm2: number | null; last_seen: string | null };

/** What relating reads of a candidate event, with its centroid's version. */
type CandidateRow = CentroidVersion & { titled: number; last_updated: string; kind: string | null; topics: string; entities: string; first_seen: string };
/** A candidate row with its subjects parsed. */
type Candidate = Omit<CandidateRow, 'topics' | 'entities'> & { subjects: RelateSubjects };

/**
 * The candidate rows and subject lists one relating job has read: rows by event id (null: no
 * such event), lists by week and subject. A job relates a hundred or so events in one read
 * transaction, and they share many candidates and subjects: read once, each serves the rest of
 * the job. Only valid while the store cannot change under it, so it is made for one job of the
 * relating thread (a read transaction) and dropped with it.
 * `held`: the rows the jobs before read, synced to this job's view (see HeldRows); a row read
 * now is held for the next jobs too.
 */
export class SnapshotReads {
  readonly rows = new Map<string, Candidate | null>();
  /** Subject lists read (see subjectLists). */
  readonly lists = new Map<string, SubjectList>();
  constructor(readonly held?: HeldCandidates) {}
}

/** Candidate rows the relating thread keeps from job to job. */
export type HeldCandidates = HeldRows<Candidate>;

/**
 * The candidates met most recently (relating meets the recent events again and again).
 * 20,000 against 40,000, two rounds from 200k: the relating thread read
 * 3.43 against 3.00 GB for about 55 MB less peak RSS, at the same rate (README, "Relating keeps
 * its rows"); the goal's 1 GB is nearer than that gain is large.
 */
export const heldCandidates = (max = 20_000): HeldCandidates => new HeldRows<Candidate>(max);

/**
 * Stored centroids, parsed, through the cache: every write of a centroid grows its event's
 * size (an article, or a merge), so the size with the norm and latest time is a version of
 * the text (see ParsedCache). Given the versions (read with the events), only the centroids
 * not held at that version are read whole: most are held (relating meets the same recent
 * events again and again), and the text, kilobytes each, was most of what relating read
 * (migration 020 puts the version before it in the row, so reading it leaves the text's
 * pages unread).
 */
async function storedCentroids(db: Db, versions: readonly CentroidVersion[]): Promise<Map<string, SparseVector>> {
  const out = new Map<string, SparseVector>();
  const cache = parsedOf(db).centroids;
  const versionOf = (v: Omit<CentroidVersion, 'id'>) => `${v.size}:${v.norm2}:${v.last_seen}`;
  const unread: string[] = [];
  for (const v of versions) {
    if (v.size === null) continue;
    const held = cache.current(v.id, versionOf(v));
    if (held) out.set(v.id, held);
    else unread.push(v.id);
  }
  if (unread.length) {
    // The version is read again beside the text: a writer on another connection may have
    // moved the centroid since, and a text is kept only under the version it was read with.
    for (const v of await db.all<{ event_id: string; centroid: string; size: number; norm2: number; last_seen: string }>(
      `SELECT event_id, size, norm2, last_seen, centroid FROM event_vectors WHERE event_id IN (${listParam(db, 'text')})`, [JSON.stringify(unread)])) {
      out.set(v.event_id, cache.get(v.event_id, v.centroid, versionOf(v)));
    }
  }
  return out;
}

/** Source name and link of each event's primary article, for event cards. */
export async function primaryInfo(db: Db, articleIds: readonly number[]): Promise<Map<number,{ sourceName: string; sourceAuthor: string|null; url: string|null; sourceId: string }>> {
  const out = new Map<number, { sourceName: string; sourceAuthor: string | null; url: string | null; sourceId: string }>();
  if (!articleIds.length) return out;
  const rows = await db.all<{ id: number; url: string | null; source_id: string; name: string; author: string | null }>(`SELECT a.id, a.url, s.id AS source_id, s.name, s.author FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id IN (${listParam(db, 'int')})`, [JSON.stringify(articleIds)]);
  for (const r of rows) out.set(r.id, { sourceName: r.name, sourceAuthor: r.author, url: r.url, sourceId: r.source_id });
  return out;
}
