import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ErrorPage } from './pages/layout.js';
import { rateLimit } from './rate-limit.js';
import { pageCache } from './page-cache.js';
import { overTls } from './origin.js';
import { bodyLimits } from './body-limit.js';
import { securityHeaders } from './security-headers.js';
import { adminApp, adminOffApp } from './routes/admin.js';
import { apiApp } from './routes/api.js';
import { feedsApp } from './routes/feeds.js';
import { pagesApp } from './routes/pages.js';
import type { WebDeps } from './routes/shared.js';

export type { WebDeps } from './routes/shared.js';

/**
 * The web app and JSON API; pure request → response, testable with app.request() and no server.
 * The middleware below runs, in this order, before every sub-app's routes: security headers, body
 * limits, the rate limit, the page cache.
 */
export function createApp(deps: WebDeps): Hono {
  const app = new Hono();

  app.use('*', securityHeaders);

  // Bodies are bounded before anything reads them: a 300 MB POST to /admin/login was read whole.
  app.use('*', bodyLimits());

  // Every page, feed and API answer counts against the client's rate (admin has its own limit on guesses; /healthz is for monitors).
  if (deps.rateLimit && deps.rateLimit.perMinute > 0) {
    const limited = rateLimit(deps.rateLimit, deps.site?.trustProxy);
    app.use('*', (c, next) =>
      c.req.path === '/healthz' || c.req.path === '/admin' || c.req.path.startsWith('/admin/')
        ? next()
        : limited(c, next),
    );
  }
  if (deps.pageCache && deps.pageCache.seconds > 0) app.use('*', pageCache(deps.db, deps.pageCache));

  // Admin (behind ALMANAC_ADMIN_TOKEN), pages, feeds, the JSON API.
  app.route(
    '/admin',
    deps.admin
      ? adminApp({
          overTls: (c) => overTls(c, deps.site ?? {}),
          trustProxy: deps.site?.trustProxy,
          ...deps.admin,
          db: deps.db,
          clock: deps.clock,
        })
      : adminOffApp(),
  );
  app.route('/', pagesApp(deps));
  app.route('/', feedsApp(deps));
  app.route('/api', apiApp(deps));

  // Polled by load balancers and monitors: proves the store answers, at a cost that does not grow with it.
  app.get('/healthz', async (c) => c.json({ ok: (await deps.db.get<{ one: number }>('SELECT 1 AS one'))?.one === 1 }));

  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json({ error: `no route ${c.req.path}` }, 404)
      : c.html(<ErrorPage title="Not found" message={`Nothing is at ${c.req.path}.`} />, 404),
  );
  app.onError((err, c) => {
    // Middleware refusals (CSRF, for one) are answers, not failures.
    if (err instanceof HTTPException) return err.getResponse();
    console.error(`web: ${c.req.method} ${c.req.path}: ${err.stack ?? err}`);
    return c.req.path.startsWith('/api/')
      ? c.json({ error: 'internal error' }, 500)
      : c.html(
          <ErrorPage
            title="Something went wrong"
            message="This page failed on our side; the server's log says why. Try again, or go on from here."
          />,
          500,
        );
  });
  return app;
}
