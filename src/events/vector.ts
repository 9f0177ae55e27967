/**
 * Sparse term vectors: the common currency of clustering and relating.
 *
 * A vector keeps its terms as small integers (one per distinct term the process has seen)
 * in typed arrays, in the order the terms were first added, with their weights beside
 * them. Against a Map from term to weight this holds an event's centroid in about a
 * quarter of the memory, outside the garbage-collected heap (the clusterer keeps a month
 * of events), and a dot product reads arrays instead of hashing strings. Every sum is
 * taken in the same order as over the Map it replaces, so results are the same to the bit.
 */

import { endianness } from 'node:os';

// Every term seen gets a small integer, for the life of the process (the vocabulary of
// what was clustered: a few hundred thousand terms at a million articles).
const termIds = new Map<string, number>();
const termNames: string[] = [];

export function termId(term: string): number {
  let id = termIds.get(term);
  if (id === undefined) {
    id = termNames.length;
    termIds.set(term, id);
    termNames.push(term);
  }
  return id;
}

/** A term's id if any vector ever had the term, else -1 (no vector can hold it). */
export function knownTermId(term: string): number {
  return termIds.get(term) ?? -1;
}

/** The term a term id stands for. */
export function termName(id: number): string {
  const t = termNames[id];
  if (t === undefined) throw new Error(`no term has id ${id}`);
  return t;
}

// The packed stored form (see SparseVector.serialize): its mark, which no JSON text starts
// with, and the separator between its fields.
const SEPARATOR = '\u001f';
const PACKED = `v1${SEPARATOR}`;
const BIG_ENDIAN = endianness() === 'BE';

function unpack(text: string): SparseVector {
  const fields = text.split(SEPARATOR);
  // The mark, the weights, then one field per term.
  const n = fields.length - 2;
  const weights = new Float64Array(n);
  const bytes = Buffer.from(weights.buffer);
  if (bytes.write(fields[1]!, 'base64') !== bytes.length || Buffer.byteLength(fields[1]!, 'base64') !== bytes.length) {
    throw new Error(`a stored vector has ${n} terms but not as many weights`);
  }
  if (BIG_ENDIAN) bytes.swap64();
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = termId(fields[i + 2]!);
  return new SparseVector(ids, weights);
}

// One dense row by term id, all zero between calls: a vector is spread over it so that
// the terms of another are looked up by index.
let dense = new Float64Array(1 << 16);
function denseRow(): Float64Array {
  if (dense.length < termNames.length) {
    const grown = new Float64Array(Math.max(termNames.length, dense.length * 2));
    grown.set(dense);
    dense = grown;
  }
  return dense;
}

export class SparseVector {
  /** Term ids and weights, `size` of them, in the order the terms were first added. */
  ids: Int32Array;
  weights: Float64Array;

  constructor(ids: Int32Array = new Int32Array(0), weights: Float64Array = new Float64Array(0)) {
    this.ids = ids;
    this.weights = weights;
  }

  static fromEntries(entries: Iterable<readonly [string, number]>): SparseVector {
    const ids: number[] = [];
    const weights: number[] = [];
    for (const [t, w] of entries) {
      ids.push(termId(t));
      weights.push(w);
    }
    return new SparseVector(Int32Array.from(ids), Float64Array.from(weights));
  }

  /**
   * From the text the store keeps: the packed form (see serialize); or, as stores written
   * before keep it, JSON: two arrays, the terms and their weights (see toJSON), or one
   * object from term to weight.
   */
  static parse(text: string): SparseVector {
    if (text.startsWith(PACKED)) return unpack(text);
    const stored = JSON.parse(text) as unknown;
    if (!Array.isArray(stored)) return SparseVector.fromEntries(Object.entries(stored as Record<string, number>));
    const [terms, weights] = stored as [unknown, unknown];
    if (!Array.isArray(terms) || !Array.isArray(weights) || terms.length !== weights.length)
      throw new Error('a stored vector must be two arrays of the same length: terms and weights');
    const ids = new Int32Array(terms.length);
    for (let i = 0; i < terms.length; i++) ids[i] = termId(String(terms[i]));
    return new SparseVector(ids, Float64Array.from(weights as number[]));
  }

  get size(): number {
    return this.ids.length;
  }

  *entries(): IterableIterator<[string, number]> {
    for (let i = 0; i < this.ids.length; i++) yield [termNames[this.ids[i]!]!, this.weights[i]!];
  }

