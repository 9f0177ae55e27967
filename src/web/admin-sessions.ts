import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../store/db.js';
import { adminSessionExpiry, deleteAdminSession, insertAdminSession } from '../store/admin-sessions.js';

/**
 * Admin sign-ins: each login gets a random session id (the cookie); signing out deletes the
 * session, so a copied cookie stops working. Kept in the store, so that a login answered by
 * one web worker process holds on the next request whichever process answers it, and a
 * restart keeps them. The store holds only the id's hash: its rows are no cookies. The
 * session's CSRF token is derived from its id, so it needs no row of its own and every
 * process computes the same one. The table is bounded (the oldest session goes first).
 */
export class AdminSessions {
  constructor(private readonly o: { db: Db; ttlMs: number; max: number; now: () => number }) {}

  async create(): Promise<{ id: string; csrf: string }> {
    const id = randomBytes(32).toString('hex');
    const now = this.o.now();
    await insertAdminSession(this.o.db, hashOf(id), now + this.o.ttlMs, now, this.o.max);
    return { id, csrf: csrfOf(id) };
  }

  /** The session's CSRF token, or undefined for an unknown, revoked or expired session. */
  async csrfOf(id: string): Promise<string | undefined> {
    const expires = await adminSessionExpiry(this.o.db, hashOf(id));
    if (expires === undefined) return undefined;
    if (expires <= this.o.now()) {
      await deleteAdminSession(this.o.db, hashOf(id));
      return undefined;
    }
    return csrfOf(id);
  }

  async revoke(id: string): Promise<void> {
    await deleteAdminSession(this.o.db, hashOf(id));
  }
}

const hashOf = (id: string) => createHash('sha256').update(id).digest('hex');
/** Only the cookie's holder can compute it; a page's form carries it back. */
const csrfOf = (id: string) => createHmac('sha256', id).update('admin csrf').digest('hex');
