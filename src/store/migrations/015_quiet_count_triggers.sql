-- The counting triggers run only when what they count moved. An UPDATE that names a column
-- fires an "UPDATE OF" trigger even when the value stays: every refresh rewrites an
-- event's guide rows (its significance moves) and subject rows (their weight moves), which
-- made each row recount its guide's latest event, or take one from its subject's week and
-- give it straight back. The counts come out the same either way.
-- @sqlite
DROP TRIGGER guide_events_update;
CREATE TRIGGER guide_events_update AFTER UPDATE OF first_seen ON guide_events
  WHEN old.first_seen IS NOT new.first_seen BEGIN
  UPDATE guides SET last_event_at = (SELECT MAX(first_seen) FROM guide_events WHERE guide_slug = new.guide_slug) WHERE slug = new.guide_slug;
END;
DROP TRIGGER subject_weeks_update;
CREATE TRIGGER subject_weeks_update AFTER UPDATE OF kind, subject, week ON event_subjects
  WHEN old.kind IS NOT new.kind OR old.subject IS NOT new.subject OR old.week IS NOT new.week BEGIN
  UPDATE subject_weeks SET events = events - 1 WHERE kind = old.kind AND subject = old.subject AND week = old.week;
  DELETE FROM subject_weeks WHERE kind = old.kind AND subject = old.subject AND week = old.week AND events <= 0;
  INSERT INTO subject_weeks (kind, subject, week, events) VALUES (new.kind, new.subject, new.week, 1)
    ON CONFLICT (kind, subject, week) DO UPDATE SET events = events + 1;
END;
-- @postgres
DROP TRIGGER guide_events_update ON guide_events;
CREATE TRIGGER guide_events_update AFTER UPDATE OF first_seen ON guide_events FOR EACH ROW
  WHEN (OLD.first_seen IS DISTINCT FROM NEW.first_seen) EXECUTE FUNCTION guide_events_count();
DROP TRIGGER subject_weeks_update ON event_subjects;
CREATE TRIGGER subject_weeks_update AFTER UPDATE OF kind, subject, week ON event_subjects FOR EACH ROW
  WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.subject IS DISTINCT FROM NEW.subject OR OLD.week IS DISTINCT FROM NEW.week)
  EXECUTE FUNCTION subject_weeks_count();
-- @both