  /**
   * As stored: the terms, then their weights, in the vector's order. Two arrays parse in
   * less than half the time of one object keyed by term (relating parses thousands of stored
   * centroids a second), and keep the order even of terms that look like numbers, which an
   * object would move to the front.
   */
  toJSON(): [string[], number[]] {
    return [Array.from(this.ids, (id) => termNames[id]!), Array.from(this.weights)];
  }

  /**
   * As the store keeps it: the mark, the weights as little-endian doubles in base64, then
   * the terms, each after a unit separator (U+001F), in the vector's order. Against the JSON
   * of toJSON it is read in about 60% of the time and takes 40% less room (relating reads
   * thousands of stored centroids a second): base64 is decoded far faster than seventeen-digit
   * decimals are read, and gives the weights back to the bit. A vector with a term holding
   * the separator (none of ours: terms are words) is stored as JSON instead.
   */
  serialize(): string {
    const terms = Array.from(this.ids, (id) => termNames[id]!);
    if (terms.some((t) => t.includes(SEPARATOR))) return JSON.stringify(this);
    const bytes = Buffer.from(this.weights.buffer, this.weights.byteOffset, this.weights.byteLength);
    const weights = BIG_ENDIAN ? Buffer.from(bytes).swap64() : bytes;
    return `${PACKED}${weights.toString('base64')}${terms.map((t) => SEPARATOR + t).join('')}`;
  }

  /** Add `other` into this vector: its terms already here gain its weight, the others are appended in its order. */
  add(other: SparseVector): void {
    const row = denseRow();
    // Spread this vector's positions (plus one) over the row to find shared terms.
    for (let i = 0; i < this.ids.length; i++) row[this.ids[i]!] = i + 1;
    let added = 0;
    for (let i = 0; i < other.ids.length; i++) if (!row[other.ids[i]!]) added++;
    const ids = added ? new Int32Array(this.ids.length + added) : this.ids;
    const weights = added ? new Float64Array(this.ids.length + added) : this.weights;
    if (added) {
      ids.set(this.ids);
      weights.set(this.weights);
    }
    let next = this.ids.length;
    for (let i = 0; i < other.ids.length; i++) {
      const id = other.ids[i]!;
      const w = other.weights[i]!;
      const at = row[id]!;
      if (at) weights[at - 1] = weights[at - 1]! + w;
      else {
        ids[next] = id;
        weights[next++] = w;
      }
    }
    for (let i = 0; i < this.ids.length; i++) row[this.ids[i]!] = 0;
    this.ids = ids;
    this.weights = weights;
  }
}

/**
 * Σ aₜ·bₜ over the terms both have, summed in the smaller vector's order (the larger is
 * spread over the dense row, so each term of the smaller costs an array read).
 */
export function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const row = denseRow();
  const { ids, weights } = large;
  for (let i = 0; i < ids.length; i++) row[ids[i]!] = weights[i]!;
  let s = 0;
  for (let i = 0; i < small.ids.length; i++) s += small.weights[i]! * row[small.ids[i]!]!;
  for (let i = 0; i < ids.length; i++) row[ids[i]!] = 0;
  return s;
}

export function norm(a: SparseVector): number {
  let s = 0;
  for (let i = 0; i < a.weights.length; i++) s += a.weights[i]! * a.weights[i]!;
  return Math.sqrt(s);
}

/** `f` given a test of which terms `b` holds (b is spread over the dense row meanwhile). */
export function holding<T>(b: SparseVector, f: (has: (id: number) => boolean) => T): T {
  const row = denseRow();
  const { ids } = b;
  for (let i = 0; i < ids.length; i++) row[ids[i]!] = 1;
  try {
    return f((id) => id >= 0 && row[id] === 1);
  } finally {
    for (let i = 0; i < ids.length; i++) row[ids[i]!] = 0;
  }
}

/** For each term of `a`, 1 when `b` has it, else 0 (in `a`'s order). */
export function presentIn(a: SparseVector, b: SparseVector): Uint8Array {
  const row = denseRow();
  const { ids } = b;
  for (let i = 0; i < ids.length; i++) row[ids[i]!] = 1;
  const out = new Uint8Array(a.ids.length);
  for (let i = 0; i < a.ids.length; i++) out[i] = row[a.ids[i]!] ? 1 : 0;
  for (let i = 0; i < ids.length; i++) row[ids[i]!] = 0;
  return out;
}
