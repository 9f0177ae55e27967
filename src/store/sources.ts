import { z } from 'zod';
import type { Db } from './db.js';

export const SOURCE_KINDS = ['lab', 'newsletter', 'analyst', 'news', 'policy', 'paper', 'podcast'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** What a user gives to add a source; validated at every boundary (CLI, OPML, admin, catalog). */
export const newSourceSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'id must be a lowercase slug')
    .optional(),
  name: z.string().trim().min(1).max(200),
  author: z.string().trim().max(200).optional(),
  homeUrl: z
    .string()
    .url()
    .refine((u) => /^https?:/i.test(u), 'site URL must be http(s)')
    .optional(),
  feedUrl: z
    .string()
    .url()
    .refine((u) => /^https?:/i.test(u), 'feed URL must be http(s)'),
  kind: z.enum(SOURCE_KINDS).default('news'),
  tier: z.coerce.number().int().min(1).max(3).default(3),
  pollIntervalS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 86400)
    .optional(),
  allowPrivate: z.boolean().default(false),
  fulltext: z.enum(['auto', 'always', 'never']).default('auto'),
});
export type NewSource = z.input<typeof newSourceSchema>;

export interface Source {
  id: string;
  name: string;
  author: string | null;
  homeUrl: string | null;
  feedUrl: string;
  kind: SourceKind;
  tier: number;
  /** The source's own poll interval, or null: it follows the setting (ALMANAC_POLL_INTERVAL_S). */
  pollIntervalS: number | null;
  allowPrivate: boolean;
  fulltext: 'auto' | 'always' | 'never';
  etag: string | null;
  lastModified: string | null;
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  consecutiveFailures: number;
  nextPollAt: string | null;
  createdAt: string;
}

interface SourceRow {
  id: string;
  name: string;
  author: string | null;
  home_url: string | null;
  feed_url: string;
  kind: SourceKind;
  tier: number;
  poll_interval_s: number;
  poll_interval_own: number;
  allow_private: number;
  fulltext: Source['fulltext'];
  etag: string | null;
  last_modified: string | null;
  last_fetch_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  consecutive_failures: number;
  next_poll_at: string | null;
  created_at: string;
}

function fromRow(r: SourceRow): Source {
  return {
    id: r.id,
    name: r.name,
    author: r.author,
    homeUrl: r.home_url,
    feedUrl: r.feed_url,
    kind: r.kind,
    tier: r.tier,
    pollIntervalS: r.poll_interval_own === 1 ? r.poll_interval_s : null,
    allowPrivate: r.allow_private === 1,
    fulltext: r.fulltext,
    etag: r.etag,
    lastModified: r.last_modified,
    lastFetchAt: r.last_fetch_at,
    lastSuccessAt: r.last_success_at,
    lastError: r.last_error,
    lastErrorAt: r.last_error_at,
    consecutiveFailures: r.consecutive_failures,
    nextPollAt: r.next_poll_at,
    createdAt: r.created_at,
  };
}

/** "Interconnects (Nathan Lambert)": how a source is shown everywhere. */
export function sourceLabel(s: Pick<Source, 'name' | 'author'>): string {
  return s.author && !s.name.includes(s.author) ? `${s.name} (${s.author})` : s.name;
}

export function slugify(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'source';
}

export class SourceError extends Error {
  override name = 'SourceError';
}

/**
 * Adds a source, or updates the descriptive fields of the one with the same feed URL
 * (idempotent). A new source without an id gets a free slug of `opts.idFrom` (else of its name).
 */
