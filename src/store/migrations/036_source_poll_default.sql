-- A source polls at its own interval only when one was given for it; the others follow the
-- store owner's setting (ALMANAC_POLL_INTERVAL_S), read when a poll is scheduled. Sources kept
-- before this had the hourly default written in: those with another interval keep it as their own.
ALTER TABLE sources ADD COLUMN poll_interval_own INTEGER NOT NULL DEFAULT 0;
UPDATE sources SET poll_interval_own = 1 WHERE poll_interval_s <> 3600;
