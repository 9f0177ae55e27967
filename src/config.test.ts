import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('has defaults, and flags override the environment', () => {
    const c = loadConfig({ PORT: '5000' }, { port: 6000 });
    assert.equal(c.port, 6000);
    assert.equal(c.db, './data/almanac.db');
    assert.equal(c.pageCacheS, 10);
  });

  it('names the environment variable of a bad value', () => {
    assert.throws(
      () => loadConfig({ ALMANAC_PAGE_CACHE_S: 'soon' }),
      (e: Error) => e instanceof ConfigError && /ALMANAC_PAGE_CACHE_S/.test(e.message),
    );
  });

  it('takes the store as a sqlite: or postgres:// URL (--db still wins), and refuses any other', () => {
    assert.equal(loadConfig({ ALMANAC_DATABASE_URL: 'sqlite:/tmp/x.db' }).db, '/tmp/x.db');
    assert.equal(loadConfig({ ALMANAC_DATABASE_URL: 'postgres://u@h/db' }).db, 'postgres://u@h/db');
    assert.equal(loadConfig({ ALMANAC_DATABASE_URL: 'postgres://u@h/db' }, { db: '/tmp/y.db' }).db, '/tmp/y.db');
    assert.throws(
      () => loadConfig({ ALMANAC_DATABASE_URL: 'mysql://u:secret@h/db' }),
      (e: Error) => /expected sqlite:<file> or postgres/.test(e.message) && !e.message.includes('secret'),
    );
  });
});
