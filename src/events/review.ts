import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cachedAnswer } from '../analyze/llm/cached-answer.js';
import type { LlmClient } from '../analyze/llm/client.js';
import {
  EVENT_PROMPT_VERSION,
  EVENT_REVIEW_SCHEMA,
  eventReviewSystemPrompt,
  eventReviewUserPrompt,
} from '../analyze/llm/prompts.js';
import type { Db } from '../store/db.js';
import { eventMembers, getEvent } from '../store/event-reads.js';
import { reviewKey } from './review-key.js';
import { refreshEvent } from './refresh.js';
import { checkSynthesis } from './synthesis.js';
import { roughSentences } from './voice.js';
import { value } from '../store/sql/query.js';

/**
 * With an LLM configured, an event is reviewed when it is new and again each time its
 * member count doubles: the model writes a summary synthesised from the members (its
 * sentences kept only where third person and held by the members: synthesis.ts) and may
 * move the computed significance by at most ±2, with a stated reason. Both are stored
 * beside the event and applied by refreshEvent; the factors stay visible either way.
 */
const ReviewSchema = z.object({
  summary: z.string().min(20).max(1500),
  adjustment: z.coerce.number().int().min(-2).max(2),
  reason: z.string().min(3).max(500),
});

export type ReviewOutcome = 'reviewed' | 'cached' | 'current' | 'skipped' | `failed: ${string}`;

export async function reviewEvent(
  db: Db,
  client: LlmClient,
  eventId: string,
  now: () => Date = () => new Date(),
): Promise<ReviewOutcome> {
  const e = await getEvent(db, eventId);
  if (!e) return 'skipped';
  const members = await eventMembers(db, e.id);
  if (!members.length) return 'skipped';
  const key = reviewKey(members);
  const seen = await value<number | null>(db, 'SELECT review_members FROM events WHERE id = ?', [e.id]);
  if (seen != null && members.length < 2 * seen) return 'current';
  const cacheKey = createHash('sha256')
    .update(`${key}|${EVENT_PROMPT_VERSION}|${client.provider}:${client.model}`)
    .digest('hex');
  const r = await cachedAnswer(
    db,
    client,
    cacheKey,
    {
      system: eventReviewSystemPrompt(),
      user: eventReviewUserPrompt({
        title: e.title,
        score: e.significance,
        factors: Object.entries(e.factors.factors ?? {}).map(([k, f]) => `${k}: ${f.value} +${f.points}`),
        members: members.map((m) => ({
          source: m.sourceName,
          role: m.role,
          title: m.title,
          summary: m.summary ?? m.text.slice(0, 400),
        })),
      }),
      schema: { name: 'event_review', schema: EVENT_REVIEW_SCHEMA },
      maxTokens: 600,
    },
    ReviewSchema,
    now,
  );
  if (!r.ok) return `failed: ${r.reason === 'the answer did not validate' ? 'the review did not validate' : r.reason}`;
  const parsed = r.value;
  // Only what the members hold, in the third person, is kept of the model's summary (as
  // almanac summarize-event --llm keeps it); with nothing left the event keeps its own.
  const shown = members.map((m) => ({ title: m.title, text: m.summary ?? m.text, source: m.sourceName }));
  const sentences = roughSentences(parsed.summary.trim()).map((text) => ({ text, from: shown.map((_, i) => i + 1) }));
  const summary = checkSynthesis(sentences, shown).summary || null;
  await db.transaction(async (tx) => {
    await r.remember(tx);
    await tx.run(
      'UPDATE events SET review_key = ?, review_members = ?, review_summary = ?, review_delta = ?, review_reason = ?, review_model = ? WHERE id = ?',
      [key, members.length, summary, parsed.adjustment, parsed.reason.trim(), client.model, e.id],
    );
    await refreshEvent(tx, e.id);
  });
  return r.fresh ? 'reviewed' : 'cached';
}
