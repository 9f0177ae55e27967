import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { articleNames, NameRules, openingName, WordRole } from './names.js';

/** Whether the first article's `word` counts as shared with an event made of the second's marks and terms. */
function sharedWith(article: string, event: string, word: string): boolean {
  const a = articleNames(article, '');
  const e = articleNames(event, '');
  const ids = new Map<string, number>();
  const id = (t: string) => ids.get(t) ?? ids.set(t, ids.size).get(t)!;
  const held = new Set([...e.roles.keys(), ...e.marks].map(id));
  const terms = [word];
  const rules = NameRules.of(terms, a, (t) => ids.get(t) ?? -1);
  return rules.shared(0, held.has(id(word)), (x) => held.has(x));
}

describe('names as units', () => {
  it('takes a word inside a name of several words as part of that name', () => {
    const n = articleNames('New ways to learn and explore with AI Mode in Search', '');
    assert.equal(n.roles.get('mode'), WordRole.InName);
    assert.equal(n.roles.get('search'), WordRole.Named);
    assert.ok(n.marks.includes('#ai mode'));
  });

  it('does not share "mode" between AI Mode, Copilot Mode and a plain "study mode"', () => {
    const aiMode = 'New ways to learn and explore with AI Mode in Search';
    assert.equal(
      sharedWith(aiMode, 'Microsoft Edge transforms into an AI browser with new Copilot Mode', 'mode'),
      false,
    );
    assert.equal(sharedWith('ChatGPT’s new AI study mode won’t just give you the answer', aiMode, 'mode'), false);
  });

  it('shares it when the other side has the same name, or names the word alone', () => {
    assert.equal(
      sharedWith('Google Search’s AI Mode gets an update', 'Google’s AI Mode gets new features', 'mode'),
      true,
    );
    assert.equal(sharedWith('Anthropic ships Claude Opus today', 'Benchmarks put Opus ahead', 'opu'), true);
  });

  it('reads a title-cased headline and a URL slug as possible names, word pair by word pair', () => {
    const cased = articleNames('OpenAI Launches Study Mode In ChatGPT For Students', '');
    assert.equal(cased.roles.get('mode'), WordRole.Cased);
    assert.ok(cased.marks.includes('#studi mode'));
    assert.equal(
      sharedWith('OpenAI Launches Study Mode In ChatGPT For Students', 'OpenAI launches Study Mode in ChatGPT', 'mode'),
      true,
    );
    assert.equal(
      sharedWith(
        'Edge Gets A New Copilot Mode Today',
        'OpenAI launches Study Mode in ChatGPT for students who need help',
        'mode',
      ),
      false,
    );
    // The slug's words that the headline has keep the headline's reading ("its new AI mode" is no name).
    const slug = articleNames('Its new AI mode is unreliable', '', 'its new ai mode is unreliable');
    assert.ok(!slug.marks.includes('#ai mode'));
  });

  it('does not take a capital that only opens a sentence for a name', () => {
    const n = articleNames('Mode matters', 'Study shows it. Labs agree.');
    assert.equal(n.roles.get('mode'), undefined);
    assert.equal(n.roles.get('lab'), undefined);
  });

  it('reads the name a sentence-case headline opens with, its actor, up to a possessive', () => {
    assert.deepEqual(openingName('Elon Musk’s SpaceX might invest $2 billion in Musk’s xAI'), ['elon', 'musk']);
    assert.deepEqual(openingName('Sam Altman says ‘yes,’ AI is in a bubble'), ['sam', 'altman']);
    assert.deepEqual(openingName('GPT-5 failed the hype test'), ['gpt-5']);
    // No name first, or every word capitalised: no actor.
    assert.deepEqual(openingName('I talked to Sam Altman about the GPT-5 launch fiasco'), []);
    assert.deepEqual(openingName('Apple Sues OpenAI Over Trade Secrets Theft'), []);
  });
});
