/**
 * npm run eval:relate — how often a growing event should be related anew. Relating (finding
 * the events that share its topics and entities, scoring them, storing the best) is most of
 * an event refresh's cost, so a refresh relates only when the event's subjects or its size
 * class moved (src/events/refresh.ts, relateSizeClass). This runs the real pipeline (local
 * extraction, the live clusterer, the refresh) over the labelled headlines of
 * ../shared/data/clustering, once per choice of growth (1: relate at every refresh, the
 * reference; 2: every doubling; 4: every quadrupling, the default), all in the same run, and
 * reports for each:
 * - passes: how many refreshes related the event or marked it to be related once its batch
 *   commits, as the pipeline does (the cost);
 * - agreement: per event, the share of the related events a relating pass would choose now
 *   (top 8) that the store holds for it (how stale the stored relations are at the end);
 * - story links: of the pairs of events made of the same labelled story (pieces the clusterer
 *   kept apart), the share the store relates; and of the stored relations, the share within
 *   one story and within one category of the data set (business, tech, …).
 */
import { TAXONOMY } from '../src/analyze/taxonomy.js';
import { join } from 'node:path';
import { fixedClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { createHttpClient } from '../src/ingest/fetch.js';
import { RELATE_GROWTH } from '../src/events/refresh.js';
import { relateEvent } from '../src/relate/relate.js';
import { RelateCaches } from '../src/relate/reads.js';
import type { Deps } from '../src/pipeline/deps.js';
import { PipelineState } from '../src/pipeline/state.js';
import { processPending } from '../src/pipeline/process.js';
import { STAGE_NAMES } from '../src/pipeline/stages.js';
import { upsertArticle } from '../src/store/articles.js';
import { openDb } from '../src/store/db.js';
import { slugify, upsertSource } from '../src/store/sources.js';
import { pad, readJsonlFile, requireData } from './shared-data.js';

interface Row {
  id: string;
  title: string;
  text: string;
  published: string;
  source: string;
  url: string;
  category: string;
  cluster: string;
}

const TOP = 8; // relations kept per event (saveRelations' cap)

const dir = requireData('clustering', 'eval:relate');
const rows = readJsonlFile<Row>(join(dir, 'uci-dev.jsonl')).sort(
  (a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id),
);

const rowById = new Map(rows.map((r) => [r.id, r]));
const categoryOfStory = new Map(rows.map((r) => [r.cluster, r.category]));

interface Outcome {
  growth: number;
  passes: number;
  events: number;
  agreement: number;
  storyPairs: number;
  storyRecall: number;
  relations: number;
  sameStory: number;
  sameCategory: number;
}

async function run(growth: number): Promise<Outcome> {
  const config = { ...loadConfig({}, { db: ':memory:' }), extractThreads: 0 };
  const db = openDb(':memory:', { seed: TAXONOMY });
  let passes = 0;
  const deps: Deps = {
    db,
    state: new PipelineState(),
    config,
    http: createHttpClient(config),
    clock: fixedClock(rows[rows.length - 1]!.published),
    log: () => {},
    relateGrowth: growth,
    onEventRefreshed: (r) => {
      if (r.related) passes++;
    },
  };
  const sourceOf = new Map<string, string>();
  for (const r of rows) {
    if (!sourceOf.has(r.source)) {
      // Headlines only: no page is ever fetched (fulltext never), so nothing leaves the machine.
      const s = await upsertSource(
        db,
        {
          name: r.source.trim() || '(no publisher)',
          feedUrl: `https://uci.invalid/${slugify(r.source) || 'source'}/${sourceOf.size}`,
          fulltext: 'never',
        },
        new Date(r.published),
      );
      sourceOf.set(r.source, s.id);
    }
    await upsertArticle(
      db,
      {
        sourceId: sourceOf.get(r.source)!,
        guid: r.id,
        url: r.url,
        canonicalUrl: null,
        title: r.title,
        author: null,
        publishedAt: r.published,
        fetchedAt: r.published,
        html: '',
        text: r.text,
        lang: 'en',
        image: null,
        wordCount: r.text.split(/\s+/).filter(Boolean).length,
        truncated: false,
      },
      STAGE_NAMES,
    );
  }
  await processPending(deps);

  // Each event's labelled story: the one most of its headlines belong to.
  const members = await db.all<{ event_id: string; guid: string }>(
    `SELECT ea.event_id, a.guid FROM event_articles ea JOIN articles a ON a.id = ea.article_id JOIN events e ON e.id = ea.event_id WHERE e.title <> ''`,
  );
  const votes = new Map<string, Map<string, number>>();
  for (const m of members) {
    const story = rowById.get(m.guid)!.cluster;
    const v = votes.get(m.event_id) ?? new Map<string, number>();
    v.set(story, (v.get(story) ?? 0) + 1);
    votes.set(m.event_id, v);
  }
  const storyOf = new Map(
    [...votes].map(([e, v]) => [e, [...v].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]]),
  );

  const stored = new Map<string, string[]>();
  for (const r of await db.all<{ event_id: string; related_id: string }>(
    'SELECT event_id, related_id FROM event_relations ORDER BY event_id, similarity DESC, related_id',
  )) {
    stored.set(r.event_id, [...(stored.get(r.event_id) ?? []), r.related_id]);
  }
  // Agreement with what a pass would store now.
  const events = await db.all<{
    id: string;
    kind: string | null;
    topics: string;
    entities: string;
    first_seen: string;
    last_updated: string;
  }>(`SELECT id, kind, topics, entities, first_seen, last_updated FROM events WHERE title <> ''`);
  let agreeSum = 0;
  let agreeN = 0;
  const caches = new RelateCaches();
  for (const e of events) {
    const fresh = (
      await relateEvent(
        db,
        e.id,
        {
          topics: JSON.parse(e.topics),
          entities: JSON.parse(e.entities),
          firstSeen: e.first_seen,
          lastUpdated: e.last_updated,
          kind: e.kind,
        },
        { caches },
      )
    ).relations.slice(0, TOP);
    if (!fresh.length) continue;
    const have = new Set(stored.get(e.id) ?? []);
    agreeSum += fresh.filter((f) => have.has(f.id)).length / fresh.length;
    agreeN++;
  }
  // Pieces of one story, and the stored relations' stories and categories.
  const byStory = new Map<string, string[]>();
  for (const [e, s] of storyOf) byStory.set(s, [...(byStory.get(s) ?? []), e]);
  let storyPairs = 0;
  let linked = 0;
  for (const ids of byStory.values()) {
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        storyPairs++;
        if (stored.get(ids[i]!)?.includes(ids[j]!) || stored.get(ids[j]!)?.includes(ids[i]!)) linked++;
      }
  }
  let relations = 0;
  let sameStory = 0;
  let sameCategory = 0;
  for (const [a, list] of stored) {
    for (const b of list) {
      const sa = storyOf.get(a);
      const sb = storyOf.get(b);
      if (!sa || !sb) continue;
      relations++;
      if (sa === sb) sameStory++;
      if (categoryOfStory.get(sa) === categoryOfStory.get(sb)) sameCategory++;
    }
  }
  await db.close();
  return {
    growth,
    passes,
    events: events.length,
    agreement: agreeN ? agreeSum / agreeN : 0,
    storyPairs,
    storyRecall: storyPairs ? linked / storyPairs : 0,
    relations,
    sameStory: relations ? sameStory / relations : 0,
    sameCategory: relations ? sameCategory / relations : 0,
  };
}

