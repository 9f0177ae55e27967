import type { Entity } from './entities.js';
import type { ScoredSentence } from './summary.js';

/**
 * Key quotes, verbatim: direct speech first (the words between quote marks, with the
 * speaker named next to them when there is one), else the most quotable sentences. Every
 * quote carries its character offsets in the article text, and text.slice(start, end)
 * is the quote exactly.
 */
export interface Quote {
  text: string;
  speaker?: string;
  start: number;
  end: number;
}

/** Spans of direct speech: curly quotes pair themselves; straight ones are told apart by what stands beside them. */
function quotedSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/“([^”]{20,600})”/g)) spans.push({ start: m.index! + 1, end: m.index! + 1 + m[1]!.length });
  let open = -1;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
    const before = i === 0 ? ' ' : text[i - 1]!;
    const after = text[i + 1] ?? ' ';
    const opens = /[\s([{—–-]/.test(before) && /\S/.test(after);
    const closes = /\S/.test(before) && /[\s.,;:!?)\]}—–-]|$/.test(after);
    if (open < 0) {
      if (opens) open = i;
    } else if (closes) {
      if (i - open > 20 && i - open < 600 && !text.slice(open, i).includes('\n\n')) spans.push({ start: open + 1, end: i });
      open = -1;
    } else if (opens) open = i;
  }
  return spans.sort((a, b) => a.start - b.start);
}
const NAME = "((?:[A-Z]\\.|[A-Z][\\p{L}'’-]+)(?:\\s+(?:[A-Z]\\.|[A-Z][\\p{L}'’-]+|de|van|von|der|al)){0,3})";
const SPEECH = '(?:said|says|told|added|wrote|argued|explained|noted|warned|insisted|stated|posted)';
const AFTER_NAME_VERB = new RegExp(`^[\\s,]*${NAME}\\s+${SPEECH}\\b`, 'u');
const AFTER_VERB_NAME = new RegExp(`^[\\s,]*${SPEECH}\\s+${NAME}`, 'u');
const BEFORE = new RegExp(`${NAME}\\s+${SPEECH}(?:\\s+\\w+){0,4}\\s*[:,]?\\s*$`, 'u');
const ACCORDING = new RegExp(`^[\\s,]*according to\\s+${NAME}`, 'u');
const PRONOUN = /^(he|she|they|it|we|i|this|that|the)$/i;
/** A speaker described rather than named: "said one investor who backs start-ups", "a Meta executive said". */
const DESCRIBED = "((?:a|an|one|two|the|another)\\s+[\\p{L}][\\p{L}\\p{N}'’ -]{2,80}?)";
const AFTER_VERB_DESCRIBED = new RegExp(`^[\\s,]*${SPEECH}\\s+${DESCRIBED}(?=[.,;:!?]|\\s+(?:on|in|during|after|before|last|this)\\b|$)`, 'u');
const AFTER_DESCRIBED_VERB = new RegExp(`^[\\s,]*${DESCRIBED}\\s+${SPEECH}\\b`, 'u');

/** At most ten words of a described speaker, cut at a clause that only adds circumstance. */
function shortSpeaker(s: string): string {
  const w = s.trim().split(/\s+/);
  return w.length <= 10 ? w.join(' ') : w.slice(0, 10).join(' ') + '…';
}

function speakerNear(text: string, start: number, end: number, people: Entity[]): string | undefined {
  const after = text.slice(end, end + 80);
  const before = text.slice(Math.max(0, start - 100), start);
  const m = AFTER_NAME_VERB.exec(after) ?? AFTER_VERB_NAME.exec(after) ?? ACCORDING.exec(after) ?? BEFORE.exec(before);
  const name = m?.[1]?.trim();
  if (!name) {
    const d = AFTER_VERB_DESCRIBED.exec(after) ?? AFTER_DESCRIBED_VERB.exec(after);
    if (d?.[1]) return shortSpeaker(d[1]);
  }
  if (!name || PRONOUN.test(name)) {
    // "he said": the person named most recently before the quote.
    if (/\b(he|she)\s+(said|says|added|told)\b/i.test(after.slice(0, 30))) {
      let best: { name: string; at: number } | undefined;
      for (const p of people) {
        const at = text.lastIndexOf(p.name.split(' ').pop()!, start);
        if (at >= 0 && (!best || at > best.at)) best = { name: p.name, at };
      }
      return best?.name;
    }
    return undefined;
  }
  // Prefer the full name the article uses elsewhere ("Altman" → "Sam Altman").
  const full = people.find((p) => p.name === name || p.name.endsWith(` ${name}`));
  return full?.name ?? name;
}

export function extractQuotes(text: string, sentences: ScoredSentence[], entities: Entity[], limit = 4): Quote[] {
  const people = entities.filter((e) => e.type === 'person');
  const quotes: (Quote & { weight: number })[] = [];
  for (const span of quotedSpans(text)) {
    const inner = text.slice(span.start, span.end);
    const trimmed = inner.replace(/^[\s,]+|[\s,]+$/g, '');
    const words = trimmed.split(/\s+/).length;
    if (words < 6 || /^[.,;:]/.test(trimmed)) continue; // scare quotes and titles, not speech
    const start = span.start + inner.indexOf(trimmed);
    const end = start + trimmed.length;
    const speaker = speakerNear(text, span.start - 1, span.end + 1, people);
    quotes.push({ text: trimmed, speaker, start, end, weight: (speaker ? 2 : 1) * Math.min(words, 40) });
  }
  if (quotes.length === 0) {
    // No direct speech: the most quotable sentences (central, self-contained, not too long).
    const pick = sentences
      .filter((s) => s.words >= 10 && s.words <= 45 && !/^["“]/.test(s.sentence.text))
      .sort((a, b) => b.score - a.score)
      .slice(0, Math.min(2, limit));
    return pick
      .sort((a, b) => a.sentence.start - b.sentence.start)
      .map((s) => ({ text: s.sentence.text, start: s.sentence.start, end: s.sentence.end }));
  }
  return quotes
    .sort((a, b) => b.weight - a.weight || a.start - b.start)
    .slice(0, limit)
    .sort((a, b) => a.start - b.start)
    .map(({ weight: _w, ...q }) => (q.speaker ? q : { text: q.text, start: q.start, end: q.end }));
}
