import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkStorePath, createsStore, MissingStoreError } from './store-check.js';

const dir = mkdtempSync(join(tmpdir(), 'almanac-store-check-'));

describe('checkStorePath', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lets a store that is there, memory and PostgreSQL through', () => {
    const file = join(dir, 'there.db');
    writeFileSync(file, '');
    for (const db of [file, `sqlite:${file}`, ':memory:', 'postgres://u@h/db'])
      assert.doesNotThrow(() => checkStorePath(db, false));
  });

  it('refuses a missing store to a command that only reads, naming the path and how to create one', () => {
    const file = join(dir, 'typo.db');
    assert.throws(
      () => checkStorePath(file, false),
      (e) =>
        e instanceof MissingStoreError && e.message.includes(file) && e.message.includes(`almanac init --db ${file}`),
    );
    // The default store, relative to where almanac runs: here, a directory without one.
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      assert.throws(
        () => checkStorePath('./data/almanac.db', false),
        /no store at \.\/data\/almanac\.db yet; create one with: almanac init/,
      );
    } finally {
      process.chdir(cwd);
    }
  });

  it('lets a creating command start a store, in a directory that exists or the default ./data only', () => {
    assert.doesNotThrow(() => checkStorePath(join(dir, 'new.db'), true));
    assert.throws(() => checkStorePath(join(dir, 'a', 'b', 'new.db'), true), /mkdir -p .*a[/\\]b/);
    assert.equal(existsSync(join(dir, 'a')), false);
  });

  it('knows which commands start a store', () => {
    assert.equal(createsStore('init', undefined), true);
    assert.equal(createsStore('sources', 'add'), true);
    assert.equal(createsStore('sources', 'list'), false);
    assert.equal(createsStore('stats', undefined), false);
  });
});
