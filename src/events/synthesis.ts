import { z } from 'zod';
import { pullJson } from '../analyze/llm/answer.js';
import { LlmError, type LlmClient } from '../analyze/llm/client.js';
import { contentTerms } from '../analyze/text/terms.js';
import { firstPerson, roughSentences } from './voice.js';

/**
 * An event's summary written by a model: a neutral, third-person synthesis of what its
 * members report, each sentence naming the members it comes from. What comes back is
 * checked, not trusted: a sentence in the first person, or one whose words its cited
 * members do not hold, is dropped; with nothing left, there is no synthesis (the caller keeps
 * the primary article's own summary).
 */
export const SYNTHESIS_PROMPT_VERSION = 'synthesis-v1';

export interface SynthesisMember {
  title: string;
  /** What the model is shown of the article (its summary, or the start of its text). */
  text: string;
  source?: string | undefined;
}

export const SYNTHESIS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['sentences'],
  properties: {
    sentences: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['text', 'from'],
        properties: { text: { type: 'string' }, from: { type: 'array', items: { type: 'integer' } } },
      },
    },
  },
} as const;

const Answer = z.object({
  sentences: z
    .array(z.object({ text: z.string().min(1).max(800), from: z.array(z.coerce.number().int()).min(1).max(20) }))
    .min(1)
    .max(8),
});

export function synthesisSystemPrompt(): string {
  return [
    'You summarise one news event of an almanac: several numbered articles that report the same happening.',
    'Write 2 to 3 sentences that state what happened (who did what, when) and why it matters, in neutral third person:',
    'never "I", "we" or "our"; name who says what ("OpenAI said", "Nathan Lambert argues").',
    'Use only what the articles say. After each sentence, list the numbers of the articles it comes from.',
    'Answer with one JSON object and nothing else: {"sentences": [{"text": "...", "from": [1, 2]}]}',
  ].join('\n');
}

export function synthesisUserPrompt(members: readonly SynthesisMember[]): string {
  return members
    .slice(0, 12)
    .map((m, i) => `[${i + 1}] ${m.source ? `${m.source}: ` : ''}${m.title}\n${m.text.slice(0, 1200)}`)
    .join('\n\n');
}

/** Share of a sentence's content words that its cited articles hold: below this it says more than they do. */
export const MIN_SUPPORT = 0.6;

/** How much of a sentence its cited articles hold (0 … 1). */
export function support(sentence: string, cited: readonly SynthesisMember[]): number {
  const terms = new Set(contentTerms(sentence));
  if (!terms.size) return 0;
  const held = new Set(cited.flatMap((m) => contentTerms(`${m.source ?? ''} ${m.title} ${m.text}`)));
  let n = 0;
  for (const t of terms) if (held.has(t)) n++;
  return n / terms.size;
}

export interface CheckedSynthesis {
  summary: string;
  /** Sentences dropped and why, for the caller to report. */
  dropped: string[];
}

/** Keep the sentences that are third person and traceable to the members they cite. */
export function checkSynthesis(
  sentences: ReadonlyArray<{ text: string; from: readonly number[] }>,
  members: readonly SynthesisMember[],
): CheckedSynthesis {
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const s of sentences) {
    const text = s.text.trim().replace(/\s+/g, ' ');
    const cited = [...new Set(s.from)].filter((n) => n >= 1 && n <= members.length).map((n) => members[n - 1]!);
    if (!cited.length) dropped.push(`cites no article given: ${text}`);
    else if (roughSentences(text).some((x) => firstPerson(x))) dropped.push(`first person: ${text}`);
    else if (support(text, cited) < MIN_SUPPORT) dropped.push(`not in the articles it cites: ${text}`);
    else kept.push(text);
  }
  return { summary: kept.join(' '), dropped };
}

export type SynthesisResult =
  | { ok: true; summary: string; dropped: string[] }
  | { ok: false; reason: string; dropped: string[] };

export async function synthesize(client: LlmClient, members: readonly SynthesisMember[]): Promise<SynthesisResult> {
  let text: string;
  try {
    text = (
      await client.complete({
        system: synthesisSystemPrompt(),
        user: synthesisUserPrompt(members),
        schema: { name: 'event_synthesis', schema: SYNTHESIS_SCHEMA },
        maxTokens: 600,
      })
    ).text;
  } catch (e) {
    if (e instanceof LlmError) return { ok: false, reason: e.message, dropped: [] };
    throw e;
  }
  const json = pullJson(text);
  let parsed: ReturnType<typeof Answer.safeParse> | undefined;
  try {
    parsed = Answer.safeParse(json ? JSON.parse(json) : undefined);
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) return { ok: false, reason: 'the answer did not validate', dropped: [] };
  const checked = checkSynthesis(parsed.data.sentences, members.slice(0, 12));
  if (!checked.summary)
    return { ok: false, reason: 'no sentence of the answer could be traced to the articles', dropped: checked.dropped };
  return { ok: true, ...checked };
}
