import { dot, norm, type SparseVector } from './vector.js';

/**
 * How related two events are: a blend of shared topics (Jaccard), shared entities
 * (weighted overlap), text similarity (cosine of the clusterer's centroids) and time
 * proximity (a month apart counts half). Symmetric by construction.
 */
export interface RelateSide {
  topics: string[];
  entities: { name: string; weight: number }[];
  centroid?: SparseVector;
  /** The centroid's length, when known; required for a centroid that may still change (the clusterer's own). */
  centroidNorm?: number;
  time: number;
}

export const RELATE_WEIGHTS = { topics: 0.35, entities: 0.3, text: 0.25, time: 0.1 };

function jaccard(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const sb = new Set(b);
  const inter = a.filter((x) => sb.has(x)).length;
  return inter / (a.length + b.length - inter);
}

function entityOverlap(a: RelateSide['entities'], b: RelateSide['entities']): number {
  const wb = new Map(b.map((e) => [e.name, e.weight]));
  let inter = 0;
  let total = 0;
  for (const e of a) {
    total += e.weight;
    const o = wb.get(e.name);
    if (o !== undefined) inter += Math.min(e.weight, o);
  }
  for (const e of b) total += e.weight;
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
  const score = w.topics * jaccard(a.topics, b.topics) + w.entities * entityOverlap(a.entities, b.entities) + w.text * text + w.time * time;
  return { score, text };
}
