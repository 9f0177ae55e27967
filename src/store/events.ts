import type { Db } from './db.js';
// (Imported under the names the list queries have always used, so that they read as before the split.)
import { eventFromRow as fromRow, type EventRow, type RawEvent as Raw } from './event-rows.js';
import { one, value } from './sql/query.js';
import { readTogether } from './sql/read-together.js';
import type { SqlValue } from './sql/client.js';
import { sourceWeekFloor, weekFloorFor, weekOf, weekSpanFor } from './recent-weeks.js';
import { columnFilters, memberTest } from './event-filters.js';
import { type ListSubject, readNewestOfSubject } from './event-list-postgres.js';
import { CARD_COLUMNS, cardFromRow, type EventCardRow, PRIMARY_JOIN, type RawCard } from './event-cards.js';

/** Lists and counts of events, by filters (single events: event-reads.ts; writes: event-writes.ts). */

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
  return (await listRows<Raw>(db, o, 'e.*', '')).map(fromRow);
}

/** Events as lists and feeds show them (event-cards.ts), by the same filters and in the same order as listEvents. */
export async function listEventCards(db: Db, o: EventListOptions): Promise<EventCardRow[]> {
  return (await listRows<RawCard>(db, o, CARD_COLUMNS, PRIMARY_JOIN)).map(cardFromRow);
}

/**
 * The page of events the filters give, as `columns` of `events e` (with `join`). The page's
 * ids are chosen first and its rows read after: sorting the matches by their order's columns
 * alone, instead of every column of every match, was a third of a filtered feed's read. Its
 * reads (the weeks to read, then the page) share one read transaction.
 */
function listRows<R>(db: Db, o: EventListOptions, columns: string, join: string): Promise<R[]> {
  return readTogether(db, (q) => readListRows<R>(q, o, columns, join));
}

async function readListRows<R>(db: Db, o: EventListOptions, columns: string, join: string): Promise<R[]> {
  const keys =
    o.sort === 'significance' ? ['significance DESC', 'last_updated DESC'] : ['last_updated DESC', 'significance DESC'];
  const order = (alias: string) => `${keys.map((k) => alias + k).join(', ')}, ${alias}id`;
  const read = async (recent?: RecentSubject, offset = o.offset ?? 0) => {
    const { where, params } = await eventFilters(db, o, recent);
    return db.all<R>(
      `SELECT ${columns} FROM events e ${join} WHERE e.id IN (` +
        `SELECT id FROM events WHERE ${where.join(' AND ')} ORDER BY ${order('')} LIMIT ? OFFSET ?) ORDER BY ${order('e.')}`,
      [...params, o.limit, offset],
    );
  };
  // Newest first under a topic, entity or source: read only its newest weeks that can fill
  // the page, widened (four times the rows each round) while other filters leave it short.
  // PostgreSQL walks those weeks in one statement planned once (event-list-postgres.ts).
  const subject: ListSubject | undefined =
    o.sort === 'significance'
      ? undefined
      : o.topic
        ? ['topic', o.topic]
        : o.entity
          ? ['entity', o.entity]
          : o.source
            ? ['source', o.source]
            : undefined;
  if (!subject) return await read();
  // A later page of a subject's events alone (a topic's page 40): its newer weeks are skipped by
  // their counts. A first page (a feed) has none to skip, and reads its newest weeks as below.
  const span =
    subject[0] !== 'source' && onlySubject(o) && o.offset
      ? await weekSpanFor(db, subject[0], subject[1], o.offset, o.limit)
      : undefined;
  if (span === 'past-end') return [];
  if (span && db.dialect === 'postgres') return readNewestOfSubject<R>(db, o, subject, columns, join, span);
  if (span)
    return read(
      { kind: subject[0], subject: subject[1], week: span.from, toWeek: span.to },
      (o.offset ?? 0) - span.before,
    );
  if (db.dialect === 'postgres') return readNewestOfSubject<R>(db, o, subject, columns, join);
  const fromWeek = o.since ? weekOf(o.since) : 0;
  for (let need = (o.offset ?? 0) + o.limit; ; need *= 4) {
    const floor =
      subject[0] === 'source'
        ? await sourceWeekFloor(db, subject[1], fromWeek, need)
        : await weekFloorFor(db, subject[0], subject[1], fromWeek, need);
    const rows = await read({ kind: subject[0], subject: subject[1], week: floor.week });
    if (rows.length >= o.limit || floor.all) return rows;
  }
}

/** A subject or source filter bounded to the weeks from `week` on, and up to `toWeek` if given (see listEvents). */
interface RecentSubject {
  kind: 'topic' | 'entity' | 'source';
  subject: string;
  week: number;
  toWeek?: number;
}

/** Whether a list's rows are exactly one topic's or entity's titled events: no other filter leaves any out. */
function onlySubject(o: EventListOptions): boolean {
  return (
    !o.minSignificance &&
    !o.kind &&
    !o.since &&
    !o.until &&
    !o.source &&
    (o.topic === undefined) !== (o.entity === undefined)
  );
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
    ? memberTest(kind, subject)
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
  const { where, params } = columnFilters(o);
  // Events with an article from the source, as event_sources keeps them (migration 032).
  if (o.source && recent?.kind === 'source')
    where.push('id IN (SELECT event_id FROM event_sources WHERE source_id = ? AND week >= ?)'),
      params.push(o.source, recent.week);
  else if (o.source) {
    const f = memberTest('source', o.source);
    where.push(f.sql);
    params.push(...f.params);
  }
  for (const [kind, subject] of [
    ['entity', o.entity],
    ['topic', o.topic],
  ] as const) {
    if (!subject) continue;
    const f =
      recent?.kind === kind
        ? recent.toWeek === undefined
          ? {
              sql: `id IN (SELECT event_id FROM event_subjects WHERE kind = '${kind}' AND subject = ? AND week >= ?)`,
              params: [subject, recent.week],
            }
          : {
              sql: `id IN (SELECT event_id FROM event_subjects WHERE kind = '${kind}' AND subject = ? AND week BETWEEN ? AND ?)`,
              params: [subject, recent.week, recent.toWeek],
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
