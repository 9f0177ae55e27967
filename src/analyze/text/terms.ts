import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.js';

/**
 * Words as the clusterer and the keyphrase ranker see them: lower-cased, apostrophes
 * folded, stopwords and bare numbers dropped, Porter-stemmed so "regulates",
 * "regulated" and "regulation" meet.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The words of a text with where each starts (to tell what stands between two of them). */
export function wordMatches(text: string): RegExpMatchArray[] {
  return [...text.matchAll(WORD)];
}

/** Lower-case, fold curly apostrophes, drop possessive 's and inner dots (U.S. → us). */
export function normalizeWord(w: string): string {
  return w.toLowerCase().replace(/’/g, "'").replace(/'s$/, '').replace(/\./g, '');
}

export function isContentWord(norm: string): boolean {
  return norm.length > 1 && !STOPWORDS.has(norm) && !/^[\d.,-]+$/.test(norm);
}

const stemCache = new Map<string, string>();
/** Porter stem with a bounded cache: the same few thousand words recur in news. */
export function stem(norm: string): string {
  let s = stemCache.get(norm);
  if (s === undefined) {
    s = norm.includes('-')
      ? norm
          .split('-')
          .map((p) => stemmer(p))
          .join('-')
      : stemmer(norm);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(norm, s);
  }
  return s;
}

/** The stemmed content terms of a text, in order, with repeats. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const n = normalizeWord(w);
    if (isContentWord(n)) out.push(stem(n));
  }
  return out;
}

/** The capitalised words of a headline-like text that are not at the start of a sentence: cheap proper-noun cues. */
export function properTerms(text: string): Set<string> {
  const out = new Set<string>();
  const ws = text.match(/\S+/g) ?? [];
  for (let i = 0; i < ws.length; i++) {
    const raw = ws[i]!.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!raw || !/^\p{Lu}/u.test(raw)) continue;
    // In title case every word is capitalised: only words that stay capitalised in a lower-cased sentence count.
    const n = normalizeWord(raw);
    if (!isContentWord(n)) continue;
    out.add(stem(n));
  }
  return out;
}
