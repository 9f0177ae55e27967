import { describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoStoreFile } from '../../../test/demo-store.js';
import { PgClient } from './pg-client.js';
import { openStore } from './open.js';
import { schemaOf } from './schema.js';
import { storageSuite } from './shared-suite.js';

/**
 * The same suite against PostgreSQL, in a database made for this run and dropped after.
 * ALMANAC_TEST_DATABASE_URL names a server where we may create databases (.ci/run starts
 * one: scripts/pg-test-server.sh); without it these tests are skipped, saying so.
 */
const serverUrl = process.env['ALMANAC_TEST_DATABASE_URL'];

if (!serverUrl) {
  describe('storage suite: PostgreSQL', () => {
    it('needs ALMANAC_TEST_DATABASE_URL (export ALMANAC_TEST_DATABASE_URL=$(bash scripts/pg-test-server.sh))', (t) => {
      t.skip('no PostgreSQL server given');
    });
  });
} else {
  const reference = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'almanac-ref-'));
    const ref = await openStore(join(dir, 'ref.db'));
    try {
      return await schemaOf(ref);
    } finally {
      await ref.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  await storageSuite(
    'PostgreSQL',
    async () => {
      const name = `almanac_test_${randomBytes(4).toString('hex')}`;
      const admin = PgClient.connect(serverUrl, { max: 1 });
      await admin.exec(`CREATE DATABASE ${name}`);
      await admin.close();
      const u = new URL(serverUrl);
      u.pathname = `/${name}`;
      return {
        url: u.href,
        dispose: async () => {
          const a = PgClient.connect(serverUrl, { max: 1 });
          await a.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await a.close();
        },
      };
    },
    demoStoreFile,
    reference,
  );
}
