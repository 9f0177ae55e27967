import { analyzeText, type Sentence } from './nlp.js';
import { MAX_SENTENCE_CHARS } from './sentence-length.js';

/**
 * Bounds on what the NLP pass is given, so that its cost follows the length of the text and
 * nothing else. The tagger's tokenizer is quadratic in the length of a run without
 * whitespace (glued URLs, "U.S.U.S.…", "x.x.x.…") and in runs of one punctuation mark
 * ("!!!!…", "----…"): 32 KB of either took 4 to 17 s where 32 KB of prose takes 0.3 s.
 *
 * The pre-step changes no offset: what it leaves out becomes spaces, so every span the
 * extraction reports (quotes, claims) still points into the article's text. Real writing
 * has no token longer than MAX_TOKEN_CHARS but URLs, and no mark repeated more than
 * MAX_MARK_RUN times, so it passes unchanged.
 */
export const MAX_TEXT_CHARS = 100_000;
/** Longest run of non-space characters kept whole (a long URL keeps its first part). */
export const MAX_TOKEN_CHARS = 64;
/** Longest run of one punctuation mark or symbol kept ("..." and "!!!" stay). */
export const MAX_MARK_RUN = 3;
/** Longest sentence kept whole (sentence-length.ts). */
export { MAX_SENTENCE_CHARS };

/** The text the NLP pass reads: the same length as `text` (up to MAX_TEXT_CHARS), runs blanked. */
export function boundText(text: string): string {
  let t = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  // One mark repeated: keep the first few (the rest would be one token each, or one long token).
  t = t.replace(/([\p{P}\p{S}])\1{3,}/gu, (run) => run.slice(0, MAX_MARK_RUN) + ' '.repeat(run.length - MAX_MARK_RUN));
  // Then any run without whitespace longer than the bound keeps its head.
  t = t.replace(
    new RegExp(`\\S{${MAX_TOKEN_CHARS + 1},}`, 'gu'),
    (run) => run.slice(0, MAX_TOKEN_CHARS) + ' '.repeat(run.length - MAX_TOKEN_CHARS),
  );
  return t;
}

/**
 * Sentences no longer than `max` characters: a longer one (a text with no sentence end, or
 * ends the tagger does not take as ends, such as abbreviations) is cut at the token that would
 * take it past the bound. Pieces keep their tokens and offsets; indexes are renumbered.
 */
export function boundSentences(sentences: Sentence[], text: string, max = MAX_SENTENCE_CHARS): Sentence[] {
  if (sentences.every((s) => s.end - s.start <= max)) return sentences;
  const out: Sentence[] = [];
  const push = (tokens: Sentence['tokens']) => {
    const start = tokens[0]!.start;
    const end = tokens[tokens.length - 1]!.end;
    out.push({ index: out.length, text: text.slice(start, end), start, end, tokens });
  };
  for (const s of sentences) {
    if (s.end - s.start <= max) {
      out.push({ ...s, index: out.length });
      continue;
    }
    let piece: Sentence['tokens'] = [];
    for (const t of s.tokens) {
      if (piece.length && t.end - piece[0]!.start > max) {
        push(piece);
        piece = [];
      }
      piece.push(t);
    }
    if (piece.length) push(piece);
  }
  return out;
}

/** The NLP pass over a bounded text (from `from` on): sentences of the bounded text, none longer than the bound. */
export function analyzeBounded(text: string, from = 0): { text: string; sentences: Sentence[] } {
  const bounded = boundText(text);
  return { text: bounded, sentences: boundSentences(analyzeText(bounded, Math.min(from, bounded.length)), bounded) };
}
