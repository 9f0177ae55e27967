import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParsedCache } from './parsed-cache.js';

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

  it('with a version, parses anew when the version moves and not while it stays, whatever the text', () => {
    let parses = 0;
    const c = new ParsedCache((s) => (parses++, JSON.parse(s) as number[]), 10);
    const a = c.get('a', '[1,2]', '3:0.5');
    assert.equal(c.get('a', '[1,2]', '3:0.5'), a);
    assert.equal(parses, 1);
    assert.deepEqual(c.get('a', '[2,1]', '4:0.5'), [2, 1], 'a new version: parsed anew');
    assert.equal(parses, 2);
    assert.deepEqual(c.get('a', '[2,1]', '4:0.5'), [2, 1]);
    assert.equal(parses, 2, 'the same version again: from the cache');
    assert.deepEqual(c.get('b', '[2,1]', '4:0.5'), [2, 1], 'versions are per key');
    assert.equal(parses, 3);
  });

  it('answers from what it holds at a version without a text, and nothing at another version or for an unknown key', () => {
    let parses = 0;
    const c = new ParsedCache((s) => (parses++, JSON.parse(s) as number[]), 2);
    const a = c.get('a', '[1]', 'v1');
    c.get('b', '[2]', 'v1');
    assert.equal(c.current('a', 'v1'), a);
    assert.equal(c.current('a', 'v2'), undefined, 'another version: the text must be read');
    assert.equal(c.current('z', 'v1'), undefined);
    c.get('c', '[3]', 'v1'); // a was used last by current(): b goes
    assert.equal(c.current('a', 'v1'), a);
    assert.equal(c.current('b', 'v1'), undefined);
    assert.equal(parses, 3);
  });
});
