import { gzipSync } from 'node:zlib';
import { extractLocal } from '../analyze/local.js';
import { JobCutError } from '../analyze/local-pool.js';
import { LOCAL_EXTRACTOR_VERSION, type ArticleInput } from '../analyze/types.js';
import type { Extraction } from '../extraction-schema.js';
import { canonicalTopics } from '../store/topics.js';
import { LiveClusterer } from '../events/live.js';
import { refreshEvent, type RefreshOptions } from '../events/refresh.js';
import { applyRelated } from '../relate/apply-related.js';
import { anyRelatePending } from '../store/relating.js';
import { pruneEventChanges } from '../store/event-changes.js';
import type { Relater } from '../relate/relater.js';
import { reviewEvent } from '../events/review.js';
import { reviewGuide } from '../guides/review.js';
import { guidesOfEvent, touchGuides } from '../store/guides.js';
import { extractPage, PageError } from '../ingest/page/extract.js';
import { privateHostOf } from '../ingest/address-guard.js';
import type { Db } from '../store/db.js';
import { addToEvent, mergeEvents } from '../store/event-writes.js';
import { eventOfArticle } from '../store/event-reads.js';
import { getExtraction, saveExtraction, type ExtractionMeta } from '../store/extractions.js';
import { getArticle, getArticles, updateArticleBody, type Article } from '../store/articles.js';
import { getSource, type Source } from '../store/sources.js';
import { listParam } from '../store/sql/query.js';
import type { Deps } from './deps.js';
import { cleanStoredArticle, cleanStoredArticles, learnItem } from './boilerplate.js';
import { clusterText } from '../ingest/boilerplate/article.js';
import { saveCleanedArticle } from '../store/boilerplate.js';

/** What a stage says of one article: done (maybe with a note), or it throws to record a failure. */
export interface StageResult {
  note?: string;
}

export interface Stage {
  name: string;
  /** How many articles may be in this stage at once (the clusterer takes them one by one). */
  concurrency?: number;
  /**
   * How many articles may share one write transaction, when the stage does no network I/O
   * (a transaction must never stay open across a call to a model). Commits are the largest
   * cost of CPU-only stages (each writes every page the batch dirtied to the log, and now
   * and then copies the log back): 200 articles a batch write 612 MB for 5,000 synthetic
   * articles where 50 wrote 1,421 MB. A crash loses at most the open batch, which runs again.
   */
  batch?(deps: Deps): number;
  /** Called when a batch's transaction rolled back: drop in-memory state that assumed it committed. */
  onRollback?(deps: Deps): void;
  /** Called once a batch's transaction has committed, before the next one opens (work that must read what it wrote). */
  afterCommit?(deps: Deps): Promise<void>;
  /** Called when the stage has no more articles to take in this call: finish what its batches left to do. */
  finish?(deps: Deps): Promise<void>;
  /**
   * Called after each batch of articles (inside its transaction when there is one; `deps.db`
   * is then the transaction's client): finish work the batch deferred.
   */
  beforeCommit?(deps: Deps): Promise<void>;
  /**
   * Work on articles done before their batch's transaction opens, so that no transaction
   * waits for it (extraction on other threads). It resolves once the work is under way;
   * what each article's promise gives is handed to `run`.
   */
  prepare?(articleIds: readonly number[], deps: Deps): Promise<Map<number, Promise<unknown>>>;
  /**
   * Of these articles, those the stage has nothing to do for, told without network I/O or
   * writes, each with the note `run` would give: they are marked done together, in one write,
   * instead of one by one.
   */
  idle?(articleIds: readonly number[], deps: Deps): Promise<Map<number, string>>;
  run(articleId: number, deps: Deps, prepared?: unknown): Promise<StageResult>;
}

/**
 * Full text: when the feed carried a teaser (or the source asks for it), fetch the
 * article's page through the same polite client and keep the extracted body if it is
 * longer than what the feed gave.
 */
