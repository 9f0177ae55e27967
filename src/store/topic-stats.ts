import { TAXONOMY } from '../analyze/taxonomy.js';
import type { Db } from './db.js';

/** Topics as the topics page lists them: how many events, and events per week for a sparkline. */
export interface TopicStat {
  slug: string;
  label: string;
  parent: string | null;
  events: number;
  /** Events per week, oldest first, the last entry being the current week. */
  weekly: number[];
}

const BY_SLUG = new Map(TAXONOMY.map((t) => [t.slug, t]));

export function topicLabel(slug: string): string {
  return BY_SLUG.get(slug)?.label ?? slug.split('-').map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
}

export function topicStats(db: Db, now: Date, weeks = 12, only?: string): TopicStat[] {
  const rows = db.prepare(`SELECT t.value AS slug, e.last_updated AS at FROM events e, json_each(e.topics) t WHERE e.title <> ''${only ? ' AND t.value = ?' : ''}`).all(...(only ? [only] : [])) as Array<{ slug: string; at: string }>;
  const stats = new Map<string, TopicStat>();
  const weekMs = 7 * 86_400_000;
  for (const r of rows) {
    let s = stats.get(r.slug);
    if (!s) stats.set(r.slug, (s = { slug: r.slug, label: topicLabel(r.slug), parent: BY_SLUG.get(r.slug)?.parent ?? null, events: 0, weekly: new Array<number>(weeks).fill(0) }));
    s.events++;
    const age = Math.floor((now.getTime() - Date.parse(r.at)) / weekMs);
    if (age >= 0 && age < weeks) s.weekly[weeks - 1 - age]! += 1;
  }
  return [...stats.values()].sort((a, b) => b.events - a.events || a.slug.localeCompare(b.slug));
}
