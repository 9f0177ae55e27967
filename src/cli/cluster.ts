import { z } from 'zod';
import { clusterBatch } from '../events/cluster.js';
import { readJsonl } from './jsonl.js';
import { UsageError } from './context.js';
import { readInput } from './tools.js';

const ClusterLine = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  title: z.string(),
  text: z.string().optional().default(''),
  published: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date (ISO 8601 expected)'),
  source: z.string().optional(),
  url: z.string().optional(),
  entities: z.array(z.string()).optional(),
  author: z.string().optional(),
});

/** almanac cluster --input <file.jsonl>: the live clustering over a batch, one {"id","event"} line per article. */
export function clusterCommand(flags: Record<string, unknown>): number {
  const { items, errors } = readJsonl(readInput(flags['input'] as string | undefined).toString('utf8'), ClusterLine);
  for (const e of errors) console.error(`almanac cluster: skipped ${e}`);
  if (items.length === 0) throw new UsageError('almanac cluster: no valid lines in the input');
  const ids = new Set<string>();
  for (const it of items)
    if (ids.has(it.id)) throw new UsageError(`almanac cluster: id ${it.id} appears twice`);
    else ids.add(it.id);
  const events = clusterBatch(items.map((it) => ({ ...it, published: new Date(it.published) })));
  const out: string[] = [];
  for (const it of items) out.push(JSON.stringify({ id: it.id, event: events.get(it.id) }));
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}
