import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fingerprintOf, ParsedCache } from './parsed-cache.js';

describe('ParsedCache', () => {
  it('parses once while the text is unchanged, again when it changes, and forgets the least recently used', () => {
    let parses = 0;
    const c = new ParsedCache((s) => (parses++, JSON.parse(s) as number[]), 2);
    const a = c.get('a', '[1]');
    assert.equal(c.get('a', '[1]'), a);
    assert.equal(parses, 1);
    assert.deepEqual(c.get('a', '[2]'), [2], 'a changed text is parsed anew');
    assert.equal(parses, 2);
    c.get('b', '[3]');
    c.get('a', '[2]'); // a is now the most recent
    c.get('c', '[4]'); // pushes out b
    assert.equal(parses, 4);
    c.get('a', '[2]');
    assert.equal(parses, 4);
    c.get('b', '[3]');
    assert.equal(parses, 5);
  });

  it('with fingerprints, tells a changed text apart without keeping the text', () => {
    let parses = 0;
    const c = new ParsedCache((s) => (parses++, JSON.parse(s) as number[]), 10, true);
    const a = c.get('a', '[1,2]');
    assert.equal(c.get('a', '[1,2]'), a);
    assert.equal(parses, 1);
    assert.deepEqual(c.get('a', '[2,1]'), [2, 1], 'the same length, another order: parsed anew');
    assert.deepEqual(c.get('a', '[1,2,3]'), [1, 2, 3]);
    assert.equal(parses, 3);
    assert.notEqual(fingerprintOf('[1,2]'), fingerprintOf('[2,1]'));
    assert.equal(fingerprintOf('x'.repeat(5000)), fingerprintOf('x'.repeat(5000)));
  });
});
