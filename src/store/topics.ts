import { stemmer } from 'stemmer';
import type { Db } from './db.js';
import { column, greatest, listParam, value } from './sql/query.js';

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
const GENERIC = new Set([
  'ai',
  'model',
  'system',
  'technolog',
  'artifici',
  'intellig',
  'the',
  'of',
  'and',
  'for',
  'in',
  'a',
  'an',
]);

/** The comparison key of a slug or a phrase: stemmed words without generic ones, sorted. */
export function topicKey(text: string): string {
  const parts = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => stemmer(w));
  const kept = parts.filter((w) => !GENERIC.has(w));
  return (kept.length ? kept : parts).sort().join(' ');
}

interface Row {
  slug: string;
  label: string;
  parent: string | null;
  aliases: string;
  origin: Topic['origin'];
}

export async function listTopics(db: Db): Promise<Topic[]> {
  const rows = await db.all<Row>('SELECT slug, label, parent, aliases, origin FROM topics ORDER BY slug');
  const slugAliases = new Map<string, string[]>();
  for (const a of await db.all<{ alias: string; slug: string }>(
    'SELECT alias, slug FROM topic_aliases ORDER BY alias',
  )) {
    slugAliases.set(a.slug, [...(slugAliases.get(a.slug) ?? []), a.alias]);
  }
  return rows.map((r) => ({
    slug: r.slug,
    label: r.label,
    parent: r.parent,
    aliases: JSON.parse(r.aliases),
    origin: r.origin,
    slugAliases: slugAliases.get(r.slug) ?? [],
  }));
}

/** The canonical slug for a slug (itself when it is not an alias). */
export async function resolveTopic(db: Db, slug: string): Promise<string> {
  return (await value<string>(db, 'SELECT slug FROM topic_aliases WHERE alias = ?', [slug])) ?? slug;
}

