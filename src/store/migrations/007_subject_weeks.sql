-- Events per subject per week, kept by triggers, so the topics page (totals and a
-- 12-week sparkline per topic) reads a table the size of topics × weeks instead of
-- every event. Each event_subjects row remembers the week it was counted in (the
-- event's last update, in whole weeks since 1970), so removing it takes back exactly
-- what adding it gave, however the event changed since.
ALTER TABLE event_subjects ADD COLUMN week INTEGER NOT NULL DEFAULT 0;
-- @sqlite
UPDATE event_subjects SET week = COALESCE((SELECT CAST(unixepoch(e.last_updated) / 604800 AS INTEGER) FROM events e WHERE e.id = event_subjects.event_id), 0);
-- @both

CREATE TABLE subject_weeks (
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  week INTEGER NOT NULL,
  events INTEGER NOT NULL,
  PRIMARY KEY (kind, subject, week)
) WITHOUT ROWID;
-- @sqlite
INSERT INTO subject_weeks (kind, subject, week, events)
  SELECT kind, subject, week, COUNT(*) FROM event_subjects GROUP BY kind, subject, week;

CREATE TRIGGER subject_weeks_insert AFTER INSERT ON event_subjects BEGIN
  INSERT INTO subject_weeks (kind, subject, week, events) VALUES (new.kind, new.subject, new.week, 1)
    ON CONFLICT (kind, subject, week) DO UPDATE SET events = events + 1;
END;
CREATE TRIGGER subject_weeks_delete AFTER DELETE ON event_subjects BEGIN
  UPDATE subject_weeks SET events = events - 1 WHERE kind = old.kind AND subject = old.subject AND week = old.week;
  DELETE FROM subject_weeks WHERE kind = old.kind AND subject = old.subject AND week = old.week AND events <= 0;
END;
CREATE TRIGGER subject_weeks_update AFTER UPDATE OF kind, subject, week ON event_subjects BEGIN
  UPDATE subject_weeks SET events = events - 1 WHERE kind = old.kind AND subject = old.subject AND week = old.week;
  DELETE FROM subject_weeks WHERE kind = old.kind AND subject = old.subject AND week = old.week AND events <= 0;
  INSERT INTO subject_weeks (kind, subject, week, events) VALUES (new.kind, new.subject, new.week, 1)
    ON CONFLICT (kind, subject, week) DO UPDATE SET events = events + 1;
END;
-- @postgres
CREATE FUNCTION subject_weeks_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE subject_weeks SET events = events - 1 WHERE kind = OLD.kind AND subject = OLD.subject AND week = OLD.week;
    DELETE FROM subject_weeks WHERE kind = OLD.kind AND subject = OLD.subject AND week = OLD.week AND events <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO subject_weeks (kind, subject, week, events) VALUES (NEW.kind, NEW.subject, NEW.week, 1)
      ON CONFLICT (kind, subject, week) DO UPDATE SET events = subject_weeks.events + 1;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER subject_weeks_insert AFTER INSERT ON event_subjects FOR EACH ROW EXECUTE FUNCTION subject_weeks_count();
CREATE TRIGGER subject_weeks_delete AFTER DELETE ON event_subjects FOR EACH ROW EXECUTE FUNCTION subject_weeks_count();
CREATE TRIGGER subject_weeks_update AFTER UPDATE OF kind, subject, week ON event_subjects FOR EACH ROW EXECUTE FUNCTION subject_weeks_count();
-- @both
