import { TAXONOMY } from '../analyze/taxonomy.js';
import { constants as osConstants } from 'node:os';
import { createLocalPool } from '../analyze/local-pool.js';
import { systemClock, type Clock } from '../clock.js';
import { loadConfig, type Config } from '../config.js';
import { createHttpClient } from '../ingest/fetch.js';
import type { Deps } from '../pipeline/deps.js';
import { openStore } from '../store/sql/open.js';
import { createLlmExtractor, llmFromConfig } from '../analyze/llm/extractor.js';
import { relaterFor } from '../relate/relater.js';
import { PipelineState } from '../pipeline/state.js';

export { UsageError } from './usage-error.js';

/** Builds the dependencies every command shares from env + global flags. */
export async function makeDeps(
  env: Record<string, string | undefined>,
  flags: Partial<Record<keyof Config, unknown>>,
  clock: Clock = systemClock,
): Promise<Deps> {
  const config = loadConfig(env, flags);
  // An upgrade's migrations run once, as the store opens; some rewrite whole tables (017–019: 43 s at 1M articles; 020: 27 s).
  const db = await openStore(config.db, {
    seed: TAXONOMY,
    onMigration: (name) =>
      console.error(`store: applying migration ${name} (once, after an upgrade; a large store takes a while)`),
  });
  const http = createHttpClient(config);
  const log = (line: string) => console.error(line);
  const llm = llmFromConfig(config, { log });
  const localPool =
    config.extractThreads > 0 ? createLocalPool(config.extractThreads, { budgetMs: config.jobBudgetMs }) : undefined;
  const extractor = llm
    ? createLlmExtractor(llm, db, () => clock.now(), localPool && ((a) => localPool.extract(a)))
    : undefined;
  return {
    db,
    state: new PipelineState(),
    config,
    http,
    clock,
    log,
    extractor,
    llm,
    localPool,
    relater: relaterFor(config, db, log),
  };
}

export function progressLine(label: string, done: number, total: number, extra = ''): void {
  if (process.stderr.isTTY)
    process.stderr.write(
      `\r${label} ${done}/${total} ${extra}`.padEnd(80).slice(0, 120) + (done === total ? '\n' : ''),
    );
  else if (done === total || done % 25 === 0) console.error(`${label} ${done}/${total} ${extra}`.trim());
}

/** The signals that ask a long-running command to stop: Ctrl-C, kill, and a closed terminal (SIGHUP). */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Resolves on the first stop signal: how long-running commands wait to shut down cleanly
 * (server closed, scheduler ended, store closed). A second signal ends the process at once,
 * for a close that hangs. `say` words the line printed on the first (what is being waited for).
 */
export function waitForSignal(say: () => string = () => 'stopping'): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const first = (sig: NodeJS.Signals) => {
      for (const s of STOP_SIGNALS) {
        process.off(s, first);
        process.once(s, () => process.exit(128 + (osConstants.signals[s] ?? 0)));
      }
      console.error(`almanac: ${sig}: ${say()}`);
      resolve(sig);
    };
    for (const sig of STOP_SIGNALS) process.on(sig, first);
  });
}
