import { PgClient } from './pg-client.js';

/**
 * Creates a new, empty database on the PostgreSQL server `serverUrl` names (connecting to
 * the database in that URL to do it) and returns the URL of the new one. For tests and
 * benchmarks, which each want a store of their own on one throwaway server.
 */
export async function createDatabase(serverUrl: string, prefix = 'almanac'): Promise<string> {
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database createDatabase made (connecting to the server's URL, not to it). */
export async function dropDatabase(serverUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a database name: ${name}`);
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** One statement on a connection of its own (CREATE and DROP DATABASE cannot run in a transaction). */
async function onServer(serverUrl: string, sql: string): Promise<void> {
  const admin = PgClient.connect(serverUrl, { max: 1 });
  try {
    await admin.exec(sql);
  } finally {
    await admin.close();
  }
}
