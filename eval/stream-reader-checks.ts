import { decodeHTML } from 'entities';
import type { Finding, StreamItem } from './stream-checks.js';

/**
 * What a reader finds wrong in the headlines of a real stream's events and articles, found
 * with this check's own markers (not the code's): an event titled by a piece that does not
 * report its happening while a member does; summaries that end mid-sentence or on a teaser;
 * titles that open in lower case; an outlet named by its bare domain; sentences cut at an
 * abbreviation or a number.
 */

// The long patterns are String.raw pieces joined into one RegExp, to keep lines short.

/** Headlines of pieces that do not report a happening: previews, live blogs, roundups, asides in the writer's voice, how-tos, teasers. */
const NOT_A_REPORT = new RegExp(
  String.raw`\bwhat to expect\b|\blive(?: updates| blog|:)|\beverything (?:\w+ )?(?:announced|unveiled|revealed)\b|` +
    String.raw`\ball the news\b|(?:^|\s)(?:I|I['’]m|I['’]ve|my)\s|\?\s*$|\bhow to\b|\bhere['’]s (?:why|how|what)\b|` +
    String.raw`\bcould cost\b`,
  'i',
);

export interface ShownEvent {
  title: string;
  summary: string;
  /** The stream items of its articles, the primary's first (undefined where an article came from no item). */
  primary?: StreamItem;
  others: Array<StreamItem | undefined>;
}

/**
 * Events titled by a newsletter issue, a preview, a roundup or an aside while one of their
 * members is none of those (judged on the items' titles as the outlets wrote them).
 */
export function primariesNotReporting(events: readonly ShownEvent[], isIssue: (i: StreamItem) => boolean): Finding[] {
  const report = (i: StreamItem | undefined) => !!i && !isIssue(i) && !NOT_A_REPORT.test(decodeHTML(i.title));
  return events
    .filter((e) => e.primary && !report(e.primary) && e.others.some(report))
    .map((e) => ({ what: 'not a report', text: `${e.title} (${e.others.length + 1} articles)` }));
}

