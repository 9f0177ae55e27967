import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainSentenceTexts } from '../../analyze/plain-sentences.js';
import { sentenceNorm } from '../../ingest/boilerplate/sentences.js';
import { unrepeatedSummaries } from './unrepeated.js';

describe('unrepeatedSummaries: each sentence read once on an event page', () => {
  const review = {
    title: 'I tried the new Harbor browser and still do not know what it is for',
    summary: 'Lumen released a web browser called Harbor last week. It has an assistant built in.',
  };
  const digest = {
    title: 'What to make of the Harbor browser, and how to cut data centre power',
    // A digest opens with the headline of the story it leads with, then that story's first sentence.
    summary:
      'I tried the new Harbor browser and still do not know what it is for. ' +
      'Lumen released a web browser called Harbor last week. Data centres used more power in May.',
  };

  it("keeps what a digest adds and drops its lead story's headline and sentence", () => {
    assert.deepEqual(unrepeatedSummaries(review.summary, [review, digest]), [
      '',
      'Data centres used more power in May.',
    ]);
  });

  it('shows nothing for a member that adds nothing, and the whole of one that repeats nothing', () => {
    const other = { title: 'Lumen ships Harbor', summary: 'Harbor reached a million users on Friday.' };
    assert.deepEqual(unrepeatedSummaries('Lumen: We built Harbor for reading.', [{ ...other }, review]), [
      'Harbor reached a million users on Friday.',
      review.summary,
    ]);
    assert.deepEqual(
      unrepeatedSummaries('Lumen: We built Harbor for reading.', [
        { title: 'Harbor', summary: 'We built Harbor for reading.' },
      ]),
      [''],
      "the event's attributed summary is its member's words",
    );
  });

  it('takes a member without a summary as it is', () => {
    assert.deepEqual(unrepeatedSummaries('', [{ title: 'A', summary: null }]), ['']);
  });

  it("folds a summary as its sentences' folds joined, which it relies on", () => {
    for (const text of [
      'OpenAI released GPT-5.5 on Monday. It costs $20/mo. in the U.S. and “more” elsewhere…  Nvidia’s H200 ships.',
      'Zürich-based lab: 3.5× faster!? Yes — “Réponse” (à Paris)…\n\nNew paragraph, Mr. Smith v. Jones No. 3.',
    ])
      assert.equal(plainSentenceTexts(text).map(sentenceNorm).filter(Boolean).join(' '), sentenceNorm(text));
  });
});
