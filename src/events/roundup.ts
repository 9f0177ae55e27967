import { STOPWORDS } from '../analyze/text/stopwords.js';
import { stem } from '../analyze/text/terms.js';
import { findGathering, type Gathering } from './gatherings.js';
import { titleCased } from './title-case.js';

/**
 * Roundups of a gathering: "CES 2026: everything revealed", "Tech CEOs boast and bicker about AI
 * at Davos", "Apple plays catch-up at WWDC", "What to expect at Google I/O".
 * A trade show's or a conference's roundups, previews, live blogs and impressions are one event,
 * while each announcement made there is its own. A roundup shares the gathering's name with every
 * announcement, so on words alone it either stitches them together or is stitched into one;
 * marked as a roundup it joins only the other roundups of the same gathering.
 *
 * What tells them apart is who the headline is about. An announcement has a specific actor and
 * an action ("Nvidia launches Vera Rubin … at CES 2026", "This robot vacuum at CES 2026 can …");
 * a roundup has the gathering itself, its host, or a plural or generic subject ("AI labs",
 * "Most dubious uses of AI", "All anyone wants to talk about"). These are rules of headline
 * language; the only world knowledge is gatherings.ts's short list of well-known gatherings.
 */

/**
 * Headline shapes of a roundup, preview or live blog, not of one announcement. Not "recap" nor
 * "highlights": a recap of an episode or a match is the happening itself.
 */
const ROUNDUP_SHAPES = [
  'everything (?:announced|revealed|we saw|you missed|to know)',
  'all the (?:news|announcements|highlights)',
  'so far|follow live|live blog|live updates|round-?up|takeaways|what to expect',
  '(?:was|were|is) all about|showed me',
  '(?:the )?(?:best|worst|weirdest|wildest|coolest|strangest|biggest) (?:tech|gadgets|things|announcements|news|moments|of)',
  'most (?:bizarre|dubious|exciting|interesting|impressive|unusual|weird\\w*|wild\\w*)',
];
const ROUNDUP = new RegExp(`\\b(?:${ROUNDUP_SHAPES.join('|')})\\b`, 'i');

/** With a gathering named, more shapes say the piece is about all of it: "Everything Google unveiled at I/O", "100 things we announced", "live:". */
const GATHERING_ROUNDUP =
  /^everything\b|\b\d+ (?:things|announcements|highlights|products|gadgets)\b|\btop (?:\w+ )?announcements\b|\blive:/i;

