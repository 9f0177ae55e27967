import { redact } from '../store/sql/url.js';
import { createHash } from 'node:crypto';
import { ConfigError, loadConfig } from '../config.js';
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
import { loadCatalog, sourcesCommand } from './sources.js';
import { guidesCommand, topicsCommand } from './guides.js';
import { extractPageCommand, parseFeedCommand, searchCommand } from './tools.js';
import { migrateStoreCommand } from './migrate-store.js';
import { configFlagsFor, parseCommandLine } from './args.js';
import { COMMAND_HELP, HELP, helpFor } from './help.js';
import { almanacVersion } from './version.js';
import { checkFlags } from './preflight.js';
import { checkStorePath, createsStore } from './store-check.js';
import { checkListen } from './listen-check.js';

export { HELP };

/** Errors whose message is the whole story for the user: one line, exit 1, no stack. */
const USER_ERRORS = [
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
  'ListenError',
  'MissingStoreError',
  'WorkerError',
];

export async function main(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  /** The store this command opens, for messages about it (set once the flags are read). */
  let storeAt: string | undefined;
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const { flags, positionals } = parsed;
  if (flags.version) {
    console.log(almanacVersion());
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command === 'help') {
    const [topic] = rest;
    if (topic && !COMMAND_HELP[topic]) {
      console.error(`almanac: no command ${topic}; almanac --help lists them`);
      return 2;
    }
    console.log(helpFor(topic));
    return 0;
  }
  if (!command) {
    console.log(HELP);
    return flags.help ? 0 : 2;
  }
  if (flags.help) {
    console.log(helpFor(command));
    return 0;
  }
  if (!COMMAND_HELP[command]) {
    console.error(`almanac: unknown command ${command}; almanac --help lists them`);
    return 2;
  }
  try {
    checkFlags(command, rest[0], flags);
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
    const configFlags = configFlagsFor(command, flags);
    const config = loadConfig(env, configFlags);
    storeAt = redact(config.db);
    checkStorePath(config.db, createsStore(command, rest[0]));
    if (command === 'serve' || command === 'demo') await checkListen(config.host, config.port);
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
          throw new UsageError(`almanac: unknown command ${command}; almanac --help lists them`);
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
      USER_ERRORS.includes(err.name) ||
      (err as NodeJS.ErrnoException).code === 'ENOENT'
    ) {
      console.error(`almanac: ${err.message}`);
      return 1;
    }
    throw e;
  }
}
