import { stemmer } from 'stemmer';
import type { TopicDef } from '../analyze/taxonomy.js';
import type { Db } from './db.js';

/**
 * The topic taxonomy in the store: the seeded topics, the ones learned from extractions
 * (a new slug becomes a topic once two sources use it), and slug aliases, so a merged or
 * renamed slug keeps resolving to its canonical topic everywhere (extractions, events,
 * URLs). Near-duplicates of a known topic ("open-weights", "open-weight-models") land on
 * it at once through its alias phrases.
 */
export interface Topic {
  slug: string;
  label: string;
  parent: string | null;
  aliases: string[];
  origin: 'seed' | 'learned' | 'manual';
  slugAliases: string[];
}

/** How many distinct sources must use a new slug before it becomes a topic. */
export const LEARN_MIN_SOURCES = 2;

/** Words that do not tell topics apart ("open-weight-models" is "open-weight"). */
const GENERIC = new Set(['ai', 'model', 'system', 'technolog', 'artifici', 'intellig', 'the', 'of', 'and', 'for', 'in', 'a', 'an']);

/** The comparison key of a slug or a phrase: stemmed words without generic ones, sorted. */
export function topicKey(text: string): string {
  const parts = text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).map((w) => stemmer(w));
  const kept = parts.filter((w) => !GENERIC.has(w));
  return (kept.length ? kept : parts).sort().join(' ');
}

/** Writes the seeded taxonomy (new topics only; a renamed or merged seed topic stays as the user left it). */
export function ensureTaxonomy(db: Db, defs: readonly TopicDef[], at: string): void {
  const seeded = db.prepare(`SELECT COUNT(*) FROM topics WHERE origin = 'seed'`).pluck().get() as number;
  if (seeded >= defs.length) return;
  const insert = db.prepare(`INSERT INTO topics (slug, label, aliases, parent, origin, created_at) VALUES (?, ?, ?, ?, 'seed', ?)
    ON CONFLICT(slug) DO NOTHING`);
  const aliased = db.prepare('SELECT 1 FROM topic_aliases WHERE alias = ?').pluck();
  db.transaction(() => {
    // Parents first: the foreign key wants them to exist.
    for (const d of [...defs].sort((a, b) => Number(!!a.parent) - Number(!!b.parent))) {
      if (!aliased.get(d.slug)) insert.run(d.slug, d.label, JSON.stringify(d.aliases), d.parent ?? null, at);
    }
  })();
}

interface Row {
  slug: string;
  label: string;
  parent: string | null;
  aliases: string;
  origin: Topic['origin'];
}

export function listTopics(db: Db): Topic[] {
  const rows = db.prepare('SELECT slug, label, parent, aliases, origin FROM topics ORDER BY slug').all() as Row[];
  const slugAliases = new Map<string, string[]>();
  for (const a of db.prepare('SELECT alias, slug FROM topic_aliases ORDER BY alias').all() as Array<{ alias: string; slug: string }>) {
    slugAliases.set(a.slug, [...(slugAliases.get(a.slug) ?? []), a.alias]);
  }
  return rows.map((r) => ({ slug: r.slug, label: r.label, parent: r.parent, aliases: JSON.parse(r.aliases), origin: r.origin, slugAliases: slugAliases.get(r.slug) ?? [] }));
}

/** The canonical slug for a slug (itself when it is not an alias). */
export function resolveTopic(db: Db, slug: string): string {
  return (db.prepare('SELECT slug FROM topic_aliases WHERE alias = ?').pluck().get(slug) as string | undefined) ?? slug;
}

/** A slug in words, for a topic with no stored label: "sovereign-compute" → "Sovereign compute". */
export function slugWords(slug: string): string {
  return slug.split('-').map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
}

/** A label for any slug: the stored one, else the slug in words. */
export function topicLabelOf(db: Db, slug: string): string {
  return (db.prepare('SELECT label FROM topics WHERE slug = ?').pluck().get(slug) as string | undefined) ?? slugWords(slug);
}

/** Every known topic by the keys of its slug, label and alias phrases. */
function keyIndex(db: Db): Map<string, string> {
  const index = new Map<string, string>();
  for (const t of db.prepare('SELECT slug, label, aliases FROM topics').all() as Row[]) {
    for (const phrase of [t.slug, t.label, ...(JSON.parse(t.aliases) as string[])]) {
      const k = topicKey(phrase);
      if (k && !index.has(k)) index.set(k, t.slug);
    }
  }
  return index;
}

/**
 * The topics of one new extraction, made canonical: aliases resolved, near-duplicates of
 * a known topic mapped onto it (and remembered as an alias), unknown slugs recorded as
 * candidates and promoted to a learned topic when enough sources use them. Order kept,
 * duplicates dropped.
 */
