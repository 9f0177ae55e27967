import type { Sentence, Token } from './nlp.js';
import { isContentWord, stem } from './text/terms.js';

/**
 * Keyphrases: noun phrases (adjectives and nouns ending in a noun) and the nouns and names
 * inside them, scored by how often their words recur, how early they first appear, and
 * whether the title uses them. Ranked, deduplicated by stem.
 */
export interface Keyphrase {
  text: string;
  score: number;
}

const NOMINAL = new Set(['NOUN', 'PROPN']);

/** Nouns of time and quantity that every news story has and no reader picks as its subject. */
const GENERIC = new Set(
  'year years day days week weeks month months time times today yesterday tomorrow morning evening night hour hours minute minutes percent per cent number numbers people thing things way ways lot part parts end start kind sort case cases man men woman women world place point fact issue issues group groups home area areas million billion thousand hundred dozen monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december amp nbsp'.split(' '),
);
const MODIFIER = new Set(['ADJ', 'NOUN', 'PROPN']);

function phraseKey(tokens: readonly Token[]): string {
  return tokens.map((t) => stem(t.norm)).join(' ');
}

function goodToken(t: Token): boolean {
  return isContentWord(t.norm) && /\p{L}/u.test(t.text) && t.text.length < 40;
}

interface Candidate {
  text: string;
  words: string[];
  count: number;
  first: number;
  inTitle: boolean;
  proper: boolean;
}

export interface KeyphraseWeights {
  wordFreq: number;
  position: number;
  title: number;
  proper: number;
  multi: number;
  generic: number;
}
export const KEYPHRASE_WEIGHTS: KeyphraseWeights = { wordFreq: 0.5, position: 2, title: 1.5, proper: 1.2, multi: 0.6, generic: 0.3 };

export function extractKeyphrases(title: Sentence[], body: Sentence[], limit = 20, w: KeyphraseWeights = KEYPHRASE_WEIGHTS): Keyphrase[] {
  const cands = new Map<string, Candidate>();
  const wordFreq = new Map<string, number>();
  let position = 0;
  const all = [...title.map((s) => ({ s, inTitle: true })), ...body.map((s) => ({ s, inTitle: false }))];
  let totalTokens = 0;
  for (const { s } of all) totalTokens += s.tokens.length;
  const seen = (toks: Token[], inTitle: boolean, pos: number) => {
    const key = phraseKey(toks);
    const c = cands.get(key);
    if (c) {
      c.count += 1;
      c.inTitle ||= inTitle;
    } else {
      cands.set(key, { text: toks.map((t) => t.text).join(' '), words: toks.map((t) => stem(t.norm)), count: 1, first: pos, inTitle, proper: toks.every((t) => t.pos === 'PROPN') });
    }
  };
  for (const { s, inTitle } of all) {
    const toks = s.tokens;
    let i = 0;
    while (i < toks.length) {
      if (!MODIFIER.has(toks[i]!.pos) || !goodToken(toks[i]!)) {
        i++;
        position++;
        continue;
      }
      let j = i;
      while (j < toks.length && MODIFIER.has(toks[j]!.pos) && goodToken(toks[j]!)) j++;
      // Trim trailing non-nouns: a phrase ends in a noun or a name.
      let end = j;
      while (end > i && !NOMINAL.has(toks[end - 1]!.pos)) end--;
      const span = toks.slice(i, end);
      for (const t of span) {
        const st = stem(t.norm);
        wordFreq.set(st, (wordFreq.get(st) ?? 0) + 1);
      }
      if (span.length > 0 && span.length <= 4) seen(span, inTitle, position);
      // The nouns inside a longer phrase stand on their own too; the parts of a name
      // ("San" of "San Francisco") do not, unless the text uses them alone elsewhere.
      if (span.length > 1 && !span.every((t) => t.pos === 'PROPN')) for (const t of span) if (NOMINAL.has(t.pos)) seen([t], inTitle, position + span.indexOf(t));
      position += j - i;
      i = j;
    }
  }
  const total = Math.max(1, totalTokens);
  const scored: Keyphrase[] = [];
  for (const c of cands.values()) {
    const wf = c.words.reduce((a, w) => a + (wordFreq.get(w) ?? 0), 0) / c.words.length;
    const positionPrior = 1 + w.position / (1 + (8 * c.first) / total);
    const lengthPrior = Math.pow(w.multi, c.words.length - 1);
    const generic = c.words.length === 1 && GENERIC.has(c.text.toLowerCase()) ? w.generic : 1;
    const score = generic * (c.count + w.wordFreq * wf) * positionPrior * lengthPrior * (c.inTitle ? w.title : 1) * (c.proper ? w.proper : 1);
    scored.push({ text: c.text, score });
  }
  scored.sort((a, b) => b.score - a.score || a.text.localeCompare(b.text));
  return scored.slice(0, limit);
}
