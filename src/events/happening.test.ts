import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { happeningEvidence, specificity } from './happening.js';
import { SparseVector } from './vector.js';

describe('same happening? evidence', () => {
  it('weighs a term by the events that have it: rare is specific, everywhere is not', () => {
    assert.equal(specificity(0, 100), 1);
    assert.equal(specificity(100, 100), 0);
    assert.ok(specificity(2, 100) > specificity(40, 100));
    // No events held yet: every term is new, so specific.
    assert.equal(specificity(0, 0), 1);
  });

  it('measures the shares of the article and of its headline the event explains', () => {
    // Title terms first (two of them), then one of the lead.
    const article = SparseVector.fromEntries([
      ['bartz', 0.6],
      ['anthropic', 0.6],
      ['settlement', 0.3],
    ]);
    const specific = (_t: number, i: number) => [1, 0, 0.5][i]!;
    const shared = happeningEvidence(article, 2, Uint8Array.from([1, 1, 0]), specific);
    assert.equal(shared.titleCover, 1);
    assert.equal(shared.specificShare, 0.6 / (0.6 + 0.15));
    // Sharing only the name every event has explains none of what is specific.
    const name = happeningEvidence(article, 2, Uint8Array.from([0, 1, 0]), specific);
    assert.equal(name.specificShare, 0);
    assert.equal(name.titleCover, 0);
  });
});
