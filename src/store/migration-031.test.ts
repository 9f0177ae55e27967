import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assetPath } from '../paths.js';
import { migrate } from './db.js';
import { storeBefore } from './store-before.fixture.js';

describe('migration 031 (newsletter issues cleaned before 030)', () => {
  it('marks the titles left in lower case as digests and opens them with a capital, names written so kept', () => {
    const db = storeBefore('031');
    const at = '2026-03-01T00:00:00.000Z';
    db.prepare(`INSERT INTO sources (id, name, feed_url, created_at) VALUES ('s', 'S', 'http://s/', ?)`).run(at);
    const titles = [
      'meet RFK Jr’s right-hand man, and inside OpenAI',
      'iPhone sales fall',
      'xAI raises $10B',
      'a16z leads a round',
      'a new form of AI surveillance, and tariffs',
      'OpenAI ships GPT-5.5',
      '3 ways to use Gemini',
    ];
    titles.forEach((title, i) =>
      db
        .prepare(
          `INSERT INTO articles (id, source_id, guid, title, fetched_at, content_hash, updated_at) VALUES (?, 's', ?, ?, ?, 'h', ?)`,
        )
        .run(i + 1, `g${i}`, title, at, at),
    );
    db.prepare(`INSERT INTO events (id, title, first_seen, last_updated) VALUES ('e', ?, ?, ?)`).run(titles[0], at, at);
    assert.equal(migrate(db, assetPath('store', 'migrations'))[0], '031_digest_titles.sql');
    const rows = db.prepare('SELECT title, digest FROM articles ORDER BY id').all();
    assert.deepEqual(rows, [
      { title: 'Meet RFK Jr’s right-hand man, and inside OpenAI', digest: 1 },
      { title: 'iPhone sales fall', digest: 0 },
      { title: 'xAI raises $10B', digest: 0 },
      { title: 'a16z leads a round', digest: 0 },
      { title: 'A new form of AI surveillance, and tariffs', digest: 1 },
      { title: 'OpenAI ships GPT-5.5', digest: 0 },
      { title: '3 ways to use Gemini', digest: 0 },
    ]);
    assert.equal(
      db.prepare(`SELECT title FROM events WHERE id = 'e'`).pluck().get(),
      'Meet RFK Jr’s right-hand man, and inside OpenAI',
    );
    db.close();
  });
});
