import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCorpus } from '../demo/corpus.js';
import { classifyKind } from './kind.js';
import { extractLocal } from './local.js';
import { analyzeText } from './nlp.js';
import { summarize } from './summary.js';
import { assignTopics } from './topics.js';
import { ExtractionSchema } from '../extraction-schema.js';

const ARTICLE =
  `OpenAI on Tuesday released GPT-6, a model it says is twice as fast as its ` +
  `predecessor. The company said the model would be available to paying customers first.

"This is the most capable model we have ever shipped, and we built it to be used safely," said Sam ` +
  `Altman, the company's chief executive. Analysts were less sure. ` +
  `"The benchmarks look strong, but independent testing will take weeks," said Priya Raman, an ` +
  `analyst at Example Research.

The European Commission said it would examine whether the release falls under the EU AI Act's rules ` +
  `for general-purpose models. Regulators in Brussels have asked providers of open-weight models ` +
  `and closed ones alike for documentation.`;

describe('local extractor', () => {
  const x = extractLocal({ id: '1', title: 'OpenAI releases GPT-6, twice as fast as before', text: ARTICLE });

  it('gives every field in the shared schema', () => {
    assert.doesNotThrow(() => ExtractionSchema.parse(x));
    assert.ok(x.summary.length > 40);
    assert.ok(x.keyphrases.length > 3 && x.keyphrases.length <= 20);
    // Seven sentences: three make the summary, two are speech (the quotes'), one is too short: one claim is left.
    assert.ok(x.claims.length >= 1);
  });

  it('keeps quotes verbatim, with exact offsets and their speakers', () => {
    assert.ok(x.quotes.length >= 2);
    for (const q of x.quotes) assert.equal(ARTICLE.slice(q.start, q.end), q.text);
    const altman = x.quotes.find((q) => q.text.startsWith('This is the most capable'));
    assert.equal(altman?.speaker, 'Sam Altman');
    assert.equal(x.quotes.find((q) => q.text.startsWith('The benchmarks'))?.speaker, 'Priya Raman');
  });

  it('finds the entities of the field with their types', () => {
    const byName = new Map(x.entities.map((e) => [e.name, e.type]));
    assert.equal(byName.get('OpenAI'), 'organization');
    assert.equal(byName.get('Sam Altman'), 'person');
    assert.equal(byName.get('EU AI Act'), 'law');
    assert.equal(byName.get('European Commission'), 'organization');
    assert.equal(byName.get('Brussels'), 'place');
    assert.equal(byName.get('Priya Raman'), 'person');
  });

  it('grows no topic from a name the article mentions: the name has its own entity guide', () => {
    const text =
      'Sam Altman spoke about the compute deal. Sam Altman said the compute deal would close. ' +
      'Sam Altman added that sovereign compute matters, and sovereign compute was the theme of sovereign compute week.';
    const phrases = [
      { text: 'Sam Altman', score: 2 },
      { text: 'sovereign compute', score: 1 },
    ];
    // Even without the entity names, a phrase only ever written in capitals is a name.
    assert.ok(!assignTopics('The deal', text, phrases).includes('sam-altman'));
    const topics = assignTopics('The deal', text, phrases, 5, ['Sam Altman']);
    assert.ok(!topics.includes('sam-altman'), topics.join(','));
    assert.ok(topics.includes('sovereign-compute'), topics.join(','));
  });

  it('maps the many names of a topic onto one slug', () => {
    for (const phrase of ['open-weight models', 'open weights', 'open-source AI']) {
      const text = `Labs keep releasing ${phrase}. Critics of ${phrase} and friends of ${phrase} argued all week.`;
      assert.ok(assignTopics('A week of argument', text, []).includes('open-source-ai'), phrase);
    }
    assert.ok(x.topics.includes('eu-ai-policy') || x.topics.includes('ai-regulation'), x.topics.join(','));
  });

  it('tells kinds apart from their cues', () => {
    assert.equal(
      classifyKind('Introducing Fable 6', 'Today we are releasing Fable 6, our most capable model. '.repeat(5)),
      'announcement',
    );
    assert.equal(
      classifyKind(
        'Cyclone tracks from learned ensembles',
        'We propose a method. The paper is on arxiv.org. '.repeat(5),
      ),
      'research',
    );
    assert.equal(
      classifyKind(
        'Banning open models would be a mistake',
        'I think we should not ban them. I believe it would be wrong and a mistake. My view is that we need openness. '.repeat(
          4,
        ),
      ),
      'op-ed',
    );
    assert.equal(x.kind, 'news');
  });

  it('takes a writer stating a position in their own voice for an op-ed, not one quoted by a report', () => {
    const views =
      'We want to be transparent about how we engage in policy. ' +
      'We support thoughtful regulation of AI, and we share our views with lawmakers. ' +
      'We also think the public deserves to know how companies try to influence policy. ' +
      'We will publish a summary of our lobbying.';
    assert.equal(classifyKind('Our views on AI policy', views), 'op-ed');
    const letter =
      'Dear friends, a study tested which messages most effectively turn people against AI. ' +
      'The study exists because opposition is run as a campaign. ' +
      'Real problems deserve real answers, not slogans tested for their punch, and the policy ' +
      'debate deserves better.';
    assert.equal(classifyKind('Anti-AI messaging harms policy', letter), 'op-ed');
    const report =
      'The company published a policy statement on Tuesday. ' +
      '"We support thoughtful regulation," its chief executive said. ' +
      '"We believe lawmakers should act," she added. ' +
      'Analysts said the statement was aimed at Congress, which is weighing several bills this ' +
      'year. The company did not say how much it spends on lobbying, and rivals have published ' +
      'similar statements in recent months.';
    assert.equal(classifyKind('Company sets out its policy views', report), 'news');
  });

  it('does not take a feed excerpt for an op-ed on a quotation, a first-person lede or "public opinion"', () => {
    // Shaped as the real stream's excerpts (../shared/data/streams): a founder's quotation alone,
    // a reader's question quoted, a lede in the first person, "opinion" in a news headline.
    assert.notEqual(
      classifyKind(
        'Lasercraft raises $50M',
        '"I think we are the only maker of this kind that runs its own GPU cluster."',
        '',
        'news',
      ),
      'op-ed',
    );
    assert.notEqual(
      classifyKind(
        'A social network adds a helper for creators',
        'Creators can now get quick answers to questions like "When should I post?" and "What do my followers want?" ' +
          'from a new assistant, the company said on Tuesday, rolling it out to every account in the US this week.',
        '',
        'news',
      ),
      'op-ed',
    );
    assert.notEqual(
      classifyKind(
        'Chatbots can be talked into crimes with verse',
        'It turns out my teachers were wrong: asking nicely does not get you what you want, rhyme does. ' +
          'That is according to a new study from a university lab in Rome, which tested 25 chatbots from nine ' +
          'companies and found that poems asking for harmful help got it far more often than the same requests in prose.',
        '',
        'news',
      ),
      'op-ed',
    );
    assert.notEqual(
      classifyKind(
        'A lab takes its lawsuit into the court of public opinion',
        'The company published the filings on its site on Monday, a week before the first hearing, and asked ' +
          'readers to judge the case for themselves; its rival called the move a stunt and declined to comment further.',
        '',
        'news',
      ),
      'op-ed',
    );
    // A column's first-person excerpt that argues is still one.
    assert.equal(
      classifyKind(
        'Stop counting your prompts',
        'I was at a dinner when a friend asked me whether I should feel guilty about using chatbots. My answer ' +
          'surprised her: the footprint of my prompts is tiny next to the grid we are building, and that is where ' +
          'the attention should go.',
        '',
        'news',
      ),
      'op-ed',
    );
  });

  it('is deterministic', () => {
    assert.deepEqual(
      extractLocal({ id: '1', title: 'OpenAI releases GPT-6, twice as fast as before', text: ARTICLE }),
      x,
    );
  });

  it('never opens a summary with a pronoun that points at a sentence it left out', () => {
    for (const a of loadCorpus()) {
      const s = summarize(analyzeText(a.paragraphs.join('\n\n')));
      assert.doesNotMatch(s, /^(He|She|It|They|This|That|These|Those|But|And)\b/, a.title);
    }
  });

  it("reads a short description's opening lines with the point they lead to", () => {
    // A feed's description in the shape outlets write them (our words).
    const lines =
      'Battery fires. Broken hinges. Screens that go dark. These are the faults a recall of smart speakers names.';
    assert.equal(summarize(analyzeText(lines)), lines);
    const question = 'Is the new watermark a step too far? Some users have taken to forums to say that it is.';
    assert.equal(summarize(analyzeText(question)), question);
    const lede =
      'At long last, the lab has released Orbit. The model routes each request to the right size of network.';
    assert.equal(summarize(analyzeText(lede)), lede);
    // A greeting or an exclamation opens nothing; a long article keeps the lead rule.
    assert.equal(
      summarize(
        analyzeText('Happy Friday. The lab has released a model that routes each request to the right network.'),
      ),
      'The lab has released a model that routes each request to the right network.',
    );
  });

  it('keeps every quote of the demo corpus verbatim', () => {
    for (const a of loadCorpus()) {
      const text = a.paragraphs.join('\n\n');
      const r = extractLocal({ id: a.slug, title: a.title, text });
      for (const q of r.quotes) assert.equal(text.slice(q.start, q.end), q.text);
      for (const c of r.claims)
        if (c.start !== undefined) assert.ok(text.slice(c.start, c.end).includes(c.text.slice(1, 20)));
    }
  });

  it('handles empty and odd input without throwing', () => {
    for (const text of ['', '   ', '"""', '“unclosed quote', 'a'.repeat(5000), '\u0000\u0001 broken ' + '\uD800']) {
      const r = extractLocal({ id: 'x', title: '', text });
      assert.doesNotThrow(() => ExtractionSchema.parse(r));
    }
  });
});

describe('local extractor on public data (floors; npm run eval:extract prints the full table)', () => {
  const dir = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'nlp');
  it('beats Lead-3 ROUGE-1 on the BBC dev half', async (t) => {
    if (!existsSync(dir)) return t.skip(`${dir} absent (public data sets live in ../shared/data)`);
    const { rouge, meanRouge } = await import('../../eval/rouge.js');
    const rows = readFileSync(join(dir, 'summary-news-dev.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .slice(0, 200)
      .map((l) => JSON.parse(l) as { title: string; text: string; summary: string });
    const ours = [];
    const lead = [];
    for (const r of rows) {
      const body = analyzeText(r.text.slice(r.title.length));
      ours.push(rouge(summarize(body, analyzeText(r.title)), r.summary));
      lead.push(
        rouge(
          body
            .slice(0, 3)
            .map((s) => s.text)
            .join(' '),
          r.summary,
        ),
      );
    }
    assert.ok(
      meanRouge(ours).r1 > meanRouge(lead).r1,
      `ours ${meanRouge(ours).r1.toFixed(3)} vs Lead-3 ${meanRouge(lead).r1.toFixed(3)}`,
    );
  });
});
