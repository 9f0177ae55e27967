import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignTopics } from './topics.js';

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
