import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endRunInHeadline } from './run-in-headline.js';

// Openings of real newsletter issues (MIT Technology Review's The Download), their label sentence taken out.
describe('a headline run into its lead', () => {
  it('gets its stop before a word that opens sentences', () => {
    assert.equal(
      endRunInHeadline(
        'Meet Jim O’Neill, the longevity enthusiast who is now RFK Jr.’s right-hand man When Jim O’Neill was nominated to be the second in command,',
      ),
      'Meet Jim O’Neill, the longevity enthusiast who is now RFK Jr.’s right-hand man. When Jim O’Neill was nominated to be the second in command,',
    );
    assert.equal(
      endRunInHeadline(
        'Four reasons to be optimistic about AI’s energy usage Two weeks ago, we launched Power Hungry.',
      ),
      'Four reasons to be optimistic about AI’s energy usage. Two weeks ago, we launched Power Hungry.',
    );
  });
  it('gets its stop before a common word written with a capital', () => {
    assert.equal(
      endRunInHeadline(
        'How a new type of AI is helping police skirt facial recognition bans Police and federal agencies have found a way',
      ),
      'How a new type of AI is helping police skirt facial recognition bans. Police and federal agencies have found a way',
    );
  });
  it('leaves names, and a headline that ends with its own mark', () => {
    const named =
      'In a first, Google has released data on how much energy an AI prompt uses Google has just released a report.';
    assert.equal(endRunInHeadline(named), named);
    const stopped = 'GPT-5 is here. Now what? At long last, OpenAI has released GPT-5.';
    assert.equal(endRunInHeadline(stopped), stopped);
  });
});
