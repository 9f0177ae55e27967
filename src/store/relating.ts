import type { Db } from './db.js';
import { eventFromRow, type EventRow, type RawEvent } from './event-rows.js';
import { listParam, rowsParam } from './sql/query.js';

/** Relating's statements: the related lists of events (the domain that fills them is src/relate/). */

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
