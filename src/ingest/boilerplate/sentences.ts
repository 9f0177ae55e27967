import { createHash } from 'node:crypto';

/**
 * Sentence spans for finding boilerplate: a light splitter (sentence ends followed by a
 * capital, a digit, a quote or a bracket; paragraph breaks), with abbreviations and initials
 * held together. Exact grammar matters less here than consistency: a sentence repeated across
 * items is cut the same way each time, so its key is the same.
 */
export interface Span {
  start: number;
  end: number;
}

// The long patterns are String.raw pieces joined into one RegExp, to keep lines short.

// "U.S.", "Dept.", "Jan.", initials: a period after these does not end a sentence when a capital follows.
const ABBREVIATION = new RegExp(
  String.raw`(?:^|[\s(])(?:[A-Z]|(?:[A-Z]\.)+[A-Z]|Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Inc|Corp|Ltd|Co|vs|v|etc|e\.g|` +
    String.raw`i\.e|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Dept|Gov|Sen|Rep|Univ|Gen|Lt|Col|Capt)$`,
);
// A sentence end: punctuation then space and a capital, a paragraph break, or (as feeds glue
// them) a word's last letters, a period and a capitalised word with no space: "Friday.Subscribe".
const END =
  /[.!?\u2026]+["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018(\[\p{Lu}\p{N}])|(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll}{2})|\n\s*\n|\n(?=\S)/gu;

export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    const s = text.slice(start, end);
    const lead = s.length - s.trimStart().length;
    const body = s.trim();
    if (body) spans.push({ start: start + lead, end: start + lead + body.length });
  };
  for (const m of text.matchAll(END)) {
    const at = m.index!;
    const cut = at + m[0].length;
    if (m[0].startsWith('.') && ABBREVIATION.test(text.slice(Math.max(from, at - 12), at))) continue;
    push(from, cut);
    from = cut;
  }
  push(from, text.length);
  return spans;
}

/**
 * Anything but plain ASCII and the typographic punctuation of English text (no-break space,
 * dashes, curly quotes, the ellipsis): each of those is one NFKC leaves without a letter or
 * digit and lower-casing leaves as it is, so it folds to a space as ASCII punctuation does.
 */
const NOT_PLAIN = /[^\u0000-\u007f\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026]/;

/**
 * A sentence's identity across items: letters and digits only, case and typography folded.
 * Plain text, most sentences, takes the same steps narrowed to ASCII (NFKC leaves its letters
 * and digits as they are, a-z and 0-9 once lower-cased): an event page folds each of its
 * summaries' sentences on every request.
 */
export function sentenceNorm(sentence: string): string {
  return NOT_PLAIN.test(sentence)
    ? sentence
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\u2018\u2019]/g, "'")
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
    : sentence
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
}

/** The stored key of a sentence (a short hash of its folded form), or '' when it has no words. */
export function sentenceKey(sentence: string): string {
  const n = sentenceNorm(sentence);
  return n ? createHash('sha1').update(n).digest('hex').slice(0, 16) : '';
}

/** How many sentences at each end of an item are learned from: outlets put their boilerplate there. */
export const EDGE_SENTENCES = 3;

/** The keys of an item's first and last sentences, each once. */
export function edgeKeys(text: string): string[] {
  const spans = sentenceSpans(text);
  const edge =
    spans.length <= 2 * EDGE_SENTENCES ? spans : [...spans.slice(0, EDGE_SENTENCES), ...spans.slice(-EDGE_SENTENCES)];
  return [...new Set(edge.map((s) => sentenceKey(text.slice(s.start, s.end))).filter(Boolean))];
}
