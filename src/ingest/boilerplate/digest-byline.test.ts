import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endBylinedHeadlines } from './digest-byline.js';

// Shaped as the stream's newsletter issues (a story's headline, its writer's byline glued to an
// em dash, its lead), in words of our own: [as fed, as read].
const CASES: Record<string, Array<[string, string]>> = {
  'gets its stop, and the byline goes': [
    [
      'Why the new browser still puzzles me —Ann Lee OpenAI released a browser last week.',
      'Why the new browser still puzzles me. OpenAI released a browser last week.',
    ],
    [
      'How I learned to love the robot —Bo Chen If I had to name the day, it was May 1.',
      'How I learned to love the robot. If I had to name the day, it was May 1.',
    ],
    [
      'Two people shape the lab’s research —Will Dan Heaven. For years the lab was one man.',
      'Two people shape the lab’s research. For years the lab was one man.',
    ],
    [
      'The economics of AI —Ann Lee and Bo Chen Any new technology spreads unevenly.',
      'The economics of AI. Any new technology spreads unevenly.',
    ],
  ],
  'takes the writer’s role with the name, up to the lead': [
    [
      'All anyone talks about is AI —Ann Lee, our editor in chief At the forum this year, AI won.',
      'All anyone talks about is AI. At the forum this year, AI won.',
    ],
  ],
  'keeps a name that is the lead’s subject, and a headline’s own stop': [
    [
      'Don’t let hype get ahead of reality —Yoav Sham is a professor at Stanford.',
      'Don’t let hype get ahead of reality. Yoav Sham is a professor at Stanford.',
    ],
    [
      'Heat waves tire the brain. Nobody knows why. —Jo Hamm It has been hot all week.',
      'Heat waves tire the brain. Nobody knows why. It has been hot all week.',
    ],
  ],
  'leaves a dash inside a sentence': [
    [
      'Digital clones—AI models of a person—package old technologies together.',
      'Digital clones—AI models of a person—package old technologies together.',
    ],
  ],
};

describe('a headline run into its byline', () => {
  for (const [what, cases] of Object.entries(CASES))
    it(what, () => {
      for (const [fed, read] of cases) assert.equal(endBylinedHeadlines(fed), read);
    });
});