/** Shapes of an announcement with no named actor: a product as the subject ("This robot vacuum …", "Meet …"). */
const PRODUCT_LEAD = /^(?:this|these|meet|here['’]s how)\b/i;

/**
 * Verbs of an announcement, a deal or an outcome: with them the headline reports one thing shown,
 * done or agreed there ("Nvidia launches …", "Allies pledge aid at the NATO summit"). Taking a noun
 * of the same spelling ("a launch") for one only keeps a roundup apart, the side precision is on.
 */
const ANNOUNCEMENT = new RegExp(
  String.raw`\b(?:(?:launch|unveil|announc|introduc|releas|reveal|premier|acquir|rais|debut|demo|teas|sign|partner|` +
    String.raw`agre|pledg|vow|approv|adopt|reject|condemn|urg|commit)(?:e|es|s|ed|d|ing)?|` +
    String.raw`(?:show|roll)(?:s|ed|ing)? (?:off|out)|team(?:s|ed)? up|strikes? (?:a )?deal|` +
    String.raw`makes? .{0,20}appearance|declares|confirms|admits)\b`,
  'i',
);

/** Capitalised words that are no actor's name: generic acronyms and their plurals. */
const GENERIC = new Set(
  'ai agi ml llm llms gpu gpus cpu cpus api apis pc pcs tv tvs vr ar xr ev evs iot ceo ceos cto ctos cfo i'.split(' '),
);

export function isRoundup(title: string): boolean {
  return ROUNDUP.test(title);
}

/**
 * The gathering an article is a roundup of (its key, see gatherings.ts), or undefined: a headline
 * naming the gathering and shaped as a roundup or about no named actor but the host; or a
 * headline about no named actor at all whose lead places it at a gathering ("TV makers are taking
 * AI too far" over "Every year, TV makers flock to CES").
 */
export function roundupOf(title: string, lead: string): string | undefined {
  const named = findGathering(title);
  const cased = !!titleCased(title);
  if (named) return aboutGathering(title, named, cased, lead) ? named.key : undefined;
  if (!lead || cased || PRODUCT_LEAD.test(title) || ANNOUNCEMENT.test(title) || isRoundup(title)) return undefined;
  // Most headlines name someone: told before the lead is searched.
  return namesActor(title, cased, lead) ? undefined : findGathering(lead)?.key;
}

/** Whether a headline naming a gathering is about it rather than about one announcement made there. */
function aboutGathering(title: string, g: Gathering, cased: boolean, lead: string): boolean {
  if (isRoundup(title) || GATHERING_ROUNDUP.test(title)) return true;
  if (PRODUCT_LEAD.test(title) || ANNOUNCEMENT.test(title)) return false;
  const after = title.slice(g.end).replace(/^\s*(?:20\d\d)?\s*/, '');
  // "Linux at CES 2026: …": a theme across the show, its heading.
  if (after.startsWith(':') && /\bat (?:the )?$/i.test(title.slice(0, g.start))) return true;
  // "CES 2026: …", "At Davos, …", "Google I/O showed …": the gathering opens it, what follows says whose the story is.
  const opens = /^(?:at(?: the)?)?$/i.test(title.slice(0, g.start).trim());
  const subject = opens ? after.replace(/^[:,—–-]\s*/, '') : title.slice(0, g.start);
  return !namesActor(subject, cased, lead, g.host);
}

/**
 * Whether words of a headline name an actor: a capitalised word that is not a generic acronym,
 * the gathering's host nor a word the lead writes in lower case ("Nvidia …", not "Tech CEOs …"
 * over "a high-powered tech conference"). In a sentence-cased headline a capitalised word past the
 * first is a name whatever the lead says; in a title-cased one case tells nothing but the lead.
 */
function namesActor(words: string, cased: boolean, lead: string, host?: string): boolean {
  const ws = words.match(/[\p{L}\p{N}][\p{L}\p{N}'’&.]*/gu) ?? [];
  for (const [i, w] of ws.entries()) {
    if (!/^\p{Lu}/u.test(w)) continue;
    const norm = w.toLowerCase().replace(/['’]s?$/, '');
    if (GENERIC.has(norm) || norm === host) continue;
    if (i > 0 && !cased) return true;
    if (STOPWORDS.has(norm)) continue;
    if (!writesLowerCase(lead, norm)) return true;
  }
  return false;
}

/** "at <Name>", not a possessive ("at Nvidia's chips"): a place or gathering named. */
const AT_NAME = /\b[Aa]t (?:the )?(\p{Lu}[\p{L}\p{N}&-]*)\b(?!['’]s)/gu;

/**
 * The names a roundup-shaped headline that names no known gathering may be about: a capitalised
 * word after "at" (not a possessive: "at Nvidia's"), a word in capitals ("EM Morning Roundup"), the
 * first word before a colon or a year, stemmed as the clusterer's terms are. Which of them tells
 * one roundup's subject the clusterer decides by how specific each is in the stream.
 */
export function gatheringNames(title: string): string[] {
  const out = new Set<string>();
  const add = (w: string | undefined) => {
    if (w && w.length > 1) out.add(stem(w.toLowerCase()));
  };
  const cased = titleCased(title);
  if (!cased) for (const m of title.matchAll(AT_NAME)) add(m[1]);
  if (cased !== 'capitals') for (const m of title.matchAll(/\b(\p{Lu}{2,}[\p{Lu}\p{N}]*)\b/gu)) add(m[1]);
  add(/^(\p{Lu}[\p{L}\p{N}&-]*)(?: \d{4})?:/u.exec(title)?.[1]);
  add(/^(\p{Lu}[\p{L}\p{N}&-]*) \d{4}\b/u.exec(title)?.[1]);
  return [...out];
}

/** Whether a text has this lower-case word as a word of its own. */
function writesLowerCase(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1];
    const after = text[at + word.length];
    if (
      (before === undefined || !/[\p{L}\p{N}]/u.test(before)) &&
      (after === undefined || !/[\p{L}\p{N}]/u.test(after))
    )
      return true;
  }
  return false;
}
