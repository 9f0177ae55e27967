import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digestCountWords } from './digest-count.js';

const events = (n: number) => Array.from({ length: n }, (_, i) => i);

test('a digest cut by its limit says it holds the most significant of how many', () => {
  assert.equal(digestCountWords({ events: events(100), total: 603 }), 'the 100 most significant of 603 events');
  assert.equal(digestCountWords({ events: events(100), total: 1001 }), 'the 100 most significant of 1,000+ events');
});

test('a whole period is counted as it is', () => {
  assert.equal(digestCountWords({ events: events(12), total: 12 }), '12 events');
  assert.equal(digestCountWords({ events: events(1), total: 1 }), '1 event');
});
