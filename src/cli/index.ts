import { redact } from '../store/sql/url.js';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { llmFromConfig } from '../analyze/llm/extractor.js';
import { summarizeEventCommand } from './summarize-event.js';
import { storeFailureMessage } from '../store/store-failure.js';
import { makeDeps, UsageError } from './context.js';
import { analyzeCommand } from './analyze.js';
import { clusterCommand } from './cluster.js';
import { demoCommand } from './demo.js';
import { digestCommand } from './digest.js';
import {
  fetchCommand,
  processCommand,
  reclusterCommand,
  runCommand,
  serveCommand,
  statsCommand,
  workerCommand,
} from './pipeline.js';
import { loadCatalog, sourcesCommand, SOURCES_HELP } from './sources.js';
import { guidesCommand, GUIDES_HELP, topicsCommand, TOPICS_HELP } from './guides.js';
import { extractPageCommand, parseFeedCommand, searchCommand } from './tools.js';
import { MIGRATE_STORE_HELP, migrateStoreCommand } from './migrate-store.js';

export const HELP = `almanac — an almanac of events from the writing about a field

Usage: almanac <command> [options]

Setting up
  init [--catalog ai]        create the store; load the catalog of AI sources
  sources ...                add, list, remove, import-opml, export-opml (almanac sources --help)
  guides ...                 list, add --title T --query Q, show, rebuild, remove (almanac guides --help)
  topics ...                 list, merge <from> <into>, rename <slug> <new> (almanac topics --help)

Running
  demo [--ingest-only]       serve the bundled demo feeds on loopback, run the pipeline, serve the app
  fetch [--all]              fetch every due source (--all: every source now)
  process                    run the pending pipeline stages of every article
  run [--once]               the scheduler: fetch due sources, process, sleep, repeat
  serve [--no-scheduler]     the web app (with the scheduler unless told not to)
  worker [--role fetch|process|all] [--once]
                             one of several processes sharing the store's work through its job
                             queue (run serve --no-scheduler beside them)
  stats                      counts of articles, events, pipeline stages and LLM tokens
  migrate-store --from <url> --to <url>
                             copy a whole store into a new one (sqlite:<file> or postgres://…)
  recluster --since <date>   undo and redo the events with news since that date
  search <query> [--json]    full-text search over articles
  digest [--since 24h] [--format md|html]
                             the period's events by significance

Building blocks (read files, print JSON)
  parse-feed --input <file|-> [--url <base>] [--content-type <type>]
  extract-page --input <file.html|file.html.gz|-> [--url <page-url>]
  analyze --input <file.jsonl|-> [--local|--llm]
                             lines {id,title?,text,url?} → lines {id,summary,keyphrases,topics,claims,quotes,entities,kind}
  cluster --input <file.jsonl|->   lines {id,title,text?,published,source?,url?} → lines {id,event}
  summarize-event --input <file.jsonl|-> [--local|--llm]
                             lines {id,articles:[{title,text,source?,published?,url?}]} → lines {id,title,summary}

Global options (environment variable in brackets)
  --db <file|url>            the store: a SQLite file [ALMANAC_DB] (default ./data/almanac.db), or
                             [ALMANAC_DATABASE_URL] as sqlite:<file> or postgres://user@host/db
  --port <n>                 web port [PORT] (default 4321)
  --allow-private            allow fetching private/loopback addresses [ALMANAC_ALLOW_PRIVATE]
  --keep-raw                 keep each fetched article page (gzipped) in the store [ALMANAC_KEEP_RAW]
  -h, --help                 this help

More settings by environment: ALMANAC_TIMEOUT_MS, ALMANAC_CONNECT_TIMEOUT_MS, ALMANAC_MAX_BODY_BYTES,
ALMANAC_MAX_REDIRECTS, ALMANAC_HOST_DELAY_MS, ALMANAC_FETCH_CONCURRENCY, ALMANAC_POLL_INTERVAL_S,
ALMANAC_SCHEDULER_TICK_S, ALMANAC_FULLTEXT_MIN_WORDS, ALMANAC_USER_AGENT, ALMANAC_HOST,
ALMANAC_ADMIN_TOKEN (turns on the admin area at /admin; at least 16 characters), ALMANAC_PUBLIC_URL
(the base of feed and API links, e.g. https://almanac.example.org; default: the listening address),
ALMANAC_TRUST_PROXY (1: believe X-Forwarded-Proto and -For: the admin cookie is Secure over https, rate limits
count each forwarded client), ALMANAC_RATE_LIMIT and ALMANAC_RATE_BURST
(page, feed and API requests a minute per client address, 600, and the burst allowed, 120; 0 turns it off),
ALMANAC_PAGE_CACHE_S (seconds a rendered page is served again while the store is unchanged, 10; 0: off),
ALMANAC_EXTRACT_THREADS (worker threads for the local extractor and page parsing; one fewer than the cores,
at least 1; 0: none, on the main thread), ALMANAC_JOB_BUDGET_MS (how long one article's extraction or one
page's parsing may run on its thread before it is cut and recorded as failed, 30000),
ALMANAC_RELATE_THREAD (relate a clustering batch's events on a thread of their own, SQLite stores; 1, 0: off).

The LLM (optional; without it the local extractor runs): ALMANAC_LLM_URL (OpenAI-compatible base such as
http://localhost:11434/v1 for Ollama, or https://api.anthropic.com), ALMANAC_LLM_MODEL, ALMANAC_LLM_API_KEY,
ALMANAC_LLM_PROVIDER (openai | anthropic; guessed from the URL), ALMANAC_LLM_CONCURRENCY (2),
ALMANAC_LLM_TIMEOUT_MS (60000), ALMANAC_LLM_MAX_RETRIES (3).
`;

