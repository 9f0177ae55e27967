import { TAXONOMY } from '../taxonomy.js';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../config.js';
import { openDb } from '../../store/db.js';
import { startServer } from '../../../test/helpers.js';
import { pullJson } from './answer.js';
import { createLlmExtractor, llmFromConfig } from './extractor.js';
import { locateVerbatim } from './verbatim.js';

/**
 * One suite, run against both providers: a loopback server that speaks the provider's
 * protocol and answers from a script of replies we wrote (good, fenced, malformed,
 * hallucinated quotes, 429 with Retry-After, too slow).
 */
const ARTICLE =
  `Anthropic said on Monday that it would open a research lab in Tokyo, its first in Asia.

“We want to be close to the researchers and customers we work with in Japan,” said Dario Amodei, ` +
  `the company's chief executive. The lab will hire 50 researchers in its first year.

Analysts said the move puts pressure on rivals. "Tokyo has become a place where the big labs ` +
  `compete for talent," said Kenji Sato, an analyst at Example Securities.`;

const GOOD = {
  summary: 'Anthropic will open a research lab in Tokyo, its first in Asia, hiring 50 researchers in the first year.',
  keyphrases: ['Tokyo lab', 'Anthropic', 'researchers'],
  topics: ['ai-business', 'AI Research'],
  claims: [
    {
      text: 'Anthropic will open a research lab in Tokyo.',
      evidence: 'Anthropic said on Monday that it would open a research lab in Tokyo, its first in Asia.',
    },
    {
      text: 'The Tokyo lab will hire 50 researchers in its first year.',
      evidence: 'the lab will hire fifty researchers',
    },
  ],
  quotes: [
    // Curly quotes in the article, straight in the answer, and a line break: still verbatim after normalisation.
    { text: 'We want to be close to the researchers and customers we work with in Japan,', speaker: 'Dario Amodei' },
    { text: 'Tokyo has become a place where the big labs compete for talent,', speaker: 'Kenji Sato' },
    // Never said.
    { text: 'We will beat every rival in Asia within a year.', speaker: 'Dario Amodei' },
  ],
  entities: [
    { name: 'Anthropic', type: 'organization' },
    { name: 'Dario Amodei', type: 'person' },
    { name: 'Tokyo', type: 'place' },
    { name: 'Anthropic', type: 'organization' },
  ],
  kind: 'news',
};

type Reply = { status?: number; headers?: Record<string, string>; content?: string; delayMs?: number; raw?: string };

