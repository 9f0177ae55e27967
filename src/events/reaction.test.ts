import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCorpus } from '../demo/corpus.js';
import { type ClusterInput, OnlineClusterer } from './cluster.js';
import { authorMarks, namedMarks } from './reaction.js';

describe('reaction: the authors an article names', () => {
  it('reads the people of a by-line, and nothing from an outlet or a team', () => {
    assert.deepEqual(authorMarks('Nathan Lambert'), ['~by:nathan lambert']);
    assert.deepEqual(authorMarks('Kyle Wiggers, Maxwell Zeff'), ['~by:kyle wiggers', '~by:maxwell zeff']);
    assert.deepEqual(authorMarks('Andrew Ng and Jack Clark'), ['~by:andrew ng', '~by:jack clark']);
    assert.deepEqual(authorMarks('Reuters'), []);
    assert.deepEqual(authorMarks('the editors'), []);
    assert.deepEqual(authorMarks(undefined), []);
  });

  it('finds a name inside a run of capitals and before a possessive', () => {
    const marks = namedMarks("Yesterday Nathan Lambert made the case; Andrew Ng's letter answered");
    assert.ok(marks.includes('~by:nathan lambert'), marks.join(' '));
    assert.ok(marks.includes('~by:andrew ng'), marks.join(' '));
    assert.ok(!marks.some((m) => m.includes('letter')), marks.join(' '));
  });
});

describe('reaction: an essay that answers an op-ed by its author joins the op-ed', () => {
  const corpus = loadCorpus();
  const anchor = Date.parse('2026-11-22T12:00:00Z');
  const doc = (title: string, withAuthor: boolean, author?: string): ClusterInput => {
    const a = corpus.find((x) => x.title === title);
    assert.ok(a, title);
    return {
      id: title,
      title: a.title,
      text: a.paragraphs.join('\n\n'),
      url: `https://example.org/${a.sourceId}/${a.slug}`,
      source: a.sourceId,
      published: new Date(anchor - a.hoursBeforeNewest * 3_600_000),
      author: withAuthor ? (author ?? a.author ?? undefined) : undefined,
    };
  };
  const oped = 'The Inevitable Need for an Open Model Consortium';
  const essay = 'Import AI: the case for pooling compute behind open models';

  const placed = (withAuthor: boolean, author?: string) => {
    const c = new OnlineClusterer();
    const first = c.add(doc(oped, withAuthor, author));
    const second = c.add(doc(essay, withAuthor));
    return c.resolve(first.event) === c.resolve(second.event);
  };

  it('together when the op-ed carries its by-line', () => assert.equal(placed(true), true));
  it('apart without by-lines: the headlines share too little', () => assert.equal(placed(false), false));
  it('apart when the op-ed is by someone the essay does not name', () =>
    assert.equal(placed(true, 'Marta Kowalski'), false));

  it('an author naming themselves is no reaction to their own earlier post', () => {
    const c = new OnlineClusterer();
    const first = c.add(doc(oped, true));
    const second = c.add({ ...doc(essay, true), author: 'Nathan Lambert' });
    assert.notEqual(c.resolve(first.event), c.resolve(second.event));
  });
});
