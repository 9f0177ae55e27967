-- A guide's most significant events, kept apart in a small table instead of an index over
-- every membership. The index (guide_events_top) had an entry per membership, ordered by
-- guide, significance and first sighting: each event rewrote the pages where its guides'
-- newest entries of each significance landed, and moved its entry in every guide whenever its
-- significance changed. Once a store holds a million articles those pages are mostly not in
-- memory: each commit read and wrote thousands of them (measured: one round at 1M, the main
-- thread 2.5 s of CPU less and about 0.9 GB less read a round without the index).
--
-- guide_top holds, for each guide, its best rows by (significance, first_sighting, event_id),
-- highest first: always the true best |rows| of the guide (whatever is taken from the guide is
-- taken from here too, and a row comes in only if it beats one held, or the guide's other
-- events are all held), at most 40, refilled from the memberships when fewer than 20 are left
-- while the guide has more. Reads take the first 20 or fewer (topGuideEvents) and fall back
-- to ordering the memberships if this table holds too few; 40 rows of a few thousand guides
-- stay in memory, and a read costs the same for a guide of ten events or ten thousand.
-- Triggers on guide_events keep it (below).
-- @both
DROP INDEX guide_events_top;
-- @sqlite
CREATE TABLE guide_top (
  guide_slug TEXT NOT NULL REFERENCES guides(slug) ON DELETE CASCADE ON UPDATE CASCADE,
  significance INTEGER NOT NULL,
  first_seen TEXT NOT NULL,
  event_id TEXT NOT NULL,
  PRIMARY KEY (guide_slug, significance, first_seen, event_id)
) WITHOUT ROWID;
-- @postgres
CREATE TABLE guide_top (
  guide_slug TEXT NOT NULL REFERENCES guides(slug) ON DELETE CASCADE ON UPDATE CASCADE,
  significance INTEGER NOT NULL,
  first_seen TEXT NOT NULL,
  event_id TEXT NOT NULL,
  PRIMARY KEY (guide_slug, significance, first_seen, event_id)
);
-- @both
INSERT INTO guide_top (guide_slug, significance, first_seen, event_id)
  SELECT guide_slug, significance, first_seen, event_id FROM (
    SELECT guide_slug, significance, first_seen, event_id,
      ROW_NUMBER() OVER (PARTITION BY guide_slug ORDER BY significance DESC, first_seen DESC, event_id DESC) AS r
    FROM guide_events) AS ranked
  WHERE r <= 40;
-- @sqlite
-- Each change of a membership, by triggers of its own that read nothing but the guide's rows
-- here and at most 42 of its memberships (so they cost the same for a guide of any size, and
-- do not depend on the order SQLite fires a table's triggers in), each gated by its WHEN
-- clause: most changes touch no held row and run no statement. (A trigger answers one kind of
-- change here, so an insert and an update each have their own copy of a rule.)
-- A row comes in when it beats a held row, or when the guide's other rows are all held (the
-- guide has at most 41: a count that stops at 42 says so). The lowest goes past 40.
CREATE TRIGGER guide_top_insert AFTER INSERT ON guide_events
  WHEN EXISTS (SELECT 1 FROM guide_top t WHERE t.guide_slug = new.guide_slug AND (t.significance, t.first_seen, t.event_id) < (new.significance, new.first_seen, new.event_id))
    OR (SELECT COUNT(*) FROM guide_top t WHERE t.guide_slug = new.guide_slug) >= (SELECT COUNT(*) FROM (SELECT 1 FROM guide_events g WHERE g.guide_slug = new.guide_slug LIMIT 42)) - 1
BEGIN
  INSERT OR IGNORE INTO guide_top (guide_slug, significance, first_seen, event_id) VALUES (new.guide_slug, new.significance, new.first_seen, new.event_id);
  DELETE FROM guide_top WHERE guide_slug = new.guide_slug
    AND (significance, first_seen, event_id) = (SELECT significance, first_seen, event_id FROM guide_top t WHERE t.guide_slug = new.guide_slug ORDER BY significance, first_seen, event_id LIMIT 1)
    AND (SELECT COUNT(*) FROM guide_top t WHERE t.guide_slug = new.guide_slug) > 40;
END;
-- What is left held is still the guide's best.
CREATE TRIGGER guide_top_delete AFTER DELETE ON guide_events BEGIN
  DELETE FROM guide_top WHERE guide_slug = old.guide_slug AND significance = old.significance AND first_seen = old.first_seen AND event_id = old.event_id;