console.log(
  `uci-dev.jsonl: ${rows.length} headlines in ${new Set(rows.map((r) => r.cluster)).size} labelled ` +
    `stories, the real pipeline (local extraction) once per choice\n`,
);
console.log(
  `${pad('relate anew', 34)}${pad('passes', 9)}${pad('events', 9)}${pad('agreement', 11)}` +
    `${pad('story links', 13)}${pad('relations', 11)}${pad('same story', 12)}same category`,
);
for (const growth of [1, 2, RELATE_GROWTH]) {
  const o = await run(growth);
  const name =
    growth === 1
      ? 'at every refresh (reference)'
      : growth === 2
        ? 'every doubling (1, 2, 4, 8…)'
        : `every ×${growth} (1, ${growth}, ${growth * growth}…), default`;
  console.log(
    `${pad(name, 34)}${pad(o.passes, 9)}${pad(o.events, 9)}${pad(o.agreement.toFixed(3), 11)}` +
      `${pad(`${o.storyRecall.toFixed(3)} of ${o.storyPairs}`, 13)}${pad(o.relations, 11)}` +
      `${pad(o.sameStory.toFixed(3), 12)}${o.sameCategory.toFixed(3)}`,
  );
}
console.log(
  '\nThe clustering is the same in every run; only when relations are computed differs. Speed: npm run bench -- ingest.',
);
