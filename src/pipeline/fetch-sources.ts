import { privateHostOf } from '../ingest/address-guard.js';
import { FetchError } from '../ingest/fetch.js';
import { parseFeed } from '../ingest/feeds/parse.js';
import { itemToArticle } from '../ingest/items.js';
import { upsertArticle } from '../store/articles.js';
import { learnItem } from './boilerplate.js';
import { dueSources, logFetch, recordFetchFailure, recordFetchSuccess, type Source } from '../store/sources.js';
import type { Deps } from './deps.js';
import { STAGE_NAMES } from './stages.js';
import { storeFailure } from '../store/store-failure.js';

export interface FetchOutcome {
  sourceId: string;
  ok: boolean;
  notModified?: boolean;
  itemsSeen: number;
  itemsNew: number;
  duplicates: number;
  error?: string;
  /** Why it failed, in a word: the system's code for a network error (ENOTFOUND…), else the FetchError's kind. */
  errorCode?: string;
}

const MAX_BACKOFF_S = 24 * 3600;

/** Next poll after a failure: the poll interval doubled per consecutive failure, capped; Retry-After wins when longer. */
export function backoffSeconds(pollIntervalS: number, failures: number, retryAfterMs?: number): number {
  const exp = Math.min(MAX_BACKOFF_S, pollIntervalS * 2 ** Math.max(0, failures - 1));
  return Math.max(exp, Math.ceil((retryAfterMs ?? 0) / 1000));
}

/**
 * Fetches one source and stores its new articles. The articles, the source's new ETag and
 * its log line are written in one transaction: a crash before commit leaves the old ETag,
 * so the next fetch gets the same items again and nothing is lost.
 */
export async function fetchSource(deps: Deps, source: Source): Promise<FetchOutcome> {
  const { db, http, clock, config } = deps;
  const started = clock.now();
  const t0 = Date.now();
  const pollIntervalS = source.pollIntervalS ?? config.pollIntervalS;
  try {
    const res = await http.get(source.feedUrl, {
      etag: source.etag,
      lastModified: source.lastModified,
      ...privateHostOf(source),
    });
    const at = clock.now();
    const next = new Date(at.getTime() + pollIntervalS * 1000);
    if (res.notModified) {
      await db.transaction(async (tx) => {
        await recordFetchSuccess(tx, source.id, {
          at,
          etag: source.etag,
          lastModified: source.lastModified,
          nextPollAt: next,
        });
        await logFetch(tx, {
          sourceId: source.id,
          url: source.feedUrl,
          startedAt: started,
          durationMs: Date.now() - t0,
          httpStatus: 304,
          outcome: 'not-modified',
          bytes: 0,
          itemsSeen: 0,
          itemsNew: 0,
        });
      });
      return { sourceId: source.id, ok: true, notModified: true, itemsSeen: 0, itemsNew: 0, duplicates: 0 };
    }
    const feed = parseFeed(res.body, {
      url: res.url,
      contentType: res.contentType,
      contentLocation: res.headers['content-location'],
      contentLanguage: res.headers['content-language'],
    });
    let itemsNew = 0;
    let duplicates = 0;
    await db.transaction(async (tx) => {
      for (const item of feed.items) {
        const article = itemToArticle(item, {
          sourceId: source.id,
          fetchedAt: at,
          fullTextMinWords: config.fullTextMinWords,
        });
        if (!article) continue;
        const r = await upsertArticle(tx, article, STAGE_NAMES);
        if (r.kind === 'new') {
          itemsNew++;
          await learnItem(tx, { id: r.id, sourceId: source.id, title: article.title, text: article.text });
        } else if (r.kind === 'duplicate') duplicates++;
      }
      await recordFetchSuccess(tx, source.id, {
        at,
        etag: res.headers['etag'] ?? null,
        lastModified: res.headers['last-modified'] ?? null,
        nextPollAt: next,
      });
      await logFetch(tx, {
        sourceId: source.id,
        url: source.feedUrl,
        startedAt: started,
        durationMs: Date.now() - t0,
        httpStatus: res.status,
        outcome: 'ok',
        bytes: res.body.length,
        itemsSeen: feed.items.length,
        itemsNew,
        ...(feed.bozo ? { error: `read with problems: ${feed.bozoReasons.join('; ')}` } : {}),
      });
    });
    return { sourceId: source.id, ok: true, itemsSeen: feed.items.length, itemsNew, duplicates };
  } catch (e) {
    // A full or read-only store is not the source's failure: the transaction left nothing, and the caller says what is wrong.
    if (storeFailure(e)) throw e;
    const err = e as Error;
    const at = clock.now();
    const retryAfter = e instanceof FetchError ? e.retryAfterMs : undefined;
    const wait = backoffSeconds(pollIntervalS, source.consecutiveFailures + 1, retryAfter);
    const message = err.message || String(err);
    await db.transaction(async (tx) => {
      await recordFetchFailure(tx, source.id, { at, error: message, nextPollAt: new Date(at.getTime() + wait * 1000) });
      await logFetch(tx, {
        sourceId: source.id,
        url: source.feedUrl,
        startedAt: started,
        durationMs: Date.now() - t0,
        httpStatus: e instanceof FetchError ? (e.status ?? null) : null,
        outcome: 'error',
        error: message,
        bytes: 0,
        itemsSeen: 0,
        itemsNew: 0,
      });
    });
    const errorCode = e instanceof FetchError ? (e.systemCode ?? e.code) : err.name;
    return { sourceId: source.id, ok: false, itemsSeen: 0, itemsNew: 0, duplicates: 0, error: message, errorCode };
  }
}

/**
 * Fetches every due source, concurrently (the HTTP client keeps per-host politeness). One bad
 * source never stops the run; a failing store is thrown, once every fetch has ended.
 */
export async function fetchDueSources(
  deps: Deps,
  onProgress?: (done: number, total: number, o: FetchOutcome) => void,
): Promise<FetchOutcome[]> {
  const due = await dueSources(deps.db, deps.clock.now());
  let done = 0;
  const settled = await Promise.allSettled(
    due.map(async (s) => {
      const o = await fetchSource(deps, s);
      onProgress?.(++done, due.length, o);
      return o;
    }),
  );
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<FetchOutcome>).value);
}
