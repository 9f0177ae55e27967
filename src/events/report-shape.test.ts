import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headlineShape } from './report-shape.js';

// Headlines of the real AI-news stream (../shared/data/streams).
describe('what a headline says its article is', () => {
  it('tells previews, roundups and asides from reports', () => {
    const cases: Array<[string, ReturnType<typeof headlineShape>]> = [
      ['Google I/O 2025: What to expect, including updates to Gemini and Android 16', 'preview'],
      ['Google I/O 2026 live: Our takes on Gemini 3.5, Spark, Android XR, and more', 'preview'],
      ['Everything Google unveiled at I/O 2025: Gemini, AI Search, smart glasses, more', 'roundup'],
      ['All the news from Meta Connect 2025', 'roundup'],
      ["The new Siri AI could cost you - here's why", 'aside'],
      ['I tried Siri AI, and so far it actually works', 'aside'],
      ['Should Silicon Valley celebrate Trump’s AI plans?', 'aside'],
      ['How to try the new Siri AI - join the waitlist today', 'aside'],
      ['The two biggest iOS 27 features at WWDC for me had nothing to do with Siri AI', 'aside'],
      ['Apple announces Siri AI and its next generation of Apple Intelligence', null],
      ['Google unveils Gemini 2.5 Deep Think and AI Mode at I/O 2025', null],
      ['OpenAI’s GPT-5 is here', null],
      ['Microsoft announces over 50 AI tools to build the ‘agentic web’ at Build 2025', null],
      ['Google launches Gemini 3 Pro in public preview', null],
    ];
    for (const [title, shape] of cases) assert.equal(headlineShape(title), shape, title);
  });
});
