import type { Db } from './db.js';
import { PLANNED_ONCE } from './sql/planned-once.js';

/** Seconds in a week: event_subjects.week is an event's last update in whole weeks since 1970 (migration 007). */
const WEEK_S = 604_800;

export const weekOf = (iso: string): number => Math.floor(Date.parse(iso) / 1000 / WEEK_S);

/** How many of a subject's newest weeks are read first (a topic's week holds a few hundred events at 1M articles). */
const FIRST_WEEKS = 8;

/**
 * The newest week from which a subject's events number at least `need`, read from the
 * per-week counts (subject_weeks, a row per subject and week): a newest-first list of a
 * subject's events then reads only those weeks' events instead of every event it ever had.
 * `all` is true when even every week from `fromWeek` on holds fewer: there is nothing older
 * to widen to.
 */
export async function weekFloorFor(
  db: Db,
  kind: 'topic' | 'entity',
  subject: string,
  fromWeek: number,
  need: number,
): Promise<{ week: number; all: boolean }> {
  if (!Number.isInteger(need) || need < 1)
    throw new Error(`weekFloorFor: need must be a positive integer, not ${need}`);
  const sql = `${PLANNED_ONCE}SELECT week, events FROM subject_weeks WHERE kind = ? AND subject = ? AND week >= ? ORDER BY week DESC`;
  // Most pages fill from a subject's newest few weeks: those first (and one more, to know
  // whether older weeks exist), every week only when they fall short.
  const newest = await db.all<{ week: number; events: number }>(`${sql} LIMIT ?`, [
    kind,
    subject,
    fromWeek,
    FIRST_WEEKS + 1,
  ]);
  let sum = 0;
  for (const [i, w] of newest.slice(0, FIRST_WEEKS).entries()) {
    sum += w.events;
    if (sum >= need) return { week: w.week, all: i === newest.length - 1 };
  }
  if (newest.length <= FIRST_WEEKS) return { week: fromWeek, all: true };
  const weeks = await db.all<{ week: number; events: number }>(sql, [kind, subject, fromWeek]);
  sum = 0;
  for (const [i, w] of weeks.entries()) {
    sum += w.events;
    if (sum >= need) return { week: w.week, all: i === weeks.length - 1 };
  }
  return { week: fromWeek, all: true };
}

/**
 * weekFloorFor for a source's events (event_sources, migration 032), which keeps no per-week
 * counts: the week of its `need`-th newest event, found by walking that many index entries.
 * `all` when it has fewer.
 */
export async function sourceWeekFloor(
  db: Db,
  sourceId: string,
  fromWeek: number,
  need: number,
): Promise<{ week: number; all: boolean }> {
  if (!Number.isInteger(need) || need < 1)
    throw new Error(`sourceWeekFloor: need must be a positive integer, not ${need}`);
  const row = await db.get<{ week: number }>(
    `${PLANNED_ONCE}SELECT week FROM event_sources WHERE source_id = ? AND week >= ? ORDER BY week DESC LIMIT 1 OFFSET ?`,
    [sourceId, fromWeek, need - 1],
  );
  return row ? { week: row.week, all: false } : { week: fromWeek, all: true };
}

/** The weeks holding one page of a subject's events, newest first: `from` to `to`, after `before` events of newer weeks. */
export interface WeekSpan {
  from: number;
  to: number;
  before: number;
}

/**
 * The weeks that hold rows [offset, offset + limit) of a subject's events newest first, from
 * the per-week counts: a later page then reads its own weeks and skips the newer ones by their
 * count, instead of reading every newer event to skip it. The counts are of the subject's
 * rows, untitled events included, which a list leaves out: when one of the subject's events has
 * no title (a probe of the few such events, migration 054), undefined says to read the page as
 * before. 'past-end' when the subject has no more than `offset` rows: the page is empty. A
 * list with another filter cannot skip by these counts.
 */
export async function weekSpanFor(
  db: Db,
  kind: 'topic' | 'entity',
  subject: string,
  offset: number,
  limit: number,
): Promise<WeekSpan | 'past-end' | undefined> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`weekSpanFor: a limit of ${limit}`);
  if (!Number.isInteger(offset) || offset < 0) throw new Error(`weekSpanFor: an offset of ${offset}`);
  // The probe is in the statement (one round trip): with an untitled event, no week is read.
  const sql =
    `${PLANNED_ONCE}SELECT week, events FROM subject_weeks WHERE kind = ? AND subject = ? AND NOT EXISTS (` +
    "SELECT 1 FROM events e WHERE e.title = '' AND EXISTS (" +
    'SELECT 1 FROM event_subjects s WHERE s.event_id = e.id AND s.kind = ? AND s.subject = ?)) ORDER BY week DESC';
  const params = [kind, subject, kind, subject];
  // As weekFloorFor: the newest few weeks first, which hold the first pages; every week only when they fall short.
  const newest = await db.all<{ week: number; events: number }>(`${sql} LIMIT ?`, [...params, FIRST_WEEKS]);
  const first = spanOf(newest, offset, limit);
  const weeks =
    first.filled || newest.length < FIRST_WEEKS ? newest : await db.all<{ week: number; events: number }>(sql, params);
  const span = weeks === newest ? first.span : spanOf(weeks, offset, limit).span;
  // Rows read but none at `offset`: the subject ends before the page (the probe found no untitled event).
  return span ?? (weeks.length ? 'past-end' : undefined);
}

/** The span of rows [offset, offset + limit) in weeks read newest first, and whether those weeks hold all of it. */
function spanOf(
  weeks: Array<{ week: number; events: number }>,
  offset: number,
  limit: number,
): { span: WeekSpan | undefined; filled: boolean } {
  let sum = 0;
  let span: WeekSpan | undefined;
  for (const w of weeks) {
    if (!span && sum + w.events > offset) span = { from: w.week, to: w.week, before: sum };
    sum += w.events;
    if (span) span.from = w.week;
    if (span && sum >= offset + limit) return { span, filled: true };
  }
  return { span, filled: false };
}
