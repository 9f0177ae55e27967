import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLlmExtractor, llmFromConfig } from '../src/analyze/llm/extractor.js';
import { loadConfig } from '../src/config.js';
import { processPending } from '../src/pipeline/process.js';
import { analyzeStage, clusterStage, STAGE_NAMES } from '../src/pipeline/stages.js';
import { listEvents } from '../src/store/events.js';
import { upsertArticle } from '../src/store/articles.js';
import { extractionStats, getExtraction } from '../src/store/extractions.js';
import { upsertSource } from '../src/store/sources.js';
import { startServer, testDeps } from './helpers.js';

describe('the pipeline with an LLM configured', () => {
  it('extracts with the model, counts its tokens, and falls back per article when it fails', async () => {
    let calls = 0;
    const server = await startServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        calls++;
        const user = (JSON.parse(body) as { messages: { content: string }[] }).messages[1]!.content;
        if (user.includes('BROKEN')) {
          res.writeHead(500).end('{"error":"boom"}');
          return;
        }
        const answer = {
          summary: 'A lab opened an office.',
          keyphrases: ['office'],
          topics: ['ai-business'],
          claims: [],
          quotes: [{ text: 'We are opening an office in Lisbon today', speaker: 'Ana Lima' }],
          entities: [{ name: 'Lisbon', type: 'place' }],
          kind: 'announcement',
        };
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            choices: [{ message: { content: JSON.stringify(answer) } }],
            usage: { prompt_tokens: 300, completion_tokens: 50 },
          }),
        );
      });
    });
    try {
      const deps = testDeps();
      const config = loadConfig(
        { ALMANAC_LLM_URL: `${server.url}v1`, ALMANAC_LLM_MODEL: 'tiny', ALMANAC_LLM_MAX_RETRIES: '1' },
        { db: ':memory:' },
      );
      deps.extractor = createLlmExtractor(llmFromConfig(config, { backoffMs: 1 })!, deps.db);
      await upsertSource(
        deps.db,
        { id: 'lab', name: 'Lab', feedUrl: 'https://lab.example/feed.xml' },
        deps.clock.now(),
      );
      const at = deps.clock.now().toISOString();
      const mk = (guid: string, text: string) =>
        upsertArticle(
          deps.db,
          {
            sourceId: 'lab',
            guid,
            url: null,
            canonicalUrl: null,
            title: guid,
            author: null,
            publishedAt: at,
            fetchedAt: at,
            html: '',
            text,
            lang: 'en',
            image: null,
            wordCount: text.split(' ').length,
            truncated: false,
          },
          STAGE_NAMES,
        );
      await mk(
        'good',
        '"We are opening an office in Lisbon today," said Ana Lima, who runs the lab. The office will hold twenty people.',
      );
      await mk('bad', 'BROKEN article text that the server cannot handle at all, long enough to analyse locally.');
      const [report] = await processPending(deps, { stages: [analyzeStage] });
      assert.deepEqual(report, { stage: 'analyze', done: 2, failed: 0 });
      const good = (await getExtraction(deps.db, 1))!;
      assert.equal(good.extractor, 'llm');
      assert.equal(good.model, 'tiny');
      assert.equal(good.quotes[0]!.speaker, 'Ana Lima');
      const bad = (await getExtraction(deps.db, 2))!;
      assert.equal(bad.extractor, 'local');
      assert.match(bad.note!, /fallback from tiny: HTTP 500/);
      const stats = new Map((await extractionStats(deps.db)).map((s) => [s.extractor, s]));
      assert.equal(stats.get('llm')!.tokensIn, 300);
      assert.equal(stats.get('local')!.fallbacks, 1);
      assert.equal(calls, 3, 'one call for the good article, two (one retry) for the broken one');
    } finally {
      await server.close();
    }
  });
});

describe('event reviews by the model', () => {
  it(
    'apply a synthesised summary (its traceable third-person sentences) and a bounded adjustment ' +
      'with its reason, re-reviewing only when the event doubles',
    async () => {
      const reviews: string[] = [];
      let delta: unknown = 1;
      const server = await startServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          const msgs = (JSON.parse(body) as { messages: { content: string }[] }).messages;
          let answer: unknown;
          if (msgs[0]!.content.includes('You review one event')) {
            reviews.push(msgs[1]!.content);
            // The first sentence is what the articles say; the second speaks for someone, the third says more than they do.
            answer = {
              summary:
                'Three outlets report that the Lisbon lab opened, with twenty staff at first. ' +
                'We think it will double soon. The office cost ten million euros to build.',
              adjustment: delta,
              reason: 'A regional office, less than the factors suggest.',
            };
          } else {
            answer = {
              summary: 'A lab opened an office in Lisbon.',
              keyphrases: ['Lisbon office'],
              topics: ['ai-business'],
              claims: [],
              quotes: [],
              entities: [{ name: 'Lisbon', type: 'place' }],
              kind: 'news',
            };
          }
          res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              choices: [{ message: { content: JSON.stringify(answer) } }],
              usage: { prompt_tokens: 10, completion_tokens: 5 },
            }),
          );
        });
      });
      try {
        const deps = testDeps();
        const config = loadConfig(
          { ALMANAC_LLM_URL: `${server.url}v1`, ALMANAC_LLM_MODEL: 'tiny' },
          { db: ':memory:' },
        );
        deps.llm = llmFromConfig(config, { backoffMs: 1 })!;
        deps.extractor = createLlmExtractor(deps.llm, deps.db);
        for (const id of ['a', 'b', 'c'])
          await upsertSource(
            deps.db,
            { id, name: `Source ${id}`, feedUrl: `https://${id}.example/feed.xml` },
            deps.clock.now(),
          );
        const add = async (source: string, hour: number) => {
          const at = new Date(Date.parse('2026-11-22T00:00:00Z') + hour * 3_600_000).toISOString();
          const text =
            `The lab opened its Lisbon office on Monday with twenty staff, its first in ` +
            `Portugal, and plans to double it next year (as reported by ${source}).`;
          await upsertArticle(
            deps.db,
            {
              sourceId: source,
              guid: `${source}-1`,
              url: null,
              canonicalUrl: null,
              title: 'AI lab opens Lisbon office with twenty staff',
              author: null,
              publishedAt: at,
              fetchedAt: at,
              html: '',
              text,
              lang: 'en',
              image: null,
              wordCount: 20,
              truncated: false,
            },
            STAGE_NAMES,
          );
        };
        await add('a', 0);
        await add('b', 1);
        await processPending(deps, { stages: [analyzeStage, clusterStage] });
        const [e] = await listEvents(deps.db, { limit: 5 });
        assert.equal(e!.articleCount, 2);
        assert.equal(reviews.length, 2, 'reviewed when new (1 member) and when doubled (2 members)');
        assert.equal(e!.summary, 'Three outlets report that the Lisbon lab opened, with twenty staff at first.');
        assert.deepEqual(e!.factors.llm, { delta: 1, reason: 'A regional office, less than the factors suggest.' });
        const computed = e!.factors.base + Object.values(e!.factors.factors).reduce((s, f) => s + f.points, 0);
        assert.equal(e!.significance, Math.max(1, Math.min(10, Math.round(computed) + 1)));
        // A third member does not double the event: no new review, the last one still applies.
        delta = 7; // out of bounds: would not validate if asked
        await add('c', 2);
        await processPending(deps, { stages: [analyzeStage, clusterStage] });
        assert.equal(reviews.length, 2);
        assert.equal((await listEvents(deps.db, { limit: 5 }))[0]!.factors.llm!.delta, 1);
      } finally {
        await server.close();
      }
    },
  );
});
