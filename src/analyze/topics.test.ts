import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignTopics, topicsNamedIn } from './topics.js';

// Shaped as the stream's feed excerpts: a report on a chatbot whose one quote says "like a robot".
describe('topics from the taxonomy', () => {
  it('take two mentions, however many aliases of the topic stem alike ("robot", "robotics")', () => {
    const passing =
      'Users said the chatbot changed overnight after the update. "It forgot everything," one said. "It was like a robot."';
    assert.ok(!assignTopics('Users mourn the old chatbot', passing, []).includes('robotics'));
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

// Shaped as the stream's items the reader found mistagged (reader's report, item 11).
describe('a topic means what its label says', () => {
  it('is not named by a word its alias only resembles', () => {
    const jobs =
      'I use Claude for very different jobs: drafting, coding, research. Each of these jobs wants its own setup.';
    assert.ok(
      !assignTopics("I use Anthropic's Claude AI tools for very different jobs", jobs, []).includes('ai-and-jobs'),
    );
    const layoffs = 'The company will lay off 500 workers from its data team. The layoff follows a shift in focus.';
    assert.ok(assignTopics('xAI lays off 500 workers', layoffs, []).includes('ai-and-jobs'));
    const edge = 'Copilot Mode in Edge reads your tabs. Copilot can now book a table for you.';
    assert.ok(!assignTopics("Microsoft Edge's Copilot Mode", edge, []).includes('ai-coding'));
    const music = 'Universal Music signed a deal with Spotify. Universal artists get a share of the revenue.';
    assert.ok(!assignTopics('Spotify and Universal Music strike a deal', music, []).includes('ai-in-education'));
    const electric = 'Perplexity bought Visual Electric, a design tool. Visual Electric makes images for designers.';
    assert.ok(!assignTopics('Perplexity acquires Visual Electric', electric, []).includes('ai-infrastructure'));
  });

  it('covers what the stream is about by the subject’s own words: assistants, devices, search, courts', () => {
    const siri = 'Apple released its overhauled Siri today. The new Siri can act across apps.';
    assert.ok(assignTopics('Apple’s AI Siri overhaul is finally here', siri, []).includes('ai-assistants'));
    const pixel = 'Google showed its new smartphone lineup. Each smartphone runs Gemini on the device.';
    assert.ok(
      assignTopics('Google doubles down on AI phones with its Pixel 10 series', pixel, []).includes('ai-devices'),
    );
    const search = 'AI Mode now answers with images. Search results link to the sources.';
    assert.ok(assignTopics('Google’s AI Mode image search is more conversational', search, []).includes('ai-search'));
    const trial = 'Musk and Altman head to trial this week. The jury will decide on the claims.';
    assert.ok(assignTopics('Elon Musk and Sam Altman are going to court', trial, []).includes('ai-lawsuits'));
  });
});

describe('a new topic', () => {
  const recurring = (phrase: string) =>
    `The ${phrase} is growing. Analysts expect the ${phrase} to double. Critics of the ${phrase} are few.`;
  it('is a recurring subject in lower case, not a name nor the field itself', () => {
    const phrases = (p: string) => [{ text: p, score: 1 }];
    assert.deepEqual(
      assignTopics('A report', recurring('weight-loss drug market'), phrases('weight-loss drug market')),
      ['weight-loss-drug-market'],
    );
    const name = 'Red Hat';
    const text = `${name} ships an update. ${name} says the update is free. ${name} customers get it first.`;
    assert.deepEqual(assignTopics('Red Hat ships an update', text, phrases(name)), []);
    assert.deepEqual(assignTopics('A report', recurring('AI models'), phrases('AI models')), []);
    assert.deepEqual(assignTopics('A report', recurring('humanoid robot maker'), phrases('humanoid robot maker')), [
      'robotics',
    ]);
  });
});

describe('funding', () => {
  it('is named by money raised, not by "raised" alone', () => {
    const round = 'The startup will use the money to hire engineers.';
    assert.ok(assignTopics('CodeRabbit raises $60M for AI code review', round, []).includes('ai-funding'));
    assert.ok(assignTopics('Nexos.ai raises €30M', round, []).includes('ai-funding'));
    const alarm = 'The engineer raised alarms about safety. He raised them again in March.';
    assert.ok(!assignTopics('xAI fired an engineer who raised alarms', alarm, []).includes('ai-funding'));
  });
});
