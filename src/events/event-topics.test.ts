import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventTopics } from './event-topics.js';

// Shaped as the demo's op-ed event: the op-ed (primary) and two reports on it.
describe("an event's topics", () => {
  const oped = { title: 'Banning Open Source AI Would Be A Mistake', topics: ['open-source-ai', 'ai-in-education'] };
  const report = { title: 'Lambert and Xu make the case against restricting open models', topics: ['open-source-ai'] };
  const warns = {
    title: 'Op-ed warns U.S. rules could ban open-source AI by accident',
    topics: ['open-source-ai', 'ai-military'],
  };
  const shown = { title: oped.title, summary: 'Kevin Xu and I wrote an op-ed for a general audience.' };

  it("leave out a topic one report alone carries in passing, keep the primary's", () => {
    assert.deepEqual(eventTopics([oped, report, warns], oped, shown), ['open-source-ai', 'ai-in-education']);
  });

  it('keep a lone topic the event summary names, not one only that member names', () => {
    const regulation = { ...warns, topics: ['open-source-ai', 'ai-regulation'] };
    const summary = 'Proposals could regulate open-source AI so tightly that it is banned in practice.';
    assert.deepEqual(eventTopics([oped, report, regulation], oped, { ...shown, summary }), [
      'open-source-ai',
      'ai-in-education',
      'ai-regulation',
    ]);
    const titled = {
      title: 'Salesforce unveils agents in Slack that take on Microsoft Copilot',
      topics: ['ai-coding'],
    };
    assert.ok(!eventTopics([oped, report, titled], oped, shown).includes('ai-coding'));
  });

  it("in an event of two, keep a topic the other member's title names", () => {
    const post = { title: 'AI and the Future of Cybersecurity: Why Openness Matters', topics: ['ai-security'] };
    const argues = {
      title: 'Hugging Face argues open models make security teams stronger',
      topics: ['open-source-ai'],
    };
    const summary = 'Security teams have always relied on open tools: open scanners, open exploit databases.';
    assert.deepEqual(eventTopics([post, argues], post, { title: post.title, summary }), [
      'ai-security',
      'open-source-ai',
    ]);
    const third = { title: 'Defenders trade notes on incident response', topics: [] };
    assert.deepEqual(eventTopics([post, argues, third], post, { title: post.title, summary }), ['ai-security']);
  });

  it('keep a topic two members carry', () => {
    const both = { ...report, topics: ['open-source-ai', 'ai-military'] };
    assert.ok(eventTopics([oped, both, warns], oped, shown).includes('ai-military'));
  });
});
