import type { Sentence, Token } from './nlp.js';
import { isContentWord, stem } from './text/terms.js';

/**
 * Keyphrase candidates and the features a ranker reads from them. Candidates are noun
 * phrases (adjectives and nouns ending in a noun or a name, up to four words), every word
 * inside them, and the content verbs, adjectives and adverbs that readers also pick as
 * keyphrases ("premiere", "gravely"). Pure: the same sentences give the same features.
 */
export interface Candidate {
  text: string;
  /** Stems joined by spaces: the identity of the candidate. */
  key: string;
  words: number;
  count: number;
  /** First and last occurrence, as a fraction of the document's tokens. */
  first: number;
  last: number;
  inTitle: boolean;
  proper: boolean;
  /** The part of speech of a one-word candidate; MULTI for a phrase. */
  pos: string;
  /** Mean frequency of the candidate's word stems inside noun phrases. */
  wordFreq: number;
  /** Sentences it occurs in. */
  sentences: number;
  /** Occurs in the first sentence of the document (the title when there is one). */
  inFirstSentence: boolean;
  capitalized: boolean;
  /** Whether the phrase-frequency scorer (nounPhraseScore) rates it: noun phrases and their nouns. */
  nounPhrase: boolean;
  /** Longer candidates that contain this one. */
  containedIn: number;
}

/** Nouns of time and quantity that every news story has and no reader picks as its subject. */
export const GENERIC = new Set(
  (
    'year years day days week weeks month months time times today yesterday tomorrow morning evening ' +
    'night hour hours minute minutes percent per cent number numbers people thing things way ways ' +
    'lot part parts end start kind sort case cases man men woman women world place point fact ' +
    'issue issues group groups home area areas million billion thousand hundred dozen monday ' +
    'tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december amp nbsp'
  ).split(' '),
);

const NOMINAL = new Set(['NOUN', 'PROPN']);
const MODIFIER = new Set(['ADJ', 'NOUN', 'PROPN']);
const LONE = new Set(['VERB', 'ADV', 'ADJ']);

function goodToken(t: Token): boolean {
  return isContentWord(t.norm) && /\p{L}/u.test(t.text) && t.text.length < 40;
}

export interface CandidateSet {
  candidates: Candidate[];
  sentences: number;
  tokens: number;
}

export function keyphraseCandidates(title: Sentence[], body: Sentence[]): CandidateSet {
  const all = [...title.map((s) => ({ s, inTitle: true })), ...body.map((s) => ({ s, inTitle: false }))];
  let total = 0;
  for (const { s } of all) total += s.tokens.length;
  const frac = (p: number) => p / Math.max(1, total);
  const cands = new Map<string, Candidate & { lastSentence: number }>();
  const stems = new Map<Token, string>();
  const stemOf = (t: Token) => stems.get(t) ?? stems.set(t, stem(t.norm)).get(t)!;
  const wordFreq = new Map<string, number>();
  const see = (toks: Token[], inTitle: boolean, pos: number, sentence: number, nounPhrase: boolean) => {
    const key = toks.map(stemOf).join(' ');
    let c = cands.get(key);
    if (!c) {
      c = {
        text: toks.map((t) => t.text).join(' '),
        key,
        words: toks.length,
        count: 0,
        first: frac(pos),
        last: frac(pos),
        inTitle: false,
        proper: toks.every((t) => t.pos === 'PROPN'),
        pos: toks.length === 1 ? toks[0]!.pos : 'MULTI',
        wordFreq: 0,
        sentences: 0,
        inFirstSentence: sentence === 0,
        capitalized: /^\p{Lu}/u.test(toks[0]!.text),
        nounPhrase: false,
        containedIn: 0,
        lastSentence: -1,
      };
      cands.set(key, c);
    }
    c.count++;
    c.inTitle ||= inTitle;
    c.nounPhrase ||= nounPhrase;
    c.last = frac(pos);
    if (c.lastSentence !== sentence) {
      c.sentences++;
      c.lastSentence = sentence;
    }
  };
  let position = 0;
  all.forEach(({ s, inTitle }, sentence) => {
    const toks = s.tokens;
    let i = 0;
    while (i < toks.length) {
      const t = toks[i]!;
      if (!MODIFIER.has(t.pos) || !goodToken(t)) {
        if (LONE.has(t.pos) && goodToken(t)) see([t], inTitle, position, sentence, false);
        i++;
        position++;
        continue;
      }
      let j = i;
      while (j < toks.length && MODIFIER.has(toks[j]!.pos) && goodToken(toks[j]!)) j++;
      // A phrase ends in a noun or a name; the adjectives after it stand alone.
      let end = j;
      while (end > i && !NOMINAL.has(toks[end - 1]!.pos)) end--;
      const span = toks.slice(i, end);
      for (const w of span) wordFreq.set(stemOf(w), (wordFreq.get(stemOf(w)) ?? 0) + 1);
      if (span.length > 0 && span.length <= 4) see(span, inTitle, position, sentence, true);
      if (span.length > 1) {
        // The nouns inside a phrase are noun-phrase candidates in their own right; the parts
        // of a name ("San" of "San Francisco") and its adjectives are candidates too, ranked lower.
        const name = span.every((w) => w.pos === 'PROPN');
        span.forEach((w, k) => see([w], inTitle, position + k, sentence, !name && NOMINAL.has(w.pos)));
      }
      for (let k = end; k < j; k++) see([toks[k]!], inTitle, position + k - i, sentence, false);
      position += j - i;
      i = j;
    }
  });
  const list = [...cands.values()];
  const byKey = new Map(list.map((c) => [c.key, c]));
  for (const c of list) {
    c.wordFreq = c.key.split(' ').reduce((a, w) => a + (wordFreq.get(w) ?? 0), 0) / c.words;
    if (c.words < 2) continue;
    // Every shorter run of words inside a phrase is "contained" once per phrase.
    const parts = c.key.split(' ');
    const seen = new Set<string>();
    for (let a = 0; a < parts.length; a++) {
      for (let b = a + 1; b <= parts.length; b++) {
        if (b - a === parts.length) continue;
        const sub = parts.slice(a, b).join(' ');
        if (seen.has(sub)) continue;
        seen.add(sub);
        const inner = byKey.get(sub);
        if (inner) inner.containedIn++;
      }
    }
  }
  return { candidates: list.map(({ lastSentence: _, ...c }) => c), sentences: body.length, tokens: total };
}

