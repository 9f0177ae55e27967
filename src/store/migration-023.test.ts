import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assetPath } from '../paths.js';
import { migrate } from './db.js';
import { storeBefore } from './store-before.fixture.js';

describe('migration 023 (events per subject per week ordered by week)', () => {
  it('keeps every count, reads a subject through its index, and its triggers count as before', () => {
    const db = storeBefore('023');
    const at = '2026-03-01T00:00:00.000Z';
    const subjects = [
      ['topic', 'chips'],
      ['topic', 'robots'],
      ['entity', 'Acme'],
    ] as const;
    for (let i = 0; i < 30; i++) {
      const id = `m${String(i).padStart(2, '0')}`;
      db.prepare(`INSERT INTO events (id, title, first_seen, last_updated) VALUES (?, 't', ?, ?)`).run(id, at, at);
      for (const [kind, subject] of subjects.slice(0, 1 + (i % 3))) {
        db.prepare('INSERT INTO event_subjects (kind, subject, event_id, weight, week) VALUES (?, ?, ?, 1, ?)').run(
          kind,
          subject,
          id,
          2900 + (i % 4),
        );
      }
    }
    const counts = 'SELECT kind, subject, week, events FROM subject_weeks ORDER BY kind, subject, week';
    const before = db.prepare(counts).all();
    assert.equal(before.length, 12);
    assert.equal(migrate(db, assetPath('store', 'migrations'))[0], '023_subject_weeks_by_week.sql');
    assert.deepEqual(db.prepare(counts).all(), before);
    // The table is in week order; a subject's weeks come through its index.
    assert.deepEqual(
      db
        .prepare('SELECT week, events FROM subject_weeks')
        .all()
        .map((r) => (r as { week: number }).week),
      before.map((r) => (r as { week: number }).week).sort(),
    );
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT SUM(events) FROM subject_weeks WHERE kind = ? AND subject = ? AND week >= ?`)
      .all('topic', 'chips', 2901)
      .map((r) => (r as { detail: string }).detail)
      .join('; ');
    assert.match(plan, /subject_weeks_subject/);
    // Adding, moving and removing a subject row count as before.
    db.prepare('INSERT INTO event_subjects (kind, subject, event_id, weight, week) VALUES (?, ?, ?, 1, ?)').run(
      'topic',
      'robots',
      'm00',
      2905,
    );
    db.prepare(`UPDATE event_subjects SET week = 2906 WHERE event_id = 'm01' AND subject = 'chips'`).run();
    db.prepare(`DELETE FROM event_subjects WHERE event_id = 'm02'`).run();
    const truth = db
      .prepare(
        'SELECT kind, subject, week, COUNT(*) AS events FROM event_subjects GROUP BY kind, subject, week ORDER BY kind, subject, week',
      )
      .all();
    assert.deepEqual(db.prepare(counts).all(), truth);
    assert.equal(db.prepare('PRAGMA foreign_key_check').all().length, 0);
    assert.equal(db.prepare('PRAGMA integrity_check').pluck().get(), 'ok');
    db.close();
  });
});
