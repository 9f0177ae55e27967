import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pad, readJsonlFile, requireData } from './shared-data.js';
import { runStream } from './stream-run.js';
import type { StreamItem } from './stream-checks.js';

/**
 * npm run eval:stream [-- --per-outlet N]: the real AI-news stream of ../shared/data/streams
 * through the pipeline (one loopback feed per outlet), then the boilerplate left in what a
 * reader sees: event titles and summaries, guide overviews, article texts and extractions;
 * and event summaries that are a picture's caption or missing where members have text
 * (goal 0 everywhere). --per-outlet takes each outlet's first N items by date; --keep <file>
 * writes the store to that new SQLite file, to read its pages (`almanac serve --db <file>`).
 */
const arg = process.argv.indexOf('--per-outlet');
const perOutlet = arg > 0 ? Number(process.argv[arg + 1]) : Infinity;
if (!(perOutlet > 0)) {
  console.error('eval:stream: --per-outlet takes a positive number of items');
  process.exit(2);
}
const keepAt = process.argv.indexOf('--keep');
const keep = keepAt > 0 ? process.argv[keepAt + 1] : undefined;
if (keepAt > 0 && (!keep || existsSync(keep))) {
  console.error(`eval:stream: --keep takes the path of a file that does not exist yet${keep ? ` (${keep} does)` : ''}`);
  process.exit(2);
}
const all = readJsonlFile<StreamItem>(join(requireData('streams', 'eval:stream'), 'ai-news-stream.jsonl'));
const taken = new Map<string, number>();
const items = [...all]
  .sort((a, b) => a.published.localeCompare(b.published))
  .filter((i) => {
    const n = taken.get(i.source) ?? 0;
    taken.set(i.source, n + 1);
    return n < perOutlet;
  });
const t0 = Date.now();
const r = await runStream(items, (l) => console.log(`  ${l}`), keep);
console.log(
  `Stream: ${r.items} items from ${r.outlets} outlets; ${r.itemsWithBoilerplate} carry boilerplate ` +
    `as fetched, ${r.titlesLabelled} titles open with a newsletter label`,
);
const captions = [...r.captionsByOutlet].map(([outlet, n]) => `${outlet} ${n}`).join(', ') || 'none';
console.log(`Items whose text is a picture's caption (stored as teasers): ${captions}`);
console.log(
  `Store: ${r.articles} articles, ${r.events} events, ${r.guides} guides (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
);
console.log(`${pad('where', 48)}${pad('texts', 9)}found (goal 0)`);
for (const c of r.checks) console.log(`${pad(c.place, 48)}${pad(c.texts, 9)}${c.findings.length}`);
for (const c of r.checks)
  for (const f of c.findings.slice(0, 5)) console.log(`  ${c.place} · ${f.what}: ${f.text.slice(0, 160)}`);
console.log(`\nThe largest guide's overview:\n${r.largestOverview}`);
