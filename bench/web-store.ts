import { TAXONOMY } from '../src/analyze/taxonomy.js';
import { backfillGuide, syncEventSubjects } from '../src/guides/membership.js';
import { upsertArticle } from '../src/store/articles.js';
import type { Db } from '../src/store/db.js';
import { saveExtraction } from '../src/store/extractions.js';
import { freeGuideSlug, insertGuide } from '../src/store/guides.js';
import { upsertSource } from '../src/store/sources.js';
import { seeded } from './harness.js';

/**
 * A synthetic store of `articles` articles for the page-timing benchmark, written
 * straight through the store's functions (the pipeline's own speed is measured in the
 * ingest section): 50 sources, extractions with topics, claims, quotes and entities,
 * events of about four articles with related events, the topic index and a guide per
 * taxonomy topic. Deterministic (seeded).
 */
const WORDS = (
  'model lab release open weights chip export control policy agent benchmark safety research ' +
  'funding data center compute regulation court copyright startup training inference license ' +
  'europe china government cloud robot privacy security energy evaluation reasoning'
).split(' ');
const ORGS = [
  'Anthropic',
  'OpenAI',
  'Google DeepMind',
  'Meta',
  'Mistral',
  'DeepSeek',
  'Nvidia',
  'Microsoft',
  'European Commission',
  'Hugging Face',
];

export async function fillStore(
  db: Db,
  articles: number,
  now: Date,
  onProgress?: (done: number) => void,
): Promise<{ events: number }> {
  const rnd = seeded(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const sentence = (n: number) => {
    const w = Array.from({ length: n }, () => pick(WORDS));
    return `${w[0]!.charAt(0).toUpperCase()}${w[0]!.slice(1)} ${w.slice(1).join(' ')}.`;
  };
  for (let s = 0; s < 50; s++)
    await upsertSource(
      db,
      { id: `source-${s}`, name: `Source ${s}`, feedUrl: `https://s${s}.example/feed.xml`, tier: 1 + (s % 3) },
      now,
    );
  const span = 365 * 86_400_000;
  const perEvent = 4;
  let events = 0;
  const batch = 5000;
  for (let start = 0; start < articles; start += batch) {
    await db.transaction(async (tx) => {
      for (let i = start; i < Math.min(articles, start + batch); i++) {
        const at = new Date(now.getTime() - span + Math.floor((i / articles) * span)).toISOString();
        const topics = [pick(TAXONOMY).slug, pick(TAXONOMY).slug].filter((t, k, a) => a.indexOf(t) === k);
        const org = pick(ORGS);
        const text = Array.from({ length: 12 }, () => sentence(10)).join(' ') + ` "${sentence(12)}" said ${org}.`;
        const title = `${org} ${sentence(7)}`.replace(/\.$/, '');
        const a = await upsertArticle(
          tx,
          {
            sourceId: `source-${i % 50}`,
            guid: `g${i}`,
            url: `https://s${i % 50}.example/p/${i}`,
            canonicalUrl: null,
            title,
            author: null,
            publishedAt: at,
            fetchedAt: at,
            html: `<p>${text}</p>`,
            text,
            lang: 'en',
            image: null,
            wordCount: 130,
            truncated: false,
          },
          [],
        );
        const id = a.id;
        await saveExtraction(
          tx,
          id,
          {
            summary: text.slice(0, 200),
            keyphrases: [],
            topics,
            kind: 'news',
            claims: [{ text: sentence(12) }, { text: sentence(14) }],
            quotes: [{ text: sentence(12).slice(0, -1), speaker: org, start: 0, end: 1 }],
            entities: [{ name: org, type: 'organization' }],
          },
          { extractor: 'local', version: 'bench' },
          at,
        );
        if (i % perEvent === 0) {
          events++;
          await tx.run(
            `INSERT INTO events (id, title, summary, significance, factors, primary_article_id, ` +
              `first_seen, last_updated, kind, topics, entities, source_count, article_count)
            VALUES (?, ?, ?, ?, '{}', ?, ?, ?, 'news', ?, ?, 4, 4)`,
            [
              `e${id}`,
              title,
              text.slice(0, 300),
              1 + Math.floor(rnd() * 10),
              id,
              at,
              at,
              JSON.stringify(topics),
              JSON.stringify([{ name: org, type: 'organization', weight: 1 }]),
            ],
          );
          await syncEventSubjects(tx, `e${id}`, { topics, entities: [{ name: org, type: 'organization', weight: 1 }] });
        }
        const eventId = `e${id - (i % perEvent)}`;
        await tx.run(`INSERT INTO event_articles (event_id, article_id, role) VALUES (?, ?, ?)`, [
          eventId,
          id,
          i % perEvent === 0 ? 'primary' : 'coverage',
        ]);
        if (i % perEvent === 0 && i >= perEvent * 8) {
          for (let r = 1; r <= 4; r++)
            await tx.run('INSERT OR IGNORE INTO event_relations (event_id, related_id, similarity) VALUES (?, ?, ?)', [
              eventId,
              `e${id - perEvent * r * 2}`,
              0.5 - r / 20,
            ]);
        }
      }
    });
    onProgress?.(Math.min(articles, start + batch));
  }
  await db.transaction(async (tx) => {
    for (const t of TAXONOMY) {
      const slug = await freeGuideSlug(tx, t.slug);
      await insertGuide(
        tx,
        { slug, title: t.label, subjectKind: 'topic', subject: t.slug, origin: 'auto' },
        now.toISOString(),
      );
      await backfillGuide(tx, slug);
    }
  });
  // No ANALYZE: the pipeline never runs one, so a user's store has no statistics, and its
  // plans are the ones measured. With them (better-sqlite3's SQLite has STAT4), every statement
  // binding a value to a sampled column is planned again at each run, a cost no store pays.
  return { events };
}
