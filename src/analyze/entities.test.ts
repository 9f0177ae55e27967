import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractEntities } from './entities.js';
import { analyzeText } from './nlp.js';

const names = (title: string, text: string) => extractEntities(title, text, analyzeText(text)).map((e) => e.name);

/** Sentences shaped as the real AI-news stream writes them (../shared/data/streams). */
describe('names found in the text that no list knows', () => {
  it('keeps a name whole where the tagger splits it, not its last word', () => {
    const found = names(
      'Finance charts arrive',
      'Google added charts to AI Mode in Search. People use AI Mode for finance. ' +
        'Capital One builds agentic AI modeled after its org chart; Capital One says it helps sales. ' +
        'The Ministry of Digital Affairs said it would review the rules. The Ministry of Digital Affairs agreed.',
    );
    assert.ok(found.includes('AI Mode'), found.join(', '));
    assert.ok(found.includes('Capital One'), found.join(', '));
    assert.ok(found.includes('Ministry of Digital Affairs'), found.join(', '));
    for (const fragment of ['Mode', 'Capital', 'Ministry', 'Digital Affairs'])
      assert.ok(!found.includes(fragment), `${fragment} in ${found.join(', ')}`);
  });

  it('takes no period, plural acronym, nationality, contraction or lone cue word for a name', () => {
    const found = names(
      'Forrester Wave, Q2 2025',
      'I’m not sure the Q2 numbers matter. I’m told CIOs and CISOs want LLMs they can audit. ' +
        'Chinese labs ship fast; Chinese models are cheap. B2B buyers and B2B sellers agree. ' +
        'Research shows the Labs are busy. The Labs said the University and the Department agree. ' +
        'Acme Labs said it would hire.',
    );
    for (const junk of ['I’m', 'Q2', 'CIOs', 'CISOs', 'LLMs', 'Chinese', 'B2B', 'Labs', 'University', 'Department'])
      assert.ok(!found.includes(junk), `${junk} in ${found.join(', ')}`);
    assert.ok(found.includes('Acme Labs'), found.join(', '));
  });

  it('takes a capitalised word the text also writes in lower case for a common word', () => {
    const found = names(
      'A new studio',
      'The Studio app adds effects. Every studio can use it; the studio team said so.',
    );
    assert.ok(!found.includes('Studio'), found.join(', '));
  });
});

// Shaped as the stream's items the reader found named oddly (reader's report, item 12).
describe('what is no name', () => {
  it('is a slogan in capitals, a bill without its number, or an executive order in general', () => {
    const found = names(
      'OpenAI teases a launch',
      'OpenAI posted on X, “LIVE5TREAM THURSDAY 10AM PT” — the “s” is swapped for a “5.” ' +
        'Newsom signed into law Senate Bill 243, and Senate Bill 243 takes effect soon. ' +
        'The president signed an executive order on AI. The executive order sets up a task force. ' +
        'Nvidia showed the NVIDIA DGX Spark.',
    );
    for (const odd of ['LIVE5TREAM THURSDAY', 'Senate Bill', 'executive order'])
      assert.ok(!found.includes(odd), `${odd} in ${found.join(', ')}`);
  });
});
