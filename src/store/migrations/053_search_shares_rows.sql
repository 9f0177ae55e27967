-- search_shares (034) also answers each searched table's row count (the planner's, from its
-- statistics): walking the newest rows costs the same in any table, gathering the matches costs
-- as many as match, so which is cheaper depends on the table's size as well as on the share
-- (src/store/search-postgres-candidates.ts). SQLite needs nothing of the kind.
-- @postgres
DROP FUNCTION search_shares(text);
CREATE FUNCTION search_shares(words text) RETURNS TABLE (searched text, share float8, total float8) LANGUAGE plpgsql AS $$
DECLARE
  plan json;
BEGIN
  FOREACH searched IN ARRAY ARRAY['events', 'articles', 'extractions'] LOOP
    EXECUTE format('EXPLAIN (FORMAT JSON) SELECT 1 FROM %I WHERE search @@ plainto_tsquery(''english'', %L)', searched, words)
      INTO plan;
    SELECT greatest(reltuples, 0) INTO total FROM pg_class WHERE oid = searched::regclass;
    share := CASE WHEN total > 0 THEN least(1, (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8 / total) ELSE 0 END;
    RETURN NEXT;
  END LOOP;
END $$;
-- @both
