import { GAZETTEER } from '../analyze/gazetteer.js';
import type { Db } from '../store/db.js';
import { eventMembers, type EventMember } from '../store/event-reads.js';
import { saveEventFields } from '../store/event-writes.js';
import { knownTopics } from '../store/topics.js';
import { saveRelations } from '../store/relating.js';
import { type Role, type Significance } from '../store/event-rows.js';
import { RelateCaches, type CentroidSource } from '../relate/reads.js';
import { clampScore, detectStakes, scoreSignificance } from './significance.js';
import { relateEvent } from '../relate/relate.js';
import { eventHeadline } from './headline.js';
import { eventTopics } from './event-topics.js';
import { COMMENTARY, eventVoices } from './commentary.js';
import { syncEventSubjects, updateGuidesForEvent } from '../guides/membership.js';

/**
 * Recompute an event from its members: primary article, title and summary (headline.ts),
 * roles, topics and entities (weighted union), related events and significance. Called for
 * every event an assignment touched, inside its transaction.
 */
const PROMINENT = new Set(GAZETTEER.filter((e) => e.type !== 'place').map((e) => e.name));

const timeOf = (m: EventMember) => m.publishedAt ?? m.fetchedAt;

export interface RefreshOptions {
  /** Collects the guides the event changed instead of recording each now (the caller does it once per batch, in the same transaction). */
  guidesTouched?: Map<string, string>;
  /** Event centroids held in memory (the live clusterer's), read instead of the stored copies. */
  centroids?: CentroidSource;
  /** What relating keeps parsed between events (the pipeline's, PipelineState.relateCaches); else one for this refresh. */
  relateCaches?: RelateCaches;
  /** How many times over a growing event must grow before it is related anew (see relateSizeClass). */
  relateGrowth?: number;
  /**
   * Leave relating to later: the event is marked (events.relate_pending), its significance
   * stands on the novelty it had (a new event's on full novelty) and its guides wait with it,
   * until relatePending and applyRelated finish it (src/relate/apply-related.ts). The
   * pipeline does so once its batch has committed, on another thread where it can.
   */
  deferRelating?: boolean;
}

/** What a refresh did, for callers that count (the relating evaluation). */
export interface RefreshReport {
  /** Its related events and novelty were computed anew, or it was marked to be (else the stored ones, or the relating on its way, still held). */
  related: boolean;
}

/**
 * A growing event is related anew when its size class changes: at 1, 4, 16, 64… members
 * (every quadrupling). Relating every doubling made more than half of all relating passes
 * in a steady stream (a class change for events of 2, 3 and 5 members) for relations that
 * mostly stayed: `npm run eval:relate` measures what each choice keeps and costs.
 * A growth of 1 relates at every refresh.
 */
export const RELATE_GROWTH = 4;

export function relateSizeClass(members: number, growth = RELATE_GROWTH): number {
  if (growth <= 1) return members;
  // The epsilon keeps exact powers (64 for 4) from falling a class short in floating point.
  return Math.floor(Math.log(members) / Math.log(growth) + 1e-9);
}

