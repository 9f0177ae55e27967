import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { adminActions } from '../../src/cli/pipeline.js';
import { ConfigError, loadConfig, MIN_ADMIN_TOKEN } from '../../src/config.js';
import { createApp, type WebDeps } from '../../src/web/app.js';
import { BODY_LIMITS } from '../../src/web/body-limit.js';
import { testDeps } from '../helpers.js';
import { request } from './request.js';
import { Report, withPeakRss } from './report.js';

/**
 * The web server's door, over real HTTP: bodies far over the limit (declared or chunked)
 * get 413 before they are read, wrong admin tokens are throttled per address, a short token
 * stops the server at start-up, a signed-out session stays out, the cookie is Secure over
 * TLS, and links do not follow the Host header. /healthz is timed while the big bodies arrive.
 */
const report = new Report('door', 'At the door: body limits, token guessing, sessions, Secure, Host');
const TOKEN = 'a long admin secret for the door tests';
const MB = 1024 * 1024;
const MAIN = join(import.meta.dirname, '..', '..', 'src', 'main.ts');

/**
 * POSTs `total` bytes (declared, or chunked when `declared` is false) as fast as the server
 * takes them; resolves with the status and how many bytes had gone out when the answer came.
 */
function flood(
  url: string,
  total: number,
  declared: boolean,
): Promise<{ status: number | 'reset'; sentMb: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let sent = 0;
    let done = false;
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      origin: new URL(url).origin,
    };
    if (declared) headers['content-length'] = String(total);
    const req = http.request(url, { method: 'POST', headers, agent: false });
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const pump = () => {
      while (!done && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!done) req.end();
    };
    req.on('response', (res) => {
      done = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sentMb: sent / MB, ms: performance.now() - t0 });
      req.destroy();
    });
    // The server closes the connection with its 413; unread bytes in flight can turn that into a reset before the answer is read.
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (done) return;
      done = true;
      if (e.code === 'ECONNRESET' || e.code === 'EPIPE')
        resolve({ status: 'reset', sentMb: sent / MB, ms: performance.now() - t0 });
      else reject(e);
    });
    pump();
  });
}