/** A slug in words, for a topic with no stored label: "sovereign-compute" → "Sovereign compute". */
export function slugWords(slug: string): string {
  return slug
    .split('-')
    .map((w, i) => (ACRONYMS.has(w) ? w.toUpperCase() : i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** The field's acronyms, written in capitals in a label made from a slug ("ai-models" → "AI models"). */
const ACRONYMS = new Set([
  'ai',
  'agi',
  'api',
  'apis',
  'eu',
  'gpu',
  'gpus',
  'llm',
  'llms',
  'ml',
  'uk',
  'us',
  'tpu',
  'tpus',
]);

/** Every topic's stored label by slug: what pages name a topic by, so one topic reads alike everywhere. */
export async function topicLabels(db: Db): Promise<Map<string, string>> {
  return new Map(
    (await db.all<{ slug: string; label: string }>('SELECT slug, label FROM topics')).map((r) => [r.slug, r.label]),
  );
}

/** The stored labels of `slugs` (those that are topics), by slug: what a page that names a few topics reads. */
export async function topicLabelsOf(db: Db, slugs: readonly string[]): Promise<Map<string, string>> {
  if (!slugs.length) return new Map();
  const rows = await db.all<{ slug: string; label: string }>(
    `SELECT slug, label FROM topics WHERE slug IN (${listParam(db, 'text')})`,
    [JSON.stringify(slugs)],
  );
  return new Map(rows.map((r) => [r.slug, r.label]));
}

/** Which of `slugs` are topics (seeded, learned or made by hand), not candidates one source used. */
export async function knownTopics(db: Db, slugs: readonly string[]): Promise<Set<string>> {
  if (!slugs.length) return new Set();
  return new Set(
    await column<string>(db, `SELECT slug FROM topics WHERE slug IN (${listParam(db, 'text')})`, [
      JSON.stringify(slugs),
    ]),
  );
}

/** A slug's label among `labels` (see topicLabels), else the slug in words. */
export const labelOf = (labels: ReadonlyMap<string, string>, slug: string): string =>
  labels.get(slug) ?? slugWords(slug);

/** A label for any slug: the stored one, else the slug in words. */
export async function topicLabelOf(db: Db, slug: string): Promise<string> {
  return (await value<string>(db, 'SELECT label FROM topics WHERE slug = ?', [slug])) ?? slugWords(slug);
}

/** Every known topic by the keys of its slug, label and alias phrases. */
async function keyIndex(db: Db): Promise<Map<string, string>> {
  const index = new Map<string, string>();
  for (const t of await db.all<Row>('SELECT slug, label, aliases FROM topics')) {
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
 * candidates and promoted to a learned topic when enough sources use them (until then no
 * event or page shows a candidate: see knownTopics). Order kept, duplicates dropped.
 */
export async function canonicalTopics(
  db: Db,
  slugs: readonly string[],
  sourceId: string,
  at: string,
): Promise<string[]> {
  const out: string[] = [];
  let index: Map<string, string> | undefined;
  // Aliases and known topics looked up for all the slugs at once: most slugs are known, and
  // on PostgreSQL each lookup is a round trip.
  const list = JSON.stringify(slugs);
  const aliases = new Map(
    (
      await db.all<{ alias: string; slug: string }>(
        `SELECT alias, slug FROM topic_aliases WHERE alias IN (${listParam(db, 'text')})`,
        [list],
      )
    ).map((r) => [r.alias, r.slug]),
  );
  const known = new Set(
    await column<string>(db, `SELECT slug FROM topics WHERE slug IN (${listParam(db, 'text')})`, [
      JSON.stringify(slugs.map((x) => aliases.get(x) ?? x)),
    ]),
  );
  for (const raw of slugs) {
    let slug = aliases.get(raw) ?? raw;
    if (!known.has(slug)) {
      index ??= await keyIndex(db);
      const near = index.get(topicKey(slug));
      if (near) {
        await db.run('INSERT INTO topic_aliases (alias, slug) VALUES (?, ?) ON CONFLICT(alias) DO NOTHING', [
          slug,
          near,
        ]);
        slug = near;
      } else {
        await db.run(
          'INSERT INTO topic_candidates (slug, source_id, first_seen) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
          [slug, sourceId, at],
        );
        const sources = (await value<number>(db, 'SELECT COUNT(*) FROM topic_candidates WHERE slug = ?', [slug])) ?? 0;
        if (sources >= LEARN_MIN_SOURCES) {
          await db.run(
            `INSERT INTO topics (slug, label, aliases, parent, origin, created_at) VALUES (?, ?, '[]', NULL, 'learned', ?) ON CONFLICT(slug) DO NOTHING`,
            [slug, await topicLabelOf(db, slug), at],
          );
          known.add(slug);
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
export async function mergeTopic(db: Db, from: string, into: string): Promise<{ extractions: number; events: number }> {
  from = await resolveTopic(db, from);
  into = await resolveTopic(db, into);
  if (from === into) throw new TopicError(`"${from}" and "${into}" are already one topic`);
  const intoRow = await db.get<Row>('SELECT slug, aliases FROM topics WHERE slug = ?', [into]);
  if (!intoRow) throw new TopicError(`no topic "${into}" (see almanac topics list)`);
  const fromRow = await db.get<Row>('SELECT slug, label, aliases FROM topics WHERE slug = ?', [from]);
  let extractions = 0;
  let events = 0;
  await db.transaction(async (db) => {
    const merged = [
      ...new Set([
        ...(JSON.parse(intoRow.aliases) as string[]),
        ...(fromRow ? [fromRow.label.toLowerCase(), ...(JSON.parse(fromRow.aliases) as string[])] : []),
      ]),
    ];
    await db.run('UPDATE topics SET aliases = ? WHERE slug = ?', [JSON.stringify(merged), into]);
    await db.run('UPDATE topics SET parent = ? WHERE parent = ?', [into, from]);
    await db.run('DELETE FROM topics WHERE slug = ?', [from]);
    await db.run('UPDATE topic_aliases SET slug = ? WHERE slug = ?', [into, from]);
    await db.run(
      'INSERT INTO topic_aliases (alias, slug) VALUES (?, ?) ON CONFLICT(alias) DO UPDATE SET slug = excluded.slug',
      [from, into],
    );
    await db.run('DELETE FROM topic_candidates WHERE slug = ?', [from]);
    const pattern = `%"${from}"%`;
    for (const r of await db.all<{ article_id: number; topics: string }>(
      'SELECT article_id, topics FROM extractions WHERE topics LIKE ?',
      [pattern],
    )) {
      const next = replaceIn(r.topics, from, into);
      if (next)
        await db.run('UPDATE extractions SET topics = ? WHERE article_id = ?', [next, r.article_id]), extractions++;
    }
    for (const r of await db.all<{ id: string; topics: string }>('SELECT id, topics FROM events WHERE topics LIKE ?', [
      pattern,
    ])) {
      const next = replaceIn(r.topics, from, into);
      if (next) await db.run('UPDATE events SET topics = ? WHERE id = ?', [next, r.id]), events++;
    }
    // Subjects: keep the stronger weight where an event named both.
    await db.run(
      `INSERT INTO event_subjects (kind, subject, event_id, weight, week) SELECT 'topic', ?, ` +
        `event_id, weight, week FROM event_subjects WHERE kind = 'topic' AND subject = ?
      ON CONFLICT(kind, subject, event_id) DO UPDATE SET weight = ${greatest(db, 'event_subjects.weight', 'excluded.weight')}`,
      [into, from],
    );
    await db.run(`DELETE FROM event_subjects WHERE kind = 'topic' AND subject = ?`, [from]);
  });
  return { extractions, events };
}

/** Rename a topic: a new slug (and label) takes its place; the old slug stays as an alias. */
export async function renameTopic(
  db: Db,
  from: string,
  to: string,
  label: string | undefined,
  at: string,
): Promise<{ extractions: number; events: number }> {
  from = await resolveTopic(db, from);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(to))
    throw new TopicError(`"${to}" is not a kebab-case slug (like open-source-ai)`);
  const old = await db.get<Row>('SELECT slug, label, parent, aliases, origin FROM topics WHERE slug = ?', [from]);
  if (!old) throw new TopicError(`no topic "${from}" (see almanac topics list)`);
  if (await db.get('SELECT 1 FROM topics WHERE slug = ?', [to]))
    throw new TopicError(`topic "${to}" exists already: use almanac topics merge ${from} ${to}`);
  await db.run(
    `INSERT INTO topics (slug, label, aliases, parent, origin, created_at) VALUES (?, ?, ?, ?, 'manual', ?)`,
    [to, label ?? old.label, old.aliases, old.parent, at],
  );
  await db.run('DELETE FROM topic_aliases WHERE alias = ?', [to]);
  return await mergeTopic(db, from, to);
}

/** A topic command that cannot be done as asked (unknown slug, bad slug, a merge onto itself). */
export class TopicError extends Error {
  override name = 'TopicError';
}
