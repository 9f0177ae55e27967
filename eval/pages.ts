/**
 * npm run eval:pages — our page extraction (the code of `almanac extract-page` and of the
 * full-text stage) on the article-extraction benchmark pages in ../shared/data/pages/aeb,
 * scored with the benchmark's protocol, beside the published outputs of other extractors
 * on the very same pages, scored by the same code in the same run.
 *
 * Protocol (the benchmark's): tokens are \w+ runs (case kept); 4-token shingles of the
 * truth and of the prediction are compared as multisets; per page tp/fp/fn are normalised
 * to sum to 1; precision and recall are averaged over pages; F1 = 2PR/(P+R).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractPage } from '../src/ingest/page/extract.js';
import { pagePR } from './page-metrics.js';
import { pad, pct, requireData } from './shared-data.js';

const dir = requireData(join('pages', 'aeb'), 'eval:pages');
const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
  string,
  { articleBody: string; url: string }
>;
const ids = Object.keys(truth).sort();

function score(pred: Map<string, string>): { p: number; r: number; f1: number; pages: number } {
  let p = 0;
  let r = 0;
  for (const id of ids) {
    const x = pagePR(pred.get(id) ?? '', truth[id]!.articleBody);
    p += x.p;
    r += x.r;
  }
  p /= ids.length;
  r /= ids.length;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, pages: ids.length };
}

const ours = new Map<string, string>();
const files = new Set(readdirSync(join(dir, 'html')));
const t0 = performance.now();
let bytes = 0;
for (const id of ids) {
  const f = `${id}.html.gz`;
  if (!files.has(f)) continue;
  const html = gunzipSync(readFileSync(join(dir, 'html', f))).toString('utf8');
  bytes += html.length;
  ours.set(id, extractPage(html, truth[id]!.url).text);
}
const ms = performance.now() - t0;

const rows: [string, ReturnType<typeof score>][] = [['almanac (Readability over linkedom + our rules)', score(ours)]];
for (const f of readdirSync(join(dir, 'published-output'))
  .filter((x) => x.endsWith('.json'))
  .sort()) {
  const out = JSON.parse(readFileSync(join(dir, 'published-output', f), 'utf8')) as Record<
    string,
    { articleBody?: string }
  >;
  rows.push([
    `${f.replace(/\.json$/, '')} (published output)`,
    score(new Map(Object.entries(out).map(([k, v]) => [k, v.articleBody ?? ''] as [string, string]))),
  ]);
}
console.log(`article-extraction benchmark: ${ids.length} pages\n`);
console.log(`${pad('extractor', 52)}${pad('P', 8)}${pad('R', 8)}F1`);
for (const [name, s] of rows.sort((a, b) => b[1].f1 - a[1].f1))
  console.log(`${pad(name, 52)}${pad(pct(s.p), 8)}${pad(pct(s.r), 8)}${pct(s.f1)}`);
console.log(`\ngoal: F1 at or above trafilatura's on these pages (0.957); best published 0.970 (rs_trafilatura)`);
console.log(
  `speed: ${(ms / ids.length).toFixed(1)} ms a page, ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s of HTML (one run)`,
);
if (process.argv.includes('--worst')) {
  const worst = ids
    .map((id) => ({ id, ...pagePR(ours.get(id) ?? '', truth[id]!.articleBody) }))
    .sort((a, b) => a.p + a.r - (b.p + b.r))
    .slice(0, 15);
  for (const w of worst) console.log(`${w.id.slice(0, 12)} P ${pct(w.p)} R ${pct(w.r)} ${truth[w.id]!.url}`);
}
