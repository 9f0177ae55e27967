import type { Sentence } from './nlp.js';
import { isContentWord, stem } from './text/terms.js';

/**
 * Extractive summary: up to three sentences picked for how central they are (cosine of
 * their words to the whole article's), where they stand (news puts the point first), and
 * whether they can stand alone (no opening pronoun that points back at a sentence we did
 * not keep, no questions, no fragments). Returned in the article's order.
 */
export interface SummaryWeights {
  centrality: number;
  position: number;
  /** Sentences shorter than this many words are weighed down. */
  minWords: number;
  maxSentences: number;
}

export const SUMMARY_WEIGHTS: SummaryWeights = { centrality: 1, position: 1, minWords: 8, maxSentences: 3 };

const DANGLING = /^(he|she|it|they|this|that|these|those|his|her|its|their|him|them|but|and|also|however|meanwhile|instead|still|yet|so)\b/i;

function termBag(s: Sentence): Map<string, number> {
  const bag = new Map<string, number>();
  for (const t of s.tokens) if (isContentWord(t.norm) && /\p{L}/u.test(t.norm)) bag.set(stem(t.norm), (bag.get(stem(t.norm)) ?? 0) + 1);
  return bag;
}

export interface ScoredSentence {
  sentence: Sentence;
  score: number;
  centrality: number;
  words: number;
}

/** Every sentence with its score (shared by the summary and the claims). */
export function scoreSentences(body: Sentence[], title: Sentence[] = [], w: SummaryWeights = SUMMARY_WEIGHTS): ScoredSentence[] {
  const bags = body.map(termBag);
  const doc = new Map<string, number>();
  for (const b of [...bags, ...title.map(termBag)]) for (const [t, c] of b) doc.set(t, (doc.get(t) ?? 0) + c);
  let docNorm = 0;
  for (const c of doc.values()) docNorm += c * c;
  docNorm = Math.sqrt(docNorm) || 1;
  return body.map((sentence, i) => {
    const bag = bags[i]!;
    let dotp = 0;
    let n = 0;
    for (const [t, c] of bag) {
      // Leave the sentence's own words out of the centre it is compared with.
      dotp += c * ((doc.get(t) ?? 0) - c);
      n += c * c;
    }
    const centrality = n ? dotp / (Math.sqrt(n) * docNorm) : 0;
    const words = sentence.tokens.filter((t) => /\p{L}|\p{N}/u.test(t.text)).length;
    const position = 1 / (1 + i / 3);
    let score = w.centrality * centrality + w.position * position * 0.3;
    if (words < w.minWords) score *= words / w.minWords;
    if (words > 60) score *= 0.7;
    if (/\?\s*["”’]?$/.test(sentence.text)) score *= 0.3;
    return { sentence, score, centrality, words };
  });
}

export function summarize(body: Sentence[], title: Sentence[] = [], w: SummaryWeights = SUMMARY_WEIGHTS, scored = scoreSentences(body, title, w)): string {
  const ranked = [...scored].sort((a, b) => b.score - a.score || a.sentence.index - b.sentence.index);
  const chosen: ScoredSentence[] = [];
  for (const s of ranked) {
    if (chosen.length >= w.maxSentences) break;
    // A sentence that opens by pointing back ("He said...", "This means...") only goes in after the one before it.
    if (DANGLING.test(s.sentence.text.replace(/^["“‘']/, '')) && !chosen.some((c) => c.sentence.index === s.sentence.index - 1)) continue;
    chosen.push(s);
  }
  if (chosen.length === 0 && scored.length) chosen.push(scored[0]!);
  return chosen
    .sort((a, b) => a.sentence.index - b.sentence.index)
    .map((s) => s.sentence.text)
    .join(' ');
}
