/**
 * Probe (issue 47): where the clusterer's recall is lost on the labelled files, and whether a
 * learned second look on what it refuses could win it back.
 *
 * Clusters every labelled file of ../shared/data/clustering (as given, headlines only, no URL)
 * and records, for each article, every candidate event it met with the figures the rules read
 * (cosine, cohesion, specific share, headline share, the event's share the article explains,
 * the time gap, the event's size) and the rule that refused it. A candidate is "right" when
 * most of its members share the article's label.
 * 1. The gold pairs left apart on the AI month, by label, each with the route that refused it.
 * 2. A logistic "same happening?" model over those figures, fitted on the refused candidates
 *    of one file and applied to the refused candidates of the other (leave one file out): how
 *    many it would let in at each probability, and how many of them are right.
 * Usage: node --import tsx scripts/probe-47/refusals.mts
 */
import { contentTerms } from '../../src/analyze/text/terms.js';
import {
  type ClusterInput,
  clusterBatch,
  cohesion,
  type EventState,
  OnlineClusterer,
} from '../../src/events/cluster.js';
import { eventCover, type HappeningEvidence, specificity } from '../../src/events/happening.js';
import { NameRules } from '../../src/events/names.js';
import { knownTermId, type SparseVector, termId } from '../../src/events/vector.js';
import { type LabelledFile, labelledFiles, variants } from '../../eval/cluster-data.js';
import { requireData } from '../../eval/shared-data.js';

interface Met {
  event: string;
  members: string[];
  /** The cosine as the rules read it: decayed, weighed up for a long text. */
  cosine: number;
  undecayed: number;
  cohesion: number;
  size: number;
  gapHours: number;
  evidence: HappeningEvidence;
  eventCover: number;
  /** Whether the article or the event is a gathering's roundup (see roundup.ts). */
  roundup: boolean;
}

interface Refusal extends Met {
  file: string;
  article: ClusterInput;
  right: boolean;
  route: string;
}

/** The clusterer's private steps the probe reads (a probe's view: nothing here decides). */
interface Inside {
  settings: OnlineClusterer['settings'];
  events: Map<string, EventState>;
  eventsWith: Map<number, number>;
  articleTerms(doc: ClusterInput): { counts: Map<string, number>; names: Parameters<typeof NameRules.of>[1] };
  similarity(v: SparseVector, e: EventState, at: number): number;
  decay(e: EventState, at: number): number;
  lengthFactor(v: SparseVector): number;
  evidence(v: SparseVector, titleTerms: number, e: EventState, names: NameRules): HappeningEvidence;
  sharedFromEvent(v: SparseVector, e: EventState, names: NameRules): Uint8Array;
}

const ROUNDUP_MARK = termId('~roundup');

/** Every candidate each article met, in the clusterer's own run (its similarity step is watched, not changed). */
function refusals(file: LabelledFile, label: string): Refusal[] {
  const c = new OnlineClusterer();
  const inside = c as unknown as Inside;
  const proto = OnlineClusterer.prototype as unknown as Inside;
  const members = new Map<string, string[]>();
  let met: (Met & { id: string })[] = [];
  let names: NameRules | undefined;
  let titleTerms = 0;
  inside.similarity = function (this: Inside, v, e, at) {
    const sim = proto.similarity.call(this, v, e, at);
    const events = this.events.size;
    const cover = eventCover(e.centroid, proto.sharedFromEvent.call(this, v, e, names!), (t) =>
      specificity((this.eventsWith.get(t) ?? 1) - 1, events - 1),
    );
    met.push({
      id: e.id,
      event: e.id,
      members: [],
      cosine: sim * proto.lengthFactor.call(this, v),
      undecayed: sim / proto.decay.call(this, e, at),
      cohesion: cohesion(e),
      size: e.size,
      gapHours: Math.max(0, at - e.lastSeen) / 3_600_000,
      evidence: proto.evidence.call(this, v, titleTerms, e, names!),
      eventCover: cover,
      roundup: e.centroid.ids.includes(ROUNDUP_MARK) || v.ids.includes(ROUNDUP_MARK),
    });
    return sim;
  };
  const out: Refusal[] = [];
  const docs = [...file.docs].sort((a, b) => a.published.getTime() - b.published.getTime() || (a.id < b.id ? -1 : 1));
  for (const doc of docs) {
    const { counts, names: articleNames } = proto.articleTerms.call(inside, doc);
    names = NameRules.of([...counts.keys()], articleNames, knownTermId);
    titleTerms = new Set(contentTerms(doc.title)).size;
    met = [];
    const a = c.add(doc);
    const gold = file.gold.get(doc.id);
    const joined = new Set([a.event, ...a.merges.flatMap((m) => [m.from, m.into])]);
    for (const m of met) {
      const held = members.get(m.id) ?? [];
      m.members = held;
      if (joined.has(m.id) || !held.length) continue;
      const right = held.filter((id) => file.gold.get(id) === gold).length * 2 > held.length;
      out.push({ ...m, members: held, file: label, article: doc, right, route: route(inside.settings, m, a.event) });
    }
    for (const m of a.merges) {
      members.set(m.into, [...(members.get(m.into) ?? []), ...(members.get(m.from) ?? [])]);
      members.delete(m.from);
    }
    members.set(a.event, [...(members.get(a.event) ?? []), doc.id]);
  }
  return out;
}

