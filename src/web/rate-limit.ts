import type { Context, MiddlewareHandler } from 'hono';

export interface RateLimit {
  /** Requests per minute per client, sustained. */
  perMinute: number;
  /** Requests a client may make at once before the rate applies. */
  burst: number;
}

/**
 * The client a request counts against: the socket's address. Behind a reverse proxy every
 * request shares the proxy's address, so the proxy should limit instead (or set the limit
 * to 0 here). app.request() in tests has no socket: those all count as one client.
 */
function clientOf(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

/**
 * A token bucket per client address: `burst` tokens, refilled at perMinute/60 a second.
 * Over the limit, a 429 with Retry-After and a JSON error. The table of buckets is pruned of
 * full buckets when it grows, so a crowd of passing addresses cannot fill memory.
 */
export function rateLimit(limit: RateLimit, now: () => number = Date.now): MiddlewareHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = limit.perMinute / 60_000;
  const refill = (b: { tokens: number; at: number }, t: number) => {
    b.tokens = Math.min(limit.burst, b.tokens + (t - b.at) * perMs);
    b.at = t;
  };
  return async (c, next) => {
    const t = now();
    const key = clientOf(c);
    let b = buckets.get(key);
    if (!b) {
      if (buckets.size >= 10_000) {
        for (const [k, v] of buckets) {
          refill(v, t);
          if (v.tokens >= limit.burst) buckets.delete(k);
        }
      }
      buckets.set(key, (b = { tokens: limit.burst, at: t }));
    }
    refill(b, t);
    if (b.tokens < 1) {
      const wait = Math.ceil((1 - b.tokens) / perMs / 1000);
      c.header('Retry-After', String(wait));
      return c.json({ error: `too many requests: at most ${limit.perMinute} a minute (bursts of ${limit.burst}); retry in ${wait} s` }, 429);
    }
    b.tokens -= 1;
    await next();
  };
}
