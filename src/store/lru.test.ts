import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LruMap } from './lru.js';

describe('LruMap', () => {
  it('keeps the most recently used, drops the least recently used past its size', () => {
    const m = new LruMap<string, number>(3);
    m.set('a', 1);
    m.set('b', 2);
    m.set('c', 3);
    assert.equal(m.get('a'), 1); // a is now the most recent: b is the oldest
    m.set('d', 4);
    assert.equal(m.get('b'), undefined);
    assert.deepEqual(
      ['a', 'c', 'd'].map((k) => m.get(k)),
      [1, 3, 4],
    );
    m.set('c', 30); // set again: a new value, and the most recent
    m.set('e', 5); // drops a (c, d, e used since)
    assert.equal(m.get('a'), undefined);
    assert.equal(m.get('c'), 30);
    assert.equal(m.size, 3);
  });

  it('agrees with a reference LRU over a long random run of reads, writes, deletes and clearing, the oldest and newest entries included', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (const max of [1, 2, 5, 50]) {
      const m = new LruMap<number, number>(max);
      const ref: Array<[number, number]> = []; // least recently used first
      for (let step = 0; step < 20_000; step++) {
        const key = Math.floor(rnd() * max * 3);
        const at = ref.findIndex(([k]) => k === key);
        const r = rnd();
        if (r < 0.1) {
          // Forget it (held or not): it leaves the order wherever it stood.
          if (at >= 0) ref.splice(at, 1);
          assert.equal(m.delete(key), at >= 0, `step ${step}: delete ${key}`);
        } else if (r < 0.101) {
          ref.length = 0;
          m.clear();
        } else if (r < 0.55) {
          const want = at >= 0 ? ref.splice(at, 1)[0]! : undefined;
          if (want) ref.push(want);
          assert.equal(m.get(key), want?.[1], `step ${step}: get ${key}`);
        } else {
          if (at >= 0) ref.splice(at, 1);
          ref.push([key, step]);
          if (ref.length > max) ref.shift();
          m.set(key, step);
        }
        assert.equal(m.size, ref.length);
      }
      for (const [k, v] of [...ref]) assert.equal(m.get(k), v);
    }
  });

  it('refuses a size under one', () => {
    assert.throws(() => new LruMap(0), /at least one entry/);
  });
});
