import type { z } from 'zod';
import type { Db } from '../../store/db.js';
import { value } from '../../store/sql/query.js';
import { pullJson } from './answer.js';
import { LlmError, type LlmClient, type LlmRequest } from './client.js';

/**
 * One validated JSON answer from the model, through the answer cache: a cached answer
 * costs nothing; a fresh one is returned with `remember`, which the caller runs (with the transaction's client) in the
 * transaction that stores what it made of the answer (so a crash never caches an answer
 * whose effect was lost). Model errors and answers that do not validate come back as a
 * reason, never as an exception.
 */
export type CachedAnswer<T> =
  | { ok: true; value: T; fresh: boolean; remember: (tx: Db) => Promise<void> }
  | { ok: false; reason: string };

export async function cachedAnswer<T>(
  db: Db,
  client: LlmClient,
  cacheKey: string,
  req: LlmRequest,
  schema: z.ZodType<T>,
  now: () => Date,
): Promise<CachedAnswer<T>> {
  let text = await value<string>(db, 'SELECT response FROM llm_cache WHERE key = ?', [cacheKey]);
  const fresh = !text;
  if (!text) {
    try {
      text = (await client.complete(req)).text;
    } catch (err) {
      if (err instanceof LlmError) return { ok: false, reason: err.message };
      throw err;
    }
  }
  const json = pullJson(text);
  let parsed: ReturnType<z.ZodType<T>['safeParse']> | undefined;
  try {
    parsed = schema.safeParse(json ? JSON.parse(json) : undefined);
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) return { ok: false, reason: 'the answer did not validate' };
  const answer = text;
  return {
    ok: true,
    value: parsed.data,
    fresh,
    remember: async (tx: Db) => {
      if (fresh)
        await tx.run('INSERT INTO llm_cache (key, response, created_at) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING', [
          cacheKey,
          answer,
          now().toISOString(),
        ]);
    },
  };
}
