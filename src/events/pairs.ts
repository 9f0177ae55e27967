/**
 * Co-event pairs precision, recall and F1 (Miranda et al. 2018): over the pairs of articles
 * placed in one event, the share that belong together (precision), and over the pairs that
 * belong together, the share placed in one event (recall). Unlike BCubed it gives nothing
 * for leaving everything apart, which on a sparse stream (most events one article) BCubed
 * rewards.
 */
import type { BCubed } from './bcubed.js';

const pairsOf = (n: number) => (n * (n - 1)) / 2;

export function coEventPairs(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): BCubed {
  const both = new Map<string, number>();
  const pred = new Map<string, number>();
  const real = new Map<string, number>();
  for (const [id, g] of gold) {
    const p = predicted.get(id);
    if (p === undefined) continue;
    const key = `${p}\u0000${g}`;
    both.set(key, (both.get(key) ?? 0) + 1);
    pred.set(p, (pred.get(p) ?? 0) + 1);
    real.set(g, (real.get(g) ?? 0) + 1);
  }
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + pairsOf(n), 0);
  const right = sum(both);
  const placed = sum(pred);
  const belong = sum(real);
  const precision = placed ? right / placed : 0;
  const recall = belong ? right / belong : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
