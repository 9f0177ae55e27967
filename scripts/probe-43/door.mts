// Issue 43 probe: runs against the tree named as the first argument, so one script measures the code
// before and after. Run it from inside that tree (tsx reads the tree's tsconfig), for example:
//   git archive 0373044 | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/node_modules
//   (cd /tmp/before && node --import tsx "$OLDPWD/scripts/probe-43/door.mts" /tmp/before [args])
//   node --import tsx scripts/probe-43/door.mts "$PWD" [args]
// Before/after probe of the door classes, with the code of the tree given as argv[2] (run with that tree as cwd).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
const root = process.argv[2]!;
const { serve } = await import(`${root}/node_modules/@hono/node-server/dist/index.mjs`);
const { createApp } = await import(`${root}/src/web/app.tsx`);
const { adminActions } = await import(`${root}/src/cli/pipeline.ts`);
const { loadConfig } = await import(`${root}/src/config.ts`);
const { isPublicAddress } = await import(`${root}/src/ingest/address-guard.ts`);
const { itemToArticle } = await import(`${root}/src/ingest/items.ts`);
const { testDeps } = await import(`${root}/test/helpers.ts`);
const TOKEN = 'a long admin secret for the probe';
const deps = testDeps();
const app = createApp({ db: deps.db, clock: deps.clock, admin: adminActions(deps, TOKEN) });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const req = (
  path: string,
  o: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {},
) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const r = http.request(
      `${base}${path}`,
      { method: o.method ?? 'GET', headers: o.headers, localAddress: o.from ?? '127.0.0.1', agent: false },
      (res) => {
        let b = '';
        res.on('data', (d) => (b += d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: b }));
      },
    );
    r.on('error', reject);
    r.end(o.body);
  });
const MB = 1024 * 1024;
// 1. A 200 MB declared body to /admin/login.
{
  const rss0 = process.memoryUsage.rss() / MB;
  let peak = rss0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss() / MB)), 10);
  const total = 200 * MB;
  const out = await new Promise<string>((resolve) => {
    const r = http.request(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(total), origin: base },
      agent: false,
    });
    let sent = 0,
      done = false;
    const chunk = Buffer.alloc(MB, 'a');
    const pump = () => {
      while (!done && sent < total) {
        sent += chunk.length;
        if (!r.write(chunk)) return void r.once('drain', pump);
      }
      if (!done) r.end();
    };
    r.on('response', (res) => {
      done = true;
      res.resume();
      resolve(`status ${res.statusCode} after ${(sent / MB).toFixed(0)} MB sent`);
      r.destroy();
    });
    r.on('error', (e) => {
      if (!done) {
        done = true;
        resolve(`connection error ${(e as NodeJS.ErrnoException).code} after ${(sent / MB).toFixed(0)} MB sent`);
      }
    });
    pump();
  });
  clearInterval(timer);
  console.log(`200 MB POST /admin/login: ${out}; process RSS ${rss0.toFixed(0)} -> peak ${peak.toFixed(0)} MB`);
}
// 2. Forty wrong tokens from one address.
{
  const s: number[] = [];
  for (let i = 0; i < 40; i++)
    s.push(
      (
        await req('/admin/login', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
          body: `token=guess${i}`,
          from: '127.0.30.1',
        })
      ).status,
    );
  console.log(`40 wrong tokens: ${[...new Set(s)].map((x) => `${x} x${s.filter((y) => y === x).length}`).join(', ')}`);
}
// 3. A one-character token.
try {
  loadConfig({ ALMANAC_ADMIN_TOKEN: 'x' });
  console.log('ALMANAC_ADMIN_TOKEN=x: accepted');
} catch (e) {
  console.log(`ALMANAC_ADMIN_TOKEN=x: ${(e as Error).message}`);
}
// 4. Logout, then the same cookie again.
{
  const login = async () =>
    String(
      (
        await req('/admin/login', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
          body: `token=${encodeURIComponent(TOKEN)}`,
          from: '127.0.31.1',
        })
      ).headers['set-cookie'],
    ).split(';')[0]!;
  const a = await login(),
    b = await login();
  const page = await req('/admin', { headers: { cookie: a }, from: '127.0.31.1' });
  const csrf = /name="csrf" value="([0-9a-f]{64})"/.exec(page.body)?.[1] ?? '';
  await req('/admin/logout', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, cookie: a },
    body: `csrf=${csrf}`,
    from: '127.0.31.1',
  });
  console.log(
    `two logins give the same cookie: ${a === b}; after logout the old cookie gets ${(await req('/admin', { headers: { cookie: a }, from: '127.0.31.1' })).status}`,
  );
}
// 5. Host header in feed and OpenAPI links.
{
  const atom = await req('/feed.atom', { headers: { host: 'evil.example' }, from: '127.0.32.1' });
  const api = await req('/api/openapi.json', { headers: { host: 'evil.example' }, from: '127.0.32.1' });
  console.log(
    `Host: evil.example -> feed self link ${/rel="self"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*rel="self"/.exec(atom.body)?.slice(1).find(Boolean)}; OpenAPI server ${JSON.parse(api.body).servers[0].url}`,
  );
}
// 6. A javascript: image on a feed item.
{
  const a = itemToArticle(
    {
      guid: 'g',
      url: 'https://x.example/1',
      title: 'T',
      titleHtml: '',
      summaryHtml: '',
      contentHtml: '<p>x</p>',
      authors: [],
      published: null,
      updated: null,
      categories: [],
      enclosures: [],
      image: 'javascript:alert(1)',
      language: null,
      comments: null,
    },
    { sourceId: 's', fetchedAt: new Date('2026-11-22T00:00:00Z'), fullTextMinWords: 0 },
  );
  console.log(`item image javascript:alert(1) -> stored image ${JSON.stringify(a?.image)}`);
}
// 7. The address guard on IPv6 spellings of 127.0.0.1.
console.log(
  `guard: ${['[::127.0.0.1]', '[::ffff:127.0.0.1]', '[64:ff9b::127.0.0.1]', '[2002:7f00:1::]'].map((h) => `${h} ${isPublicAddress(new URL(`http://${h}/`).hostname.slice(1, -1)) ? 'ALLOWED' : 'refused'}`).join(', ')}`,
);
server.close();
process.exit(0);
