import { raw } from 'hono/html';
import { escapeHtml } from '../../ingest/page/sanitize.js';
import { MARK_CLOSE, MARK_OPEN, type SearchHits } from '../../store/search.js';
import { EventAge, Score } from './events.js';
import { sourceLabel } from '../../store/sources.js';
import { Age, Layout } from './layout.js';

/** A snippet with its matches marked: the text is escaped first, then the markers become <mark>. */
export function Snippet(props: { text: string }) {
  const html = escapeHtml(props.text).split(MARK_OPEN).join('<mark>').split(MARK_CLOSE).join('</mark>');
  return <p class="snippet">{raw(html)}</p>;
}

/** Results per kind on a search page, and how many pages a search reaches. */
export const SEARCH_PAGE = 20;
export const SEARCH_PAGES = 5;

/** One page of hits: what search gave for pages 1…page (one more than they hold), cut to that page. */
export type SearchPageHits = SearchHits & { hasMore: boolean };
export function searchPage(h: SearchHits, page: number, per: number): SearchPageHits {
  const from = (page - 1) * per;
  const cut = <T,>(xs: T[]) => xs.slice(from, from + per);
  return {
    events: cut(h.events),
    articles: cut(h.articles),
    statements: cut(h.statements),
    windowed: h.windowed,
    hasMore: [h.events, h.articles, h.statements].some((xs) => xs.length > from + per),
  };
}

export function SearchPage(props: { q: string; hits: SearchPageHits; page: number; now: Date }) {
  const h = props.hits;
  const total = h.events.length + h.articles.length + h.statements.length;
  return (
    <Layout title={props.q ? `Search: ${props.q}` : 'Search'}>
      <h1>Search</h1>
      <form method="get" action="/search" role="search" class="filters">
        <label>
          Words <input type="search" name="q" value={props.q} />
        </label>
        <button type="submit">Search</button>
      </form>
      {props.q && total === 0 ? <p>Nothing matches “{props.q}”.</p> : null}
      {h.windowed ? (
        <p class="note">
          So much matches “{props.q}” that only the most recent matches are ranked; add words to reach older ones.
        </p>
      ) : null}
      {h.events.length ? <h2>Events ({h.events.length})</h2> : null}
      {h.events.map((e) => (
        <div class="item">
          <div class="meta">
            <Score n={e.significance} />{' '}
            <EventAge firstSeen={e.firstSeen} lastUpdated={e.lastUpdated} now={props.now} />
          </div>
          <h3>
            <a href={`/events/${encodeURIComponent(e.id)}`}>{e.title}</a>
          </h3>
          <Snippet text={e.snippet} />
        </div>
      ))}
      {h.statements.length ? <h2>Claims and quotes ({h.statements.length})</h2> : null}
      {h.statements.map((s) => (
        <div class="item">
          <div class="meta">
            {s.field === 'quotes' ? 'quote' : 'claim'} in <a href={`/articles/${s.articleId}`}>{s.title}</a>
          </div>
          <Snippet text={s.snippet} />
        </div>
      ))}
      {h.articles.length ? <h2>Articles ({h.articles.length})</h2> : null}
      {h.articles.map((a) => (
        <div class="item">
          <div class="meta">
            <a href={`/sources/${encodeURIComponent(a.sourceId)}`}>
              {sourceLabel({ name: a.sourceName, author: a.sourceAuthor })}
            </a>{' '}
            · <Age iso={a.publishedAt} now={props.now} />
          </div>
          <h3>
            <a href={`/articles/${a.id}`}>{a.title}</a>
          </h3>
          <Snippet text={a.snippet} />
        </div>
      ))}
      {props.page > 1 || (h.hasMore && props.page < SEARCH_PAGES) ? (
        <nav class="pager" aria-label="Pages">
          {props.page > 1 ? (
            <a href={`/search?q=${encodeURIComponent(props.q)}&page=${props.page - 1}`}>← Better matches</a>
          ) : (
            <span />
          )}
          {h.hasMore && props.page < SEARCH_PAGES ? (
            <a href={`/search?q=${encodeURIComponent(props.q)}&page=${props.page + 1}`}>More matches →</a>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </Layout>
  );
}
