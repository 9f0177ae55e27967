import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCorpus, parseCorpus } from './corpus.js';
import { publishedAt } from './feed-server.js';

describe('demo corpus', () => {
  it('parses, with several sources per event and the newest article a few hours old', () => {
    const c = loadCorpus();
    assert.ok(c.length >= 25);
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
