import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDb } from '../store/db.js';
import { column } from '../store/sql/query.js';
import { AdminSessions } from './admin-sessions.js';

describe('admin sessions, kept in the store', () => {
  const setUp = (max = 3) => {
    const db = openDb(':memory:');
    let now = 1_000_000;
    const o = { db, ttlMs: 60_000, max, now: () => now };
    return { db, o, sessions: new AdminSessions(o), later: (ms: number) => (now += ms) };
  };

  it('a session made by one server is known to another on the same store, which derives the same CSRF token', async () => {
    const { o, sessions } = setUp();
    const { id, csrf } = await sessions.create();
    assert.equal(await new AdminSessions(o).csrfOf(id), csrf);
    assert.match(csrf, /^[0-9a-f]{64}$/);
    assert.notEqual(csrf, (await sessions.create()).csrf);
  });

  it('keeps only a hash of the id: a row of the store is no cookie', async () => {
    const { db, sessions } = setUp();
    const { id } = await sessions.create();
    const [kept] = await column<string>(db, 'SELECT id_hash FROM admin_sessions');
    assert.notEqual(kept, id);
    assert.equal(await sessions.csrfOf(kept!), undefined);
  });

  it('a session expires, and a revoked one is gone for every server', async () => {
    const { o, sessions, later } = setUp();
    const a = await sessions.create();
    const b = await sessions.create();
    await new AdminSessions(o).revoke(b.id);
    assert.equal(await sessions.csrfOf(b.id), undefined);
    later(60_000);
    assert.equal(await sessions.csrfOf(a.id), undefined);
    assert.equal(await sessions.csrfOf('not a session'), undefined);
  });

  it('holds at most `max` sessions: the oldest goes first', async () => {
    const { db, sessions, later } = setUp(3);
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(await sessions.create());
      later(1);
    }
    assert.deepEqual(await column<number>(db, 'SELECT COUNT(*) FROM admin_sessions'), [3]);
    assert.equal(await sessions.csrfOf(made[1]!.id), undefined);
    assert.equal(await sessions.csrfOf(made[2]!.id), made[2]!.csrf);
  });
});
