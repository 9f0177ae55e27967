-- Topics that grow: where each topic came from, slug aliases (merged or renamed slugs
-- point at their canonical one), and candidate slugs waiting to recur across sources.
ALTER TABLE topics ADD COLUMN origin TEXT NOT NULL DEFAULT 'seed' CHECK (origin IN ('seed', 'learned', 'manual'));
ALTER TABLE topics ADD COLUMN created_at TEXT;
CREATE TABLE topic_aliases (
  alias TEXT PRIMARY KEY,
  slug TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE topic_candidates (
  slug TEXT NOT NULL,
  source_id TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  PRIMARY KEY (slug, source_id)
) WITHOUT ROWID;

-- Events by topic and by entity: what topic pages, filters and guides look up.
CREATE TABLE event_subjects (
  kind TEXT NOT NULL CHECK (kind IN ('topic', 'entity')),
  subject TEXT NOT NULL,
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  weight REAL NOT NULL,
  PRIMARY KEY (kind, subject, event_id)
) WITHOUT ROWID;
CREATE INDEX event_subjects_event ON event_subjects(event_id);
-- @sqlite
INSERT OR IGNORE INTO event_subjects (kind, subject, event_id, weight)
  SELECT 'topic', t.value, e.id, 1.0 / (1 + t.key) FROM events e, json_each(e.topics) t WHERE e.title <> '';
INSERT OR IGNORE INTO event_subjects (kind, subject, event_id, weight)
  SELECT 'entity', json_extract(x.value, '$.name'), e.id, COALESCE(json_extract(x.value, '$.weight'), 1)
  FROM events e, json_each(e.entities) x WHERE e.title <> '';
-- @both

-- Guides: automatic (a busy topic or entity) or by hand (a saved full-text query).
ALTER TABLE guides ADD COLUMN origin TEXT NOT NULL DEFAULT 'auto' CHECK (origin IN ('auto', 'manual'));
ALTER TABLE guides ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE guides ADD COLUMN last_event_at TEXT;
ALTER TABLE guides ADD COLUMN overview_by TEXT NOT NULL DEFAULT 'local';
ALTER TABLE guides ADD COLUMN overview_events INTEGER NOT NULL DEFAULT 0;
ALTER TABLE guides ADD COLUMN stale INTEGER NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX guides_subject ON guides(subject_kind, subject);

-- Which events belong to which guide, with a copy of what orders them, so a guide's
-- timeline and its top events are index reads however long its history.
CREATE TABLE guide_events (
  guide_slug TEXT NOT NULL REFERENCES guides(slug) ON DELETE CASCADE ON UPDATE CASCADE,
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  relevance REAL NOT NULL,
  significance INTEGER NOT NULL,
  first_seen TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (guide_slug, event_id)
) WITHOUT ROWID;
CREATE INDEX guide_events_top ON guide_events(guide_slug, significance DESC, first_seen DESC);
CREATE INDEX guide_events_time ON guide_events(guide_slug, first_seen DESC);
CREATE INDEX guide_events_event ON guide_events(event_id);

-- A guide's event count and latest event follow its membership, whatever removes a row
-- (an event merged away or emptied cascades here too).
-- @sqlite
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
CREATE TRIGGER guide_events_update AFTER UPDATE OF first_seen ON guide_events BEGIN
  UPDATE guides SET last_event_at = (SELECT MAX(first_seen) FROM guide_events WHERE guide_slug = new.guide_slug) WHERE slug = new.guide_slug;
END;
-- @postgres
CREATE FUNCTION guide_events_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE guides SET event_count = event_count + 1,
      last_event_at = CASE WHEN last_event_at IS NULL OR NEW.first_seen > last_event_at THEN NEW.first_seen ELSE last_event_at END
    WHERE slug = NEW.guide_slug;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE guides SET event_count = event_count - 1,
      last_event_at = (SELECT MAX(first_seen) FROM guide_events WHERE guide_slug = OLD.guide_slug)
    WHERE slug = OLD.guide_slug;
  ELSE
    UPDATE guides SET last_event_at = (SELECT MAX(first_seen) FROM guide_events WHERE guide_slug = NEW.guide_slug)
    WHERE slug = NEW.guide_slug;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER guide_events_insert AFTER INSERT ON guide_events FOR EACH ROW EXECUTE FUNCTION guide_events_count();
CREATE TRIGGER guide_events_delete AFTER DELETE ON guide_events FOR EACH ROW EXECUTE FUNCTION guide_events_count();
CREATE TRIGGER guide_events_update AFTER UPDATE OF first_seen ON guide_events FOR EACH ROW EXECUTE FUNCTION guide_events_count();
-- @both
