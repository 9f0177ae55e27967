import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { esc } from '../html.js';
import { ageHtml } from './fragments.js';

const CSS =
  `
:root{--fg:#1c1d21;--muted:#5d6270;--line:#e4e6eb;--bg:#fcfcfd;--card:#fff;--accent:#2f5bd3;--badge:#eef2ff}
@media (prefers-color-scheme:dark){:root{--fg:#e8e9ed;--muted:#a0a5b3;--line:#2c2f36;--bg:#121316;--card:#1a1c20;--accent:#8aa8ff;--badge:#232a40}}
*{box-sizing:border-box}body{margin:0;` +
  `font:16px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","DejaVu Sans",sans-serif;` +
  `color:var(--fg);background:var(--bg)}
header.site{border-bottom:1px solid var(--line);background:var(--card)}header.site div{max-width:760px;margin:0 auto;` +
  `padding:.8rem 1rem;display:flex;gap:1.2rem;align-items:baseline}
header.site a{color:var(--fg);text-decoration:none}header.site .brand{font-weight:700;font-size:1.15rem;margin-right:auto}
main{max-width:760px;margin:0 auto;padding:1.2rem 1rem 3rem}a{color:var(--accent)}
h1{font-size:1.6rem;line-height:1.25;margin:.4rem 0 .6rem}h2{font-size:1.1rem;margin:1.6rem 0 .6rem}
.meta{color:var(--muted);font-size:.9rem}.item{padding:1rem 0;border-bottom:1px solid var(--line)}.item h3{margin:.2rem 0;font-size:1.08rem;line-height:1.3}
.item h3 a{color:var(--fg);text-decoration:none}.item h3 a:hover{text-decoration:underline}.item p{margin:.3rem 0 0;color:var(--muted)}
.body{margin-top:1.2rem}.body img{max-width:100%;height:auto}.pager{margin-top:1.2rem;display:flex;justify-content:space-between}
table{border-collapse:collapse;width:100%;font-size:.92rem}td,th{text-align:left;padding:.45rem .4rem;border-bottom:1px solid var(--line);vertical-align:top}
.bad{color:#c0392b}.ok{color:#1e8449}
.score{display:inline-block;min-width:1.6em;padding:0 .35em;margin-right:.45em;border-radius:.35em;text-align:center;` +
  `font-weight:700;color:#fff;background:#8a90a0}
.score.mid{background:#3d6fd9}.score.high{background:#d9822b}.score.top{background:#c0392b}
.lead{font-size:1.05rem}.topics a.topic,.entities .entity{display:inline-block;margin:0 .4em .4em 0;padding:.1em .55em;` +
  `border-radius:1em;background:var(--badge);font-size:.85rem;text-decoration:none}
.role{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;padding:.05em .4em;border:1px solid var(--line);border-radius:.3em}
.role.primary{border-color:var(--accent);color:var(--accent)}.factors td:first-child{white-space:nowrap}
.filters{display:flex;flex-wrap:wrap;gap:.5rem .8rem;align-items:flex-end;margin:.4rem 0 .8rem;font-size:.88rem}
.filters label{display:flex;flex-direction:column;color:var(--muted);gap:.15rem}` +
  `.filters select,.filters button,header.site input{font:inherit;padding:.25rem .4rem;border:1px solid var(--line);` +
  `border-radius:.35rem;background:var(--card);color:var(--fg)}
.filters button{background:var(--accent);color:#fff;border-color:var(--accent);cursor:pointer}
header.site form.search{margin:0}header.site input{width:9rem}
.spark{vertical-align:middle}.spark polyline{fill:none;stroke:var(--accent);stroke-width:1.5}
mark{background:#fde68a;color:inherit;padding:0 .1em;border-radius:.15em}.body span.quote[id]:target{background:#fde68a;color:#1c1d21}
@media (max-width:560px){header.site div{flex-wrap:wrap;gap:.6rem}header.site input{width:100%}main{padding:.8rem .8rem 2rem}h1{font-size:1.35rem}}
.extraction ul{padding-left:1.2rem}.extraction blockquote{margin:.6rem 0;padding:.2rem .9rem;border-left:3px solid var(--line);color:var(--fg)}
.extraction blockquote cite{display:block;color:var(--muted);font-style:normal;font-size:.88rem}
ol.timeline{list-style:none;padding:0}ol.timeline li{padding:.3rem 0;border-bottom:1px solid var(--line)}` +
  `ol.timeline time{color:var(--muted);font-variant-numeric:tabular-nums;margin-right:.4rem}
.claim-group{margin:.6rem 0;padding:.3rem .8rem;border-left:3px solid var(--line)}` +
  `.claim-group.agreed{border-color:#1e8449}.claim-group.disputed{border-color:#c0392b}
.claim-group ul,.by-source ul{padding-left:1.2rem;margin:.3rem 0}main blockquote{margin:.6rem 0;padding:.2rem .9rem;` +
  `border-left:3px solid var(--line)}main blockquote footer{color:var(--muted);font-size:.88rem}
.change{display:flex;gap:.5rem;align-items:flex-start}.change .role{margin-top:1rem}.change .item{flex:1}ul.guides{padding-left:1.2rem}
.filters input[type=text]{font:inherit;padding:.25rem .4rem;border:1px solid var(--line);border-radius:.35rem;background:var(--card);color:var(--fg)}
`;

/** The page up to its content: head, style, the site's header; `feeds`, the Atom and JSON Feed of what the page lists. */
export function layoutStart(title: string, feeds?: { atom: string; json: string }): string {
  return (
    `<html lang="en"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>${esc(title)} · Almanac</title>` +
    // CSS is ours, never input: written as is (escaped, "Segoe UI" would become &quot;Segoe UI&quot; and the browser would drop the font rule).
    `<style>${CSS}</style>` +
    (feeds
      ? `<link rel="alternate" type="application/atom+xml" title="Almanac events (Atom)" href="${esc(feeds.atom)}"/>` +
        `<link rel="alternate" type="application/feed+json" title="Almanac events (JSON Feed)" href="${esc(feeds.json)}"/>`
      : '') +
    '</head><body><header class="site"><div><a class="brand" href="/">Almanac</a><a href="/">Events</a><a href="/guides">Guides</a>' +
    '<a href="/topics">Topics</a><a href="/digest">Digest</a><a href="/articles">Articles</a><a href="/sources">Sources</a>' +
    '<form class="search" method="get" action="/search" role="search"><input type="search" name="q" placeholder="Search" aria-label="Search"/></form>' +
    '</div></header><main>'
  );
}

/** The page after its content. */
export const LAYOUT_END = '</main></body></html>';

/** A whole page around `content` (HTML already written). */
export function layoutHtml(title: string, content: string, feeds?: { atom: string; json: string }): string {
  return layoutStart(title, feeds) + content + LAYOUT_END;
}

export function Layout(props: { title: string; children: Child; feeds?: { atom: string; json: string } }) {
  return (
    <>
      {raw(layoutStart(props.title, props.feeds))}
      {props.children}
      {raw(LAYOUT_END)}
    </>
  );
}

/** A page that answers with a problem (no such event, a bad query): the site's header, what is wrong, and ways on. */
export function ErrorPage(props: { title: string; message: string }) {
  return (
    <Layout title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      <p>
        <a href="/">← Events</a> · <a href="/search">Search</a> · <a href="/topics">Topics</a>
      </p>
    </Layout>
  );
}

/** A relative age with the absolute time on hover (see fragments.ts). */
export function Age(props: { iso: string | null; now: Date }) {
  return raw(ageHtml(props.iso, props.now));
}
