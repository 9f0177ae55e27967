import { z } from 'zod';
import { availableParallelism } from 'node:os';
import { isPostgresUrl, redact } from './store/sql/url.js';

/**
 * One schema over the environment (and CLI flags, which override it), parsed once in
 * main.ts and passed down. No other module reads process.env.
 */
const bool = z
  .union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'yes', 'no', ''])], {
    error: 'expected 1, 0, true, false, yes or no',
  })
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'yes');

/** A whole number in a range; a bad value is said in the user's words, whatever zod found wrong with it. */
const int = (min: number, max: number) => {
  const error = `expected a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

/** The shortest admin token accepted: a short one is guessed (and one character was accepted before). */
export const MIN_ADMIN_TOKEN = 16;

export const configSchema = z.object({
  /** SQLite file of the store. */
  db: z.string().min(1).default('./data/almanac.db'),
  /** The store as a URL: sqlite:<file>, or postgres://… once the PostgreSQL store is complete (issue #10). */
  databaseUrl: z.string().min(1).optional(),
  /** Port of the web app. */
  port: int(0, 65535).default(4321),
  host: z.string().default('127.0.0.1'),
  /** Allow fetching private, loopback and link-local addresses for every source. */
  allowPrivate: bool.default(false),
  userAgent: z.string().default('Almanac/0.1 (+https://github.com/almanac/almanac; feed reader)'),
  connectTimeoutMs: int(100, 120_000).default(10_000),
  totalTimeoutMs: int(100, 600_000).default(30_000),
  maxBodyBytes: int(1024, 1 << 30).default(10 * 1024 * 1024),
  maxDecompressedBytes: int(1024, 1 << 30).default(50 * 1024 * 1024),
  maxRedirects: int(0, 20).default(5),
  /** Delay between two requests to one host. */
  hostDelayMs: int(0, 600_000).default(1000),
  fetchConcurrency: int(1, 256).default(8),
  /** Seconds between two polls of a source unless the source says otherwise. */
  pollIntervalS: int(60, 7 * 86400).default(3600),
  /** Seconds the scheduler sleeps between rounds. */
  schedulerTickS: int(1, 3600).default(60),
  /** Below this many words a feed item counts as a teaser and its page is fetched. */
  fullTextMinWords: int(0, 10_000).default(120),
  adminToken: z
    .string()
    .min(
      MIN_ADMIN_TOKEN,
      `too short: use at least ${MIN_ADMIN_TOKEN} random characters (for one: openssl rand -hex 24)`,
    )
    .optional(),
  /**
   * The address readers reach us at (https://almanac.example.org), for the absolute links of
   * feeds and the API description; by default the server's own listening address. Never the
   * request's Host header, which the client chooses.
   */
  publicUrl: z
    .string()
    .url()
    .refine(
      (u) => /^https?:\/\/[^/?#]+(\/[^?#]*)?$/i.test(u),
      'an http(s) URL such as https://almanac.example.org (no query)',
    )
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  /** Believe X-Forwarded-Proto from a reverse proxy (the admin cookie is Secure when it says https). */
  trustProxy: bool.default(false),
  /** Page, feed and API requests a minute per client address (0: no limit), and the burst allowed. */
  rateLimitPerMinute: int(0, 1_000_000).default(600),
  rateLimitBurst: int(1, 100_000).default(120),
  /** Seconds a rendered page is served again while the store is unchanged (0: render every request). */
  pageCacheS: int(0, 3600).default(10),
  /** Keep the fetched page of each full-text article (gzipped) in the store. */
  keepRaw: bool.default(false),
  /** The LLM: an OpenAI-compatible base URL (…/v1) or Anthropic's; none means the local extractor. */
  llmUrl: z
    .string()
    .url()
    .refine((u) => /^https?:/i.test(u), 'must be http(s)')
    .optional(),
  llmModel: z.string().min(1).optional(),
  llmApiKey: z.string().optional(),
  /** openai: Chat Completions (OpenAI, Ollama, vLLM, llama.cpp, LM Studio, OpenRouter); anthropic: Messages. */
  llmProvider: z.enum(['openai', 'anthropic'], { error: 'expected openai or anthropic' }).optional(),
  llmConcurrency: int(1, 64).default(2),
  /** Worker threads for local extraction (0: on the main thread); by default one fewer than the cores, at least one. */
  extractThreads: int(0, 64).default(() => Math.max(1, Math.min(4, availableParallelism() - 1))),
  /** How long one article's extraction or one page's parsing may run on a thread before it is cut (recorded as failed, the feed text kept). */
  jobBudgetMs: int(50, 3_600_000).default(30_000),
  /** Relate a clustering batch's events on a thread of their own (SQLite file stores), while the next batch is placed. */
  relateThread: bool.default(true),
  llmTimeoutMs: int(1000, 600_000).default(60_000),
  llmMaxRetries: int(0, 10).default(3),
});

export type Config = z.infer<typeof configSchema>;

/** Environment variable → config key. */
const ENV_KEYS: Record<string, keyof Config> = {
  ALMANAC_DB: 'db',
  ALMANAC_DATABASE_URL: 'databaseUrl',
  PORT: 'port',
  ALMANAC_HOST: 'host',
  ALMANAC_ALLOW_PRIVATE: 'allowPrivate',
  ALMANAC_USER_AGENT: 'userAgent',
  ALMANAC_CONNECT_TIMEOUT_MS: 'connectTimeoutMs',
  ALMANAC_TIMEOUT_MS: 'totalTimeoutMs',
  ALMANAC_MAX_BODY_BYTES: 'maxBodyBytes',
  ALMANAC_MAX_REDIRECTS: 'maxRedirects',
  ALMANAC_HOST_DELAY_MS: 'hostDelayMs',
  ALMANAC_FETCH_CONCURRENCY: 'fetchConcurrency',
  ALMANAC_POLL_INTERVAL_S: 'pollIntervalS',
  ALMANAC_SCHEDULER_TICK_S: 'schedulerTickS',
  ALMANAC_FULLTEXT_MIN_WORDS: 'fullTextMinWords',
  ALMANAC_ADMIN_TOKEN: 'adminToken',
  ALMANAC_PUBLIC_URL: 'publicUrl',
  ALMANAC_TRUST_PROXY: 'trustProxy',
  ALMANAC_RATE_LIMIT: 'rateLimitPerMinute',
  ALMANAC_RATE_BURST: 'rateLimitBurst',
  ALMANAC_PAGE_CACHE_S: 'pageCacheS',
  ALMANAC_KEEP_RAW: 'keepRaw',
  ALMANAC_LLM_URL: 'llmUrl',
  ALMANAC_LLM_MODEL: 'llmModel',
  ALMANAC_LLM_API_KEY: 'llmApiKey',
  ALMANAC_LLM_PROVIDER: 'llmProvider',
  ALMANAC_LLM_CONCURRENCY: 'llmConcurrency',
  ALMANAC_EXTRACT_THREADS: 'extractThreads',
  ALMANAC_JOB_BUDGET_MS: 'jobBudgetMs',
  ALMANAC_RELATE_THREAD: 'relateThread',
  ALMANAC_LLM_TIMEOUT_MS: 'llmTimeoutMs',
  ALMANAC_LLM_MAX_RETRIES: 'llmMaxRetries',
};

const SECRET_KEYS = ['db', 'databaseUrl', 'adminToken', 'llmApiKey', 'llmUrl'];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses env, then flags on top; throws a ConfigError naming every bad key. */
export function loadConfig(
  env: Record<string, string | undefined>,
  flags: Partial<Record<keyof Config, unknown>> = {},
): Config {
  const raw: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_KEYS)) {
    const v = env[name];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  for (const [k, v] of Object.entries(flags)) if (v !== undefined) raw[k] = v;
  const parsed = configSchema.safeParse(raw);
  if (parsed.success && parsed.data.llmUrl && !parsed.data.llmModel)
    throw new ConfigError('config: ALMANAC_LLM_URL is set but ALMANAC_LLM_MODEL is not (which model should it ask?)');
  if (parsed.success && parsed.data.databaseUrl) {
    const url = parsed.data.databaseUrl;
    if (!isPostgresUrl(url) && !/^sqlite:./i.test(url))
      throw new ConfigError(
        `config: ALMANAC_DATABASE_URL: expected sqlite:<file> or postgres://…, got "${redact(url).slice(0, 80)}"`,
      );
    // The store everything opens (a PostgreSQL URL, or a SQLite file); --db still wins.
    if (flags.db === undefined) parsed.data.db = isPostgresUrl(url) ? url : url.slice('sqlite:'.length);
  }
  if (!parsed.success) {
    // Each bad setting by the name the user gave it (--port or PORT), what it takes, and the value given.
    const nameOf = (key: string) =>
      flags[key as keyof Config] !== undefined
        ? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
        : (Object.entries(ENV_KEYS).find(([, k]) => k === key)?.[0] ?? key);
    const shown = (key: string) => {
      const v = raw[key];
      // Secrets and store URLs (which may carry a password) are not echoed.
      if (v === undefined || typeof v === 'boolean' || SECRET_KEYS.includes(key)) return '';
      return `, got ${String(v).slice(0, 80)}`;
    };
    const msg = parsed.error.issues
      .map((i) => `${nameOf(String(i.path[0]))}: ${i.message}${shown(String(i.path[0]))}`)
      .join('; ');
    throw new ConfigError(`config: ${msg}`);
  }
  return parsed.data;
}