/**
 * The phrase-frequency score of a noun-phrase candidate (0 for the others): how often its
 * words recur, how early it first appears, whether the title uses it, whether it is a name.
 * It was the whole ranker before the learned one, and is one of that ranker's features.
 */
export function nounPhraseScore(c: Candidate): number {
  if (!c.nounPhrase) return 0;
  const positionPrior = 1 + 2 / (1 + 8 * c.first);
  const lengthPrior = Math.pow(0.6, c.words - 1);
  const generic = c.words === 1 && GENERIC.has(c.text.toLowerCase()) ? 0.3 : 1;
  return (
    generic * (c.count + 0.5 * c.wordFreq) * positionPrior * lengthPrior * (c.inTitle ? 1.5 : 1) * (c.proper ? 1.2 : 1)
  );
}

const POS = ['NOUN', 'PROPN', 'ADJ', 'VERB', 'ADV', 'MULTI'] as const;

/** Names of the features, in the order keyphraseFeatures returns them. */
export const FEATURE_NAMES = [
  'log count',
  'log word frequency',
  'first position',
  'spread',
  'in title',
  'proper name',
  'two words',
  'three or more words',
  'generic noun',
  'share of sentences',
  'in first sentence',
  'capitalized',
  'log noun-phrase score',
  ...POS.map((p) => `pos ${p}`),
  'title only',
  'log contained in',
  'length / 10',
  'log count × in title',
  'first position²',
] as const;

export function keyphraseFeatures(c: Candidate, set: CandidateSet): number[] {
  const count = Math.log1p(c.count);
  return [
    count,
    Math.log1p(c.wordFreq),
    c.first,
    c.last - c.first,
    c.inTitle ? 1 : 0,
    c.proper ? 1 : 0,
    c.words === 2 ? 1 : 0,
    c.words >= 3 ? 1 : 0,
    c.words === 1 && GENERIC.has(c.text.toLowerCase()) ? 1 : 0,
    c.sentences / Math.max(1, set.sentences),
    c.inFirstSentence ? 1 : 0,
    c.capitalized ? 1 : 0,
    Math.log1p(nounPhraseScore(c)),
    ...POS.map((p) => (c.pos === p ? 1 : 0)),
    set.sentences <= 1 ? 1 : 0,
    Math.log1p(c.containedIn),
    c.text.length / 10,
    count * (c.inTitle ? 1 : 0),
    c.first * c.first,
  ];
}