export function canonicalTopics(db: Db, slugs: readonly string[], sourceId: string, at: string): string[] {
  const out: string[] = [];
  let index: Map<string, string> | undefined;
  const known = db.prepare('SELECT 1 FROM topics WHERE slug = ?').pluck();
  for (const raw of slugs) {
    let slug = resolveTopic(db, raw);
    if (!known.get(slug)) {
      index ??= keyIndex(db);
      const near = index.get(topicKey(slug));
      if (near) {
        db.prepare('INSERT INTO topic_aliases (alias, slug) VALUES (?, ?) ON CONFLICT(alias) DO NOTHING').run(slug, near);
        slug = near;
      } else {
        db.prepare('INSERT INTO topic_candidates (slug, source_id, first_seen) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(slug, sourceId, at);
        const sources = db.prepare('SELECT COUNT(*) FROM topic_candidates WHERE slug = ?').pluck().get(slug) as number;
        if (sources >= LEARN_MIN_SOURCES) {
          db.prepare(`INSERT INTO topics (slug, label, aliases, parent, origin, created_at) VALUES (?, ?, '[]', NULL, 'learned', ?) ON CONFLICT(slug) DO NOTHING`)
            .run(slug, topicLabelOf(db, slug), at);
          index = undefined;
        }
      }
    }
    if (!out.includes(slug)) out.push(slug);
  }
  return out;
}

/** Replace one slug by another in a JSON array of slugs; undefined when it was absent. */
function replaceIn(json: string, from: string, into: string): string | undefined {
  const list = JSON.parse(json) as string[];
  if (!list.includes(from)) return undefined;
  const out: string[] = [];
  for (const s of list) {
    const v = s === from ? into : s;
    if (!out.includes(v)) out.push(v);
  }
  return JSON.stringify(out);
}

/**
 * Merge topic `from` into `into`: `from` becomes an alias of `into` and every extraction,
 * event and sub-topic that named `from` names `into`. Returns how many rows changed.
 * The caller rebuilds the guides of `into` (see guides/membership.ts).
 */
export function mergeTopic(db: Db, from: string, into: string): { extractions: number; events: number } {
  from = resolveTopic(db, from);
  into = resolveTopic(db, into);
  if (from === into) throw new TopicError(`"${from}" and "${into}" are already one topic`);
  const intoRow = db.prepare('SELECT slug, aliases FROM topics WHERE slug = ?').get(into) as Row | undefined;
  if (!intoRow) throw new TopicError(`no topic "${into}" (see almanac topics list)`);
  const fromRow = db.prepare('SELECT slug, label, aliases FROM topics WHERE slug = ?').get(from) as Row | undefined;
  let extractions = 0;
  let events = 0;
  db.transaction(() => {
    const merged = [...new Set([...(JSON.parse(intoRow.aliases) as string[]), ...(fromRow ? [fromRow.label.toLowerCase(), ...(JSON.parse(fromRow.aliases) as string[])] : [])])];
    db.prepare('UPDATE topics SET aliases = ? WHERE slug = ?').run(JSON.stringify(merged), into);
    db.prepare('UPDATE topics SET parent = ? WHERE parent = ?').run(into, from);
    db.prepare('DELETE FROM topics WHERE slug = ?').run(from);
    db.prepare('UPDATE topic_aliases SET slug = ? WHERE slug = ?').run(into, from);
    db.prepare('INSERT INTO topic_aliases (alias, slug) VALUES (?, ?) ON CONFLICT(alias) DO UPDATE SET slug = excluded.slug').run(from, into);
    db.prepare('DELETE FROM topic_candidates WHERE slug = ?').run(from);
    const pattern = `%"${from}"%`;
    const upX = db.prepare('UPDATE extractions SET topics = ? WHERE article_id = ?');
    for (const r of db.prepare('SELECT article_id, topics FROM extractions WHERE topics LIKE ?').all(pattern) as Array<{ article_id: number; topics: string }>) {
      const next = replaceIn(r.topics, from, into);
      if (next) (upX.run(next, r.article_id), extractions++);
    }
    const upE = db.prepare('UPDATE events SET topics = ? WHERE id = ?');
    for (const r of db.prepare('SELECT id, topics FROM events WHERE topics LIKE ?').all(pattern) as Array<{ id: string; topics: string }>) {
      const next = replaceIn(r.topics, from, into);
      if (next) (upE.run(next, r.id), events++);
    }
    // Subjects: keep the stronger weight where an event named both.
    db.prepare(`INSERT INTO event_subjects (kind, subject, event_id, weight, week) SELECT 'topic', ?, event_id, weight, week FROM event_subjects WHERE kind = 'topic' AND subject = ?
      ON CONFLICT(kind, subject, event_id) DO UPDATE SET weight = max(weight, excluded.weight)`).run(into, from);
    db.prepare(`DELETE FROM event_subjects WHERE kind = 'topic' AND subject = ?`).run(from);
  })();
  return { extractions, events };
}

/** Rename a topic: a new slug (and label) takes its place; the old slug stays as an alias. */
export function renameTopic(db: Db, from: string, to: string, label: string | undefined, at: string): { extractions: number; events: number } {
  from = resolveTopic(db, from);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(to)) throw new TopicError(`"${to}" is not a kebab-case slug (like open-source-ai)`);
  const old = db.prepare('SELECT slug, label, parent, aliases, origin FROM topics WHERE slug = ?').get(from) as Row | undefined;
  if (!old) throw new TopicError(`no topic "${from}" (see almanac topics list)`);
  if (db.prepare('SELECT 1 FROM topics WHERE slug = ?').get(to)) throw new TopicError(`topic "${to}" exists already: use almanac topics merge ${from} ${to}`);
  db.prepare(`INSERT INTO topics (slug, label, aliases, parent, origin, created_at) VALUES (?, ?, ?, ?, 'manual', ?)`).run(to, label ?? old.label, old.aliases, old.parent, at);
  db.prepare('DELETE FROM topic_aliases WHERE alias = ?').run(to);
  return mergeTopic(db, from, to);
}

/** A topic command that cannot be done as asked (unknown slug, bad slug, a merge onto itself). */
export class TopicError extends Error {
  override name = 'TopicError';
}
