/**
 * Two checkouts' clusterers on the same articles, in one process, in turns: on a shared machine
 * whose load moves by half from one minute to the next, only rounds taken in turns see the same
 * load. Reads the real stream (../shared/data/streams, titles with feed descriptions: the route
 * a lead takes) and the UCI headlines (../shared/data/clustering), clusters each whole with each
 * tree's `clusterBatch` twelve times, the order of the trees alternating, and prints the median
 * articles a second of each.
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
const treeOf = async (tree: string): Promise<Batch> =>
  (await import(join(isAbsolute(tree) ? tree : resolve(tree), 'src/events/cluster.ts'))).clusterBatch;
const trees: [string, Batch][] = [
  [a, await treeOf(a)],
  [b, await treeOf(b)],
];
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
