import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { BACKENDS, childrenOf, freePort, freshPostgresUrl } from './helpers.js';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'almanac-web-workers-'));
const TOKEN = 'correct horse battery staple, twice';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * One request on a connection of its own: the cluster hands each new connection to the
 * next worker in turn, so requests in a row are answered by different processes.
 */
function ask(
  port: number,
  path: string,
  o: { method?: string; cookie?: string; form?: Record<string, string> } = {},
): Promise<{ status: number; body: string; cookies: string[]; location?: string }> {
  const body = o.form ? new URLSearchParams(o.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: o.method ?? (body ? 'POST' : 'GET'),
        agent: false,
        headers: {
          origin: `http://127.0.0.1:${port}`,
          ...(o.cookie ? { cookie: o.cookie } : {}),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            body: text,
            cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!),
            ...(res.headers.location ? { location: res.headers.location } : {}),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Resolves once `re` matches what the stream printed so far; rejects after `ms`. */
function waitFor(read: () => string, re: RegExp, ms = 90_000): Promise<void> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (re.test(read())) return resolve();
      if (Date.now() - t0 > ms) return reject(new Error(`no ${re} within ${ms} ms; got: ${read()}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

async function serve(
  name: string,
  workers: string,
  store?: string,
): Promise<{ child: ChildProcess; port: number; db: string; out: () => string }> {
  const port = await freePort();
  const db = store ?? join(dir, `${name}.db`);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/main.ts',
      'serve',
      '--no-scheduler',
      '--workers',
      workers,
      '--port',
      String(port),
      '--db',
      db,
    ],
    {
      cwd: root,
      env: { ...process.env, ALMANAC_EXTRACT_THREADS: '0', ALMANAC_ADMIN_TOKEN: TOKEN, ALMANAC_RATE_LIMIT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  await waitFor(() => out, /Almanac is serving on/);
  return { child, port, db, out: () => out };
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve<[number | null, string | null]>([child.exitCode, child.signalCode])
    : new Promise<[number | null, string | null]>((r) => child.once('exit', (code, sig) => r([code, sig])));

describe('serve --workers: several processes serve one store', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const backend of BACKENDS)
    it(`a sign-in, its CSRF token, the admin note and a refetch hold whichever worker answers; SIGTERM stops them all (${backend})`, async () => {
      const s = await serve('two', '2', backend === 'postgres' ? await freshPostgresUrl() : undefined);
      try {
        const workers = childrenOf(s.child.pid!);
        assert.equal(workers.length, 2, 'two worker processes');
        assert.match(s.out(), /\(2 web worker processes\)/);

        const login = await ask(s.port, '/admin/login', { form: { token: TOKEN } });
        assert.equal(login.status, 303);
        const cookie = login.cookies.find((c) => c.startsWith('almanac_admin='))!;
        // Four connections in a row: both workers answer, and both know the sign-in.
        const pages = await Promise.all([1, 2, 3, 4].map(() => ask(s.port, '/admin', { cookie })));
        assert.deepEqual(
          pages.map((p) => p.status),
          [200, 200, 200, 200],
        );
        const csrf = /name="csrf" value="([0-9a-f]{64})"/.exec(pages[0]!.body)![1]!;
        for (const p of pages) assert.ok(p.body.includes(csrf), 'every worker derives the same CSRF token');

        for (const slug of ['chips', 'robots']) {
          const added = await ask(s.port, '/admin/guides', { cookie, form: { csrf, title: slug, query: slug } });
          assert.equal(added.status, 303, added.body);
          const note = added.cookies.find((c) => c.startsWith('almanac_admin_note='))!;
          const shown = await ask(s.port, '/admin', { cookie: `${cookie}; ${note}` });
          assert.match(shown.body, new RegExp(`role="status">added guide ${slug}`));
        }
        // The refetch runs in the primary, which runs the pipeline; its report comes back to the worker that asked.
        const refetch = await ask(s.port, '/admin/refetch', { cookie, form: { csrf } });
        const note = refetch.cookies.find((c) => c.startsWith('almanac_admin_note='))!;
        assert.match((await ask(s.port, '/admin', { cookie: `${cookie}; ${note}` })).body, /fetched 0 sources/);

        const out = await ask(s.port, '/admin/logout', { cookie, form: { csrf } });
        assert.equal(out.status, 303);
        const after = await Promise.all([1, 2].map(() => ask(s.port, '/admin', { cookie })));
        assert.deepEqual(
          after.map((p) => p.status),
          [401, 401],
          'signing out on one worker signs out on all',
        );

        s.child.kill('SIGTERM');
        assert.deepEqual(await exited(s.child), [0, null], s.out());
        for (const pid of workers) assert.equal(alive(pid), false, `worker ${pid} ended`);
        await assert.rejects(ask(s.port, '/healthz'));
        if (backend === 'sqlite') assert.equal(existsSync(`${s.db}-wal`), false, 'every process closed the store');
      } finally {
        s.child.kill('SIGKILL');
      }
    });

  it('a worker killed is replaced, with a line in the log; workers dying in a loop stop the server', async () => {
    const s = await serve('crash', '2');
    try {
      const [victim, other] = childrenOf(s.child.pid!);
      process.kill(victim!, 'SIGKILL');
      await waitFor(
        s.out,
        new RegExp(`web worker \\d \\(pid ${victim}\\) ended \\(signal SIGKILL\\); starting another`),
      );
      await waitFor(() => String(childrenOf(s.child.pid!).filter((p) => p !== other).length), /^1$/);
      for (const _ of [1, 2, 3, 4]) assert.equal((await ask(s.port, '/healthz')).status, 200);

      // Five more within the minute is a crash loop: the server says so and ends with 1.
      for (let i = 0; i < 6 && s.child.exitCode === null; i++) {
        const next = childrenOf(s.child.pid!).find((p) => p !== other);
        if (next) process.kill(next, 'SIGKILL');
        await new Promise((r) => setTimeout(r, 300));
      }
      assert.deepEqual(await exited(s.child), [1, null], s.out());
      assert.match(s.out(), /web workers ended 6 times within 60 s; stopping the server/);
      assert.equal(alive(other!), false, 'the remaining worker was stopped too');
    } finally {
      s.child.kill('SIGKILL');
    }
  });

  it('--workers 1 serves in one process, as before', async () => {
    const s = await serve('one', '1');
    try {
      assert.deepEqual(childrenOf(s.child.pid!), []);
      assert.doesNotMatch(s.out(), /web worker/);
      assert.equal((await ask(s.port, '/healthz')).status, 200);
      s.child.kill('SIGTERM');
      assert.deepEqual(await exited(s.child), [0, null]);
    } finally {
      s.child.kill('SIGKILL');
    }
  });
});
