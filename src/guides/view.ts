import type { Db } from '../store/db.js';
import { listParam } from '../store/sql/query.js';
import { eventsByIds } from '../store/event-reads.js';
import { type EventRow } from '../store/event-rows.js';
import { guideTimeline, topGuideEvents, type Guide, type GuideEventRef } from '../store/guides.js';
import { getGuide } from './read.js';
import { claimsBySource, groupClaims, type ClaimGroup, type SourcedClaim } from './claims.js';
import { localOverviewParts, type LocalOverview } from './overview.js';

/**
 * Everything a guide page shows, read from the store: overview, timeline, what changed
 * since a date, the claims of its most significant events grouped by source and by
 * assertion, key quotes with speakers, and the sources that cover it most. Each part is
 * bounded (the top events, a page of the timeline), so a long-lived guide reads as fast
 * as a new one.
 */
export interface GuideView {
  guide: Guide;
  overview: string;
  /** The local overview's parts (scope, then the latest significant events), when the model has not written one. */
  overviewParts?: LocalOverview;
  timeline: Array<GuideEventRef & { event: EventRow }>;
  timelineTotal: number;
  changes: Array<{ event: EventRow; change: 'new' | 'updated' }>;
  since: string;
  claimGroups: ClaimGroup[];
  claimsBySource: ReturnType<typeof claimsBySource>;
  quotes: Array<{ text: string; speaker: string; sourceName: string; articleId: number; eventId: string }>;
  topSources: Array<{ sourceId: string; name: string; author: string | null; articles: number }>;
}

/** How many of the guide's most significant events feed claims and quotes. */
const CLAIM_EVENTS = 20;
const TIMELINE_PAGE = 100;
/** How many of the guide's latest events the source ranking counts. */
export const SOURCE_EVENTS = 300;

export async function guideView(
  db: Db,
  slug: string,
  o: { since: string; timelineOffset?: number },
): Promise<GuideView | undefined> {
  const guide = await getGuide(db, slug);
  if (!guide) return undefined;
  // Membership rows name live events (merged ones leave guide_events by cascade), so one read by id finds them.
  const withEvent = async <T extends { eventId: string }>(refs: T[]) => {
    const events = await eventsByIds(
      db,
      refs.map((r) => r.eventId),
    );
    return refs.flatMap((r) => {
      const event = events.get(r.eventId);
      return event ? [{ ...r, event }] : [];
    });
  };
  const timeline = await withEvent(await guideTimeline(db, slug, TIMELINE_PAGE, o.timelineOffset ?? 0));

  // Walk the events updated since (an index range) and test membership by key, rather than read the whole guide:
  // CROSS JOIN keeps SQLite to that order.
  const changed = await db.all<{ eventId: string; addedAt: string; firstSeen: string }>(
    `SELECT e.id AS "eventId", ge.added_at AS "addedAt", e.first_seen AS "firstSeen" FROM events e ` +
      `CROSS JOIN guide_events ge ON ge.guide_slug = ? AND ge.event_id = e.id
    WHERE e.last_updated >= ? ORDER BY e.significance DESC, e.last_updated DESC LIMIT 50`,
    [slug, o.since],
  );
  const changes = (await withEvent(changed)).map((r) => ({
    event: r.event,
    change: (r.firstSeen >= o.since ? 'new' : 'updated') as 'new' | 'updated',
  }));

  const top = await topGuideEvents(db, slug, CLAIM_EVENTS, guide.eventCount);
  const rows = await db.all<{
    event_id: string;
    article_id: number;
    source_id: string;
    source_name: string;
    claims: string;
    quotes: string;
  }>(
    `SELECT ea.event_id, a.id AS article_id, s.id AS source_id, s.name AS source_name, x.claims, x.quotes
    FROM event_articles ea JOIN articles a ON a.id = ea.article_id JOIN sources s ON s.id = a.source_id JOIN extractions x ON x.article_id = a.id
    WHERE ea.event_id IN (${listParam(db, 'text')}) ORDER BY s.tier, a.published_at`,
    [JSON.stringify(top.map((t) => t.eventId))],
  );
  const claims: SourcedClaim[] = [];
  const quotes: GuideView['quotes'] = [];
  for (const r of rows) {
    for (const c of (JSON.parse(r.claims) as Array<{ text: string }>).slice(0, 4))
      claims.push({
        text: c.text,
        sourceId: r.source_id,
        sourceName: r.source_name,
        articleId: r.article_id,
        eventId: r.event_id,
      });
    for (const q of JSON.parse(r.quotes) as Array<{ text: string; speaker?: string }>) {
      if (q.speaker && quotes.length < 12 && !quotes.some((x) => x.text === q.text))
        quotes.push({
          text: q.text,
          speaker: q.speaker,
          sourceName: r.source_name,
          articleId: r.article_id,
          eventId: r.event_id,
        });
    }
  }
  // Counted over the guide's latest events (an index read), so the cost stays flat as its history grows.
  const topSources = await db.all<GuideView['topSources'][number]>(
    `SELECT s.id AS "sourceId", s.name, s.author, COUNT(*) AS articles
    FROM (SELECT event_id FROM guide_events WHERE guide_slug = ? ORDER BY first_seen DESC LIMIT ${SOURCE_EVENTS}) ge
      JOIN event_articles ea ON ea.event_id = ge.event_id JOIN articles a ON a.id = ea.article_id JOIN sources s ON s.id = a.source_id
    GROUP BY s.id, s.name, s.author ORDER BY articles DESC, s.name LIMIT 8`,
    [slug],
  );

  return {
    guide,
    overview: guide.overview,
    overviewParts: guide.overviewBy === 'llm' && guide.overview ? undefined : await localOverviewParts(db, guide),
    timeline,
    timelineTotal: guide.eventCount,
    changes,
    since: o.since,
    claimGroups: groupClaims(claims)
      .filter((g) => g.sources.length >= 2)
      .slice(0, 12),
    claimsBySource: claimsBySource(claims),
    quotes,
    topSources,
  };
}