function providerSuite(provider: 'openai' | 'anthropic') {
  describe(`LLM extraction over ${provider === 'openai' ? 'OpenAI-compatible Chat Completions' : 'Anthropic Messages'}`, () => {
    let script: Reply[] = [];
    const requests: { path: string; headers: IncomingMessage['headers']; body: Record<string, unknown> }[] = [];
    let server: Awaited<ReturnType<typeof startServer>>;

    before(async () => {
      server = await startServer((req: IncomingMessage, res: ServerResponse) => {
        let data = '';
        req.on('data', (c) => (data += c));
        req.on('end', () => {
          requests.push({
            path: req.url ?? '',
            headers: req.headers,
            body: JSON.parse(data) as Record<string, unknown>,
          });
          const r = script.shift() ?? { status: 500, content: 'script exhausted' };
          const send = () => {
            if (res.destroyed) return;
            if (r.status && r.status !== 200) {
              res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers });
              res.end(JSON.stringify({ error: { message: r.content ?? 'error' } }));
              return;
            }
            const content = r.content ?? '';
            const envelope =
              provider === 'openai'
                ? {
                    id: 'x',
                    model: 'test-model',
                    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
                    usage: { prompt_tokens: 120, completion_tokens: 80 },
                  }
                : {
                    id: 'x',
                    type: 'message',
                    model: 'test-model',
                    role: 'assistant',
                    content: [{ type: 'text', text: content }],
                    usage: { input_tokens: 120, output_tokens: 80 },
                  };
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(r.raw ?? JSON.stringify(envelope));
          };
          if (r.delayMs) setTimeout(send, r.delayMs);
          else send();
        });
      });
    });
    after(() => server.close());

    const setup = (over: Record<string, string> = {}) => {
      script = [];
      requests.length = 0;
      const config = loadConfig(
        {
          ALMANAC_LLM_URL: provider === 'openai' ? `${server.url}v1` : server.url,
          ALMANAC_LLM_MODEL: 'test-model',
          ALMANAC_LLM_API_KEY: 'sk-test',
          ALMANAC_LLM_PROVIDER: provider,
          ALMANAC_LLM_TIMEOUT_MS: '1000',
          ALMANAC_LLM_MAX_RETRIES: '2',
          ...over,
        },
        { db: ':memory:' },
      );
      const db = openDb(':memory:', { seed: TAXONOMY });
      const extract = createLlmExtractor(llmFromConfig(config, { backoffMs: 5 })!, db);
      return { extract, db };
    };
    const article = { id: 'a', title: 'Anthropic opens a Tokyo lab', text: ARTICLE };

    it('validates the answer, keeps quotes that are verbatim spans with offsets and drops the invented one', async () => {
      const { extract } = setup();
      script.push({ content: JSON.stringify(GOOD) });
      const r = await extract(article, 'hash-1');
      assert.equal(r.meta.extractor, 'llm');
      assert.equal(r.meta.quotesDropped, 1);
      assert.equal(r.meta.tokensIn, 120);
      assert.equal(r.meta.tokensOut, 80);
      assert.equal(r.extraction.quotes.length, 2);
      for (const q of r.extraction.quotes) assert.equal(ARTICLE.slice(q.start, q.end), q.text);
      assert.equal(r.extraction.quotes[0]!.speaker, 'Dario Amodei');
      assert.deepEqual(r.extraction.topics, ['ai-business', 'ai-research']);
      assert.equal(r.extraction.entities.length, 3, 'duplicates removed');
      // Claims point at their supporting sentence, even when the evidence was not copied exactly.
      for (const c of r.extraction.claims)
        assert.ok(c.start !== undefined && ARTICLE.slice(c.start, c.end!).length > 20, c.text);
      // The request speaks the provider's protocol.
      const req = requests[0]!;
      if (provider === 'openai') {
        assert.equal(req.path, '/v1/chat/completions');
        assert.equal(req.headers.authorization, 'Bearer sk-test');
        assert.deepEqual(
          (req.body['messages'] as { role: string }[]).map((m) => m.role),
          ['system', 'user'],
        );
        assert.equal((req.body['response_format'] as { type: string }).type, 'json_schema');
      } else {
        assert.equal(req.path, '/v1/messages');
        assert.equal(req.headers['x-api-key'], 'sk-test');
        assert.equal(req.headers['anthropic-version'], '2023-06-01');
        assert.equal(typeof req.body['system'], 'string');
        assert.equal(typeof req.body['max_tokens'], 'number');
      }
    });

    it('pulls the JSON out of fences and stray prose', async () => {
      const { extract } = setup();
      script.push({
        content: `Sure! Here is the extraction:\n\`\`\`json\n${JSON.stringify(GOOD)}\n\`\`\`\nLet me know if you need more.`,
      });
      const r = await extract(article, 'hash-2');
      assert.equal(r.meta.extractor, 'llm');
      assert.equal(requests.length, 1);
    });

    it('asks once for a repair when the answer is malformed', async () => {
      const { extract } = setup();
      script.push({ content: '{"summary": "Anthropic opens a lab", "quotes": [' }, { content: JSON.stringify(GOOD) });
      const r = await extract(article, 'hash-3');
      assert.equal(r.meta.extractor, 'llm');
      assert.match(r.meta.note ?? '', /repaired/);
      assert.equal(requests.length, 2);
      assert.match(
        String((requests[1]!.body['messages'] as { content: string }[]).at(-1)!.content),
        /could not be used/,
      );
      assert.equal(r.meta.tokensIn, 240);
    });

    it('falls back to the local extractor, saying why, when the repair fails too', async () => {
      const { extract } = setup();
      script.push({ content: 'I cannot help with that.' }, { content: '{"summary": 42}' });
      const r = await extract(article, 'hash-4');
      assert.equal(r.meta.extractor, 'local');
      assert.match(r.meta.note ?? '', /fallback from test-model: answer invalid after one repair/);
      assert.ok(r.extraction.summary.length > 20);
      for (const q of r.extraction.quotes) assert.equal(ARTICLE.slice(q.start, q.end), q.text);
    });

    it('waits out a 429 with Retry-After and a 503, then succeeds', async () => {
      const { extract } = setup();
      script.push(
        { status: 429, headers: { 'retry-after': '0' }, content: 'slow down' },
        { status: 503, content: 'busy' },
        { content: JSON.stringify(GOOD) },
      );
      const r = await extract(article, 'hash-5');
      assert.equal(r.meta.extractor, 'llm');
      assert.equal(requests.length, 3);
    });

    it('falls back when the server is too slow, after its retries', async () => {
      const { extract } = setup({ ALMANAC_LLM_TIMEOUT_MS: '1000', ALMANAC_LLM_MAX_RETRIES: '0' });
      script.push({ delayMs: 1500, content: JSON.stringify(GOOD) });
      const r = await extract(article, 'hash-6');
      assert.equal(r.meta.extractor, 'local');
      assert.match(r.meta.note ?? '', /no answer within 1000 ms/);
    });

    it('answers from the cache for the same content, prompt and model: re-processing costs nothing', async () => {
      const { extract } = setup();
      script.push({ content: JSON.stringify(GOOD) });
      const first = await extract(article, 'hash-7');
      const second = await extract(article, 'hash-7');
      assert.equal(requests.length, 1);
      assert.equal(second.meta.note, 'from cache');
      assert.equal(second.meta.tokensIn ?? 0, 0);
      assert.deepEqual(second.extraction, first.extraction);
    });

    if (provider === 'openai') {
      it('asks again in JSON mode when the server does not support JSON-schema output', async () => {
        const { extract } = setup();
        script.push(
          { status: 400, content: "response_format 'json_schema' is not supported by this model" },
          { content: JSON.stringify(GOOD) },
        );
        const r = await extract(article, 'hash-8');
        assert.equal(r.meta.extractor, 'llm');
        assert.equal((requests[1]!.body['response_format'] as { type: string }).type, 'json_object');
      });
    }
  });
}

providerSuite('openai');
providerSuite('anthropic');

describe('verbatim quotes', () => {
  it('find a quote across quote-mark and whitespace differences and map it back to the original', () => {
    const text = 'He said: “It is  ready,\n and it’s fast.” Then left.';
    const at = locateVerbatim(text, '"It is ready, and it\'s fast."')!;
    assert.equal(text.slice(at.start, at.end), 'It is  ready,\n and it’s fast.');
    assert.equal(locateVerbatim(text, 'It is ready and slow'), undefined);
  });

  it('pull the first balanced object even with braces inside strings', () => {
    assert.equal(pullJson('noise {"a": "}{", "b": {"c": 1}} trailing'), '{"a": "}{", "b": {"c": 1}}');
    assert.equal(pullJson('no json here'), undefined);
  });
});
