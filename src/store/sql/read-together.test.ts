import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { SqliteClient } from './sqlite-client.js';
import { readTogether } from './read-together.js';

function twoConnections() {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-read-together-'));
  const file = join(dir, 'store.db');
  const writer = new Database(file);
  writer.pragma('journal_mode = WAL');
  writer.exec('CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1)');
  const reader = new SqliteClient(new Database(file), true);
  return {
    writer,
    reader,
    dispose: async () => (await reader.close(), writer.close(), rmSync(dir, { recursive: true })),
  };
}

test('reads together see one state of the store, even when another connection commits between them', async () => {
  const { writer, reader, dispose } = twoConnections();
  const seen = await readTogether(reader, async (q) => {
    const first = await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM t');
    writer.exec('INSERT INTO t VALUES (2)');
    const second = await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM t');
    return [first?.n, second?.n];
  });
  assert.deepEqual(seen, [1, 1]);
  // Closed afterwards: the next read sees the commit, and the writer was never blocked.
  assert.equal((await reader.get<{ n: number }>('SELECT COUNT(*) AS n FROM t'))?.n, 2);
  assert.equal((reader as SqliteClient).db.inTransaction, false);
  await dispose();
});

test('a read that fails ends the transaction and fails the call', async () => {
  const { reader, dispose } = twoConnections();
  await assert.rejects(
    readTogether(reader, (q) => q.all('SELECT * FROM missing')),
    /no such table/,
  );
  assert.equal((reader as SqliteClient).db.inTransaction, false);
  assert.deepEqual(await reader.all('SELECT v FROM t'), [{ v: 1 }]);
  await dispose();
});

test('a statement from outside, sent while the reads run, waits for them to end', async () => {
  const { reader, dispose } = twoConnections();
  const order: string[] = [];
  let outside: Promise<unknown> = Promise.resolve();
  await readTogether(reader, async (q) => {
    await q.get('SELECT 1 FROM t');
    outside = reader.run('INSERT INTO t VALUES (3)').then(() => order.push('outside'));
    await new Promise((r) => setTimeout(r, 5));
    order.push('together');
  });
  await outside;
  assert.deepEqual(order, ['together', 'outside']);
  await dispose();
});