/** Which rule of cluster.ts kept the article from the candidate, read from the figures it recorded. */
function route(s: OnlineClusterer['settings'], m: Met, joined: string): string {
  if (m.roundup) return 'roundups join only roundups';
  if (m.cosine < s.joinThreshold)
    return m.undecayed >= s.joinThreshold ? 'late: close look both ways' : 'cosine below the join threshold';
  if (m.cosine >= s.cohesionFactor * m.cohesion)
    return m.evidence.specificShare < s.specificByCohesion * m.cohesion
      ? 'high cosine: too little specific weight'
      : `a nearer event (${joined})`;
  if (m.evidence.specificShare < s.specificShare) return 'close look: specific share';
  if (m.evidence.titleCover < s.titleCover) return 'close look: headline share';
  return `a nearer event (${joined})`;
}

const features = (r: Refusal) => [
  r.cosine,
  r.cosine / r.cohesion,
  r.undecayed,
  r.evidence.specificShare,
  r.evidence.titleCover,
  r.eventCover,
  Math.log1p(r.gapHours),
  Math.log(r.size),
];

/** Logistic regression by full-batch gradient descent on standardized features, from zero weights. */
function fit(rows: number[][], labels: number[]): (x: number[]) => number {
  const d = rows[0]!.length;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, x) => s + x[j]!, 0) / rows.length);
  const sd = Array.from(
    { length: d },
    (_, j) => Math.sqrt(rows.reduce((s, x) => s + (x[j]! - mean[j]!) ** 2, 0) / rows.length) || 1,
  );
  const z = (x: number[]) => [...x.map((v, j) => (v - mean[j]!) / sd[j]!), 1];
  const Z = rows.map(z);
  const w = new Array<number>(d + 1).fill(0);
  for (let epoch = 0; epoch < 2000; epoch++) {
    const g = new Array<number>(d + 1).fill(0);
    Z.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, j) => s + v * w[j]!, 0)));
      for (let j = 0; j <= d; j++) g[j]! += ((p - labels[i]!) * x[j]!) / Z.length;
    });
    for (let j = 0; j <= d; j++) w[j]! -= g[j]! + 1e-3 * w[j]!;
  }
  return (x) => 1 / (1 + Math.exp(-z(x).reduce((s, v, j) => s + v * w[j]!, 0)));
}

const dir = requireData('clustering', 'probe-47 refusals');
const all: Refusal[] = [];
for (const file of labelledFiles(dir))
  for (const v of variants(file))
    all.push(...refusals(v, `${file.name.slice(0, 7)}/${v === variants(file)[0] ? 'as given' : v.name}`));

