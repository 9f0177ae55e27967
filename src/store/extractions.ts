import type { Extraction } from '../extraction-schema.js';
import type { Db } from './db.js';
import { listParam } from './sql/query.js';

export interface StoredExtraction extends Extraction {
  articleId: number;
  extractor: string;
  version: string;
  model: string | null;
  note: string | null;
  tokensIn: number;
  tokensOut: number;
  quotesDropped: number;
  createdAt: string;
}

export interface ExtractionMeta {
  extractor: string;
  version: string;
  model?: string | null;
  note?: string | null;
  tokensIn?: number;
  tokensOut?: number;
  quotesDropped?: number;
}

export async function saveExtraction(
  db: Db,
  articleId: number,
  x: Extraction,
  meta: ExtractionMeta,
  at: string,
): Promise<void> {
  await db.run(
    `INSERT INTO extractions (article_id, extractor, version, summary, keyphrases, topics, claims, ` +
      `quotes, entities, kind, model, note, tokens_in, tokens_out, quotes_dropped, created_at, summary_spans)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(article_id) DO UPDATE SET extractor = excluded.extractor, version = excluded.version, summary = excluded.summary,
       keyphrases = excluded.keyphrases, topics = excluded.topics, claims = excluded.claims, quotes = excluded.quotes,
       entities = excluded.entities, kind = excluded.kind, model = excluded.model, note = excluded.note,
       tokens_in = excluded.tokens_in, tokens_out = excluded.tokens_out, quotes_dropped = excluded.quotes_dropped, created_at = excluded.created_at,
       summary_spans = excluded.summary_spans`,
    [
      articleId,
      meta.extractor,
      meta.version,
      x.summary,
      JSON.stringify(x.keyphrases),
      JSON.stringify(x.topics),
      JSON.stringify(x.claims),
      JSON.stringify(x.quotes),
      JSON.stringify(x.entities),
      x.kind,
      meta.model ?? null,
      meta.note ?? null,
      meta.tokensIn ?? 0,
      meta.tokensOut ?? 0,
      meta.quotesDropped ?? 0,
      at,
      x.summarySpans ? JSON.stringify(x.summarySpans) : null,
    ],
  );
}

interface Row {
  article_id: number;
  extractor: string;
  version: string;
  summary: string;
  keyphrases: string;
  topics: string;
  claims: string;
  quotes: string;
  entities: string;
  kind: string;
  model: string | null;
  note: string | null;
  tokens_in: number;
  tokens_out: number;
  quotes_dropped: number;
  created_at: string;
  summary_spans: string | null;
}

function fromRow(r: Row): StoredExtraction {
  return {
    articleId: r.article_id,
    extractor: r.extractor,
    version: r.version,
    summary: r.summary,
    ...(r.summary_spans ? { summarySpans: JSON.parse(r.summary_spans) as { start: number; end: number }[] } : {}),
    keyphrases: JSON.parse(r.keyphrases),
    topics: JSON.parse(r.topics),
    claims: JSON.parse(r.claims),
    quotes: JSON.parse(r.quotes),
    entities: JSON.parse(r.entities),
    kind: (r.kind ?? 'other') as Extraction['kind'],
    model: r.model,
    note: r.note,
    tokensIn: r.tokens_in,
    tokensOut: r.tokens_out,
    quotesDropped: r.quotes_dropped,
    createdAt: r.created_at,
  };
}

export async function getExtraction(db: Db, articleId: number): Promise<StoredExtraction | undefined> {
  const r = await db.get<Row>('SELECT * FROM extractions WHERE article_id = ?', [articleId]);
  return r && fromRow(r);
}

export async function getExtractions(db: Db, articleIds: readonly number[]): Promise<Map<number, StoredExtraction>> {
  const out = new Map<number, StoredExtraction>();
  if (!articleIds.length) return out;
  const rows = await db.all<Row>(`SELECT * FROM extractions WHERE article_id IN (${listParam(db, 'int')})`, [
    JSON.stringify(articleIds),
  ]);
  for (const r of rows) out.set(r.article_id, fromRow(r));
  return out;
}

/** Tokens spent by the LLM, in all and per extractor, for `almanac stats`. */
export async function extractionStats(db: Db): Promise<
  Array<{
    extractor: string;
    articles: number;
    tokensIn: number;
    tokensOut: number;
    quotesDropped: number;
    fallbacks: number;
  }>
> {
  return await db.all(
    `SELECT extractor, COUNT(*) AS articles, SUM(tokens_in) AS "tokensIn", SUM(tokens_out) AS "tokensOut", SUM(quotes_dropped) AS "quotesDropped",
            SUM(CASE WHEN note LIKE 'fallback%' THEN 1 ELSE 0 END) AS fallbacks
     FROM extractions GROUP BY extractor ORDER BY extractor`,
  );
}
