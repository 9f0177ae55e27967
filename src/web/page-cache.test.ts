import { TAXONOMY } from '../analyze/taxonomy.js';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Hono } from 'hono';
import { openDb } from '../store/db.js';
import { pageCache } from './page-cache.js';
import { one } from '../store/sql/query.js';

/** An app whose one page shows how many times it was rendered and how many rows `t` holds. */
async function setup(seconds: number) {
  const dir = mkdtempSync(join(tmpdir(), 'almanac-page-cache-'));
  const file = join(dir, 'store.db');
  const db = openDb(file, { seed: TAXONOMY });
  await db.exec('CREATE TABLE t (x)');
  let clock = 1_000_000;
  let renders = 0;
  const app = new Hono();
  app.use(
    '*',
    pageCache(db, { seconds, maxEntries: 3 }, () => clock),
  );
  app.get('/page', async (c) =>
    c.text(`render ${++renders}, rows ${await one<unknown>(db, 'SELECT COUNT(*) FROM t')}`),
  );
  app.get('/missing', (c) => c.text(`render ${++renders}`, 404));
  app.post('/page', (c) => c.text(`post ${++renders}`));
  app.get('/admin/x', (c) => c.text(`admin ${++renders}`));
  app.get('/p/:n', (c) => c.text(`p${c.req.param('n')} ${++renders}`));
  return {
    app,
    db,
    file,
    tick: (ms: number) => void (clock += ms),
    get: async (path: string, init?: RequestInit) => {
      const r = await app.request(path, init);
      return { status: r.status, body: await r.text(), etag: r.headers.get('ETag') };
    },
    cleanup: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('page cache', () => {
  const made: Array<() => void> = [];
  after(() => made.forEach((f) => f()));

  it('serves a page again while the store is unchanged, and renders anew after a write by this connection', async () => {
    const s = await setup(10);
    made.push(s.cleanup);
    assert.equal((await s.get('/page')).body, 'render 1, rows 0');
    assert.equal((await s.get('/page')).body, 'render 1, rows 0');
    await s.db.run('INSERT INTO t VALUES (1)');
    assert.equal((await s.get('/page')).body, 'render 2, rows 1');
  });

  it('renders anew after another process commits, and after the age limit', async () => {
    const s = await setup(10);
    made.push(s.cleanup);
    await s.get('/page');
    const other = openDb(s.file, { seed: TAXONOMY });
    await other.run('INSERT INTO t VALUES (1)');
    await other.close();
    assert.equal((await s.get('/page')).body, 'render 2, rows 1');
    s.tick(9_000);
    assert.equal((await s.get('/page')).body, 'render 2, rows 1');
    s.tick(2_000);
    assert.equal((await s.get('/page')).body, 'render 3, rows 1');
  });

  it('answers If-None-Match with 304, and keeps no error pages, POSTs or admin pages', async () => {
    const s = await setup(10);
    made.push(s.cleanup);
    const first = await s.get('/page');
    assert.match(first.etag ?? '', /^"[\w-]+"$/);
    const again = await s.get('/page', { headers: { 'If-None-Match': first.etag! } });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
    assert.equal((await s.get('/missing')).body, 'render 2');
    assert.equal((await s.get('/missing')).body, 'render 3');
    assert.equal((await s.get('/page', { method: 'POST' })).body, 'post 4');
    assert.equal((await s.get('/admin/x')).body, 'admin 5');
    assert.equal((await s.get('/admin/x')).body, 'admin 6');
  });

  it('keeps at most maxEntries pages, dropping the least recently used', async () => {
    const s = await setup(10);
    made.push(s.cleanup);
    for (const n of [1, 2, 3]) await s.get(`/p/${n}`);
    await s.get('/p/1'); // 1 is now the most recent
    await s.get('/p/4'); // pushes out 2
    assert.equal((await s.get('/p/1')).body, 'p1 1');
    assert.equal((await s.get('/p/3')).body, 'p3 3');
    assert.equal((await s.get('/p/2')).body, 'p2 5');
  });

  it('renders every request when off, still with an ETag', async () => {
    const s = await setup(0);
    made.push(s.cleanup);
    assert.equal((await s.get('/page')).body, 'render 1, rows 0');
    const r = await s.get('/page');
    assert.equal(r.body, 'render 2, rows 0');
    assert.ok(r.etag);
  });
});
