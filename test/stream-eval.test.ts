import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readJsonlFile, sharedDataDir } from '../eval/shared-data.js';
import type { StreamItem } from '../eval/stream-checks.js';
import { runStream } from '../eval/stream-run.js';

const file = join(sharedDataDir(), 'streams', 'ai-news-stream.jsonl');
const absent = existsSync(file) ? false : `${file} is absent (the public data sets live in ../shared/data): skipped`;

describe('eval:stream on a slice of the real AI-news stream', () => {
  it('leaves no outlet boilerplate in event titles, event summaries or guide overviews', { skip: absent }, async () => {
    // Each outlet's first 30 items by date: The Download's editions, Verge newsletters, "[…]" teasers among them.
    const taken = new Map<string, number>();
    const items = readJsonlFile<StreamItem>(file)
      .sort((a, b) => a.published.localeCompare(b.published))
      .filter((i) => {
        taken.set(i.source, (taken.get(i.source) ?? 0) + 1);
        return taken.get(i.source)! <= 30;
      });
    const r = await runStream(items);
    // The slice carries boilerplate as fetched, so the counts below could be anything but 0.
    assert.ok(r.itemsWithBoilerplate >= 50, `${r.itemsWithBoilerplate} items with boilerplate as fetched`);
    assert.ok(r.titlesLabelled >= 5, `${r.titlesLabelled} titles with a newsletter label`);
    assert.ok(r.events >= 100 && r.guides >= 5, `${r.events} events, ${r.guides} guides`);
    const found = Object.fromEntries(r.checks.map((c) => [c.place, c.findings]));
    for (const place of [
      'event titles',
      'event titles opening with a newsletter label',
      'event summaries',
      'guide overviews',
      'article titles',
      'article summaries',
    ]) {
      assert.deepEqual(found[place], [], place);
    }
  });
});
