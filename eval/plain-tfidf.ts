import type { ClusterInput } from '../src/events/cluster.js';

/**
 * The reference baseline of the clustering data set's README: each headline, as a plain
 * TF-IDF vector of its lower-cased words (IDF over the headlines seen so far), joins the
 * most similar running centroid when the cosine clears a threshold, else starts a story.
 */
export function plainTfidfClusters(docs: readonly ClusterInput[], threshold: number): Map<string, string> {
  const sorted = [...docs].sort((a, b) => a.published.getTime() - b.published.getTime());
  const df = new Map<string, number>();
  const centroids: Map<string, number>[] = [];
  const out = new Map<string, string>();
  let n = 0;
  for (const d of sorted) {
    const tf = new Map<string, number>();
    for (const w of d.title.toLowerCase().match(/\w+/g) ?? []) tf.set(w, (tf.get(w) ?? 0) + 1);
    n += 1;
    for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, c] of tf) {
      const x = c * Math.log((n + 1) / (df.get(w)! + 1) + 1);
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    let best = -1;
    let bestSim = 0;
    centroids.forEach((c, i) => {
      let dot = 0;
      let cn = 0;
      for (const x of c.values()) cn += x * x;
      for (const [w, x] of v) dot += x * (c.get(w) ?? 0);
      const sim = cn ? dot / Math.sqrt(cn) : 0;
      if (sim > bestSim) [best, bestSim] = [i, sim];
    });
    if (best >= 0 && bestSim >= threshold) {
      const c = centroids[best]!;
      for (const [w, x] of v) c.set(w, (c.get(w) ?? 0) + x);
    } else {
      best = centroids.push(new Map(v)) - 1;
    }
    out.set(d.id, `b${best}`);
  }
  return out;
}
