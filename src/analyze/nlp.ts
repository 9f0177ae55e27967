import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { normalizeWord } from './text/terms.js';

/**
 * Sentences and tagged tokens with their character offsets in the original text. wink-nlp
 * with its lite English model does the splitting and part-of-speech tagging (fast, no
 * download: the model is an npm package); offsets are ours, found by walking the text, so
 * that every quote we keep can point at its exact span.
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

export function analyzeText(text: string): Sentence[] {
  const doc = nlp.readDoc(text);
  // Whole-document outputs once (cheaper than per sentence), cut at the sentence spans.
  const words = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentences: Sentence[] = [];
  let cursor = 0;
  for (const [from, to] of spans) {
    const tokens: Token[] = [];
    for (let i = from; i <= to; i++) {
      const w = words[i]!;
      if (!w || /^\s+$/.test(w)) continue;
      const at = text.indexOf(w, cursor);
      // wink may normalise a token (rare): keep it without an offset jump rather than lose it.
      const found = at >= 0 && at - cursor < 200;
      const start = found ? at : cursor;
      const end = found ? at + w.length : cursor;
      cursor = end;
      tokens.push({ text: w, norm: normalizeWord(w), pos: tags[i] ?? 'X', start, end });
    }
    mergeHyphenated(tokens, text);
    if (tokens.length === 0) continue;
    const start = tokens[0]!.start;
    const end = tokens[tokens.length - 1]!.end;
    sentences.push({ index: sentences.length, text: text.slice(start, end), start, end, tokens });
  }
  return sentences;
}

/** "op-ed", "open-weight", "GPT-5": one token, as a reader sees it (wink splits at the hyphen). */
function mergeHyphenated(tokens: Token[], text: string): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    const [a, h, b] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
    if (h.text !== '-' || a.end !== h.start || h.end !== b.start || !/[\p{L}\p{N}]$/u.test(a.text) || !/^[\p{L}\p{N}]/u.test(b.text)) continue;
    const merged: Token = { text: text.slice(a.start, b.end), norm: '', pos: b.pos === 'NUM' ? a.pos : b.pos, start: a.start, end: b.end };
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
  const common = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'is', 'are', 'be', 'would', 'will', 'can', 'as', 'from', 'its', 'it', 'that', 'this', 'how', 'why', 'what', 'new']);
  return title.replace(/\p{Lu}[\p{Ll}'-]+/gu, (w, offset: number) => {
    const lower = w.toLowerCase();
    return offset > 0 && (lowerBody.has(lower) || common.has(lower)) ? lower : w;
  });
}
