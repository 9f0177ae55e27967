import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { StreamItem } from '../../eval/stream-checks.js';
import { extractLocal } from '../analyze/local.js';
import { type ClusterInput, OnlineClusterer } from './cluster.js';

/**
 * The real AI-news stream of ../shared/data/streams (5,238 feed items, no labels), clustered
 * whole: the distinct happenings that issue 47 found stitched into one event (they share a
 * company, a word of a product's name or a week, not a happening) must stay apart, and a few
 * stories reported twice the same day must still come together (so apart is not merely
 * everything apart).
 *
 * The stream's times are often a day's noon, so many items share one: the clusterer meets
 * them in whatever order the caller gives, and the groupings must not hang on it. Each check
 * holds in every order below, with the entities the local extractor gives, as in the pipeline.
 */
const file = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'streams', 'ai-news-stream.jsonl');

const APART = [
  [
    'Anthropic launches a Claude AI agent that lives in Chrome',
    'Anthropic settles AI book-training lawsuit with authors',
    '‘Vibe-hacking’ is now a top AI threat',
    'Anthropic will start training its AI models on chat transcripts',
  ],
  [
    'Cohere’s new AI agent platform, North, promises to keep enterprise data secure',
    'For regulated industries, AWS’s neurosymbolic AI promises safe, explainable agent automation',
  ],
  [
    'How to remap the Copilot key on your keyboard to something more helpful',
    'Microsoft confirms Copilot ‘super app’ coming this year',
  ],
  // "Mode" is a word of three products' names: Google's AI Mode, Edge's Copilot Mode, ChatGPT's Study Mode.
  [
    'New ways to learn and explore with AI Mode in Search',
    'Microsoft Edge is now an AI browser with launch of ‘Copilot Mode’',
    'OpenAI launches Study Mode in ChatGPT',
  ],
  [
    'New ways to learn and explore with AI Mode in Search',
    'Microsoft Edge transforms into an AI browser with new Copilot Mode',
  ],
  // A gathering's roundups are one event, each announcement made there its own (see roundup.ts).
  [
    'Google I/O 2025: Everything announced at this year’s developer conference',
    'At Google I/O, Sergey Brin makes surprise appearance — and declares Google will build the first AGI',
    'The latest Google Gemma AI model can run on phones',
  ],
  [
    'CES 2026 was all about ‘physical AI’ and robots, robots, robots',
    'Nvidia launches Vera Rubin AI computing platform at CES 2026',
    'This desktop charger turns your iPhone into a robotic AI assistant',
  ],
  ['Apple plays catch-up at WWDC', 'Apple announces Siri AI and its next generation of Apple Intelligence'],
  ['Apple plays catch-up at WWDC', 'Deezer launches an AI music detector for other streaming services'],
  // A wide event takes only what its core explains (see coreCover in cluster.ts): a launch whose lead names the week's
  // model, a detector whose headline names a service of the keynote's maker, a startup of a man who heads many stories.
  ['OpenAI’s GPT-5 is here', 'Microsoft’s new Copilot 3D feature is great for Ikea, bad for my dog'],
  [
    'Apple announces Siri AI and its next generation of Apple Intelligence',
    'Deezer launches an AI music detector for other streaming services',
  ],
  [
    'Apple announces Siri AI and its next generation of Apple Intelligence',
    'Deezer’s new tool can identify AI music from Spotify, Apple Music, and others',
  ],
  // Merge Labs, a startup of Sam Altman's: he heads dozens of the stream's stories, the launch week's among them.
  ['OpenAI’s GPT-5 is here', 'Sam Altman, OpenAI will reportedly back a startup that takes on Musk’s Neuralink'],
  ['OpenAI’s GPT-5 is here', 'Sam Altman’s new startup wants to merge machines and humans'],
  // The same actor doing something else (see coreCover): the opening name says who, the rest of the headline what happened.
  [
    'Sam Altman addresses ‘bumpy’ GPT-5 rollout, bringing 4o back, and the ‘chart crime’',
    'Sam Altman says ‘yes,’ AI is in a bubble',
  ],
  [
    'Elon Musk’s xAI launches Grok 4 alongside a $300 monthly subscription',
    'Elon Musk’s AI bot adds a ridiculous anime companion with ‘NSFW’ mode',
  ],
  [
    'Elon Musk’s xAI launches Grok 4 alongside a $300 monthly subscription',
    'Elon Musk teases AI anime boyfriend based on Edward Cullen',
  ],
];

