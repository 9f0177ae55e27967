import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FEATURE_NAMES, keyphraseCandidates, keyphraseFeatures } from './keyphrase-candidates.js';
import { KEYPHRASE_MODEL } from './keyphrase-model.js';
import { extractKeyphrases, rankNounPhrases, scoreFeatures } from './keyphrases.js';
import { analyzeText } from './nlp.js';

const TITLE = 'Commerce Department restricts exports of frontier AI chips';
const BODY = `The Commerce Department restricted exports of frontier AI chips to several countries on Tuesday.
Officials said the export controls cover advanced accelerators. Chip makers warned the export controls would hurt sales abroad.
Nvidia said it would comply with the rules. Analysts expect the frontier AI chips rule to be challenged in court.`;

describe('keyphrase candidates', () => {
  const set = keyphraseCandidates(analyzeText(TITLE), analyzeText(BODY));
  const byText = new Map(set.candidates.map((c) => [c.text.toLowerCase(), c]));

  it('takes noun phrases, the words inside them and content verbs, each once by stem', () => {
    assert.ok(byText.has('export controls'), [...byText.keys()].join(', '));
    assert.ok(byText.has('controls'));
    assert.ok(
      [...byText.keys()].some((k) => k.startsWith('restrict')),
      'a content verb is a candidate',
    );
    assert.equal(new Set(set.candidates.map((c) => c.key)).size, set.candidates.length);
  });

  it('counts occurrences, sentences, title use and the longer phrases that contain a word', () => {
    const controls = byText.get('export controls')!;
    assert.equal(controls.count, 2);
    assert.equal(controls.sentences, 2);
    assert.equal(controls.inTitle, false);
    assert.ok(byText.get('controls')!.containedIn >= 1);
    assert.ok(set.candidates.some((c) => c.inTitle && /exports/i.test(c.text)));
  });

  it('gives one value per named feature', () => {
    for (const c of set.candidates) assert.equal(keyphraseFeatures(c, set).length, FEATURE_NAMES.length);
  });
});

describe('keyphrase ranking', () => {
  it('uses a model whose shape matches the features', () => {
    assert.deepEqual([...KEYPHRASE_MODEL.features], [...FEATURE_NAMES]);
    for (const v of [KEYPHRASE_MODEL.mean, KEYPHRASE_MODEL.scale, KEYPHRASE_MODEL.weights])
      assert.equal(v.length, FEATURE_NAMES.length);
    assert.ok(KEYPHRASE_MODEL.scale.every((s) => s > 0));
  });

  it('is deterministic, ranked, and puts what the story is about near the top', () => {
    const a = extractKeyphrases(analyzeText(TITLE), analyzeText(BODY), 10);
    const b = extractKeyphrases(analyzeText(TITLE), analyzeText(BODY), 10);
    assert.deepEqual(a, b);
    for (let i = 1; i < a.length; i++) assert.ok(a[i - 1]!.score >= a[i]!.score);
    assert.ok(
      a.slice(0, 6).some((k) => /export|chip/i.test(k.text)),
      a.map((k) => k.text).join(' | '),
    );
    assert.ok(a.every((k) => k.score > 0 && k.score < 1));
  });

  it('a weight moves the ranking: the model is what ranks', () => {
    const set = keyphraseCandidates(analyzeText(TITLE), analyzeText(BODY));
    const j = FEATURE_NAMES.indexOf('pos VERB');
    const verbsFirst = { ...KEYPHRASE_MODEL, weights: KEYPHRASE_MODEL.weights.map((w, k) => (k === j ? 50 : w)) };
    const top = set.candidates
      .map((c) => ({ c, s: scoreFeatures(keyphraseFeatures(c, set), verbsFirst) }))
      .sort((x, y) => y.s - x.s)[0]!;
    assert.equal(top.c.pos, 'VERB');
  });

  it('ranks noun phrases separately for naming topics', () => {
    const phrases = rankNounPhrases(keyphraseCandidates(analyzeText(TITLE), analyzeText(BODY)), 8);
    assert.ok(phrases.some((p) => p.text.includes(' ')));
    assert.ok(phrases.every((p) => p.score > 0));
  });
});

describe('keyphrases on public data (npm run eval:extract prints the full table)', () => {
  const file = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'nlp', 'keyphrase-news-dev.jsonl');
  it('a model trained on other stories ranks held-out stories above the first-words baseline', async (t) => {
    if (!existsSync(file)) return t.skip(`${file} absent (public data sets live in ../shared/data)`);
    const { examplesOf, trainKeyphraseModel, rankWith } = await import('../../eval/keyphrase-training.js');
    const { f1AtK } = await import('../../eval/keyphrase-metrics.js');
    const { isContentWord, normalizeWord, words } = await import('./text/terms.js');
    const docs = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; title: string; text: string; keyphrases: string[] });
    // A quick split (train on 100 stories, test on 60 others) keeps the test short; eval:extract cross-validates on all 250.
    const train = docs
      .filter((_, i) => i % 5 !== 0)
      .slice(0, 100)
      .map(examplesOf);
    const test = docs.filter((_, i) => i % 5 === 0).slice(0, 60);
    const model = trainKeyphraseModel(train, { epochs: 400, rate: 1, l2: 1e-3 });
    const ours = f1AtK(
      test.map((d) => rankWith(examplesOf(d), model, scoreFeatures)),
      test.map((d) => d.keyphrases),
      10,
    ).f1;
    const first = f1AtK(
      test.map((d) => [...new Set(words(d.text).map(normalizeWord).filter(isContentWord))].slice(0, 10)),
      test.map((d) => d.keyphrases),
      10,
    ).f1;
    assert.ok(ours > first + 0.02, `held-out F1@10 ${ours.toFixed(3)} vs first words ${first.toFixed(3)}`);
  });
});
