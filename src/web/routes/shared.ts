import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { GuideView } from '../../guides/view.js';
import type { AdminDeps } from './admin.js';
import type { Db } from '../../store/db.js';
import { listParam } from '../../store/sql/query.js';
import { primaryInfo } from '../../store/event-reads.js';
import { type EventRow } from '../../store/event-rows.js';
import { listSourceNames, sourceLabel } from '../../store/sources.js';
import { KINDS } from '../../extraction-schema.js';
import type { EventCard } from '../pages/events.js';
import type { FilterChoices } from '../pages/events-list.js';

import type { PageCacheOptions } from '../page-cache.js';
import type { RateLimit } from '../rate-limit.js';
import type { PublicSite } from '../origin.js';
import { EventFilterSchema } from '../filters.js';

export interface WebDeps {
  db: Db;
  clock: Clock;
  /** The admin area's token and actions; without it /admin answers 404. */
  admin?: Omit<AdminDeps, 'db' | 'clock'>;
  /** Per-client limit on pages, feeds and the API (not /healthz or /admin); none means unlimited. */
  rateLimit?: RateLimit;
  /** Rendered pages served again while the store is unchanged; none means every request renders. */
  pageCache?: PageCacheOptions;
  /** Where readers reach us: the base of feed and API links, and whether the admin cookie is Secure. */
  site?: PublicSite;
}

export const PAGE_SIZE = 30;

/** A guide's period, for its page and its API answer. */
export const guideSince = z.object({ since: EventFilterSchema.shape.since.default('7d') });

export async function cards(db: Db, events: EventRow[]): Promise<EventCard[]> {
  const info = await primaryInfo(
    db,
    events.map((e) => e.primaryArticleId).filter((x): x is number => x !== null),
  );
  return events.map((e) => ({ ...e, primary: e.primaryArticleId !== null ? info.get(e.primaryArticleId) : undefined }));
}

/** Relations of many events at once, for list answers. */
export async function relationsOf(db: Db, ids: string[]): Promise<Map<string, { id: string; similarity: number }[]>> {
  const out = new Map<string, { id: string; similarity: number }[]>();
  if (!ids.length) return out;
  const rows = await db.all<{ event_id: string; related_id: string; similarity: number }>(
    `SELECT event_id, related_id, similarity FROM event_relations WHERE event_id IN (${listParam(db, 'text')}) ORDER BY similarity DESC`,
    [JSON.stringify(ids)],
  );
  for (const r of rows)
    (out.get(r.event_id) ?? out.set(r.event_id, []).get(r.event_id)!).push({
      id: r.related_id,
      similarity: r.similarity,
    });
  return out;
}

/** An event as the API gives it. */
export function eventJson(
  e: EventCard,
  related: { id: string; similarity: number }[] = [],
  guides: { slug: string; title: string }[] = [],
) {
  return {
    id: e.id,
    title: e.title,
    summary: e.summary,
    significance: e.significance,
    factors: e.factors,
    source: e.primary
      ? {
          id: e.primary.sourceId,
          name: sourceLabel({ name: e.primary.sourceName, author: e.primary.sourceAuthor }),
          url: e.primary.url,
        }
      : null,
    firstSeen: e.firstSeen,
    lastUpdated: e.lastUpdated,
    kind: e.kind,
    topics: e.topics,
    entities: e.entities,
    sourceCount: e.sourceCount,
    articleCount: e.articleCount,
    related,
    guides,
  };
}

/** How labels are sorted for a reader: as `localeCompare` does, with its locale data looked up once. */
const byLabel = new Intl.Collator().compare;

export async function filterChoices(db: Db, _now: Date): Promise<FilterChoices> {
  return {
    // The taxonomy (seeded and learned topics), not a count over events: this runs on every list page.
    topics: await db.all<{ slug: string; label: string }>('SELECT slug, label FROM topics ORDER BY label'),
    // Only the names: every source's fetch state, read and parsed for a menu, was a fifth of the page's time.
    sources: (await listSourceNames(db))
      .map((s) => ({ id: s.id, label: sourceLabel(s) }))
      .sort((a, b) => byLabel(a.label, b.label)),
    kinds: KINDS,
  };
}

/** A guide's timeline and changes as event cards. */
export async function guideCards(db: Db, view: GuideView) {
  const timeline = await cards(
    db,
    view.timeline.map((t) => t.event),
  );
  const changed = await cards(
    db,
    view.changes.map((x) => x.event),
  );
  return { timeline, changes: changed.map((card, i) => ({ card, change: view.changes[i]!.change })) };
}
