import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OnlineClusterer } from './cluster.js';
import { findGathering } from './gatherings.js';
import { SparseVector } from './vector.js';
import { gatheringNames, isRoundup, roundupOf } from './roundup.js';

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

  it('finds a gathering by its well-known name or by the shape of one, and not a company after "at"', () => {
    assert.equal(findGathering('Tech CEOs boast and bicker about AI at Davos')?.key, 'davos');
    assert.equal(findGathering('the World Economic Forum’s annual meeting')?.key, 'davos');
    assert.equal(findGathering('Everything Google unveiled at I/O 2025')?.key, 'google-io');
    assert.equal(findGathering('How practical AI prevailed over hype at Red Hat Summit 2025')?.key, 'red-hat');
    assert.equal(findGathering('Catio wins ‘coolest tech’ award at VB Transform 2025')?.key, 'vb-transform');
    assert.equal(findGathering('Layoffs at Google hit the cloud unit'), undefined);
    // A word many gatherings' names share is no gathering's name.
    assert.equal(findGathering('a paper presented at the International Conference on Machine Learning'), undefined);
    assert.equal(findGathering('Meet The AI Agents Redefining Strategies And Approaches At Summit'), undefined);
  });

  // Headlines of the real AI-news stream (../shared/data/streams), with their feed's lead where it decides.
  it('tells a roundup about the gathering from an announcement made there', () => {
    const roundups: [string, string][] = [
      ['Tech CEOs boast and bicker about AI at Davos', 'Davos seemed transformed into a high-powered tech conference.'],
      ['AI labs wage a reputational knife fight at Davos', ''],
      ['All anyone wants to talk about at Davos is AI and Donald Trump', ''],
      ['How did Davos turn into a tech conference?', ''],
      ['Linux at CES 2026: Tux is alive and well in IoT, cars, and AI', ''],
      ['Apple plays catch-up at WWDC', ''],
      ['Here are Apple’s top AI announcements from WWDC 2025', ''],
      ['Google I/O showed how the path for AI-driven science is shifting', ''],
      ['Everything Google unveiled at I/O 2025: Gemini, AI Search, smart glasses, more', ''],
      ['100 things we announced at I/O 2026', ''],
      // Not naming the gathering: the lead places a piece about no one in particular there.
      ['TV makers are taking AI too far', 'Every year, TV makers flock to CES to show off their latest sets.'],
      ['AI is coming for collectibles next', 'AI toys, companions, and robots have been everywhere at CES this year.'],
    ];
    for (const [title, lead] of roundups) assert.ok(roundupOf(title, lead), title);
    const announcements: [string, string][] = [
      [
        'Nvidia launches Vera Rubin AI computing platform at CES 2026',
        'Nvidia is kicking off 2026 with the early launch.',
      ],
      ['This robot vacuum at CES 2026 can find lost items on your floor and alert you of them', ''],
      ["AI model for tracking your pet's health data launches at CES", ''],
      ['At Google I/O, Sergey Brin makes surprise appearance — and declares Google will build the first AGI', ''],
      ["Build 2026: Microsoft's MDASH exits preview with 100+ specialized threat-hunting AI agents", ''],
      ['Microsoft announces over 50 AI tools to build the ‘agentic web’ at Build 2025', ''],
      // A named actor's piece whose lead mentions the gathering stays its own.
      ['Dell admits consumers don’t care about AI PCs', 'In an interview ahead of CES, Dell has made it clear.'],
      ['This desktop charger turns your iPhone into a robotic AI assistant', 'CES is packed with AI companions.'],
      ['Lenovo’s joining the bandwagon with concept AI glasses', 'The company just showed off a pair at CES 2026.'],
      // UCI: a film's premiere at a festival is its own story.
      ["Jon Favreau sizzles as 'Chef' at SXSW", ''],
      ['Neil Young to unveil Pono music service and device at SXSW', ''],
      // An outcome agreed there, though its subject is plural.
      ['Allies pledge more air defence for Ukraine at the NATO summit', ''],
      ['Chef: SXSW 2014 Review', ''],
    ];
    for (const [title, lead] of announcements) assert.equal(roundupOf(title, lead), undefined, title);
  });

  it('finds the names a roundup naming no known gathering may be about, none from case alone in a title-cased headline', () => {
    assert.deepEqual(gatheringNames('EM Morning Roundup: Asia slumped on weak exports'), ['em']);
    assert.ok(!gatheringNames("Tech takes aim at Nvidia's chips").includes('nvidia'));
    assert.deepEqual(gatheringNames('Public Transit Use At Highest Level Since 1956'), []);
  });

  it('groups the roundups of one gathering and keeps each announcement there its own', () => {
    const c = new OnlineClusterer();
    const t0 = Date.parse('2026-01-05T12:00:00Z');
    const at = (h: number) => new Date(t0 + h * 3_600_000);
    // A month of other news, so that "AI" is a name of every other event.
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
    // Nothing in common with the first roundup but the gathering, three days on.
    const second = c.add({
      id: 'r2',
      title: 'TV makers are taking AI too far',
      text: 'Every year, TV makers flock to CES to show off their latest sets.',
      published: at(72),
    });
    const davos = c.add({ id: 'r3', title: 'Tech CEOs boast and bicker about AI at Davos', published: at(73) });
    assert.equal(c.resolve(second.event), c.resolve(first.event));
    assert.notEqual(c.resolve(first.event), c.resolve(nvidia.event));
    assert.notEqual(c.resolve(first.event), c.resolve(lg.event));
    assert.notEqual(c.resolve(first.event), c.resolve(davos.event));
    // Past the window after its last roundup, the gathering's next roundup starts anew.
    const late = c.add({ id: 'r4', title: 'CES 2026 was all about robots', published: at(72 + 97) });
    assert.notEqual(c.resolve(late.event), c.resolve(first.event));
  });

  it('knows a gathering’s roundups again after a restart, from the stored centroid', () => {
    const t0 = Date.parse('2026-01-21T12:00:00Z');
    const before = new OnlineClusterer();
    const first = before.add({
      id: 'r1',
      title: 'AI labs wage a reputational knife fight at Davos',
      published: new Date(t0),
    });
    const stored = before.eventState(first.event)!;
    const after = new OnlineClusterer();
    after.loadEvent({ ...stored, centroid: SparseVector.parse(stored.centroid.serialize()) }, t0);
    const next = after.add({
      id: 'r2',
      title: 'How did Davos turn into a tech conference?',
      published: new Date(t0 + 86_400_000),
    });
    assert.ok(!next.created);
    assert.equal(after.resolve(next.event), first.event);
  });
});
