import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { listEvents } from '../src/store/events.js';
import { createApp } from '../src/web/app.js';
import { relativeTime } from '../src/web/relative-time.js';
import { demoStore } from './demo-store.js';

/** What a new user meets on the pages (issue 42), over a store the real pipeline filled from the demo feeds. */
describe('pages a new user meets', () => {
  let app: ReturnType<typeof createApp>;
  let deps: Awaited<ReturnType<typeof demoStore>>['deps'];

  before(async () => {
    ({ deps } = await demoStore());
    app = createApp({ db: deps.db, clock: deps.clock });
  });

  const page = async (p: string) => {
    const r = await app.request(`http://almanac.test${p}`);
    return { status: r.status, html: await r.text() };
  };
  const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

  it('an event has one age, in the same words on the list and on its page', async () => {
    const now = deps.clock.now();
    const events = await listEvents(deps.db, { limit: 30, sort: 'recent' });
    const home = (await page('/')).html;
    let both = 0;
    for (const e of events) {
      const card = new RegExp(`<div class="item event">((?:(?!<div class="item event">)[\\s\\S])*?)href="/events/${e.id}"`).exec(home)?.[1];
      assert.ok(card, `${e.id} is on the home page`);
      const onList = text(/<span class="age">([\s\S]*?)<\/span>/.exec(card)![1]!);
      const onPage = text(/<div class="meta head">[\s\S]*?<span class="age">([\s\S]*?)<\/span>/.exec((await page(`/events/${e.id}`)).html)![1]!);
      assert.equal(onPage, onList, e.id);
      const [first, updated] = [relativeTime(e.firstSeen, now), relativeTime(e.lastUpdated, now)];
      assert.equal(onList, first === updated ? updated : `first seen ${first} · updated ${updated}`);
      if (first !== updated) both++;
    }
    assert.ok(both >= 1, 'some event was updated after it was first seen');
  });
});
