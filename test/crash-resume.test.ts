import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { STAGE_NAMES } from '../src/pipeline/stages.js';
import { loadCorpus } from '../src/demo/corpus.js';
import { integrityCheck, openDb } from '../src/store/db.js';

const MAIN = join(import.meta.dirname, '..', 'src', 'main.ts');

/** Runs `almanac demo --ingest-only`; kills it with SIGKILL after killAfterMs when given. */
function runDemo(db: string, killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'demo', '--ingest-only', '--db', db], {
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

describe('crash and resume', () => {
  it('loses and duplicates nothing when killed with SIGKILL at random points', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'almanac-crash-'));
    const db = join(dir, 'store.db');
    try {
      // A deterministic spread of kill points across start-up, fetch and process.
      const points = [900, 1300, 1600, 1900, 2200, 2600, 3000];
      let killedMidRun = 0;
      for (const ms of points) {
        const r = await runDemo(db, ms);
        if (r.signal === 'SIGKILL') killedMidRun++;
      }
      assert.ok(killedMidRun >= 3, `only ${killedMidRun} runs were killed before finishing`);
      const final = await runDemo(db);
      assert.equal(final.code, 0, final.stderr);
      const store = openDb(db);
      try {
        assert.equal(integrityCheck(store), 'ok');
        const corpus = loadCorpus();
        assert.equal(store.prepare('SELECT COUNT(*) FROM articles').pluck().get(), corpus.length);
        assert.equal(store.prepare('SELECT COUNT(DISTINCT source_id || guid) FROM articles').pluck().get(), corpus.length);
        const notDone = store.prepare(`SELECT COUNT(*) FROM article_stages WHERE status != 'done'`).pluck().get();
        assert.equal(notDone, 0);
        assert.equal(store.prepare('SELECT COUNT(*) FROM article_stages').pluck().get(), corpus.length * STAGE_NAMES.length);
        // Every article in exactly one event; the clusterer counted each article once (its state moved with each assignment).
        assert.equal(store.prepare('SELECT COUNT(*) FROM event_articles').pluck().get(), corpus.length);
        assert.equal(store.prepare(`SELECT value FROM cluster_meta WHERE key = 'docs'`).pluck().get(), String(corpus.length));
        assert.equal(store.prepare('SELECT SUM(article_count) FROM events').pluck().get(), corpus.length);
        assert.equal(store.prepare('SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_vectors v WHERE v.event_id = e.id)').pluck().get(), 0);
        assert.equal(store.prepare('SELECT COUNT(*) FROM extractions').pluck().get(), corpus.length);
        assert.equal(store.prepare('SELECT COUNT(*) FROM raw_pages').pluck().get(), 0, 'pages are kept only when asked');
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
