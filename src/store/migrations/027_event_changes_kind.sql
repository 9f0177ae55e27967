-- Relating now reads an event's kind (a piece of opinion relates first to other opinions:
-- src/events/related.ts), so a change of kind is a change the relating thread must hear of
-- (src/store/held-rows.ts). The trigger is written again with kind among what it watches.
-- @sqlite
DROP TRIGGER event_changes_update;
CREATE TRIGGER event_changes_update AFTER UPDATE OF id, title, first_seen, last_updated, kind, topics, entities ON events
  WHEN old.id IS NOT new.id OR (old.title = '') IS NOT (new.title = '') OR old.first_seen IS NOT new.first_seen
    OR old.last_updated IS NOT new.last_updated OR old.kind IS NOT new.kind OR old.topics IS NOT new.topics OR old.entities IS NOT new.entities BEGIN
  INSERT INTO event_changes (event_id) VALUES (old.id);
  INSERT INTO event_changes (event_id) SELECT new.id WHERE new.id IS NOT old.id;
END;