export async function refreshEvent(db: Db, eventId: string, o: RefreshOptions = {}): Promise<RefreshReport> {
  const report: RefreshReport = { related: false };
  const members = await eventMembers(db, eventId);
  if (!members.length) {
    await db.run('DELETE FROM events WHERE id = ?', [eventId]);
    return report;
  }
  const headline = eventHeadline(members);
  const { primary, title, allCommentary } = headline;
  const roles = new Map<number, Role>();
  for (const m of members)
    roles.set(m.articleId, m === primary ? 'primary' : m.kind && COMMENTARY.has(m.kind) ? 'commentary' : 'coverage');

  const entityWeight = new Map<string, { name: string; type: string; weight: number }>();
  for (const m of members) {
    const w = m === primary ? 2 : 1;
    m.entities.forEach((e, i) => {
      const cur = entityWeight.get(e.name) ?? { name: e.name, type: e.type, weight: 0 };
      cur.weight += w / (1 + i * 0.2);
      entityWeight.set(e.name, cur);
    });
  }
  // A candidate slug (a phrase one source used) is no topic until enough sources use it: then every member naming it counts.
  const known = await knownTopics(db, [...new Set(members.flatMap((m) => m.topics))]);
  const named = members.map((m) => ({ title: m.title, topics: m.topics.filter((t) => known.has(t)) }));
  const topics = eventTopics(named, named[members.indexOf(primary)]!, { title, summary: headline.summary });
  const entities = [...entityWeight.values()]
    .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name))
    .slice(0, 12)
    .map((e) => ({ ...e, weight: Math.round(e.weight * 100) / 100 }));
  const times = members.map(timeOf).sort();
  const firstSeen = times[0]!;
  const lastUpdated = times[times.length - 1]!;
  const sources = new Set(members.map((m) => m.sourceId));

  // The model's latest review applies until the next one (made when the member count doubles).
  const stored = (await db.get(
    'SELECT title, summary, review_key, review_summary, review_delta, review_reason, relate_key, relate_pending, factors FROM events WHERE id = ?',
    [eventId],
  )) as
    | {
        title: string;
        summary: string;
        review_key: string | null;
        review_summary: string | null;
        review_delta: number | null;
        review_reason: string | null;
        relate_key: string | null;
        relate_pending: number;
        factors: string;
      }
    | undefined;

  // Related events and novelty from the same candidates: events sharing a topic or an entity.
  // They are computed anew only when what they depend on moved: the event's topics, its five
  // main entities, or its size class (see relateSizeClass). A growing event is refreshed for
  // every new article, and relating is most of a refresh's cost; the other side of each
  // relation is kept fresh by the newer events relating to this one.
  const kind = allCommentary ? (primary.kind ?? 'op-ed') : (primary.kind ?? 'news');
  const voices = eventVoices(
    kind,
    members.map((m) => m.kind),
  );
  const relateKey = `${[...topics].sort().join(',')}|${entities
    .slice(0, 5)
    .map((e) => e.name)
    .sort()
    .join(',')}|${relateSizeClass(members.length, o.relateGrowth)}|${kind}|${voices}`;
  const previousNovelty = stored
    ? (JSON.parse(stored.factors || '{}') as Partial<Significance>).factors?.['novelty']?.points
    : undefined;
  let novelty: number;
  let pending = false;
  if (stored?.relate_key === relateKey && !stored.relate_pending && previousNovelty !== undefined)
    novelty = previousNovelty;
  else if (o.deferRelating) {
    // Marked already with this key: the relating on its way holds.
    const marked = !!stored?.relate_pending && stored.relate_key === relateKey;
    if (!marked)
      await db.run('UPDATE events SET relate_key = ?, relate_pending = 1 WHERE id = ?', [relateKey, eventId]);
    novelty = previousNovelty ?? 1;
    pending = true;
    report.related = !marked;
  } else {
    const related = await relateEvent(
      db,
      eventId,
      { topics, entities, firstSeen, lastUpdated, kind, voices },
      { caches: o.relateCaches ?? new RelateCaches(), centroids: o.centroids },
    );
    await saveRelations(db, eventId, related.relations);
    await db.run('UPDATE events SET relate_key = ?, relate_pending = 0 WHERE id = ?', [relateKey, eventId]);
    novelty = related.novelty;
    report.related = true;
  }

  const significance = scoreSignificance({
    bestTier: Math.min(...members.map((m) => m.tier)),
    sources: sources.size,
    novelty,
    stakes: detectStakes({
      memberKinds: members.map((m) => m.kind),
      topics,
      primaryKind: primary.kind,
      titles: members.map((m) => m.title).join('\n'),
      headline: title,
    }),
    prominent: entities.filter((e) => PROMINENT.has(e.name)).map((e) => e.name),
  });
  let summary = headline.summary;
  if (stored?.review_key) {
    if (stored.review_summary) summary = stored.review_summary;
    if (stored.review_delta !== null) {
      const delta = Math.max(-2, Math.min(2, stored.review_delta));
      significance.llm = { delta, reason: stored.review_reason ?? '' };
      significance.score = clampScore(significance.score + delta);
    }
  }
  await saveEventFields(
    db,
    eventId,
    {
      title,
      summary,
      significance: significance.score,
      factors: significance,
      primaryArticleId: primary.articleId,
      firstSeen,
      lastUpdated,
      kind,
      voices,
      topics,
      entities,
      sourceCount: sources.size,
      articleCount: members.length,
      roles,
    },
    stored && {
      title: stored.title,
      summary: stored.summary,
      roles: new Map(members.map((m) => [m.articleId, m.role])),
    },
  );
  // The topic/entity index and the guides follow in the same transaction (the guides, which
  // show significance, once the event is related when that is left to later).
  await syncEventSubjects(db, eventId, { topics, entities, lastUpdated });
  if (!pending)
    await updateGuidesForEvent(db, eventId, undefined, o.guidesTouched, {
      title,
      significance: significance.score,
      firstSeen,
      lastUpdated,
      topics,
      entities,
    });
  return report;
}
