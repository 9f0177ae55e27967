import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { UsageError } from './usage-error.js';

export const OPTIONS = {
  db: { type: 'string' },
  port: { type: 'string' },
  'allow-private': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
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
  workers: { type: 'string' },
} as const;

export type Flags = ReturnType<typeof parseCommandLine>['flags'];

/**
 * The command line's flags and positionals. A mistyped flag is one line in the user's words
 * (which option, for which command, where the command's help is), not Node's parser text.
 */
export function parseCommandLine(argv: string[]) {
  try {
    const { values: flags, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    return { flags, positionals };
  } catch (e) {
    const command = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false }).positionals[0];
    const where = command ? ` for ${command}` : '';
    const helpLine = command ? `almanac ${command} --help` : 'almanac --help';
    const err = e as NodeJS.ErrnoException;
    const unknown = /'(-[^'\s]+)'/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown)
      throw new UsageError(`almanac: unknown option ${unknown}${where}; ${helpLine} lists the options`);
    const option = /'(--?[\w-]+)/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option)
      throw new UsageError(
        OPTIONS[option.replace(/^-+/, '') as keyof typeof OPTIONS]?.type === 'boolean'
          ? `almanac: ${option} takes no value${where}; ${helpLine}`
          : `almanac: ${option} needs a value${where}; ${helpLine}`,
      );
    throw new UsageError(`almanac: ${err.message}; ${helpLine}`);
  }
}

/** The settings a command's flags give (over the environment's). */
export function configFlagsFor(command: string, flags: Flags): Partial<Record<keyof Config, unknown>> {
  return {
    db: flags.db,
    port: flags.port,
    // For `sources add`, --allow-private is the new source's, for the host typed only: never the whole run's (a redirect would share it).
    allowPrivate: command === 'sources' ? undefined : flags['allow-private'],
    keepRaw: flags['keep-raw'],
  };
}
