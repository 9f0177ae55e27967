import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDb } from './db.js';
import { weekFloorFor } from './recent-weeks.js';

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

test('the week floor read from the newest weeks first is the one every week gives', async () => {
  const db = openDb(':memory:');
  // Subjects with 0 to 20 weeks of 1 to 5 events: floors inside, at the edge of and past the first weeks read.
  let seed = 7;
  const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  for (let s = 0; s < 40; s++) {
    let week = 100;
    const weeks = Array.from({ length: s % 21 }, () => ({ week: (week += 1 + next(3)), events: 1 + next(5) }));
    for (const w of weeks)
      await db.run("INSERT INTO subject_weeks (week, kind, subject, events) VALUES (?, 'topic', ?, ?)", [
        w.week,
        `s${s}`,
        w.events,
      ]);
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
