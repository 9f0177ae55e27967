import type { Entity } from './entities.js';
import type { Kind } from '../extraction-schema.js';
import { repeats, type Piece } from './repeats.js';
import type { ScoredSentence } from './summary.js';

/**
 * Key quotes, verbatim: quoted speech with its speaker (the words inside the marks; the
 * attribution outside them, resolved to a name, "she said" to the person named last), or,
 * for an opinion piece or an interview whose author is known, the author's own sentences
 * attributed to the author. Nothing else is called a quote: speech whose speaker cannot be
 * found is left out, and narrative sentences never stand in for quotes. Every quote carries
 * its character offsets in the article text: text.slice(start, end) is the quote exactly.
 */
export interface Quote {
  text: string;
  speaker?: string;
  start: number;
  end: number;
}

export interface QuoteOptions {
  limit?: number;
  kind?: Kind;
  /** The article's author, who speaks in an opinion piece or an interview. */
  author?: string;
  /** What the extraction already shows (summary sentences, claims): a quote must add to it. */
  shown?: Piece[];
}

interface Mark {
  /** Index of the opening mark; the words are between open + 1 and close. */
  open: number;
  close: number;
}

/**
 * Pairs of quote marks around speech. Curly double marks pair themselves; straight ones
 * and single ones (British and Daily Mail style) are told apart from apostrophes by what
 * stands beside them: an opening mark follows space and precedes a word, a closing one
 * follows a word and precedes space or punctuation ("it’s" and "players’ " are not marks).
 */
function pairs(text: string, opener: string, closer: string, single: boolean): Mark[] {
  const out: Mark[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== opener && c !== closer) continue;
    const before = i === 0 ? ' ' : text[i - 1]!;
    const after = text[i + 1] ?? ' ';
    const opens = c === opener && /[\s([{—–-]/.test(before) && /[\p{L}\p{N}.…]/u.test(after);
    let closes = c === closer && /\S/.test(before) && /[\s.,;:!?)\]}—–-]|^$/.test(after);
    if (single && closes && /\p{L}/u.test(after)) closes = false;
    if (single && closes && before === 's' && /\s/.test(after)) closes = false; // "the players’ union"
    if (open >= 0 && closes && i - open > 1) {
      // A paragraph break or a page of text between two marks: they are not one quote's.
      if (i - open < 1500 && !text.slice(open, i).includes('\n\n')) out.push({ open, close: i });
      open = -1;
    } else if (opens) open = i;
  }
  return out;
}

export function quoteMarks(text: string): Mark[] {
  // Double marks first: single ones inside them are a quote within the quote, and single
  // marks that cross them are apostrophes after all.
  const out: Mark[] = [];
  for (const m of [
    ...pairs(text, '“', '”', false),
    ...pairs(text, '"', '"', false),
    ...pairs(text, '‘', '’', true),
    ...pairs(text, "'", "'", true),
  ]) {
    if (!out.some((o) => m.open < o.close && o.open < m.close)) out.push(m);
  }
  return out.sort((a, b) => a.open - b.open);
}

const NAME = "((?:[A-Z]\\.|[A-Z][\\p{L}'’-]+)(?:\\s+(?:[A-Z]\\.|[A-Z][\\p{L}'’-]+|de|van|von|der|al)){0,3})";
const SPEECH =
  '(?:said|says|told|added|wrote|argued|explained|noted|warned|insisted|stated|posted|continued|asked|replied)';
const AFTER_NAME_VERB = new RegExp(`^[\\s,]*${NAME}\\s+${SPEECH}\\b`, 'u');
/** '…," Priya Raman, an analyst at Example Research, wrote': the name, a description between commas, the verb. */
const AFTER_NAME_APPOSITION = new RegExp(`^[\\s,]*${NAME}\\s*,[^"“”‘’,]{1,80},\\s*${SPEECH}\\b`, 'u');
const BEFORE_APPOSITION = new RegExp(`${NAME}\\s*,[^"“”‘’,]{1,80},\\s*${SPEECH}\\s*[:,]?\\s*$`, 'u');
const AFTER_VERB_NAME = new RegExp(`^[\\s,]*${SPEECH}\\s+${NAME}`, 'u');
const BEFORE = new RegExp(`${NAME}\\s+${SPEECH}(?:\\s+\\w+){0,4}\\s*[:,]?\\s*$`, 'u');
const ACCORDING = new RegExp(`^[\\s,]*according to\\s+${NAME}`, 'u');
/** A speaker described rather than named: "said one investor who backs start-ups", "a Meta executive said". */
const DESCRIBED = "((?:a|an|one|two|the|another)\\s+[\\p{L}][\\p{L}\\p{N}'’ -]{2,80}?)";
const AFTER_VERB_DESCRIBED = new RegExp(
  `^[\\s,]*${SPEECH}\\s+${DESCRIBED}(?=[.,;:!?]|\\s+(?:on|in|during|after|before|last|this)\\b|$)`,
  'u',
);
const AFTER_DESCRIBED_VERB = new RegExp(`^[\\s,]*${DESCRIBED}\\s+${SPEECH}\\b`, 'u');

