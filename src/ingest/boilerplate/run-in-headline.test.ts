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
    // A name the headline did not give may as well be the headline's own last word.
    const named =
      'In a first, Google has released data on how much energy an AI prompt uses Alphabet has just released a report.';
    assert.equal(endRunInHeadline(named), named);
    assert.equal(
      endRunInHeadline(
        'In a first, Google has released data on how much energy an AI prompt uses Google has just released a report.',
      ),
      'In a first, Google has released data on how much energy an AI prompt uses. Google has just released a report.',
    );
    const stopped = 'GPT-5 is here. Now what? At long last, OpenAI has released GPT-5.';
    assert.equal(endRunInHeadline(stopped), stopped);
  });
});

// Shaped as the stream's newsletter issues, in words of our own: [as fed, as read].
const CASES: Record<string, Array<[string, string]>> = {
  'gets its stop before "A", a number or "There’s"': [
    [
      'A startup’s plan to light cities from orbit could dim the stars for many A company that plans to',
      'A startup’s plan to light cities from orbit could dim the stars for many. A company that plans to',
    ],
    [
      'Doctors report the first births from a new fertility trial Nine babies have been born in Spain.',
      'Doctors report the first births from a new fertility trial. Nine babies have been born in Spain.',
    ],
    [
      'The trouble with measuring the AI economy There’s a lot riding on the figures.',
      'The trouble with measuring the AI economy. There’s a lot riding on the figures.',
    ],
  ],
  'gets its stop where the lead names again what the headline named': [
    [
      'Orbital farming startups are getting serious Orbital farming aims to grow food in space.',
      'Orbital farming startups are getting serious. Orbital farming aims to grow food in space.',
    ],
  ],
  'leaves the rest of a name, a title-case heading and an abbreviation': [
    [
      'This startup wants to store heat in old mines Ohio-based startup Deepwell Energy just tested how energy keeps.',
      'This startup wants to store heat in old mines Ohio-based startup Deepwell Energy just tested how energy keeps.',
    ],
    [
      'Meet the honorees of our 35 Innovators Under 35 list for 2026 Each year, we pick them.',
      'Meet the honorees of our 35 Innovators Under 35 list for 2026. Each year, we pick them.',
    ],
    [
      'Day two of the Smith v. Jones trial: what the jury heard Two of the witnesses spoke.',
      'Day two of the Smith v. Jones trial: what the jury heard. Two of the witnesses spoke.',
    ],
  ],
  'puts no stop after a word that cannot end a headline': [
    [
      'Samsung’s chip workers are leaving for a rival firm Kim, an engineer at Samsung’s chip division, left.',
      'Samsung’s chip workers are leaving for a rival firm Kim, an engineer at Samsung’s chip division, left.',
    ],
  ],
};

describe('a headline run into its lead, read more closely', () => {
  for (const [what, cases] of Object.entries(CASES))
    it(what, () => {
      for (const [fed, read] of cases) assert.equal(endRunInHeadline(fed), read);
    });
});
