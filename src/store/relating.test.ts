import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDb } from './db.js';
import { parseSubjectList, subjectEventLists } from './relating.js';

describe("relating's statements", () => {
  it("reads each subject's latest events, newest week first, in the order asked", async () => {
    const db = openDb(':memory:');
    try {
      for (const [id, week] of [
        ['e1', 2900],
        ['e2', 2901],
        ['e3', 2901],
      ] as const) {
        await db.run(
          `INSERT INTO events (id, title, first_seen, last_updated) VALUES (?, ?, '2026-01-01', '2026-01-01')`,
          [id, id],
        );
        await db.run(
          `INSERT INTO event_subjects (kind, subject, event_id, weight, week) VALUES ('topic', 'chips', ?, 1, ?)`,
          [id, week],
        );
      }
      const lists = await subjectEventLists(
        db,
        [
          ['entity', 'Nobody'],
          ['topic', 'chips'],
        ],
        2901,
        2,
      );
      assert.deepEqual(lists, [
        { ids: [], weeks: [] },
        { ids: ['e3', 'e2'], weeks: [2901, 2901] },
      ]);
      await assert.rejects(
        subjectEventLists(db, [['topic', 'chips']], 2900, 0),
        /events per subject must be a positive integer \(got 0\)/,
      );
    } finally {
      await db.close();
    }
  });

  it('parses the compact list a row carries, and names a malformed one', () => {
    assert.deepEqual(parseSubjectList('2901 e3\u001e2900 e1', '\u001e'), { ids: ['e3', 'e1'], weeks: [2901, 2900] });
    assert.deepEqual(parseSubjectList(null, '\u001e'), { ids: [], weeks: [] });
    assert.throws(() => parseSubjectList('2900 e7\u001ee9', '\u001e'), /malformed near "e9"/);
  });
});
