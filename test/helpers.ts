import { TAXONOMY } from '../src/analyze/taxonomy.js';
import { spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { fixedClock } from '../src/clock.js';
import { loadConfig, type Config } from '../src/config.js';
import { createHttpClient } from '../src/ingest/fetch.js';
import type { Deps } from '../src/pipeline/deps.js';
import { PipelineState } from '../src/pipeline/state.js';
import { openDb } from '../src/store/db.js';
import { openStore } from '../src/store/sql/open.js';
import { createDatabase } from '../src/store/sql/fresh-database.js';

/** A loopback HTTP server for a test; returns its base URL and a close function. */
export async function startServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export function testConfig(over: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}, { db: ':memory:' }),
    hostDelayMs: 0,
    connectTimeoutMs: 2000,
    totalTimeoutMs: 3000,
    ...over,
  };
}

export function testDeps(over: Partial<Config> = {}): Deps & { clock: ReturnType<typeof fixedClock> } {
  const config = testConfig(over);
  return {
    db: openDb(':memory:', { seed: TAXONOMY }),
    state: new PipelineState(),
    config,
    http: createHttpClient(config),
    clock: fixedClock('2026-11-22T12:00:00Z'),
    log: () => {},
  };
}

/** A TCP port free on loopback right now (for a child process that must keep one port across runs). */
export async function freePort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

/** The stores end-to-end tests run on: SQLite always; PostgreSQL too when ALMANAC_TEST_DATABASE_URL names a server (.ci/run starts one). */
export const BACKENDS: ReadonlyArray<'sqlite' | 'postgres'> = process.env['ALMANAC_TEST_DATABASE_URL']
  ? ['sqlite', 'postgres']
  : ['sqlite'];

/** A new, empty database on the PostgreSQL test server (ALMANAC_TEST_DATABASE_URL), as a URL. */
export async function freshPostgresUrl(): Promise<string> {
  const server = process.env['ALMANAC_TEST_DATABASE_URL'];
  if (!server) throw new Error('a PostgreSQL store for a test: set ALMANAC_TEST_DATABASE_URL');
  return createDatabase(server, 'almanac_t');
}

/**
 * testDeps on a fresh, empty store of the given engine: an in-memory SQLite database, or a
 * new PostgreSQL database created on the test server for this call. Close deps.db when done.
 */
export async function testDepsOn(
  backend: 'sqlite' | 'postgres',
  over: Partial<Config> = {},
): Promise<ReturnType<typeof testDeps>> {
  const deps = testDeps(over);
  if (backend === 'sqlite') return deps;
  await deps.db.close();
  return { ...deps, db: await openStore(await freshPostgresUrl(), { seed: TAXONOMY, poolSize: 4 }) };
}

/** Pids of the processes whose parent is `pid` (Linux /proc, through ps). */
export const childrenOf = (pid: number) =>
  spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
    .stdout.trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
