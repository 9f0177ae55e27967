-- Guide memberships and event subjects ordered the way they grow (SQLite). Every commit of a
-- clustering batch rewrites, for each guide and subject its events touched, the page where
-- the newest rows land in each b-tree of these tables; once a store holds thousands of busy
-- guides, each has its own such page in every b-tree, and those pages are most of what a
-- commit writes. So the table itself takes the order one index kept: a guide's events by
-- first sighting (the timeline), a subject's events by week (relating's recent events). The
-- index that did is gone, and lookups by event go through one unique index by event.
-- PostgreSQL keeps its tables and indexes: its tables are heaps, in no key's order.
-- @sqlite
CREATE TABLE guide_events_ordered (
  guide_slug TEXT NOT NULL REFERENCES guides(slug) ON DELETE CASCADE ON UPDATE CASCADE,
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  relevance REAL NOT NULL,
  significance INTEGER NOT NULL,
  first_seen TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (guide_slug, first_seen, event_id)
) WITHOUT ROWID;
INSERT INTO guide_events_ordered (guide_slug, event_id, relevance, significance, first_seen, added_at)
  SELECT guide_slug, event_id, relevance, significance, first_seen, added_at FROM guide_events ORDER BY guide_slug, first_seen, event_id;
DROP TABLE guide_events;
ALTER TABLE guide_events_ordered RENAME TO guide_events;
CREATE UNIQUE INDEX guide_events_event ON guide_events(event_id, guide_slug);
CREATE INDEX guide_events_top ON guide_events(guide_slug, significance DESC, first_seen DESC);
CREATE TRIGGER guide_events_insert AFTER INSERT ON guide_events BEGIN
  UPDATE guides SET event_count = event_count + 1,
    last_event_at = CASE WHEN last_event_at IS NULL OR new.first_seen > last_event_at THEN new.first_seen ELSE last_event_at END
  WHERE slug = new.guide_slug;
END;
CREATE TRIGGER guide_events_delete AFTER DELETE ON guide_events BEGIN
  UPDATE guides SET event_count = event_count - 1,
    last_event_at = (SELECT MAX(first_seen) FROM guide_events WHERE guide_slug = old.guide_slug)
  WHERE slug = old.guide_slug;
END;
CREATE TRIGGER guide_events_update AFTER UPDATE OF first_seen ON guide_events
  WHEN old.first_seen IS NOT new.first_seen BEGIN
  UPDATE guides SET last_event_at = (SELECT MAX(first_seen) FROM guide_events WHERE guide_slug = new.guide_slug) WHERE slug = new.guide_slug;
END;

CREATE TABLE event_subjects_ordered (
  kind TEXT NOT NULL CHECK (kind IN ('topic', 'entity')),
  subject TEXT NOT NULL,
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  weight REAL NOT NULL,
  week INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, subject, week, event_id)
) WITHOUT ROWID;
INSERT INTO event_subjects_ordered (kind, subject, event_id, weight, week)
  SELECT kind, subject, event_id, weight, week FROM event_subjects ORDER BY kind, subject, week, event_id;
DROP TABLE event_subjects;
ALTER TABLE event_subjects_ordered RENAME TO event_subjects;
CREATE UNIQUE INDEX event_subjects_event ON event_subjects(event_id, kind, subject);
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
