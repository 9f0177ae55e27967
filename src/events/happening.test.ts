import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentTerms } from '../analyze/text/terms.js';
import { ArticleEvidence, specificity, type ArticleTerms, type TermStats } from './happening.js';
import { coEventPairs } from './pairs.js';

const terms = (title: string, text = '', at = 0): ArticleTerms => {
  const t = [...new Set(contentTerms(title))];
  return { title: t, body: new Set([...t, ...contentTerms(text)]), at };
};

/** 200 live events; "anthrop" and "claud" prominent in 100 of them, every other word in one. */
const stats: TermStats = { events: 200, eventsWith: (t) => (t === 'anthrop' || t === 'claud' ? 100 : 1) };

describe('evidence of one happening', () => {
  it('weighs a name by how many events it is in: a shared company says little, a shared rare word a lot', () => {
    const a = new ArticleEvidence(terms('Anthropic settles Bartz lawsuit with authors'), stats);
    const [byName] = a.pair(terms('Anthropic launches Claude agent in Chrome'));
    const [byCase] = a.pair(terms('Judge approves Bartz lawsuit deal for authors'));
    assert.ok(byName! < 0.25, `a shared company explains ${byName} of the title`);
    assert.ok(byCase! > 0.5, `the shared case name and parties explain ${byCase} of the title`);
    assert.ok(specificity(stats, 'anthrop') < specificity(stats, 'bartz'));
  });

  it('gives the same evidence for a headline whatever the length of the text behind it', () => {
    const member = terms('Nvidia launches Rubin chip architecture');
    const short = new ArticleEvidence(terms('Nvidia unveils Rubin', 'Nvidia unveiled its Rubin platform.'), stats).pair(member);
    const long = new ArticleEvidence(terms('Nvidia unveils Rubin', 'Nvidia unveiled its Rubin platform. ' + 'Analysts weighed supply, pricing and demand across markets for years. '.repeat(5)), stats).pair(member);
    // What the titles say of each other does not move; every feature stays within [0, 1].
    assert.deepEqual(long.slice(0, 3), short.slice(0, 3));
    for (const x of long) assert.ok(x >= 0 && x <= 1, `feature ${x}`);
  });
});

describe('co-event pairs', () => {
  it('counts the pairs placed together that belong together, and gives nothing for all apart', () => {
    const gold = new Map([['a', 'x'], ['b', 'x'], ['c', 'x'], ['d', 'y']]);
    const p = coEventPairs(new Map([['a', '1'], ['b', '1'], ['c', '2'], ['d', '2']]), gold);
    // Placed together: a-b (right), c-d (wrong); belonging together: a-b, a-c, b-c.
    assert.equal(p.precision, 0.5);
    assert.equal(p.recall, 1 / 3);
    assert.equal(coEventPairs(new Map([...gold.keys()].map((k) => [k, k])), gold).f1, 0);
  });
});
