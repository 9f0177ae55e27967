import type { SqlValue } from './sql/client.js';

/** A topic as the store seeds it (the taxonomy itself is the domain's: analyze/taxonomy.ts). */
export interface SeedTopic {
  slug: string;
  label: string;
  aliases: readonly string[];
  parent?: string;
}

/**
 * The statements that write the seeded taxonomy: new topics only (a renamed or merged seed
 * topic, now an alias, stays as the user left it). Given as statements so that the
 * synchronous SQLite opener and the PostgreSQL opener run the same SQL.
 */
export function taxonomySeed(
  defs: readonly SeedTopic[],
  at: string,
): { count: string; inserts: Array<[string, SqlValue[]]> } {
  const insert = `INSERT INTO topics (slug, label, aliases, parent, origin, created_at)
    SELECT ?, ?, ?, ?, 'seed', ? WHERE NOT EXISTS (SELECT 1 FROM topic_aliases WHERE alias = ?) ON CONFLICT(slug) DO NOTHING`;
  // Parents first: the foreign key wants them to exist.
  const ordered = [...defs].sort((a, b) => Number(!!a.parent) - Number(!!b.parent));
  return {
    count: `SELECT COUNT(*) AS n FROM topics WHERE origin = 'seed'`,
    inserts: ordered.map((d) => [insert, [d.slug, d.label, JSON.stringify(d.aliases), d.parent ?? null, at, d.slug]]),
  };
}
