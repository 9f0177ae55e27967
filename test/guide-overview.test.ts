import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { OVERVIEW_EVENTS, RECENT_EVENTS } from '../src/guides/overview.js';
import { getGuide, listGuides } from '../src/guides/read.js';
import { createApp } from '../src/web/app.js';
import { demoStore } from './demo-store.js';

describe('a guide’s overview without a model', () => {
  let deps: Awaited<ReturnType<typeof demoStore>>['deps'];
  before(async () => {
    ({ deps } = await demoStore());
  });

  it('is one sentence of scope, then the most significant of its latest events as dated lines, newest first', async () => {
    const guides = await listGuides(deps.db);
    assert.ok(guides.length >= 4);
    for (const { slug } of guides) {
      const g = (await getGuide(deps.db, slug))!;
      const [scope, ...lines] = g.overview.split('\n');
      const title = g.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      assert.match(
        scope!,
        new RegExp(
          `^${title}: (?:one event, \\d{1,2} \\w{3,4} \\d{4}|${g.eventCount} events from \\d{1,2} ` +
            `\\w{3,4} \\d{4} to \\d{1,2} \\w{3,4} \\d{4})\\.(?: Its most significant recent events:)?$`,
        ),
        slug,
      );
      // The latest events of the guide and their scores, read here straight from the store.
      const recent = await deps.db.all<{ title: string; significance: number; first_seen: string }>(
        `SELECT e.title, ge.significance, ge.first_seen FROM guide_events ge JOIN events e ON e.id = ge.event_id
        WHERE ge.guide_slug = ? ORDER BY ge.first_seen DESC LIMIT ?`,
        [slug, RECENT_EVENTS],
      );
      assert.equal(lines.length, Math.min(OVERVIEW_EVENTS, recent.length), slug);
      const listed = lines.map((l) => {
        const m = /^(\d{1,2} \w{3,4} \d{4}) · (.+) · (\d+(?:\.\d+)?)$/.exec(l);
        assert.ok(m, `${slug}: "${l}" is not "date · title · score"`);
        return { day: Date.parse(`${m[1]} UTC`), title: m[2]!, score: Number(m[3]) };
      });
      for (const e of listed)
        assert.ok(
          recent.some((r) => r.title === e.title && r.significance === e.score),
          `${slug}: ${e.title} is one of its latest events`,
        );
      for (let i = 1; i < listed.length; i++) assert.ok(listed[i - 1]!.day >= listed[i]!.day, `${slug}: newest first`);
      // None left out scores above one listed.
      const lowest = Math.min(...listed.map((e) => e.score));
      const above = recent.filter((r) => r.significance > lowest).length;
      assert.ok(above <= listed.length, `${slug}: an event scoring above ${lowest} is left out`);
    }
  });

  it('is shown on the guide page as its scope and a list linking each event', async () => {
    const g = (await listGuides(deps.db)).find((x) => x.eventCount >= 2)!;
    const page = await (await createApp(deps).request(`/guides/${encodeURIComponent(g.slug)}`)).text();
    const list = /<ul class="latest">([\s\S]*?)<\/ul>/.exec(page);
    assert.ok(list, 'the list of latest events is on the page');
    assert.ok((list[1]!.match(/<li>/g) ?? []).length >= 1);
    assert.match(list[1]!, /<a href="\/events\/[^"]+">/);
  });
});