export const fullTextStage: Stage = {
  name: 'fulltext',
  // Most articles need no page: their source says never, or their feed gave the full text.
  async idle(articleIds, deps) {
    const rows = await deps.db.all<{
      id: number;
      truncated: number;
      url: string | null;
      fulltext: Source['fulltext'] | null;
    }>(
      `SELECT a.id, a.truncated, a.url, s.fulltext FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id IN (${listParam(deps.db, 'int')})`,
      [JSON.stringify(articleIds)],
    );
    const out = new Map<number, string>();
    for (const r of rows) {
      const why = skipFullText(r.fulltext ?? 'auto', r.truncated === 1, r.url);
      if (why) out.set(r.id, why);
    }
    return out;
  },
  async run(articleId, deps) {
    const a = await getArticle(deps.db, articleId);
    if (!a) return { note: 'article gone' };
    const source = await getSource(deps.db, a.sourceId);
    const skip = skipFullText(source?.fulltext ?? 'auto', a.truncated, a.url);
    if (skip) return { note: skip };
    if (!a.url) return { note: 'no page URL' };
    const res = await deps.http.get(a.url, {
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
      ...(source ? privateHostOf(source) : {}),
    });
    if (deps.config.keepRaw) {
      await deps.db.run(
        `INSERT INTO raw_pages (article_id, url, content_type, body, fetched_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(article_id) DO UPDATE SET url = excluded.url, content_type = excluded.content_type, body = excluded.body, fetched_at = excluded.fetched_at`,
        [articleId, res.url, res.headers?.['content-type'] ?? null, gzipSync(res.body), deps.clock.now().toISOString()],
      );
    }
    // Readability over an untrusted page: on the pool's threads, within its time budget (a page
    // refused or cut fails this stage with the reason, and the article keeps its feed text).
    const html = new TextDecoder().decode(res.body);
    let page: ReturnType<typeof extractPage>;
    try {
      page = deps.localPool ? await deps.localPool.extractPage(html, res.url) : extractPage(html, res.url);
    } catch (e) {
      // Not a web page (empty, a PDF, an image): trying again would give the same; the article
      // keeps its feed text. From a thread the error keeps its name, not its class.
      if (e instanceof PageError || (e as Error).name === 'PageError')
        return { note: `${(e as Error).message}: kept the feed's text` };
      throw e;
    }
    if (page.wordCount <= a.wordCount)
      return { note: `page gave ${page.wordCount} words, feed ${a.wordCount}: kept the feed's` };
    await updateArticleBody(deps.db, articleId, {
      html: page.html,
      text: page.text,
      wordCount: page.wordCount,
      author: page.author,
      image: page.image,
      lang: page.lang,
      at: deps.clock.now().toISOString(),
    });
    // The page's own first and last sentences are learned from too (its source's boilerplate sits there).
    await learnItem(deps.db, { id: articleId, sourceId: a.sourceId, title: a.title, text: page.text });
    return { note: `page gave ${page.wordCount} words` };
  },
};

/** Why an article needs no page fetched, if it needs none. */
function skipFullText(mode: Source['fulltext'], truncated: boolean, url: string | null): string | undefined {
  if (mode === 'never') return 'source says never';
  if (mode === 'auto' && !truncated) return 'feed had full text';
  if (!url) return 'no page URL';
  return undefined;
}

/**
 * Extraction: summary, keyphrases, topics, claims, quotes, entities, kind. The LLM
 * extractor when one is configured (it falls back to the local one by itself), else local.
 */
export const analyzeStage: Stage = {
  name: 'analyze',
  batch: (deps) => (deps.extractor ? 1 : 200),
  // Without a model, the batch's articles are extracted on the pool's threads, all at once,
  // before the batch's transaction opens.
  async prepare(articleIds, deps) {
    const out = new Map<number, Promise<unknown>>();
    if (deps.extractor || !deps.localPool) return out;
    const pool = deps.localPool;
    // One read for the page, one for the boilerplate of their sources (on SQLite, each read outside a transaction waits for the open one).
    const articles = await getArticles(deps.db, articleIds);
    const kinds = new Map<string, string | undefined>();
    for (const a of articles.values())
      if (!kinds.has(a.sourceId)) kinds.set(a.sourceId, (await getSource(deps.db, a.sourceId))?.kind);
    const raws = [...articles.values()];
    const cleaned = await cleanStoredArticles(deps.db, raws);
    for (const [i, raw] of raws.entries()) {
      const a = { ...raw, ...cleaned[i]! };
      // A failure here is only a missed head start: run extracts again and records the error;
      // but a job cut for its budget is not run again (run throws its error).
      out.set(
        a.id,
        pool.extract(extractorInput(a, kinds.get(a.sourceId))).then(
          (extraction): Prepared => ({ title: a.title, text: a.text, extraction }),
          (e: Error): Prepared | undefined =>
            e instanceof JobCutError ? { title: a.title, text: a.text, cut: e } : undefined,
        ),
      );
    }
    return out;
  },
  async run(articleId, deps, prepared) {
    const read = await articleInput(deps.db, articleId);
    if (!read) return { note: 'article gone' };
    const { input, sourceId, contentHash } = read;
    const at = deps.clock.now().toISOString();
    // Topics are made canonical against the store's taxonomy (aliases, merges, learned slugs) as they are saved.
    const save = (x: Extraction, meta: ExtractionMeta) =>
      deps.db.transaction(async (tx) =>
        saveExtraction(tx, articleId, { ...x, topics: await canonicalTopics(tx, x.topics, sourceId, at) }, meta, at),
      );
    if (deps.extractor) {
      const r = await deps.extractor(input, contentHash);
      await save(r.extraction, r.meta);
      return { note: r.meta.note ?? r.meta.extractor };
    }
    // What prepare extracted holds while the article reads, cleaned, as it did then.
    const early = prepared as Prepared | undefined;
    const same = early?.text === input.text && early.title === input.title;
    if (same && early?.cut) throw early.cut;
    const extraction =
      same && early?.extraction
        ? early.extraction
        : deps.localPool
          ? await deps.localPool.extract(input)
          : extractLocal(input);
    await save(extraction, { extractor: 'local', version: LOCAL_EXTRACTOR_VERSION });
    return { note: 'local' };
  },
};

