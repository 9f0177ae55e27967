import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OnlineClusterer } from './cluster.js';
import { gatheringNames, isRoundup } from './roundup.js';

describe('roundups of a gathering', () => {
  it('knows a roundup, preview or live blog by its headline, not an announcement', () => {
    assert.ok(isRoundup('CES 2026: Everything revealed, from debuts to new chips'));
    assert.ok(isRoundup('The most bizarre tech announced so far at CES 2026'));
    assert.ok(isRoundup('WWDC 2026: Follow live for every announcement'));
    assert.ok(isRoundup('What to expect at Google I/O'));
    assert.ok(!isRoundup('Nvidia launches Vera Rubin AI computing platform at CES 2026'));
    // An episode's recap is the happening itself.
    assert.ok(!isRoundup("'The Bachelor' finale recap: Juan Pablo makes his choice"));
  });

  it('finds the names a gathering may go by, and none from case alone in a title-cased headline', () => {
    assert.deepEqual(gatheringNames('The most bizarre tech announced so far at CES 2026'), ['ce']);
    assert.deepEqual(gatheringNames('Davos 2026: the most dubious AI pitches'), ['ai', 'davo']);
    assert.ok(!gatheringNames("Tech takes aim at Nvidia's chips").includes('nvidia'));
    assert.deepEqual(gatheringNames('Public Transit Use At Highest Level Since 1956'), []);
  });

  it('groups the roundups of one gathering and keeps each announcement there its own', () => {
    const c = new OnlineClusterer();
    const t0 = Date.parse('2026-01-05T12:00:00Z');
    const at = (h: number) => new Date(t0 + h * 3_600_000);
    // A month of other news, so that "AI" is a name of every other event and "CES" of a few.
    for (let i = 0; i < 40; i++)
      c.add({ id: `n${i}`, title: `AI topic${i} subject${i} object${i}`, published: at(i - 60) });
    const nvidia = c.add({
      id: 'a',
      title: 'Nvidia launches Vera Rubin AI computing platform at CES 2026',
      published: at(0),
    });
    const first = c.add({
      id: 'r1',
      title: 'CES 2026: Everything revealed, from robots to AI chips',
      published: at(1),
    });
    const lg = c.add({ id: 'b', title: 'LG unveils a laundry-folding robot at CES 2026', published: at(2) });
    const second = c.add({
      id: 'r2',
      title: 'The most bizarre AI tech announced so far at CES 2026',
      published: at(3),
    });
    assert.equal(c.resolve(second.event), c.resolve(first.event));
    assert.notEqual(c.resolve(first.event), c.resolve(nvidia.event));
    assert.notEqual(c.resolve(first.event), c.resolve(lg.event));
  });
});
