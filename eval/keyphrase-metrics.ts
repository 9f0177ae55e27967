import { stem } from '../src/analyze/text/terms.js';

/** A phrase as the keyphrase protocol compares it: lower-cased \w words, each suffix-stripped (Porter). */
export function normPhrase(p: string): string {
  return (p.toLowerCase().match(/\w+/g) ?? []).map((w) => stem(w)).join(' ');
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** Exact-match P/R/F1 at k over normalised phrases, macro-averaged over documents. */
export function f1AtK(predicted: string[][], gold: string[][], k: number): PRF {
  let p = 0;
  let r = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = new Set(gold[i]!.map(normPhrase).filter(Boolean));
    const seen = new Set<string>();
    const top: string[] = [];
    for (const x of predicted[i]!.map(normPhrase)) {
      if (!x || seen.has(x)) continue;
      seen.add(x);
      top.push(x);
      if (top.length === k) break;
    }
    const tp = top.filter((x) => g.has(x)).length;
    p += top.length ? tp / top.length : 0;
    r += g.size ? tp / g.size : 0;
  }
  p /= gold.length;
  r /= gold.length;
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
