import { raw } from 'hono/html';
import type { Article, ArticleListItem } from '../../store/articles.js';
import { sourceLabel, type Source } from '../../store/sources.js';
import type { StoredExtraction } from '../../store/extractions.js';
import { Age, Layout } from './layout.js';
import { httpUrl } from '../../ingest/http-url.js';
import { anchorQuotes } from '../quote-anchors.js';
import { shownSummary } from '../html.js';
import { saysAll } from '../shown-once.js';

/** The pager's cursors: the article ids to page from, when there is a newer or an older page. */
export interface ArticlesPager {
  newer?: number | undefined;
  older?: number | undefined;
}

export function ArticlesPage(props: {
  articles: ArticleListItem[];
  pager: ArticlesPager;
  now: Date;
  total: number;
  totalCap: number;
}) {
  return (
    <Layout title="Articles">
      <h1>Latest articles</h1>
      <p class="meta">
        {props.total > props.totalCap ? `${props.totalCap.toLocaleString('en-US')}+` : props.total} articles from all
        sources
      </p>
      {props.articles.map((a) => (
        <div class="item">
          <div class="meta">
            {sourceLabel({ name: a.sourceName, author: a.sourceAuthor })} · <Age iso={a.publishedAt} now={props.now} />
            {httpUrl(a.url) ? (
              <>
                {' '}
                ·{' '}
                <a href={httpUrl(a.url)!} rel="noopener noreferrer">
                  source ↗
                </a>
              </>
            ) : null}
          </div>
          <h3>
            <a href={`/articles/${a.id}`}>{a.title}</a>
          </h3>
          <p>{a.excerpt.length >= 300 ? a.excerpt.replace(/\s+\S*$/, '') + '…' : a.excerpt}</p>
        </div>
      ))}
      <div class="pager">
        {props.pager.newer !== undefined ? <a href={`/articles?after=${props.pager.newer}`}>← Newer</a> : <span />}
        {props.pager.older !== undefined ? <a href={`/articles?before=${props.pager.older}`}>Older →</a> : <span />}
      </div>
    </Layout>
  );
}

/** An article's kind as a reader says it; "other" is what extraction gives a text too short to tell. */
const KIND_WORDS: Record<string, string> = {
  news: 'report',
  'op-ed': 'op-ed',
  other: 'too short to tell its kind',
};

/** What extraction found in the article: the second half of the article screen. */
function ExtractionView(props: {
  x: StoredExtraction;
  anchored: Set<number>;
  lead: boolean;
  topicLabels: ReadonlyMap<string, string>;
}) {
  const x = props.x;
  // A candidate slug one source used is no topic yet: it has no label and no page.
  const topics = x.topics.filter((t) => props.topicLabels.has(t));
  return (
    <section class="extraction">
      <h2>Extraction</h2>
      <p class="meta">
        {KIND_WORDS[x.kind] ?? x.kind} ·{' '}
        {x.extractor === 'local' ? 'local extractor' : `${x.extractor}${x.model ? ` (${x.model})` : ''}`}
        {x.note ? ` · ${x.note}` : ''}
      </p>
      {x.summary && props.lead ? <p class="lead">{shownSummary(x.summary)}</p> : null}
      {topics.length ? (
        <p class="topics">
          Topics:{' '}
          {topics.map((t) => (
            <a class="topic" href={`/topics/${encodeURIComponent(t)}`}>
              {props.topicLabels.get(t)}
            </a>
          ))}
        </p>
      ) : null}
      {x.claims.length ? (
        <>
          <h3>Claims</h3>
          <ul>
            {x.claims.map((c) => (
              <li>{c.text}</li>
            ))}
          </ul>
        </>
      ) : null}
      {x.quotes.length ? (
        <>
          <h3>Key quotes</h3>
          {x.quotes.map((q, i) => (
            <blockquote>
              {q.text}
              <cite>
                {q.speaker ? `— ${q.speaker}` : ''}
                {q.speaker && props.anchored.has(i) ? ' · ' : ''}
                {props.anchored.has(i) ? (
                  <a href={`#q${i + 1}`} title="find it in the article">
                    in the text ↓
                  </a>
                ) : null}
              </cite>
            </blockquote>
          ))}
        </>
      ) : null}
      {x.entities.length ? (
        <p class="entities">
          {x.entities.map((e) => (
            <span class={`entity ${e.type}`} title={e.type}>
              {e.name}
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}

export function ArticlePage(props: {
  article: Article;
  source: Source | undefined;
  now: Date;
  extraction?: StoredExtraction | undefined;
  event?: { id: string; title: string } | undefined;
  /** Topic labels by slug (topicLabels): a topic is named as /topics names it. */
  topicLabels: ReadonlyMap<string, string>;
}) {
  const a = props.article;
  // Each quote found in the text gets an anchor (#q1…) that its "in the text" link points to.
  const body = anchorQuotes(a.html, props.extraction?.quotes.map((q) => q.text) ?? []);
  return (
    <Layout title={a.title}>
      <a href="/articles">← Articles</a>
      <h1>{a.title}</h1>
      <div class="meta">
        {props.source ? props.source.name : a.sourceId}
        {a.author && a.author !== props.source?.name
          ? ` · ${a.author}`
          : props.source?.author
            ? ` · ${props.source.author}`
            : ''}{' '}
        · {a.publishedAt ? a.publishedAt.slice(0, 10) : ''} (<Age iso={a.publishedAt} now={props.now} />)
        {httpUrl(a.url) ? (
          <>
            {' '}
            ·{' '}
            <a href={httpUrl(a.url)!} rel="noopener noreferrer">
              original ↗
            </a>
          </>
        ) : null}
      </div>
      {props.event ? (
        <p class="meta">
          Part of the event <a href={`/events/${encodeURIComponent(props.event.id)}`}>{props.event.title}</a>
        </p>
      ) : null}
      {props.extraction ? (
        // A summary that is the whole text (a feed's excerpt) is read once, as the article below.
        <ExtractionView
          x={props.extraction}
          anchored={body.anchored}
          lead={!saysAll(props.extraction.summary, a.text)}
          topicLabels={props.topicLabels}
        />
      ) : (
        <p class="meta">Not analysed yet.</p>
      )}
      <h2>Article</h2>
      {/* The HTML was sanitized against an allow-list before it was stored; the page's CSP is the second wall. */}
      <article class="body">{raw(body.html)}</article>
    </Layout>
  );
}
