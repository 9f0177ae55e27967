import type { Db } from './db.js';
import { slugWords } from './topics.js';

/** Topics as the topics page lists them: label, parent, how many events, events per week for a sparkline. */
export interface TopicStat {
  slug: string;
  label: string;
  parent: string | null;
  events: number;
  /** Events per week, oldest first, the last entry being the current week. */
  weekly: number[];
  /** The topic's guide, when it has one. */
  guide: string | null;
}

/** Read through event_subjects (indexed by topic), labels and parents from the store's taxonomy. */
export function topicStats(db: Db, now: Date, weeks = 12, only?: string): TopicStat[] {
  const rows = db.prepare(`SELECT s.subject AS slug, e.last_updated AS at FROM event_subjects s JOIN events e ON e.id = s.event_id
    WHERE s.kind = 'topic' AND e.title <> ''${only ? ' AND s.subject = ?' : ''}`).all(...(only ? [only] : [])) as Array<{ slug: string; at: string }>;
  const meta = new Map((db.prepare('SELECT slug, label, parent FROM topics').all() as Array<{ slug: string; label: string; parent: string | null }>).map((t) => [t.slug, t]));
  const guides = new Map((db.prepare(`SELECT subject, slug FROM guides WHERE subject_kind = 'topic'`).all() as Array<{ subject: string; slug: string }>).map((g) => [g.subject, g.slug]));
  const stats = new Map<string, TopicStat>();
  const weekMs = 7 * 86_400_000;
  for (const r of rows) {
    let s = stats.get(r.slug);
    if (!s) {
      const m = meta.get(r.slug);
      stats.set(r.slug, (s = { slug: r.slug, label: m?.label ?? slugWords(r.slug), parent: m?.parent ?? null, events: 0, weekly: new Array<number>(weeks).fill(0), guide: guides.get(r.slug) ?? null }));
    }
    s.events++;
    const age = Math.floor((now.getTime() - Date.parse(r.at)) / weekMs);
    if (age >= 0 && age < weeks) s.weekly[weeks - 1 - age]! += 1;
  }
  return [...stats.values()].sort((a, b) => b.events - a.events || a.slug.localeCompare(b.slug));
}