END;
-- A membership's significance or first sighting moved (its guide renamed moves with the
-- guide, by the foreign key): out at the old place; in at the new as a new row would come
-- (whether tested before the old is out or after, what is held stays the guide's best).
CREATE TRIGGER guide_top_update_out AFTER UPDATE OF significance, first_seen, event_id ON guide_events
  WHEN old.significance IS NOT new.significance OR old.first_seen IS NOT new.first_seen OR old.event_id IS NOT new.event_id
BEGIN
  DELETE FROM guide_top WHERE guide_slug = old.guide_slug AND significance = old.significance AND first_seen = old.first_seen AND event_id = old.event_id;
END;
CREATE TRIGGER guide_top_update_in AFTER UPDATE OF significance, first_seen, event_id ON guide_events
  WHEN (old.significance IS NOT new.significance OR old.first_seen IS NOT new.first_seen OR old.event_id IS NOT new.event_id)
    AND (EXISTS (SELECT 1 FROM guide_top t WHERE t.guide_slug = new.guide_slug AND (t.significance, t.first_seen, t.event_id) < (new.significance, new.first_seen, new.event_id))
      OR (SELECT COUNT(*) FROM guide_top t WHERE t.guide_slug = new.guide_slug) >= (SELECT COUNT(*) FROM (SELECT 1 FROM guide_events g WHERE g.guide_slug = new.guide_slug LIMIT 42)) - 1)
BEGIN
  INSERT OR IGNORE INTO guide_top (guide_slug, significance, first_seen, event_id) VALUES (new.guide_slug, new.significance, new.first_seen, new.event_id);
  DELETE FROM guide_top WHERE guide_slug = new.guide_slug
    AND (significance, first_seen, event_id) = (SELECT significance, first_seen, event_id FROM guide_top t WHERE t.guide_slug = new.guide_slug ORDER BY significance, first_seen, event_id LIMIT 1)
    AND (SELECT COUNT(*) FROM guide_top t WHERE t.guide_slug = new.guide_slug) > 40;
END;
-- Fewer than 20 held while the guide has more (its best taken away since): the guide's best
-- 40 again, on the next row it takes or moves (those held already are passed over).
CREATE TRIGGER guide_top_refill_insert AFTER INSERT ON guide_events
  WHEN (SELECT COUNT(*) FROM guide_top t WHERE t.guide_slug = new.guide_slug) < 20
    AND (SELECT COUNT(*) FROM guide_top t WHERE t.guide_slug = new.guide_slug) < (SELECT COUNT(*) FROM (SELECT 1 FROM guide_events g WHERE g.guide_slug = new.guide_slug LIMIT 20))
BEGIN
  INSERT OR IGNORE INTO guide_top (guide_slug, significance, first_seen, event_id)
    SELECT guide_slug, significance, first_seen, event_id FROM guide_events WHERE guide_slug = new.guide_slug
    ORDER BY significance DESC, first_seen DESC, event_id DESC LIMIT 40;
END;
CREATE TRIGGER guide_top_refill_update AFTER UPDATE OF significance, first_seen, event_id ON guide_events
  WHEN (SELECT COUNT(*) FROM guide_top t WHERE t.guide_slug = new.guide_slug) < 20
    AND (SELECT COUNT(*) FROM guide_top t WHERE t.guide_slug = new.guide_slug) < (SELECT COUNT(*) FROM (SELECT 1 FROM guide_events g WHERE g.guide_slug = new.guide_slug LIMIT 20))
BEGIN
  INSERT OR IGNORE INTO guide_top (guide_slug, significance, first_seen, event_id)
    SELECT guide_slug, significance, first_seen, event_id FROM guide_events WHERE guide_slug = new.guide_slug
    ORDER BY significance DESC, first_seen DESC, event_id DESC LIMIT 40;
END;
-- @postgres
-- The same rules in one function. Row triggers fire once the statement is done here, so a
-- refill for one row of a statement may already have taken a later row of it: inserts pass
-- over a row held.
CREATE FUNCTION guide_top_keep() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  held INTEGER;
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    DELETE FROM guide_top WHERE guide_slug = OLD.guide_slug AND significance = OLD.significance AND first_seen = OLD.first_seen AND event_id = OLD.event_id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN NULL;
  END IF;
  INSERT INTO guide_top (guide_slug, significance, first_seen, event_id)
    SELECT NEW.guide_slug, NEW.significance, NEW.first_seen, NEW.event_id
    WHERE EXISTS (SELECT 1 FROM guide_top t WHERE t.guide_slug = NEW.guide_slug AND (t.significance, t.first_seen, t.event_id) < (NEW.significance, NEW.first_seen, NEW.event_id))
      OR (SELECT COUNT(*) FROM guide_top t WHERE t.guide_slug = NEW.guide_slug) >= (SELECT COUNT(*) FROM (SELECT 1 FROM guide_events g WHERE g.guide_slug = NEW.guide_slug LIMIT 42) AS n) - 1
    ON CONFLICT DO NOTHING;
  SELECT COUNT(*) INTO held FROM guide_top WHERE guide_slug = NEW.guide_slug;
  IF held > 40 THEN
    DELETE FROM guide_top WHERE (guide_slug, significance, first_seen, event_id) IN (
      SELECT guide_slug, significance, first_seen, event_id FROM guide_top WHERE guide_slug = NEW.guide_slug ORDER BY significance, first_seen, event_id LIMIT held - 40);
  ELSIF held < 20 AND held < (SELECT COUNT(*) FROM (SELECT 1 FROM guide_events g WHERE g.guide_slug = NEW.guide_slug LIMIT 20) AS n) THEN
    INSERT INTO guide_top (guide_slug, significance, first_seen, event_id)
      SELECT ge.guide_slug, ge.significance, ge.first_seen, ge.event_id FROM guide_events ge
      WHERE ge.guide_slug = NEW.guide_slug
        AND NOT EXISTS (SELECT 1 FROM guide_top t WHERE t.guide_slug = ge.guide_slug AND t.significance = ge.significance AND t.first_seen = ge.first_seen AND t.event_id = ge.event_id)
      ORDER BY ge.significance DESC, ge.first_seen DESC, ge.event_id DESC
      LIMIT 40 - held
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER guide_top_insert AFTER INSERT ON guide_events FOR EACH ROW EXECUTE FUNCTION guide_top_keep();
CREATE TRIGGER guide_top_delete AFTER DELETE ON guide_events FOR EACH ROW EXECUTE FUNCTION guide_top_keep();
CREATE TRIGGER guide_top_update AFTER UPDATE OF significance, first_seen, event_id ON guide_events FOR EACH ROW
  WHEN (OLD.significance IS DISTINCT FROM NEW.significance OR OLD.first_seen IS DISTINCT FROM NEW.first_seen OR OLD.event_id IS DISTINCT FROM NEW.event_id)
  EXECUTE FUNCTION guide_top_keep();
