import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCorpus } from '../demo/corpus.js';
import { extractLocal } from './local.js';
import { analyzeText } from './nlp.js';
import { countRepeats } from './repeats.js';
import { bodyStart } from './title.js';
import type { ArticleInput } from './types.js';
import type { Extraction } from '../extraction-schema.js';

/** What a reader sees is the article's: every summary sentence, claim and quote is a span of the text. */
function assertVerbatim(text: string, x: Extraction, title = ''): void {
  const spans = x.summarySpans ?? [];
  assert.equal(spans.map((s) => text.slice(s.start, s.end)).join(' '), x.summary);
  const starts = new Set(analyzeText(text, bodyStart(title, text)).map((s) => s.start));
  for (const s of spans)
    assert.ok(starts.has(s.start), `summary sentence starts mid-sentence: ${text.slice(s.start, s.end)}`);
  for (const c of x.claims) {
    assert.equal(text.slice(c.start!, c.end!), c.text);
    assert.ok(starts.has(c.start!), `claim starts mid-sentence: ${c.text}`);
  }
  for (const q of x.quotes) assert.equal(text.slice(q.start, q.end), q.text);
}

const repeatsOf = (x: Extraction, text: string) =>
  countRepeats(
    (x.summarySpans ?? []).map((s) => ({ text: text.slice(s.start, s.end), ...s })),
    [...x.claims, ...x.quotes],
  );

const ARTICLE =
  `The U.S. Commerce Dept. said on Tuesday that the export rule for AI chips takes effect Jan. 15 for all buyers.

Officials at the Bureau of Industry and Security said the rule covers chips such as Nvidia's H20 ` +
  `and the B30A. Nvidia Corp. shares fell 3.2% to $182.50 in early trading after the announcement.

"We have worked with the administration for months on this, and we will comply," said Jensen Huang, ` +
  `the company's chief executive. Analysts were divided. ` +
  `"The rule is narrower than the market feared, and the licences will matter more than the list," ` +
  `Priya Raman, an analyst at Example Research, wrote in a note to clients.

Lisa Su, AMD's chief executive, spoke on Wednesday. "We expect the impact on our guidance for the quarter to be modest at worst," she said.

The rule follows a review of export controls ordered in March by the department's new leadership. ` +
  `Lawmakers from both parties have asked for a briefing on how the licences will be granted to ` +
  `buyers abroad.`;