const END = /[.!?]["'”’)\]]*$/;
/** Closing sentences that tease or call to action rather than state (a reader's list). */
const TEASER_END = new RegExp(
  String.raw`(?:^|[.!?]["”’]?\s+)(?:here['’]s (?:what|why|how)\b|looks like\b|read (?:on|more)\b|find out\b|` +
    String.raw`sign up\b|let['’]s\b|[^.!?]*\?["”’]?$)[^.!?]*[.!?]?["”’]?$`,
  'i',
);

/** Summaries that end without a sentence's mark, or on a teaser, and how many are one sentence alone (nothing whole to keep). */
export function badSummaryEnds(summaries: readonly string[]): { cut: Finding[]; teaser: Finding[]; alone: Finding[] } {
  const cut: Finding[] = [];
  const teaser: Finding[] = [];
  const alone: Finding[] = [];
  for (const raw of summaries) {
    const s = raw.trim();
    if (!s) continue;
    const single = !/[.!?]["”’)]?\s+\S/.test(s);
    if (!END.test(s)) {
      cut.push({ what: 'ends mid-sentence', text: s.slice(-160) });
      if (single) alone.push({ what: 'one cut sentence', text: s.slice(-160) });
    } else if (TEASER_END.test(s) && !single) teaser.push({ what: 'ends on a teaser', text: s.slice(-160) });
  }
  return { cut, teaser, alone };
}

/** Titles whose first word is a lower-case word ("meet RFK Jr’s right-hand man"), not a name written so ("iOS", "eBay"). */
export function lowerCaseTitles(titles: readonly string[]): Finding[] {
  return titles.filter((t) => /^\p{Ll}+(?:[\s,:;’'-]|$)/u.test(t.trim())).map((text) => ({ what: 'lower case', text }));
}

/** The rows of the check for one kind of item (events, articles): how their summaries end, how their titles open. */
export function headlineRows(
  kind: string,
  summaries: readonly string[],
  titles: readonly string[],
): Array<{ place: string; texts: number; findings: Finding[] }> {
  const ends = badSummaryEnds(summaries);
  return [
    { place: `${kind} summaries ending mid-sentence`, texts: summaries.length, findings: ends.cut },
    { place: '  of them one cut sentence alone', texts: ends.cut.length, findings: ends.alone },
    { place: `${kind} summaries ending on a teaser`, texts: summaries.length, findings: ends.teaser },
    { place: `${kind} titles opening in lower case`, texts: titles.length, findings: lowerCaseTitles(titles) },
  ];
}

/** Summaries attributed to a bare domain ("theverge.com: I tried …"). */
export function domainAttributions(summaries: readonly string[]): Finding[] {
  return summaries
    .filter((s) => /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+:\s/u.test(s))
    .map((s) => ({ what: 'domain', text: s.slice(0, 160) }));
}

/** Texts (summaries, claims, quotes) cut after an abbreviation or inside a number ("the U.S." | "Commerce Department said …"). */
export function brokenSentences(texts: readonly string[]): Finding[] {
  const ABBREVIATION_END = /(?:^|\s)(?:U\.S|U\.K|Inc|Corp|Co|Ltd|No|Jr|Sr|Dr|Mr|Mrs|Ms|St|vs|v)\.$/;
  const BROKEN_START = /^\p{Ll}+(?:[\s,;:]|$)/u;
  return texts
    .filter((t) => ABBREVIATION_END.test(t.trim()) || BROKEN_START.test(t.trim()))
    .map((text) => ({ what: 'broken', text: text.slice(0, 160) }));
}

/** Openings of a sentence that sends the reader elsewhere instead of stating (a reader's list, not the extractor's). */
const CALL_TO_READ =
  /^(?:here['’]s\b|here are (?:some|a few)\b|find out\b|discover\b|learn\b|read\b|join us\b|sign up\b|follow (?:our|along)\b|see how\b)/i;

/** Claims that state nothing a reader can check: cut where the feed cut them, or a call to read on. */
export function emptyClaims(claims: readonly string[]): { cut: Finding[]; teaser: Finding[] } {
  const cut: Finding[] = [];
  const teaser: Finding[] = [];
  for (const raw of claims) {
    const c = raw.trim();
    if (!END.test(c) || /(?:\u2026|\.\.\.)["”’)]*$/.test(c)) cut.push({ what: 'claim cut', text: c.slice(-160) });
    else if (CALL_TO_READ.test(c)) teaser.push({ what: 'claim that calls to read on', text: c.slice(0, 160) });
  }
  return { cut, teaser };
}

/** A headline run into a lead with no stop ("… for many A company that …"), or into a byline ("… what it's for —Mat Honan"). */
const RUN_IN = new RegExp(
  String.raw`\b\p{Ll}[\p{Ll}'’-]*\s+(?:A|An|The|This|These|When|While|In|On|At|Last|After|For|Since|` +
    String.raw`There['’]s|It['’]s|What['’]s)\s+\p{Ll}|\s\u2014\p{Lu}`,
  'u',
);

/** Summaries that run a headline into its lead or its writer's byline. */
export function runInHeadlines(summaries: readonly string[]): Finding[] {
  return summaries.filter((s) => RUN_IN.test(s)).map((s) => ({ what: 'run-in headline', text: s.slice(0, 160) }));
}

/** Words that say how a picture looks (a reader's list, not the ingest's). */
const LOOKS =
  /\b(logos?|icons?|illustrations?|illustrated|collage|backgrounds?|stylized|screenshots?|graphic|mp4|carousel|depict\w*|mock-?up)\b/gi;

/** Summaries that describe a picture (a feed's alternative text) rather than the article: two of its words, and no writer's voice. */
export function pictureSummaries(summaries: readonly string[]): Finding[] {
  return summaries
    .filter((s) => !/\b(?:I|we|my|our)\b/.test(s) && new Set(s.toLowerCase().match(LOOKS) ?? []).size >= 2)
    .map((s) => ({ what: 'picture', text: s.slice(0, 160) }));
}

export interface TopicEvent {
  title: string;
  /** The topics the event shows. */
  topics: string[];
  /** Each member's topics, the primary's first. */
  members: string[][];
}

/** Events of three articles or more showing a topic that a single member carries, and not the primary: a passing mention made a heading. */
export function loneTopics(events: readonly TopicEvent[]): Finding[] {
  return events
    .filter((e) => e.members.length >= 3)
    .flatMap((e) => {
      const lone = e.topics.filter(
        (t) => !e.members[0]!.includes(t) && e.members.filter((m) => m.includes(t)).length === 1,
      );
      return lone.length ? [{ what: 'lone topic', text: `${e.title} (${e.members.length}): ${lone.join(', ')}` }] : [];
    });
}
