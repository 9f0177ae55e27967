import { httpUrl } from '../../ingest/http-url.js';
import { sourceLabel } from '../../store/sources.js';
import { esc, summaryText, text } from '../html.js';
import { relativeTime } from '../relative-time.js';
import type { EventCardRow } from '../../store/event-cards.js';

/**
 * The fragments every list and event page repeats, written as strings (see html.ts): the
 * JSX components of the same names wrap these, so a page written either way shows them alike.
 */

/** The significance badge: the score, coloured by band, with its meaning on hover. */
export function scoreHtml(n: number): string {
  const band = n >= 9 ? 'top' : n >= 7 ? 'high' : n >= 4 ? 'mid' : 'low';
  return `<span class="score ${band}" title="significance ${n} of 10">${text(n)}</span>`;
}

/** A relative age with the absolute time on hover. */
export function ageHtml(iso: string | null, now: Date): string {
  if (!iso) return '<span></span>';
  return `<time datetime="${esc(iso)}" title="${esc(new Date(iso).toUTCString())}">${esc(relativeTime(iso, now))}</time>`;
}

/**
 * An event's age, one way everywhere: its last update (what the lists are sorted by), and,
 * when its first report is older than that reads, when it was first seen, both in words.
 */
export function eventAgeHtml(firstSeen: string, lastUpdated: string, now: Date): string {
  if (relativeTime(firstSeen, now) === relativeTime(lastUpdated, now))
    return `<span class="age">${ageHtml(lastUpdated, now)}</span>`;
  return `<span class="age">first seen ${ageHtml(firstSeen, now)} · updated ${ageHtml(lastUpdated, now)}</span>`;
}

/** " · source ↗" to an outside page, when its address is a plain http(s) one. */
export function sourceLinkHtml(url: string | null | undefined): string {
  const href = httpUrl(url);
  return href ? ` · <a href="${esc(href)}" rel="noopener noreferrer">source ↗</a>` : '';
}

/** An event in a list: score, source, age, title and summary; `shared`, what it has in common with the page's event. */
export function cardHtml(e: EventCardRow, now: Date, shared?: string[]): string {
  const source = e.primary ? sourceLabel({ name: e.primary.sourceName, author: e.primary.sourceAuthor }) : '';
  const more = e.sourceCount > 1 ? ` +${e.sourceCount - 1} more` : '';
  return (
    `<div class="item event"><div class="meta">${scoreHtml(e.significance)}${esc(source)}${esc(more)} · ` +
    eventAgeHtml(e.firstSeen, e.lastUpdated, now) +
    sourceLinkHtml(e.primary?.url) +
    (shared?.length ? `<span class="sim"> · shares ${esc(shared.join(', '))}</span>` : '') +
    `</div><h3><a href="/events/${esc(encodeURIComponent(e.id))}">${text(e.title)}</a></h3>${e.summary ? `<p>${summaryText(e.summary)}</p>` : ''}</div>`
  );
}
