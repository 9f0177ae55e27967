import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fetchDueSources } from '../src/pipeline/fetch-sources.js';
import { demoFeedServer, demoStoreFile, followDemoSources } from './demo-store.js';
import { testDeps } from './helpers.js';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'almanac-first-day-'));
const store = join(dir, 'store.db');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

function almanac(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ALMANAC_EXTRACT_THREADS: '0', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** One line on stderr, no stack trace, exit 1: how a user's mistake is told. */
function oneLine(r: { code: number | null; err: string }, re: RegExp, code = 1) {
  assert.equal(r.code, code, r.err);
  assert.equal(r.err.trim().split('\n').length, 1, r.err);
  assert.match(r.err, re);
  assert.doesNotMatch(r.err, /unexpected error|\n\s+at /);
}

describe('what a new user meets on the command line', () => {
  before(async () => demoStoreFile(store));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a taken port is one line, exit 1, and no store is created', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as AddressInfo).port;
    try {
      const db = join(dir, 'port.db');
      const r = almanac(['serve', '--db', db], { PORT: String(port) });
      oneLine(r, new RegExp(`^almanac: serve: port ${port} is taken; use --port or PORT$`, 'm'));
      assert.equal(existsSync(db), false);
    } finally {
      await new Promise((r) => taken.close(r));
    }
  });

  it('a host this machine cannot listen on is one line, exit 1', () => {
    const db = join(dir, 'host.db');
    oneLine(almanac(['serve', '--db', db], { ALMANAC_HOST: '999.1.1.1' }), /ALMANAC_HOST 999\.1\.1\.1/);
    assert.equal(existsSync(db), false);
  });

  it('a read-only command refuses a store that is not there, and creates no directory', () => {
    const missing = join(dir, 'nonexistent', 'dir', 'x.db');
    for (const cmd of [['stats'], ['search', 'chips'], ['digest'], ['topics', 'list'], ['sources', 'list']]) {
      const r = almanac([...cmd, '--db', missing]);
      oneLine(r, /no store at .*x\.db.*almanac init --db/);
    }
    assert.equal(existsSync(join(dir, 'nonexistent')), false);
  });

  it('a command that creates a store does not create its missing directories (but for ./data)', () => {
    const r = almanac(['init', '--db', join(dir, 'nowhere', 'x.db')]);
    oneLine(r, /directory .*nowhere .*does not exist.*mkdir -p/);
    assert.equal(existsSync(join(dir, 'nowhere')), false);
    const ok = almanac(['init', '--db', join(dir, 'new.db')]);
    assert.equal(ok.code, 0, ok.err);
  });

  it('each command has its help, by --help and by almanac help; --version prints the version', () => {
    const search = almanac(['search', '--help']);
    assert.equal(search.code, 0);
    assert.match(search.out, /^almanac search <query>/);
    assert.match(search.out, /--limit/);
    for (const cmd of ['digest', 'fetch', 'serve', 'sources']) {
      const r = almanac([cmd, '--help']);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, new RegExp(`^almanac ${cmd}`), cmd);
      assert.equal(almanac(['help', cmd]).out, r.out);
    }
    assert.match(almanac(['help']).out, /^almanac — /);
    const v = almanac(['--version']);
    assert.equal(v.code, 0);
    assert.equal(v.out.trim(), version);
  });

  it('a mistyped option or subcommand is one line with where to look', () => {
    oneLine(
      almanac(['stats', '--jsn', '--db', store]),
      /^almanac: unknown option --jsn for stats; almanac stats --help lists the options$/m,
      2,
    );
    oneLine(almanac(['sources', 'ad', 'x', '--db', store]), /unknown subcommand sources ad; almanac sources --help/, 2);
  });

  it('flags are checked first, in the user words', () => {
    oneLine(
      almanac(['serve', '--port', 'abc', '--db', store]),
      /--port: expected a whole number from 1 to 65535.*, got abc$/m,
      2,
    );
    oneLine(
      almanac(['stats', '--db', store], { ALMANAC_HOST_DELAY_MS: 'soon' }),
      /ALMANAC_HOST_DELAY_MS: expected a whole number from 0 to 600000, got soon/,
    );
    // Checked before the URL is fetched: the address would take the fetch's time to fail.
    oneLine(
      almanac(['sources', 'add', 'http://192.0.2.1/feed', '--tier', '5', '--db', store]),
      /--tier: expected a whole number from 1 to 3, got 5/,
      2,
    );
    oneLine(
      almanac(['sources', 'add', 'http://192.0.2.1/feed', '--kind', 'blog', '--db', store]),
      /--kind: expected one of lab, .*, got blog/,
      2,
    );
    const fresh = join(dir, 'catalog.db');
    oneLine(almanac(['init', '--catalog', 'ml', '--db', fresh]), /--catalog: expected one of ai, got ml/, 2);
    assert.equal(existsSync(fresh), false);
  });

  it('sources set changes a followed source in place: its articles stay', () => {
    const db = join(dir, 'set.db');
    copyFileSync(store, db);
    type Listed = {
      sources: Array<{ id: string; name: string; tier: number; kind: string; pollIntervalS: number | null }>;
    };
    const list = () => (JSON.parse(almanac(['sources', 'list', '--json', '--db', db]).out) as Listed).sources;
    const articles = () => /^articles: (\d+)/m.exec(almanac(['stats', '--db', db]).out)?.[1];
    const [first] = list();
    assert.ok(first);
    const before = articles();
    assert.ok(before && +before > 0);
    const r = almanac([
      'sources',
      'set',
      first.id,
      '--name',
      'Renamed Lab',
      '--tier',
      '2',
      '--kind',
      'analyst',
      '--poll-interval',
      '7200',
      '--db',
      db,
    ]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^changed .*Renamed Lab.*tier 2, analyst/m);
    const changed = list().find((s) => s.id === first.id)!;
    assert.deepEqual(
      [changed.name, changed.tier, changed.kind, changed.pollIntervalS],
      ['Renamed Lab', 2, 'analyst', 7200],
    );
    assert.equal(articles(), before);
    oneLine(almanac(['sources', 'set', first.id, '--db', db]), /sources set: say what to change/, 2);
    oneLine(almanac(['sources', 'set', 'no-such-source', '--tier', '1', '--db', db]), /no source no-such-source/);
    oneLine(
      almanac(['sources', 'set', first.id, '--tier', '4', '--db', db]),
      /--tier: expected a whole number from 1 to 3, got 4/,
      2,
    );
  });

  it('the digest says how many of the period it shows, with absolute links under ALMANAC_PUBLIC_URL', () => {
    const r = almanac(['digest', '--since', '9999d', '--limit', '2', '--db', store], {
      ALMANAC_PUBLIC_URL: 'https://almanac.example.org',
    });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^The 2 most significant of \d+ events from /m);
    assert.equal((r.out.match(/https:\/\/almanac\.example\.org\/events\//g) ?? []).length, 2);
    const html = almanac(['digest', '--since', '9999d', '--limit', '2', '--format', 'html', '--db', store]);
    assert.equal(html.code, 0, html.err);
    assert.equal((html.out.match(/class="item event"/g) ?? []).length, 2, 'the HTML digest keeps to --limit');
  });

  it('Ctrl-C during the demo ingest says it stops after the current batch, and does', async () => {
    const db = join(dir, 'demo.db');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'demo', '--ingest-only', '--port', '0', '--db', db],
      {
        cwd: root,
        env: { ...process.env, ALMANAC_EXTRACT_THREADS: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (/^demo: \d+ articles in/m.test(err) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    assert.match(err, /almanac: SIGINT: stopping after the current batch…/);
    assert.notEqual(code, null, err);
  });

  it('Ctrl-C during process says it stops after the current batch, and does', async () => {
    const db = join(dir, 'pending.db');
    const feeds = await demoFeedServer();
    const deps = testDeps();
    try {
      await followDemoSources(deps.db, feeds.base, deps.clock.now());
      await fetchDueSources(deps);
      await deps.db.exec(`VACUUM INTO '${db.replace(/'/g, "''")}'`);
    } finally {
      await deps.db.close();
      await feeds.close();
    }
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'process', '--db', db], {
      cwd: root,
      env: { ...process.env, ALMANAC_EXTRACT_THREADS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      // The first progress line: the stages are at work.
      if (/\d+\/\d+/.test(err) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    assert.match(err, /almanac: SIGINT: stopping after the current batch…/);
    assert.equal(code, 0, err);
    assert.match(out, /^cluster: \d+ done, \d+ failed$/m);
  });
});
