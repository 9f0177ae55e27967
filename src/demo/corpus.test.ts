import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCorpus, parseCorpus } from './corpus.js';
import { publishedAt } from './feed-server.js';

describe('demo corpus', () => {
  it('parses, with several sources per event and the newest article a few hours old', () => {
    const c = loadCorpus();
    assert.ok(c.length >= 100, `${c.length} articles`);
    for (const a of c) {
      const words = a.paragraphs.join(' ').split(/\s+/).length;
      assert.ok(words >= 150 && words <= 600, `${a.title}: ${words} words`);
      assert.ok(a.event, `${a.title}: no event key`);
    }
    // Dates spread over about two months; most events covered by several sources in different words.
    assert.ok(Math.max(...c.map((a) => a.hoursBeforeNewest)) >= 50 * 24);
    const sourcesPerEvent = new Map<string, Set<string>>();
    for (const a of c) sourcesPerEvent.set(a.event!, (sourcesPerEvent.get(a.event!) ?? new Set()).add(a.sourceId));
    const multi = [...sourcesPerEvent.values()].filter((s) => s.size >= 2).length;
    assert.ok(multi >= 0.8 * sourcesPerEvent.size, `${multi} of ${sourcesPerEvent.size} events have several sources`);
    assert.equal(Math.min(...c.map((a) => a.hoursBeforeNewest)), 0);
    const anchor = new Date('2026-11-22T12:00:00Z');
    const newest = Math.max(...c.map((a) => publishedAt(a, anchor).getTime()));
    assert.equal(anchor.getTime() - newest, 3 * 3_600_000);
    assert.ok(new Set(c.map((a) => a.sourceId)).size >= 12);
  });
  it('rejects unknown sources and bad headers with a clear error', () => {
    assert.throws(() => parseCorpus('## nobody | 1 | T\ntext'), /unknown source nobody/);
    assert.throws(() => parseCorpus('## interconnects | x | T\ntext'), /bad age x/);
  });
});
