import type { EventPageMember, RelatedCard } from '../../store/event-page.js';
import { sourceLabel } from '../../store/sources.js';
import { attr, esc, summaryText, text } from '../html.js';
import { labelOf } from '../../store/topics.js';
import type { EventCard, GuideRef } from './events.js';
import { sharedSubjects } from './events.js';
import { ageHtml, cardHtml, eventAgeHtml, scoreHtml, sourceLinkHtml } from './fragments.js';
import { layoutHtml } from './layout.js';
import { unrepeatedSummaries } from './unrepeated.js';

/**
 * One event's page: why it scored what it did, its coverage, names, guides and related
 * events. Written as strings (see html.ts), since it is the page readers open most.
 */

const ROLE_LABEL: Record<string, string> = { primary: 'primary', coverage: 'coverage', commentary: 'commentary' };

const plural = (n: number) => (n === 1 ? '' : 's');

function factorsHtml(e: EventCard): string {
  const f = e.factors;
  let rows = `<tr><td>base</td><td></td><td>${text(f.base ?? '')}</td></tr>`;
  for (const [name, x] of Object.entries(f.factors ?? {}))
    rows += `<tr><td${attr('title', x.why)}>${esc(name)}</td><td>${text(x.value)}</td><td>+${text(x.points)}</td></tr>`;
  if (f.llm)
    rows += `<tr><td>model&#39;s adjustment</td><td>${text(f.llm.reason)}</td><td>${f.llm.delta > 0 ? '+' : ''}${text(f.llm.delta)}</td></tr>`;
  return `<table class="factors"><tr><th>factor</th><th>measured</th><th>points</th></tr>${rows}</table>`;
}

function memberHtml(m: EventPageMember, summary: string, now: Date): string {
  return (
    `<div class="item member"><div class="meta"><span class="role ${esc(m.role)}">${text(ROLE_LABEL[m.role])}</span> ` +
    `${esc(sourceLabel({ name: m.sourceName, author: m.sourceAuthor }))} · tier ${text(m.tier)} · ${ageHtml(m.publishedAt ?? m.fetchedAt, now)}` +
    `${sourceLinkHtml(m.url)}</div><h3><a href="/articles/${text(m.articleId)}">${text(m.title)}</a></h3>` +
    `${summary ? `<p>${summaryText(summary)}</p>` : ''}</div>`
  );
}

export function eventPageHtml(props: {
  event: EventCard;
  members: EventPageMember[];
  related: RelatedCard[];
  guides: GuideRef[];
  /** Topic labels by slug (topicLabels): a topic is named as /topics names it. */
  topicLabels: ReadonlyMap<string, string>;
  now: Date;
}): string {
  const { event: e, members, related, guides, topicLabels, now } = props;
  const source = e.primary ? sourceLabel({ name: e.primary.sourceName, author: e.primary.sourceAuthor }) : '';
  const age = eventAgeHtml(e.firstSeen, e.lastUpdated, now);
  let out = `<a href="/">← Events</a><div class="meta head">${scoreHtml(e.significance)}${esc(source)} · ${age}</div>`;
  out += `<h1>${text(e.title)}</h1>${e.summary ? `<p class="lead">${summaryText(e.summary)}</p>` : ''}`;
  if (e.topics.length) {
    out += '<p class="topics">';
    for (const t of e.topics)
      out += `<a class="topic" href="/topics/${esc(encodeURIComponent(t))}">${text(labelOf(topicLabels, t))}</a>`;
    out += '</p>';
  }
  out += `<h2>Why ${text(e.significance)} of 10</h2>${factorsHtml(e)}`;
  out += `<h2>Coverage (${members.length} article${plural(members.length)} from ${text(e.sourceCount)} source${plural(e.sourceCount)})</h2>`;
  const summaries = unrepeatedSummaries(e.summary, members);
  for (const [i, m] of members.entries()) out += memberHtml(m, summaries[i]!, now);
  if (e.entities.length) {
    out += '<h2>Who and what</h2><p class="entities">';
    for (const x of e.entities)
      out += `<span class="entity ${esc(x.type)}"${attr('title', x.type)}>${text(x.name)}</span>`;
    out += '</p>';
  }
  out += `<h2>Related guides (${guides.length})</h2>`;
  if (!guides.length) out += '<p class="meta">None yet.</p>';
  else {
    out += '<ul class="guides">';
    for (const g of guides)
      out +=
        `<li><a href="/guides/${esc(encodeURIComponent(g.slug))}">${text(g.title)}</a> ` +
        `<span class="meta">· ${text(g.eventCount)} event${plural(g.eventCount)}</span></li>`;
    out += '</ul>';
  }
  out += `<h2>Related events (${related.length})</h2>`;
  if (!related.length) out += '<p class="meta">None yet.</p>';
  else for (const r of related) out += cardHtml(r, now, sharedSubjects(e, r, topicLabels));
  return layoutHtml(e.title, out);
}
