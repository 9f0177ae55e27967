-- Two changes that cut what each commit of a clustering batch reads and writes once a store is
-- large (SQLite; PostgreSQL's tables are heaps, in no key's order, and its guide_top function
-- is left as it is).
--
-- 1. Events per subject per week, ordered by week first. Every event a batch touches moves the
-- count of each of its subjects in the current week; ordered by subject, those rows lay one
-- or two to a page across the whole table, so each commit rewrote a page per subject its
-- batch touched. By week, the current week's rows sit together on a few pages. Reads by
-- subject (a filter's size, the topics page) go through an index by subject, which changes
-- only when a subject meets a new week. The counting triggers are dropped and written again as
-- they were: SQLite checks every trigger when a table is renamed, and these name the table
-- being replaced.
-- @sqlite
DROP TRIGGER subject_weeks_insert;
DROP TRIGGER subject_weeks_delete;
DROP TRIGGER subject_weeks_update;
CREATE TABLE subject_weeks_by_week (
  week INTEGER NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  events INTEGER NOT NULL,
  PRIMARY KEY (week, kind, subject)
) WITHOUT ROWID;
INSERT INTO subject_weeks_by_week (week, kind, subject, events)
  SELECT week, kind, subject, events FROM subject_weeks ORDER BY week, kind, subject;
DROP TABLE subject_weeks;
ALTER TABLE subject_weeks_by_week RENAME TO subject_weeks;
CREATE INDEX subject_weeks_subject ON subject_weeks(kind, subject, week);
CREATE TRIGGER subject_weeks_insert AFTER INSERT ON event_subjects BEGIN
  INSERT INTO subject_weeks (kind, subject, week, events) VALUES (new.kind, new.subject, new.week, 1)
    ON CONFLICT (kind, subject, week) DO UPDATE SET events = events + 1;
END;
CREATE TRIGGER subject_weeks_delete AFTER DELETE ON event_subjects BEGIN
  UPDATE subject_weeks SET events = events - 1 WHERE kind = old.kind AND subject = old.subject AND week = old.week;
  DELETE FROM subject_weeks WHERE kind = old.kind AND subject = old.subject AND week = old.week AND events <= 0;
END;
CREATE TRIGGER subject_weeks_update AFTER UPDATE OF kind, subject, week ON event_subjects
  WHEN old.kind IS NOT new.kind OR old.subject IS NOT new.subject OR old.week IS NOT new.week BEGIN
  UPDATE subject_weeks SET events = events - 1 WHERE kind = old.kind AND subject = old.subject AND week = old.week;
  DELETE FROM subject_weeks WHERE kind = old.kind AND subject = old.subject AND week = old.week AND events <= 0;
  INSERT INTO subject_weeks (kind, subject, week, events) VALUES (new.kind, new.subject, new.week, 1)
    ON CONFLICT (kind, subject, week) DO UPDATE SET events = events + 1;
END;
-- 2. A guide's held best (guide_top, 021) takes a row that beats none held only while the
-- guide has at most 41 events: the trigger counted up to 42 of the guide's memberships to
-- know, reading the oldest end of a busy guide, a page seldom in memory, for nearly every
-- event the guide takes. The guide's count (guides.event_count, kept by trigger since 006)
-- answers first: above 42, with or without the new row, the guide has more than 41 events.
DROP TRIGGER guide_top_insert;
CREATE TRIGGER guide_top_insert AFTER INSERT ON guide_events
  WHEN EXISTS (SELECT 1 FROM guide_top t WHERE t.guide_slug = new.guide_slug AND (t.significance, t.first_seen, t.event_id) < (new.significance, new.first_seen, new.event_id))
    OR ((SELECT event_count FROM guides WHERE slug = new.guide_slug) <= 42
      AND (SELECT COUNT(*) FROM guide_top t WHERE t.guide_slug = new.guide_slug) >= (SELECT COUNT(*) FROM (SELECT 1 FROM guide_events g WHERE g.guide_slug = new.guide_slug LIMIT 42)) - 1)
BEGIN
  INSERT OR IGNORE INTO guide_top (guide_slug, significance, first_seen, event_id) VALUES (new.guide_slug, new.significance, new.first_seen, new.event_id);
  DELETE FROM guide_top WHERE guide_slug = new.guide_slug
    AND (significance, first_seen, event_id) = (SELECT significance, first_seen, event_id FROM guide_top t WHERE t.guide_slug = new.guide_slug ORDER BY significance, first_seen, event_id LIMIT 1)
    AND (SELECT COUNT(*) FROM guide_top t WHERE t.guide_slug = new.guide_slug) > 40;
END;
DROP TRIGGER guide_top_update_in;
CREATE TRIGGER guide_top_update_in AFTER UPDATE OF significance, first_seen, event_id ON guide_events
  WHEN (old.significance IS NOT new.significance OR old.first_seen IS NOT new.first_seen OR old.event_id IS NOT new.event_id)
    AND (EXISTS (SELECT 1 FROM guide_top t WHERE t.guide_slug = new.guide_slug AND (t.significance, t.first_seen, t.event_id) < (new.significance, new.first_seen, new.event_id))
      OR ((SELECT event_count FROM guides WHERE slug = new.guide_slug) <= 42
        AND (SELECT COUNT(*) FROM guide_top t WHERE t.guide_slug = new.guide_slug) >= (SELECT COUNT(*) FROM (SELECT 1 FROM guide_events g WHERE g.guide_slug = new.guide_slug LIMIT 42)) - 1))
BEGIN
  INSERT OR IGNORE INTO guide_top (guide_slug, significance, first_seen, event_id) VALUES (new.guide_slug, new.significance, new.first_seen, new.event_id);
  DELETE FROM guide_top WHERE guide_slug = new.guide_slug
    AND (significance, first_seen, event_id) = (SELECT significance, first_seen, event_id FROM guide_top t WHERE t.guide_slug = new.guide_slug ORDER BY significance, first_seen, event_id LIMIT 1)
    AND (SELECT COUNT(*) FROM guide_top t WHERE t.guide_slug = new.guide_slug) > 40;
END;
-- @both
