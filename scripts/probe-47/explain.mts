/**
 * Probe (issue 47): why the articles of an event joined it. Clusters a store's articles as the
 * pipeline does (see store-order.mts) and, for each article of the event holding the given title,
 * prints the event it joined when it came, the route's figures and the specific terms shared;
 * then the merges that made the event.
 * Usage: node --import tsx scripts/probe-47/explain.mts <almanac.db | stream.jsonl> "<title of a member>" [entities|none]
 */
import { type JoinExplanation, OnlineClusterer } from '../../src/events/cluster.js';
import { clusterInput, readArticles } from './articles.mjs';

const source = process.argv[2]!;
const wanted = process.argv[3];
const mode = process.argv[4] ?? 'entities';
const rows = readArticles(source);
const why = new Map<string, JoinExplanation>();
const c = new OnlineClusterer({}, undefined, (w) => why.set(w.article, w));
const first = new Map<string, string>();
const merges: string[] = [];
for (const r of rows) {
  const a = c.add(clusterInput(r, mode));
  first.set(String(r.id), a.event);
  for (const m of a.merges) merges.push(`${m.from} into ${m.into} (${a.event}), on "${r.title}"`);
}
const target = rows.find((r) => r.title === wanted);
if (!target) throw new Error(`no article titled "${wanted}"`);
const event = c.resolve(first.get(String(target.id))!);
const title = new Map(rows.map((r) => [String(r.id), `${r.at.slice(0, 10)} ${r.title}`]));
for (const r of rows) {
  const id = String(r.id);
  if (c.resolve(first.get(id)!) !== event) continue;
  const w = why.get(id);
  if (!w) {
    console.log(`\n${title.get(id)}  [started ${first.get(id)}]`);
    continue;
  }
  const f = (x: number) => x.toFixed(2);
  console.log(
    `\n${title.get(id)}  → ${w.event} (size ${w.size}, sim ${f(w.similarity)}, cohesion ${f(w.cohesion)}, ` +
      `specific ${f(w.evidence.specificShare)}, title ${f(w.evidence.titleCover)})`,
  );
  console.log(
    '   ',
    w.shared
      .slice(0, 10)
      .map((s) => `${s.term}:${f(s.weight)}`)
      .join(' '),
  );
}
const mine = new Set([...first.values()].filter((e) => c.resolve(e) === event));
for (const m of merges) if (mine.has(m.split(' ')[0]!)) console.log(`merged ${m}`);
