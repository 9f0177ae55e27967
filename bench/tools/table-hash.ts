/**
 * Whether two runs left the same events: for each SQLite store named, the row count and a
 * hash of what the pipeline decides (events with their significance and factors, relations,
 * guide memberships, subjects, members) and of what triggers keep from it (counts per subject
 * and week, each guide's best), each table in a fixed order. A change meant to be faster only
 * must leave every line the same, e.g. after one round on two copies of a store:
 *   node --import tsx bench/tools/table-hash.ts <before/store.db> <after/store.db>
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

const TABLES: Record<string, string> = {
  events:
    'SELECT id, title, summary, significance, factors, topics, entities, article_count, source_count, relate_pending FROM events ORDER BY id',
  relations: 'SELECT event_id, related_id, similarity FROM event_relations ORDER BY event_id, related_id',
  memberships:
    'SELECT guide_slug, event_id, relevance, significance, first_seen FROM guide_events ORDER BY guide_slug, event_id',
  subjects: 'SELECT kind, subject, week, event_id, weight FROM event_subjects ORDER BY kind, subject, week, event_id',
  members: 'SELECT article_id, event_id, role FROM event_articles ORDER BY article_id',
  subjectWeeks: 'SELECT kind, subject, week, events FROM subject_weeks ORDER BY kind, subject, week',
  guideTop:
    'SELECT guide_slug, significance, first_seen, event_id FROM guide_top ORDER BY guide_slug, significance, first_seen, event_id',
};

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node --import tsx bench/tools/table-hash.ts <store.db> [store.db…]');
  process.exit(2);
}
for (const file of files) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const parts = Object.entries(TABLES).map(([name, sql]) => {
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of db.prepare(sql).raw().iterate()) {
      hash.update(JSON.stringify(row));
      rows++;
    }
    return `${name} ${rows} ${hash.digest('hex').slice(0, 12)}`;
  });
  db.close();
  console.log(`${file}: ${parts.join(' | ')}`);
}