const ai = labelledFiles(dir).find((f) => f.name.startsWith('ai-news'))!;
console.log(
  "1. gold pairs of the AI month left apart, by label, each article with the route that refused its mates' event",
);
const asGiven = all.filter((r) => r.file.startsWith('ai-news') && r.file.endsWith('as given'));
const byLabel = new Map<string, string[]>();
for (const r of asGiven) {
  if (!r.right) continue;
  const label = ai.gold.get(r.article.id)!;
  const figures = [
    `cosine ${r.cosine.toFixed(2)}`,
    `undecayed ${r.undecayed.toFixed(2)}`,
    `specific ${r.evidence.specificShare.toFixed(2)}`,
    `headline ${r.evidence.titleCover.toFixed(2)}`,
    `event cover ${r.eventCover.toFixed(2)}`,
    `gap ${r.gapHours.toFixed(0)}h`,
  ];
  const line = `   ${r.article.title.slice(0, 70).padEnd(70)}  ${r.route} (${figures.join(', ')})`;
  byLabel.set(label, [...(byLabel.get(label) ?? []), line]);
}
// Gold pairs the final clustering leaves apart, per label.
const final = clusterBatch(ai.docs);
const missed = new Map<string, number>();
const members = new Map<string, string[]>();
for (const d of ai.docs) members.set(ai.gold.get(d.id)!, [...(members.get(ai.gold.get(d.id)!) ?? []), d.id]);
for (const [label, ids] of members)
  for (const [i, a] of ids.entries())
    for (const b of ids.slice(i + 1))
      if (final.get(a) !== final.get(b)) missed.set(label, (missed.get(label) ?? 0) + 1);
console.log(`  ${[...missed.values()].reduce((s, n) => s + n, 0)} gold pairs left apart`);
for (const [label, n] of [...missed].sort((a, b) => b[1] - a[1]))
  console.log(
    `  ${label}: ${n} pairs apart\n${(byLabel.get(label) ?? ['   (no refusal recorded: never a candidate)']).join('\n')}`,
  );
const routes = new Map<string, number>();
for (const r of asGiven)
  if (r.right) routes.set(r.route.replace(/ \(.*/, ''), (routes.get(r.route.replace(/ \(.*/, '')) ?? 0) + 1);
console.log('  refusals of a right candidate, by route:', Object.fromEntries(routes));

console.log('\n2. a learned second look, leave one file out: refused candidates it would let in (right / let in)');
// Only candidates within reach of the join threshold: the rest share next to nothing.
const reach = (r: Refusal) => r.undecayed >= 0.05;
/** What a model fitted on `train` lets in of `test` at each probability: right / let in. */
function secondLook(train: Refusal[], test: Refusal[]): string {
  const model = fit(
    train.map(features),
    train.map((r) => (r.right ? 1 : 0)),
  );
  const p = test.map((r) => model(features(r)));
  const cells = [0.5, 0.7, 0.9].map((t) => {
    const sel = test.filter((_, i) => p[i]! >= t);
    return `p ≥ ${t}: ${sel.filter((r) => r.right).length} / ${sel.length}`;
  });
  return `right refused ${test.filter((r) => r.right).length} of ${test.length};  ${cells.join(';  ')}`;
}
const near = all.filter(reach);
for (const [train, test] of [
  ['uci', 'ai-news'],
  ['ai-news', 'uci'],
])
  for (const name of new Set(near.filter((r) => r.file.startsWith(test!)).map((r) => r.file)))
    console.log(
      `  trained on ${train}, on ${name.padEnd(24)} ${secondLook(
        near.filter((r) => r.file.startsWith(train!)),
        near.filter((r) => r.file === name),
      )}`,
    );
// Time halves of the AI month as given: fitted on one, applied to the other.
const month = near.filter((r) => r.file.startsWith('ai-news') && r.file.endsWith('as given'));
const times = month.map((r) => r.article.published.getTime()).sort((a, b) => a - b);
const mid = times[Math.floor(times.length / 2)]!;
const late = (r: Refusal) => r.article.published.getTime() >= mid;
console.log(
  `  AI month, trained on the first half, on the second: ${secondLook(
    month.filter((r) => !late(r)),
    month.filter(late),
  )}`,
);
console.log(
  `  AI month, trained on the second half, on the first: ${secondLook(
    month.filter(late),
    month.filter((r) => !late(r)),
  )}`,
);
