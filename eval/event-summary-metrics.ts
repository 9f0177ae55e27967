import { readFileSync } from 'node:fs';
import { EventLine, summarizeEvent, type EventInput } from '../src/cli/summarize-event.js';
import { readJsonl } from '../src/cli/jsonl.js';
import type { LlmClient } from '../src/analyze/llm/client.js';
import { z } from 'zod';
import { meanRouge, rouge, type Rouge } from './rouge.js';

/**
 * Scoring `almanac summarize-event` against human-written summaries of multi-document events.
 * A file is JSON Lines, one event a line, in the command's own input format plus the reference:
 *
 *   {"id": "e1",
 *    "articles": [{"title": "...", "text": "...", "source"?: "...", "published"?: "ISO date", "url"?: "..."}, ...],
 *    "reference": "a neutral summary written by a person, of all the articles"}
 *
 * Each event is summarised by the same code as the command (and the pipeline), and scored by
 * ROUGE-1/2/L F1 against its reference, beside a baseline measured in the same run: the
 * earliest article's lead (its first three sentences, as a reader skimming the first report sees).
 */
export const ReferenceLine = EventLine.and(z.object({ reference: z.string().min(1) }));
type Row = z.infer<typeof ReferenceLine>;

export interface FileScore {
  events: number;
  skipped: string[];
  ours: Rouge;
  lead: Rouge;
}

function earliestLead(e: EventInput): string {
  const first = [...e.articles].sort((a, b) => (a.published ?? '').localeCompare(b.published ?? ''))[0]!;
  return (first.text.match(/[^.!?]+[.!?]+/g) ?? [first.text]).slice(0, 3).join(' ').trim();
}

export async function scoreFile(path: string, llm?: LlmClient): Promise<FileScore> {
  const { items, errors } = readJsonl(readFileSync(path, 'utf8'), ReferenceLine);
  const ours: Rouge[] = [];
  const lead: Rouge[] = [];
  for (const row of items as Row[]) {
    const s = await summarizeEvent(row, llm);
    ours.push(rouge(s.summary, row.reference));
    lead.push(rouge(earliestLead(row), row.reference));
  }
  return { events: items.length, skipped: errors, ours: meanRouge(ours), lead: meanRouge(lead) };
}
