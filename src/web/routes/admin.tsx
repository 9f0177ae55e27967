import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { addManualGuide } from '../../guides/membership.js';
import { readOpml } from '../../ingest/opml.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../store/db.js';
import { listSources, sourceLabel, SOURCE_KINDS, upsertSource } from '../../store/sources.js';
import { unfollowSource } from '../../pipeline/unfollow.js';
import { Dashboard, Login } from '../pages/admin.js';
import { ErrorPage } from '../pages/layout.js';
import { nonEmpty, validate } from '../validate.js';
import { AdminSessions } from '../admin-sessions.js';
import { leaveNote, takeNote, type AdminNote } from '../admin-flash.js';
import { clientOf, tooMany, TokenBuckets } from '../rate-limit.js';
import { MIN_ADMIN_TOKEN } from '../../config.js';

/**
 * The admin area, behind ALMANAC_ADMIN_TOKEN: add and remove sources, import OPML,
 * refetch now, add a guide. Off (404) when no token is set. A browser signs in with the
 * token and gets an HttpOnly, SameSite=Strict cookie holding a random session id the server
 * keeps (signing out revokes it; Secure when served over TLS); scripts may send
 * `Authorization: Bearer <token>`. Wrong tokens are throttled per client address. Every
 * form carries a CSRF token bound to the session, and cross-origin posts are refused by
 * their Origin header as well.
 */
export interface AdminDeps {
  token: string;
  db: Db;
  clock: Clock;
  /** Find the feed of a URL (a feed or a page that announces one) and return its details. */
  discover(url: string): Promise<{ feedUrl: string; title?: string | null; siteUrl?: string | null }>;
  /** Fetch one source now (or every source), then process what arrived; resolves with a one-line report. */
  refetch(sourceId?: string): Promise<string>;
  /** Whether the request reached us over TLS (directly or through a trusted proxy): the cookie is then Secure. */
  overTls?: (c: Context) => boolean;
  /** Wrong tokens a client may send at once, and then a minute (default 10, then 6 a minute). */
  guesses?: { perMinute: number; burst: number };
  /** Behind a trusted proxy, guesses count against the address it forwards (X-Forwarded-For). */
  trustProxy?: boolean;
}

const COOKIE = 'almanac_admin';
/** How long a sign-in lasts. */
const SESSION_S = 7 * 86_400;
const mac = (key: string, what: string) => createHmac('sha256', key).update(what).digest('hex');
const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(mac('compare', a));
  const y = Buffer.from(mac('compare', b));
  return timingSafeEqual(x, y);
};

const AddSource = z.object({
  url: z
    .string()
    .trim()
    .url('a feed or site URL (http or https)')
    .refine((u) => /^https?:/i.test(u), 'http or https only'),
  name: z.string().trim().max(200).optional(),
  tier: z.coerce.number().int().min(1).max(3).optional(),
  kind: z.enum(SOURCE_KINDS).optional(),
});
const AddGuide = z.object({
  title: z.string().trim().min(1, 'a title').max(200),
  query: z.string().trim().min(1, 'a query').max(500),
});
const Opml = z.object({ opml: z.string().min(1, 'an OPML document').max(5_000_000) });

