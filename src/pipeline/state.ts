import type { LiveClusterer } from '../events/live.js';
import { RelateCaches } from '../relate/reads.js';
import { createInlineRelater, type RelateJob, type Relater } from '../relate/relater.js';

/**
 * What the pipeline keeps in memory beside one store between its clustering batches. Made once
 * with the store's dependencies (Deps.state); every copy of them shares it, the batch's own
 * (`{ ...deps, db: tx }`) included. When a batch rolls back, `reset()` drops what assumed it
 * would commit.
 */
export class PipelineState {
  /** The store's live clusterer, loading or loaded; none until an article needs it (and after a reset or a forget). */
  clusterer: Promise<LiveClusterer> | undefined;
  /** Guides the running batch changed, whose updated_at it records before it commits (slug → latest time touched). */
  guidesLater = new Map<string, string>();
  /** Events the running batch has changed, refreshed once each before it commits. */
  eventsLater = new Set<string>();
  /** Set when the running batch lost clustering state it could not write: the batch rolls back. */
  unsavable = false;
  /**
   * The relating jobs started after the last batches committed, oldest first (see relater.ts):
   * a job's results are written by the batch after next, so the job runs (on its thread) for a
   * whole batch's time before anyone waits for it.
   */
  relating: RelateJob[] = [];
  /**
   * What relating on this thread keeps parsed (refreshes and the inline relater). Held under
   * versions, it stays true across a rollback, so reset() keeps it.
   */
  readonly relateCaches = new RelateCaches();
  /** The relater when the dependencies name none: inline, made at first use (it remembers its last job). */
  private inlineRelater: Relater | undefined;

  /** Who relates this store's events: the dependencies' relater, else the inline one. */
  relaterOf(given: Relater | undefined): Relater {
    if (given) return given;
    this.inlineRelater ??= createInlineRelater(this.relateCaches);
    return this.inlineRelater;
  }

  /** Forget the clusterer (after its stored state was changed behind it): the next article loads it again. */
  forgetClusterer(): void {
    this.clusterer = undefined;
  }

  /**
   * After a batch rolled back: forget all of the above. The events of the relating jobs under way
   * are still marked in the store, so the next job relates them again; the inline relater forgets
   * its last job (the dependencies' relater is reset by the caller).
   */
  reset(): void {
    this.clusterer = undefined;
    this.guidesLater = new Map();
    this.eventsLater = new Set();
    this.unsavable = false;
    this.relating = [];
    this.inlineRelater?.reset();
  }
}
