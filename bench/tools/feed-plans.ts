/**
 * A filtered feed's reads on PostgreSQL, planned and run as a server runs them, with the
 * server's own timings: every topic and source feed (at each `min`) is read by one checkout's
 * store code, and each statement it sends is run again under EXPLAIN ANALYZE EXECUTE on a
 * connection set as the server's are (a generic plan kept for PLANNED_ONCE, else one planned for
 * its values), its best of three runs kept. Prints planning and running ms a feed, mean and p90.
 *   node --import tsx bench/tools/feed-plans.ts <checkout> <postgres url> [min…]
 */
import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import pg from 'pg';
import type { SqlClient, SqlValue } from '../../src/store/sql/client.js';
import { numberPlaceholders } from '../../src/store/sql/dialect.js';
import { PgClient } from '../../src/store/sql/pg-client.js';

const [tree, url, ...mins] = process.argv.slice(2);
if (!tree || !url) {
  console.error('usage: node --import tsx bench/tools/feed-plans.ts <checkout> <postgres url> [min…]');
  process.exit(2);
}
const root = isAbsolute(tree) ? tree : resolve(tree);
const { listEventCards } = await import(`${root}/src/store/events.ts`);
const { PLANNED_ONCE } = await import(`${root}/src/store/sql/planned-once.ts`);

const store = PgClient.connect(url, { max: 2 });
/** The reads of one feed, as sent. */
let sent: Array<{ sql: string; params: readonly SqlValue[] }> = [];
const recording: SqlClient = {
  dialect: 'postgres',
  inTransaction: false,
  get root() {
    return recording;
  },
  all: (sql, params = []) => (sent.push({ sql, params }), store.all(sql, params)),
  get: (sql, params = []) => (sent.push({ sql, params }), store.get(sql, params)),
  run: (sql, params = []) => store.run(sql, params),
  exec: (sql) => store.exec(sql),
  transaction: (fn) => fn(recording),
  close: async () => undefined,
};

const session = async (mode: string) => {
  const c = new pg.Client({
    connectionString: url,
    options: `-c max_parallel_workers_per_gather=0 -c jit=off -c plan_cache_mode=${mode}`,
  });
  await c.connect();
  return { c, prepared: new Set<string>() };
};
const generic = await session('force_generic_plan');
const custom = await session('force_custom_plan');
const literal = (v: SqlValue) => (typeof v === 'number' ? String(v) : pg.Client.prototype.escapeLiteral(String(v)));

/** Planning and running ms of one statement, the best of three. */
async function timed(sql: string, params: readonly SqlValue[]): Promise<{ plan: number; run: number }> {
  const s = sql.startsWith(PLANNED_ONCE) ? generic : custom;
  const name = `f${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
  if (!s.prepared.has(name)) {
    await s.c.query(`PREPARE ${name} AS ${numberPlaceholders(sql)}`);
    s.prepared.add(name);
  }
  const args = params.length ? `(${params.map(literal).join(', ')})` : '';
  let best = { plan: Number.POSITIVE_INFINITY, run: Number.POSITIVE_INFINITY };
  for (let i = 0; i < 3; i++) {
    const r = await s.c.query(`EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE ${name}${args}`);
    const [out] = r.rows[0]['QUERY PLAN'] as Array<{ 'Planning Time': number; 'Execution Time': number }>;
    const t = { plan: out!['Planning Time'], run: out!['Execution Time'] };
    if (t.plan + t.run < best.plan + best.run) best = t;
  }
  return best;
}

const topics = (await store.all<{ subject: string }>(
  "SELECT DISTINCT subject FROM subject_weeks WHERE kind = 'topic' ORDER BY subject",
)) as Array<{ subject: string }>;
const sources = await store.all<{ id: string }>('SELECT id FROM sources ORDER BY id');
const feeds: Array<Record<string, string | number>> = [];
for (const min of mins.length ? mins.map(Number) : [0, 3, 5, 7]) {
  for (const t of topics) feeds.push({ topic: t.subject, ...(min && { minSignificance: min }) });
  for (const s of sources) feeds.push({ source: s.id, ...(min && { minSignificance: min }) });
}

const plans: number[] = [];
const runs: number[] = [];
const statements = new Map<string, number>();
for (const f of feeds) {
  sent = [];
  await listEventCards(recording, { limit: 50, offset: 0, sort: 'recent', ...f });
  let plan = 0;
  let run = 0;
  for (const { sql, params } of sent) {
    const t = await timed(sql, params);
    plan += t.plan;
    run += t.run;
  }
  statements.set(String(sent.length), (statements.get(String(sent.length)) ?? 0) + 1);
  plans.push(plan);
  runs.push(run);
}
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)]!;
const ms = (x: number) => x.toFixed(3);
console.log(
  `${feeds.length} feeds (${topics.length} topics, ${sources.length} sources): ` +
    `planning ${ms(mean(plans))} ms mean, ${ms(p90(plans))} p90; running ${ms(mean(runs))} mean, ${ms(p90(runs))} p90; ` +
    `total ${ms(mean(plans.map((p, i) => p + runs[i]!)))} mean; statements a feed: ${[...statements].map(([n, c]) => `${n}×${c}`).join(' ')}`,
);
await Promise.all([store.close(), generic.c.end(), custom.c.end()]);