/** At most ten words of a described speaker, cut at a clause that only adds circumstance. */
function shortSpeaker(s: string): string {
  const w = s.trim().split(/\s+/);
  return w.length <= 10 ? w.join(' ') : w.slice(0, 10).join(' ') + '…';
}

const PRONOUN_AFTER = new RegExp(`^[\\s,]*(?:(?:he|she)\\s+${SPEECH}|${SPEECH}\\s+(?:he|she))\\b`, 'i');
const PRONOUN_BEFORE = new RegExp(`\\b(?:he|she)\\s+${SPEECH}\\s*[:,]?\\s*$`, 'i');
const POINTS_BACK = /^(?:he|she|it|they|this|that|these|those|but|and|so|meanwhile|still|yet)\b/i;
const NOT_A_NAME = /^(?:he|she|they|it|we|i|you|this|that|the|but|and|in|on|a|an|there|here|what|which)$/i;
const COMPANY =
  /^the (?:company|firm|group|bank|agency|ministry|department|start-?up|lab|government|regulator|commission|court)$/i;

/**
 * The person a "she said" points at: the last sentence before the quote that names someone,
 * and in it the first person named (the subject, in news English: "Director Michael Redwood
 * paid tribute to O'Toole. He said: …" is Redwood). Only a name in the same paragraph and
 * close by counts: further back, the "she" may be someone the article never named as a
 * person (a surname alone, "actor Owen"), and no speaker is better than a wrong one.
 */
