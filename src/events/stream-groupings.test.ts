import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { StreamItem } from '../../eval/stream-checks.js';
import { clusterBatch } from './cluster.js';

/**
 * The real AI-news stream of ../shared/data/streams (5,238 feed items, no labels), clustered
 * whole: the distinct happenings that issue 47 found stitched into one event (they share a
 * company or a week, not a happening) must stay apart, and a few stories reported twice the
 * same day must still come together (so apart is not merely everything apart).
 */
const file = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'streams', 'ai-news-stream.jsonl');

describe('clustering the real AI-news stream', () => {
  it('keeps apart the happenings that share only a name or a week, and groups the same one', (t) => {
    if (!existsSync(file)) return t.skip(`${file} absent (public data sets live in ../shared/data)`);
    const items = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as StreamItem);
    const events = clusterBatch(
      items.map((r) => ({
        id: r.id,
        title: r.title,
        text: r.text,
        url: r.url,
        source: r.source,
        published: new Date(r.published),
      })),
    );
    const eventOf = (title: string) => {
      const found = items.filter((r) => r.title === title);
      assert.equal(found.length, 1, `"${title}" is in the stream once`);
      return events.get(found[0]!.id)!;
    };
    const apart = [
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
      [
        'New ways to learn and explore with AI Mode in Search',
        'Microsoft Edge is now an AI browser with launch of ‘Copilot Mode’',
        'Microsoft Edge transforms into an AI browser with new Copilot Mode',
      ],
    ];
    for (const group of apart) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          // The Edge launch reported by two outlets is one happening: only the pairs across happenings must differ.
          if (group[i]!.startsWith('Microsoft Edge') && group[j]!.startsWith('Microsoft Edge')) continue;
          assert.notEqual(eventOf(group[i]!), eventOf(group[j]!), `"${group[i]}" and "${group[j]}" are one event`);
        }
      }
    }
    // A preview is not the event of every announcement that followed it (39 articles of Google I/O were).
    const preview = eventOf('What to expect from Google this week');
    const held = [...events.values()].filter((e) => e === preview).length;
    assert.ok(held <= 5, `"What to expect from Google this week" holds ${held} articles`);
    const together = [
      ['Anthropic settles AI book-training lawsuit with authors', 'Anthropic settles AI book piracy lawsuit'],
      [
        'Microsoft Edge is now an AI browser with launch of ‘Copilot Mode’',
        'Microsoft Edge transforms into an AI browser with new Copilot Mode',
      ],
    ];
    for (const [a, b] of together) assert.equal(eventOf(a!), eventOf(b!), `"${a}" and "${b}" are apart`);
  });
});
