import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { migrate } from './db.js';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('migrations on an upgrade', () => {
  it("announce each migration applied to a store that had some, and none of a new store's", () => {
    const dir = mkdtempSync(join(tmpdir(), 'almanac-migrations-'));
    dirs.push(dir);
    writeFileSync(join(dir, '001_a.sql'), 'CREATE TABLE a (x INTEGER);');
    const db = new Database(':memory:');
    const told: string[] = [];
    assert.deepEqual(
      migrate(db, dir, (name) => told.push(name)),
      ['001_a.sql'],
    );
    assert.equal(told.length, 0, 'a new store is made quietly');
    writeFileSync(join(dir, '002_b.sql'), 'CREATE TABLE b (x INTEGER);');
    writeFileSync(join(dir, '003_c.sql'), 'ALTER TABLE b ADD COLUMN y TEXT;');
    assert.deepEqual(
      migrate(db, dir, (name) => told.push(name)),
      ['002_b.sql', '003_c.sql'],
    );
    assert.deepEqual(told, ['002_b.sql', '003_c.sql']);
    assert.deepEqual(
      migrate(db, dir, (name) => told.push(name)),
      [],
      'nothing left to apply',
    );
    assert.equal(told.length, 2);
    db.close();
  });
});
