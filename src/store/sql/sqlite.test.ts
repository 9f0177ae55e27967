import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoStoreFile } from '../../../test/demo-store.js';
import { storageSuite } from './shared-suite.js';

// SQLite is the reference backend: its schema is what PostgreSQL's is checked against.
await storageSuite(
  'SQLite',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'almanac-store-'));
    return { url: join(dir, 'store.db'), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  },
  demoStoreFile,
);
