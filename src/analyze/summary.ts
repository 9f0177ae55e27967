import type { Sentence } from './nlp.js';
import { isTeaser, isUnfinished } from './summary-ends.js';
import { isContentWord, stem } from './text/terms.js';

/**
 * Extractive summary: up to three whole sentences of the article, as written, chosen by
 * where they stand (see summarySentences). Sentences are also scored for how central they
 * are (cosine of their words to the whole article's) and where they stand: the claims and
 * the event summaries rank by that score.
 */
export interface SummaryWeights {
  centrality: number;
  position: number;
  /** Sentences shorter than this many words are weighed down. */
  minWords: number;
  maxSentences: number;
}

export const SUMMARY_WEIGHTS: SummaryWeights = { centrality: 1, position: 1, minWords: 8, maxSentences: 3 };

const DANGLING =
  /^(he|she|it|they|this|that|these|those|his|her|its|their|him|them|but|and|also|however|meanwhile|instead|still|yet|so)\b/i;

const isQuestion = (t: string) => /\?\s*["”’']?$/.test(t);
/** Speech, or a title in quotation marks: not the reporter's voice. */
const opensQuoted = (t: string) => /^["“‘']/.test(t);

function termBag(s: Sentence): Map<string, number> {
  const bag = new Map<string, number>();
  for (const t of s.tokens)
    if (isContentWord(t.norm) && /\p{L}/u.test(t.norm)) bag.set(stem(t.norm), (bag.get(stem(t.norm)) ?? 0) + 1);
  return bag;
}

export interface ScoredSentence {
  sentence: Sentence;
  score: number;
  centrality: number;
  words: number;
}

/** Every sentence with its score (shared by the summary and the claims). */
export function scoreSentences(
  body: Sentence[],
  title: Sentence[] = [],
  w: SummaryWeights = SUMMARY_WEIGHTS,
): ScoredSentence[] {
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

/**
 * Whether a sentence can open a summary: enough words to say something, not a question,
 * not speech (a summary is in the reporter's voice), not a teaser nor the sentence the feed
 * cut (summary-ends.ts), and not pointing back at a sentence left out.
 */
function informative(s: ScoredSentence, last: boolean, previousChosen: boolean, w: SummaryWeights): boolean {
  const t = s.sentence.text;
  if (s.words < w.minWords || isQuestion(t) || opensQuoted(t)) return false;
  if (isTeaser(t) || (last && isUnfinished(t))) return false;
  return previousChosen || !DANGLING.test(t);
}

/**
 * The summary's sentences: the first informative sentences, in order. News puts the point
 * first (the inverted pyramid), so the lead is the summary once the openers that say nothing
 * (captions, questions, asides, quotes) are skipped; on both public sets this holds where
 * choosing by centrality lost to Lead-3 on one (see npm run eval:extract).
 */
export function summarySentences(scored: ScoredSentence[], w: SummaryWeights = SUMMARY_WEIGHTS): ScoredSentence[] {
  const opening = shortOpening(scored, w);
  const chosen: ScoredSentence[] = scored.slice(0, opening);
  for (const [i, s] of scored.entries()) {
    if (i < opening) continue;
    if (chosen.length - opening >= w.maxSentences) break;
    const previous = chosen.length > 0 && chosen[chosen.length - 1]!.sentence.index === s.sentence.index - 1;
    if (informative(s, i === scored.length - 1, previous, w)) chosen.push(s);
  }
  if (chosen.length === 0 && scored.length) chosen.push(scored[0]!);
  return chosen;
}

/** Words up to which a text's opening is read as one (a feed's description: "Sexual fetish content. How to light a match. …"). */
const SHORT_LEAD_WORDS = 60;
/** A greeting opens a letter, not a story: "Happy Friday.", "Good morning." */
const GREETING = /^(?:happy|good|hello|hi|hey|greetings|welcome|dear)\b/i;

/**
 * A short text that opens with short lines or a question and states its point after them
 * ("Is the new watermark a travesty? Some have taken to social media to complain that it is.")
 * is read from its start: the point alone leans on what it follows ("it is", "On that front"),
 * and the lines alone say nothing. Only where every sentence before the point is a short
 * statement of two words or more, or a question (not a greeting, an exclamation, a quote, a
 * caption or a teaser), and the opening is a feed description's length. Returns how many
 * sentences open the text so; the lead rule chooses from the point on.
 */
function shortOpening(scored: ScoredSentence[], w: SummaryWeights): number {
  let words = 0;
  for (const [i, s] of scored.entries()) {
    const t = s.sentence.text;
    words += s.words;
    const question = isQuestion(t);
    // (A question is a teaser at a summary's end; at its start, what the point answers.)
    if (words > SHORT_LEAD_WORDS || opensQuoted(t) || (!question && isTeaser(t))) return 0;
    if (s.words >= w.minWords && !question) return i;
    if (!question && (s.words < 2 || GREETING.test(t) || /!\s*["”’']?$/.test(t))) return 0;
  }
  return 0;
}

export function summarize(
  body: Sentence[],
  title: Sentence[] = [],
  w: SummaryWeights = SUMMARY_WEIGHTS,
  scored = scoreSentences(body, title, w),
): string {
  return summarySentences(scored, w)
    .map((s) => s.sentence.text)
    .join(' ');
}
