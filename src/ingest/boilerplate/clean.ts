import { boilerplateKind, INLINE_CREDIT, opensCaption, TRAILING_MARK, type BoilerplateKind } from './patterns.js';
import { sentenceKey, sentenceNorm, sentenceSpans } from './sentences.js';

/**
 * Takes outlet boilerplate out of an item's text: sentences that are boilerplate by what
 * they are (patterns.ts), sentences its source repeats across items (learned from the store),
 * credits set inside sentences, and the mark where the feed cut the text together with the
 * unfinished sentence before it. Cleaning a cleaned text changes nothing.
 */
export interface Removal {
  /** The removed text, as it stood in the input. */
  text: string;
  kind: BoilerplateKind | 'repeated' | 'fragment';
  /** Found from the end of the text (a trailing mark or fragment), not from its start. */
  fromEnd?: boolean;
}

export interface CleanedText {
  text: string;
  removed: Removal[];
  /** The unfinished sentence where the feed cut the text, taken out of `text` ('' for none). */
  cutTail: string;
}

/** Whether a sentence key is one its source repeats across items. */
export type IsRepeated = (key: string) => boolean;

const never: IsRepeated = () => false;
const FINISHED = /[.!?]["'\u201d\u2019)\]]*$/;

export function cleanText(text: string, repeated: IsRepeated = never): CleanedText {
  const removed: Removal[] = [];
  let t = text.replace(INLINE_CREDIT, (m) => {
    removed.push({ text: m.trim(), kind: 'credit' });
    return '';
  });
  let cut = false;
  const mark = TRAILING_MARK.exec(t);
  if (mark && mark[0].trim()) {
    removed.push({ text: mark[0].trim(), kind: 'truncation', fromEnd: true });
    t = t.slice(0, mark.index);
    cut = true;
  }
  const spans = sentenceSpans(t).map((s) => {
    const body = t.slice(s.start, s.end);
    return { ...s, body, kind: boilerplateKind(body, alone(t, s)), repeated: repeated(sentenceKey(body)) };
  });
  // A sentence its source repeats under other titles is the outlet's, even when it is all the
  // item says: a text that describes many items describes none (the same story again under the
  // same title is not counted as a repeat: see the store's counts).
  // A caption opening a paragraph takes the rest of the paragraph with it.
  let caption = false;
  for (const [i, s] of spans.entries()) {
    if (startsLine(t, s)) caption = opensCaption(s.body);
    if (caption && !s.kind) s.kind = 'credit';
    if (t.slice(s.end, spans[i + 1]?.start ?? t.length).includes('\n')) caption = false;
  }
  const drop = new Set<(typeof spans)[number]>();
  for (const s of spans) {
    if (s.kind) removed.push({ text: s.body, kind: s.kind });
    else if (s.repeated) removed.push({ text: s.body, kind: 'repeated' });
    else continue;
    drop.add(s);
  }
  const kept = spans.filter((s) => !drop.has(s));
  // Where the feed cut the text, its last sentence is unfinished: taken out of what a reader
  // sees when a whole one precedes it, and given back as `cutTail` (it names what the story is
  // about: the clusterer reads it).
  const last = kept[kept.length - 1];
  let cutTail = '';
  if (cut && last && kept.length >= 2 && !FINISHED.test(last.body)) {
    removed.push({ text: last.body, kind: 'fragment', fromEnd: true });
    drop.add(last);
    cutTail = last.body.trim();
  }
  if (!removed.length) return { text, removed, cutTail };
  let out = '';
  let from = 0;
  for (const s of spans) {
    if (!drop.has(s)) continue;
    out += t.slice(from, s.start);
    from = s.end;
  }
  out += t.slice(from);
  return { text: tidy(out), removed, cutTail };
}

/** Whether a span opens its line (a whole text, a paragraph, a caption's block). */
function startsLine(t: string, s: { start: number }): boolean {
  let i = s.start - 1;
  while (i >= 0 && (t[i] === ' ' || t[i] === '\t')) i--;
  return i < 0 || t[i] === '\n';
}

/** Whether a span is all of its line. */
const alone = (t: string, s: { start: number; end: number }) =>
  startsLine(t, s) && /^[ \t]*(?:\n|$)/.test(t.slice(s.end));

/** Spaces and blank lines left where text was taken out. */
function tidy(s: string): string {
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t]{2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * A title without its outlet's boilerplate: a label that names the newsletter the item's
 * removed boilerplate spoke of ("The Download: …" beside "This is today's edition of The
 * Download, our weekday newsletter"), and a sentence of the title the source repeats ("…
 * Here's what's new"), so long as something of the title is left.
 */
export function cleanTitle(title: string, removed: readonly Removal[], repeated: IsRepeated = never): string {
  return cleanTitleAndDigest(title, removed, repeated).title;
}

/** A title opening with a label: "The Download: …". */
const LABELLED = /^([^:]{2,48}):\s+(\S.{9,})$/;

/**
 * What a clusterer given items as fetched reads of a newsletter's issue ("The Download: …" over
 * "This is today's edition of The Download"): its title without the label and its lead without
 * the sentences speaking of the newsletter, as cleaning leaves them. Every issue carries both,
 * and on them issues of different stories came together. Any other item, and an issue already
 * cleaned, comes back as it is; only a labelled title's lead is read (without one, nothing names a newsletter).
 */
export function withoutNewsletter(title: string, lead: string): { title: string; lead: string } {
  if (!lead || !LABELLED.test(title.trim())) return { title, lead };
  const cleaned = cleanText(lead);
  const issue = cleanTitleAndDigest(title, cleaned.removed);
  return issue.digest ? { title: issue.title, lead: cleaned.text } : { title, lead };
}

/**
 * The cleaned title, and whether the item is a digest, an issue of a newsletter (its title
 * carried the newsletter's label): a digest gathers several stories under one title, which an event must
 * not take as its own when a member reports the story (events/primary.ts).
 */
export function cleanTitleAndDigest(
  title: string,
  removed: readonly Removal[],
  repeated: IsRepeated = never,
): { title: string; digest: boolean } {
  let t = title.trim();
  const spans = sentenceSpans(t);
  const own = spans.filter(
    (s) => !repeated(sentenceKey(t.slice(s.start, s.end))) && !boilerplateKind(t.slice(s.start, s.end)),
  );
  if (own.length && own.length < spans.length) {
    t = t.slice(own[0]!.start, own[own.length - 1]!.end);
    // The period that ended the kept part was the title's separator, not its end.
    if (!/[.]$/.test(title.trim())) t = t.replace(/(\p{L}{2})\.$/u, '$1');
  }
  const m = LABELLED.exec(t);
  if (!m) return { title: t, digest: false };
  const label = sentenceNorm(m[1]!);
  const spoken = removed
    .filter((r) => r.kind === 'newsletter' || r.kind === 'repeated')
    .map((r) => ` ${sentenceNorm(r.text)} `);
  const named = label && spoken.some((s) => s.includes(` ${label} `) || s.includes(` ${label.replace(/^the /, '')} `));
  return named ? { title: capitalised(m[2]!), digest: true } : { title: t, digest: false };
}

/**
 * What followed a label, read as a title on its own: "meet RFK Jr's right-hand man" opens
 * with a capital. A word written with a capital inside ("iPhone", "eBay") keeps its case.
 */
function capitalised(rest: string): string {
  return /^\p{Ll}[\p{Ll}'’-]*(?![\p{L}\p{N}])/u.test(rest) ? rest.charAt(0).toUpperCase() + rest.slice(1) : rest;
}
