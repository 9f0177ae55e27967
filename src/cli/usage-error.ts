/** A command line the user got wrong: one line saying what, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
