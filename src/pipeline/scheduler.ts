import { setTimeout as sleep } from 'node:timers/promises';
import type { Deps } from './deps.js';
import { storeFailureMessage } from '../store/store-failure.js';
import { fetchDueSources } from './fetch-sources.js';
import { processPending } from './process.js';

/**
 * The main loop: fetch what is due, process what is pending, sleep, again. Stops at the
 * next tick boundary when the signal aborts.
 */
export async function runScheduler(deps: Deps, signal: AbortSignal, opts: { once?: boolean } = {}): Promise<void> {
  while (!signal.aborted) {
    try {
      const fetched = await fetchDueSources(deps);
      const fresh = fetched.reduce((n, o) => n + o.itemsNew, 0);
      const failed = fetched.filter((o) => !o.ok).length;
      const processed = await processPending(deps);
      // A line for every round that did something: a server that fetches or retries in silence looks hung.
      const worked = processed.filter((p) => p.done + p.failed > 0);
      if (fetched.length || worked.length)
        deps.log(
          `scheduler: ${fetched.length} sources fetched (${fresh} new articles, ${failed} failed); ` +
            (worked.length
              ? worked.map((p) => `${p.stage} ${p.done} done ${p.failed} failed`).join(', ')
              : 'nothing to process'),
        );
    } catch (e) {
      // A failure of one round (the disk, a bug) must not end the loop: log and try again next tick.
      deps.log(`scheduler: round failed: ${storeFailureMessage(e) ?? (e as Error).stack ?? e}`);
    }
    if (opts.once) return;
    // Node's timer takes the abort listener off when it fires: one listener per tick added, one removed.
    await sleep(deps.config.schedulerTickS * 1000, undefined, { signal }).catch(() => undefined);
  }
}
