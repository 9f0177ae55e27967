import { decodeHTML } from 'entities';

/**
 * What counts as outlet boilerplate when the stream's output is checked, found independently
 * of the cleaning code (its own splitter, its own markers), so the check can disagree with it:
 * sentences an outlet repeats across the stream's items under different titles, and marks any
 * reader would call boilerplate.
 */
export interface StreamItem {
  id: string;
  title: string;
  text: string;
  published: string;
  source: string;
  url: string;
}

const fold = (s: string) =>
  decodeHTML(s)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Pieces of a text between sentence ends (a plain cut: a period, ! or ? and a space). */
const pieces = (text: string) =>
  decodeHTML(text)
    .split(/(?<=[.!?\u2026\]])\s+/)
    .map(fold)
    .filter((s) => s.split(' ').length >= 4);

/** Per outlet, the folded sentences found in at least `min` of its items under `min` different titles. */
export function repeatedInStream(items: readonly StreamItem[], min = 3): Map<string, Set<string>> {
  const titles = new Map<string, Map<string, Set<string>>>();
  for (const it of items) {
    const bySentence = titles.get(it.source) ?? titles.set(it.source, new Map()).get(it.source)!;
    for (const s of new Set(pieces(it.text)))
      (bySentence.get(s) ?? bySentence.set(s, new Set()).get(s)!).add(fold(it.title));
  }
  return new Map(
    [...titles].map(([src, m]) => [src, new Set([...m].filter(([, t]) => t.size >= min).map(([s]) => s))]),
  );
}

// The long patterns are String.raw pieces joined into one RegExp, to keep lines short.

// Marks of boilerplate by what it is, written for this check (a reader's list, not the cleaner's patterns).
const MARKERS: Array<[string, RegExp]> = [
  ['truncation mark', /\[\s*(?:\u2026|\.\.\.|&#8230;|&hellip;)\s*\]|\bcontinue reading\b|\bappeared first on\b/i],
  [
    'subscription',
    new RegExp(
      String.raw`\bsign up (?:here|now|for)\b|\bsubscribe (?:here|now|to)\b|` +
        String.raw`\b(?:delivered|straight|right|directly) (?:to|in|into) your inbox\b|\bin your inbox (?:first|every|each)\b|` +
        String.raw`\bopt in for\b|\bsubscribers['\u2019] inboxes\b|\bconsider subscribing\b|\bnot a subscriber\b`,
      'i',
    ),
  ],
  [
    'newsletter self-reference',
    new RegExp(
      String.raw`\btoday['\u2019]s edition of\b|\bour (?:weekday|weekly|daily|subscriber-only) newsletter\b|` +
        String.raw`\ba weekly newsletter\b|\b(?:originally|first) appeared in\b|` +
        String.raw`\bexcerpt of\b.{0,40}\bnewsletter\b|\b(?:an?|the) newsletter for (?:\S+ ){0,3}subscribers\b`,
      'i',
    ),
  ],
  [
    'credit or caption',
    new RegExp(
      String.raw`\((?:photo|image) by\b|^(?:image|photo|credit)s?:|` +
        String.raw`^(?:an? )?(?:stylized )?(?:illustration|collage|screenshot) (?:of|showing)\b|(?:\/|\bvia |\()\s*getty images\b`,
      'i',
    ),
  ],
];
// A text that ends where the feed cut it. Not looked for in titles, claims and quotes, where an ellipsis is the writer's.
const CUT_END = /(?:\u2026|&#8230;)\s*$/;

export interface Finding {
  what: string;
  text: string;
}

/**
 * The boilerplate found in one output text of one outlet (the repeated sentences of every
 * outlet when none is named): a marker anywhere, or one of its sentences whole.
 */
export function findBoilerplate(
  text: string,
  repeated: ReadonlyMap<string, ReadonlySet<string>>,
  o: { outlet?: string; body?: boolean } = {},
): Finding[] {
  const out: Finding[] = [];
  for (const [what, re] of MARKERS) if (re.test(text)) out.push({ what, text });
  if (o.body && CUT_END.test(text)) out.push({ what: 'truncation mark', text });
  const sets = o.outlet ? [repeated.get(o.outlet) ?? new Set<string>()] : [...repeated.values()];
  for (const p of new Set(pieces(text)))
    if (sets.some((set) => set.has(p))) out.push({ what: 'repeated sentence', text: p });
  return out;
}

/**
 * A title that opens with the name of a newsletter its outlet announces in its repeated
 * sentences ("The Download: …" beside "This is today's edition of The Download, our weekday
 * newsletter …"). A series label the outlet does not call a newsletter ("The AI Hype Index:")
 * is the story's heading, not counted.
 */
export function labelledTitle(title: string, repeated: ReadonlySet<string>): boolean {
  const m = /^([^:]{2,48}):\s/.exec(decodeHTML(title));
  if (!m) return false;
  const label = fold(m[1]!).replace(/^the /, '');
  return !!label && [...repeated].some((s) => /\bnewsletter\b/.test(s) && ` ${s} `.includes(` ${label} `));
}
