import type { Db } from '../store/db.js';
import type { EventRow } from '../store/event-rows.js';
import { pendingEventRows, type Relation } from '../store/relating.js';
import {
  eventCentroid,
  eventsSharing,
  heldCandidates,
  RelateCaches,
  SnapshotReads,
  type CentroidSource,
  type EntitySpread,
  type HeldCandidates,
} from './reads.js';
import { relateScore, relateSubjects, specificity } from './score.js';
import { norm } from '../events/vector.js';
import { storedVoices } from './voices.js';
import { withParents } from '../events/topic-parents.js';

/**
 * Relating, reads only: an event's related events and its novelty, from the events that
 * share its topics and entities. Kept apart from the rest of a refresh so that the relating
 * thread (worker.ts) loads only what it needs.
 */
const RELATE_WINDOW_DAYS = 60;
const NOVELTY_WINDOW_DAYS = 14;

/** What relating reads of the event itself. */
export interface RelateSubject {
  topics: string[];
  entities: Array<{ name: string; type: string; weight: number }>;
  firstSeen: string;
  lastUpdated: string;
  /** The event's kind: a piece of opinion relates first to other opinions (see score.ts). */
  kind?: string | null;
  /** The voices its members speak in (bits: events/commentary.ts); else its kind's. */
  voices?: number;
}

/**
 * The event's related events (similarity at least 0.12, best first) and its novelty (how
 * unlike it the events of the fortnight before it are), from the events that share a topic or
 * an entity with it within the window. Reads only.
 */
export async function relateEvent(
  db: Db,
  eventId: string,
  s: RelateSubject,
  { caches, centroids, reads }: { caches: RelateCaches; centroids?: CentroidSource; reads?: SnapshotReads },
): Promise<{ relations: Array<{ id: string; similarity: number }>; novelty: number }> {
  const since = new Date(Date.parse(s.lastUpdated) - RELATE_WINDOW_DAYS * 86_400_000).toISOString();
  const live = centroids?.(eventId);
  const centroid = live ?? (await eventCentroid(db, caches, eventId));
  const self = {
    subjects: relateSubjects(s.topics, s.entities),
    voices: storedVoices(s.kind, s.voices),
    centroid,
    ...(live ? { centroidNorm: norm(live) } : {}),
    time: Date.parse(s.firstSeen),
  };
  // Candidates share a topic, one of its broader topics, or an entity.
  const topics = withParents(s.topics).map((t) => t.topic);
  const spread: EntitySpread = { named: new Map(), population: 0 };
  const candidates = await eventsSharing(db, caches, {
    topics,
    entities: s.entities.map((e) => e.name),
    since,
    exclude: eventId,
    known: centroids,
    reads,
    spread,
  });
  // Shared entities count by how specific they are around this event (see score.ts).
  const specific = new Map(
    s.entities.map((e, i) => [
      self.subjects.entities[i]!,
      specificity(spread.named.get(e.name) ?? 1, spread.population),
    ]),
  );
  let maxRecentSim = 0;
  const relations = candidates
    .map((c) => {
      const other = {
        subjects: c.subjects,
        voices: c.voices,
        centroid: c.centroid,
        centroidNorm: c.centroidNorm,
        time: Date.parse(c.firstSeen),
      };
      const r = relateScore(self, other, (id) => specific.get(id) ?? 1);
      const daysBefore = (self.time - other.time) / 86_400_000;
      if (daysBefore >= 0 && daysBefore <= NOVELTY_WINDOW_DAYS) maxRecentSim = Math.max(maxRecentSim, r.text);
      return { id: c.id, similarity: Math.round(r.score * 1000) / 1000 };
    })
    .filter((r) => r.similarity >= 0.12)
    .sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id));
  return { relations, novelty: 1 - Math.min(1, maxRecentSim * 1.5) };
}

export interface RelatedResult {
  id: string;
  /** The relating key the event was marked with (what it was related as). */
  key: string | null;
  relations: Relation[];
  novelty: number;
}

/** Events whose relating is done and not yet written, by id: the key each was related as. */
export type RelatedKeys = ReadonlyMap<string, string | null>;

/** How relatePending runs: see there. */
export interface PendingOptions {
  skip?: RelatedKeys;
  onTaken?: () => void;
  snapshot?: boolean;
  held?: HeldCandidates;
}

/**
 * Relate every event marked pending, in id order (byte order, on every engine), except those
 * in `skip` still marked with the key they were related as (their results are on their way).
 * Reads only. `onTaken` is called once the first read is done: in a read transaction, the
 * state of the store the whole job sees is then fixed. `snapshot` says the job runs in one
 * (the relating thread's): a candidate row read for one event then serves the others, and,
 * with `held`, the jobs after it (kept true by the store's feed of changes).
 */
export async function relatePending(
  db: Db,
  caches: RelateCaches,
  { skip, onTaken, snapshot = false, held }: PendingOptions = {},
): Promise<RelatedResult[]> {
  const rows = await pendingEventRows(db);
  onTaken?.();
  if (snapshot) await held?.sync(db);
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: RelatedResult[] = [];
  const reads = snapshot ? new SnapshotReads(held) : undefined;
  for (const r of rows) {
    if (skip?.has(r.id) && skip.get(r.id) === r.relate_key) continue;
    const related = await relateEvent(
      db,
      r.id,
      {
        topics: JSON.parse(r.topics) as string[],
        entities: JSON.parse(r.entities) as EventRow['entities'],
        firstSeen: r.first_seen,
        lastUpdated: r.last_updated,
        kind: r.kind,
        voices: r.voices,
      },
      { caches, reads },
    );
    out.push({ id: r.id, key: r.relate_key, ...related });
  }
  return out;
}

/**
 * Relating jobs one after another, each passing over what the job before related (its results
 * are on their way). A job that fails leaves nothing to pass over: its events stay marked.
 */
export function relatingJobs(caches = new RelateCaches()) {
  let previous: RelatedKeys | undefined;
  // Candidate rows kept from job to job, for jobs run in a read transaction each.
  let held: HeldCandidates | undefined;
  return {
    /** `snapshot`: the job runs in one read transaction (see relatePending). */
    async run(db: Db, onTaken?: () => void, snapshot = false): Promise<RelatedResult[]> {
      try {
        if (snapshot) held ??= heldCandidates();
        const results = await relatePending(db, caches, { skip: previous, onTaken, snapshot, held });
        previous = new Map(results.map((r) => [r.id, r.key]));
        return results;
      } catch (e) {
        previous = undefined;
        throw e;
      }
    },
    /** Forget the job before (its results will not be written). */
    reset(): void {
      previous = undefined;
    },
  };
}
