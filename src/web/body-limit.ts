import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** The largest body each kind of request may send: an OPML file to import, or a small form. */
export const BODY_LIMITS = { opml: 6 * 1024 * 1024, form: 64 * 1024 } as const;

/**
 * Every request body is bounded before it is read: a declared Content-Length over the limit
 * gets 413 at once; a chunked body is counted as it arrives and cut at the limit. The
 * connection is closed with the answer, so the rest is not read either.
 */
export function bodyLimits(limits: { opml: number; form: number } = BODY_LIMITS): MiddlewareHandler {
  const refuse = (max: number) => (c: Context) => {
    c.header('Connection', 'close');
    return c.json({ error: `request body too large: at most ${max} bytes here` }, 413);
  };
  const opml = bodyLimit({ maxSize: limits.opml, onError: refuse(limits.opml) });
  const form = bodyLimit({ maxSize: limits.form, onError: refuse(limits.form) });
  return (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD'
      ? next()
      : c.req.path === '/admin/opml'
        ? opml(c, next)
        : form(c, next);
}
