/** Sparse term vectors: the common currency of clustering and relating. */
export type SparseVector = Map<string, number>;

export function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) {
    const v = large.get(t);
    if (v !== undefined) s += w * v;
  }
  return s;
}

export function norm(a: SparseVector): number {
  let s = 0;
  for (const w of a.values()) s += w * w;
  return Math.sqrt(s);
}

export function cosine(a: SparseVector, b: SparseVector): number {
  const na = norm(a);
  const nb = norm(b);
  return na && nb ? dot(a, b) / (na * nb) : 0;
}

/** Scale in place to unit length (a zero vector stays zero). */
export function normalize(a: SparseVector): SparseVector {
  const n = norm(a);
  if (n) for (const [t, w] of a) a.set(t, w / n);
  return a;
}

/** The k heaviest terms, heaviest first. */
export function topTerms(a: SparseVector, k: number): [string, number][] {
  return [...a.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, k);
}
