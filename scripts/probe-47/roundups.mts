/**
 * Probe (issue 47): the gatherings' roundups the clusterer finds (see src/events/roundup.ts) in a
 * stream file or a store, each with its gathering and the event it ends in, and the other
 * members of that event: to read what the rule joins as a reader would.
 * Usage: node --import tsx scripts/probe-47/roundups.mts <store.db | stream.jsonl>
 */
import { OnlineClusterer } from '../../src/events/cluster.js';
import { roundupOf } from '../../src/events/roundup.js';
import { withoutNewsletter } from '../../src/ingest/boilerplate/clean.js';
import { clusterInput, readArticles } from './articles.mjs';

const source = process.argv[2];
if (!source) {
  console.error('usage: roundups.mts <store.db | stream.jsonl>');
  process.exit(1);
}
const docs = readArticles(source).map((r) => clusterInput(r, 'entities'));
const c = new OnlineClusterer();
const placed = new Map(docs.map((d) => [d.id, c.add(d).event]));
const eventOf = (id: string) => c.resolve(placed.get(id)!);
const shown = new Set<string>();
for (const d of docs) {
  const { title, lead } = withoutNewsletter(d.title, (d.text ?? '').split(/\s+/, c.settings.leadWords).join(' '));
  const gathering = roundupOf(title, lead);
  if (!gathering || shown.has(eventOf(d.id))) continue;
  shown.add(eventOf(d.id));
  const members = docs.filter((m) => eventOf(m.id) === eventOf(d.id));
  console.log(`${gathering}: ${members.length} articles`);
  for (const m of members) console.log(`  ${m.published.toISOString().slice(0, 10)}  ${m.title}`);
}