const TOGETHER = [
  ['Anthropic settles AI book-training lawsuit with authors', 'Anthropic settles AI book piracy lawsuit'],
  [
    'Microsoft Edge is now an AI browser with launch of ‘Copilot Mode’',
    'Microsoft Edge transforms into an AI browser with new Copilot Mode',
  ],
  [
    'Google I/O 2025: Everything announced at this year’s developer conference',
    'Everything Google unveiled at I/O 2025: Gemini, AI Search, smart glasses, more',
  ],
  [
    'Apple WWDC 2026 live: Biggest news on Siri AI, Tim Cook, iOS 27 developer beta, more',
    'Apple plays catch-up at WWDC',
  ],
  // Roundups that share only the gathering: the second names it only in its lead ("TV makers flock to CES").
  ['CES 2026 was all about ‘physical AI’ and robots, robots, robots', 'TV makers are taking AI too far'],
  ['All anyone wants to talk about at Davos is AI and Donald Trump', 'Tech CEOs boast and bicker about AI at Davos'],
  [
    'Deezer launches an AI music detector for other streaming services',
    'Deezer’s new tool can identify AI music from Spotify, Apple Music, and others',
  ],
  [
    'Sam Altman, OpenAI will reportedly back a startup that takes on Musk’s Neuralink',
    'Sam Altman’s new startup wants to merge machines and humans',
  ],
];

/** A fixed shuffle (the same every run, so a failure can be replayed). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The items in time order, ties in the order given. */
const byTime = (items: readonly ClusterInput[]) =>
  [...items].sort((a, b) => a.published.getTime() - b.published.getTime());

/** Article id → its final event, the items met in the order given. */
function clusterInOrder(items: readonly ClusterInput[]): Map<string, string> {
  const c = new OnlineClusterer();
  const first = new Map(items.map((d) => [d.id, c.add(d).event]));
  return new Map([...first].map(([id, e]) => [id, c.resolve(e)]));
}

/** The stream with the extractor's entities, read once for both checks. */
let stream: { items: StreamItem[]; docs: ClusterInput[] } | undefined;
function readStream(): { items: StreamItem[]; docs: ClusterInput[] } {
  if (stream) return stream;
  const items = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as StreamItem);
  const docs: ClusterInput[] = items.map((r) => ({
    id: r.id,
    title: r.title,
    text: r.text,
    url: r.url,
    source: r.source,
    published: new Date(r.published),
    entities: extractLocal({ id: r.id, title: r.title, text: r.text, url: r.url }).entities.map((e) => e.name),
  }));
  stream = { items, docs };
  return stream;
}

/** The id of the one item with this title. */
function idOf(items: readonly StreamItem[], title: string): string {
  const found = items.filter((r) => r.title === title);
  assert.equal(found.length, 1, `"${title}" is in the stream once`);
  return found[0]!.id;
}

const byId = (a: ClusterInput, b: ClusterInput) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('clustering the real AI-news stream', () => {
  it('keeps apart the happenings that share only a name or a week, and groups the same one, whatever the order of ties', (t) => {
    if (!existsSync(file)) return t.skip(`${file} absent (public data sets live in ../shared/data)`);
    const { items, docs } = readStream();
    const orders: [string, ClusterInput[]][] = [
      // `almanac cluster` (clusterBatch): ties by id.
      ['ties by id', byTime([...docs].sort(byId))],
      // The pipeline: ties by article number, given as each outlet's feed is fetched.
      [
        'ties by outlet, as fetched',
        byTime([...docs].sort((a, b) => (a.source! < b.source! ? -1 : a.source! > b.source! ? 1 : 0))),
      ],
      ['ties in the file’s order', byTime(docs)],
      ['ties reversed', byTime([...docs].reverse())],
      ['ties shuffled', byTime(shuffled(docs, 47))],
    ];
    for (const [order, sorted] of orders) {
      const events = clusterInOrder(sorted);
      const eventOf = (title: string) => events.get(idOf(items, title))!;
      for (const group of APART)
        for (let i = 0; i < group.length; i++)
          for (let j = i + 1; j < group.length; j++) {
            // The Edge launch reported by two outlets is one happening: only the pairs across happenings must differ.
            if (group[i]!.startsWith('Microsoft Edge') && group[j]!.startsWith('Microsoft Edge')) continue;
            assert.notEqual(
              eventOf(group[i]!),
              eventOf(group[j]!),
              `${order}: "${group[i]}" and "${group[j]}" are one event`,
            );
          }
      // A preview is not the event of every announcement that followed it (39 articles of Google I/O were).
      const preview = eventOf('What to expect from Google this week');
      const held = [...events.values()].filter((e) => e === preview).length;
      assert.ok(held <= 5, `${order}: "What to expect from Google this week" holds ${held} articles`);
      for (const [a, b] of TOGETHER) assert.equal(eventOf(a!), eventOf(b!), `${order}: "${a}" and "${b}" are apart`);
    }
  });
});
