import { randomBytes } from 'node:crypto';

/**
 * Admin sign-ins, kept by the server: each login gets a random session id (the cookie) and
 * its own CSRF token; signing out deletes the session, so a copied cookie stops working.
 * Held in memory: a restart signs everyone out, which is the safe direction. The table is
 * bounded (the oldest session goes first) so repeated logins cannot fill memory.
 */
export class AdminSessions {
  private readonly byId = new Map<string, { csrf: string; expires: number }>();

  constructor(private readonly o: { ttlMs: number; max: number; now: () => number }) {}

  create(): { id: string; csrf: string } {
    const id = randomBytes(32).toString('hex');
    const csrf = randomBytes(32).toString('hex');
    if (this.byId.size >= this.o.max) this.byId.delete(this.byId.keys().next().value!);
    this.byId.set(id, { csrf, expires: this.o.now() + this.o.ttlMs });
    return { id, csrf };
  }

  /** The session's CSRF token, or undefined for an unknown, revoked or expired session. */
  csrfOf(id: string): string | undefined {
    const s = this.byId.get(id);
    if (!s) return undefined;
    if (s.expires <= this.o.now()) {
      this.byId.delete(id);
      return undefined;
    }
    return s.csrf;
  }

  revoke(id: string): void {
    this.byId.delete(id);
  }
}
