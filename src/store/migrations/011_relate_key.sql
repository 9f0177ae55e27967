-- What an event's related events and novelty were last computed from (its topics, entities
-- and size class): refreshing an event whose key is unchanged keeps them as they are.
ALTER TABLE events ADD COLUMN relate_key TEXT;
