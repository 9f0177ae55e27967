import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assetPath } from '../paths.js';
import { migrate } from './db.js';
import { storeBefore } from './store-before.fixture.js';

describe('migration 045 (the voices of events kept before it)', () => {
  it('gives each event the voices a refresh would write, and relating hears of a change of them', () => {
    const db = storeBefore('045');
    const at = '2026-03-01T00:00:00.000Z';
    db.prepare(`INSERT INTO sources (id, name, feed_url, created_at) VALUES ('s', 'S', 'http://s/', ?)`).run(at);
    for (let i = 1; i <= 4; i++)
      db.prepare(
        `INSERT INTO articles (id, source_id, guid, title, fetched_at, content_hash, updated_at) VALUES (?, 's', ?, 't', ?, 'h', ?)`,
      ).run(i, `g${i}`, at, at);
    const event = (id: string, kind: string | null, roles: Array<[number, string]>) => {
      db.prepare(`INSERT INTO events (id, title, first_seen, last_updated, kind) VALUES (?, 't', ?, ?, ?)`).run(
        id,
        at,
        at,
        kind,
      );
      for (const [article, role] of roles)
        db.prepare('INSERT INTO event_articles (event_id, article_id, role) VALUES (?, ?, ?)').run(id, article, role);
    };
    event('launch', 'news', [[1, 'primary']]);
    event('launch-and-oped', 'news', [
      [2, 'primary'],
      [3, 'commentary'],
    ]);
    event('oped-and-its-coverage', 'op-ed', [[4, 'primary']]);
    event('untyped', null, []);
    assert.equal(migrate(db, assetPath('store', 'migrations'))[0], '045_event_voices.sql');
    assert.deepEqual(db.prepare('SELECT id, voices FROM events ORDER BY id').all(), [
      // The bits of src/events/commentary.ts: 1 reports, 2 opinions.
      { id: 'launch', voices: 1 },
      { id: 'launch-and-oped', voices: 3 },
      { id: 'oped-and-its-coverage', voices: 2 },
      { id: 'untyped', voices: 1 },
    ]);
    const changes = () => db.prepare('SELECT count(*) FROM event_changes').pluck().get();
    const before = changes();
    db.prepare(`UPDATE events SET voices = 3 WHERE id = 'launch'`).run();
    assert.equal(changes(), (before as number) + 1);
    db.close();
  });
});
