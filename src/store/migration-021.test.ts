import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assetPath } from '../paths.js';
import { migrate } from './db.js';
import { storeBefore } from './store-before.fixture.js';

describe("migration 021 (each guide's most significant events kept apart)", () => {
  it("fills guide_top with every guide's best 40 from a store made before it, and drops the index it replaces", () => {
    const all = assetPath('store', 'migrations');
    const db = storeBefore('021');
    const at = '2026-03-01T00:00:00.000Z';
    for (const slug of ['big', 'small']) {
      db.prepare(
        `INSERT INTO guides (slug, title, subject_kind, subject, created_at, updated_at) VALUES (?, ?, 'topic', ?, ?, ?)`,
      ).run(slug, slug, slug, at, at);
    }
    for (let i = 0; i < 90; i++) {
      const id = `m${String(i).padStart(3, '0')}`;
      db.prepare(`INSERT INTO events (id, title, first_seen, last_updated) VALUES (?, 't', ?, ?)`).run(id, at, at);
      db.prepare(
        `INSERT INTO guide_events (guide_slug, event_id, relevance, significance, first_seen, added_at) VALUES ('big', ?, 1, ?, ?, ?)`,
      ).run(id, (i * 7) % 10, `2026-03-${String(1 + (i % 9)).padStart(2, '0')}`, at);
      if (i < 5)
        db.prepare(
          `INSERT INTO guide_events (guide_slug, event_id, relevance, significance, first_seen, added_at) VALUES ('small', ?, 1, 5, ?, ?)`,
        ).run(id, at, at);
    }
    assert.equal(migrate(db, all)[0], '021_guide_top.sql');
    const order = 'ORDER BY significance DESC, first_seen DESC, event_id DESC';
    for (const [slug, n] of [
      ['big', 40],
      ['small', 5],
    ] as const) {
      const held = db.prepare(`SELECT event_id FROM guide_top WHERE guide_slug = ? ${order}`).pluck().all(slug);
      assert.deepEqual(
        held,
        db.prepare(`SELECT event_id FROM guide_events WHERE guide_slug = ? ${order} LIMIT ?`).pluck().all(slug, n),
        slug,
      );
    }
    assert.equal(db.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'guide_events_top'`).pluck().get(), 0);
    assert.equal(db.prepare('PRAGMA foreign_key_check').all().length, 0);
    db.close();
  });
});
