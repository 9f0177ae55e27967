import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RELATE_WEIGHTS, relateScore, relateSubjects, specificity, storedSubjects } from './score.js';
import { eventVoices } from '../events/commentary.js';
import { withParents } from '../events/topic-parents.js';
import { SparseVector } from '../events/vector.js';

const day = 86_400_000;
const side = (
  topics: string[],
  entities: Array<{ name: string; weight: number }>,
  time = 0,
  centroid?: SparseVector,
) => ({ subjects: relateSubjects(topics, entities), time, centroid });

describe('relateScore', () => {
  it('blends shared topics, shared entities, text, time and voice by their weights', () => {
    const a = side(
      ['chips', 'export'],
      [
        { name: 'Nvidia', weight: 1 },
        { name: 'TSMC', weight: 2 },
      ],
    );
    const b = side(
      ['export', 'policy'],
      [
        { name: 'TSMC', weight: 1 },
        { name: 'ASML', weight: 1 },
      ],
    );
    // Topics: 1 shared of 3 in all. Entities: twice the smaller weight of TSMC over all weights, 2·1/5.
    const w = RELATE_WEIGHTS;
    // Two reports: the same voice.
    assert.equal(relateScore(a, b).score, w.topics * (1 / 3) + w.entities * (2 / 5) + w.time * 1 + w.voice);
    assert.equal(relateScore(a, b).text, 0);
    assert.equal(relateScore(a, b).score, relateScore(b, a).score, 'symmetric');
  });

  it('counts an entity named twice with its last weight, and nothing shared as nothing', () => {
    const a = side([], [{ name: 'TSMC', weight: 2 }]);
    const b = side(
      [],
      [
        { name: 'TSMC', weight: 1 },
        { name: 'TSMC', weight: 3 },
      ],
    );
    // min(2, 3) shared, 2 + 1 + 3 in all.
    assert.equal(
      relateScore(a, b).score,
      RELATE_WEIGHTS.entities * ((2 * 2) / 6) + RELATE_WEIGHTS.time + RELATE_WEIGHTS.voice,
    );
    const far = side(['robots'], [{ name: 'Boston Dynamics', weight: 1 }], 30 * day);
    assert.equal(
      relateScore(a, far).score,
      RELATE_WEIGHTS.time * 0.5 + RELATE_WEIGHTS.voice,
      'a month apart counts half, and shares nothing else',
    );
  });

  it('adds the cosine of the centroids, and reads subjects as the store keeps them', () => {
    const v = SparseVector.fromEntries([
      ['wafer', 1],
      ['fab', 1],
    ]);
    const u = SparseVector.fromEntries([['wafer', 1]]);
    const a = {
      subjects: storedSubjects('["chips"]', '[{"name":"TSMC","type":"org","weight":1}]'),
      time: 0,
      centroid: v,
    };
    const b = { subjects: relateSubjects(['chips'], [{ name: 'TSMC', weight: 1 }]), time: 0, centroid: u };
    const text = 1 / Math.sqrt(2);
    assert.ok(Math.abs(relateScore(a, b).text - text) < 1e-12);
    assert.ok(
      Math.abs(
        relateScore(a, b).score -
          (RELATE_WEIGHTS.topics +
            RELATE_WEIGHTS.entities +
            RELATE_WEIGHTS.text * text +
            RELATE_WEIGHTS.time +
            RELATE_WEIGHTS.voice),
      ) < 1e-12,
    );
  });

  it('meets topics through their broader ones: US and EU AI policy share AI regulation', () => {
    assert.deepEqual(withParents(['us-ai-policy']), [
      { topic: 'us-ai-policy', weight: 1 },
      { topic: 'ai-regulation', weight: 0.5 },
      { topic: 'ai-policy', weight: 0.25 },
    ]);
    const us = side(['us-ai-policy'], []);
    const eu = side(['eu-ai-policy'], []);
    // Shared: ai-regulation (½) and ai-policy (¼), of 1 + 1 + ½ + ¼ in all.
    assert.ok(
      Math.abs(
        relateScore(us, eu).score -
          ((RELATE_WEIGHTS.topics * 0.75) / 2.75 + RELATE_WEIGHTS.time + RELATE_WEIGHTS.voice),
      ) < 1e-12,
    );
    assert.equal(
      relateScore(side(['robotics'], []), side(['ai-chips'], [])).score,
      RELATE_WEIGHTS.time + RELATE_WEIGHTS.voice,
      'no common ancestor, nothing shared',
    );
  });

  it('puts a piece of opinion nearer other opinions than reports on the same subjects', () => {
    const oped = { ...side(['open-source-ai', 'ai-regulation'], []), voices: eventVoices('op-ed') };
    const otherOped = { ...side(['open-source-ai'], []), voices: eventVoices('analysis') };
    const report = { ...side(['open-source-ai'], []), voices: eventVoices('news') };
    assert.ok(relateScore(oped, otherOped).score > relateScore(oped, report).score);
    assert.equal(relateScore(oped, otherOped).score - relateScore(oped, report).score, RELATE_WEIGHTS.voice);
    assert.equal(relateScore(oped, report).score, relateScore(report, oped).score, 'symmetric');
  });

  it('counts an event that holds a report and an op-ed reacting to it among the voices of either', () => {
    const oped = { ...side(['open-source-ai'], []), voices: eventVoices('op-ed') };
    const report = { ...side(['open-source-ai'], []), voices: eventVoices('news') };
    const both = { ...side(['open-source-ai'], []), voices: eventVoices('news', ['news', 'op-ed', 'news']) };
    assert.equal(relateScore(oped, both).score, relateScore(oped, oped).score);
    assert.equal(relateScore(report, both).score, relateScore(report, report).score);
    assert.equal(relateScore(oped, report).score + RELATE_WEIGHTS.voice, relateScore(oped, both).score);
    // The reports of an op-ed are reports of that opinion: the event is still a piece of opinion.
    assert.equal(eventVoices('op-ed', ['op-ed', 'news']), eventVoices('op-ed'));
  });

  it('counts a shared entity by how specific it is: a name every event has says little', () => {
    assert.equal(specificity(1, 40), 1);
    assert.ok(specificity(2, 40) > specificity(10, 40) && specificity(10, 40) > specificity(40, 40));
    assert.ok(specificity(40, 40) > 0);
    const a = side(
      [],
      [
        { name: 'China', weight: 1 },
        { name: 'Bartz', weight: 1 },
      ],
    );
    const b = side([], [{ name: 'China', weight: 1 }]);
    const c = side([], [{ name: 'Bartz', weight: 1 }]);
    const ids = relateSubjects(
      [],
      [
        { name: 'China', weight: 1 },
        { name: 'Bartz', weight: 1 },
      ],
    ).entities;
    const spread = new Map([
      [ids[0]!, specificity(30, 40)],
      [ids[1]!, specificity(2, 40)],
    ]);
    const by = (id: number) => spread.get(id) ?? 1;
    assert.ok(relateScore(a, c, by).score > relateScore(a, b, by).score, 'sharing Bartz says more than sharing China');
    assert.equal(relateScore(a, b).score, relateScore(a, c).score, 'without specificities, the same');
  });
});
