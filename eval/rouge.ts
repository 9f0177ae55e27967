import { stem } from '../src/analyze/text/terms.js';

/** ROUGE-1, ROUGE-2 and ROUGE-L (plain LCS) F1 over lower-cased, suffix-stripped \w tokens. */
export interface Rouge {
  r1: number;
  r2: number;
  rl: number;
}

export function rougeTokens(text: string): string[] {
  return (text.toLowerCase().match(/\w+/g) ?? []).map((w) => stem(w));
}

function ngramF1(a: string[], b: string[], n: number): number {
  const grams = (xs: string[]) => {
    const m = new Map<string, number>();
    for (let i = 0; i + n <= xs.length; i++) {
      const g = xs.slice(i, i + n).join(' ');
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let overlap = 0;
  for (const [g, c] of ga) overlap += Math.min(c, gb.get(g) ?? 0);
  const na = Math.max(0, a.length - n + 1);
  const nb = Math.max(0, b.length - n + 1);
  if (!na || !nb || !overlap) return 0;
  const p = overlap / na;
  const r = overlap / nb;
  return (2 * p * r) / (p + r);
}

function lcsF1(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++)
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  const l = prev[b.length]!;
  if (!l) return 0;
  const p = l / a.length;
  const r = l / b.length;
  return (2 * p * r) / (p + r);
}

/** Scores of a candidate summary against a reference. */
export function rouge(candidate: string, reference: string): Rouge {
  const a = rougeTokens(candidate);
  const b = rougeTokens(reference);
  return { r1: ngramF1(a, b, 1), r2: ngramF1(a, b, 2), rl: lcsF1(a, b) };
}

export function meanRouge(xs: Rouge[]): Rouge {
  const n = xs.length || 1;
  return {
    r1: xs.reduce((s, x) => s + x.r1, 0) / n,
    r2: xs.reduce((s, x) => s + x.r2, 0) / n,
    rl: xs.reduce((s, x) => s + x.rl, 0) / n,
  };
}
