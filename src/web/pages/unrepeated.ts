import { plainSentenceTexts } from '../../analyze/plain-sentences.js';
import { sentenceNorm } from '../../ingest/boilerplate/sentences.js';
import { repeatsAny } from '../shown-once.js';

/**
 * What each member's summary adds on its event's page: its sentences less those the reader has
 * already read there, in the event's summary, a member's headline (a digest opens with the story
 * it leads with: "I tried OpenAI's new Atlas browser … . OpenAI rolled out …") or an earlier
 * member's summary. A member that adds nothing shows none: the same sentence is read once a page.
 */
export function unrepeatedSummaries(
  eventSummary: string,
  members: ReadonlyArray<{ title: string; summary: string | null }>,
): string[] {
  const read = new Set<string>();
  const note = (s: string) => {
    const n = sentenceNorm(s);
    if (n) read.add(n);
  };
  // An attributed summary ("OpenAI: Today we …") is the member's words behind a speaker's name.
  for (const text of new Set([eventSummary, withoutSpeaker(eventSummary)]))
    for (const s of plainSentenceTexts(text)) note(s);
  for (const m of members) note(m.title);
  // A summary that is the event's, or whole words within it, goes whole (see shown-once.ts).
  const repeatsEvent = repeatsAny([eventSummary]);
  return members.map((m) => {
    if (!m.summary || repeatsEvent(m.summary)) return '';
    const fresh = plainSentenceTexts(m.summary).filter((s) => !read.has(sentenceNorm(s)));
    for (const s of fresh) note(s);
    return fresh.join(' ');
  });
}

function withoutSpeaker(summary: string): string {
  const m = /^[^:.!?]{1,60}:\s+/u.exec(summary);
  return m ? summary.slice(m[0].length) : summary;
}