export async function upsertSource(
  db: Db,
  input: NewSource,
  now: Date,
  opts: { idFrom?: string } = {},
): Promise<Source> {
  const parsed = newSourceSchema.safeParse(input);
  if (!parsed.success) {
    throw new SourceError(
      `sources: invalid source ${JSON.stringify(input.feedUrl ?? input.name)}: ` +
        `${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const s = parsed.data;
  // The same feed, or the same explicit id (a source whose feed moved), is the same source.
  const existing =
    (await db.get<SourceRow>('SELECT * FROM sources WHERE feed_url = ?', [s.feedUrl])) ??
    (s.id ? await db.get<SourceRow>('SELECT * FROM sources WHERE id = ?', [s.id]) : undefined);
  if (existing) {
    await db.run(
      `UPDATE sources SET name = ?, author = ?, home_url = ?, feed_url = ?, kind = ?, tier = ?, poll_interval_s = COALESCE(?, poll_interval_s),
      poll_interval_own = CASE WHEN ? IS NULL THEN poll_interval_own ELSE 1 END, allow_private = ?, fulltext = ? WHERE id = ?`,
      [
        s.name,
        s.author ?? null,
        s.homeUrl ?? null,
        s.feedUrl,
        s.kind,
        s.tier,
        s.pollIntervalS ?? null,
        s.pollIntervalS ?? null,
        s.allowPrivate ? 1 : 0,
        s.fulltext,
        existing.id,
      ],
    );
    return (await getSource(db, existing.id))!;
  }
  let id = s.id ?? slugify(opts.idFrom ?? s.name);
  if (await getSource(db, id)) {
    if (s.id) throw new SourceError(`sources: id ${id} is taken by another feed`);
    let n = 2;
    while (await getSource(db, `${id}-${n}`)) n++;
    id = `${id}-${n}`;
  }
  await db.run(
    `INSERT INTO sources (id, name, author, home_url, feed_url, kind, tier, poll_interval_s, poll_interval_own, allow_private,
    fulltext, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      s.name,
      s.author ?? null,
      s.homeUrl ?? null,
      s.feedUrl,
      s.kind,
      s.tier,
      s.pollIntervalS ?? 3600,
      s.pollIntervalS === undefined ? 0 : 1,
      s.allowPrivate ? 1 : 0,
      s.fulltext,
      now.toISOString(),
    ],
  );
  return (await getSource(db, id))!;
}

export async function getSource(db: Db, id: string): Promise<Source | undefined> {
  const r = await db.get<SourceRow>('SELECT * FROM sources WHERE id = ?', [id]);
  return r && fromRow(r);
}

export async function findSource(db: Db, idOrUrl: string): Promise<Source | undefined> {
  const r = await db.get<SourceRow>('SELECT * FROM sources WHERE id = ? OR feed_url = ?', [idOrUrl, idOrUrl]);
  return r && fromRow(r);
}

export async function listSources(db: Db): Promise<Source[]> {
  return (await db.all<SourceRow>('SELECT * FROM sources ORDER BY tier, name')).map(fromRow);
}

/**
 * Every source's id and the parts of its label, in listSources' order: what a page that names
 * the sources (the events list's filter bar, on every request) reads, without the fetch state.
 */
export async function listSourceNames(db: Db): Promise<Array<Pick<Source, 'id' | 'name' | 'author'>>> {
  return db.all<Pick<Source, 'id' | 'name' | 'author'>>('SELECT id, name, author FROM sources ORDER BY tier, name');
}

/** Sources whose next poll time has come (or that were never polled). */
export async function dueSources(db: Db, now: Date): Promise<Source[]> {
  return (
    await db.all<SourceRow>(
      'SELECT * FROM sources WHERE next_poll_at IS NULL OR next_poll_at <= ? ORDER BY next_poll_at NULLS FIRST',
      [now.toISOString()],
    )
  ).map(fromRow);
}

export async function removeSource(db: Db, idOrUrl: string): Promise<boolean> {
  return (await db.run('DELETE FROM sources WHERE id = ? OR feed_url = ?', [idOrUrl, idOrUrl])).changes > 0;
}

export async function recordFetchSuccess(
  db: Db,
  id: string,
  v: { at: Date; etag: string | null; lastModified: string | null; nextPollAt: Date },
): Promise<void> {
  await db.run(
    `UPDATE sources SET etag = ?, last_modified = ?, last_fetch_at = ?, last_success_at = ?, consecutive_failures = 0,
    next_poll_at = ? WHERE id = ?`,
    [v.etag, v.lastModified, v.at.toISOString(), v.at.toISOString(), v.nextPollAt.toISOString(), id],
  );
}

export async function recordFetchFailure(
  db: Db,
  id: string,
  v: { at: Date; error: string; nextPollAt: Date },
): Promise<void> {
  await db.run(
    `UPDATE sources SET last_fetch_at = ?, last_error = ?, last_error_at = ?, consecutive_failures = consecutive_failures + 1,
    next_poll_at = ? WHERE id = ?`,
    [v.at.toISOString(), v.error, v.at.toISOString(), v.nextPollAt.toISOString(), id],
  );
}

/** Makes every source due now (used by `fetch --all` and "refetch now"). */
export async function makeDue(db: Db, id?: string): Promise<void> {
  if (id) await db.run('UPDATE sources SET next_poll_at = NULL WHERE id = ?', [id]);
  else await db.exec('UPDATE sources SET next_poll_at = NULL');
}

export interface FetchLogEntry {
  sourceId: string;
  url: string;
  startedAt: Date;
  durationMs: number;
  httpStatus: number | null;
  outcome: 'ok' | 'not-modified' | 'error';
  error?: string;
  bytes: number;
  itemsSeen: number;
  itemsNew: number;
}

export async function logFetch(db: Db, e: FetchLogEntry): Promise<void> {
  await db.run(
    `INSERT INTO fetch_log (source_id, url, started_at, duration_ms, http_status, outcome, error, bytes, items_seen, items_new)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      e.sourceId,
      e.url,
      e.startedAt.toISOString(),
      e.durationMs,
      e.httpStatus,
      e.outcome,
      e.error ?? null,
      e.bytes,
      e.itemsSeen,
      e.itemsNew,
    ],
  );
}

export interface SourceStats {
  sourceId: string;
  articles: number;
  lastArticleAt: string | null;
}

export async function sourceStats(db: Db): Promise<Map<string, SourceStats>> {
  const rows = await db.all<SourceStats>(
    'SELECT source_id AS "sourceId", COUNT(*) AS articles, MAX(published_at) AS "lastArticleAt" FROM articles GROUP BY source_id',
  );
  return new Map(rows.map((r) => [r.sourceId, r]));
}