/** A form's fields, or a JSON object's (for scripts): a body that is neither gets a clear 400. */
const fields = async (c: Context): Promise<Record<string, string | File>> => {
  if (!/application\/json/i.test(c.req.header('content-type') ?? '')) return c.req.parseBody();
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (e) {
    throw new HTTPException(400, { res: c.json({ error: `invalid JSON body: ${(e as Error).message}` }, 400) });
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new HTTPException(400, {
      res: c.json({ error: 'the JSON body must be an object of fields, like {"url": "https://…"}' }, 400),
    });
  return Object.fromEntries(
    Object.entries(body)
      .filter(([, v]) => ['string', 'number'].includes(typeof v))
      .map(([k, v]) => [k, String(v)]),
  );
};
const problem = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
/** A bad form goes back to the dashboard with every problem named. */
/** The form's fields without its blanks. */
const filledForm = async (c: Context) => nonEmpty(await fields(c));
/** The pasted OPML, or the uploaded file's. */
const opmlOf = async (c: Context) => {
  const body = await fields(c);
  const file = body['file'];
  const text =
    file instanceof File && file.size ? await file.text() : typeof body['opml'] === 'string' ? body['opml'] : '';
  return { opml: text };
};

/** The admin area's routes (see AdminDeps), mounted at /admin. */
export function adminApp(deps: AdminDeps): Hono {
  if (deps.token.length < MIN_ADMIN_TOKEN)
    throw new Error(`admin: the token is ${deps.token.length} characters; use at least ${MIN_ADMIN_TOKEN}`);
  const app = new Hono();
  const sessions = new AdminSessions({
    db: deps.db,
    ttlMs: SESSION_S * 1000,
    max: 1000,
    now: () => deps.clock.now().getTime(),
  });
  const guesses = new TokenBuckets(deps.guesses ?? { perMinute: 6, burst: 10 });

  /** Who the request is: the bearer token, or a live session (with its CSRF token); a wrong bearer token counts as a guess. */
  const signedIn = async (
    c: Context,
  ): Promise<{ by: 'bearer' } | { by: 'cookie'; id: string; csrf: string } | undefined> => {
    const bearer = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer) {
      if (sameSecret(bearer, deps.token)) return { by: 'bearer' };
      guesses.take(clientOf(c, deps.trustProxy));
      return undefined;
    }
    const id = getCookie(c, COOKIE);
    const csrfOf = id ? await sessions.csrfOf(id) : undefined;
    return id && csrfOf ? { by: 'cookie', id, csrf: csrfOf } : undefined;
  };

  const secureCookie = (c: Context) => deps.overTls?.(c) ?? new URL(c.req.url).protocol === 'https:';
  /** The answer to a change: JSON for a script, a redirect to the dashboard with a note left for it for a browser. */
  const back = (c: Context, r: AdminNote) => {
    if (c.req.header('authorization'))
      return c.json(r.error ? { error: r.error } : { ok: true, message: r.done }, r.error ? 400 : 200);
    leaveNote(c, r, secureCookie(c));
    return c.redirect('/admin', 303);
  };
  const badForm = (c: Context, e: z.ZodError) => back(c, { error: problem(e) });

  // Cross-origin form posts are refused before anything else runs (scripts with the bearer token carry no cookie to abuse).
  const sameOrigin = csrf();
  app.use('*', (c, next) => (c.req.header('authorization') ? next() : sameOrigin(c, next)));

  // A client that sent too many wrong tokens gets 429 for anything carrying a token, right or wrong, until its bucket refills.
  app.use('*', async (c, next) => {
    if (!c.req.header('authorization') && !(c.req.method === 'POST' && c.req.path === '/admin/login')) return next();
    const wait = guesses.wait(clientOf(c, deps.trustProxy));
    return wait > 0
      ? tooMany(
          c,
          wait,
          `wrong admin tokens from this address: at most ${guesses.limit.burst}, then ${guesses.limit.perMinute} a minute`,
        )
      : next();
  });

  app.get('/', async (c) => {
    const who = await signedIn(c);
    if (!who) return c.html(<Login />, 401);
    const note = takeNote(c);
    // A script reading the page gets no form to post: its bearer token is its proof.
    return c.html(
      <Dashboard
        sources={await listSources(deps.db)}
        csrf={who.by === 'cookie' ? who.csrf : ''}
        done={note.done}
        error={note.error}
      />,
    );
  });

  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const token = typeof body['token'] === 'string' ? body['token'] : '';
    if (!token || !sameSecret(token, deps.token)) {
      guesses.take(clientOf(c, deps.trustProxy));
      return c.html(<Login error="That token is not right." />, 401);
    }
    const { id } = await sessions.create();
    setCookie(c, COOKIE, id, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/admin',
      secure: secureCookie(c),
      maxAge: SESSION_S,
    });
    return c.redirect('/admin', 303);
  });

  // Everything below changes the store: signed in, and (for a browser session) the form's CSRF token.
  app.use('/*', async (c, next) => {
    if (c.req.method !== 'POST' || c.req.path === '/admin/login') return next();
    const who = await signedIn(c);
    if (!who) return c.json({ error: 'sign in first: the admin token (form or Authorization: Bearer)' }, 401);
    if (who.by === 'cookie') {
      const body = await fields(c);
      const sent = typeof body['csrf'] === 'string' ? body['csrf'] : '';
      if (!sent || !sameSecret(sent, who.csrf))
        return c.json({ error: 'missing or wrong CSRF token: reload the admin page and try again' }, 403);
    }
    return next();
  });

  app.post('/logout', async (c) => {
    // Revoked here, not only forgotten by this browser: the same cookie sent again is refused.
    const id = getCookie(c, COOKIE);
    if (id) await sessions.revoke(id);
    deleteCookie(c, COOKIE, { path: '/admin' });
    return c.redirect('/admin', 303);
  });

  app.post('/sources', validate('form', AddSource, filledForm, badForm), async (c) => {
    const form = c.req.valid('form');
    try {
      const found = await deps.discover(form.url);
      const s = await upsertSource(
        deps.db,
        {
          feedUrl: found.feedUrl,
          name: form.name ?? found.title ?? new URL(found.feedUrl).hostname,
          ...(found.siteUrl ? { homeUrl: found.siteUrl } : {}),
          ...(form.tier ? { tier: form.tier } : {}),
          ...(form.kind ? { kind: form.kind } : {}),
        },
        deps.clock.now(),
      );
      return back(c, { done: `added ${s.id}: ${sourceLabel(s)} <${s.feedUrl}>` });
    } catch (e) {
      return back(c, { error: `could not add ${form.url}: ${(e as Error).message}` });
    }
  });

  app.post('/sources/:id/remove', async (c) => {
    const id = c.req.param('id');
    const gone = await unfollowSource(deps.db, id);
    return gone
      ? back(c, { done: `removed ${id}: ${gone.articles} articles and the ${gone.events} events they were in` })
      : back(c, { error: `no source ${id}` });
  });

  app.post('/sources/:id/refetch', async (c) => {
    const id = c.req.param('id');
    if (!(await listSources(deps.db)).some((s) => s.id === id)) return back(c, { error: `no source ${id}` });
    return back(c, { done: await deps.refetch(id) });
  });

  app.post('/refetch', async (c) => back(c, { done: await deps.refetch() }));

  app.post('/opml', validate('form', Opml, opmlOf, badForm), async (c) => {
    try {
      const list = readOpml(c.req.valid('form').opml);
      const errors: string[] = [];
      let ok = 0;
      for (const s of list) {
        try {
          await upsertSource(deps.db, s, deps.clock.now());
          ok++;
        } catch (e) {
          errors.push((e as Error).message);
        }
      }
      return back(
        c,
        errors.length
          ? { error: `imported ${ok} of ${list.length} feeds; ${errors.slice(0, 3).join('; ')}` }
          : { done: `imported ${ok} of ${list.length} feeds` },
      );
    } catch (e) {
      return back(c, { error: (e as Error).message });
    }
  });

  app.post('/guides', validate('form', AddGuide, filledForm, badForm), async (c) => {
    try {
      const g = await addManualGuide(deps.db, c.req.valid('form'), deps.clock.now().toISOString());
      return back(c, { done: `added guide ${g.slug} (${g.eventCount} events)` });
    } catch (e) {
      return back(c, { error: (e as Error).message });
    }
  });

  return app;
}

/** With no admin token the area is off: every /admin address says so. */
export function adminOffApp(): Hono {
  const app = new Hono();
  const off = (c: Context) =>
    c.html(
      <ErrorPage title="Admin area off" message="The admin area is off: start Almanac with ALMANAC_ADMIN_TOKEN set." />,
      404,
    );
  app.all('/*', off);
  app.all('/', off);
  return app;
}
