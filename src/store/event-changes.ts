import type { Db } from './db.js';

/**
 * The store's feed of changes to what relating reads of an event (migration 022): which
 * events changed since a reader last looked, so that it reads again only those.
 */

/** How many of the newest changes the pipeline keeps: a few rounds of batches, a few megabytes. */
export const EVENT_CHANGES_KEPT = 100_000;

/**
 * Drop all but the newest `keep` changes (the pipeline does so with each clustering batch). A
 * reader further behind finds the rows after its mark gone and starts afresh.
 */
export async function pruneEventChanges(db: Db, keep = EVENT_CHANGES_KEPT): Promise<void> {
  await db.run('DELETE FROM event_changes WHERE seq <= (SELECT max(seq) FROM event_changes) - ?', [keep]);
}

/**
 * What changed after mark `after`, as the reader's transaction sees the store: `mark`, to
 * pass next time, and the events changed, or `changed` undefined where they cannot be known
 * (no mark yet, or changes after it pruned, or an engine whose feed is not kept: then
 * anything may have changed). Read it in the same read transaction as the rows it vouches for.
 */
export async function eventChangesSince(
  db: Db,
  after: number | undefined,
): Promise<{ mark: number; changed: Set<string> | undefined }> {
  // PostgreSQL keeps no feed (see the migration): every job reads afresh there.
  if (db.dialect !== 'sqlite') return { mark: 0, changed: undefined };
  // Two subqueries, not min and max in one: SQLite finds a lone min() or max() at one end of
  // the key, but scans the whole feed (up to EVENT_CHANGES_KEPT rows; ~40 ms once full) for both together.
  const ends = await db.get<{ lo: number | null; hi: number | null }>(
    'SELECT (SELECT min(seq) FROM event_changes) AS lo, (SELECT max(seq) FROM event_changes) AS hi',
  );
  const lo = ends?.lo ?? null;
  const hi = ends?.hi ?? null;
  // An empty feed has mark 0: a reader at 0 has missed nothing only while numbering starts at
  // 1 (AUTOINCREMENT never numbers lower than it has before, so rows after a pruned-away
  // stretch start above 1 and tell it).
  const mark = hi === null ? 0 : Number(hi);
  // (A mark beyond the feed's end is not one this store gave: nothing can be vouched for.)
  if (after === undefined || after > mark) return { mark, changed: undefined };
  // (An empty feed with a mark of 0 passed: nothing has changed since.)
  if (hi === null) return { mark, changed: new Set() };
  if (Number(lo) > after + 1) return { mark, changed: undefined };
  const rows = await db.all<{ event_id: string }>('SELECT DISTINCT event_id FROM event_changes WHERE seq > ?', [after]);
  return { mark, changed: new Set(rows.map((r) => r.event_id)) };
}
