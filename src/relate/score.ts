import { VOICE } from '../events/commentary.js';
import { withParents } from '../events/topic-parents.js';
import { dot, norm, type SparseVector } from '../events/vector.js';

/**
 * How related two events are: a blend of shared topics (weighted Jaccard, each topic with
 * its broader ones at half weight: see events/topic-parents.ts), shared entities (weighted overlap),
 * text similarity (cosine of the clusterer's centroids), time proximity (a month apart counts
 * half) and voice: a piece of opinion is nearer other opinions (the other voices of its
 * debate) and a report other reports; an event that speaks in both (a launch and an op-ed
 * reacting to it) is near either. Symmetric by construction.
 */
export interface RelateSide {
  subjects: RelateSubjects;
  /** The voices its members speak in (bits: see events/commentary.ts); reports alone when not given. */
  voices?: number;
  centroid?: SparseVector;
  /** The centroid's length, when known; required for a centroid that may still change (the clusterer's own). */
  centroidNorm?: number;
  time: number;
}

/**
 * An event's topics and entities as relating compares them: each name as a small integer (one
 * per distinct name the thread has met), in the event's order, the entities' weights beside
 * them. Relating compares an event with up to 60 others, and the relating thread holds tens of
 * thousands of candidates from job to job: compared this way, a pair costs no Set or Map, and a
 * held candidate's subjects are three short arrays instead of an object and a string per entity.
 */
export interface RelateSubjects {
  /** Its topics and the broader ones above them, with their weights beside them (1 for its own). */
  topics: number[];
  topicWeights: number[];
  entities: number[];
  weights: number[];
}

// Every topic and entity name met gets a small integer for the life of the thread (topics and
// entities share the numbering: they are only ever compared with their own kind).
const subjectIds = new Map<unknown, number>();
const subjectId = (name: unknown): number => {
  let id = subjectIds.get(name);
  if (id === undefined) {
    id = subjectIds.size;
    subjectIds.set(name, id);
  }
  return id;
};

export function relateSubjects(
  topics: readonly string[],
  entities: ReadonlyArray<{ name: string; weight: number }>,
): RelateSubjects {
  const expanded = withParents(topics);
  return {
    topics: expanded.map((t) => subjectId(t.topic)),
    topicWeights: expanded.map((t) => t.weight),
    entities: entities.map((e) => subjectId(e.name)),
    weights: entities.map((e) => e.weight),
  };
}

/** The same from an event's stored topics and entities (its JSON columns). */
export function storedSubjects(topics: string, entities: string): RelateSubjects {
  return relateSubjects(
    JSON.parse(topics) as string[],
    JSON.parse(entities) as Array<{ name: string; weight: number }>,
  );
}

export const RELATE_WEIGHTS = { topics: 0.32, entities: 0.27, text: 0.23, time: 0.09, voice: 0.09 };

/** Weighted Jaccard: the smaller weight of each shared topic over the larger of every topic of either (plain Jaccard when all weigh 1). */
function topicOverlap(a: RelateSubjects, b: RelateSubjects): number {
  if (!a.topics.length || !b.topics.length) return 0;
  let inter = 0;
  let union = 0;
  for (let i = 0; i < a.topics.length; i++) {
    const w = a.topicWeights[i]!;
    const at = b.topics.indexOf(a.topics[i]!);
    const o = at < 0 ? 0 : b.topicWeights[at]!;
    inter += Math.min(w, o);
    union += Math.max(w, o);
  }
  for (let j = 0; j < b.topics.length; j++) if (!a.topics.includes(b.topics[j]!)) union += b.topicWeights[j]!;
  return union ? inter / union : 0;
}

/**
 * How much an entity says about a story, 0 … 1, from how many of the `population` events
 * around it name it: one that only this event names says everything (1), one that every
 * event names almost nothing. "A company in half the stream says little; Bartz says a lot."
 */
export function specificity(named: number, population: number): number {
  if (population <= 1 || named <= 1) return 1;
  return Math.log(1 + population / named) / Math.log(1 + population);
}

/** An entity's specificity by its id (see relateSubjects); 1 for one not given. */
export type Specificity = (entity: number) => number;

/** Weighted overlap, each shared entity counted by its specificity; an entity named twice in `b` counts with its last weight. */
function entityOverlap(a: RelateSubjects, b: RelateSubjects, specific?: Specificity): number {
  let inter = 0;
  let total = 0;
  for (let i = 0; i < a.entities.length; i++) {
    const w = a.weights[i]!;
    total += w;
    const at = b.entities.lastIndexOf(a.entities[i]!);
    const o = at < 0 ? undefined : b.weights[at];
    if (o !== undefined) inter += Math.min(w, o) * (specific ? specific(a.entities[i]!) : 1);
  }
  for (const w of b.weights) total += w;
  return total ? (2 * inter) / total : 0;
}

// A centroid parsed from the store is never changed afterwards (a changed one is parsed
// anew), so its length is worked out once, not per pair; one from the live clusterer comes
// with its length.
const lengths = new WeakMap<SparseVector, number>();
const lengthOf = (v: SparseVector) => lengths.get(v) ?? lengths.set(v, norm(v)).get(v)!;

function cos(a: RelateSide, b: RelateSide): number {
  if (!a.centroid || !b.centroid) return 0;
  const na = a.centroidNorm ?? lengthOf(a.centroid);
  const nb = b.centroidNorm ?? lengthOf(b.centroid);
  return na && nb ? dot(a.centroid, b.centroid) / (na * nb) : 0;
}

export function relateScore(a: RelateSide, b: RelateSide, specific?: Specificity): { score: number; text: number } {
  const text = cos(a, b);
  const days = Math.abs(a.time - b.time) / 86_400_000;
  const time = Math.pow(0.5, days / 30);
  const w = RELATE_WEIGHTS;
  const voice = (a.voices ?? VOICE.reports) & (b.voices ?? VOICE.reports) ? 1 : 0;
  const score =
    w.topics * topicOverlap(a.subjects, b.subjects) +
    w.entities * entityOverlap(a.subjects, b.subjects, specific) +
    w.text * text +
    w.time * time +
    w.voice * voice;
  return { score, text };
}
