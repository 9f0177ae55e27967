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

  it('says what a setting expects and the value given, by the name the user gave it', () => {
    const message = (env: Record<string, string>, flags = {}) => {
      try {
        loadConfig(env, flags);
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    assert.equal(message({ PORT: 'abc' }), 'config: PORT: expected a whole number from 0 to 65535, got abc');
    assert.equal(message({}, { port: 'abc' }), 'config: --port: expected a whole number from 0 to 65535, got abc');
    assert.equal(
      message({ ALMANAC_KEEP_RAW: 'maybe' }),
      'config: ALMANAC_KEEP_RAW: expected 1, 0, true, false, yes or no, got maybe',
    );
    assert.equal(
      message({ ALMANAC_LLM_PROVIDER: 'x' }),
      'config: ALMANAC_LLM_PROVIDER: expected openai or anthropic, got x',
    );
    // A secret is named, never shown.
    assert.doesNotMatch(message({ ALMANAC_ADMIN_TOKEN: 'short-secret' }), /short-secret/);
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
