import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assetPath } from '../paths.js';
import { migrate } from './db.js';
import { storeBefore } from './store-before.fixture.js';

describe('migration 020 (event centroids with their version first)', () => {
  it('keeps every centroid of a store made before it, puts the text last in the row, and keeps the index on last_seen', () => {
    // A store as the migrations before 020 left it.
    const all = assetPath('store', 'migrations');
    const db = storeBefore('020');
    const cols = () =>
      db.prepare("SELECT name FROM pragma_table_info('event_vectors') ORDER BY cid").pluck().all() as string[];
    assert.deepEqual(cols(), ['event_id', 'centroid', 'norm2', 'size', 'last_seen']);
    const rows = Array.from({ length: 30 }, (_, i) => ({
      event_id: `e${i}`,
      centroid: JSON.stringify([
        Array.from({ length: 400 + i }, (_, t) => `term${t}`),
        Array.from({ length: 400 + i }, (_, t) => t / 7),
      ]),
      norm2: i + 0.5,
      size: i + 1,
      last_seen: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z`,
    }));
    for (const r of rows) {
      db.prepare("INSERT INTO events (id, title, first_seen, last_updated) VALUES (?, 't', ?, ?)").run(
        r.event_id,
        r.last_seen,
        r.last_seen,
      );
      db.prepare(
        'INSERT INTO event_vectors (event_id, centroid, norm2, size, last_seen) VALUES (@event_id, @centroid, @norm2, @size, @last_seen)',
      ).run(r);
    }
    assert.equal(migrate(db, all)[0], '020_vector_version_first.sql');
    assert.deepEqual(cols(), ['event_id', 'size', 'norm2', 'last_seen', 'centroid']);
    assert.deepEqual(
      db.prepare('SELECT event_id, centroid, norm2, size, last_seen FROM event_vectors ORDER BY size').all(),
      rows,
    );
    assert.ok(
      (
        db
          .prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'event_vectors' AND type = 'index'")
          .pluck()
          .all() as string[]
      ).includes('event_vectors_last_seen'),
    );
    // Still removed with its event.
    db.prepare("DELETE FROM events WHERE id = 'e0'").run();
    assert.equal(db.prepare("SELECT COUNT(*) FROM event_vectors WHERE event_id = 'e0'").pluck().get(), 0);
    assert.equal(db.prepare('PRAGMA foreign_key_check').all().length, 0);
    db.close();
  });
});
