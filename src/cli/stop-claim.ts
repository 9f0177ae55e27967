import type { ProcessOptions } from '../pipeline/process.js';

/**
 * Lets processPending stop after its current batch when `signal` aborts (Ctrl-C): every
 * pending article is this process's until then, none after, and a stage with nothing
 * claimed ends. What was committed stays; the next run resumes with the rest.
 */
export function stopClaim(signal: AbortSignal): NonNullable<ProcessOptions['claim']> {
  return {
    take: async (_stage, ids) => (signal.aborted ? [] : ids),
    finished: async () => undefined,
  };
}
