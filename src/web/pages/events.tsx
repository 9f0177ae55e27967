import { raw } from 'hono/html';
import type { EventCardRow } from '../../store/event-cards.js';
import type { EventWithPrimary } from '../../store/event-page.js';
import { cardHtml, eventAgeHtml, scoreHtml } from './fragments.js';
import { labelOf } from '../../store/topics.js';

/** The significance badge (see fragments.ts). */
export function Score(props: { n: number }) {
  return raw(scoreHtml(props.n));
}

/** An event's age: its last update, and when it was first seen if that reads otherwise (see fragments.ts). */
export function EventAge(props: { firstSeen: string; lastUpdated: string; now: Date }) {
  return raw(eventAgeHtml(props.firstSeen, props.lastUpdated, props.now));
}

/** An event with its primary article's source, as lists and pages show it. */
export type EventCard = EventWithPrimary;

/**
 * What a related event has in common with the one on the page, in words: their shared topics,
 * then their shared names. How closely it is related shows by its place in the list (best
 * first); a percentage of "relatedness" means nothing to a reader.
 */
export function sharedSubjects(
  a: Pick<EventCard, 'topics' | 'entities'>,
  b: Pick<EventCard, 'topics' | 'entities'>,
  topicLabels: ReadonlyMap<string, string>,
  max = 4,
): string[] {
  const names = new Set(b.entities.map((x) => x.name));
  return [
    ...a.topics.filter((t) => b.topics.includes(t)).map((t) => labelOf(topicLabels, t)),
    ...a.entities.filter((x) => names.has(x.name)).map((x) => x.name),
  ].slice(0, max);
}

/** An event in a list (see fragments.ts). */
export function Card(props: { e: EventCardRow; now: Date; shared?: string[] }) {
  return raw(cardHtml(props.e, props.now, props.shared));
}

export interface GuideRef {
  slug: string;
  title: string;
  eventCount: number;
}
