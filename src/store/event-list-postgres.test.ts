import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listEventCards } from './events.js';
import { weekOf } from './recent-weeks.js';
import type { SqlClient, SqlValue } from './sql/client.js';
import { PLANNED_ONCE } from './sql/planned-once.js';

/** A PostgreSQL client that answers nothing and keeps what it was sent. */
function recordingPostgres(): { db: SqlClient; sent: Array<{ sql: string; params: readonly SqlValue[] }> } {
  const sent: Array<{ sql: string; params: readonly SqlValue[] }> = [];
  const db: SqlClient = {
    dialect: 'postgres',
    inTransaction: false,
    get root() {
      return db;
    },
    all: async (sql, params = []) => (sent.push({ sql, params }), []),
    get: async (sql, params = []) => (sent.push({ sql, params }), undefined),
    run: async () => ({ changes: 0 }),
    exec: async () => undefined,
    transaction: (fn) => fn(db),
    close: async () => undefined,
  };
  return { db, sent };
}

// What the statement returns is the storage suite's (shared-suite.ts): here, how it is sent.
describe("a subject's newest events on PostgreSQL", () => {
  it('are one statement, planned once, whatever the values', async () => {
    const { db, sent } = recordingPostgres();
    await listEventCards(db, { limit: 50, topic: 'ai-chips', minSignificance: 5 });
    await listEventCards(db, { limit: 50, topic: 'robotics', minSignificance: 7 });
    assert.equal(sent.length, 2);
    assert.equal(sent[0]!.sql, sent[1]!.sql, 'one text for every value');
    assert.ok(sent[0]!.sql.startsWith(PLANNED_ONCE));
    assert.deepEqual(sent[0]!.params, [5, 'ai-chips', 0, 0]);
    // The page's size is in the text, so the plan knows the page is small.
    assert.match(sent[0]!.sql, /LIMIT 50 OFFSET \?\) page/);
    await assert.rejects(listEventCards(db, { limit: 2.5, topic: 'ai-chips' }), /a limit of 2\.5/);
  });

  it("are read from a source's weeks since `since`, the other filters tested on each event", async () => {
    const { db, sent } = recordingPostgres();
    const since = '2026-11-01T00:00:00.000Z';
    await listEventCards(db, { limit: 20, offset: 40, source: 'src-1', kind: 'launch', since });
    await listEventCards(db, { limit: 20, topic: 'ai-chips', source: 'src-1' });
    assert.equal(sent.length, 2);
    assert.match(sent[0]!.sql, /FROM event_sources m /);
    assert.deepEqual(sent[0]!.params, [since, 'launch', 'src-1', weekOf(since), 40]);
    assert.match(sent[1]!.sql, /FROM event_subjects m .*EXISTS \(SELECT 1 FROM event_sources/);
    assert.deepEqual(sent[1]!.params, ['src-1', 'ai-chips', 0, 0]);
  });

  it('sorted by score, are read as every other list is', async () => {
    const { db, sent } = recordingPostgres();
    await listEventCards(db, { limit: 50, source: 'src-1', sort: 'significance' });
    assert.equal(sent.length, 1);
    assert.ok(!sent[0]!.sql.startsWith(PLANNED_ONCE));
  });
});
