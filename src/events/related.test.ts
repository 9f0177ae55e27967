import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RELATE_WEIGHTS, relateScore, relateSubjects, storedSubjects } from './related.js';
import { SparseVector } from './vector.js';

const day = 86_400_000;
const side = (topics: string[], entities: Array<{ name: string; weight: number }>, time = 0, centroid?: SparseVector) => ({ subjects: relateSubjects(topics, entities), time, centroid });

describe('relateScore', () => {
  it('blends shared topics, shared entities, text and time by their weights', () => {
    const a = side(['chips', 'export'], [{ name: 'Nvidia', weight: 1 }, { name: 'TSMC', weight: 2 }]);
    const b = side(['export', 'policy'], [{ name: 'TSMC', weight: 1 }, { name: 'ASML', weight: 1 }]);
    // Topics: 1 shared of 3 in all. Entities: twice the smaller weight of TSMC over all weights, 2·1/5.
    const w = RELATE_WEIGHTS;
    assert.equal(relateScore(a, b).score, w.topics * (1 / 3) + w.entities * (2 / 5) + w.time * 1);
    assert.equal(relateScore(a, b).text, 0);
    assert.equal(relateScore(a, b).score, relateScore(b, a).score, 'symmetric');
  });

  it('counts an entity named twice with its last weight, and nothing shared as nothing', () => {
    const a = side([], [{ name: 'TSMC', weight: 2 }]);
    const b = side([], [{ name: 'TSMC', weight: 1 }, { name: 'TSMC', weight: 3 }]);
    // min(2, 3) shared, 2 + 1 + 3 in all.
    assert.equal(relateScore(a, b).score, RELATE_WEIGHTS.entities * ((2 * 2) / 6) + RELATE_WEIGHTS.time);
    const far = side(['robots'], [{ name: 'Boston Dynamics', weight: 1 }], 30 * day);
    assert.equal(relateScore(a, far).score, RELATE_WEIGHTS.time * 0.5, 'a month apart counts half, and shares nothing else');
  });

  it('adds the cosine of the centroids, and reads subjects as the store keeps them', () => {
    const v = SparseVector.fromEntries([['wafer', 1], ['fab', 1]]);
    const u = SparseVector.fromEntries([['wafer', 1]]);
    const a = { subjects: storedSubjects('["chips"]', '[{"name":"TSMC","type":"org","weight":1}]'), time: 0, centroid: v };
    const b = { subjects: relateSubjects(['chips'], [{ name: 'TSMC', weight: 1 }]), time: 0, centroid: u };
    const text = 1 / Math.sqrt(2);
    assert.ok(Math.abs(relateScore(a, b).text - text) < 1e-12);
    assert.ok(Math.abs(relateScore(a, b).score - (RELATE_WEIGHTS.topics + RELATE_WEIGHTS.entities + RELATE_WEIGHTS.text * text + RELATE_WEIGHTS.time)) < 1e-12);
  });
});
