import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isPostgresUrl } from '../store/sql/url.js';

/** The store where nothing else is said, whose directory any command may create. */
export const DEFAULT_STORE = './data/almanac.db';

/** A store that is not there for a command that only reads one (a mistyped --db, most often). */
export class MissingStoreError extends Error {
  override name = 'MissingStoreError';
}

/**
 * Commands that may start a store from nothing: the rest read or change one that exists,
 * and a new empty store would only hide a mistyped --db behind "0 articles".
 */
export function createsStore(command: string, sub: string | undefined): boolean {
  if (command === 'sources') return sub === 'add' || sub === 'import-opml';
  // analyze --llm keeps its answers in the store, as the pipeline does.
  return ['init', 'demo', 'fetch', 'serve', 'run', 'worker', 'analyze'].includes(command);
}

/**
 * Refuses a SQLite store that is not there when the command may not create one, and a
 * missing directory for one that may (other than the default ./data). PostgreSQL stores
 * are left to their server to refuse.
 */
export function checkStorePath(db: string, mayCreate: boolean): void {
  if (db === ':memory:' || isPostgresUrl(db)) return;
  const file = db.replace(/^sqlite:/i, '');
  if (existsSync(file)) return;
  const isDefault = resolve(file) === resolve(DEFAULT_STORE);
  if (!mayCreate)
    throw new MissingStoreError(
      isDefault
        ? `no store at ${file} yet; create one with: almanac init (or npm start for the demo), or give --db`
        : `no store at ${file} (check --db or ALMANAC_DB); create one with: almanac init --db ${file}`,
    );
  const dir = dirname(resolve(file));
  if (!isDefault && !existsSync(dir))
    throw new MissingStoreError(
      `the directory ${dir} of the store ${file} does not exist (check --db or ALMANAC_DB); create it with: mkdir -p ${dir}`,
    );
}
