import type { Context, Env } from 'hono';
import { Hono } from 'hono';
import { listEventCards } from '../../store/events.js';
import { listSources } from '../../store/sources.js';
import { topicLabelOf } from '../../store/topics.js';
import { eventsAtom, eventsJsonFeed } from '../feeds.js';
import { type EventFilter, EventFilterSchema, filterQuery, toListOptions } from '../filters.js';
import { sourcesOpml } from '../opml.js';
import { publicOrigin } from '../origin.js';
import { badQuery, filledQuery, validate } from '../validate.js';
import type { WebDeps } from './shared.js';

/** What a reader's feed reader follows: the events list under any filter (Atom, JSON Feed), and the sources as OPML. */
export function feedsApp(deps: WebDeps): Hono {
  const app = new Hono();
  const now = () => deps.clock.now();

  app.get('/sources.opml', async (c) => {
    c.header('Content-Type', 'text/x-opml; charset=utf-8');
    return c.body(sourcesOpml(await listSources(deps.db), now()));
  });

  const eventsFeed = (format: 'atom' | 'json') => async (c: Context<Env, string, { out: { query: EventFilter } }>) => {
    const f = { ...c.req.valid('query'), page: 1 };
    const events = await listEventCards(deps.db, toListOptions(f, now(), 50));
    const origin = publicOrigin(c, deps.site ?? {});
    const q = filterQuery(f);
    const parts = [
      // The topic by its label, as every page names it.
      f.topic && `topic ${await topicLabelOf(deps.db, f.topic)}`,
      f.source && `source ${f.source}`,
      f.kind,
      f.min && `score ${f.min}+`,
    ].filter(Boolean);
    const meta = {
      title: `Almanac events${parts.length ? ` (${parts.join(', ')})` : ''}`,
      selfUrl: `${origin}/feed.${format}${q}`,
      pageUrl: `${origin}/${q}`,
      origin,
      updated: events[0] ? new Date(events[0].lastUpdated) : now(),
    };
    if (format === 'atom') {
      c.header('Content-Type', 'application/atom+xml; charset=utf-8');
      return c.body(eventsAtom(events, meta));
    }
    c.header('Content-Type', 'application/feed+json; charset=utf-8');
    return c.body(eventsJsonFeed(events, meta));
  };
  app.get('/feed.atom', validate('query', EventFilterSchema, filledQuery, badQuery), eventsFeed('atom'));
  app.get('/feed.json', validate('query', EventFilterSchema, filledQuery, badQuery), eventsFeed('json'));

  return app;
}
