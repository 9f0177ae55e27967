import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slugWords } from './topics.js';

describe('a learned topic labelled from its slug', () => {
  it('reads as words, the field’s acronyms in capitals', () => {
    assert.equal(slugWords('sovereign-compute'), 'Sovereign compute');
    assert.equal(slugWords('ai-models-for-us-agencies'), 'AI models for US agencies');
    assert.equal(slugWords('llm-pricing'), 'LLM pricing');
  });
});
