import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { rowAsObject, rowsAsObjects } from './sqlite-rows.js';

const SQL = `SELECT 1 AS a, 'x' AS b, NULL AS c, 2.5 AS d, x'00ff' AS e, 7 AS a, v FROM t ORDER BY v`;

test('rows are the objects better-sqlite3 makes, a repeated column name keeping its last value', () => {
  const db = new Database(':memory:');
  db.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('one'), ('two')");
  const s = db.prepare(SQL);
  const ours = rowsAsObjects(s, []);
  assert.deepEqual(ours, db.prepare(SQL).all());
  assert.deepEqual(Object.keys(ours[0] as object), ['a', 'b', 'c', 'd', 'e', 'v']);
  assert.deepEqual(rowAsObject(s, []), db.prepare(SQL).get());
  assert.equal(rowAsObject(db.prepare('SELECT v FROM t WHERE v = ?'), ['none']), undefined);
  // The statement is left as it was found: in object mode.
  assert.deepEqual(s.get(), db.prepare(SQL).get());
});

test('a statement that returns no rows runs as better-sqlite3 runs it', () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (v TEXT)');
  assert.throws(() => rowsAsObjects(db.prepare("INSERT INTO t VALUES ('a')"), []), /does not return data/);
  const bad = db.prepare("SELECT CAST(v AS INTEGER) / 0 AS x, json_extract(v, '$') AS y FROM t");
  db.exec("INSERT INTO t VALUES ('not json')");
  assert.throws(() => rowsAsObjects(bad, []), /malformed JSON/);
  // A failed read leaves the statement in object mode too.
  db.exec("DELETE FROM t; INSERT INTO t VALUES ('1')");
  assert.deepEqual(bad.all(), [{ x: null, y: 1 }]);
});

test('a statement whose columns come from a * gives the columns a schema change brings', () => {
  const db = new Database(':memory:');
  db.exec("CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('x')");
  const star = db.prepare('SELECT * FROM t');
  const named = db.prepare('SELECT a FROM t');
  assert.deepEqual(rowsAsObjects(star, []), [{ a: 'x' }]);
  assert.deepEqual(rowsAsObjects(named, []), [{ a: 'x' }]);
  // Rebuilt with another column first, as a migration that remakes a table may.
  db.exec(
    "CREATE TABLE t2 (b TEXT, a TEXT); INSERT INTO t2 SELECT 'y', a FROM t; DROP TABLE t; ALTER TABLE t2 RENAME TO t",
  );
  assert.deepEqual(rowsAsObjects(star, []), [{ b: 'y', a: 'x' }]);
  assert.deepEqual(rowAsObject(star, []), { b: 'y', a: 'x' });
  assert.deepEqual(rowsAsObjects(named, []), [{ a: 'x' }]);
});
