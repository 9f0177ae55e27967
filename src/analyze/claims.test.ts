import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractLocal } from './local.js';

// Shaped as the real stream's items: an analyst's post that closes on a call to read on, and a
// news item whose feed cut its last sentence. The first sentences make the summary; the rest are
// the claims' candidates.
const ANALYST =
  'Healthcare providers are moving generative AI from pilots into daily clinical work this year. ' +
  'Hospital systems in the United States spent 40% more on AI tools in 2025 than in 2024, led by documentation assistants. ' +
  'Payers are following, with claims processing the first target for most large insurers. ' +
  'Regulators in Europe will require audit trails for clinical AI systems from August 2026 under the AI Act. ' +
  'Find out more in our 2026 healthcare predictions report for technology leaders. ' +
  "Here's how the leading health systems plan to measure the returns on their AI spending.";
const CUT =
  'Researchers at Stanford University published the first large analysis of an online community for AI companions. ' +
  'The study covered 1,500 posts written over two years by members of the forum. ' +
  'Most members said they found the community by accident while using general chatbots. ' +
  'The authors found that members who described long relationships with their companions reported lower';

describe('claims', () => {
  it('leave out a call to action or a teaser: it states nothing a reader can check', () => {
    const { claims } = extractLocal({ id: 'a', title: 'Predictions 2026: Healthcare', text: ANALYST });
    assert.ok(claims.length >= 1);
    for (const c of claims) assert.doesNotMatch(c.text, /^(Find out|Here's how)/);
    assert.ok(claims.some((c) => c.text.startsWith('Regulators in Europe')));
  });
  it('leave out the sentence the feed cut', () => {
    const { claims } = extractLocal({ id: 'b', title: 'A study of AI companions', text: CUT });
    for (const c of claims) assert.match(c.text, /[.!?]$/);
    assert.ok(!claims.some((c) => c.text.startsWith('The authors found')));
  });
});
