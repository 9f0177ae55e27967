/**
 * Statements per article: the real pipeline over the demo feeds (full text, extraction,
 * clustering, relating, guides) on an in-memory store, counting every statement it sends
 * through SqlClient, most frequent first. On PostgreSQL each is a round trip, so this is
 * the cost model of ingest there. Run: node --import tsx bench/statements.ts
 */
import { DEMO_SOURCES } from '../src/demo/sources.js';
import { fetchDueSources } from '../src/pipeline/fetch-sources.js';
import { processPending } from '../src/pipeline/process.js';
import { upsertSource } from '../src/store/sources.js';
import type { SqlClient } from '../src/store/sql/client.js';
import { demoFeedServer } from '../test/demo-store.js';
import { testDeps } from '../test/helpers.js';

const feeds = await demoFeedServer();
const deps = testDeps();
const counts = new Map<string, number>();
/** Counts the statements a client (and the client its transactions hand out) sends. */
const count = (c: SqlClient) => {
  const target = c as unknown as Record<'all' | 'get' | 'run', (sql: string, p?: unknown) => Promise<unknown>>;
  for (const m of ['all', 'get', 'run'] as const) {
    const f = target[m].bind(c);
    target[m] = (sql, p) => {
      const key = sql.replace(/\s+/g, ' ').slice(0, 110);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return f(sql, p);
    };
  }
};
count(deps.db);
await deps.db.transaction(async (tx) => count(tx));
try {
  for (const s of DEMO_SOURCES) {
    await upsertSource(
      deps.db,
      {
        id: s.id,
        name: s.name,
        tier: s.tier,
        kind: s.kind,
        allowPrivate: true,
        feedUrl: `${feeds.base}demo/feeds/${s.id}.${s.format === 'json' ? 'json' : 'xml'}`,
      },
      deps.clock.now(),
    );
  }
  await fetchDueSources(deps);
  counts.clear();
  await processPending(deps);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(
    `processing ${feeds.corpus.length} demo articles sent ${total.toLocaleString('en-US')} statements: ${Math.round(total / feeds.corpus.length)} per article`,
  );
  for (const [sql, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`${String(n).padStart(7)}  ${sql}`);
} finally {
  await feeds.close();
  await deps.db.close();
}
