import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractEntities } from './entities.js';
import { analyzeText } from './nlp.js';

const names = (title: string, text: string) => extractEntities(title, text, analyzeText(text)).map((e) => e.name);

describe('an organisation named as where people once worked', () => {
  it('is not among the entities ("DeepMind alumni", "former OpenAI researchers"), so it lends no prominence', () => {
    const text =
      'Tessellate, a startup founded by DeepMind alumni, raised $40 million. ' +
      'Two former OpenAI researchers join as advisers. Google DeepMind veterans make up half the team.';
    const found = names('Startup founded by DeepMind alumni raises $40 million', text);
    assert.ok(!found.includes('Google DeepMind'), found.join(', '));
    assert.ok(!found.includes('OpenAI'), found.join(', '));
  });

  it('is an entity where it acts, even beside such a mention', () => {
    const found = names(
      'DeepMind releases a weather model',
      'Google DeepMind released a weather model on Monday. Several DeepMind alumni praised it. OpenAI said nothing.',
    );
    assert.ok(found.includes('Google DeepMind'));
    assert.ok(found.includes('OpenAI'));
  });
});
