import { z } from 'zod';
import { KINDS } from '../../extraction-schema.js';

/**
 * The model's answer: pulled out of code fences or stray prose, parsed, validated. What a
 * model says is outside input like any other: nothing unvalidated goes further.
 */
export const LlmAnswerSchema = z.object({
  summary: z.string().max(2000),
  keyphrases: z.array(z.string().max(200)).max(40).default([]),
  topics: z.array(z.string().max(80)).max(12).default([]),
  claims: z
    .array(z.object({ text: z.string().min(1).max(1000), evidence: z.string().max(3000).optional().default('') }))
    .max(12)
    .default([]),
  quotes: z
    .array(z.object({ text: z.string().min(1).max(3000), speaker: z.string().max(200).optional().nullable() }))
    .max(12)
    .default([]),
  entities: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        type: z.enum(['organization', 'person', 'product', 'law', 'place']),
      }),
    )
    .max(50)
    .default([]),
  kind: z.enum(KINDS).catch('other'),
});
export type LlmAnswer = z.infer<typeof LlmAnswerSchema>;

/** The first balanced JSON object in a text (after a ```json fence if there is one). */
export function pullJson(text: string): string | undefined {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const src = fenced ? fenced[1]! : text;
  const start = src.indexOf('{');
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < src.length; i++) {
    const ch = src[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return src.slice(start, i + 1);
  }
  return undefined;
}

export type ParseResult = { ok: true; answer: LlmAnswer } | { ok: false; problem: string };

export function parseAnswer(text: string): ParseResult {
  const json = pullJson(text);
  if (!json) return { ok: false, problem: 'no JSON object found in the answer' };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    return { ok: false, problem: `the JSON does not parse (${(e as Error).message})` };
  }
  const r = LlmAnswerSchema.safeParse(raw);
  if (!r.success)
    return {
      ok: false,
      problem: r.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || 'answer'}: ${i.message}`)
        .join('; '),
    };
  return { ok: true, answer: r.data };
}
