import { COUNT_CAP } from '../store/events.js';

/** "12 events", or "the 100 most significant of 1,603 events" when the digest holds only the top of its period. */
export function digestCountWords(d: { events: readonly unknown[]; total: number }): string {
  const shown = d.events.length;
  if (d.total <= shown) return `${shown} event${shown === 1 ? '' : 's'}`;
  const total = d.total > COUNT_CAP ? `${COUNT_CAP.toLocaleString('en-US')}+` : d.total.toLocaleString('en-US');
  return `the ${shown} most significant of ${total} events`;
}
