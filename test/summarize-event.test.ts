import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { checkSynthesis } from '../src/events/synthesis.js';
import { scoreFile } from '../eval/event-summary-metrics.js';
import { startServer } from './helpers.js';

const root = join(import.meta.dirname, '..');

/** The CLI as a child process (asynchronously, so that a loopback server in this process can answer it). */
function almanac(
  args: string[],
  input: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}

const GPT = {
  id: 'gpt-5.5',
  articles: [
    {
      title: 'OpenAI ships GPT-5.5 as the model race accelerates',
      source: 'The Tech Ledger',
      published: '2026-05-01T10:00:00Z',
      text:
        'OpenAI released GPT-5.5 on Tuesday, its most capable model for professional work, as ' +
        'rivals prepare their own launches. The company said the model is better at coding and at ' +
        'long documents.',
    },
    {
      title: 'Introducing GPT-5.5',
      source: 'OpenAI Blog',
      published: '2026-05-01T09:00:00Z',
      text:
        'Today we are releasing GPT-5.5, our most capable model for professional work. ' +
        'It is better at coding, at long documents and at using tools. ' +
        'Outside testers evaluated it before release.',
    },
    {
      title: 'GPT-5.5 and the shrinking value of a model launch',
      source: 'The Batch',
      published: '2026-05-02T09:00:00Z',
      text:
        'Dear friends, another frontier model arrived this week. ' +
        'What differentiates the labs is less the model than what businesses build on it, and that ' +
        'is good news for builders.',
    },
  ],
};

describe('almanac summarize-event', () => {
  it("gives the origin's title and its own summary, attributed, and skips bad lines with their number and reason", async () => {
    const input = [
      JSON.stringify(GPT),
      'not json',
      JSON.stringify({ id: 'empty', articles: [] }),
      JSON.stringify({ id: 'no-text', articles: [{ title: 'x' }] }),
    ].join('\n');
    const r = await almanac(['summarize-event', '--input', '-'], input);
    assert.equal(r.code, 0, r.err);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; title: string; summary: string });
    assert.deepEqual(
      lines.map((l) => Object.keys(l)),
      [['id', 'title', 'summary']],
    );
    assert.equal(lines[0]!.title, 'Introducing GPT-5.5');
    assert.match(lines[0]!.summary, /^OpenAI: Today we are releasing/);
    assert.doesNotMatch(lines[0]!.summary, /Dear friends|rivals prepare/, 'nothing of the other members');
    assert.match(r.err, /line 2: not JSON/);
    assert.match(r.err, /line 3: articles: an event needs one article at least/);
    assert.match(r.err, /line 4: articles\.0\.text/);
  });

  it('refuses --llm without a model configured, and an input with no valid line', async () => {
    const r = await almanac(['summarize-event', '--llm', '--input', '-'], JSON.stringify(GPT), {
      ALMANAC_LLM_URL: '',
      ALMANAC_LLM_MODEL: '',
    });
    assert.equal(r.code, 2);
    assert.match(r.err, /no LLM configured/);
    const none = await almanac(['summarize-event', '--input', '-'], 'nothing here');
    assert.equal(none.code, 2);
    assert.match(none.err, /no valid lines/);
  });

  describe('with --llm, against a loopback server speaking the OpenAI protocol', () => {
    let replies: string[] = [];
    const asked: Array<{ messages: Array<{ role: string; content: string }> }> = [];
    let server: Awaited<ReturnType<typeof startServer>>;
    before(async () => {
      server = await startServer((req: IncomingMessage, res: ServerResponse) => {
        let data = '';
        req.on('data', (c) => (data += c));
        req.on('end', () => {
          asked.push(JSON.parse(data));
          const content = replies.shift() ?? '';
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              id: 'x',
              model: 'test-model',
              choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
              usage: { prompt_tokens: 10, completion_tokens: 10 },
            }),
          );
        });
      });
    });
    after(() => server.close());
    const env = () => ({
      ALMANAC_LLM_URL: `${server.url}v1`,
      ALMANAC_LLM_MODEL: 'test-model',
      ALMANAC_LLM_PROVIDER: 'openai',
      ALMANAC_LLM_MAX_RETRIES: '0',
    });

    it("keeps the model's third-person sentences its cited articles hold, drops the others, and says why", async () => {
      replies = [
        JSON.stringify({
          sentences: [
            {
              text: 'OpenAI released GPT-5.5, its most capable model for professional work, on Tuesday.',
              from: [1, 2],
            },
            { text: 'We are releasing the model to every customer.', from: [2] },
            { text: 'The model cost four billion dollars to train on Martian hardware.', from: [1] },
            {
              text: 'The Batch says what differentiates the labs is less the model than what businesses build on it.',
              from: [3],
            },
            // A name the article never gives.
            { text: 'Andrew Ng argues that what businesses build on a model matters more than the model.', from: [3] },
          ],
        }),
      ];
      const r = await almanac(['summarize-event', '--llm', '--input', '-'], JSON.stringify(GPT), env());
      assert.equal(r.code, 0, r.err);
      const line = JSON.parse(r.out) as { id: string; title: string; summary: string };
      assert.equal(line.title, 'Introducing GPT-5.5');
      assert.equal(
        line.summary,
        'OpenAI released GPT-5.5, its most capable model for professional work, on Tuesday. ' +
          'The Batch says what differentiates the labs is less the model than what businesses build on it.',
      );
      assert.match(r.err, /first person: We are releasing/);
      assert.match(r.err, /not in the articles it cites: The model cost four billion/);
      assert.match(r.err, /not in the articles it cites: Andrew Ng argues/);
      // The model was shown every member, numbered, with its source.
      const user = asked.at(-1)!.messages.find((m) => m.role === 'user')!.content;
      for (const s of ['[1] The Tech Ledger:', '[2] OpenAI Blog:', '[3] The Batch:']) assert.ok(user.includes(s), s);
    });

    it("falls back to the primary article's summary when no sentence can be traced or the answer is not JSON", async () => {
      replies = ['I cannot help with that.'];
      const r = await almanac(['summarize-event', '--llm', '--input', '-'], JSON.stringify(GPT), env());
      assert.equal(r.code, 0, r.err);
      assert.match((JSON.parse(r.out) as { summary: string }).summary, /^OpenAI: Today we are releasing/);
      assert.match(r.err, /no synthesis \(the answer did not validate\)/);
    });
  });
});

