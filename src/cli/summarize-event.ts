import { z } from 'zod';
import { extractLocal } from '../analyze/local.js';
import type { LlmClient } from '../analyze/llm/client.js';
import { eventHeadline, type HeadlineMember } from '../events/headline.js';
import { synthesize } from '../events/synthesis.js';
import { readJsonl } from './jsonl.js';
import { UsageError } from './context.js';
import { readInput } from './tools.js';

const ArticleLine = z.object({
  title: z.string(),
  text: z.string(),
  source: z.string().optional(),
  published: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date (ISO 8601 expected)')
    .optional(),
  url: z.string().optional(),
});

export const EventLine = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  articles: z.array(ArticleLine).min(1, 'an event needs one article at least'),
});
export type EventInput = z.infer<typeof EventLine>;

/** Who wrote it, when the line does not say: the site of its URL. */
function sourceOf(a: z.infer<typeof ArticleLine>): string {
  if (a.source?.trim()) return a.source.trim();
  try {
    if (a.url) return new URL(a.url).hostname.replace(/^www\./, '');
  } catch {
    // not a URL: no name from it
  }
  return 'an unnamed source';
}

/** The articles as event members, extracted locally as the pipeline extracts them without a model. */
export function membersOf(e: EventInput): HeadlineMember[] {
  return e.articles.map((a, i) => {
    const x = extractLocal({ id: `${e.id}/${i}`, title: a.title, text: a.text, ...(a.url ? { url: a.url } : {}) });
    const published = a.published ? new Date(a.published).toISOString() : null;
    return {
      articleId: i,
      title: a.title,
      summary: x.summary,
      text: a.text,
      sourceName: sourceOf(a),
      sourceAuthor: null,
      author: null,
      tier: 2,
      publishedAt: published,
      fetchedAt: published ?? '',
      entities: x.entities.map((n) => ({ name: n.name, type: n.type })),
      kind: x.kind,
      sourceKind: null,
    };
  });
}

/** One event's title and summary: the pipeline's headline, or with a model its checked synthesis. */
export async function summarizeEvent(
  e: EventInput,
  llm?: LlmClient,
  warn: (s: string) => void = () => {},
): Promise<{ id: string; title: string; summary: string }> {
  const members = membersOf(e);
  const h = eventHeadline(members);
  if (!llm) return { id: e.id, title: h.title, summary: h.summary };
  const r = await synthesize(
    llm,
    e.articles.map((a, i) => ({ title: a.title, text: a.text, source: members[i]!.sourceName })),
  );
  for (const d of r.dropped) warn(`${e.id}: dropped a sentence, ${d}`);
  if (!r.ok) {
    warn(`${e.id}: no synthesis (${r.reason}); the primary article's summary is given`);
    return { id: e.id, title: h.title, summary: h.summary };
  }
  return { id: e.id, title: h.title, summary: r.summary };
}

/** almanac summarize-event --input <file.jsonl> [--local|--llm] */
export async function summarizeEventCommand(flags: Record<string, unknown>, llm?: LlmClient): Promise<number> {
  if (flags['llm'] && flags['local']) throw new UsageError('almanac summarize-event: give --llm or --local, not both');
  if (flags['llm'] && !llm)
    throw new UsageError(
      'summarize-event --llm: no LLM configured (set ALMANAC_LLM_URL and ALMANAC_LLM_MODEL, and ALMANAC_LLM_API_KEY if the server needs one)',
    );
  const { items, errors } = readJsonl(readInput(flags['input'] as string | undefined).toString('utf8'), EventLine);
  for (const e of errors) console.error(`almanac summarize-event: skipped ${e}`);
  if (items.length === 0) throw new UsageError('almanac summarize-event: no valid lines in the input');
  for (const it of items) {
    const out = await summarizeEvent(it, flags['llm'] ? llm : undefined, (s) =>
      console.error(`almanac summarize-event: ${s}`),
    );
    process.stdout.write(JSON.stringify(out) + '\n');
  }
  return 0;
}
