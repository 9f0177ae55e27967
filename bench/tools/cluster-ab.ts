/**
 * Two checkouts' clusterers on the same articles, in one process, in turns: on a shared machine
 * whose load moves by half from one minute to the next, only rounds taken in turns see the same
 * load. Reads the real stream (../shared/data/streams, titles with feed descriptions: the route
 * a lead takes) and the UCI headlines (../shared/data/clustering), clusters each whole with each
 * tree's `clusterBatch` twelve times, the order of the trees alternating, and prints the median
 * articles a second of each. Then the bench's synthetic stream (`npm run bench -- cluster`: seeded
 * headlines, one a minute; 100,000 unless BENCH_AB_SYNTHETIC says), three rounds in turns: each
 * tree's p50 and p99 milliseconds an article.
 *   node --import tsx bench/tools/cluster-ab.ts <checkout A> <checkout B>
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { ClusterInput } from '../../src/events/cluster.js';

const [a, b] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node --import tsx bench/tools/cluster-ab.ts <checkout A> <checkout B>');
  process.exit(2);
}
const ROUNDS = 12;
type Batch = (docs: readonly ClusterInput[]) => Map<string, string>;
type Clusterer = { add(doc: ClusterInput): unknown };
type Tree = { clusterBatch: Batch; OnlineClusterer: new () => Clusterer };
const treeOf = async (tree: string): Promise<Tree> =>
  await import(join(isAbsolute(tree) ? tree : resolve(tree), 'src/events/cluster.ts'));
const trees: [string, Batch][] = [];
const online: (new () => Clusterer)[] = [];
for (const tree of [a, b]) {
  const t = await treeOf(tree);
  trees.push([tree, t.clusterBatch]);
  online.push(t.OnlineClusterer);
}
const data = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const read = (file: string): ClusterInput[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; title: string; text?: string; url: string; published: string })
    .map((r) => ({ id: r.id, title: r.title, text: r.text, url: r.url, published: new Date(r.published) }));
const sets: [string, string][] = [
  ['stream (titles and feed descriptions)', join(data, 'streams', 'ai-news-stream.jsonl')],
  ['uci-dev (headlines)', join(data, 'clustering', 'uci-dev.jsonl')],
];
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
for (const [name, file] of sets) {
  if (!existsSync(file)) {
    console.log(`${name}: ${file} absent`);
    continue;
  }
  const docs = read(file);
  const rates = trees.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++)
    for (const i of round % 2 ? [1, 0] : [0, 1]) {
      const t = performance.now();
      trees[i]![1](docs);
      rates[i]!.push(docs.length / ((performance.now() - t) / 1000));
    }
  const [ma, mb] = rates.map(median) as [number, number];
  console.log(
    `${name}, ${docs.length} articles: A ${Math.round(ma)} articles/s, B ${Math.round(mb)} articles/s, B/A ${(mb / ma).toFixed(3)}`,
  );
}

// The bench's synthetic stream (bench/index.ts), the same seed for both trees.
const n = Number(process.env['BENCH_AB_SYNTHETIC'] ?? 100_000);
const vocab = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const t0 = Date.parse('2026-01-01T00:00:00Z');
const synthetic: ClusterInput[] = Array.from({ length: n }, (_, i) => {
  const s = Math.floor(i / 8) + Math.floor(rnd() * 3);
  const words = [
    vocab[(s * 7) % vocab.length]!,
    vocab[(s * 13 + 1) % vocab.length]!,
    vocab[(s * 31 + 2) % vocab.length]!,
  ];
  for (let k = 0; k < 5; k++) words.push(vocab[Math.floor(rnd() * vocab.length)]!);
  return { id: String(i), title: words.join(' '), published: new Date(t0 + i * 60_000) };
});
const at = (xs: number[], q: number) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length * q)]!;
const quantiles = online.map(() => ({ p50: [] as number[], p99: [] as number[] }));
for (let round = 0; round < 3; round++)
  for (const i of round % 2 ? [1, 0] : [0, 1]) {
    const c = new online[i]!();
    const times = synthetic.map((d) => {
      const t = performance.now();
      c.add(d);
      return performance.now() - t;
    });
    quantiles[i]!.p50.push(at(times, 0.5));
    quantiles[i]!.p99.push(at(times, 0.99));
  }
const [qa, qb] = quantiles.map((q) => ({ p50: median(q.p50), p99: median(q.p99) })) as [
  { p50: number; p99: number },
  { p50: number; p99: number },
];
console.log(
  `synthetic, ${n} articles (median of 3 rounds): A p50 ${qa.p50.toFixed(3)} p99 ${qa.p99.toFixed(3)} ms, ` +
    `B p50 ${qb.p50.toFixed(3)} p99 ${qb.p99.toFixed(3)} ms`,
);
