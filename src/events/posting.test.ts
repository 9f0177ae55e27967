import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seeded } from '../../bench/harness.js';
import { Posting, type Posted } from './posting.js';

interface Ev extends Posted {
  name: string;
}

const ev = (name: string, lastSeen: number): Ev => ({ name, lastSeen, slots: new Map() });

/** The entries a walk meets (holes passed over), as name@time. */
function walk(p: Posting<Ev>): string[] {
  const out: string[] = [];
  for (let j = 0; j < p.events.length; j++) {
    const e = p.events[j];
    if (e === undefined) {
      assert.equal(p.lastSeen[j], -Infinity, 'a hole has no time');
      continue;
    }
    out.push(`${e.name}@${p.lastSeen[j]}`);
  }
  return out;
}

describe('posting list', () => {
  it('keeps the order a Set keeps: an event taken out and added again goes to the end', () => {
    const p = new Posting<Ev>(7);
    const [a, b, c] = [ev('a', 1), ev('b', 2), ev('c', 3)];
    p.add(a);
    p.add(b);
    p.add(c);
    p.delete(a);
    assert.deepEqual(walk(p), ['b@2', 'c@3']);
    p.add(a);
    assert.deepEqual(walk(p), ['b@2', 'c@3', 'a@1']);
    assert.equal(p.size, 3);
    assert.equal(a.slots.get(7), p.events.indexOf(a));
  });

  it("moves an entry's time with its event, and taking out an event not on the list changes nothing", () => {
    const p = new Posting<Ev>(1);
    const a = ev('a', 5);
    p.add(a);
    a.lastSeen = 9;
    p.touch(a);
    assert.deepEqual(walk(p), ['a@9']);
    p.delete(ev('stranger', 1));
    assert.deepEqual(walk(p), ['a@9']);
  });

  it('matches a Set of events over random adds, removals and moves, closing up its holes', () => {
    const random = seeded(42);
    const events = Array.from({ length: 40 }, (_, i) => ev(`e${i}`, i));
    // Two lists, so each event keeps a place on more than one (its slots by term).
    const lists = [new Posting<Ev>(0), new Posting<Ev>(1)];
    const sets = [new Set<Ev>(), new Set<Ev>()];
    let longest = 0;
    for (let step = 0; step < 5000; step++) {
      const k = random() < 0.5 ? 0 : 1;
      const e = events[Math.floor(random() * events.length)]!;
      const r = random();
      if (r < 0.45) {
        if (!sets[k]!.has(e)) {
          sets[k]!.add(e);
          lists[k]!.add(e);
        }
      } else if (r < 0.9) {
        sets[k]!.delete(e);
        lists[k]!.delete(e);
      } else {
        e.lastSeen = Math.floor(random() * 1000);
        for (const list of lists) list.touch(e);
      }
      for (const i of [0, 1]) {
        assert.deepEqual(
          walk(lists[i]!),
          [...sets[i]!].map((x) => `${x.name}@${x.lastSeen}`),
          `step ${step}, list ${i}`,
        );
        assert.equal(lists[i]!.size, sets[i]!.size);
        // Holes never outnumber the events (the list is closed up before).
        assert.ok(
          lists[i]!.events.length <= 2 * lists[i]!.size + 1,
          `step ${step}: ${lists[i]!.events.length} entries for ${lists[i]!.size} events`,
        );
        longest = Math.max(longest, lists[i]!.events.length);
      }
    }
    assert.ok(longest > 10, 'the lists grew');
    for (const e of events) for (const [term, slot] of e.slots) assert.equal(lists[term]!.events[slot], e);
  });
});
