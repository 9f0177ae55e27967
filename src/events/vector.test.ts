import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seeded } from '../../bench/harness.js';
import { dot, norm, SparseVector } from './vector.js';

// The vectors are checked against plain Maps from term to weight, summed the way a Map is
// walked: the smaller in its order, each term looked up in the larger.
function mapDot(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) {
    const v = large.get(t);
    if (v !== undefined) s += w * v;
  }
  return s;
}

function mapAdd(into: Map<string, number>, other: Map<string, number>): void {
  for (const [t, w] of other) into.set(t, (into.get(t) ?? 0) + w);
}

describe('sparse vectors', () => {
  const rnd = seeded(5);
  const vocab = Array.from({ length: 3000 }, (_, i) => `t${i}`);
  const randomMap = (n: number) =>
    new Map(
      Array.from({ length: n }, () => [vocab[Math.floor(rnd() * vocab.length)]!, rnd() * 3 - 0.5] as [string, number]),
    );

  it('give the same dot products, to the last bit, as Maps', () => {
    const maps = Array.from({ length: 60 }, (_, i) => randomMap(1 + ((i * 37) % 400)));
    const vectors = maps.map((m) => SparseVector.fromEntries(m));
    let overlaps = 0;
    for (const [i, a] of maps.entries()) {
      for (const [j, b] of maps.entries()) {
        const expected = mapDot(a, b);
        if (expected !== 0) overlaps++;
        assert.equal(dot(vectors[i]!, vectors[j]!), expected, `dot of sizes ${a.size} and ${b.size}`);
      }
    }
    assert.ok(overlaps > 1000, 'the vectors share terms');
    assert.equal(dot(new SparseVector(), vectors[0]!), 0);
    assert.equal(
      norm(
        SparseVector.fromEntries([
          ['p', 3],
          ['q', 4],
        ]),
      ),
      5,
    );
  });

  it('add like Maps: the same weights, new terms after the old in the order they came', () => {
    const into = randomMap(50);
    const v = SparseVector.fromEntries(into);
    for (let round = 0; round < 30; round++) {
      const other = randomMap(1 + Math.floor(rnd() * 120));
      mapAdd(into, other);
      v.add(SparseVector.fromEntries(other));
      assert.deepEqual([...v.entries()], [...into.entries()]);
    }
    // Stored as two arrays, terms and weights, and read back unchanged, in the same order.
    const json = JSON.stringify(v);
    assert.equal(json, JSON.stringify([[...into.keys()], [...into.values()]]));
    assert.deepEqual([...SparseVector.parse(json).entries()], [...into.entries()]);
  });

  it('reads the object form stores wrote before, keeps terms that look like numbers in their place, and refuses a malformed vector', () => {
    const old = SparseVector.parse(JSON.stringify({ gpu: 0.5, chips: 0.25 }));
    assert.deepEqual(
      [...old.entries()],
      [
        ['gpu', 0.5],
        ['chips', 0.25],
      ],
    );
    const v = SparseVector.fromEntries([
      ['launch', 0.5],
      ['2026', 0.25],
      ['7', 0.125],
    ]);
    assert.deepEqual(
      [...SparseVector.parse(JSON.stringify(v)).entries()],
      [
        ['launch', 0.5],
        ['2026', 0.25],
        ['7', 0.125],
      ],
    );
    assert.throws(() => SparseVector.parse('[["a", "b"], [1]]'), /two arrays of the same length/);
    assert.throws(() => SparseVector.parse('[1, 2]'), /two arrays/);
  });

  it(
    'stores packed: read back to the bit in the same order, smaller than JSON; JSON still read; a ' +
      'term with the separator stored as JSON; a damaged one refused',
    () => {
      const entries: Array<[string, number]> = [
        ['launch', 0.1 + 0.2],
        ['2026', 1e-300],
        ['7', 1 / 3],
        ['modèle', Math.PI / 3],
        ['gpu', 123456.789],
      ];
      for (let i = 0; i < 200; i++) entries.push([`w${i.toString(36)}`, rnd()]);
      const v = SparseVector.fromEntries(entries);
      const packed = v.serialize();
      const back = SparseVector.parse(packed);
      assert.deepEqual([...back.entries()], entries);
      assert.ok(Object.is(SparseVector.parse(SparseVector.fromEntries([['z', -0]]).serialize()).weights[0], -0));
      assert.ok(
        packed.length < JSON.stringify(v).length * 0.75,
        `${packed.length} against ${JSON.stringify(v).length}`,
      );
      assert.deepEqual([...SparseVector.parse(JSON.stringify(v)).entries()], entries);
      assert.deepEqual([...SparseVector.parse(new SparseVector().serialize()).entries()], []);
      const odd = SparseVector.fromEntries([
        ['a\u001fb', 0.5],
        ['c', 0.25],
      ]);
      assert.equal(odd.serialize(), JSON.stringify(odd));
      assert.deepEqual(
        [...SparseVector.parse(odd.serialize()).entries()],
        [
          ['a\u001fb', 0.5],
          ['c', 0.25],
        ],
      );
      assert.throws(() => SparseVector.parse(`${packed}\u001fextra`), /not as many weights/);
      assert.throws(() => SparseVector.parse(packed.replace(/\u001f[^\u001f]*$/, '')), /not as many weights/);
    },
  );
});
