import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDb } from './db.js';
import { eventPageData } from './event-page.js';
import { getEvent } from './event-reads.js';
import { relatedEvents } from './relating.js';

async function store() {
  const db = openDb(':memory:');
  const at = '2026-11-22T12:00:00Z';
  await db.run(
    `INSERT INTO sources (id, name, author, feed_url, tier, created_at) VALUES ('blog', 'Blog', 'Ann', 'https://b.example/feed', 1, ?)`,
    [at],
  );
  await db.run(
    `INSERT INTO articles (id, source_id, guid, url, title, fetched_at, content_hash, updated_at)
    VALUES (1, 'blog', 'g1', 'https://b.example/1', 'One', ?, 'h1', ?)`,
    [at, at],
  );
  for (const [id, primary] of [
    ['e1', 1],
    ['e2', null],
    ['e3', 1],
    ['e4', null],
  ] as const)
    await db.run(
      `INSERT INTO events (id, title, summary, significance, factors, primary_article_id, first_seen, last_updated, topics, entities, source_count)
      VALUES (?, ?, 's', 5, '{"base":2}', ?, ?, ?, '["t"]', '[]', 1)`,
      [id, `title ${id}`, primary, at, at],
    );
  await db.run("INSERT INTO event_redirects (from_id, to_id) VALUES ('old', 'e1')");
  for (const [other, similarity] of [
    ['e3', 0.5],
    ['e2', 0.9],
    ['e4', 0.5],
  ] as const)
    await db.run('INSERT INTO event_relations (event_id, related_id, similarity) VALUES (?, ?, ?)', [
      'e1',
      other,
      similarity,
    ]);
  return db;
}

test('an event page reads the event through a redirect, with the same rows as the general reads', async () => {
  const db = await store();
  const page = (await eventPageData(db, 'old'))!;
  const { primary, ...event } = page.event;
  assert.deepEqual(event, await getEvent(db, 'old'));
  assert.deepEqual(primary, { sourceName: 'Blog', sourceAuthor: 'Ann', url: 'https://b.example/1', sourceId: 'blog' });
  // The card's fields of each related event, as the general read gives them.
  const general = await relatedEvents(db, 'e1');
  assert.deepEqual(
    page.related.map(({ primary: _, ...r }) => r),
    general.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      significance: r.significance,
      firstSeen: r.firstSeen,
      lastUpdated: r.lastUpdated,
      topics: r.topics,
      sourceCount: r.sourceCount,
      entities: r.entities,
      similarity: r.similarity,
    })),
  );
  assert.deepEqual(
    page.related.map((r) => [r.id, r.primary?.sourceId]),
    [
      ['e2', undefined],
      ['e3', 'blog'],
      ['e4', undefined],
    ],
  );
  assert.equal(await eventPageData(db, 'nothing'), undefined);
  await db.close();
});

test("an event page reads the labels of the event's own topics, and only those", async () => {
  const db = await store();
  const at = '2026-11-22T12:00:00Z';
  for (const [slug, label] of [
    ['t', 'The topic'],
    ['other', 'Another'],
  ] as const)
    await db.run(`INSERT INTO topics (slug, label, aliases, origin, created_at) VALUES (?, ?, '[]', 'manual', ?)`, [
      slug,
      label,
      at,
    ]);
  await db.run(`UPDATE events SET topics = '["t","unlabelled"]' WHERE id = 'e1'`);
  assert.deepEqual((await eventPageData(db, 'e1'))!.topicLabels, new Map([['t', 'The topic']]));
  await db.run(`UPDATE events SET topics = '[]' WHERE id = 'e1'`);
  assert.deepEqual((await eventPageData(db, 'e1'))!.topicLabels, new Map());
  await db.close();
});
