import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BACKENDS, testDepsOn } from '../../test/helpers.js';
import { insertGuide } from '../store/guides.js';
import { subjectWeights, syncEventSubjects, updateGuidesForEvent, type GuideEventFields } from './membership.js';

const T0 = new Date('2026-03-01T12:00:00.000Z');

// (Moved from the store's shared suite: it drives the guides' own code, which the store does not import.)
for (const backend of BACKENDS) {
  describe(`guide membership (${backend})`, () => {
    it("keeps an event's subject rows and guide memberships in step with it as it changes, column by column", async () => {
      const { db } = await testDepsOn(backend);
      try {
        const t = (d: number) => new Date(T0.getTime() + d * 86_400_000).toISOString();
        await db.run(`INSERT INTO events (id, title, first_seen, last_updated) VALUES ('m1', 'M1', ?, ?)`, [
          t(0),
          t(0),
        ]);
        for (const [slug, kind, subject] of [
          ['acme', 'entity', 'Acme'],
          ['beta', 'entity', 'Beta'],
          ['gamma', 'entity', 'Gamma'],
          ['chips', 'topic', 'chips'],
        ] as const) {
          await insertGuide(db, { slug, title: subject, subjectKind: kind, subject, origin: 'auto' }, t(0));
        }
        const states: Array<GuideEventFields> = [
          {
            title: 'M1',
            significance: 4,
            firstSeen: t(0),
            lastUpdated: t(0),
            topics: ['chips'],
            entities: [
              { name: 'Acme', type: 'organization', weight: 2 },
              { name: 'Beta', type: 'person', weight: 1 },
            ],
          },
          // A weight moves (relevance alone; to a third, which no single-precision number holds), then the significance,
          // then the first sighting and the week, with a subject gone and one new.
          {
            title: 'M1',
            significance: 4,
            firstSeen: t(0),
            lastUpdated: t(1),
            topics: ['chips'],
            entities: [
              { name: 'Acme', type: 'organization', weight: 3 },
              { name: 'Beta', type: 'person', weight: 1 },
            ],
          },
          {
            title: 'M1',
            significance: 6,
            firstSeen: t(0),
            lastUpdated: t(2),
            topics: ['chips'],
            entities: [
              { name: 'Acme', type: 'organization', weight: 3 },
              { name: 'Beta', type: 'person', weight: 1 },
            ],
          },
          {
            title: 'M1',
            significance: 6,
            firstSeen: t(-1),
            lastUpdated: t(15),
            topics: ['chips', 'robots'],
            entities: [
              { name: 'Acme', type: 'organization', weight: 4 },
              { name: 'Gamma', type: 'product', weight: 1 },
            ],
          },
          { title: 'M1', significance: 5, firstSeen: t(-1), lastUpdated: t(16), topics: [], entities: [] },
        ];
        for (const [i, ev] of states.entries()) {
          await syncEventSubjects(db, 'm1', ev);
          await updateGuidesForEvent(db, 'm1', undefined, new Map(), ev);
          const week = Math.floor(Date.parse(ev.lastUpdated) / 1000 / 604_800);
          const expected = subjectWeights(ev)
            .map((w) => ({ kind: w.kind, subject: w.subject, weight: w.weight, week }))
            .sort((a, b) => (a.kind + a.subject < b.kind + b.subject ? -1 : 1));
          assert.deepEqual(
            await db.all(
              `SELECT kind, subject, weight, week FROM event_subjects WHERE event_id = 'm1' ORDER BY kind || subject`,
            ),
            expected,
            `subjects after state ${i}`,
          );
          const slugOf: Record<string, string> = { Acme: 'acme', Beta: 'beta', Gamma: 'gamma', chips: 'chips' };
          const members = expected
            .filter((w) => slugOf[w.subject])
            .map((w) => ({
              guide_slug: slugOf[w.subject],
              relevance: w.weight,
              significance: ev.significance,
              first_seen: ev.firstSeen,
            }))
            .sort((a, b) => (a.guide_slug! < b.guide_slug! ? -1 : 1));
          assert.deepEqual(
            await db.all(
              `SELECT guide_slug, relevance, significance, first_seen FROM guide_events WHERE event_id = 'm1' ORDER BY guide_slug`,
            ),
            members,
            `memberships after state ${i}`,
          );
          assert.deepEqual(
            await db.all(
              `SELECT kind, subject, week, events FROM subject_weeks WHERE subject IN ('Acme', 'Beta', 'Gamma', 'chips', 'robots') ORDER BY kind, subject`,
            ),
            expected.map((w) => ({ kind: w.kind, subject: w.subject, week, events: 1 })),
            `week counts after state ${i}`,
          );
        }
        assert.deepEqual(
          await db.all(
            `SELECT slug, event_count FROM guides WHERE slug IN ('acme', 'beta', 'gamma', 'chips') ORDER BY slug`,
          ),
          ['acme', 'beta', 'chips', 'gamma'].map((slug) => ({ slug, event_count: 0 })),
        );
      } finally {
        await db.close();
      }
    });
  });
}
