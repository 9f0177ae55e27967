import type { Context, MiddlewareHandler } from 'hono';

export interface RateLimit {
  /** Requests per minute per client, sustained. */
  perMinute: number;
  /** Requests a client may make at once before the rate applies. */
  burst: number;
}

/**
 * The client a request counts against: the socket's address. Behind a reverse proxy every
 * request shares the proxy's address, so with `trustProxy` (ALMANAC_TRUST_PROXY) it is the
 * address the proxy appended last to X-Forwarded-For: earlier entries are the client's to
 * write, so a client cannot choose its bucket. app.request() in tests has no socket: those
 * all count as one client.
 */
export function clientOf(c: Context, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * A token bucket per client: `burst` tokens, refilled at perMinute/60 a second. The table
 * is pruned of full buckets when it grows, so a crowd of passing addresses cannot fill memory.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = limit.perMinute / 60_000;
  }

  /** Seconds until `key` has a token again; 0 when it has one now. */
  wait(key: string): number {
    const b = this.bucket(key);
    return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / this.perMs / 1000);
  }

  take(key: string): void {
    this.bucket(key).tokens -= 1;
  }

  private bucket(key: string): { tokens: number; at: number } {
    const t = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= 10_000) {
        for (const [k, v] of this.buckets) {
          this.refill(v, t);
          if (v.tokens >= this.limit.burst) this.buckets.delete(k);
        }
      }
      this.buckets.set(key, (b = { tokens: this.limit.burst, at: t }));
    }
    this.refill(b, t);
    return b;
  }

  private refill(b: { tokens: number; at: number }, t: number): void {
    b.tokens = Math.min(this.limit.burst, b.tokens + (t - b.at) * this.perMs);
    b.at = t;
  }
}

/** A 429 with Retry-After and a JSON error naming the limit. */
export function tooMany(c: Context, wait: number, what: string) {
  c.header('Retry-After', String(wait));
  return c.json({ error: `too many ${what}; retry in ${wait} s` }, 429);
}

/** Over the limit, a 429 with Retry-After and a JSON error. */
export function rateLimit(limit: RateLimit, trustProxy = false, now: () => number = Date.now): MiddlewareHandler {
  const buckets = new TokenBuckets(limit, now);
  return async (c, next) => {
    const key = clientOf(c, trustProxy);
    const wait = buckets.wait(key);
    if (wait > 0) return tooMany(c, wait, `requests: at most ${limit.perMinute} a minute (bursts of ${limit.burst})`);
    buckets.take(key);
    await next();
  };
}
