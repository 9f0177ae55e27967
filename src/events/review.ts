import { createHash } from 'node:crypto';
import { z } from 'zod';
import { pullJson } from '../analyze/llm/answer.js';
import { LlmError, type LlmClient } from '../analyze/llm/client.js';
import { EVENT_PROMPT_VERSION, EVENT_REVIEW_SCHEMA, eventReviewSystemPrompt, eventReviewUserPrompt } from '../analyze/llm/prompts.js';
import type { Db } from '../store/db.js';
import { eventMembers, getEvent } from '../store/events.js';
import { reviewKey } from './review-key.js';
import { refreshEvent } from './refresh.js';

/**
 * With an LLM configured, an event is reviewed when it is new and again each time its
 * member count doubles: the model writes a summary synthesised from the members and may
 * move the computed significance by at most ±2, with a stated reason. Both are stored
 * beside the event and applied by refreshEvent; the factors stay visible either way.
 */
const ReviewSchema = z.object({
  summary: z.string().min(20).max(1500),
  adjustment: z.coerce.number().int().min(-2).max(2),
  reason: z.string().min(3).max(500),
});


export type ReviewOutcome = 'reviewed' | 'cached' | 'current' | 'skipped' | `failed: ${string}`;

export async function reviewEvent(db: Db, client: LlmClient, eventId: string, now: () => Date = () => new Date()): Promise<ReviewOutcome> {
  const e = getEvent(db, eventId);
  if (!e) return 'skipped';
  const members = eventMembers(db, e.id);
  if (!members.length) return 'skipped';
  const key = reviewKey(members);
  const seen = db.prepare('SELECT review_members FROM events WHERE id = ?').pluck().get(e.id) as number | null;
  if (seen !== null && members.length < 2 * seen) return 'current';
  const cacheKey = createHash('sha256').update(`${key}|${EVENT_PROMPT_VERSION}|${client.provider}:${client.model}`).digest('hex');
  const cached = db.prepare('SELECT response FROM llm_cache WHERE key = ?').pluck().get(cacheKey) as string | undefined;
  let text = cached;
  let outcome: ReviewOutcome = 'cached';
  if (!text) {
    try {
      const r = await client.complete({
        system: eventReviewSystemPrompt(),
        user: eventReviewUserPrompt({
          title: e.title,
          score: e.significance,
          factors: Object.entries(e.factors.factors ?? {}).map(([k, f]) => `${k}: ${f.value} +${f.points}`),
          members: members.map((m) => ({ source: m.sourceName, role: m.role, title: m.title, summary: m.summary ?? m.text.slice(0, 400) })),
        }),
        schema: { name: 'event_review', schema: EVENT_REVIEW_SCHEMA },
        maxTokens: 600,
      });
      text = r.text;
      outcome = 'reviewed';
    } catch (err) {
      if (err instanceof LlmError) return `failed: ${err.message}`;
      throw err;
    }
  }
  const json = pullJson(text);
  let parsed: z.infer<typeof ReviewSchema> | undefined;
  try {
    const r = ReviewSchema.safeParse(json ? JSON.parse(json) : undefined);
    if (r.success) parsed = r.data;
  } catch {
    parsed = undefined;
  }
  if (!parsed) return `failed: the review did not validate`;
  db.transaction(() => {
    if (outcome === 'reviewed') db.prepare('INSERT INTO llm_cache (key, response, created_at) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING').run(cacheKey, text, now().toISOString());
    db.prepare('UPDATE events SET review_key = ?, review_members = ?, review_summary = ?, review_delta = ?, review_reason = ?, review_model = ? WHERE id = ?')
      .run(key, members.length, parsed.summary.trim(), parsed.adjustment, parsed.reason.trim(), client.model, e.id);
    refreshEvent(db, e.id);
  })();
  return outcome;
}
