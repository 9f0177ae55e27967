import type { Db } from './db.js';

/**
 * Admin sign-ins by the hash of their id (src/web/admin-sessions.ts hashes it): kept in the
 * store so that every web process serving it knows them. Times are epoch milliseconds.
 */

/**
 * Keeps a new session, dropping the expired ones and, at `max`, the oldest: repeated
 * logins cannot grow the table without bound.
 */
export async function insertAdminSession(
  db: Db,
  idHash: string,
  expiresAt: number,
  now: number,
  max: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run('DELETE FROM admin_sessions WHERE expires_at <= ?', [now]);
    const held = (await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM admin_sessions'))!.n;
    if (held >= max)
      await tx.run(
        'DELETE FROM admin_sessions WHERE id_hash IN (SELECT id_hash FROM admin_sessions ORDER BY expires_at LIMIT ?)',
        [held - max + 1],
      );
    await tx.run('INSERT INTO admin_sessions (id_hash, expires_at) VALUES (?, ?)', [idHash, expiresAt]);
  });
}

/** When the session expires (epoch ms), or undefined for one not kept. */
export async function adminSessionExpiry(db: Db, idHash: string): Promise<number | undefined> {
  return (await db.get<{ expires_at: number }>('SELECT expires_at FROM admin_sessions WHERE id_hash = ?', [idHash]))
    ?.expires_at;
}

export async function deleteAdminSession(db: Db, idHash: string): Promise<void> {
  await db.run('DELETE FROM admin_sessions WHERE id_hash = ?', [idHash]);
}
