-- Each stage row carries its article's place in time (COALESCE(published_at, fetched_at),
-- the order the stages take articles in), so that "the next articles waiting for a stage"
-- and "the oldest article a stage has still to do" read one index in order instead of
-- joining every waiting row to its article and sorting them: at the turn of a fetch round
-- thousands wait, and the stages ask again after every batch.
ALTER TABLE article_stages ADD COLUMN article_time TEXT NOT NULL DEFAULT '';
UPDATE article_stages SET article_time = (SELECT COALESCE(a.published_at, a.fetched_at) FROM articles a WHERE a.id = article_stages.article_id);
DROP INDEX article_stages_todo;
CREATE INDEX article_stages_next ON article_stages(stage, status, article_time, article_id);
