import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { demoStoreFile } from './demo-store.js';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'almanac-cli-store-'));
const db = join(dir, 'store.db');

function almanac(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args, '--db', db], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// The commands that read a store, run as a user runs them: each reads more than once, and
// every read must come before the store is closed (these once answered the first line only).
describe('store commands on the command line', () => {
  before(async () => demoStoreFile(db));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stats prints every count', () => {
    const r = almanac('stats');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^articles: [1-9]\d*$/m);
    assert.match(r.out, /^events: [1-9]\d*$/m);
    assert.match(r.out, /^stage cluster: done [1-9]\d*$/m);
    assert.equal(r.err, '');
  });

  it('search prints its hits, and as JSON with --json', () => {
    const r = almanac('search', 'chips', '--json');
    assert.equal(r.code, 0, r.err);
    const { results } = JSON.parse(r.out) as { results: Array<{ id: number; title: string }> };
    assert.ok(results.length > 0);
    const text = almanac('search', 'chips');
    assert.equal(text.code, 0, text.err);
    assert.ok(text.out.includes(results[0]!.title));
  });

  it('topics list and guides list print counts from the store', () => {
    const topics = almanac('topics', 'list', '--json');
    assert.equal(topics.code, 0, topics.err);
    const { topics: list } = JSON.parse(topics.out) as { topics: Array<{ slug: string; events: number }> };
    assert.ok(list.some((t) => t.events > 0));
    const guides = almanac('guides', 'list');
    assert.equal(guides.code, 0, guides.err);
    assert.match(guides.out, /\d+ events/);
  });

  it('a bad subcommand is a usage error, not a crash', () => {
    const r = almanac('topics', 'merge', 'only-one');
    assert.equal(r.code, 2);
    assert.match(r.err, /topics merge: give <from> <into>/);
  });
});
