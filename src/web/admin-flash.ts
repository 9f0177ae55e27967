import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * The note the admin page shows once after a change ("added …", "could not add …"). It
 * travels in a short-lived cookie of the admin path, not in the URL: a link to
 * /admin?error=… would otherwise let anyone put words of their choosing in the page's alert.
 */
export interface AdminNote {
  done?: string;
  error?: string;
}

const FLASH = 'almanac_admin_note';
/** Long enough for the redirect to be followed; a note never outlives a page view. */
const FLASH_S = 60;
const MAX_NOTE = 1000;

export function leaveNote(c: Context, note: AdminNote, secure: boolean): void {
  const kept = Object.fromEntries(
    Object.entries(note)
      .filter(([, v]) => typeof v === 'string' && v)
      .map(([k, v]) => [k, (v as string).slice(0, MAX_NOTE)]),
  );
  setCookie(c, FLASH, Buffer.from(JSON.stringify(kept)).toString('base64url'), {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/admin',
    secure,
    maxAge: FLASH_S,
  });
}

/** The note left for this page view, if any, cleared as it is read; anything malformed reads as none. */
export function takeNote(c: Context): AdminNote {
  const raw = getCookie(c, FLASH);
  if (!raw) return {};
  deleteCookie(c, FLASH, { path: '/admin' });
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (!v || typeof v !== 'object') return {};
    const { done, error } = v as Record<string, unknown>;
    return {
      ...(typeof done === 'string' ? { done: done.slice(0, MAX_NOTE) } : {}),
      ...(typeof error === 'string' ? { error: error.slice(0, MAX_NOTE) } : {}),
    };
  } catch {
    return {};
  }
}
