import { z } from 'zod';
import { extractLocal } from '../analyze/local.js';
import type { ArticleInput } from '../analyze/types.js';
import type { Extraction } from '../extraction-schema.js';
import { readJsonl } from './jsonl.js';
import { UsageError } from './context.js';
import { readInput } from './tools.js';

export const AnalyzeLine = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  title: z.string().optional().default(''),
  text: z.string(),
  url: z.string().optional(),
});

/** The contract of `almanac analyze`: one JSON line per article. */
export function analyzeOutput(id: string, x: Extraction): string {
  return JSON.stringify({
    id,
    summary: x.summary,
    keyphrases: x.keyphrases.slice(0, 20),
    topics: x.topics,
    claims: x.claims.map((c) => c.text),
    quotes: x.quotes.map((q) =>
      q.speaker
        ? { text: q.text, speaker: q.speaker, start: q.start, end: q.end }
        : { text: q.text, start: q.start, end: q.end },
    ),
    entities: x.entities.map((e) => ({ name: e.name, type: e.type })),
    kind: x.kind,
  });
}

export type Extractor = (a: ArticleInput) => Promise<Extraction>;

/** almanac analyze --input <file.jsonl> [--llm|--local] */
export async function analyzeCommand(flags: Record<string, unknown>, llmExtractor?: Extractor): Promise<number> {
  if (flags['llm'] && flags['local']) throw new UsageError('almanac analyze: give --llm or --local, not both');
  const { items, errors } = readJsonl(readInput(flags['input'] as string | undefined).toString('utf8'), AnalyzeLine);
  for (const e of errors) console.error(`almanac analyze: skipped ${e}`);
  if (items.length === 0 && errors.length) throw new UsageError('almanac analyze: no valid lines in the input');
  const extract: Extractor = flags['llm'] ? llmExtractor! : async (a) => extractLocal(a);
  for (const it of items) {
    const x = await extract({ id: it.id, title: it.title, text: it.text, url: it.url });
    process.stdout.write(analyzeOutput(it.id, x) + '\n');
  }
  return 0;
}
