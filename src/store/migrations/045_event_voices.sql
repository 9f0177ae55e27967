-- The voices an event speaks in, as bits (src/events/commentary.ts): 1 when it reports a happening,
-- 2 when it is a piece of opinion or a member is a writer's view of it. Relating reads it: a
-- launch with an op-ed reacting to it is among the voices of that op-ed's debate. Events kept
-- before this column get theirs from their primary's kind and their members' roles, as a
-- refresh writes them.
ALTER TABLE events ADD COLUMN voices INTEGER NOT NULL DEFAULT 0;
UPDATE events SET voices =
  (CASE WHEN kind IN ('op-ed', 'analysis', 'interview', 'podcast')
    OR EXISTS (SELECT 1 FROM event_articles m WHERE m.event_id = events.id AND m.role = 'commentary') THEN 2 ELSE 0 END)
  + (CASE WHEN kind IS NULL OR kind NOT IN ('op-ed', 'analysis', 'interview', 'podcast') THEN 1 ELSE 0 END);
-- @sqlite
-- Relating's held rows (src/store/held-rows.ts) must hear of a change of voices, as of kind.
DROP TRIGGER event_changes_update;
CREATE TRIGGER event_changes_update AFTER UPDATE OF id, title, first_seen, last_updated, kind, voices, topics, entities ON events
  WHEN old.id IS NOT new.id OR (old.title = '') IS NOT (new.title = '') OR old.first_seen IS NOT new.first_seen
    OR old.last_updated IS NOT new.last_updated OR old.kind IS NOT new.kind OR old.voices IS NOT new.voices
    OR old.topics IS NOT new.topics OR old.entities IS NOT new.entities BEGIN
  INSERT INTO event_changes (event_id) VALUES (old.id);
  INSERT INTO event_changes (event_id) SELECT new.id WHERE new.id IS NOT old.id;
END;
