import type { SqlValue } from './sql/client.js';

/** The parts of an events list's filters that every form of its read shares (events.ts, event-list-postgres.ts). */

/** The filters on an event's own columns, as conditions on `events` and their values. */
export function columnFilters(o: {
  minSignificance?: number | undefined;
  since?: string | undefined;
  until?: string | undefined;
  kind?: string | undefined;
}): { where: string[]; params: SqlValue[] } {
  const where = ["title <> ''"];
  const params: SqlValue[] = [];
  if (o.minSignificance) where.push('significance >= ?'), params.push(o.minSignificance);
  if (o.since) where.push('last_updated >= ?'), params.push(o.since);
  if (o.until) where.push('last_updated < ?'), params.push(o.until);
  if (o.kind) where.push('kind = ?'), params.push(o.kind);
  return { where, params };
}

/**
 * That the event (`events`) has an article from the source, or has the topic or entity: one
 * index probe an event, the cheap test when few events are tested.
 */
export function memberTest(kind: 'topic' | 'entity' | 'source', value: string): { sql: string; params: SqlValue[] } {
  return {
    sql:
      kind === 'source'
        ? 'EXISTS (SELECT 1 FROM event_sources es WHERE es.event_id = events.id AND es.source_id = ?)'
        : `EXISTS (SELECT 1 FROM event_subjects es WHERE es.kind = '${kind}' AND es.subject = ? AND es.event_id = events.id)`,
    params: [value],
  };
}
