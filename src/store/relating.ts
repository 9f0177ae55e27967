import type { Db } from './db.js';
import { eventFromRow, type EventRow, type RawEvent } from './event-rows.js';
import { column, listParam, rowsParam } from './sql/query.js';

/**
 * Relating's statements: what it reads (events marked pending, each subject's recent events,
 * candidate rows, centroids) and writes (related lists, the significance found). What to read
 * and how to score it is the domain's (src/relate/).
 */

export interface Relation {
  id: string;
  similarity: number;
}

export async function relatedEvents(db: Db, id: string, limit = 8): Promise<Array<EventRow & { similarity: number }>> {
  const rows = await db.all<RawEvent & { similarity: number }>(
    `SELECT e.*, r.similarity FROM event_relations r JOIN events e ON e.id = r.related_id WHERE r.event_id = ? ORDER BY r.similarity DESC, e.id LIMIT ?`,
    [id, limit],
  );
  return rows.map((r) => ({ ...eventFromRow(r), similarity: r.similarity }));
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

/** Are any events waiting to be related (events.relate_pending)? */
export async function anyRelatePending(db: Db): Promise<boolean> {
  return !!(await db.get('SELECT 1 FROM events WHERE relate_pending = 1 LIMIT 1'));
}

/** What relating reads of an event marked pending. */
export interface PendingEventRow {
  id: string;
  relate_key: string | null;
  kind: string | null;
  /** The voices of its members (bits; 0 for none known). */
  voices: number;
  topics: string;
  entities: string;
  first_seen: string;
  last_updated: string;
}

/** Every event marked pending, in no set order. */
export async function pendingEventRows(db: Db): Promise<PendingEventRow[]> {
  return await db.all<PendingEventRow>(
    'SELECT id, relate_key, kind, voices, topics, entities, first_seen, last_updated FROM events WHERE relate_pending = 1',
  );
}

/** What writing an event's relating reads of it first (is it still marked, and with which key?). */
export interface RelatingTargetRow {
  title: string;
  factors: string;
  first_seen: string;
  last_updated: string;
  topics: string;
  entities: string;
  relate_pending: number;
  relate_key: string | null;
}

export async function relatingTarget(db: Db, id: string): Promise<RelatingTargetRow | undefined> {
  return await db.get<RelatingTargetRow>(
    'SELECT title, factors, first_seen, last_updated, topics, entities, relate_pending, relate_key FROM events WHERE id = ?',
    [id],
  );
}

/** Which of these events still exist. */
export async function existingEventIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  return new Set(
    ids.length
      ? await column<string>(db, `SELECT id FROM events WHERE id IN (${listParam(db, 'text')})`, [JSON.stringify(ids)])
      : [],
  );
}

/** An event's significance with its novelty found, and its mark cleared. */
export async function saveRelatedSignificance(db: Db, id: string, score: number, factors: string): Promise<void> {
  await db.run('UPDATE events SET significance = ?, factors = ?, relate_pending = 0 WHERE id = ?', [
    score,
    factors,
    id,
  ]);
}

/** One subject's events with the week each shares it in, as read from the store. */
export interface SubjectList {
  ids: string[];
  weeks: number[];
}

/**
 * The compact list one SQL row carries ("week id" pairs joined by `separator`, as produced by
 * group_concat): no JSON and no array for each pair. Null (a subject no event has) is empty.
 */
export function parseSubjectList(list: string | null, separator: string): SubjectList {
  const out: SubjectList = { ids: [], weeks: [] };
  if (!list) return out;
  let at = 0;
  while (at < list.length) {
    let end = list.indexOf(separator, at);
    if (end < 0) end = list.length;
    const space = list.indexOf(' ', at);
    if (space < 0 || space > end) throw new Error(`a subject's event list is malformed near "${list.slice(at, end)}"`);
    out.ids.push(list.slice(space + 1, end));
    out.weeks.push(Number(list.slice(at, space)));
    at = end + separator.length;
  }
  return out;
}

/**
 * Each subject's latest `perSubject` events from `week` on, in the order asked. Per subject, the
 * reads walk the table's order backwards (on SQLite a subquery per subject: a join over the
 * list lets its planner scan the whole table); within a week, the cut keeps the highest ids in
 * byte order, on both stores the same (on SQLite the table's own order, so no sort).
 */