const OPTIONS = {
  db: { type: 'string' },
  port: { type: 'string' },
  'allow-private': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  catalog: { type: 'string' },
  all: { type: 'boolean' },
  once: { type: 'boolean' },
  'no-scheduler': { type: 'boolean' },
  'ingest-only': { type: 'boolean' },
  json: { type: 'boolean' },
  input: { type: 'string' },
  url: { type: 'string' },
  'content-type': { type: 'string' },
  name: { type: 'string' },
  author: { type: 'string' },
  tier: { type: 'string' },
  kind: { type: 'string' },
  llm: { type: 'boolean' },
  since: { type: 'string' },
  'keep-raw': { type: 'boolean' },
  format: { type: 'string' },
  local: { type: 'boolean' },
  id: { type: 'string' },
  fulltext: { type: 'string' },
  'poll-interval': { type: 'string' },
  limit: { type: 'string' },
  title: { type: 'string' },
  query: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  role: { type: 'string' },
} as const;

export async function main(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  /** The store this command opens, for messages about it (set once the flags are read). */
  let storeAt: string | undefined;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    console.error(`almanac: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values: flags, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (!command || (flags.help && !command)) {
    console.log(HELP);
    return command || flags.help ? 0 : 2;
  }
  if (flags.help) {
    console.log(
      command === 'sources'
        ? SOURCES_HELP
        : command === 'guides'
          ? GUIDES_HELP
          : command === 'topics'
            ? TOPICS_HELP
            : command === 'migrate-store'
              ? MIGRATE_STORE_HELP
              : HELP,
    );
    return 0;
  }
  try {
    // Commands that only read a file need no store.
    if (command === 'parse-feed') return parseFeedCommand(flags);
    if (command === 'extract-page') return extractPageCommand(flags);
    if (command === 'cluster') return clusterCommand(flags);
    if (command === 'migrate-store') return await migrateStoreCommand(flags);
    if (command === 'analyze' && !flags.llm) return await analyzeCommand(flags);
    // With --llm it needs the model's settings, not a store.
    if (command === 'summarize-event')
      return await summarizeEventCommand(
        flags,
        flags.llm ? llmFromConfig(loadConfig(env, { db: ':memory:' })) : undefined,
      );
    // For `sources add`, --allow-private is the new source's, for the host typed only: never the whole run's (a redirect would share it).
    const configFlags: Partial<Record<keyof Config, unknown>> = {
      db: flags.db,
      port: flags.port,
      allowPrivate: command === 'sources' ? undefined : flags['allow-private'],
      keepRaw: flags['keep-raw'],
    };
    storeAt = redact(loadConfig(env, configFlags).db);
    const deps = await makeDeps(env, configFlags);
    try {
      switch (command) {
        case 'init': {
          console.log(`store ready at ${redact(deps.config.db)}`);
          if (flags.catalog)
            console.log(`loaded ${await loadCatalog(deps, flags.catalog)} sources from the ${flags.catalog} catalog`);
          return 0;
        }
        case 'sources':
          return await sourcesCommand(deps, rest, flags);
        case 'guides':
          return await guidesCommand(deps, rest, flags);
        case 'topics':
          return await topicsCommand(deps, rest, flags);
        case 'fetch':
          return await fetchCommand(deps, flags);
        case 'process':
          return await processCommand(deps);
        case 'run':
          return await runCommand(deps, flags);
        case 'serve':
          return await serveCommand(deps, flags);
        case 'worker':
          return await workerCommand(deps, flags);
        case 'demo':
          return await demoCommand(deps, flags);
        case 'analyze': {
          if (!deps.extractor)
            throw new UsageError(
              'analyze --llm: no LLM configured (set ALMANAC_LLM_URL and ALMANAC_LLM_MODEL, and ALMANAC_LLM_API_KEY if the server needs one)',
            );
          const llm = deps.extractor;
          return await analyzeCommand(flags, async (a) => {
            const r = await llm(a, createHash('sha256').update(`${a.title}\n${a.text}`).digest('hex'));
            if (r.meta.note) console.error(`almanac analyze: ${a.id}: ${r.meta.note}`);
            return r.extraction;
          });
        }
        case 'stats':
          return await statsCommand(deps);
        case 'recluster':
          return await reclusterCommand(deps, flags);
        case 'digest':
          return await digestCommand(deps, flags);
        case 'search':
          return await searchCommand(deps, rest, flags);
        default:
          console.error(`almanac: unknown command ${command}\n\n${HELP}`);
          return 2;
      }
    } finally {
      await deps.localPool?.close();
      await deps.relater?.close();
      await deps.db.close();
    }
  } catch (e) {
    const err = e as Error;
    const storeProblem = storeFailureMessage(err, storeAt ? `the store ${storeAt}` : undefined);
    if (storeProblem) {
      console.error(`almanac: ${storeProblem}`);
      return 1;
    }
    if (err instanceof UsageError) {
      console.error(err.message);
      return 2;
    }
    if (
      err instanceof ConfigError ||
      [
        'SourceError',
        'TopicError',
        'GuideError',
        'FeedError',
        'OpmlError',
        'DiscoveryError',
        'FetchError',
        'CorpusError',
        'StoreError',
        'PageError',
      ].includes(err.name) ||
      (err as NodeJS.ErrnoException).code === 'ENOENT'
    ) {
      console.error(`almanac: ${err.message}`);
      return 1;
    }
    throw e;
  }
}
