import type { Db } from './db.js';
import { columnFilters, memberTest } from './event-filters.js';
import type { EventListOptions } from './events.js';
import { type WeekSpan, weekOf } from './recent-weeks.js';
import { PLANNED_ONCE } from './sql/planned-once.js';

/** The subject (topic or entity) or source whose events a newest-first list reads. */
export type ListSubject = readonly ['topic' | 'entity' | 'source', string];

/** Where each kind of subject keeps its events by week (migrations 007, 032), and the condition naming one. */
const MEMBERS = {
  topic: { table: 'event_subjects', key: "m.kind = 'topic' AND m.subject = ?" },
  entity: { table: 'event_subjects', key: "m.kind = 'entity' AND m.subject = ?" },
  source: { table: 'event_sources', key: 'm.source_id = ?' },
} as const;

/**
 * A newest-first page of a subject's events on PostgreSQL (events.ts's listRows), in one
 * statement with one plan for every value, planned once (PLANNED_ONCE): a plan made for each
 * feed's values cost as much as running it. The subject's rows are walked newest week first
 * and each event is read by key (the LATERAL subquery, kept apart by OFFSET 0, so no plan can
 * start from the events instead), and the weeks are sorted one at a time (an incremental sort)
 * until the page is full: events of a newer week were all updated later (the week is the last
 * update's), so the order is the list's. SQLite reads the subject's newest weeks by their
 * counts instead (recent-weeks.ts); the rows are the same.
 */
export function readNewestOfSubject<R>(
  db: Db,
  o: EventListOptions,
  subject: ListSubject,
  columns: string,
  join: string,
  span?: WeekSpan,
): Promise<R[]> {
  const { where, params } = columnFilters(o);
  // The other subjects and source, if any, are tested on each event read.
  for (const [kind, value] of [
    ['source', o.source],
    ['entity', o.entity],
    ['topic', o.topic],
  ] as const) {
    if (!value || kind === subject[0]) continue;
    const f = memberTest(kind, value);
    where.push(f.sql);
    params.push(...f.params);
  }
  const members = MEMBERS[subject[0]];
  if (!Number.isInteger(o.limit) || o.limit < 1) throw new Error(`readNewestOfSubject: a limit of ${o.limit}`);
  // The page's size is written in (a few sizes, each a statement of its own): a plan for any
  // LIMIT guesses a tenth of the subject's rows, where scanning every event may look cheaper
  // than reading the page's rows by key.
  const sql =
    `${PLANNED_ONCE}SELECT ${columns} FROM (SELECT ev.id FROM ${members.table} m CROSS JOIN LATERAL (` +
    `SELECT id, last_updated, significance FROM events WHERE id = m.event_id AND ${where.join(' AND ')} OFFSET 0) ev ` +
    `WHERE ${members.key} AND m.week >= ? ${span ? 'AND m.week <= ? ' : ''}` +
    `ORDER BY m.week DESC, ev.last_updated DESC, ev.significance DESC, ev.id LIMIT ${o.limit} OFFSET ?) page ` +
    `JOIN events e ON e.id = page.id ${join} ORDER BY e.last_updated DESC, e.significance DESC, e.id`;
  // With a span (the subject alone, events.ts), only the page's weeks, after the rows of newer ones.
  if (span) return db.all<R>(sql, [...params, subject[1], span.from, span.to, (o.offset ?? 0) - span.before]);
  const fromWeek = o.since ? weekOf(o.since) : 0;
  return db.all<R>(sql, [...params, subject[1], fromWeek, o.offset ?? 0]);
}
