import { dot, norm, type SparseVector } from './vector.js';

/**
 * How related two events are: a blend of shared topics (Jaccard), shared entities
 * (weighted overlap), text similarity (cosine of the clusterer's centroids) and time
 * proximity (a month apart counts half). Symmetric by construction.
 */
export interface RelateSide {
  subjects: RelateSubjects;
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
  topics: number[];
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

export function relateSubjects(topics: readonly string[], entities: ReadonlyArray<{ name: string; weight: number }>): RelateSubjects {
  return { topics: topics.map(subjectId), entities: entities.map((e) => subjectId(e.name)), weights: entities.map((e) => e.weight) };
}

/** The same from an event's stored topics and entities (its JSON columns). */
export function storedSubjects(topics: string, entities: string): RelateSubjects {
  return relateSubjects(JSON.parse(topics) as string[], JSON.parse(entities) as Array<{ name: string; weight: number }>);
}

export const RELATE_WEIGHTS = { topics: 0.35, entities: 0.3, text: 0.25, time: 0.1 };

// (Each of these sums in the order it did over names, so scores are the same to the bit.)
function jaccard(a: readonly number[], b: readonly number[]): number {
  if (!a.length || !b.length) return 0;
  let inter = 0;
  for (const x of a) if (b.includes(x)) inter++;
  return inter / (a.length + b.length - inter);
}

/** Weighted overlap; an entity named twice in `b` counts with its last weight. */
function entityOverlap(a: RelateSubjects, b: RelateSubjects): number {
  let inter = 0;
  let total = 0;
  for (let i = 0; i < a.entities.length; i++) {
    const w = a.weights[i]!;
    total += w;
    const at = b.entities.lastIndexOf(a.entities[i]!);
    const o = at < 0 ? undefined : b.weights[at];
    if (o !== undefined) inter += Math.min(w, o);
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

export function relateScore(a: RelateSide, b: RelateSide): { score: number; text: number } {
  const text = cos(a, b);
  const days = Math.abs(a.time - b.time) / 86_400_000;
  const time = Math.pow(0.5, days / 30);
  const w = RELATE_WEIGHTS;
  const score = w.topics * jaccard(a.subjects.topics, b.subjects.topics) + w.entities * entityOverlap(a.subjects, b.subjects) + w.text * text + w.time * time;
  return { score, text };
}