describe('checking a synthesis', () => {
  it('drops a sentence that cites no article given', () => {
    const members = [{ title: 'Japan passes AI law', text: 'Japan passed its first AI law on Friday.' }];
    const c = checkSynthesis(
      [
        { text: 'Japan passed its first AI law on Friday.', from: [1] },
        { text: 'Japan passed its first AI law on Friday.', from: [4] },
      ],
      members,
    );
    assert.equal(c.summary, 'Japan passed its first AI law on Friday.');
    assert.deepEqual(c.dropped, ['cites no article given: Japan passed its first AI law on Friday.']);
  });
});

describe('the summarize-event evaluation', () => {
  it("scores the command's summary and the earliest lead against each reference, and skips a line without one", async () => {
    // A fixture of the format (not data: the reference is the origin's own words, so ours must score 1).
    const dir = mkdtempSync(join(tmpdir(), 'almanac-multidoc-'));
    try {
      const file = join(dir, 'fixture.jsonl');
      const origin =
        'Japan passed its first law on artificial intelligence on Friday, setting up a government headquarters.';
      const event = {
        id: 'j',
        articles: [
          {
            title: 'What to expect from the Japanese AI law vote',
            text: 'Lawmakers in Tokyo are expected to vote on a bill this week. Observers expect it to pass.',
            published: '2026-05-01T00:00:00Z',
            source: 'Wire',
          },
          {
            title: 'Japan passes its first AI law',
            text: origin,
            published: '2026-05-03T00:00:00Z',
            source: 'Policy Wire',
          },
        ],
      };
      writeFileSync(file, [JSON.stringify({ ...event, reference: origin }), JSON.stringify(event)].join('\n'));
      const s = await scoreFile(file);
      assert.equal(s.events, 1);
      assert.equal(s.skipped.length, 1);
      assert.match(s.skipped[0]!, /line 2: reference/);
      assert.equal(s.ours.r1, 1);
      assert.ok(s.lead.r1 < 0.5, String(s.lead.r1));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
