import type { ScoredSentence } from './summary.js';

/**
 * Claims: the article's main assertions, each a sentence a reader understands alone.
 * Candidates are declarative sentences with a verb and something checkable in them (a
 * number, a name, enough content words); questions, first-person asides, sentences that
 * open by pointing back, and quoted speech are left out. Only safe trims rewrite them: a
 * leading connective ("But", "However,") goes, the capital is restored.
 */
export interface Claim {
  text: string;
  /** Character span of the supporting sentence in the article text. */
  start: number;
  end: number;
}

const CONNECTIVE = /^(?:but|and|so|however|meanwhile|still|yet|also|moreover|indeed|in addition|in fact|at the same time)\s*,?\s+/i;
const POINTS_BACK = /^(he|she|it|they|this|that|these|those|his|her|its|their|such)\b/i;
const HAS_VERB = new Set(['VERB', 'AUX']);

export function extractClaims(sentences: ScoredSentence[], limit = 5): Claim[] {
  const out: (Claim & { score: number })[] = [];
  for (const s of sentences) {
    const raw = s.sentence.text;
    if (s.words < 8 || s.words > 50) continue;
    if (/\?["”’]?$/.test(raw) || /^["“‘]/.test(raw) || /["“”]/.test(raw.slice(0, 2))) continue;
    if (!s.sentence.tokens.some((t) => HAS_VERB.has(t.pos))) continue;
    // First-person asides ("Kevin and I wrote...") are about the writer, not the world.
    if (/^(we|our)\b/i.test(raw) || /\b(I|me|my)\b/.test(raw)) continue;
    const trimmed = raw.replace(CONNECTIVE, '');
    if (POINTS_BACK.test(trimmed)) continue;
    const informative = s.sentence.tokens.some((t) => t.pos === 'NUM' || t.pos === 'PROPN');
    const text = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
    out.push({ text, start: s.sentence.start + (raw.length - trimmed.length), end: s.sentence.end, score: s.score * (informative ? 1.3 : 1) });
  }
  return out
    .sort((a, b) => b.score - a.score || a.start - b.start)
    .slice(0, limit)
    .sort((a, b) => a.start - b.start)
    .map(({ score: _s, ...c }) => c);
}