export async function subjectEventLists(
  db: Db,
  subjects: ReadonlyArray<readonly [string, string]>,
  week: number,
  perSubject: number,
): Promise<SubjectList[]> {
  if (!Number.isInteger(perSubject) || perSubject < 1)
    throw new Error(`relating: events per subject must be a positive integer (got ${perSubject})`);
  const read = subjects.map((): SubjectList => ({ ids: [], weeks: [] }));
  if (!subjects.length) return read;
  if (db.dialect === 'sqlite') {
    // One row per subject, its events as "week id" pairs in one string: thousands of pairs
    // a refresh, and a string is read far faster than JSON arrays or a row for each.
    const rows = await db.all<{ at: number; ids: string | null }>(
      `SELECT s.key AS at, (SELECT group_concat(week || ' ' || event_id, char(30)) FROM (SELECT event_id, week FROM event_subjects
          WHERE kind = json_extract(s.value, '$[0]') AND subject = json_extract(s.value, '$[1]') ` +
        `AND week >= ? ORDER BY week DESC, event_id DESC LIMIT ${perSubject})) AS ids
        FROM json_each(?) AS s`,
      [week, JSON.stringify(subjects)],
    );
    for (const r of rows) read[Number(r.at)] = parseSubjectList(r.ids, '\u001e');
  } else {
    for (const r of await db.all<{ at: number; event_id: string; week: number }>(
      `SELECT s.at, h.event_id, h.week FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS s(value, at)
        CROSS JOIN LATERAL (SELECT event_id, week FROM event_subjects WHERE kind = s.value->>0 ` +
        `AND subject = s.value->>1 AND week >= ? ORDER BY week DESC, event_id COLLATE "C" DESC ` +
        `LIMIT ${perSubject}) AS h`,
      [JSON.stringify(subjects), week],
    )) {
      const list = read[Number(r.at) - 1]!;
      list.ids.push(r.event_id);
      list.weeks.push(Number(r.week));
    }
  }
  return read;
}

/** A stored centroid's version: its event's size, with its norm and latest time (none where the event has no centroid). */
export type CentroidVersion = { id: string; size: number | null; norm2: number | null; last_seen: string | null };

/** What relating reads of a candidate event, with its centroid's version. */
export type CandidateRow = CentroidVersion & {
  titled: number;
  last_updated: string;
  kind: string | null;
  /** The voices of its members (bits; 0 for none known). */
  voices: number;
  topics: string;
  entities: string;
  first_seen: string;
};

/** Candidate events by id, with their centroids' versions (not the centroids: see centroidTexts). */
export async function candidateRows(db: Db, ids: readonly string[]): Promise<CandidateRow[]> {
  return await db.all<CandidateRow>(
    `SELECT e.id, CASE WHEN e.title = '' THEN 0 ELSE 1 END AS titled, e.last_updated, e.kind, e.voices, ` +
      `e.topics, e.entities, e.first_seen, v.size, v.norm2, v.last_seen
      FROM events e LEFT JOIN event_vectors v ON v.event_id = e.id WHERE e.id IN (${listParam(db, 'text')})`,
    [JSON.stringify(ids)],
  );
}

/** An event's centroid version, if it has a centroid. */
export async function centroidVersions(db: Db, id: string): Promise<CentroidVersion[]> {
  return await db.all<CentroidVersion>(
    'SELECT event_id AS id, size, norm2, last_seen FROM event_vectors WHERE event_id = ?',
    [id],
  );
}

/**
 * Centroids as stored, with their versions read again beside the text: a writer on another
 * connection may have moved a centroid since its version was read.
 */
export async function centroidTexts(
  db: Db,
  ids: readonly string[],
): Promise<Array<{ event_id: string; centroid: string; size: number; norm2: number; last_seen: string }>> {
  return await db.all<{ event_id: string; centroid: string; size: number; norm2: number; last_seen: string }>(
    `SELECT event_id, size, norm2, last_seen, centroid FROM event_vectors WHERE event_id IN (${listParam(db, 'text')})`,
    [JSON.stringify(ids)],
  );
}
