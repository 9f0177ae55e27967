/**
 * Politeness: at most one request at a time to a host, with a pause between two requests
 * to it, and a cap on requests in flight overall.
 */
/**
 * A host slot shared with other processes (the store's host_slots, src/store/jobs.ts):
 * `take` succeeds for one holder at a time once the host's pause has passed; `give` frees
 * it and starts the pause.
 */
export interface SharedHostSlots {
  take(host: string): Promise<boolean>;
  give(host: string): Promise<void>;
}

export class HostGate {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly lastAt = new Map<string, number>();
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly opts: { hostDelayMs: number; concurrency: number; shared?: SharedHostSlots }) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const prev = this.chains.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const chain = prev.then(() => mine);
    this.chains.set(host, chain);
    await prev;
    try {
      const wait = (this.lastAt.get(host) ?? 0) + this.opts.hostDelayMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      // Across processes: wait for the host's shared slot (another worker may be at this host).
      const shared = this.opts.shared;
      if (shared)
        while (!(await shared.take(host)))
          await new Promise((r) => setTimeout(r, Math.max(25, Math.min(this.opts.hostDelayMs, 250))));
      try {
        await this.acquire();
        try {
          return await task();
        } finally {
          this.lastAt.set(host, Date.now());
          this.releaseSlot();
        }
      } finally {
        await shared?.give(host);
      }
    } finally {
      release();
      if (this.chains.get(host) === chain) this.chains.delete(host);
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.opts.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((r) => this.waiting.push(() => (this.active++, r())));
  }

  private releaseSlot(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}
