import { stem } from '../analyze/text/terms.js';
import { titleCased } from './title-case.js';

/**
 * Roundups of a gathering: "CES 2026: everything revealed", "The most bizarre tech so far at
 * CES", "Follow live", "What to expect at WWDC 2026".
 * A trade show's or a conference's roundups, previews and live blogs are one event, while each
 * announcement made there is its own. A roundup shares the gathering's name with every
 * announcement, so on words alone it either stitches them together or is stitched into one;
 * marked as a roundup it joins only the other roundups of the same gathering.
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

/** "at <Name>", not a possessive ("at Nvidia's chips"): a place or gathering named. */
const AT_NAME = /\b[Aa]t (?:the )?(\p{Lu}[\p{L}\p{N}&-]*)\b(?!['’]s)/gu;

export function isRoundup(title: string): boolean {
  return ROUNDUP.test(title);
}

/**
 * The names in a headline that may be a gathering's: a capitalised word after "at" (not a
 * possessive: "at Nvidia's"), a word in capitals (CES, WWDC), the first word before a colon or
 * a year ("CES 2026: ..."), stemmed as the clusterer's terms are. Which of them is a gathering the clusterer decides by
 * how specific each is in the stream.
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
