import { GUIDES_HELP, TOPICS_HELP } from './guides.js';
import { MIGRATE_STORE_HELP } from './migrate-store.js';
import { SOURCES_HELP } from './sources.js';

export const HELP = `almanac — an almanac of events from the writing about a field

Usage: almanac <command> [options]

Setting up
  init [--catalog ai]        create the store; load the catalog of AI sources
  sources ...                add, set, list, remove, import-opml, export-opml (almanac sources --help)
  guides ...                 list, add --title T --query Q, show, rebuild, remove (almanac guides --help)
  topics ...                 list, merge <from> <into>, rename <slug> <new> (almanac topics --help)

Running
  demo [--ingest-only]       serve the bundled demo feeds on loopback, run the pipeline, serve the app
  fetch [--all]              fetch every due source (--all: every source now)
  process                    run the pending pipeline stages of every article
  run [--once]               the scheduler: fetch due sources, process, sleep, repeat
  serve [--no-scheduler] [--workers n|auto]
                             the web app (with the scheduler unless told not to): one process, or
                             n web workers sharing the port (auto: one per core)
  worker [--role fetch|process|all] [--once]
                             one of several processes sharing the store's work through its job
                             queue (run serve --no-scheduler beside them)
  stats                      counts of articles, events, pipeline stages and LLM tokens
  migrate-store --from <url> --to <url>
                             copy a whole store into a new one (sqlite:<file> or postgres://…)
  recluster --since <date>   undo and redo the events with news since that date
  search <query> [--json] [--limit n]
                             full-text search over articles
  digest [--since 24h] [--format md|html] [--limit n]
                             the period's events by significance

Building blocks (read files, print JSON)
  parse-feed --input <file|-> [--url <base>] [--content-type <type>]
  extract-page --input <file.html|file.html.gz|-> [--url <page-url>]
  analyze --input <file.jsonl|-> [--local|--llm]
                             lines {id,title?,text,url?} → lines {id,summary,keyphrases,topics,claims,quotes,entities,kind}
  cluster --input <file.jsonl|->   lines {id,title,text?,published,source?,url?,entities?,author?} → lines {id,event}
  summarize-event --input <file.jsonl|-> [--local|--llm]
                             lines {id,articles:[{title,text,source?,published?,url?}]} → lines {id,title,summary}

Global options (environment variable in brackets)
  --db <file|url>            the store: a SQLite file [ALMANAC_DB] (default ./data/almanac.db), or
                             [ALMANAC_DATABASE_URL] as sqlite:<file> or postgres://user@host/db
  --port <n>                 web port [PORT] (default 4321)
  --allow-private            allow fetching private/loopback addresses [ALMANAC_ALLOW_PRIVATE]
  --keep-raw                 keep each fetched article page (gzipped) in the store [ALMANAC_KEEP_RAW]
  -h, --help                 this help; almanac <command> --help (or almanac help <command>): that command's
  --version                  the version of almanac

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

const STORE = '  --db <file|url>            the store (default ./data/almanac.db; ALMANAC_DB, ALMANAC_DATABASE_URL)';

/** Each command's own help: `almanac <command> --help` and `almanac help <command>`. */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  init: `almanac init [--catalog ai] [--db <file|url>]

Creates the store (with its parent directory when it is the default ./data) and, with
--catalog ai, follows the catalog of AI sources (labs, newsletters, analysts, policy, papers).
${STORE}`,
  sources: SOURCES_HELP,
  guides: GUIDES_HELP,
  topics: TOPICS_HELP,
  'migrate-store': MIGRATE_STORE_HELP,
  demo: `almanac demo [--ingest-only] [--port n]

Serves the bundled demo feeds on loopback, fetches and processes them into the store, then
serves the web app with the scheduler running (--ingest-only: stop after processing).
${STORE}
  --port <n>                 web port [PORT] (default 4321)`,
  fetch: `almanac fetch [--all] [--allow-private] [--keep-raw]

Fetches every source that is due (--all: every source now) and stores the new articles;
\`almanac process\` then extracts and clusters them. Exit 1 when every source failed.
${STORE}`,
  process: `almanac process

Runs the pending pipeline stages (extraction, clustering, …) of every stored article.
Ctrl-C stops after the current batch; the next run resumes there.
${STORE}`,
  run: `almanac run [--once]

The scheduler without the web app: fetches due sources, processes, sleeps, repeats
(--once: one round).
${STORE}`,
  serve: `almanac serve [--no-scheduler] [--port n] [--workers n|auto]

The web app, with the scheduler fetching and processing in the same process unless
--no-scheduler (then run \`almanac worker\` processes beside it).
${STORE}
  --port <n>                 web port [PORT] (default 4321); the address is ALMANAC_HOST (127.0.0.1)
  --workers <n|auto>         processes serving HTTP on the port (default 1: this process alone;
                             auto: one per core, for a site under load); the scheduler runs once, in this process`,
  worker: `almanac worker [--role fetch|process|all] [--once]

One of several processes sharing the store's work through its job queue; run
\`almanac serve --no-scheduler\` beside them.
${STORE}`,
  stats: `almanac stats

Counts of articles, events, pipeline stages (pending, done, failed) and LLM tokens.
${STORE}`,
  recluster: `almanac recluster --since <date>

Undoes the events with news since the date (ISO 8601, e.g. 2026-11-01) and clusters again.
${STORE}`,
  search: `almanac search <query> [--json] [--limit n]

Full-text search over the stored articles.
  --limit <n>                at most n hits (default 20)
  --json                     print {results: [...]} as JSON
${STORE}`,
  digest: `almanac digest [--since 24h] [--format md|html] [--limit n]

The most significant events of the period, by significance.
  --since <period>           24h, 7d, 30d … (default 24h)
  --format md|html           Markdown (default) or the digest page's HTML
  --limit <n>                at most n events (default 100)
Links point to the web app: absolute under ALMANAC_PUBLIC_URL when it is set
(e.g. https://almanac.example.org), else relative to it (/events/…).
${STORE}`,
  'parse-feed': `almanac parse-feed --input <file|-> [--url <base>] [--content-type <type>]

Parses an RSS, Atom or JSON feed and prints its items as JSON (no store).`,
  'extract-page': `almanac extract-page --input <file.html|file.html.gz|-> [--url <page-url>]

Extracts an article page's text and metadata and prints them as JSON (no store).`,
  analyze: `almanac analyze --input <file.jsonl|-> [--local|--llm]

Lines {id,title?,text,url?} → lines {id,summary,keyphrases,topics,claims,quotes,entities,kind}.
--llm uses the LLM of ALMANAC_LLM_URL and ALMANAC_LLM_MODEL; else the local extractor.`,
  cluster: `almanac cluster --input <file.jsonl|->

Lines {id,title,text?,published,source?,url?,entities?,author?} → lines {id,event} (no store);
author, the by-line, files a reaction that names it with the article it answers.`,
  'summarize-event': `almanac summarize-event --input <file.jsonl|-> [--local|--llm]

Lines {id,articles:[{title,text,source?,published?,url?}]} → lines {id,title,summary}.`,
};

/** The help for `command`, or the general help when there is none of its own. */
export function helpFor(command: string | undefined): string {
  return (command && COMMAND_HELP[command]) || HELP;
}
