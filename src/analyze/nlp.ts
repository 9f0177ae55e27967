import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { splitSentences } from './sentences.js';
import { normalizeWord } from './text/terms.js';

/**
 * Sentences and tagged tokens with their character offsets in the original text. Our
 * splitter (sentences.ts) sets the sentence boundaries; wink-nlp with its lite English model
 * does the tokens and part-of-speech tagging (fast, no download: the model is an npm
 * package); offsets are ours, found by walking the text, so that every sentence and quote
 * we keep is an exact span of it.
 */
export interface Token {
  text: string;
  /** Lower-cased, apostrophes folded. */
  norm: string;
  pos: string;
  start: number;
  end: number;
}

export interface Sentence {
  index: number;
  text: string;
  start: number;
  end: number;
  tokens: Token[];
}

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

/**
 * The sentences of text[from, to): boundaries from our splitter (sentences.ts), which knows
 * versions, abbreviations and quotes; tokens and tags from wink, each token put in the
 * sentence its first character falls in. Offsets are into `text` itself.
 */
export function analyzeText(text: string, from = 0, to = text.length): Sentence[] {
  const spans = splitSentences(text, from, to);
  if (!spans.length) return [];
  const doc = nlp.readDoc(text.slice(from, to));
  // Whole-document outputs once (cheaper than per sentence).
  const words = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const sentences: Sentence[] = [];
  let cursor = from;
  let si = 0;
  let tokens: Token[] = [];
  const flush = () => {
    const span = spans[si]!;
    mergeHyphenated(tokens, text);
    mergeDotted(tokens, text);
    if (tokens.length)
      sentences.push({
        index: sentences.length,
        text: text.slice(span.start, span.end),
        start: span.start,
        end: span.end,
        tokens,
      });
    tokens = [];
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w || /^\s+$/.test(w)) continue;
    const at = text.indexOf(w, cursor);
    // wink may normalise a token (rare): keep it without an offset jump rather than lose it.
    const found = at >= 0 && at < to && at - cursor < 200;
    const start = found ? at : cursor;
    const end = found ? at + w.length : cursor;
    cursor = end;
    while (si < spans.length && start >= spans[si]!.end) {
      flush();
      si++;
    }
    if (si >= spans.length) break;
    if (start < spans[si]!.start) continue;
    tokens.push({ text: w, norm: normalizeWord(w), pos: tags[i] ?? 'X', start, end: Math.min(end, spans[si]!.end) });
  }
  for (; si < spans.length; si++) flush();
  return sentences;
}

/** "op-ed", "open-weight", "GPT-5": one token, as a reader sees it (wink splits at the hyphen). */
function mergeHyphenated(tokens: Token[], text: string): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const [a, h, b] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    if (
      h.text !== '-' ||
      a.end !== h.start ||
      h.end !== b.start ||
      !/[\p{L}\p{N}]$/u.test(a.text) ||
      !/^[\p{L}\p{N}]/u.test(b.text)
    )
      continue;
    const merged: Token = {
      text: text.slice(a.start, b.end),
      norm: '',
      pos: b.pos === 'NUM' ? a.pos : b.pos,
      start: a.start,
      end: b.end,
    };
    merged.norm = normalizeWord(merged.text);
    tokens.splice(i - 1, 3, merged);
    i -= 1;
  }
}

/** "GPT-5.5", "openai.com", "v1.2": one token when a dot sits between two word characters with no space (wink splits at it). */
function mergeDotted(tokens: Token[], text: string): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const [a, d, b] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    if (
      d.text !== '.' ||
      a.end !== d.start ||
      d.end !== b.start ||
      !/[\p{L}\p{N}]$/u.test(a.text) ||
      !/^[\p{L}\p{N}]/u.test(b.text)
    )
      continue;
    const merged: Token = { text: text.slice(a.start, b.end), norm: '', pos: a.pos, start: a.start, end: b.end };
    merged.norm = normalizeWord(merged.text);
    tokens.splice(i - 1, 3, merged);
    i -= 1;
  }
}

/**
 * Headlines in Title Case make every word look like a name. A title word whose lower-case
 * form the body uses is lower-cased before tagging; names stay as they are.
 */
export function truecaseTitle(title: string, body: string): string {
  const ws = title.match(/\S+/g) ?? [];
  const capitalised = ws.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (ws.length < 3 || capitalised / ws.length < 0.6) return title;
  const lowerBody = new Set(body.match(/(?<![\p{L}])\p{Ll}[\p{L}']*/gu) ?? []);
  const common = new Set([
    'a',
    'an',
    'the',
    'and',
    'or',
    'but',
    'of',
    'to',
    'in',
    'on',
    'for',
    'with',
    'by',
    'at',
    'is',
    'are',
    'be',
    'would',
    'will',
    'can',
    'as',
    'from',
    'its',
    'it',
    'that',
    'this',
    'how',
    'why',
    'what',
    'new',
  ]);
  return title.replace(/\p{Lu}[\p{Ll}'-]+/gu, (w, offset: number) => {
    const lower = w.toLowerCase();
    return offset > 0 && (lowerBody.has(lower) || common.has(lower)) ? lower : w;
  });
}
