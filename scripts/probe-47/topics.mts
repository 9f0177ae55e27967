/**
 * Probe (issue 47, reader's report items 1 and 11): how many events of a store show a topic, how
 * many topics only one event uses, and a seeded random sample of event–topic pairs to judge by
 * reading (each with the event's title and its primary article's summary, and the topic's label).
 * Usage: node --import tsx scripts/probe-47/topics.mts <almanac.db> [pairs=50] [seed=47]
 */
import Database from 'better-sqlite3';
import { seeded } from '../../bench/harness.js';
import { slugWords } from '../../src/store/topics.js';

const file = process.argv[2];
if (!file) throw new Error('usage: topics.mts <almanac.db> [pairs] [seed]');
const wanted = Number(process.argv[3] ?? 50);
const db = new Database(file, { readonly: true });

interface EventRow {
  id: string;
  title: string;
  topics: string;
  article_count: number;
  summary: string;
}
const events = db
  .prepare(
    `SELECT e.id, e.title, e.topics, e.article_count, coalesce(x.summary, e.summary) summary
     FROM events e LEFT JOIN extractions x ON x.article_id = e.primary_article_id ORDER BY e.rowid`,
  )
  .all() as EventRow[];
const labels = new Map(
  (db.prepare('SELECT slug, label FROM topics').all() as { slug: string; label: string }[]).map((r) => [
    r.slug,
    r.label,
  ]),
);
const topicsOf = (e: EventRow) => JSON.parse(e.topics) as string[];
const share = (list: EventRow[]) => {
  const n = list.filter((e) => topicsOf(e).length > 0).length;
  return `${n} of ${list.length} (${((100 * n) / Math.max(1, list.length)).toFixed(1)}%)`;
};
const uses = new Map<string, number>();
for (const e of events) for (const t of topicsOf(e)) uses.set(t, (uses.get(t) ?? 0) + 1);
const once = [...uses].filter(([, n]) => n === 1).map(([t]) => t);
const big = events.filter((e) => e.article_count >= 3);
console.log(`events with a topic: ${share(events)}`);
console.log(`events of 3+ articles with a topic: ${share(big)}`);
const bare = db.prepare(`SELECT COUNT(*) FROM events WHERE topics = '[]' AND entities = '[]'`).pluck().get();
const alone = db
  .prepare('SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_relations r WHERE r.event_id = e.id)')
  .pluck()
  .get();
console.log(`events with neither topic nor entity: ${bare}; events without related events: ${alone}`);
console.log(
  `topics on events: ${uses.size}; used by one event: ${once.length}; without a stored label: ${
    [...uses.keys()].filter((t) => !labels.has(t)).length
  }`,
);
console.log(`used once: ${once.sort().join(', ')}`);
console.log(
  `topics by events: ${[...uses]
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${t} ${n}`)
    .join(', ')}`,
);
console.log(
  `events of 3+ without a topic: ${big
    .filter((e) => !topicsOf(e).length)
    .map((e) => `${e.id} "${e.title}"`)
    .join('; ')}`,
);

const pairs = events.flatMap((e) => topicsOf(e).map((t) => ({ e, t })));
const next = seeded(Number(process.argv[4] ?? 47));
for (let i = pairs.length - 1; i > 0; i--) {
  const j = Math.floor(next() * (i + 1));
  [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
}
console.log(`\n${Math.min(wanted, pairs.length)} of ${pairs.length} event–topic pairs, seeded:`);
pairs.slice(0, wanted).forEach(({ e, t }, i) => {
  console.log(`${i + 1}. [${labels.get(t) ?? `${slugWords(t)} (no label)`}] ${e.id} (${e.article_count}) ${e.title}`);
  console.log(`     ${e.summary.replace(/\s+/g, ' ').slice(0, 220)}`);
});