describe('what a reader reads is the article’s own text', () => {
  it('keeps the summary and the claims as whole sentences of the text, with their offsets', () => {
    const x = extractLocal({ id: '1', title: 'Commerce sets date for AI chip rule', text: ARTICLE });
    assertVerbatim(ARTICLE, x);
    assert.ok(x.summary.startsWith('The U.S. Commerce Dept. said on Tuesday that the export rule'), x.summary);
    assert.ok(x.claims.length >= 1);
    for (const c of x.claims) assert.doesNotMatch(c.text, /^Said on Tuesday/);
  });

  it('keeps versions whole in the summary', () => {
    const text =
      'Today we are releasing GPT-5.5, our most capable model yet. ' +
      'It beats GPT-4.1 on every benchmark we track. ' +
      'DeepSeek-V3.2 and Kimi K2.5 trail it by a wide margin on coding tasks.';
    const x = extractLocal({ id: '1', title: 'GPT-5.5', text });
    assert.equal(x.summary, text);
    assertVerbatim(text, x);
  });

  it('gives quoted speech with its speaker, the words inside the marks only', () => {
    const x = extractLocal({ id: '1', title: 'Commerce sets date for AI chip rule', text: ARTICLE });
    const by = new Map(x.quotes.map((q) => [q.text, q.speaker]));
    assert.equal(
      by.get('We have worked with the administration for months on this, and we will comply'),
      'Jensen Huang',
    );
    assert.equal(
      by.get('The rule is narrower than the market feared, and the licences will matter more than the list'),
      'Priya Raman',
    );
    // "she said": the person named last.
    assert.equal(by.get('We expect the impact on our guidance for the quarter to be modest at worst'), 'Lisa Su');
    for (const q of x.quotes) assert.doesNotMatch(q.text, /\b(said|wrote)\b/);
  });

  it('points "he said" at the subject named close before, and leaves it out when no one is', () => {
    const text =
      `The film opens in London on Friday after a long delay caused by the war in the ` +
      `region. It was shot over eleven weeks in Cyprus last summer with a cast of forty. ` +
      `Its budget of four million pounds came from private investors in Britain and Greece. ` +
      `Director Michael Redwood, who wrote the script, paid tribute to Peter O’Toole at the ` +
      `premiere. He said: ‘Peter was certainly not the type to let illness decide over his career ` +
      `in the film.’ Redwood has directed four films since 2010.\n\nBritish actor Owen walked down ` +
      `the red carpet with the cast. "I was always a huge fan of Closer as a play, so I took the ` +
      `part," he said. Critics have praised the film's photography and its long final scene.`;
    const x = extractLocal({ id: '1', title: 'Premiere', text });
    assert.equal(x.quotes.length, 1, JSON.stringify(x.quotes));
    assert.equal(x.quotes[0]!.text.slice(0, 20), 'Peter was certainly ');
    assert.match(x.quotes[0]!.speaker!, /Michael Redwood$/);
  });

  it('does not give a quote the attribution that opens the next one', () => {
    const text =
      `The awards open in London on Friday after a long delay caused by the war in the ` +
      `region. It was shot over eleven weeks in Cyprus last summer with a cast of forty. ` +
      `Its budget of four million pounds came from private investors in Britain and Greece. ` +
      `Richard Gere arrived early at the awards in London on Sunday evening with friends. ` +
      `"It is the first time I have been nominated and it is a very special honour for me." Julia ` +
      `Roberts, who is presenting the best film award, said: "It is a big party, I had no idea it ` +
      `was going to be this big at all."`;
    const x = extractLocal({ id: '1', title: 'Awards', text });
    assert.deepEqual(
      x.quotes.map((q) => [q.text.slice(0, 12), q.speaker]),
      [['It is a big ', 'Julia Roberts']],
    );
  });

  it('reads single quote marks, and tells them from apostrophes', () => {
    const text =
      `Gary Locke will be confirmed as Kilmarnock’s manager on Friday, the club said ` +
      `after a meeting of its board. ‘I’d be over the moon to get it as it’s something I’ve worked ` +
      `hard towards,’ said Locke while talks went on. The club’s board meets again on Monday to ` +
      `agree the terms of his three-year deal.`;
    const x = extractLocal({ id: '1', title: 'Locke to be confirmed', text });
    assert.deepEqual(
      x.quotes.map((q) => [q.text, q.speaker]),
      [['I’d be over the moon to get it as it’s something I’ve worked hard towards', 'Gary Locke']],
    );
  });

  it('calls nothing a quote that no one said in quotation marks', () => {
    const text =
      'Actress Julia Louis-Dreyfus has revealed that she turned down a role in the film. ' +
      'The studio had offered her the part in 2019, according to people familiar with the talks. ' +
      'Filming begins next spring in London and runs for six months. ' +
      '"Nobody ever told us why the offer was refused in the end," someone posted online.';
    const x = extractLocal({ id: '1', title: 'Role turned down', text });
    assert.deepEqual(x.quotes, []);
  });

  it('attributes an opinion piece’s key quotes to its author', () => {
    const a = loadCorpus().find((x) => x.title === 'Banning Open Source AI Would Be A Mistake')!;
    const text = a.paragraphs.join('\n\n');
    const x = extractLocal({ id: a.slug, title: a.title, text, author: a.author ?? undefined });
    assert.equal(x.kind, 'op-ed');
    assert.ok(x.quotes.length >= 1);
    for (const q of x.quotes) assert.equal(q.speaker, 'Nathan Lambert');
    assertVerbatim(text, x);
  });

  it('reads the demo’s seed article without repeats, and every demo article verbatim and without repeats', () => {
    for (const a of loadCorpus()) {
      const text = a.paragraphs.join('\n\n');
      const x = extractLocal({ id: a.slug, title: a.title, text, author: a.author ?? undefined });
      assertVerbatim(text, x);
      assert.equal(
        repeatsOf(x, text),
        0,
        `${a.title}: ${JSON.stringify({ summary: x.summary, claims: x.claims, quotes: x.quotes })}`,
      );
    }
  });
});

describe('a title repeated at the top of the text', () => {
  const body =
    'OpenAI on Tuesday released GPT-6, a model it says is twice as fast as its predecessor. ' +
    'The company said the model would be available to paying customers first, with a free tier ' +
    'to follow in the spring.';
  const input = (text: string): ArticleInput => ({ id: '1', title: 'OpenAI releases GPT-6', text });

  it('is left out of the extraction', () => {
    const plain = extractLocal(input(body));
    for (const sep of ['\n\n', '\n', '. ', ' — ']) {
      const text = `OpenAI releases GPT-6${sep}${body}`;
      const x = extractLocal(input(text));
      assert.equal(x.summary, plain.summary, JSON.stringify(sep));
      assertVerbatim(text, x, 'OpenAI releases GPT-6');
    }
  });

  it('is told from a lead sentence that begins with the same words', () => {
    assert.equal(bodyStart('OpenAI releases GPT-6', 'OpenAI releases GPT-6 to all paying users on Tuesday.'), 0);
    assert.equal(bodyStart('OpenAI releases GPT-6', 'OpenAI releases GPT-6, its fastest model.'), 0);
    const bbc = 'Ericsson sees earnings improve\n\nTelecoms equipment supplier Ericsson has posted a rise.';
    assert.match(bbc.slice(bodyStart('Ericsson sees earnings improve', bbc)), /^\s*Telecoms/);
    assert.equal(bodyStart('A', 'A b c.'), 0);
  });
});
