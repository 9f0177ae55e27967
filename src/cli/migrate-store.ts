import { TAXONOMY } from '../analyze/taxonomy.js';
import { copyStore } from '../store/sql/copy-store.js';
import { openStore } from '../store/sql/open.js';
import { isPostgresUrl, redact } from '../store/sql/url.js';
import { UsageError } from './context.js';

export const MIGRATE_STORE_HELP = `almanac migrate-store --from <url> --to <url>

Copies a whole store into a new, empty one: sqlite:<file> or postgres://user:pass@host/db on
either side. The target is created (SQLite) or migrated (PostgreSQL) first; full-text indexes
and derived counts are rebuilt by the target as rows arrive. The job queue is not copied.
  almanac migrate-store --from sqlite:./data/almanac.db --to postgres://localhost/almanac`;

/** A store URL as given on the command line: postgres://… as is, anything else a SQLite file. */
function storeUrl(flag: unknown, name: string): string {
  if (typeof flag !== 'string' || !flag.trim())
    throw new UsageError(`migrate-store: --${name} <url> is required\n\n${MIGRATE_STORE_HELP}`);
  const url = flag.trim();
  return isPostgresUrl(url) || url.startsWith('sqlite:') ? url : `sqlite:${url}`;
}

export async function migrateStoreCommand(flags: Record<string, unknown>): Promise<number> {
  const from = storeUrl(flags['from'], 'from');
  const to = storeUrl(flags['to'], 'to');
  if (from === to) throw new UsageError('migrate-store: --from and --to name the same store');
  try {
    return await copyAcross(from, to);
  } catch (e) {
    // A server that does not answer, a target with data: say so, without a stack.
    console.error(`almanac migrate-store: ${(e as Error).message}`);
    return 1;
  }
}

async function copyAcross(from: string, to: string): Promise<number> {
  const source = await openStore(from, { seed: TAXONOMY });
  try {
    const target = await openStore(to, { seed: TAXONOMY });
    try {
      let shown = '';
      const report = await copyStore(source, target, (p) => {
        const line = `  ${p.table}: ${p.rows.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}`;
        if (process.stderr.isTTY) process.stderr.write(`\r${line}   `);
        else if (p.rows === p.total && line !== shown) console.error(line);
        shown = line;
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      console.log(
        `copied ${report.rows.toLocaleString('en-US')} rows in ${report.tables.length} tables from ${redact(from)} to ${redact(to)}`,
      );
      return 0;
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
