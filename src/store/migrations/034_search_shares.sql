-- PostgreSQL search decides, for each searched table, whether to walk its newest rows or ask
-- the GIN index (src/store/search-postgres-candidates.ts), from the share of rows the planner
-- expects to match. This answers that for the three tables in one round trip: the planner's
-- estimate of the matching rows over the rows its statistics counted (0 before the first
-- ANALYZE). Not STABLE: EXPLAIN runs only in a volatile function. SQLite needs nothing of the kind.
-- @postgres
CREATE FUNCTION search_shares(words text) RETURNS TABLE (searched text, share float8) LANGUAGE plpgsql AS $$
DECLARE
  plan json;
  total float8;
BEGIN
  FOREACH searched IN ARRAY ARRAY['events', 'articles', 'extractions'] LOOP
    EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM %I WHERE search @@ plainto_tsquery(''english'', %L)', searched, words)
      INTO plan;
    SELECT reltuples INTO total FROM pg_class WHERE oid = searched::regclass;
    share := CASE WHEN total > 0 THEN least(1, (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8 / total) ELSE 0 END;
    RETURN NEXT;
  END LOOP;
END $$;
-- @both