async function listen(
  deps: WebDeps,
  o: { tls?: { key: string; cert: string } } = {},
): Promise<{ base: string; close(): Promise<void> }> {
  const app = createApp(deps);
  const server = o.tls
    ? serve({
        fetch: app.fetch,
        port: 0,
        hostname: '127.0.0.1',
        createServer: https.createServer,
        serverOptions: o.tls,
      })
    : serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `${o.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    close: () =>
      new Promise<void>((r) => {
        (server as http.Server).closeAllConnections?.();
        server.close(() => r());
      }),
  };
}

describe('at the door', () => {
  let deps: ReturnType<typeof testDeps>;
  let site: Awaited<ReturnType<typeof listen>>;
  before(async () => {
    deps = testDeps({ allowPrivate: false });
    site = await listen({
      db: deps.db,
      clock: deps.clock,
      admin: adminActions(deps, TOKEN),
      rateLimit: { perMinute: 600, burst: 1000 },
    });
  });
  after(async () => {
    await site.close();
    report.print();
  });

  it('a body far over the limit gets 413 before it is read, declared or chunked; /healthz answers throughout', {
    timeout: 120_000,
  }, async () => {
    let slowest = 0;
    let polls = 0;
    let stop = false;
    const poller = (async () => {
      while (!stop) {
        const t = performance.now();
        assert.equal((await request(`${site.base}/healthz`, { from: '127.0.9.9' })).status, 200);
        slowest = Math.max(slowest, performance.now() - t);
        polls++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const cases: Array<[string, number, boolean]> = [
      ['/admin/login', 300 * MB, true],
      ['/admin/login', 300 * MB, false],
      ['/admin/sources', 50 * MB, false],
      ['/admin/opml', 300 * MB, true],
      ['/admin/opml', 60 * MB, false],
      ['/api/events', 300 * MB, true],
      ['/nowhere', 30 * MB, false],
    ];
    const rows: string[] = [];
    const { peakRssMb } = await withPeakRss(async () => {
      for (const [path, total, declared] of cases) {
        const limit = path === '/admin/opml' ? BODY_LIMITS.opml : BODY_LIMITS.form;
        const r = await flood(`${site.base}${path}`, total, declared);
        assert.ok(
          r.status === 413 || r.status === 'reset',
          `${path} ${declared ? 'declared' : 'chunked'}: ${r.status}`,
        );
        // Chunked: the answer comes once the limit is passed; what was on the wire by then is all the server saw.
        assert.ok(r.sentMb * MB < limit + 16 * MB, `${path}: ${r.sentMb.toFixed(1)} MB had gone out`);
        rows.push(
          `${path} ${total / MB} MB ${declared ? 'declared' : 'chunked'}: ` +
            `${r.status === 413 ? '413' : 'connection closed'} after ${r.sentMb.toFixed(1)} MB ` +
            `sent, ${r.ms.toFixed(0)} ms`,
        );
      }
    });
    stop = true;
    await poller;
    assert.ok(rows.filter((r) => r.includes(': 413')).length >= cases.length / 2, 'most floods read the 413 itself');
    assert.ok(slowest < 2000, `/healthz took ${slowest.toFixed(0)} ms`);
    const rss = process.memoryUsage.rss() / MB;
    assert.ok(peakRssMb < rss + 200, `peak ${peakRssMb} MB`);
    for (const r of rows)
      report.add({ case: r.split(':')[0]!, expected: '413, not read', observed: r.split(': ')[1]! });
    report.add({
      case: `/healthz polled during the ${cases.length} floods`,
      expected: 'every answer under 2 s',
      observed: `${polls} answers, slowest ${slowest.toFixed(0)} ms`,
      peakRssMb,
    });
    // A body within the limit still works (the limit is not a ban).
    const ok = await request(`${site.base}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.base },
      body: `token=${encodeURIComponent(TOKEN)}`,
      from: '127.0.8.1',
    });
    assert.equal(ok.status, 303);
  });

  it('wrong admin tokens are throttled per address: 429 with Retry-After, even for the right one, others unaffected', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded', origin: site.base };
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const guess = `guess-${i.toString(36).padStart(20, 'x')}`;
      statuses.push(
        (
          await request(`${site.base}/admin/login`, {
            method: 'POST',
            headers: form,
            body: `token=${guess}`,
            from: '127.0.10.1',
          })
        ).status,
      );
    }
    const first = statuses.indexOf(429);
    assert.equal(first, 10, `statuses ${statuses.join(',')}`);
    assert.ok(statuses.slice(first).every((s) => s === 429));
    const right = await request(`${site.base}/admin/login`, {
      method: 'POST',
      headers: form,
      body: `token=${encodeURIComponent(TOKEN)}`,
      from: '127.0.10.1',
    });
    assert.equal(right.status, 429, 'a throttled address learns nothing, even from the right token');
    assert.ok(Number(right.headers['retry-after']) >= 1);
    const bearer: number[] = [];
    for (let i = 0; i < 15; i++)
      bearer.push(
        (
          await request(`${site.base}/admin/refetch`, {
            method: 'POST',
            headers: { authorization: `Bearer wrong-${i}` },
            from: '127.0.10.2',
          })
        ).status,
      );
    assert.equal(bearer.indexOf(429), 10, `bearer statuses ${bearer.join(',')}`);
    const other = await request(`${site.base}/admin/login`, {
      method: 'POST',
      headers: form,
      body: `token=${encodeURIComponent(TOKEN)}`,
      from: '127.0.10.3',
    });
    assert.equal(other.status, 303);
    report.add({
      case: '40 wrong tokens to /admin/login from one address; 15 wrong Bearer tokens from another',
      expected: '429 with Retry-After after a few',
      observed:
        `form: 401 ×${first}, then 429 (right token too, Retry-After ` +
        `${right.headers['retry-after']} s); bearer: 429 from the ${bearer.indexOf(429) + 1}th; a ` +
        `third address signs in (303)`,
    });
  });

  it('signing out revokes the session: each login its own id, the old cookie refused after logout', async () => {
    const login = async (from: string) => {
      const r = await request(`${site.base}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.base },
        body: `token=${encodeURIComponent(TOKEN)}`,
        from,
      });
      assert.equal(r.status, 303);
      return String(r.headers['set-cookie']).split(';')[0]!;
    };
    const a = await login('127.0.11.1');
    const b = await login('127.0.11.2');
    assert.notEqual(a, b, 'two logins, two sessions');
    const page = await request(`${site.base}/admin`, { headers: { cookie: a }, from: '127.0.11.1' });
    assert.equal(page.status, 200);
    const csrf = /name="csrf" value="([0-9a-f]{64})"/.exec(page.body)![1]!;
    const out = await request(`${site.base}/admin/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.base, cookie: a },
      body: `csrf=${csrf}`,
      from: '127.0.11.1',
    });
    assert.equal(out.status, 303);
    const replay = await request(`${site.base}/admin`, { headers: { cookie: a }, from: '127.0.11.1' });
    const replayPost = await request(`${site.base}/admin/guides`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.base, cookie: a },
      body: `title=T&query=chips&csrf=${csrf}`,
      from: '127.0.11.1',
    });
    assert.equal(replay.status, 401);
    assert.equal(replayPost.status, 401);
    assert.equal(
      (await request(`${site.base}/admin`, { headers: { cookie: b }, from: '127.0.11.2' })).status,
      200,
      'the other session lives on',
    );
    report.add({
      case: 'log in twice; sign out one; send its cookie again',
      expected: 'the signed-out cookie refused',
      observed: `two different ids; after logout GET /admin ${replay.status}, POST ${replayPost.status}; the other session 200`,
    });
  });

  it('a short admin token stops the server at start-up with a clear message', () => {
    const short = Array.from({ length: MIN_ADMIN_TOKEN }, (_, n) => 'k'.repeat(n));
    for (const t of short.slice(1))
      assert.throws(
        () => loadConfig({ ALMANAC_ADMIN_TOKEN: t }),
        (e) => e instanceof ConfigError && /ALMANAC_ADMIN_TOKEN: too short: use at least 16/.test(e.message),
      );
    assert.equal(loadConfig({ ALMANAC_ADMIN_TOKEN: 'k'.repeat(MIN_ADMIN_TOKEN) }).adminToken?.length, MIN_ADMIN_TOKEN);
    const dir = mkdtempSync(join(tmpdir(), 'almanac-door-'));
    try {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', MAIN, 'serve', '--no-scheduler', '--port', '0', '--db', join(dir, 's.db')],
        { env: { ...process.env, ALMANAC_ADMIN_TOKEN: 'x' }, encoding: 'utf8', timeout: 60_000 },
      );
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stderr, /ALMANAC_ADMIN_TOKEN: too short/);
      assert.doesNotMatch(r.stdout, /serving on/);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'a message, not a stack trace');
      report.add({
        case: `ALMANAC_ADMIN_TOKEN of 1 to ${MIN_ADMIN_TOKEN - 1} characters; \`serve\` with "x"`,
        expected: 'refused at start-up',
        observed: `${short.length - 1} of ${short.length - 1} refused; serve exits ${r.status}: "${r.stderr.trim().slice(0, 90)}"`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the cookie is Secure over TLS (direct, a trusted proxy, an https public URL) and not over plain HTTP', async () => {
    const login = async (base: string, o: { headers?: Record<string, string>; agent?: https.Agent } = {}) =>
      new Promise<string>((resolve, reject) => {
        const lib = base.startsWith('https') ? https : http;
        const req = lib.request(
          `${base}/admin/login`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, ...o.headers },
            ...(o.agent ? { agent: o.agent } : { agent: false }),
          },
          (res) => {
            res.resume();
            assert.equal(res.statusCode, 303);
            resolve(String(res.headers['set-cookie']));
          },
        );
        req.on('error', reject);
        req.end(`token=${encodeURIComponent(TOKEN)}`);
      });
    const secure = (cookie: string) => /;\s*Secure/i.test(cookie);
    const admin = adminActions(deps, TOKEN);
    const plain = secure(await login(site.base, { headers: { 'x-forwarded-proto': 'https' } }));
    const proxied = await listen({ db: deps.db, clock: deps.clock, admin, site: { trustProxy: true } });
    const viaProxy = secure(await login(proxied.base, { headers: { 'x-forwarded-proto': 'https' } }));
    const proxyPlain = secure(await login(proxied.base, { headers: { 'x-forwarded-proto': 'http' } }));
    await proxied.close();
    const pub = await listen({
      db: deps.db,
      clock: deps.clock,
      admin,
      site: { publicUrl: 'https://almanac.example.org' },
    });
    const viaPublic = secure(await login(pub.base));
    await pub.close();
    assert.deepEqual([plain, viaProxy, proxyPlain, viaPublic], [false, true, false, true]);
    let direct = 'skipped: no openssl';
    const dir = mkdtempSync(join(tmpdir(), 'almanac-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          join(dir, 'k.pem'),
          '-out',
          join(dir, 'c.pem'),
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
      const tls = await listen(
        { db: deps.db, clock: deps.clock, admin },
        { tls: { key: readFileSync(join(dir, 'k.pem'), 'utf8'), cert: readFileSync(join(dir, 'c.pem'), 'utf8') } },
      );
      try {
        const onTls = secure(await login(tls.base, { agent: new https.Agent({ rejectUnauthorized: false }) }));
        assert.equal(onTls, true);
        direct = 'Secure';
      } finally {
        await tls.close();
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    report.add({
      case: 'the admin cookie over: plain HTTP (+ an untrusted X-Forwarded-Proto), trusted proxy https/http, https public URL, direct TLS',
      expected: 'Secure exactly over TLS',
      observed:
        `${plain ? 'Secure' : 'not Secure'}; ${viaProxy ? 'Secure' : '-'} / ` +
        `${proxyPlain ? 'Secure' : 'not Secure'}; ${viaPublic ? 'Secure' : '-'}; ${direct}`,
    });
  });

  it('feed and OpenAPI links do not follow the Host header', async () => {
    const evil = { host: 'evil.example', 'x-forwarded-host': 'evil.example' };
    const atom = await request(`${site.base}/feed.atom`, { headers: evil, from: '127.0.12.1' });
    const json = await request(`${site.base}/feed.json`, { headers: evil, from: '127.0.12.1' });
    const api = await request(`${site.base}/api/openapi.json`, { headers: evil, from: '127.0.12.1' });
    for (const a of [atom, json, api]) {
      assert.equal(a.status, 200);
      assert.doesNotMatch(a.body, /evil\.example/);
    }
    assert.match(atom.body, new RegExp(`href="${site.base.replace(/[.:/]/g, '\\$&')}/feed\\.atom"`));
    assert.equal((JSON.parse(api.body) as { servers: Array<{ url: string }> }).servers[0]!.url, site.base);
    const pub = await listen({ db: deps.db, clock: deps.clock, site: { publicUrl: 'https://almanac.example.org' } });
    const configured = await request(`${pub.base}/api/openapi.json`, { headers: evil });
    await pub.close();
    assert.equal(
      (JSON.parse(configured.body) as { servers: Array<{ url: string }> }).servers[0]!.url,
      'https://almanac.example.org',
    );
    report.add({
      case: 'Host: evil.example on /feed.atom, /feed.json, /api/openapi.json',
      expected: 'links on our own address',
      observed: `no "evil.example" in any; links on ${site.base}; with ALMANAC_PUBLIC_URL, on https://almanac.example.org`,
    });
  });
});
