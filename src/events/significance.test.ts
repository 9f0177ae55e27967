import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clampScore, detectStakes, scoreSignificance, withNovelty, type SignificanceInput } from './significance.js';

describe('significance with another novelty', () => {
  it('is what scoring with that novelty gives, the model adjustment applied after', () => {
    const inputs: SignificanceInput[] = [
      { bestTier: 1, sources: 3, novelty: 1, stakes: 'major release', prominent: ['OpenAI', 'Nvidia'] },
      { bestTier: 2, sources: 1, novelty: 0.4, stakes: 'news', prominent: [] },
      { bestTier: 3, sources: 7, novelty: 0, stakes: 'government action', prominent: ['EU'] },
    ];
    let changed = 0;
    for (const x of inputs) {
      for (const novelty of [0, 0.126, 0.5, 0.994, 1, 1.7, -0.2]) {
        const want = scoreSignificance({ ...x, novelty });
        const got = withNovelty(scoreSignificance(x), novelty);
        assert.deepEqual(got, want);
        if (got.score !== scoreSignificance(x).score) changed++;
        // With a model's adjustment: applied to the new score, as refreshEvent does.
        const reviewed = { ...scoreSignificance(x), llm: { delta: -2, reason: 'minor' } };
        reviewed.score = clampScore(reviewed.score - 2);
        assert.equal(withNovelty(reviewed, novelty).score, clampScore(want.score - 2));
        assert.deepEqual(withNovelty(reviewed, novelty).llm, { delta: -2, reason: 'minor' });
      }
    }
    assert.ok(changed > 0, 'some novelty moved a score');
  });
});

describe('what happened (stakes)', () => {
  it('is funding when the headline reports money changing hands, not when a member mentions an acquisition', () => {
    const titles = [
      'OpenAI’s AI-powered browser, ChatGPT Atlas, is here',
      "OpenAI's latest acquisition could mean more agentic experiences for your Mac",
    ].join('\n');
    const base = { memberKinds: ['news', 'news'], topics: ['ai-agents', 'ai-funding'], titles };
    assert.equal(detectStakes({ ...base, headline: 'OpenAI’s AI-powered browser, ChatGPT Atlas, is here' }), 'news');
    assert.equal(detectStakes({ ...base, headline: 'Anthropic raises $13B at a $183B valuation' }), 'funding');
    assert.equal(detectStakes({ ...base, headline: 'Mistral closes a Series C' }), 'funding');
    assert.equal(detectStakes({ ...base, topics: ['ai-agents'], headline: 'Anthropic raises $13B' }), 'news');
  });
});
