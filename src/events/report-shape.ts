import { isRoundup } from './roundup.js';

/**
 * What a headline says its article is, beside a report of a happening: written before it or
 * while it runs (a preview, a live blog), gathering many stories (a roundup, a newsletter
 * issue), or a writer's aside about it (their own test, a question, a how-to, a teaser). Such
 * an article belongs to the event, but a report states the happening better: the event takes
 * its title and summary from a report whenever one is among its members.
 */
export type HeadlineShape = 'preview' | 'roundup' | 'aside';

// The long patterns are String.raw pieces joined into one RegExp, to keep lines short.

/**
 * Headlines of pieces written before or during a happening rather than about it. A product's
 * "preview" (a "research preview" launched) is a happening: only a headline that is itself a
 * preview ("Preview: …", "previewing …") counts.
 */
const PREVIEW = new RegExp(
  String.raw`\b(what to expect|live updates?|live[- ]?blog|as it happened|how to watch|watch live|` +
    String.raw`previewing|sneak peek|rumou?rs?)\b|^(live|preview)\b|\b(live|preview):`,
  'i',
);

/**
 * Many stories in one piece: "Everything Google unveiled at I/O", "This week in AI", "5 things
 * you missed". A newsletter's issue is known by the label it carried (articles.digest), not by
 * its headline.
 */
const ROUNDUP = new RegExp(
  String.raw`\beverything\b.{0,40}\b(announced|unveiled|revealed|launched|new|missed|know)\b|` +
    String.raw`\b(this|last) week in\b|\bweek in review\b|\b(news|weekly|daily) (digest|recap|briefing)\b|` +
    String.raw`^\d+ (things|announcements|takeaways)\b|\b\d+ (things|announcements) (we|you)\b`,
  'i',
);

/**
 * A writer's aside about a happening rather than its report: in the first person ("I tried",
 * "for me"), a question, a how-to or a guide, a teaser ("here's why", "could cost you").
 */
const ASIDE = new RegExp(
  String.raw`(^|[^\p{L}'’])(I|I['’](m|ve|d|ll)|me|my|we tried|we tested)(?![\p{L}'’/-])|\?\s*$|` +
    String.raw`^(why|how|should|can|could|will|would|is|are|does|do|what|which|who)\b|` +
    String.raw`\bhow to\b|\bhere['’]s (why|how|what|who|where|when|the)\b|\bwhat (it|this|that) means\b|` +
    String.raw`\b(could|might) (cost|change|be|make|save|mean|help|turn|soon)\b|\bhands-on\b`,
  'iu',
);

export function isPreview(title: string): boolean {
  return PREVIEW.test(title);
}

/** The shape of a headline, or null for a report (what an event's title should be taken from). */
export function headlineShape(title: string): HeadlineShape | null {
  if (PREVIEW.test(title)) return 'preview';
  if (ROUNDUP.test(title)) return 'roundup';
  // A writer's own test of a product "so far" is an aside, though the clusterer reads "so far" as a gathering's roundup.
  if (ASIDE.test(title)) return 'aside';
  return isRoundup(title) ? 'roundup' : null;
}
