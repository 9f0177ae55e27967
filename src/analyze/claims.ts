import { repeats, type Piece } from './repeats.js';
import { isTeaser, isUnfinished } from './summary-ends.js';
import type { ScoredSentence } from './summary.js';

/**
 * Claims: the article's main assertions, each a whole sentence of it as written (offsets
 * kept, never trimmed or re-capitalised) that a reader understands alone. Candidates are
 * declarative sentences with a verb and something checkable in them (a number, a name,
 * enough content words); questions, first-person asides, sentences that open by pointing
 * back or by a connective ("But", "However,"), quoted speech (the quotes' to show), and
 * what the summary already says are left out; so are a sentence the feed cut ("… found
 * that") and a teaser or call to action ("Here's how to try it.", "Find out more in our
 * report."): they state nothing a reader can check (summary-ends.ts).
 */
export interface Claim {
  text: string;
  /** Character span of the sentence in the article text: text.slice(start, end) === text. */
  start: number;
  end: number;
}

export interface ClaimOptions {
  /** What is shown before the claims (the summary's sentences): a claim must add to it. */
  shown?: Piece[];
  /** Spans of quoted speech (open and close mark indexes): a sentence holding one is speech, not a claim. */
  speech?: { open: number; close: number }[];
}

// The long patterns are String.raw pieces joined into one RegExp, to keep lines short.
const LEANS_BACK = new RegExp(
  String.raw`^(?:but|and|so|however|meanwhile|still|yet|also|moreover|indeed|in addition|in fact|` +
    String.raw`at the same time|he|she|it|they|this|that|these|those|his|her|its|their|such)\b`,
  'i',
);
const HAS_VERB = new Set(['VERB', 'AUX']);

export function extractClaims(sentences: ScoredSentence[], limit = 5, o: ClaimOptions = {}): Claim[] {
  const shown = o.shown ?? [];
  const speech = o.speech ?? [];
  const out: (Claim & { score: number })[] = [];
  for (const s of sentences) {
    const raw = s.sentence.text;
    const { start, end } = s.sentence;
    if (s.words < 8 || s.words > 50) continue;
    if (/\?\s*["”’']?$/.test(raw) || /^["“‘']/.test(raw) || LEANS_BACK.test(raw)) continue;
    if (isUnfinished(raw) || isTeaser(raw)) continue;
    if (!s.sentence.tokens.some((t) => HAS_VERB.has(t.pos))) continue;
    // First-person asides ("Kevin and I wrote...") are about the writer, not the world.
    if (/^(we|our)\b/i.test(raw) || /\b(I|me|my)\b/.test(raw)) continue;
    if (speech.some((m) => m.open < end && start < m.close && m.close - m.open > 30)) continue;
    const informative = s.sentence.tokens.some((t) => t.pos === 'NUM' || t.pos === 'PROPN');
    out.push({ text: raw, start, end, score: s.score * (informative ? 1.3 : 1) });
  }
  const chosen: Claim[] = [];
  for (const c of out.sort((a, b) => b.score - a.score || a.start - b.start)) {
    if (chosen.length >= limit) break;
    if ([...shown, ...chosen].some((p) => repeats(c, p))) continue;
    chosen.push({ text: c.text, start: c.start, end: c.end });
  }
  return chosen.sort((a, b) => a.start - b.start);
}
