import { TAXONOMY } from '../../src/analyze/taxonomy.js';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import autocannon from 'autocannon';
import { loadCorpus } from '../../src/demo/corpus.js';
import { STAGE_NAMES } from '../../src/pipeline/stages.js';
import { integrityCheck, openDb } from '../../src/store/db.js';
import { freePort } from '../helpers.js';
import { Report } from './report.js';
import { one } from '../../src/store/sql/query.js';

/**
 * Readers and a writer on one SQLite store, as two processes: `almanac serve --no-scheduler`
 * answers 50 concurrent connections (autocannon) while `almanac demo --ingest-only` fetches
 * and processes the demo feeds into the same file, then re-clusters everything, twice over.
 * No error response, no SQLITE_BUSY, no lost write; peak memory of both processes measured.
 */
const MAIN = join(import.meta.dirname, '..', '..', 'src', 'main.ts');
const report = new Report('load', 'Load: 50 readers while the pipeline writes');

interface Run {
  child: ChildProcess;
  output: () => string;
  peakRssMb: () => number;
  exit: Promise<number | null>;
}

/** Starts `almanac <args>` and follows its peak resident memory (VmHWM) while it lives. */
function almanac(args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch {
      /* exited */
    }
  }, 50);
  const exit = new Promise<number | null>((r) =>
    child.on('exit', (code) => {
      clearInterval(timer);
      r(code);
    }),
  );
  return { child, output: () => out, peakRssMb: () => peak, exit };
}

async function waitFor(run: Run, pattern: RegExp, ms = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!pattern.test(run.output())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${pattern}; output: ${run.output().slice(-500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('load while the pipeline writes', () => {
  it('answers 50 connections without an error while fetch, process and re-clustering write to the same store', {
    timeout: 300_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'almanac-load-'));
    const db = join(dir, 'store.db');
    const corpus = loadCorpus();
    try {
      const [demoPort, webPort] = [await freePort(), await freePort()];
      // The writer: first ingest, then the whole store re-clustered twice (every event rewritten).
      const writerSteps = [
        ['demo', '--ingest-only', '--db', db, '--port', String(demoPort)],
        ['recluster', '--since', '2000-01-01', '--db', db],
        ['recluster', '--since', '2000-01-01', '--db', db],
      ];
      const first = almanac(writerSteps[0]!, { ALMANAC_HOST_DELAY_MS: '0' });
      await waitFor(first, /demo: \d+ articles in/);
      // The readers' server: no scheduler, no rate limit (one client address here; the limit has its own test).
      const reader = almanac(['serve', '--no-scheduler', '--db', db, '--port', String(webPort)], {
        ALMANAC_RATE_LIMIT: '0',
      });
      await waitFor(reader, /serving on/);
      const base = `http://127.0.0.1:${webPort}`;
      const paths = [
        '/',
        '/?min=5&sort=score',
        '/articles',
        '/topics',
        '/guides',
        '/sources',
        '/feed.atom',
        '/feed.json',
        '/api/events?limit=20',
        '/search?q=model',
        '/digest',
      ];
      let load!: autocannon.Instance;
      const done = new Promise<autocannon.Result>((resolve, reject) => {
        load = autocannon(
          {
            url: base,
            connections: 50,
            duration: 600,
            timeout: 30,
            requests: paths.map((path) => ({ method: 'GET' as const, path })),
          },
          (err, r) => (err ? reject(err) : resolve(r)),
        );
      });
      const reqErrors: string[] = [];
      load.on('reqError', (e: Error & { code?: string }) => reqErrors.push(e.code ?? e.message));

      const writerPeaks: number[] = [];
      const writerCodes: Array<number | null> = [first.exit ? await first.exit : null];
      writerPeaks.push(first.peakRssMb());
      const writerOut = [first.output()];
      for (const step of writerSteps.slice(1)) {
        const w = almanac(step, {});
        writerCodes.push(await w.exit);
        writerPeaks.push(w.peakRssMb());
        writerOut.push(w.output());
      }
      load.stop();
      const result = await done;
      reader.child.kill('SIGTERM');
      await reader.exit;

      const all = writerOut.join('\n') + reader.output();
      assert.deepEqual(writerCodes, [0, 0, 0], all.slice(-2000));
      assert.doesNotMatch(all, /SQLITE_BUSY|database is locked/i);
      assert.equal(result.errors, 0, `connection errors: ${[...new Set(reqErrors)].join(', ')}`);
      assert.equal(result.timeouts, 0, 'timeouts');
      assert.equal(result.non2xx, 0, 'error responses');
      assert.ok(result.requests.total > 500, `only ${result.requests.total} requests`);

      const store = openDb(db, { seed: TAXONOMY });
      try {
        assert.equal(await integrityCheck(store), 'ok');
        assert.equal(await one<unknown>(store, 'SELECT COUNT(*) FROM articles'), corpus.length);
        assert.equal(
          await one<unknown>(store, `SELECT COUNT(*) FROM article_stages WHERE status = 'done'`),
          corpus.length * STAGE_NAMES.length,
        );
        assert.equal(await one<unknown>(store, 'SELECT COUNT(*) FROM event_articles'), corpus.length);
      } finally {
        await store.close();
      }
      const secs = result.duration;
      report.add({
        case: `50 connections, ${paths.length} routes, for the writer's ${secs.toFixed(0)} s`,
        expected: 'no errors, no SQLITE_BUSY',
        observed:
          `${result.requests.total} requests (${Math.round(result.requests.average)}/s), ` +
          `${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ` +
          `${result.timeouts} timeouts; p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
        peakRssMb: reader.peakRssMb(),
      });
      report.add({
        case: 'writer: demo ingest, then re-cluster all ×2',
        expected: 'completes; nothing lost',
        observed:
          `exits ${writerCodes.join(', ')}; ${corpus.length} articles, all ` +
          `${corpus.length * STAGE_NAMES.length} stage runs done, each in one event; integrity ok`,
        peakRssMb: Math.max(...writerPeaks),
      });
      report.print([
        'peak RSS: the reader (serve) process and the largest of the writer processes, from /proc/<pid>/status VmHWM',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
