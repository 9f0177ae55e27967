import { SOURCE_KINDS } from '../store/sources.js';
import type { Flags } from './args.js';
import { UsageError } from './context.js';

/** The catalogs `init --catalog` knows. */
export const CATALOGS = ['ai'] as const;

const wholeNumber = (v: string, min: number, max: number) => /^\d+$/.test(v) && +v >= min && +v <= max;

/** A flag that must be one of `allowed`. */
function oneOf(flag: string, value: string | undefined, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value))
    throw new UsageError(`almanac: --${flag}: expected one of ${allowed.join(', ')}, got ${value}`);
}

/** A flag that must be a whole number in a range. */
function inRange(flag: string, value: string | undefined, min: number, max: number, note = ''): void {
  if (value !== undefined && !wholeNumber(value, min, max))
    throw new UsageError(`almanac: --${flag}: expected a whole number from ${min} to ${max}${note}, got ${value}`);
}

/**
 * The flags' values checked before anything happens (a store created, a page fetched): a
 * mistake is said in the user's words, naming the flag, what it takes and what was given.
 */
export function checkFlags(command: string, sub: string | undefined, flags: Flags): void {
  if (flags.port !== undefined && flags.port !== '0') inRange('port', flags.port, 1, 65535, ' (or 0: any free port)');
  if (command === 'init') oneOf('catalog', flags.catalog, CATALOGS);
  if (command === 'sources' && (sub === 'add' || sub === 'set')) {
    inRange('tier', flags.tier, 1, 3);
    oneOf('kind', flags.kind, SOURCE_KINDS);
    oneOf('fulltext', flags.fulltext, ['auto', 'always', 'never']);
    inRange('poll-interval', flags['poll-interval'], 60, 7 * 86400, ' seconds');
  }
  if (command === 'serve' && flags.workers !== 'auto')
    inRange('workers', flags.workers, 1, 256, ' (or auto: one per core)');
  if (command === 'search' || command === 'digest') inRange('limit', flags.limit, 1, 1000);
}
