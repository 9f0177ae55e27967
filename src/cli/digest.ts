import { renderToString } from './render.js';
import type { Deps } from '../pipeline/deps.js';
import { digestEvents, digestMarkdown } from '../web/digest.js';
import { UsageError } from './context.js';

/** almanac digest [--since 24h] [--format md|html] [--limit n]: the period's most significant events. */
export async function digestCommand(deps: Deps, flags: Record<string, unknown>): Promise<number> {
  const since = (flags['since'] as string | undefined) ?? '24h';
  if (!/^\d{1,4}[hd]$/.test(since)) throw new UsageError('digest: --since takes a period such as 24h, 7d or 30d');
  const format = (flags['format'] as string | undefined) ?? 'md';
  if (format !== 'md' && format !== 'html') throw new UsageError('digest: --format is md or html');
  const now = deps.clock.now();
  const limit = Number(flags['limit'] ?? 100);
  // Links are absolute under ALMANAC_PUBLIC_URL; without it, relative to the web app (as --help says).
  process.stdout.write(
    format === 'md'
      ? digestMarkdown(await digestEvents(deps.db, since, now, limit), now, deps.config.publicUrl ?? '')
      : await renderToString(deps, `/digest?since=${since}&limit=${limit}`),
  );
  return 0;
}
