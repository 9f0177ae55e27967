import { isContentWord, normalizeWord, stem, words } from './text/terms.js';

/**
 * Whether one piece of an extraction repeats another: they share characters of the text
 * (one is inside the other, or they overlap), or most of the shorter one's content words
 * are in the longer one (the same sentence said twice). Summary, claims and quotes are
 * kept apart by it, and `npm run eval:extract` counts what still repeats.
 */
export interface Piece {
  text: string;
  start?: number;
  end?: number;
}

const bag = (s: string) => new Set(words(s).map(normalizeWord).filter(isContentWord).map(stem));

/** Share of the shorter piece's content words that the longer one holds at which it is a repeat. */
export const REPEAT_SHARE = 0.7;

export function repeats(a: Piece, b: Piece): boolean {
  if (
    a.start !== undefined &&
    a.end !== undefined &&
    b.start !== undefined &&
    b.end !== undefined &&
    a.start < b.end &&
    b.start < a.end
  )
    return true;
  const x = bag(a.text);
  const y = bag(b.text);
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return a.text.trim() === b.text.trim();
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size >= REPEAT_SHARE;
}

/** How many claims and quotes (in that order) repeat the summary's sentences or one before them. */
export function countRepeats(summary: Piece[], others: Piece[]): number {
  let n = 0;
  others.forEach((p, i) => {
    if ([...summary, ...others.slice(0, i)].some((q) => repeats(p, q))) n++;
  });
  return n;
}
