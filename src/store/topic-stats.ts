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

const WEEK_S = 604_800;

/**
 * Read from subject_weeks (events per topic per week since 1970, kept by triggers), so the
 * cost follows the number of topics and weeks, not of events. An event counts in the week
 * of its last update; weeks are whole weeks since the epoch, the last one holding `now`.
 */
export async function topicStats(db: Db, now: Date, weeks = 12, only?: string): Promise<TopicStat[]> {
  const rows = await db.all<{ slug: string; week: number; events: number }>(
    `SELECT subject AS slug, week, events FROM subject_weeks WHERE kind = 'topic'${only ? ' AND subject = ?' : ''}`,
    only ? [only] : [],
  );
  const meta = new Map(
    (
      await db.all<{ slug: string; label: string; parent: string | null }>('SELECT slug, label, parent FROM topics')
    ).map((t) => [t.slug, t]),
  );
  const guides = new Map(
    (
      await db.all<{ subject: string; slug: string }>(`SELECT subject, slug FROM guides WHERE subject_kind = 'topic'`)
    ).map((g) => [g.subject, g.slug]),
  );
  const current = Math.floor(now.getTime() / 1000 / WEEK_S);
  const stats = new Map<string, TopicStat>();
  for (const r of rows) {
    let s = stats.get(r.slug);
    if (!s) {
      const m = meta.get(r.slug);
      stats.set(
        r.slug,
        (s = {
          slug: r.slug,
          label: m?.label ?? slugWords(r.slug),
          parent: m?.parent ?? null,
          events: 0,
          weekly: new Array<number>(weeks).fill(0),
          guide: guides.get(r.slug) ?? null,
        }),
      );
    }
    s.events += r.events;
    const age = current - r.week;
    if (age >= 0 && age < weeks) s.weekly[weeks - 1 - age]! += r.events;
  }
  return [...stats.values()]
    .filter((s) => s.events > 0)
    .sort((a, b) => b.events - a.events || a.slug.localeCompare(b.slug));
}
