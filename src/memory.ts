import v8 from 'node:v8';

/**
 * How far V8 lets the heap grow past what was live after its last full collection, in
 * percent. Left to itself V8 grows it by up to four times when collections are cheap: the
 * pipeline's live data is about 100 MB on a store of 100,000 articles, yet its heap reached
 * 390 MB of mostly garbage (the parsed rows and vectors of events already refreshed), and its
 * peak RSS past 1 GB on the way to a million articles. At 30% it collects sooner and holds
 * about 170 MB, for the same rate (bench/ingest-run.ts on a kept store, bench/README.md).
 */
export const HEAP_GROWING_PERCENT = 30;

const FLAG = '--heap-growing-percent';

/**
 * Keep the heap close to its live size, for a process that runs long (the pipeline, the
 * server). The flag is read at every full collection, so setting it at start takes effect
 * for the whole process and its worker threads. A value the user gave (in NODE_OPTIONS or on
 * node's command line) wins. Returns the percent in force when this set it, else undefined.
 */
export function keepHeapSmall(
  percent = HEAP_GROWING_PERCENT,
  execArgv: readonly string[] = process.execArgv,
  nodeOptions = process.env['NODE_OPTIONS'] ?? '',
): number | undefined {
  if (!Number.isInteger(percent) || percent < 1 || percent > 300)
    throw new Error(`heap growing percent must be a whole number from 1 to 300, not ${percent}`);
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].some((a) => a.replace(/_/g, '-').startsWith(FLAG));
  if (given) return undefined;
  v8.setFlagsFromString(`${FLAG}=${percent}`);
  return percent;
}
