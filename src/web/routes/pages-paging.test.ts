import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from '../../store/db.js';
import { createApp } from '../app.js';
import { PAGE_SIZE } from './shared.js';

test('the events list shows every event once across its pages, the newest first', async () => {
  const db = openDb(':memory:');
  const t0 = Date.parse('2026-11-01T00:00:00Z');
  const total = 2 * PAGE_SIZE + 5;
  for (let i = 0; i < total; i++) {
    const at = new Date(t0 + i * 3_600_000).toISOString();
    await db.run('INSERT INTO events (id, title, first_seen, last_updated, significance) VALUES (?, ?, ?, ?, 5)', [
      `ev${String(i).padStart(3, '0')}`,
      `Event ${i}`,
      at,
      at,
    ]);
  }
  const app = createApp({ db, clock: { now: () => new Date('2026-11-10T00:00:00Z') } });
  const shown: string[] = [];
  for (let page = 1; page <= 3; page++) {
    const html = await (await app.request(`/${page === 1 ? '' : `?page=${page}`}`)).text();
    shown.push(...[...html.matchAll(/<a href="\/events\/(ev\d+)">/g)].map((m) => m[1]!));
    assert.equal(html.includes('Older →'), page < 3, `page ${page} links to an older page only when there is one`);
  }
  const newestFirst = Array.from({ length: total }, (_, i) => `ev${String(total - 1 - i).padStart(3, '0')}`);
  assert.deepEqual(shown, newestFirst);
  await db.close();
});
