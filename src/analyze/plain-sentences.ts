import { MAX_SENTENCE_CHARS } from './sentence-length.js';
import { startsSentence } from './sentences.js';
import type { Sentence, Token } from './nlp.js';
import { normalizeWord, words } from './text/terms.js';

/**
 * Sentences found without the tagger, for what runs on the main thread: the event refresh
 * (inside the clustering batch's transaction, for every event a batch touched) reads the
 * members' stored summaries, and the LLM extractor points a claim at its sentence. One linear
 * scan splits where a sentence ends (a mark, space, then a capital, a digit or a quote; a line
 * break), never after an initial or a common abbreviation, and cuts any piece longer than
 * MAX_SENTENCE_CHARS at a space. Tokens carry what scoring reads (text, normalised form,
 * offsets), no part of speech.
 */
// The last mark of a run only, so a run of marks costs one look each (no backtracking).
const END = /[.!?](?![.!?])["”’)\]]*(?=\s+["“‘(\[]?[\p{Lu}\p{N}])|\n+/gu;

// The long patterns are String.raw pieces joined into one RegExp, to keep lines short.

/** Words that end in a dot without ending the sentence ("Dr. Smith", "U.S. regulators", "Inc. said"). */
const NOT_AN_END = new RegExp(
  String.raw`(?:^|[\s(])(?:\p{Lu}|(?:\p{L}\.)+\p{L}|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|St|Jr|Sr|Inc|Corp|Co|` +
    String.raw`Ltd|No|vs|v|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$`,
  'u',
);

/** Before a name, an abbreviation never ends a sentence: an initial, a title, a case's "v." ("Musk v. Altman"). */
const BEFORE_A_NAME = /(?:^|[\s(])(?:\p{Lu}|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|St|v)\.$/u;
/** A reference's abbreviation, which abbreviates only before its number ("No. 3"). */
const NUMBERED = /(?:^|[\s(])(?:No|no|Vol|vol|Fig|fig|pp)\.$/;

/**
 * Whether a dot ends the sentence, given the text up to it and the text after. After most
 * words it does; after an abbreviation only where the next word is one that opens sentences
 * ("… in the U.S. The rollout …", "… Meta Platforms Inc. Both …"), and after a reference's
 * abbreviation unless its number follows ("says no. Here's why" ends, "No. 3" does not).
 */
function abbreviationEnds(upToDot: string, after: string): boolean {
  if (!NOT_AN_END.test(upToDot)) return true;
  const next = /^\s*["“‘(\[]?(\S+)/u.exec(after)?.[1] ?? '';
  if (NUMBERED.test(upToDot)) return !/^[\p{N}#]/u.test(next);
  return !BEFORE_A_NAME.test(upToDot) && startsSentence(next);
}

export function plainSentences(text: string): Sentence[] {
  return sentenceBounds(text).map(([start, end], index) => ({
    index,
    text: text.slice(start, end),
    start,
    end,
    tokens: tokensOf(text, start, end),
  }));
}

/** The sentences' texts alone, split as plainSentences splits them: for a reader of sentences that needs no tokens (an event page, each request). */
export function plainSentenceTexts(text: string): string[] {
  return sentenceBounds(text).map(([start, end]) => text.slice(start, end));
}

/** Where each sentence starts and ends, in order. */
function sentenceBounds(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const add = (from: number, to: number) => {
    while (from < to && /\s/.test(text[from]!)) from++;
    while (to > from && /\s/.test(text[to - 1]!)) to--;
    if (from === to) return;
    if (to - from > MAX_SENTENCE_CHARS) {
      const cut = text.lastIndexOf(' ', from + MAX_SENTENCE_CHARS);
      const at = cut > from ? cut : from + MAX_SENTENCE_CHARS;
      add(from, at);
      return add(at, to);
    }
    out.push([from, to]);
  };
  let from = 0;
  for (const m of text.matchAll(END)) {
    const to = m.index! + m[0].length;
    if (m[0][0] === '.' && !abbreviationEnds(text.slice(Math.max(from, m.index! - 12), m.index! + 1), text.slice(to)))
      continue;
    add(from, to);
    from = to;
  }
  add(from, text.length);
  return out;
}

function tokensOf(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  const span = text.slice(from, to);
  let cursor = 0;
  for (const w of words(span)) {
    const at = span.indexOf(w, cursor);
    cursor = at + w.length;
    tokens.push({ text: w, norm: normalizeWord(w), pos: 'X', start: from + at, end: from + cursor });
  }
  return tokens;
}
