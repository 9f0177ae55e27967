import { plainSentences } from '../analyze/plain-sentences.js';
import { MAX_SENTENCE_CHARS } from '../analyze/bound-text.js';
import { summarize } from '../analyze/summary.js';
import { wholeSentences } from '../analyze/summary-ends.js';
import { MEMBER_TEXT_CHARS } from '../store/event-reads.js';
import { COMMENTARY } from './commentary.js';
import { choosePrimary, type PrimaryCandidate } from './primary.js';
import { attributed, opensAttributed } from './voice.js';

/**
 * An event's headline without a model: its primary article (see primary.ts), the title
 * that article gives (with a kind prefix for a piece of opinion: "Op-ed: …") and that
 * article's own summary, its speaker named where it speaks in the first person. Never
 * sentences stitched from different members: each one says what its own article says, and
 * several together tell a story none of them told. The pipeline (refreshEvent) and
 * `almanac summarize-event` both use it.
 */
const PREFIX: Record<string, string> = {
  'op-ed': 'Op-ed',
  analysis: 'Analysis',
  interview: 'Interview',
  podcast: 'Podcast',
};

export type HeadlineMember = PrimaryCandidate & { kind: string | null; sourceKind?: string | null };

export interface Headline<M> {
  primary: M;
  /** The primary is the origin the other members report about. */
  origin: boolean;
  /** Every member is a piece of commentary. */
  allCommentary: boolean;
  title: string;
  summary: string;
}

/** Three sentences of the longest kept (bound-text.ts). */
const MAX_SUMMARY_CHARS = 3 * MAX_SENTENCE_CHARS + 2;

/**
 * One article's summary: its extraction's, else the best sentences of the start of its text;
 * whole sentences that state something either way (a stored summary may end where its feed
 * cut it, or on a teaser: summary-ends.ts).
 */
export function memberSummary(m: Pick<HeadlineMember, 'summary' | 'text' | 'title'>): string {
  const stored = m.summary?.trim();
  if (stored) {
    const kept: string[] = [];
    // A summary stored before summaries were bounded may be one endless "sentence": its head is enough.
    for (const s of plainSentences(stored.slice(0, MAX_SUMMARY_CHARS * 2))) {
      if (kept.length === 3 || [...kept, s.text].join(' ').length > MAX_SUMMARY_CHARS) break;
      kept.push(s.text);
    }
    if (!kept.length) return stored.slice(0, MAX_SUMMARY_CHARS);
    const whole = wholeSentences(kept, (s) => s);
    return whole.length === kept.length && stored.length <= MAX_SUMMARY_CHARS ? stored : whole.join(' ');
  }
  // Read without the tagger (plain-sentences.ts): this runs on the main thread, inside the refresh.
  const body = plainSentences(m.text.slice(0, MEMBER_TEXT_CHARS));
  return body.length ? summarize(body, plainSentences(m.title)) : '';
}

export function eventHeadline<M extends HeadlineMember>(members: readonly M[]): Headline<M> {
  const { primary, origin } = choosePrimary(members);
  const allCommentary = members.every((m) => m.kind !== null && COMMENTARY.has(m.kind));
  // An event about a piece of opinion, the piece itself and the reports of it, is titled as one.
  const prefix = primary.kind && (allCommentary || origin) ? PREFIX[primary.kind] : undefined;
  // A title that already names its speaker ("Andrew Ng: …") or its kind keeps as it is.
  const title =
    prefix && !primary.title.toLowerCase().startsWith(prefix.toLowerCase()) && !opensAttributed(primary.title)
      ? `${prefix}: ${primary.title}`
      : primary.title;
  return { primary, origin, allCommentary, title, summary: attributed(memberSummary(primary), primary) };
}
