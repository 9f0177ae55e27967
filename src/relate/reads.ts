import type { Db } from '../store/db.js';
import { HeldRows } from './held-rows.js';
import { ParsedCache } from './parsed-cache.js';
import {
  candidateRows,
  centroidTexts,
  centroidVersions,
  subjectEventLists,
  type CandidateRow,
  type CentroidVersion,
  type SubjectList,
} from '../store/relating.js';
import { storedSubjects, type RelateSubjects } from './score.js';
import { bestShared, compareShared, SharedCounter } from './shared-subjects.js';
import { norm, SparseVector } from '../events/vector.js';
import { storedVoices } from './voices.js';

/**
 * Relating's reads: the candidate events that share an event's subjects, with their parsed
 * centroids and subjects, through caches that hold what relating meets again and again.
 * The statements themselves are the store's (store/relating.ts).
 */

/** What relating needs of a candidate event. */
export interface RelateCandidate {
  id: string;
  subjects: RelateSubjects;
  /** The voices its members speak in (bits: see events/commentary.ts). */
  voices: number;
  firstSeen: string;
  centroid: SparseVector | undefined;
  /** The centroid's length when it was taken from memory (else relating works it out). */
  centroidNorm?: number;
}

/** Event centroids the caller holds in memory (the live clusterer's), by event id. */
export type CentroidSource = (eventId: string) => SparseVector | undefined;

/** How widely each entity of a relating is named: by how many events in the window, out of how many met. */
export interface EntitySpread {
  named: Map<string, number>;
  population: number;
}

/** What eventsSharing looks for, and what it may read through. */
export interface SharingQuery {
  topics: string[];
  entities: string[];
  /** Only events updated since then. */
  since: string;
  /** The event being related, left out. */
  exclude: string;
  /** How many candidates to return at most (60). */
  limit?: number;
  /** Centroids the caller holds in memory. */
  known?: CentroidSource;
  /** One relating job's reads, shared by its events. */
  reads?: SnapshotReads;
  /** Filled with how widely each entity is named. */
  spread?: EntitySpread;
}

/**
 * Events that share a topic or an entity with the given ones, updated since a time, with
 * their centroids: those sharing the most subjects first, then the newest. Read per
 * subject in (kind, subject, week) order (on SQLite the table's own order, migration 018; on
 * PostgreSQL the event_subjects_recent index), so the cost follows how many recent events share
 * a subject, not how many events are recent; and only `limit` of them are parsed and scored.
 */
export async function eventsSharing(
  db: Db,
  caches: RelateCaches,
  { topics, entities, since, exclude, limit = 60, known, reads, spread }: SharingQuery,
): Promise<RelateCandidate[]> {
  const week = Math.floor(Date.parse(since) / 1000 / 604_800);
  // Each subject contributes its latest PER_SUBJECT events at most (subjectLists), so a
  // subject shared by thousands of events costs no more than a rare one; and only the `limit`
  // sharing the most (see below) are looked up. The counting is done here.
  const counter = new SharedCounter(exclude);
  const wanted: Array<[string, string]> = [
    ...topics.map((t): [string, string] => ['topic', t]),
    ...entities.map((e): [string, string] => ['entity', e]),
  ];
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
  const cache = caches;
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
      const rows = await candidateRows(db, unread);
      for (const id of unread) byId.set(id, null); // gone since its subjects were read
      for (const raw of rows) {
        // Parsed once, as read (a row held from job to job is not parsed again, nor the
        // subjects of a row read again with the same ones). The stored text is not kept.
        const r: Candidate = {
          id: raw.id,
          titled: raw.titled,
          last_updated: raw.last_updated,
          kind: raw.kind,
          voices: raw.voices,
          first_seen: raw.first_seen,
          size: raw.size,
          norm2: raw.norm2,
          last_seen: raw.last_seen,
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
  const stored = await storedCentroids(
    db,
    caches,
    chosen.filter((r) => !inMemory.has(r.id)),
  );
  return chosen.map((r) => {
    const live = inMemory.get(r.id);
    return {
      id: r.id,
      subjects: r.subjects,
      voices: storedVoices(r.kind, r.voices),
      firstSeen: r.first_seen,
      // A centroid in memory changes as its event grows: its length is taken now, not cached.
      centroid: live ?? stored.get(r.id),
      ...(live ? { centroidNorm: norm(live) } : {}),
    };
  });
}

const PER_SUBJECT = 200;

/** A subject's list as read for one week onwards: its key among a job's reads. */
const listKey = (week: number, [kind, subject]: readonly [string, string]) => `${week}\u001f${kind}\u001f${subject}`;

/**
 * Each subject's latest PER_SUBJECT events from `week` on, in the order asked (read by the
 * store: subjectEventLists). With `held` (one relating job's lists: the store cannot change
 * under the job), a list read for one event serves the job's other events: a topic or a busy
 * entity is shared by many of them.
 */
async function subjectLists(
  db: Db,
  subjects: ReadonlyArray<readonly [string, string]>,
  week: number,
  held?: Map<string, SubjectList>,
): Promise<SubjectList[]> {
  const out: Array<SubjectList | undefined> = subjects.map((s) => held?.get(listKey(week, s)));
  const unread = subjects.filter((_, i) => !out[i]);
  if (unread.length) {
    const read = await subjectEventLists(db, unread, week, PER_SUBJECT);
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

/**
 * The parsed centroids and subjects relating meets again and again, each held under the
 * version it was read at (so a stale entry is never served, and nothing needs clearing when
 * a batch rolls back). Made once by whoever relates (a relating thread, a pipeline's state)
 * and passed in.
 */
export class RelateCaches {
  // Most of the events related from the store (those idle for longer than the live
  // clusterer keeps them). At 1M articles a round of relating meets about 44,000 distinct
  // centroids in 345,000 lookups, and its events come back after more than 20,000 others
  // (the least recently used go first): holding 20,000, it parsed 73,000 a round anew;
  // holding 40,000, 29,000; the floor (centroids at a version not met before) is 18,000.
  // Each entry is a parsed vector (12 bytes a term, about 170 terms): 40,000 cost about
  // 75 MB of peak RSS more than 20,000, and 60,000 about 60 MB more again, nearer the goal
  // of under 1 GB than their gain is large.
  readonly centroids = new ParsedCache((s) => SparseVector.parse(s), 40_000);
  // An event's topics and entities, as one text: its two JSON columns joined by a NUL
  // (which JSON text cannot hold unescaped).
  readonly subjects = new ParsedCache((s) => {
    const at = s.indexOf('\u0000');
    return storedSubjects(s.slice(0, at), s.slice(at + 1));
  }, 10_000);
}

export async function eventCentroid(db: Db, caches: RelateCaches, id: string): Promise<SparseVector | undefined> {
  const versions = await centroidVersions(db, id);
  return (await storedCentroids(db, caches, versions)).get(id);
}

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
 * 20,000 against 40,000, two rounds from 200k: the relating thread read 3.43 against 3.00 GB
 * for about 55 MB less peak RSS, at the same rate; the goal's 1 GB is nearer than that gain is large.
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
async function storedCentroids(
  db: Db,
  caches: RelateCaches,
  versions: readonly CentroidVersion[],
): Promise<Map<string, SparseVector>> {
  const out = new Map<string, SparseVector>();
  const cache = caches.centroids;
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
    for (const v of await centroidTexts(db, unread)) {
      out.set(v.event_id, cache.get(v.event_id, v.centroid, versionOf(v)));
    }
  }
  return out;
}
