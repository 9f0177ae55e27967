import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bestShared, compareShared, SharedCounter, type SharedEvent } from './shared-subjects.js';

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

describe('relating candidates by shared subjects', () => {
  it('counts each event once per subject list it is in, keeps its latest week and leaves out the event itself', () => {
    const c = new SharedCounter('e5');
    c.addList(['2900 e7', '2898 e9', '2901 e5'].join('\u001e'), '\u001e');
    c.addList(['2899 e7', '2901 e12'].join('\u001e'), '\u001e');
    c.addList(null, '\u001e');
    c.add('e9', 2902);
    const byId = new Map(c.all.map((e) => [e.id, e]));
    assert.deepEqual(byId.get('e7'), { id: 'e7', n: 2, week: 2900 });
    assert.deepEqual(byId.get('e9'), { id: 'e9', n: 2, week: 2902 });
    assert.deepEqual(byId.get('e12'), { id: 'e12', n: 1, week: 2901 });
    assert.equal(byId.has('e5'), false);
    assert.equal(c.all.length, 3);
  });

  it('says where a list is malformed instead of counting nonsense', () => {
    const c = new SharedCounter();
    assert.throws(() => c.addList('2900 e7\u001ee9', '\u001e'), /malformed near "e9"/);
  });

  it('picks the same first k as sorting them all, ties included, for any k', () => {
    const next = random(11);
    for (let round = 0; round < 40; round++) {
      const count = 1 + Math.floor(next() * 400);
      const all: SharedEvent[] = [];
      const seen = new Set<string>();
      while (all.length < count) {
        // Few distinct counts and weeks, so most events tie on both and the ids decide.
        const id = `e${Math.floor(next() * 5000)}`;
        if (seen.has(id)) continue;
        seen.add(id);
        all.push({ id, n: 1 + Math.floor(next() * next() * 4), week: 2900 + Math.floor(next() * 3) });
      }
      const sorted = [...all].sort(compareShared);
      for (const k of [0, 1, 2, 7, 60, count - 1, count, count + 5]) {
        assert.deepEqual(
          bestShared(all, k).map((e) => e.id),
          sorted.slice(0, Math.max(0, k)).map((e) => e.id),
          `${count} events, k = ${k}`,
        );
      }
    }
  });

  it('orders by shared count, then the latest week, then the newest event id', () => {
    const all = [
      { id: 'e9', n: 1, week: 2901 },
      { id: 'e100', n: 1, week: 2901 },
      { id: 'e20', n: 1, week: 2900 },
      { id: 'e7', n: 2, week: 2899 },
      { id: 'e12', n: 1, week: 2901 },
    ];
    assert.deepEqual(
      bestShared(all, 4).map((e) => e.id),
      ['e7', 'e100', 'e12', 'e9'],
    );
  });
});
