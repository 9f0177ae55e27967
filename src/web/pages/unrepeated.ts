import { plainSentenceTexts } from '../../analyze/plain-sentences.js';
import { sentenceNorm } from '../../ingest/boilerplate/sentences.js';
import { foldedRepeatsAny } from '../shown-once.js';

/**
 * What each member's summary adds on its event's page: its sentences less those the reader has
 * already read there, in the event's summary, a member's headline (a digest opens with the story
 * it leads with: "I tried OpenAI's new Atlas browser … . OpenAI rolled out …") or an earlier
 * member's summary. A member that adds nothing shows none: the same sentence is read once a page.
 * Each sentence is folded once (it runs on every request): a summary's fold is its sentences'
 * folds joined, since sentences are cut only where the fold leaves a space.
 */
export function unrepeatedSummaries(
  eventSummary: string,
  members: ReadonlyArray<{ title: string; summary: string | null }>,
): string[] {
  const read = new Set<string>();
  const note = (folded: string) => folded && read.add(folded);
  // An attributed summary ("OpenAI: Today we …") is the member's words behind a speaker's name.
  for (const text of new Set([eventSummary, withoutSpeaker(eventSummary)]))
    for (const s of plainSentenceTexts(text)) note(sentenceNorm(s));
  for (const m of members) note(sentenceNorm(m.title));
  // A summary that is the event's, or whole words within it, goes whole (see shown-once.ts).
  const repeatsEvent = foldedRepeatsAny([eventSummary]);
  return members.map((m) => {
    if (!m.summary) return '';
    const sentences = plainSentenceTexts(m.summary);
    const folds = sentences.map(sentenceNorm);
    if (repeatsEvent(folds.filter(Boolean).join(' '))) return '';
    const fresh = sentences.filter((_, i) => !read.has(folds[i]!));
    for (const f of folds) note(f);
    return fresh.join(' ');
  });
}

function withoutSpeaker(summary: string): string {
  const m = /^[^:.!?]{1,60}:\s+/u.exec(summary);
  return m ? summary.slice(m[0].length) : summary;
}
