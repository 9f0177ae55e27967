/**
 * Failures of the store itself (a full disk, a read-only or damaged file), told apart from
 * everything else: they are no article's or source's fault, so no stage records them against
 * one, and the command line says what is wrong and what to do instead of a stack trace.
 */
export type StoreFailure = 'full' | 'read-only' | 'damaged' | 'io';

/** SQLite's primary result codes (an extended code such as SQLITE_READONLY_DBMOVED counts as its primary). */
const SQLITE: Record<string, StoreFailure> = {
  SQLITE_FULL: 'full',
  SQLITE_READONLY: 'read-only',
  SQLITE_CANTOPEN: 'read-only',
  SQLITE_PERM: 'read-only',
  SQLITE_CORRUPT: 'damaged',
  SQLITE_NOTADB: 'damaged',
  SQLITE_IOERR: 'io',
};
/** PostgreSQL's SQLSTATEs for the same: disk_full, read_only_sql_transaction, data_corrupted, index_corrupted. */
const POSTGRES: Record<string, StoreFailure> = {
  '53100': 'full',
  '25006': 'read-only',
  XX001: 'damaged',
  XX002: 'damaged',
};

/** The failure's kind and the driver's code ("SQLITE_FULL", "53100"), when the error is a store failure. */
export function storeFailure(err: unknown): { kind: StoreFailure; code: string } | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  const kind = SQLITE[/^SQLITE_[A-Z]+/.exec(code)?.[0] ?? ''] ?? POSTGRES[code];
  return kind ? { kind, code } : undefined;
}

/**
 * What to tell the user, in one line: what is wrong with the store at `where` and what to
 * do. Writes run in transactions, so what was being written when it failed is not in the store.
 */
export function storeFailureMessage(err: unknown, where = 'the store'): string | undefined {
  const failure = storeFailure(err);
  if (!failure) return undefined;
  const { kind, code } = failure;
  switch (kind) {
    case 'full':
      return (
        `the disk holding ${where} is full (${code}): nothing of the failed step was written; ` +
        `free some space (or move the store and point --db at it), then run the command again`
      );
    case 'read-only':
      return (
        `cannot write ${where} (${code}): the file or its directory is read-only, or not ours ` +
        `to open. Almanac writes the file and, beside it, its -wal and -shm files: give this user ` +
        `write access to both, or use --db to choose another store`
      );
    case 'damaged':
      return (
        `${where} is damaged or is not an Almanac store (${code}: ${(err as Error).message}). ` +
        `Restore it from a backup, or move it aside and run 'almanac init' to start a new one ` +
        `(sqlite3's .recover can save what it still holds)`
      );
    case 'io':
      return `the disk failed while reading or writing ${where} (${code}): check the disk and its free space, then run the command again`;
  }
}
