import { LlmError } from './client.js';

/**
 * POST JSON to a model server with a timeout, retries with exponential backoff (and the
 * server's Retry-After) on 429, 5xx, timeouts and dropped connections, and a cap on how
 * many requests are in flight at once.
 */
export interface TransportOptions {
  timeoutMs: number;
  maxRetries: number;
  concurrency: number;
  /** Base of the backoff; tests make it small. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * After this many requests in a row that could not reach the server at all (refused,
   * unknown host) even with their retries, the server counts as down for `downForMs`: requests
   * fail at once (the extractor falls back to the local one) and one is tried again after it.
   * Default 3 and 60 s.
   */
  downAfter?: number;
  downForMs?: number;
  /** Told once each time the server is found down (a line for the user), with why. */
  onDown?: (why: string, forMs: number) => void;
  now?: () => number;
}

export type PostJson = (url: string, headers: Record<string, string>, body: unknown) => Promise<unknown>;

function retryAfterMs(h: string | null): number | undefined {
  if (!h) return undefined;
  const s = Number(h);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const t = Date.parse(h);
  return Number.isNaN(t) ? undefined : Math.max(0, t - Date.now());
}

export function createTransport(o: TransportOptions): PostJson {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let active = 0;
  const waiting: (() => void)[] = [];
  const acquire = async () => {
    if (active < o.concurrency) {
      active++;
      return;
    }
    await new Promise<void>((r) => waiting.push(r));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };

  // Requests in a row that could not reach the server, and until when it counts as down.
  let unreachable = 0;
  let downUntil = 0;
  const now = o.now ?? Date.now;
  const downAfter = o.downAfter ?? 3;
  const downForMs = o.downForMs ?? 60_000;

  const once = async (url: string, headers: Record<string, string>, body: unknown): Promise<unknown> => {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(o.timeoutMs),
      });
    } catch (e) {
      const err = e as Error;
      const timeout = err.name === 'TimeoutError' || err.name === 'AbortError';
      throw Object.assign(
        new LlmError(
          timeout
            ? `no answer within ${o.timeoutMs} ms`
            : `cannot reach ${new URL(url).origin}: ${(err.cause as Error)?.message ?? err.message}`,
          true,
        ),
        { unreachable: !timeout },
      );
    }
    const text = await res.text();
    if (!res.ok) {
      const retryable = res.status === 429 || res.status >= 500;
      throw new LlmError(
        `HTTP ${res.status} from the model server: ${text.slice(0, 300)}`,
        retryable,
        retryAfterMs(res.headers.get('retry-after')),
      );
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new LlmError(`the model server answered with something that is not JSON: ${text.slice(0, 200)}`, false);
    }
  };

  return async (url, headers, body) => {
    if (now() < downUntil)
      throw new LlmError(
        `the model server at ${new URL(url).origin} is down: not tried again until it has had a rest`,
        false,
      );
    await acquire();
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          const answer = await once(url, headers, body);
          unreachable = 0;
          return answer;
        } catch (e) {
          const err = e as LlmError & { unreachable?: boolean };
          if (!(err instanceof LlmError) || !err.retryable || attempt >= o.maxRetries) {
            if (err.unreachable && ++unreachable >= downAfter && now() >= downUntil) {
              downUntil = now() + downForMs;
              o.onDown?.(err.message, downForMs);
            }
            throw err;
          }
          const backoff = (o.backoffMs ?? 1000) * 2 ** attempt;
          await sleep(Math.min(60_000, err.retryAfterMs ?? backoff));
        }
      }
    } finally {
      release();
    }
  };
}
