import { raw } from 'hono/html';
import type { Article, ArticleListItem } from '../../store/articles.js';
import { sourceLabel, type Source } from '../../store/sources.js';
import { Age, Layout } from './layout.js';

export function ArticlesPage(props: { articles: ArticleListItem[]; page: number; hasMore: boolean; now: Date; total: number }) {
  return (
    <Layout title="Articles">
      <h1>Latest articles</h1>
      <p class="meta">{props.total} articles from all sources</p>
      {props.articles.map((a) => (
        <div class="item">
          <div class="meta">
            {sourceLabel({ name: a.sourceName, author: a.sourceAuthor })} · <Age iso={a.publishedAt} now={props.now} />
            {a.url ? <> · <a href={a.url} rel="noopener noreferrer">source ↗</a></> : null}
          </div>
          <h3><a href={`/articles/${a.id}`}>{a.title}</a></h3>
          <p>{a.excerpt.length >= 300 ? a.excerpt.replace(/\s+\S*$/, '') + '…' : a.excerpt}</p>
        </div>
      ))}
      <div class="pager">
        {props.page > 1 ? <a href={`/?page=${props.page - 1}`}>← Newer</a> : <span />}
        {props.hasMore ? <a href={`/?page=${props.page + 1}`}>Older →</a> : <span />}
      </div>
    </Layout>
  );
}

export function ArticlePage(props: { article: Article; source: Source | undefined; now: Date }) {
  const a = props.article;
  return (
    <Layout title={a.title}>
      <a href="/">← Articles</a>
      <h1>{a.title}</h1>
      <div class="meta">
        {props.source ? sourceLabel(props.source) : a.sourceId}
        {a.author ? ` · ${a.author}` : ''} · {a.publishedAt ? a.publishedAt.slice(0, 10) : ''} (<Age iso={a.publishedAt} now={props.now} />)
        {a.url ? <> · <a href={a.url} rel="noopener noreferrer">original ↗</a></> : null}
      </div>
      {/* The HTML was sanitized against an allow-list before it was stored; the page's CSP is the second wall. */}
      <article class="body">{raw(a.html)}</article>
    </Layout>
  );
}
