import { TAXONOMY } from '../src/analyze/taxonomy.js';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fetchSource } from '../src/pipeline/fetch-sources.js';
import { processPending } from '../src/pipeline/process.js';
import { openDb } from '../src/store/db.js';
import { getSource, upsertSource } from '../src/store/sources.js';
import { storeFailureMessage } from '../src/store/store-failure.js';
import { startServer, testDeps } from './helpers.js';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'almanac-store-failures-'));
chmodSync(dir, 0o755);

/** A new, empty store file in its own directory. */
function storeFile(name: string): string {
  mkdirSync(join(dir, name));
  const file = join(dir, name, 'almanac.db');
  openDb(file, { seed: TAXONOMY }).db.close();
  return file;
}

/**
 * `almanac <args>` in a child process. As root, permissions do not bind, so the child runs
 * as nobody (65534) for the read-only cases; as anyone else, as that user.
 */
function almanac(args: string[], opts: { asNobody?: boolean } = {}) {
  const nobody = opts.asNobody && process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    ...nobody,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** One line on stderr that says what is wrong and what to do; no stack trace. */
function assertOneClearLine(r: { code: number | null; err: string }, what: RegExp, todo: RegExp) {
  assert.equal(r.code, 1, r.err);
  assert.equal(r.err.trim().split('\n').length, 1, r.err);
  assert.match(r.err, /^almanac: /);
  assert.match(r.err, what);
  assert.match(r.err, todo);
  assert.doesNotMatch(r.err, /unexpected error|\n\s+at /);
}

describe('a store that cannot be used says so in one line, with what to do', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a truncated store file', () => {
    const file = storeFile('truncated');
    truncateSync(file, 40_000);
    assertOneClearLine(
      almanac(['stats', '--db', file]),
      /is damaged or is not an Almanac store \(SQLITE_CORRUPT\b/,
      /Restore it from a backup, or move it aside and run 'almanac init'/,
    );
  });

  it('a file that is not a database', () => {
    const file = join(dir, 'junk.db');
    writeFileSync(file, Buffer.alloc(64 * 1024, 'not a database '));
    assertOneClearLine(
      almanac(['stats', '--db', file]),
      /is damaged or is not an Almanac store \(SQLITE_NOTADB\b/,
      /almanac init/,
    );
  });

  it('a store in a read-only directory, and a read-only store file', () => {
    const file = storeFile('read-only-dir');
    chmodSync(join(dir, 'read-only-dir'), 0o555);
    for (const args of [['stats'], ['sources', 'add', 'http://127.0.0.1:9/feed']]) {
      assertOneClearLine(
        almanac([...args, '--db', file], { asNobody: true }),
        /cannot write the store .*read-only-dir\/almanac\.db \(SQLITE_(READONLY|CANTOPEN)\w*\)/,
        /give this user write access to both, or use --db/,
      );
    }
    const file2 = storeFile('read-only-file');
    chmodSync(file2, 0o444);
    assertOneClearLine(
      almanac(['sources', 'add', 'http://127.0.0.1:9/feed', '--db', file2], { asNobody: true }),
      /cannot write the store .* \(SQLITE_(READONLY|CANTOPEN)\w*\)/,
      /write access/,
    );
  });

  it('a full disk (max_page_count): the fetch writes nothing, is not held against the source, and works once there is room', async () => {
    const items = Array.from(
      { length: 400 },
      (_, i) =>
        `<item><title>Story ${i}</title><link>http://127.0.0.1/s/${i}</link><guid>g${i}</guid>` +
        `<description>${`Words of story ${i}. `.repeat(60)}</description></item>`,
    ).join('');
    const site = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
      res.end(`<rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`);
    });
    const deps = testDeps();
    try {
      await upsertSource(
        deps.db,
        { id: 'big', name: 'Big', feedUrl: `${site.url}feed.xml`, allowPrivate: true, fulltext: 'never' },
        deps.clock.now(),
      );
      const pages = (await deps.db.get<{ page_count: number }>('PRAGMA page_count'))!.page_count;
      await deps.db.exec(`PRAGMA max_page_count = ${pages + 20}`);
      const err = await fetchSource(deps, (await getSource(deps.db, 'big'))!).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.equal((err as { code?: string })?.code, 'SQLITE_FULL');
      assert.match(
        storeFailureMessage(err, 'the store x.db')!,
        /^the disk holding the store x\.db is full \(SQLITE_FULL\): nothing of the failed step was written; free some space/,
      );
      assert.equal((await deps.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM articles'))!.n, 0);
      assert.equal((await deps.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM fetch_log'))!.n, 0);
      const after = (await getSource(deps.db, 'big'))!;
      assert.deepEqual([after.etag, after.lastError, after.consecutiveFailures], [null, null, 0]);

      await deps.db.exec('PRAGMA max_page_count = 1073741823');
      assert.equal((await fetchSource(deps, after)).itemsNew, 400);

      // Processing: the disk fills again mid-way; no article's stage is marked failed for it.
      const now = (await deps.db.get<{ page_count: number }>('PRAGMA page_count'))!.page_count;
      await deps.db.exec(`PRAGMA max_page_count = ${now + 5}`);
      await assert.rejects(processPending(deps), (e: { code?: string }) => e.code === 'SQLITE_FULL');
      assert.equal(
        (await deps.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM article_stages WHERE status = 'failed'`))!.n,
        0,
      );
    } finally {
      await deps.db.close();
      await site.close();
    }
  });
});
