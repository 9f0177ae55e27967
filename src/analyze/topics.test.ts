import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignTopics, topicsNamedIn } from './topics.js';

// Shaped as the stream's feed excerpts: a report on a chatbot whose one quote says "like a robot".
describe('topics from the taxonomy', () => {
  it('take two mentions, however many aliases of the topic stem alike ("robot", "robotics")', () => {
    const passing =
      'Users said the chatbot changed overnight after the update. "It forgot everything," one said. "It was like a robot."';
    assert.deepEqual(assignTopics('Users mourn the old chatbot', passing, []), []);
    const twice = `${passing} Makers of robots say the same models now run their machines.`;
    assert.ok(assignTopics('Users mourn the old chatbot', twice, []).includes('robotics'));
  });
});

describe('where a topic is named', () => {
  it('finds a taxonomy topic by any alias, a learned one by its words, and nothing else', () => {
    const text = 'Proposals in Washington could regulate open-source AI so tightly that security teams lose it.';
    assert.deepEqual(
      [...topicsNamedIn(text, ['ai-regulation', 'open-source-ai', 'security-teams', 'ai-and-jobs'])],
      ['ai-regulation', 'open-source-ai', 'security-teams'],
    );
  });
});

// Shaped as the demo's Andrew Ng letter: a policy letter naming state AI laws and their preemption.
describe('policy topics', () => {
  it('count the preemption of state AI laws as AI regulation', () => {
    const text =
      'On policy, I support the proposed framework for federal preemption of state AI laws. A patchwork of state regimes would burden small developers.';
    assert.ok(assignTopics('A letter on AI', text, []).includes('ai-regulation'));
  });
});

describe('chip topics', () => {
  it('are not named by "accelerate"', () => {
    const text =
      'Restrictions will accelerate the push for open alternatives. They accelerate sovereignty efforts too.';
    assert.ok(!assignTopics('Restrictions accelerate the push', text, []).includes('ai-chips'));
    const identity = 'New platforms remove the top barrier to AI acceleration in the enterprise.';
    assert.ok(!assignTopics('From OAuth bottleneck to AI acceleration', identity, []).includes('ai-chips'));
    const adobe = 'Adobe will build custom models for brands. The new AI Foundry trains on their own work.';
    assert.ok(!assignTopics('Adobe launches a foundry service for custom models', adobe, []).includes('ai-chips'));
    const chips = 'The lab serves on a new inference accelerator. Each accelerator chip holds more memory.';
    assert.ok(assignTopics('A new training cluster', chips, []).includes('ai-chips'));
  });
});

// Shaped as the stream's ZDNet and Verge excerpts: tips for an app beside a model's launch.
describe('frontier model releases', () => {
  it('are named by a release or a model with its version, not by a model family alone', () => {
    const tips = 'Gemini can sort your photos and plan your week. Here is how to use Gemini at home.';
    assert.ok(!assignTopics('8 Gemini tips for organizing your space', tips, []).includes('frontier-models'));
    const launch = 'The company says Grok 4 beats every rival on reasoning. Grok 4 is out today for subscribers.';
    assert.ok(assignTopics('xAI launches Grok 4', launch, []).includes('frontier-models'));
  });
});