const PRONOUN_REACH = 400;
function lastNamed(
  text: string,
  at: number,
  people: Entity[],
  spoken: { name: string; at: number }[],
): string | undefined {
  const floor = Math.max(at - PRONOUN_REACH, text.lastIndexOf('\n\n', at) + 1);
  const mentions: { name: string; at: number }[] = spoken.filter((s) => s.at >= floor && s.at < at);
  for (const p of people) {
    // The full name or the surname alone ("Locke"), as a whole word.
    for (const form of [p.name, p.name.split(' ').pop()!]) {
      for (let i = text.indexOf(form, floor); i >= 0 && i < at; i = text.indexOf(form, i + 1)) {
        if (!/[\p{L}]/u.test(text[i + form.length] ?? '') && !/[\p{L}]/u.test(text[i - 1] ?? ''))
          mentions.push({ name: p.name, at: i });
      }
    }
  }
  if (!mentions.length) return undefined;
  const last = mentions.reduce((a, b) => (b.at > a.at ? b : a));
  const head = text.slice(floor, last.at);
  const sentenceStart =
    floor + Math.max(0, ...[...head.matchAll(/[.!?]["”’']?\s+/g)].map((m) => m.index! + m[0].length));
  return mentions.filter((m) => m.at >= sentenceStart).reduce((a, b) => (b.at < a.at ? b : a)).name;
}

/** The speaker of the quote between marks m: named beside it, or pointed at ("he said"), or described ("a Meta executive said"). */
function speakerOf(
  text: string,
  m: Mark,
  people: Entity[],
  orgs: Entity[],
  spoken: { name: string; at: number }[],
): string | undefined {
  // After a quote that ends its sentence ('…honour." Gere, …, said: "…'), or before a verb
  // that opens with a colon, the words beside it introduce the next quote, not this one.
  const closesSentence = /\.\s*$/.test(text.slice(m.open + 1, m.close));
  const rawAfter = text.slice(m.close + 1, m.close + 100);
  const after =
    closesSentence || /^[^.!?"“”‘’]*?\b(?:said|says|added|told \w+|wrote|continued)\s*:/.test(rawAfter) ? '' : rawAfter;
  const before = text.slice(Math.max(0, m.open - 100), m.open);
  const named = (AFTER_NAME_VERB.exec(after) ??
    AFTER_NAME_APPOSITION.exec(after) ??
    AFTER_VERB_NAME.exec(after) ??
    ACCORDING.exec(after) ??
    BEFORE.exec(before) ??
    BEFORE_APPOSITION.exec(before))?.[1]?.trim();
  if (named && !named.split(/\s+/).some((w) => NOT_A_NAME.test(w))) {
    // Prefer the full name the article uses elsewhere ("Altman" → "Sam Altman").
    return (
      people.find((p) => p.name === named || p.name.endsWith(` ${named.replace(/^(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+/, '')}`))
        ?.name ?? named
    );
  }
  if (PRONOUN_AFTER.test(after) || PRONOUN_BEFORE.test(before)) {
    return lastNamed(text, m.open, people, spoken);
  }
  const d = (AFTER_VERB_DESCRIBED.exec(after) ?? AFTER_DESCRIBED_VERB.exec(after))?.[1];
  if (!d) return undefined;
  if (COMPANY.test(d.trim())) {
    // "the company said": the organisation named last.
    let best: { name: string; at: number } | undefined;
    for (const o of orgs) {
      const i = text.lastIndexOf(o.name, m.open);
      if (i >= 0 && (!best || i > best.at)) best = { name: o.name, at: i };
    }
    return best?.name;
  }
  return shortSpeaker(d);
}

/**
 * The author's own most telling sentences, for an opinion piece or an interview. A short
 * sentence right after one that points back at it ("That would be a grave mistake.") goes
 * with it, as one span of the text.
 */
function authorQuotes(
  text: string,
  sentences: ScoredSentence[],
  author: string,
  shown: Piece[],
  limit: number,
): Quote[] {
  const out: Quote[] = [];
  for (const s of [...sentences].sort((a, b) => b.score - a.score || a.sentence.start - b.sentence.start)) {
    if (out.length >= limit) break;
    const t = s.sentence.text;
    if (s.words < 6 || s.words > 45 || /\?\s*["”’']?$/.test(t) || /^["“‘']/.test(t) || POINTS_BACK.test(t)) continue;
    const next = sentences.find((x) => x.sentence.index === s.sentence.index + 1);
    const end =
      next && next.words <= 12 && POINTS_BACK.test(next.sentence.text) && s.words + next.words <= 45
        ? next.sentence.end
        : s.sentence.end;
    const q = { text: text.slice(s.sentence.start, end), speaker: author, start: s.sentence.start, end };
    if ([...shown, ...out].some((p) => repeats(q, p))) continue;
    out.push(q);
  }
  return out;
}

export function extractQuotes(
  text: string,
  sentences: ScoredSentence[],
  entities: Entity[],
  options: number | QuoteOptions = {},
): Quote[] {
  const o: QuoteOptions = typeof options === 'number' ? { limit: options } : options;
  const limit = o.limit ?? 4;
  const shown = o.shown ?? [];
  const people = entities.filter((e) => e.type === 'person');
  const orgs = entities.filter((e) => e.type === 'organization');
  const author = o.author?.trim();
  const own =
    author && (o.kind === 'op-ed' || o.kind === 'interview')
      ? authorQuotes(text, sentences, author, shown, Math.min(2, limit))
      : [];
  const speech: (Quote & { weight: number })[] = [];
  const spoken: { name: string; at: number }[] = [];
  let previous: { close: number; speaker: string } | undefined;
  for (const m of quoteMarks(text)) {
    const inner = text.slice(m.open + 1, m.close);
    const trimmed = inner.replace(/^\s+|[\s,]+$/g, '');
    const words = trimmed.split(/\s+/).length;
    let speaker = speakerOf(text, m, people, orgs, spoken);
    // A quote that carries on the last one ('…," he said. "More…"') is the same speaker's.
    if (!speaker && previous && m.open - previous.close < 40 && !/[\n]/.test(text.slice(previous.close, m.open)))
      speaker = previous.speaker;
    if (speaker) {
      spoken.push({ name: speaker, at: m.open });
      previous = { close: m.close, speaker };
    }
    // Scare quotes and titles are not speech; speech with no one to say it is not a quote.
    if (words < 6 || /^[.,;:]/.test(trimmed) || !speaker) continue;
    const start = m.open + 1 + inner.indexOf(trimmed);
    const q = { text: trimmed, speaker, start, end: start + trimmed.length, weight: Math.min(words, 40) };
    speech.push(q);
  }
  const out: Quote[] = [...own];
  for (const q of speech.sort((a, b) => b.weight - a.weight || a.start - b.start)) {
    if (out.length >= limit) break;
    if ([...shown, ...out].some((p) => repeats(q, p))) continue;
    out.push({ text: q.text, speaker: q.speaker, start: q.start, end: q.end });
  }
  return out.sort((a, b) => a.start - b.start);
}
