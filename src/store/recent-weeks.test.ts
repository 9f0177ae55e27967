import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Db, openDb } from './db.js';
import { weekFloorFor, weekSpanFor } from './recent-weeks.js';

/** The floor as read from every week at once: what weekFloorFor answered before it read the newest weeks first. */
function everyWeek(weeks: Array<{ week: number; events: number }>, fromWeek: number, need: number) {
  const from = weeks.filter((w) => w.week >= fromWeek).sort((a, b) => b.week - a.week);
  let sum = 0;
  for (const [i, w] of from.entries()) {
    sum += w.events;
    if (sum >= need) return { week: w.week, all: i === from.length - 1 };
  }
  return { week: fromWeek, all: true };
}

/**
 * Subjects s0, s1… of `count` with 0 to 20 weeks each (oldest first), of 1 to `most` events a
 * week, stored as subject_weeks rows; the same for the same seed.
 */
async function storeSubjects(db: Db, count: number, most: number, seed: number) {
  const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  const subjects: Array<Array<{ week: number; events: number }>> = [];
  for (let s = 0; s < count; s++) {
    let week = 100;
    const weeks = Array.from({ length: s % 21 }, () => ({ week: (week += 1 + next(3)), events: 1 + next(most) }));
    for (const w of weeks)
      await db.run("INSERT INTO subject_weeks (week, kind, subject, events) VALUES (?, 'topic', ?, ?)", [
        w.week,
        `s${s}`,
        w.events,
      ]);
    subjects.push(weeks);
  }
  return subjects;
}

test('the week floor read from the newest weeks first is the one every week gives', async () => {
  const db = openDb(':memory:');
  // Weeks of 1 to 5 events: floors inside, at the edge of and past the first weeks read.
  for (const [s, weeks] of (await storeSubjects(db, 40, 5, 7)).entries()) {
    for (const need of [1, 3, 10, 20, 24, 40, 100])
      for (const fromWeek of [0, 110])
        assert.deepEqual(
          await weekFloorFor(db, 'topic', `s${s}`, fromWeek, need),
          everyWeek(weeks, fromWeek, need),
          `subject s${s}, need ${need}, from ${fromWeek}`,
        );
  }
  await db.close();
});

test("a page's week span, read from the newest weeks first, holds exactly the page's rows", async () => {
  const db = openDb(':memory:');
  // Weeks of 1 to 40 events: spans inside, across and past the first weeks read.
  for (const [s, weeks] of (await storeSubjects(db, 30, 40, 11)).entries()) {
    // Each row's week, newest first: a page's rows are a slice of it.
    const rows = [...weeks].reverse().flatMap((w) => Array<number>(w.events).fill(w.week));
    for (const offset of [0, 5, 29, 30, 100, 250, 400])
      for (const limit of [1, 31]) {
        const span = await weekSpanFor(db, 'topic', `s${s}`, offset, limit);
        const page = rows.slice(offset, offset + limit);
        const at = `subject s${s}, offset ${offset}, limit ${limit}`;
        if (!page.length) {
          assert.equal(span, weeks.length ? 'past-end' : undefined, at);
          continue;
        }
        assert.ok(span && span !== 'past-end', at);
        assert.deepEqual([span.to, span.from], [page[0], page.at(-1)], at);
        assert.equal(span.before, rows.indexOf(span.to), at);
      }
  }
  await db.close();
});
