import { z } from 'zod';
import { KINDS } from '../extraction-schema.js';
import type { EventListOptions } from '../store/events.js';

/**
 * The event filters, as they live in the URL (so a filtered view can be bookmarked and
 * turned into a feed): min, topic, source, kind, since (24h, 7d, 30d, 90d or an ISO date),
 * until, sort (time | score), page. Bad values are reported, not guessed.
 */
const RELATIVE = /^(\d{1,4})(h|d)$/;

export const EventFilterSchema = z.object({
  min: z.coerce.number().int().min(0).max(10).default(0),
  topic: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, 'a topic slug')
    .optional(),
  source: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a source id')
    .optional(),
  kind: z.enum(KINDS).optional(),
  entity: z.string().min(1).max(200).optional(),
  since: z
    .string()
    .refine((s) => RELATIVE.test(s) || !Number.isNaN(Date.parse(s)), 'since: 24h, 7d, 30d… or an ISO date')
    .optional(),
  until: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'until: an ISO date')
    .optional(),
  sort: z.enum(['time', 'score']).default('time'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type EventFilter = z.infer<typeof EventFilterSchema>;

/** What each filter takes, said for a reader of the page. */
const EXPECTED: Record<keyof EventFilter, string> = {
  min: 'a score from 0 to 10',
  topic: 'a topic slug',
  source: 'a source id',
  kind: `one of ${KINDS.join(', ')}`,
  entity: 'a name',
  since: '24h, 7d, 30d… or a date',
  until: 'a date',
  sort: 'time or score',
  page: 'a page number',
};

/**
 * The filters of a hand-edited URL: each bad one is left out (the others still apply) and
 * named with what it takes ("min=abc: a score from 0 to 10"), instead of failing the page.
 */
export function readFilter(query: Record<string, string>): { f: EventFilter; ignored: string[] } {
  const q = { ...query };
  const ignored: string[] = [];
  for (;;) {
    const parsed = EventFilterSchema.safeParse(q);
    if (parsed.success) return { f: parsed.data, ignored };
    // Each round leaves out at least one given key, or stops: the loop ends.
    const bad = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')))].filter((k) => k in q);
    if (!bad.length) return { f: EventFilterSchema.parse({}), ignored };
    for (const k of bad) {
      ignored.push(`${k}=${q[k]!.slice(0, 40)}: ${EXPECTED[k as keyof EventFilter]}`);
      delete q[k];
    }
  }
}

export function resolveSince(since: string | undefined, now: Date): string | undefined {
  if (!since) return undefined;
  const m = RELATIVE.exec(since);
  if (m) return new Date(now.getTime() - Number(m[1]) * (m[2] === 'h' ? 3_600_000 : 86_400_000)).toISOString();
  return new Date(since).toISOString();
}

export function toListOptions(f: EventFilter, now: Date, pageSize: number): EventListOptions {
  return {
    limit: pageSize,
    offset: (f.page - 1) * pageSize,
    minSignificance: f.min || undefined,
    topic: f.topic,
    source: f.source,
    kind: f.kind,
    entity: f.entity,
    since: resolveSince(f.since, now),
    until: f.until ? new Date(f.until).toISOString() : undefined,
    sort: f.sort === 'score' ? 'significance' : 'recent',
  };
}

/** The query string of a filter (defaults left out), with some keys changed. */
export function filterQuery(
  f: Partial<EventFilter>,
  change: Partial<Record<keyof EventFilter, string | number | undefined>> = {},
): string {
  const merged: Record<string, unknown> = { ...f, ...change };
  const p = new URLSearchParams();
  for (const k of ['min', 'topic', 'source', 'kind', 'entity', 'since', 'until', 'sort', 'page'] as const) {
    const v = merged[k];
    if (
      v === undefined ||
      v === '' ||
      (k === 'min' && Number(v) === 0) ||
      (k === 'sort' && v === 'time') ||
      (k === 'page' && Number(v) === 1)
    )
      continue;
    p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}
