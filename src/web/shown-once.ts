import { sentenceNorm } from '../ingest/boilerplate/sentences.js';

/**
 * One statement shown once on a page. An article's summary, claims and key quotes are chosen
 * apart (a model's extraction may give one sentence as all three), and an event's summary is
 * its primary article's: shown again under that article in the coverage, the reader reads it
 * twice. Each place keeps what serves it best: the summary its sentences, a quote its words
 * with their speaker, a claim only what neither says.
 */

/**
 * Letters and digits, in lower case: punctuation, quotation marks and an attribution's colon do
 * not make a text another. The fold a sentence's identity takes (ingest/boilerplate/sentences.ts).
 */
const fold = sentenceNorm;

/** Fewer words than this inside a longer text are a phrase both use ("yes", "the model"), not one statement. */
const MIN_WORDS = 4;

/** Whether a folded text (words joined by one space) has at least `n` words; counted without splitting it into an array. */
function hasWords(folded: string, n: number): boolean {
  let at = -1;
  for (let words = 1; words < n; words++) if ((at = folded.indexOf(' ', at + 1)) < 0) return false;
  return true;
}

/** Whether `inner` is `outer`, or enough whole words within it to be one statement. */
const within = (inner: string, outer: string) =>
  inner === outer || (hasWords(inner, MIN_WORDS) && ` ${outer} `.includes(` ${inner} `));

/** `repeats` against the same others for many texts, the others folded once (a page's members against its summary). */
export function repeatsAny(others: readonly string[]): (text: string) => boolean {
  const repeatsFolded = foldedRepeatsAny(others);
  return (text) => repeatsFolded(fold(text));
}

/** `repeatsAny` for a text its caller has folded already (sentenceNorm): an event page folds each summary's sentences anyway. */
export function foldedRepeatsAny(others: readonly string[]): (folded: string) => boolean {
  const folded = others.map(fold).filter(Boolean);
  return (t) => !!t && folded.some((f) => within(t, f) || within(f, t));
}

/** Whether a text says again what one of the others says: the same words, or whole words within them. */
export function repeats(text: string, others: readonly string[]): boolean {
  return repeatsAny(others)(text);
}

/**
 * Whether a summary says all a text says: a feed's one-sentence excerpt, stored as the article
 * and taken whole as its summary, which the article page would show twice, one under the other.
 */
export function saysAll(summary: string, text: string): boolean {
  const t = fold(text);
  return !!t && within(t, fold(summary));
}

/** An extraction's claims and quotes without what its summary already shows, nor claims a quote shows. */
export function shownOnce<
  X extends { summary: string; claims: Array<{ text: string }>; quotes: Array<{ text: string }> },
>(x: X): X {
  const quotes = x.quotes.filter((q) => !repeats(q.text, [x.summary]));
  const claims = x.claims.filter((c) => !repeats(c.text, [x.summary, ...quotes.map((q) => q.text)]));
  return { ...x, quotes, claims };
}