interface Prepared {
  title: string;
  text: string;
  extraction?: Extraction;
  /** The job was cut (over its budget): the article's extraction fails with this. */
  cut?: JobCutError;
}

/** What the extractor reads of an article. */
const extractorInput = (a: Article, sourceKind: string | undefined): ArticleInput => ({
  id: String(a.id),
  title: a.title,
  text: a.text,
  url: a.url ?? undefined,
  sourceKind,
  author: a.author ?? undefined,
});

/**
 * An article as the extractor reads it, read from the store, its outlet's boilerplate taken
 * out first: the cleaned title, text and HTML are written back, so clustering and the article
 * page read them too (cleaning what was cleaned changes nothing, so a rerun writes nothing).
 */
async function articleInput(
  db: Db,
  articleId: number,
): Promise<{ input: ArticleInput; sourceId: string; contentHash: string } | undefined> {
  const raw = await getArticle(db, articleId);
  if (!raw) return undefined;
  const clean = await cleanStoredArticle(db, raw);
  if (clean.changed) await saveCleanedArticle(db, articleId, clean);
  const a = { ...raw, ...clean };
  return {
    input: extractorInput(a, (await getSource(db, a.sourceId))?.kind),
    sourceId: a.sourceId,
    contentHash: a.contentHash,
  };
}

/** Who relates the events of this store's batches (see PipelineState.relaterOf). */
const relaterOf = (deps: Deps): Relater => deps.state.relaterOf(deps.relater);

/** Start relating what is marked, as committed now (on the relater's thread, or at once). */
async function startRelating(deps: Deps): Promise<void> {
  const failed = (e: Error) => {
    // The events stay marked: a later job relates them.
    deps.log(`cluster: relating failed: ${e.message}`);
    return [];
  };
  try {
    const job = await relaterOf(deps).relate(deps.db.root);
    deps.state.relating.push({ taken: job.taken, results: job.results.catch(failed) });
  } catch (e) {
    failed(e as Error);
    // Without its results, the next job must not pass over what the last one related.
    relaterOf(deps).reset();
  }
}

/** Write the results of the oldest jobs until `keep` are left; wait until the newest has fixed its view. */
async function writeRelated(deps: Deps, keep: number, guides: Map<string, string>): Promise<void> {
  const jobs = deps.state.relating;
  while (jobs.length > keep) await applyRelated(deps.db, await jobs.shift()!.results, guides, deps.log);
  for (const job of jobs) await job.taken;
}

/** The store's live clusterer, if one is loaded (this does not load it). */
const loadedClusterer = async (deps: Deps): Promise<LiveClusterer | undefined> =>
  deps.state.clusterer?.catch(() => undefined);

/** Refresh an event with the pipeline's relating schedule, and tell whoever listens what the refresh did. */
async function refreshReported(deps: Deps, tx: Db, id: string, o: RefreshOptions): Promise<void> {
  // (Refreshed first: an optional call would skip its argument when no one listens.)
  const report = await refreshEvent(tx, id, {
    ...o,
    relateGrowth: deps.relateGrowth,
    relateCaches: deps.state.relateCaches,
  });
  deps.onEventRefreshed?.(report);
}

