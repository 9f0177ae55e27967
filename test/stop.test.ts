import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { childrenOf, freePort } from './helpers.js';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'almanac-stop-'));
const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;

/** Whether something answers on the port. */
const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });

/** Resolves once `re` appears in what the stream printed; rejects after `ms`. */
function waitFor(stream: NodeJS.ReadableStream, re: RegExp, ms = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let text = '';
    const t = setTimeout(() => reject(new Error(`no ${re} within ${ms} ms; got: ${text}`)), ms);
    stream.on('data', (d: Buffer) => {
      text += d.toString();
      if (re.test(text)) clearTimeout(t), resolve();
    });
  });
}

/** Resolves when every process holding the child's stdout has ended (the pipe closes), false after `ms`. */
const pipeClosed = (child: ChildProcess, ms: number) =>
  new Promise<boolean>((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    child.stdout!.once('close', () => (clearTimeout(t), resolve(true)));
  });

const serveArgs = (port: number, db: string) => [
  '--import',
  'tsx',
  'src/main.ts',
  'serve',
  '--no-scheduler',
  '--port',
  String(port),
  '--db',
  db,
];
const env = { ...process.env, ALMANAC_EXTRACT_THREADS: '0' };

describe('a stop signal closes the server cleanly, however it was started', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    it(`${signal}: the server closes, the store is closed, exit 0`, async () => {
      const port = await freePort();
      const db = join(dir, `${signal}.db`);
      const child = spawn(process.execPath, serveArgs(port, db), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      try {
        await waitFor(child.stdout!, /Almanac is serving on/);
        assert.equal(await answers(port), true);
        const exited = new Promise<[number | null, string | null]>((r) =>
          child.once('exit', (code, sig) => r([code, sig])),
        );
        child.kill(signal);
        assert.deepEqual(await exited, [0, null], err);
        assert.match(err, new RegExp(`almanac: ${signal}: stopping`));
        assert.equal(await answers(port), false);
        // The last connection to close checkpoints the WAL into the store and removes it.
        assert.equal(existsSync(`${db}-wal`), false, 'the store was closed');
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    });
  }

  it('killing npm (npm start) stops the server it started', {
    skip: npm ? false : 'npm is not installed',
  }, async () => {
    const port = await freePort();
    const db = join(dir, 'npm.db');
    const pkg = join(dir, 'npm-start');
    spawnSync('mkdir', ['-p', pkg]);
    // What `npm start` runs, in a package of its own: npm runs it through sh -c, as it runs ours.
    const script = `cd '${root}' && '${process.execPath}' ${serveArgs(port, db).join(' ')}`;
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({ name: 'stop-test', version: '1.0.0', private: true, scripts: { start: script } }),
    );
    const child = spawn('npm', ['start', '--silent'], { cwd: pkg, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    let server: number | undefined;
    try {
      await waitFor(child.stdout!, /Almanac is serving on/);
      server = childrenOf(child.pid!).flatMap(childrenOf)[0] ?? childrenOf(child.pid!)[0];
      assert.ok(server, 'found the server process under npm');
      child.kill('SIGTERM');
      // The pipe closes once npm, its shell and the server have all ended.
      assert.equal(
        await pipeClosed(child, 20_000),
        true,
        `the server is still running after npm was killed; stderr: ${err}`,
      );
      assert.equal(await answers(port), false);
      assert.match(err, /almanac: SIGTERM: stopping/);
      assert.equal(existsSync(`${db}-wal`), false, 'the store was closed');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      if (server) {
        try {
          process.kill(server, 'SIGKILL');
        } catch {
          // already gone, as it should be
        }
      }
    }
  });
});
