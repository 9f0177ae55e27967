import type { Db } from '../store/db.js';
import type { EventRow, Significance } from '../store/event-rows.js';
import { existingEventIds, relatingTarget, saveRelatedSignificance, saveRelations } from '../store/relating.js';
import type { RelatedResult } from './relate.js';
import { updateGuidesForEvent } from '../guides/membership.js';
import { withNovelty } from '../events/significance.js';

/**
 * Relating in two steps, for the pipeline: a refresh made with `deferRelating` marks its event
 * (events.relate_pending); relatePending reads every marked event's related events and novelty
 * (reads only, so it can run on another connection, on another thread, while the next batches
 * are placed); applyRelated writes them, with the significance and guides that wait on them.
 *
 * Relating reads the store as committed once a clustering batch is over, so an event meets
 * every event of its own batch, whichever was refreshed first; the pipeline writes a batch's
 * relations with the batch after next (or when the stage ends: see clusterStage in
 * src/pipeline/stages.ts), so for a second or two an event shows the significance it had
 * (a new one, its significance with full novelty) and no related events. The mark is
 * stored: a crash in between leaves the events to be related by the next run.
 */

/**
 * Write what relatePending found, each event in its own savepoint: its relations, its
 * significance with the novelty found, its guides. An event no longer marked (related since),
 * marked with another key (its subjects or size class moved since: the next job relates it)
 * or gone (merged into another) is passed over; relations to events gone since are dropped.
 * The others may have been refreshed since with the same key: relating them again would
 * have found what it found (the rule refreshEvent follows), and their significance is
 * worked out from the factors as they are now.
 * With `guidesTouched`, the guides changed are gathered there for the caller to record.
 * Returns how many events were written.
 */
export async function applyRelated(
  db: Db,
  results: readonly RelatedResult[],
  guidesTouched?: Map<string, string>,
  log: (line: string) => void = console.error,
): Promise<number> {
  let written = 0;
  for (const r of results) {
    try {
      written += await db.transaction(async (tx) => {
        const ev = await relatingTarget(tx, r.id);
        // Related since, gone, or marked again for other subjects or size (the next job's).
        if (!ev?.relate_pending || ev.relate_key !== r.key) return 0;
        const present = await existingEventIds(
          tx,
          r.relations.map((x) => x.id),
        );
        await saveRelations(
          tx,
          r.id,
          r.relations.filter((x) => present.has(x.id)),
        );
        const significance = withNovelty(JSON.parse(ev.factors) as Significance, r.novelty);
        await saveRelatedSignificance(tx, r.id, significance.score, JSON.stringify(significance));
        await updateGuidesForEvent(tx, r.id, undefined, guidesTouched, {
          title: ev.title,
          significance: significance.score,
          firstSeen: ev.first_seen,
          lastUpdated: ev.last_updated,
          topics: JSON.parse(ev.topics) as string[],
          entities: JSON.parse(ev.entities) as EventRow['entities'],
        });
        return 1;
      });
    } catch (e) {
      // It stays marked, and is related again with the next batch.
      log(`cluster: could not write the related events of ${r.id}: ${(e as Error).message}`);
    }
  }
  return written;
}