/** Events: place the article in an event (or start one), then refresh what changed. */
export const clusterStage: Stage = {
  name: 'cluster',
  concurrency: 1,
  batch: (deps) => (deps.llm ? 1 : 200),
  onRollback: (deps) => {
    deps.state.reset();
    deps.relater?.reset();
  },
  afterCommit: (deps) => startRelating(deps),
  // What the last batches left to relate is written now; then what is still marked (left by a
  // crash, or by a job that failed) is related by a job that passes over nothing.
  finish: async (deps) => {
    const write = () =>
      deps.db.transaction(async (tx) => {
        const guides = new Map<string, string>();
        await writeRelated({ ...deps, db: tx }, 0, guides);
        await touchGuides(tx, guides);
      });
    if (deps.state.relating.length) await write();
    if (!(await anyRelatePending(deps.db))) return;
    relaterOf(deps).reset();
    await startRelating(deps);
    await write();
  },
  // Within a batch, an event that many articles join is refreshed once (with all of them),
  // and the guides touched are recorded in one statement.
  beforeCommit: async (deps) => {
    if (deps.state.unsavable) {
      deps.state.unsavable = false;
      throw new Error('cluster: the clustering state of this batch could not be saved; the batch is rolled back');
    }
    const live = await loadedClusterer(deps);
    await live?.saveDeferred(deps.db);
    const events = deps.state.eventsLater;
    deps.state.eventsLater = new Set();
    const guides = deps.state.guidesLater;
    for (const id of events) {
      // Each in its own savepoint: an event that cannot be refreshed stays as it was (and is
      // refreshed with its next article) instead of costing the whole batch.
      try {
        await deps.db.transaction((tx) =>
          refreshReported(deps, tx, id, { guidesTouched: guides, deferRelating: true }),
        );
      } catch (e) {
        console.error(`cluster: could not refresh event ${id}: ${(e as Error).message}`);
      }
    }
    // Then what relating found for the batch before the last (it read that batch's commit, on
    // its thread, while the batches after it were placed): an event refreshed since is written
    // only if its relating key held (else it stays marked for a later job).
    await writeRelated(deps, 1, guides);
    deps.state.guidesLater = new Map();
    await touchGuides(deps.db, guides);
    // The feed of event changes the relating thread keeps its rows by: only its newest part is read.
    await pruneEventChanges(deps.db);
  },
  async run(articleId, deps) {
    // Inside a batch's transaction, event refreshes and guide touches wait for beforeCommit.
    const batched = deps.db.inTransaction;
    const existing = await eventOfArticle(deps.db, articleId);
    if (existing) return { note: `already in ${existing}` };
    const a = await getArticle(deps.db, articleId);
    if (!a) return { note: 'article gone' };
    const x = await getExtraction(deps.db, articleId);
    const { state } = deps;
    let loading = state.clusterer;
    if (!loading) {
      loading = LiveClusterer.load(deps.db, {}, deps.clock.now());
      state.clusterer = loading;
      loading.catch(() => state.forgetClusterer());
    }
    const live = await loading;
    const at = a.publishedAt ?? a.fetchedAt;
    try {
      const r = await live.assign(
        deps.db,
        {
          id: String(a.id),
          title: a.title,
          text: clusterText(a),
          url: a.url ?? undefined,
          published: new Date(at),
          source: a.sourceId,
          entities: x?.entities.map((e) => e.name),
          author: a.author ?? undefined,
        },
        async (asg, tx) => {
          await addToEvent(tx, asg.event, articleId, at);
          for (const m of asg.merges) await mergeEvents(tx, m.from, m.into);
        },
        async (asg, tx) => {
          if (!batched) {
            for (const id of new Set([asg.event, ...asg.touched]))
              await refreshReported(deps, tx, id, { centroids: (e) => live.centroidOf(e) });
            return;
          }
          state.eventsLater.add(asg.event);
          for (const id of asg.touched) state.eventsLater.add(id);
        },
        batched,
      );
      // With a model, the event gets its review (new, or its member count has doubled); a failure only costs the review.
      let review = '';
      if (deps.llm) {
        review = `; review: ${await reviewEvent(deps.db, deps.llm, r.event, () => deps.clock.now())}`;
        // Guides the event belongs to get a model-written overview when new or doubled in size.
        for (const g of await guidesOfEvent(deps.db, r.event)) {
          const o = await reviewGuide(deps.db, deps.llm, g.slug, () => deps.clock.now());
          if (o !== 'current') review += `; guide ${g.slug}: ${o}`;
        }
      }
      return {
        note:
          `${r.created ? 'new event' : 'joined'} ${r.event} (similarity ` +
          `${r.similarity.toFixed(2)})` +
          `${r.merges.length ? `, merged ${r.merges.map((m) => m.from).join(', ')}` : ''}${review}`,
      };
    } catch (e) {
      // The article's savepoint rolled back; the in-memory state did not: reload it next
      // time, once the batch's earlier articles have their state written (else the reload
      // would miss them). If that fails too, the whole batch must go (see beforeCommit).
      if (batched)
        await live.saveDeferred(deps.db).catch(() => {
          state.unsavable = true;
        });
      state.forgetClusterer();
      throw e;
    }
  },
};

/** The stages in the order every article passes through them. */
export const STAGES: readonly Stage[] = [fullTextStage, analyzeStage, clusterStage];
export const STAGE_NAMES = STAGES.map((s) => s.name);
