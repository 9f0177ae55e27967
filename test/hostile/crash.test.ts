import { TAXONOMY } from '../../src/analyze/taxonomy.js';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { STAGE_NAMES } from '../../src/pipeline/stages.js';
import { loadCorpus } from '../../src/demo/corpus.js';
import { integrityCheck, openDb } from '../../src/store/db.js';
import { seeded } from '../../bench/harness.js';
import { freePort } from '../helpers.js';
import { Report } from './report.js';
import { column, one } from '../../src/store/sql/query.js';

const MAIN = join(import.meta.dirname, '..', '..', 'src', 'main.ts');
const report = new Report('crash', 'Crash safety: SIGKILL at random points of fetch and process, then resume');

/**
 * Runs `almanac demo --ingest-only` (no pause between requests to its one loopback host).
 * With `kill`, sends SIGKILL once the run has printed that many progress lines (fetch,
 * fulltext, analyze, cluster) and then `extraMs` more, so kills land inside the work, not
 * in start-up, however fast the machine is.
 */
function runDemo(
  db: string,
  port: number,
  kill?: { afterLines: number; extraMs: number },
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; lastLine: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'demo', '--ingest-only', '--db', db], {
      env: { ...process.env, PORT: String(port), ALMANAC_HOST_DELAY_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let lines = 0;
    let lastLine = 'start-up';
    let timer: NodeJS.Timeout | undefined;
    const onOutput = (d: Buffer) => {
      for (const l of d
        .toString()
        .split(/[\r\n]+/)
        .filter((x) => /^(demo: \d+ articles in|(fetch|fulltext|analyze|cluster) \d+\/\d+)/.test(x))) {
        lastLine = l.startsWith('demo:') ? 'the start of fetching' : l.trim();
        if (kill && ++lines === kill.afterLines) timer = setTimeout(() => child.kill('SIGKILL'), kill.extraMs);
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      onOutput(d);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, lastLine });
    });
  });
}

describe('crash and resume', () => {
  it('loses and duplicates nothing when killed with SIGKILL at random points, many times over', {
    timeout: 300_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'almanac-crash-'));
    const db = join(dir, 'store.db');
    const corpus = loadCorpus();
    const rnd = seeded(Number(process.env['CRASH_SEED'] ?? 2026));
    let killedMidRun = 0;
    // One port for every run, as `npm start` keeps 4321: the demo's article URLs name it.
    const port = await freePort();
    try {
      // Rounds from an empty store; in each, kills at random progress points (seeded: CRASH_SEED replays a failure).
      for (let round = 1; round <= 3; round++) {
        rmSync(db, { force: true });
        rmSync(`${db}-wal`, { force: true });
        rmSync(`${db}-shm`, { force: true });
        let seen = new Set<string>();
        for (let k = 0; k < 4; k++) {
          // Line 1 is "demo: … served", printed just before fetching starts: a kill up to 250 ms after it lands in fetch.
          // The first kill of each round always aims at the fetch.
          const afterLines = k === 0 ? 1 : 1 + Math.floor(rnd() * 14);
          const kill = { afterLines, extraMs: Math.floor(rnd() * (afterLines === 1 ? 250 : 40)) };
          const r = await runDemo(db, port, kill);
          if (r.signal === 'SIGKILL') killedMidRun++;
          const store = openDb(db, { seed: TAXONOMY });
          try {
            assert.equal(await integrityCheck(store), 'ok', `after a kill near "${r.lastLine}"`);
            const keys = await column<string>(store, `SELECT source_id || ' ' || guid FROM articles`);
            assert.equal(new Set(keys).size, keys.length, 'no article twice');
            for (const key of seen) assert.ok(keys.includes(key), `${key} was stored before a kill and is gone`);
            seen = new Set(keys);
            const done = await one<number>(store, `SELECT COUNT(*) FROM article_stages WHERE status = 'done'`);
            report.add({
              case: `round ${round}, kill ${k + 1}: after "${r.lastLine}" +${kill.extraMs} ms`,
              expected: 'intact; nothing lost or doubled',
              observed:
                `${r.signal === 'SIGKILL' ? 'killed' : `finished first (exit ${r.code})`}; ` +
                `${keys.length}/${corpus.length} articles, ${done}/` +
                `${corpus.length * STAGE_NAMES.length} stage runs done; integrity ok`,
            });
          } finally {
            await store.close();
          }
        }
      }
      assert.ok(killedMidRun >= 6, `only ${killedMidRun} runs were killed before finishing`);
      const final = await runDemo(db, port);
      assert.equal(final.code, 0, final.stderr);
      const store = openDb(db, { seed: TAXONOMY });
      try {
        assert.equal(await integrityCheck(store), 'ok');
        assert.equal(await one<unknown>(store, 'SELECT COUNT(*) FROM articles'), corpus.length);
        assert.equal(
          await one<unknown>(store, 'SELECT COUNT(DISTINCT source_id || guid) FROM articles'),
          corpus.length,
        );
        const notDone = await store.all(
          `SELECT article_id, stage, status, attempts, error FROM article_stages WHERE status != 'done'`,
        );
        assert.deepEqual(notDone, []);
        assert.equal(
          await one<unknown>(store, 'SELECT COUNT(*) FROM article_stages'),
          corpus.length * STAGE_NAMES.length,
        );
        // Every article in exactly one event; the clusterer counted each article once (its state moved with each assignment).
        assert.equal(await one<unknown>(store, 'SELECT COUNT(*) FROM event_articles'), corpus.length);
        assert.equal(
          await one<unknown>(store, `SELECT value FROM cluster_meta WHERE key = 'docs'`),
          String(corpus.length),
        );
        assert.equal(await one<unknown>(store, 'SELECT SUM(article_count) FROM events'), corpus.length);
        assert.equal(
          await one<unknown>(
            store,
            'SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_vectors v WHERE v.event_id = e.id)',
          ),
          0,
        );
        assert.equal(await one<unknown>(store, 'SELECT COUNT(*) FROM extractions'), corpus.length);
        assert.equal(await one<unknown>(store, 'SELECT COUNT(*) FROM raw_pages'), 0, 'pages are kept only when asked');
        report.add({
          case: 'resume after the kills',
          expected: 'every stage completes',
          observed: `${corpus.length} articles once each, all ${corpus.length * STAGE_NAMES.length} stage runs done, each article in one event; integrity ok`,
        });
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      report.print();
    }
  });
});
