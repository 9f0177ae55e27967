import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cachedAnswer } from '../analyze/llm/cached-answer.js';
import type { LlmClient } from '../analyze/llm/client.js';
import {
  GUIDE_OVERVIEW_SCHEMA,
  GUIDE_PROMPT_VERSION,
  guideOverviewSystemPrompt,
  guideOverviewUserPrompt,
} from '../analyze/llm/prompts.js';
import type { Db } from '../store/db.js';
import { getEvent } from '../store/event-reads.js';
import { guideRow, topGuideEvents } from '../store/guides.js';

/**
 * With an LLM configured, a guide's overview is written by the model from its most
 * significant events: when the guide first has events and again each time its event
 * count doubles (the same rule as event reviews), so the cost grows with the log of a
 * guide's size. Answers are cached by (events, prompt version, model); a failure keeps
 * the local overview and says why.
 */
const OverviewSchema = z.object({ overview: z.string().min(40).max(3000) });
const OVERVIEW_INPUT_EVENTS = 12;

export type GuideReviewOutcome = 'written' | 'cached' | 'current' | 'skipped' | `failed: ${string}`;

export async function reviewGuide(
  db: Db,
  client: LlmClient,
  slug: string,
  now: () => Date = () => new Date(),
): Promise<GuideReviewOutcome> {
  const g = await guideRow(db, slug);
  if (!g || g.eventCount === 0) return 'skipped';
  if (g.overviewBy === 'llm' && g.eventCount < 2 * Math.max(1, g.overviewEvents)) return 'current';
  const events: Array<{ date: string; score: number; title: string; summary: string }> = [];
  for (const r of await topGuideEvents(db, slug, OVERVIEW_INPUT_EVENTS, g.eventCount)) {
    const e = await getEvent(db, r.eventId);
    if (e) events.push({ date: e.firstSeen.slice(0, 10), score: e.significance, title: e.title, summary: e.summary });
  }
  const key = createHash('sha256')
    .update(
      `${JSON.stringify([g.title, g.subject, events])}|${GUIDE_PROMPT_VERSION}|${client.provider}:${client.model}`,
    )
    .digest('hex');
  const r = await cachedAnswer(
    db,
    client,
    key,
    {
      system: guideOverviewSystemPrompt(),
      user: guideOverviewUserPrompt({
        title: g.title,
        subject: g.subjectKind === 'query' ? `events matching ${g.subject}` : `${g.subjectKind} ${g.subject}`,
        events,
      }),
      schema: { name: 'guide_overview', schema: GUIDE_OVERVIEW_SCHEMA },
      maxTokens: 700,
    },
    OverviewSchema,
    now,
  );
  if (!r.ok)
    return `failed: ${r.reason === 'the answer did not validate' ? 'the overview did not validate' : r.reason}`;
  await db.transaction(async (tx) => {
    await r.remember(tx);
    await tx.run(`UPDATE guides SET overview = ?, overview_by = 'llm', overview_events = ? WHERE slug = ?`, [
      r.value.overview.trim(),
      g.eventCount,
      slug,
    ]);
  });
  return r.fresh ? 'written' : 'cached';
}
